package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
	"github.com/redress-cli/redress/reminders"
)

type dossierOptions struct {
	caseID int64
	output string // -o FILE.html
	pdf    string // --pdf FILE.pdf
	paper  string
	reveal bool
}

func newDossierCmd(a *app) *cobra.Command {
	opts := &dossierOptions{}
	cmd := &cobra.Command{
		Use:   "dossier CASE -o FILE.html | --pdf FILE.pdf",
		Short: "Write the case as one printable file for a regulator, an ombudsman or a card issuer",
		Long: `Write everything a regulator, an ombudsman, a card issuer or a small-claims
court asks for in one file, in the case's language: the parties, the
problem and the outcome asked for, a timeline picture (contacts, promises
made, kept and broken, tickets, escalations and the statutory clocks on
one axis, in days since the case was opened), the dated chronology, the
evidence with thumbnails of the photos and each file's SHA-256, and the
sources of the deadlines.

-o FILE.html writes one self-contained HTML page: the styles and images
are inside it, it has no script and loads nothing from the network, and
it prints on A4 and US Letter. --pdf FILE.pdf renders that page to PDF
with your Chrome or Chromium (found as chromium, chromium-browser or
google-chrome, or named by $REDRESS_CHROME); without one, print the HTML
to PDF from any browser instead.

Account references are masked unless --reveal. Both files are new and
private (0600); an existing file is never overwritten.`,
		Example: `  redress dossier 3 -o kettle-dossier.html
  redress dossier 3 --pdf kettle-dossier.pdf
  redress dossier 3 --pdf dossier.pdf --paper letter --reveal`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runDossier(a, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write the HTML dossier to this new file")
	cmd.Flags().StringVar(&opts.pdf, "pdf", "", "write the dossier as PDF to this new file (needs Chrome or Chromium)")
	cmd.Flags().StringVar(&opts.paper, "paper", "", "PDF paper: a4 or letter (default: letter in the US, else a4)")
	cmd.Flags().BoolVar(&opts.reveal, "reveal", false, "show account references in full (masked by default)")
	return cmd
}

func runDossier(a *app, opts *dossierOptions) error {
	if opts.output == "" && opts.pdf == "" {
		return usageErr(w("err_dossier_output"), w("hint_dossier_output", opts.caseID))
	}
	paper := strings.ToLower(opts.paper)
	if paper != "" && paper != "a4" && paper != "letter" {
		return usageErr(w("err_unknown_paper", opts.paper), w("hint_paper"))
	}
	f, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	images, err := a.store.EvidenceData(a.ctx, f.ID, casefile.Evidence.IsImage)
	if err != nil {
		return err
	}
	amendments, err := dossierAmendments(a, f, now, opts.reveal)
	if err != nil {
		return err
	}
	d, err := prep.NewDossier(prep.DossierInput{Full: f, Now: now, Loc: a.loc, Reveal: opts.reveal,
		Images: images, Clocks: dossierClocks(f, a), Amendments: amendments})
	if err != nil {
		return err
	}
	page, err := prep.RenderDossier(d)
	if err != nil {
		return err
	}
	if opts.output != "" {
		if err := a.writeOutput(opts.output, false, func(w io.Writer) error { _, err := w.Write(page); return err }); err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, msgf(a.lang, "dossier_written", f.ID, clean(opts.output)))
	}
	if opts.pdf == "" {
		return nil
	}
	if paper == "" {
		paper = "a4"
		if f.Jurisdiction == casefile.JurisdictionUS {
			paper = "letter"
		}
	}
	pdf, err := a.printPDF(page, paper)
	if err != nil {
		return err
	}
	if err := a.writeOutput(opts.pdf, false, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "dossier_written", f.ID, clean(opts.pdf)))
	return nil
}

// dossierClocks are the deadlines the dossier shows, with their sources:
// the one place the dossier learns the law, so the rights table can take
// over here.
func dossierClocks(f casefile.Full, a *app) []prep.Clock {
	var out []prep.Clock
	for _, c := range reminders.Clocks(f, a.loc) {
		out = append(out, prep.Clock{Key: string(c.Rule), At: c.At, Summary: c.Summary, Source: c.Source})
	}
	return out
}

// dossierAmendments are the corrections of the case's record, from its
// history: every edit, delete and undo (not what was added, settled or
// logged during a call, which the chronology shows), account references
// masked unless revealed.
func dossierAmendments(a *app, f casefile.Full, now time.Time, reveal bool) ([]prep.Amendment, error) {
	hs, err := a.store.History(a.ctx, f.ID)
	if err != nil {
		return nil, err
	}
	if !reveal {
		casefile.MaskHistory(hs)
	}
	// In the dossier's language, the case's.
	l := f.Lang
	if l != "ko" {
		l = "en"
	}
	var out []prep.Amendment
	for _, h := range hs {
		if !strings.HasSuffix(h.Command, " edit") && !strings.HasSuffix(h.Command, " delete") && h.Command != "edit" && h.Undoes == nil {
			continue
		}
		who := kindWord(l, h.Kind) + " " + fmt.Sprint(h.EntryID)
		if h.Action() != "edit" {
			out = append(out, prep.Amendment{At: h.At, What: describeRow(l, h, now, a.loc)})
			continue
		}
		for _, fc := range h.Fields() {
			out = append(out, prep.Amendment{At: h.At, What: who + " " + fieldWord(l, fc.Field),
				Before: showValue(l, fc.Old, now, a.loc), Now: showValue(l, fc.New, now, a.loc)})
		}
	}
	return out, nil
}
