package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type refOptions struct {
	caseID       int64
	label, value string
}

func newRefCmd(a *app) *cobra.Command {
	opts := &refOptions{}
	cmd := &cobra.Command{
		Use:   "ref CASE LABEL VALUE",
		Short: "Store an account reference the agent will ask for (shown masked)",
		Long: `Store an account reference: an order number, account number or customer id
the agent will ask for. It is shown masked ("•••• 4821") everywhere unless
--reveal, and never exported to calendars.

Never store a PIN or password: redress refuses labels that name a secret.
The call sheet asks whether you have them at hand instead.`,
		Example: `  redress ref 3 "order number" ORD-2026-114821
  redress ref 3 "account number" 12345678`,
		Args: exactArgs("CASE", "LABEL", "VALUE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.label, opts.value = args[1], args[2]
			return runRef(a, opts)
		},
	}
	addCorrections(a, cmd, "ref")
	return cmd
}

func runRef(a *app, opts *refOptions) error {
	now, s, err := a.nowAndStore()
	if err != nil {
		return err
	}
	r := casefile.AccountRef{CaseID: opts.caseID, Label: opts.label, Value: opts.value, CreatedAt: now}
	if err := s.AddRef(a.ctx, &r); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "ref_added", r.CaseID, clean(r.Label), clean(r.Masked())))
	return nil
}
