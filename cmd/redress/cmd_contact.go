package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
)

type contactOptions struct {
	caseID     int64
	channel    string
	rep        string
	department string
	summary    string
	at         string
	duration   time.Duration
}

func newContactCmd(a *app) *cobra.Command {
	opts := &contactOptions{}
	cmd := &cobra.Command{
		Use:   "contact CASE --channel CHANNEL",
		Short: "Log a call, chat, email, visit, letter or post after the fact",
		Long: `Log a contact with the company: who you spoke to and what came of it.
For a call in progress, 'redress call' is faster. Tickets and promises
from this contact can point to it with --contact ID.`,
		Example: `  redress contact 3 --channel call --rep Anna --department billing --duration 25m \
      --summary "agreed to refund once the return is scanned"
  redress contact 3 --channel email --summary "sent photos of the damage" --at yesterday`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runContact(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.channel, "channel", "", "call, chat, email, visit, letter, social or web-form (required)")
	cmd.Flags().StringVar(&opts.rep, "rep", "", "name or id of the person you dealt with")
	cmd.Flags().StringVar(&opts.department, "department", "", "their department")
	cmd.Flags().StringVar(&opts.summary, "summary", "", "what happened, in a sentence")
	cmd.Flags().StringVar(&opts.at, "at", "", "when (default: now)")
	cmd.Flags().DurationVar(&opts.duration, "duration", 0, "how long it took, e.g. 25m or 1h10m")
	return cmd
}

func runContact(a *app, opts *contactOptions) error {
	if opts.channel == "" {
		return usageErr("missing --channel", "one of call, chat, email, visit, letter, social, web-form")
	}
	now, err := a.now()
	if err != nil {
		return err
	}
	at := now
	if opts.at != "" {
		d, err := dates.Parse(opts.at, now, a.loc)
		if err != nil {
			return fmt.Errorf("--at: %w", err)
		}
		at = d.Time(a.loc)
	}
	c := casefile.Contact{CaseID: opts.caseID, Channel: casefile.Channel(opts.channel), At: at,
		DurationS: int64(opts.duration / time.Second), Rep: opts.rep, Department: opts.department, Summary: opts.summary}
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.AddContact(a.ctx, &c); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "contact_added", c.ID, c.CaseID, fmtTime(a.lang, c.At, now, a.loc)))
	return nil
}
