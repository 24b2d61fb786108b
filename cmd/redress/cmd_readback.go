package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/prep"
)

type readbackOptions struct {
	caseID    int64
	contactID int64
	json      bool
}

func newReadbackCmd(a *app) *cobra.Command {
	opts := &readbackOptions{}
	cmd := &cobra.Command{
		Use:   "readback CASE [--contact ID]",
		Short: "Print the read-back summary of a call again",
		Long: `Print the read-back summary: what the company will do and by when, the
ticket numbers and the agent's name, as a question to confirm. It is in
the case's language, since it is said to the company. By default it reads
back the latest contact; --contact picks another.`,
		Example: `  redress readback 3
  redress readback 3 --contact 7`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runReadback(a, opts)
		},
	}
	cmd.Flags().Int64Var(&opts.contactID, "contact", 0, "the contact to read back (default: the latest)")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	return cmd
}

func runReadback(a *app, opts *readbackOptions) error {
	full, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	if opts.contactID == 0 && len(full.Contacts) == 0 {
		return failErr(w("err_readback_no_call", opts.caseID), w("hint_readback_no_call", opts.caseID, opts.caseID))
	}
	text, err := prep.Readback(prep.NewFacts(full.Case.Lang, full, now, a.loc), opts.contactID)
	if err != nil {
		return failErr(verbatim(err.Error()), w("hint_show_contacts", opts.caseID))
	}
	if opts.json {
		return writeJSON(a.stdout, struct {
			CaseID    int64  `json:"case_id"`
			ContactID int64  `json:"contact_id"`
			Lang      string `json:"lang"`
			Text      string `json:"text"`
		}{opts.caseID, opts.contactID, full.Case.Lang, text})
	}
	fmt.Fprintln(a.stdout, cleanBlock(text))
	return nil
}
