package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type ticketOptions struct {
	caseID    int64
	number    string
	label     string
	expected  string
	contactID int64
	at        string
}

func newTicketCmd(a *app) *cobra.Command {
	opts := &ticketOptions{}
	cmd := &cobra.Command{
		Use:   "ticket CASE NUMBER",
		Short: "Record a ticket or reference number the company gave you",
		Example: `  redress ticket 3 A-1234 --expected "in 5 days"
  redress ticket 3 RMA-88 --label "return label" --contact 2`,
		Args: exactArgs("CASE", "NUMBER"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.number = args[1]
			return runTicket(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.label, "label", "", "what the ticket is for")
	cmd.Flags().StringVar(&opts.expected, "expected", "", "expected resolution date")
	cmd.Flags().Int64Var(&opts.contactID, "contact", 0, "the contact it came from")
	cmd.Flags().StringVar(&opts.at, "at", "", "when it was given (default: the contact's time, else now)")
	addCorrections(a, cmd, "ticket")
	return cmd
}

func runTicket(a *app, opts *ticketOptions) error {
	now, err := a.now()
	if err != nil {
		return err
	}
	t := casefile.Ticket{CaseID: opts.caseID, Number: opts.number, Label: opts.label, CreatedAt: now, ContactID: optionalID(opts.contactID)}
	if opts.at != "" {
		// When it was given; without --at, the store dates it by its contact.
		if _, t.At, err = a.nowAndAt(opts.caseID, opts.at); err != nil {
			return err
		}
	}
	if opts.expected != "" {
		r, err := a.caseDates(opts.caseID)
		if err != nil {
			return err
		}
		if t.Expected, err = a.readDue(r, "--expected", opts.expected); err != nil {
			return err
		}
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.AddTicket(a.ctx, &t); err != nil {
		return err
	}
	line := msgf(a.lang, "ticket_added", clean(t.Number), t.CaseID)
	if !t.Expected.IsZero() {
		line += ", " + msgf(a.lang, "expected", fmtDate(a.lang, t.Expected, a.loc))
	}
	fmt.Fprintln(a.stdout, line)
	return nil
}

func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
