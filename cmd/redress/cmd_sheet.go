package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/prep"
)

type sheetOptions struct {
	caseID int64
	format string
	reveal revealFlags
	full   bool
	lang   string // --lang when given on this command line: the language of the lines to say too
}

func newSheetCmd(a *app) *cobra.Command {
	opts := &sheetOptions{}
	cmd := &cobra.Command{
		Use:   "sheet CASE",
		Short: "Print the one-page call sheet to keep open during the call",
		Long: `Print the call sheet: references, the problem in one line, what you want,
what happened, the policy dates with days left, your opening line, what to
ask for, when and how to ask for a supervisor, the read-back, and other
channels. Lines you have not written in 'redress prep' are suggested.

The text sheet is wrapped at the terminal's width (REDRESS_COLUMNS sets
it; 80 columns into a file or a pipe) and fits one 40-line screen: a
section that does not fit is shortened to one line with the command that
shows it. --full prints every section in full. The lines to say (the
opening, the supervisor line, the answers to common fob-offs) are in the
case's language unless --lang is given.

--format md writes Markdown for a notes app; --format json the same facts
as data.`,
		Example: `  redress sheet 3
  redress sheet 3 --format md > call.md
  redress sheet 3 --lang ko`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			if cmd.Flags().Changed("lang") {
				opts.lang = a.lang
			}
			return runSheet(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "text, md or json")
	cmd.Flags().BoolVar(&opts.full, "full", false, "every section in full, even when the sheet is longer than one screen")
	opts.reveal.bind(cmd)
	return cmd
}

func runSheet(a *app, opts *sheetOptions) error {
	if opts.format != "text" && opts.format != "md" && opts.format != "json" {
		return usageErr(w("err_unknown_format", opts.format), w("hint_format_text_md_json"))
	}
	if err := opts.reveal.check(a); err != nil {
		return err
	}
	f, notes, now, err := a.loadParts(opts.caseID, prep.SheetParts)
	if err != nil {
		return err
	}
	speak := f.Lang
	if opts.lang != "" {
		speak = opts.lang
	}
	sheet, err := prep.NewSheetSpeaking(a.lang, speak, f, notes, now, a.loc, opts.reveal.on)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(a.stdout, sheet)
	}
	width, _ := a.termWidth()
	height := prep.SheetLines
	if opts.full {
		height = 0
	}
	out, err := prep.RenderSheetSize(a.lang, opts.format, sheet, width, height)
	if err != nil {
		return err
	}
	fmt.Fprint(a.stdout, cleanBlock(out))
	return nil
}
