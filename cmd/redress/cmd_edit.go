package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/redress-cli/redress/casefile"
)

type editOptions struct {
	caseID  int64
	fields  caseFields
	changed func(string) bool
	any     bool
}

func newEditCmd(a *app) *cobra.Command {
	opts := &editOptions{}
	cmd := &cobra.Command{
		Use:   "edit CASE --FIELD VALUE...",
		Short: "Change fields of a case",
		Long: `Change one or more fields of a case; the flags are those of 'redress new'.
An empty value clears an optional field.`,
		Example: `  redress edit 3 --outcome "refund of 49.90 EUR by 5 December"
  redress edit 3 --status waiting --return-by 2026-12-02
  redress edit 3 --warranty-until ""`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.changed = cmd.Flags().Changed
			cmd.LocalFlags().VisitAll(func(f *pflag.Flag) { opts.any = opts.any || f.Changed })
			return runEdit(a, opts)
		},
	}
	opts.fields.bind(cmd.Flags())
	return cmd
}

func runEdit(a *app, opts *editOptions) error {
	if !opts.any {
		return usageErr(w("err_nothing_to_change"), w("hint_edit_field"))
	}
	now, s, err := a.nowAndStore()
	if err != nil {
		return err
	}
	c, err := s.UpdateCase(a.ctx, opts.caseID, func(c *casefile.Case) error {
		return opts.fields.apply(a, c, opts.changed, now)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "case_edited", c.ID, clean(c.Title)))
	printCaseDates(a, c)
	return nil
}
