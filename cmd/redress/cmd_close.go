package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

type closeOptions struct {
	caseID  int64
	outcome string
}

func newCloseCmd(a *app) *cobra.Command {
	opts := &closeOptions{}
	cmd := &cobra.Command{
		Use:   "close CASE --outcome TEXT",
		Short: "Close a case and record how it ended",
		Example: `  redress close 3 --outcome "refunded 49.90 EUR on 4 Dec"
  redress close 3 --outcome "gave up: below the small-claims threshold"`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runClose(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.outcome, "outcome", "", "how it ended (required)")
	return cmd
}

func runClose(a *app, opts *closeOptions) error {
	if opts.outcome == "" {
		return usageErr(w("err_missing_outcome"), w("hint_outcome"))
	}
	now, s, err := a.nowAndStore()
	if err != nil {
		return err
	}
	c, err := s.CloseCase(a.ctx, opts.caseID, opts.outcome, now)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "case_closed", c.ID, clean(c.FinalOutcome)))
	return nil
}

func newReopenCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "reopen CASE",
		Short:   "Reopen a closed or resolved case",
		Example: "  redress reopen 3",
		Args:    exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := caseArg(args[0])
			if err != nil {
				return err
			}
			s, err := a.open()
			if err != nil {
				return err
			}
			c, err := s.ReopenCase(a.ctx, id)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, msgf(a.lang, "case_reopened", c.ID))
			return nil
		},
	}
}
