package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type contactOptions struct {
	caseID     int64
	channel    string
	rep        string
	department string
	summary    string
	at         string
	duration   time.Duration
	tickets    []string // --ticket NUMBER, repeatable
	promises   []string // --promise "TEXT@DATE", repeatable

	fromCompany bool // --from-company: the company sent it
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
  redress contact 3 --channel email --summary "sent photos of the damage" --at yesterday
  redress contact 3 --channel letter --from-company --summary "final response: refund refused"
  redress contact 3 --channel call --rep Anna --ticket A-1234 --promise "refund 49 EUR@friday"`,
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
	cmd.Flags().StringArrayVar(&opts.tickets, "ticket", nil, "a ticket number given in it (repeatable)")
	cmd.Flags().StringArrayVar(&opts.promises, "promise", nil, `a promise made in it, "TEXT@DATE" (repeatable; --rep made it)`)
	cmd.Flags().BoolVar(&opts.fromCompany, "from-company", false, "the company sent it (its reply by email, letter or post), not you")
	addCorrections(a, cmd, "contact")
	return cmd
}

func runContact(a *app, opts *contactOptions) error {
	if opts.channel == "" {
		return usageErr(w("err_missing", "--channel"), w("hint_accepted", channelList()))
	}
	now, at, err := a.nowAndAt(opts.caseID, opts.at)
	if err != nil {
		return err
	}
	c := casefile.Contact{CaseID: opts.caseID, Channel: casefile.Channel(opts.channel), At: at,
		DurationS: int64(opts.duration / time.Second), Rep: opts.rep, Department: opts.department, Summary: opts.summary,
		FromCompany: opts.fromCompany}
	var tickets []*casefile.Ticket
	for _, n := range opts.tickets {
		tickets = append(tickets, &casefile.Ticket{Number: n, CreatedAt: now})
	}
	var promises []*casefile.Promise
	for _, v := range opts.promises {
		// The last "@" splits, so a promise may mention an email address.
		i := strings.LastIndex(v, "@")
		if i < 0 {
			return usageErr(w("err_promise_no_date", v), w("hint_promise_at"))
		}
		r, err := a.caseDates(opts.caseID)
		if err != nil {
			return err
		}
		due, err := a.readDue(r, "--promise", v[i+1:])
		if err != nil {
			return err
		}
		promises = append(promises, &casefile.Promise{Text: v[:i], By: opts.rep, Due: due, CreatedAt: now})
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	// One transaction: the contact and what was said in it are stored
	// together or not at all.
	if err := s.AddContactWith(a.ctx, &c, tickets, promises); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "contact_added", c.ID, c.CaseID, fmtTime(a.lang, c.At, now, a.loc)))
	for _, t := range tickets {
		fmt.Fprintln(a.stdout, "  "+msgf(a.lang, "ticket_added", clean(t.Number), t.CaseID))
	}
	for _, p := range promises {
		fmt.Fprintln(a.stdout, "  "+msgf(a.lang, "promise_added", p.ID, p.CaseID, clean(p.Text), fmtDate(a.lang, p.Due, a.loc)))
	}
	return nil
}

// channelList is every contact channel, as the user types it.
func channelList() string {
	names := make([]string, len(casefile.Channels))
	for i, c := range casefile.Channels {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}
