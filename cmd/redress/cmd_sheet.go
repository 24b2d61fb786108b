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
			return runSheet(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "text, md or json")
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
	f, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	sheet, err := prep.NewSheet(a.lang, f, now, a.loc, opts.reveal.on)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(a.stdout, sheet)
	}
	out, err := prep.RenderSheet(a.lang, opts.format, sheet)
	if err != nil {
		return err
	}
	fmt.Fprint(a.stdout, cleanBlock(out))
	return nil
}
