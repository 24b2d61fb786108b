package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// browserNames are the commands tried, in order, for a Chrome or Chromium
// to print with, after $REDRESS_CHROME.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// findBrowser returns the path of the user's Chrome or Chromium.
func (a *app) findBrowser() (string, error) {
	if v := a.getenv("REDRESS_CHROME"); v != "" {
		p, err := exec.LookPath(v)
		if err != nil {
			return "", failErr(w("pdf_chrome_env", clean(v)), w("pdf_no_browser_hint"))
		}
		return p, nil
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", failErr(w("pdf_no_browser"), w("pdf_no_browser_hint"))
}

// papers are the PDF page sizes.
var papers = map[string]chromedp.PaperSize{"a4": chromedp.PaperA4, "letter": chromedp.PaperLetter}

// printPDF renders an HTML page to PDF in headless Chrome or Chromium.
// The page is read from a private temporary file (so its images have
// loaded when printing starts); the browser gets a fresh profile and no
// background networking, and is ended when done.
func (a *app) printPDF(html []byte, paper string) ([]byte, error) {
	browser, err := a.findBrowser()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "redress-dossier-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	// A scratch copy for the browser to load, inside the private folder
	// just made and removed on return; the PDF itself, the user's output,
	// is written by the one output writer.
	file := filepath.Join(dir, "dossier.html")
	if err := os.WriteFile(file, html, 0o600); err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-pings", true),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start as root with its sandbox on.
		opts = append(opts, chromedp.NoSandbox)
	}
	ctx, cancel := context.WithTimeout(a.ctx, 90*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	var pdf []byte
	err = chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(file)))
	if err == nil {
		pdf, err = chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(papers[paper]), chromedp.PDFPrintBackground(),
			chromedp.PDFMargins(0.55, 0.6, 0.55, 0.6)))
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, failErr(w("pdf_timeout"), w("pdf_no_browser_hint"))
	}
	if err != nil {
		return nil, failErr(w("pdf_failed", clean(err.Error())), w("pdf_no_browser_hint"))
	}
	return pdf, nil
}
