package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type listOptions struct {
	all     bool
	status  string
	company string
	json    bool
}

func newListCmd(a *app) *cobra.Command {
	opts := &listOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List cases with their next promise; overdue ones are marked",
		Long: `List cases, newest first. Each row shows the next pending promise, marked
with "!" when it is overdue. Open cases only, unless --all or --status.

--json prints an array of cases; each has every case field plus
"pending_promises" (a count), "next_promise" (a promise or null) and
"overdue" (true when the next promise is past due).`,
		Example: `  redress list
  redress list --all --company Acme
  redress list --status waiting --json`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runList(a, opts) },
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "include resolved and closed cases")
	cmd.Flags().StringVar(&opts.status, "status", "", "only cases with this status")
	cmd.Flags().StringVar(&opts.company, "company", "", "only cases with this company (any case)")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	return cmd
}

// listRow is one case in `list --json`.
type listRow struct {
	casefile.Summary
	Overdue bool `json:"overdue"`
}

func runList(a *app, opts *listOptions) error {
	now, err := a.now()
	if err != nil {
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	cases, err := s.List(a.ctx, casefile.ListFilter{All: opts.all, Status: casefile.Status(opts.status), Company: opts.company})
	if err != nil {
		return err
	}
	if opts.json {
		rows := make([]listRow, len(cases))
		for i, c := range cases {
			rows[i] = listRow{Summary: c, Overdue: c.NextPromise != nil && c.NextPromise.Due.Overdue(now, a.loc)}
		}
		return writeJSON(a.stdout, rows)
	}
	if len(cases) == 0 {
		if opts.all || opts.status != "" || opts.company != "" {
			fmt.Fprintln(a.stdout, msg(a.lang, "no_cases_filter"))
		} else {
			fmt.Fprintln(a.stdout, msg(a.lang, "no_cases"))
		}
		return nil
	}
	l := a.lang
	rows := make([][]string, 0, len(cases))
	for _, c := range cases {
		rows = append(rows, []string{fmt.Sprint(c.ID), truncate(clean(c.Title), 32), truncate(clean(c.Company), 16),
			msg(l, "st_"+string(c.Status)), nextPromiseCell(a, c, now)})
	}
	table(a.stdout, []string{msg(l, "col_case"), msg(l, "col_title"), msg(l, "col_company"), msg(l, "col_status"), msg(l, "col_next")}, rows)
	return nil
}

func nextPromiseCell(a *app, c casefile.Summary, n time.Time) string {
	p := c.NextPromise
	if p == nil {
		return "-"
	}
	cell := truncate(clean(p.Text), 40) + " · " + msgf(a.lang, "due", fmtShortDate(a.lang, p.Due, n, a.loc)) +
		" (" + relDays(a.lang, p.Due, n, a.loc, "overdue") + ")"
	if p.Due.Overdue(n, a.loc) {
		cell = "! " + cell
	}
	if c.Pending > 1 {
		cell += " " + msgf(a.lang, "pending_more", c.Pending-1)
	}
	return cell
}

// truncate shortens s to n characters with an ellipsis, so one long title
// cannot push the promise column off the screen.
func truncate(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
