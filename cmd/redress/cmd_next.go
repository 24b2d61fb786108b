package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/prep"
)

type nextOptions struct {
	caseID int64
	lang   string // --lang when given on this command line: the script's language
	format string
	json   bool
}

func newNextCmd(a *app) *cobra.Command {
	opts := &nextOptions{}
	cmd := &cobra.Command{
		Use:   "next CASE",
		Short: "Say which escalation step is due, and print its script",
		Long: `Decide from the case's history which step is due: broken and overdue
promises, refusals, the steps already taken, and the clocks (14 days for an
answer to a letter; in the UK, 8 weeks after the formal complaint the
ombudsman can take it). Then print the script for that step, in the case's
language (--lang overrides it). When nothing is due yet, it says until when
to wait.

--json prints the decision: step, stage, reason, alternative, rung,
missed, until, wait_for, and the explanation.`,
		Example: `  redress next 3
  redress next 3 --json
  redress next 3 --format md`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			if cmd.Flags().Changed("lang") {
				opts.lang = a.lang
			}
			return runNext(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "format of the script: text or md")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the decision as JSON")
	return cmd
}

func runNext(a *app, opts *nextOptions) error {
	if opts.format != "text" && opts.format != "md" {
		return usageErr(w("err_unknown_format", opts.format), w("hint_format_text_md"))
	}
	f, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	d := prep.Next(f, now, a.loc)
	why, err := prep.ExplainNext(a.lang, d, f, now, a.loc)
	if err != nil {
		return err
	}
	if opts.json {
		return writeJSON(a.stdout, struct {
			CaseID int64 `json:"case_id"`
			prep.Decision
			Explanation string `json:"explanation"`
		}{f.ID, d, why})
	}
	fmt.Fprintln(a.stdout, cleanBlock(why))
	if d.Stage == "" {
		return nil
	}
	lang := f.Lang
	if opts.lang != "" {
		lang = opts.lang
	}
	sc, err := prep.RenderScript(lang, d.Stage, f, now, a.loc)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout)
	return writeScript(a, sc, opts.format, outputFlags{})
}
