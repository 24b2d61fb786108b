package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type promiseOptions struct {
	caseID    int64
	text      string
	due       string
	by        string
	contactID int64
	at        string
}

func newPromiseCmd(a *app) *cobra.Command {
	opts := &promiseOptions{}
	cmd := &cobra.Command{
		Use:   "promise CASE TEXT... --due DATE",
		Short: "Record what the company promised, and by when",
		Long: `Record a promise: what the company said it would do, who said it, and the
date it is due. The date is echoed back with its weekday. Later, mark it
with 'redress promise kept|broken|cancel ID'.`,
		Example: `  redress promise 3 "refund 49 EUR to my card" --due friday --by Anna
  redress promise 3 "call me back" --due "tomorrow 3pm"
  redress promise 3 "카드로 환불" --due "다음 주 금요일" --by 김민수
  redress promise broken 7`,
		Args: minArgs("CASE", "TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.text = strings.Join(args[1:], " ")
			return runPromise(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.due, "due", "", "when it is due (required)")
	cmd.Flags().StringVar(&opts.by, "by", "", "who promised it (the rep)")
	cmd.Flags().Int64Var(&opts.contactID, "contact", 0, "the contact it was made in")
	cmd.Flags().StringVar(&opts.at, "at", "", "when it was said (default: the contact's time, else now)")
	for _, st := range []struct {
		use    string
		status casefile.PromiseStatus
		short  string
	}{{"kept", casefile.PromiseKept, "Mark a promise kept"}, // words:ok help text stays English
		{"broken", casefile.PromiseBroken, "Mark a promise broken (it counts toward escalation)"}, // words:ok help text
		{"cancel", casefile.PromiseCancelled, "Mark a promise cancelled (no longer expected)"}} {  // words:ok help text
		cmd.AddCommand(newSettleCmd(a, st.use, st.status, st.short))
	}
	cmd.AddCommand(newPromiseExtendCmd(a))
	addCorrections(a, cmd, "promise")
	return cmd
}

func runPromise(a *app, opts *promiseOptions) error {
	if strings.TrimSpace(opts.due) == "" {
		return usageErr(w("err_missing_due"), w("hint_due"))
	}
	r, err := a.caseDates(opts.caseID)
	if err != nil {
		return err
	}
	now := r.Now
	due, err := a.readDue(r, "--due", opts.due)
	if err != nil {
		return err
	}
	p := casefile.Promise{CaseID: opts.caseID, Text: opts.text, By: opts.by, Due: due, CreatedAt: now, ContactID: optionalID(opts.contactID)}
	if opts.at != "" {
		// When it was said; without --at, the store dates it by its contact.
		if _, p.At, err = a.nowAndAt(opts.caseID, opts.at); err != nil {
			return err
		}
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.AddPromise(a.ctx, &p); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "promise_added", p.ID, p.CaseID, clean(p.Text), fmtDate(a.lang, p.Due, a.loc)))
	return nil
}

func newSettleCmd(a *app, use string, status casefile.PromiseStatus, short string) *cobra.Command {
	return &cobra.Command{
		Use:     use + " PROMISE",
		Short:   short,
		Example: "  redress promise " + use + " 7",
		Args:    exactArgs("PROMISE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := idArg("promise", args[0])
			if err != nil {
				return err
			}
			now, s, err := a.nowAndStore()
			if err != nil {
				return err
			}
			p, err := s.SettlePromise(a.ctx, id, status, now)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, msgf(a.lang, "promise_settled", p.ID, msg(a.lang, "st_"+string(p.Status)), clean(p.Text)))
			return nil
		},
	}
}
