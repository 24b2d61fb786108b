package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type noteOptions struct {
	caseID int64
	text   string
	kind   string
	url    string
	at     string
}

func newNoteCmd(a *app) *cobra.Command {
	opts := &noteOptions{}
	cmd := &cobra.Command{
		Use:   "note CASE TEXT...",
		Short: "Add a timeline bullet, a research finding or something you tried",
		Long: `Add a note to a case. Plain notes are the timeline bullets of the call
sheet; --kind research records a finding (with --url for its source) and
--kind tried records something you already tried. --at dates the note
when it tells of an earlier event; a timeline note may also start with its
date ("Oct 1: sat on hold for 2 hours"). Only a date at the very start is
read, the rest is kept word for word. TEXT "-" reads the note from stdin.`,
		Example: `  redress note 3 "Returned the headphones by post"  --at 2026-11-02
  redress note 3 "FAQ: refunds within 14 days of return" --kind research --url https://acme.example/faq
  redress note 3 "Reset the router twice" --kind tried
  redress note 3 - < notes-from-the-call.txt`,
		Args: minArgs("CASE", "TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			if opts.text = strings.Join(args[1:], " "); opts.text == "-" {
				if opts.text, err = a.stdinText("TEXT"); err != nil {
					return err
				}
			}
			return runNote(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.kind, "kind", "timeline", "timeline, research or tried")
	cmd.Flags().StringVar(&opts.url, "url", "", "source of a research finding")
	cmd.Flags().StringVar(&opts.at, "at", "", "when it happened (default: now)")
	addCorrections(a, cmd, "note")
	return cmd
}

func runNote(a *app, opts *noteOptions) error {
	now, at, err := a.nowAndAt(opts.caseID, opts.at)
	if err != nil {
		return err
	}
	n := casefile.Note{CaseID: opts.caseID, Kind: casefile.NoteKind(opts.kind), Text: opts.text, SourceURL: opts.url, At: at}
	if opts.at == "" && n.Kind == casefile.NoteTimeline {
		// A timeline line may start with its date ("Oct 1: sat on hold");
		// only that leading date is read, the rest is kept as typed.
		r, err := a.caseDates(opts.caseID)
		if err != nil {
			return err
		}
		d, text, ok, err := r.Line(opts.text)
		if err != nil {
			return err
		}
		if ok {
			n.At, n.Text = d.Time(a.loc), text
		}
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.AddNote(a.ctx, &n); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "note_added", n.ID, n.CaseID))
	if !n.At.Equal(now) { // echo the date read, so a misreading is seen at once
		fmt.Fprintln(a.stdout, "  "+msgf(a.lang, "note_dated", fmtDate(a.lang, casefile.DateOf(n.At.In(a.loc)), a.loc)))
	}
	return nil
}
