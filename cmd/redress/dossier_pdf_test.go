package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// TestDossierPDFInChromium renders an English and a Korean dossier to PDF
// in headless Chromium (Debian's chromium, installed by make tools; it
// never skips: a machine without it fails here). The PDF's text
// (pdftotext) holds every event, every evidence hash and the Korean text
// intact, and page 1 (pdftoppm) shows the timeline picture between its
// heading and the chronology's.
func TestDossierPDFInChromium(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make tools (Debian poppler-utils)", tool)
		}
	}
	photo := pngImage(t)
	for _, tc := range []struct {
		lang, jur            string
		setup                [][]string
		texts                []string // what the PDF must say
		timeline, chronology string   // the two headings on page 1
	}{
		{lang: "en", jur: "eu", setup: [][]string{
			{"new", "--title", "Refund for headphones", "--company", "Acme", "--kind", "refund", "--amount", "49.90 EUR",
				"--purchased", "2026-11-02", "--jurisdiction", "eu", "--problem", "Returned on 5 Nov, no refund yet", "--outcome", "Refund of 49.90 EUR"},
			{"note", "1", "Returned the headphones by post", "--at", "2026-11-05"},
			{"contact", "1", "--channel", "call", "--rep", "Anna", "--summary", "agreed to refund", "--at", "2026-11-10"},
			{"ticket", "1", "A-1234", "--expected", "2026-11-15"},
			{"promise", "1", "refund to my card", "--due", "2026-11-17", "--by", "Anna"},
			{"promise", "broken", "1"},
			{"escalate", "1", "supervisor", "--note", "asked for a manager"},
		}, texts: []string{"Refund for headphones", "Returned the headphones by post", "agreed to refund", "A-1234",
			"refund to my card", "Promise #1 broken", "asked for a manager", "box.png", "receipt.txt", "14-day withdrawal ends"},
			timeline: "Timeline", chronology: "Chronology"},
		{lang: "ko", jur: "kr", setup: [][]string{
			{"new", "--title", "전자레인지 파손 배송", "--company", "한빛전자", "--kind", "damaged-item", "--language", "ko",
				"--purchased", "2026-11-01", "--jurisdiction", "kr", "--problem", "배송된 전자레인지의 문 유리가 깨져 있었습니다"},
			{"contact", "1", "--channel", "call", "--rep", "김민수", "--summary", "교환 약속", "--at", "2026-11-03"},
			{"promise", "1", "교환 제품 발송", "--due", "2026-11-10", "--by", "김민수"},
			{"ticket", "1", "HB-5521", "--label", "파손 접수"},
			{"note", "1", "파손 사진 여섯 장 촬영", "--at", "2026-11-02"},
		}, texts: []string{"전자레인지 파손 배송", "한빛전자", "배송된 전자레인지의 문 유리가 깨져 있었습니다", "교환 약속",
			"교환 제품 발송", "HB-5521", "파손 사진 여섯 장 촬영", "7일 청약철회 기한", "전자상거래법 제17조"},
			timeline: "그림", chronology: "날짜별"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			dir := t.TempDir()
			env := map[string]string{"REDRESS_DB": filepath.Join(dir, "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00",
				"PATH": os.Getenv("PATH"), "REDRESS_CHROME": os.Getenv("REDRESS_CHROME")}
			redress := func(args ...string) string {
				var stdout, stderr bytes.Buffer
				if code := run(args, strings.NewReader(""), &stdout, &stderr, func(k string) string { return env[k] }); code != 0 {
					t.Fatalf("redress %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
				}
				return stdout.String()
			}
			for _, args := range tc.setup {
				redress(args...)
			}
			must(t, os.WriteFile(filepath.Join(dir, "box.png"), photo, 0o600))
			must(t, os.WriteFile(filepath.Join(dir, "receipt.txt"), []byte("Order 1: 49.90 EUR\n"), 0o600))
			redress("attach", "1", filepath.Join(dir, "box.png"), "--at", "2026-11-04")
			redress("attach", "1", filepath.Join(dir, "receipt.txt"))
			pdf := filepath.Join(dir, "dossier.pdf")
			redress("dossier", "1", "--pdf", pdf)
			if fi, err := os.Stat(pdf); err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("the PDF: %v, %v", fi, err)
			}

			text := pdfText(t, pdf)
			flat := strings.Join(strings.Fields(text), "")
			for _, want := range tc.texts {
				if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
					t.Errorf("the PDF does not say %q:\n%s", want, text)
				}
			}
			for _, data := range [][]byte{photo, []byte("Order 1: 49.90 EUR\n")} {
				if sum := casefile.SHA256Hex(data); !strings.Contains(flat, sum) {
					t.Errorf("the PDF lacks the SHA-256 %s", sum)
				}
			}
			checkTimelineDrawn(t, pdf, tc.timeline, tc.chronology)
		})
	}
}

func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var wordRe = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
var pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)

// checkTimelineDrawn finds the timeline's heading and the chronology's on
// page 1 (pdftotext -bbox), renders page 1 (pdftoppm) and checks that the
// band between them is drawn: dark strokes and the coloured marks of the
// picture, not a blank.
func checkTimelineDrawn(t *testing.T, pdf, from, to string) {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	pm := pageRe.FindSubmatch(out)
	if pm == nil {
		t.Fatal("no page size in pdftotext -bbox")
	}
	pageH, _ := strconv.ParseFloat(string(pm[2]), 64)
	top, bottom := -1.0, -1.0
	for _, m := range wordRe.FindAllSubmatch(out, -1) {
		word := string(m[3])
		if word == from && top < 0 {
			top, _ = strconv.ParseFloat(string(m[2]), 64)
		}
		if word == to && bottom < 0 {
			bottom, _ = strconv.ParseFloat(string(m[1]), 64)
		}
	}
	if top < 0 || bottom <= top {
		t.Fatalf("page 1 has no %q heading above a %q heading (%.0f, %.0f): the timeline is not on page 1", from, to, top, bottom)
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	scale := float64(b.Dy()) / pageH
	y0, y1 := int(top*scale)+4, int(bottom*scale)-2
	dark, colour, all := 0, 0, 0
	for y := y0; y < y1; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			all++
			if r+g+bl < 3*160 {
				dark++
			}
			if max(r, g, bl)-min(r, g, bl) > 70 {
				colour++
			}
		}
	}
	if all == 0 || float64(dark)/float64(all) < 0.01 || colour < 20 {
		t.Errorf("the timeline band of page 1 looks blank: %d dark and %d coloured pixels of %d", dark, colour, all)
	}
}

// pngImage makes a small colourful PNG to attach as a photo.
func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			img.Set(x, y, color.RGBA{uint8(x * 6), uint8(y * 8), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
