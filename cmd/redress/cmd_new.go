package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type newOptions struct {
	fields  caseFields
	changed func(string) bool
	json    bool
}

func newNewCmd(a *app) *cobra.Command {
	opts := &newOptions{}
	cmd := &cobra.Command{
		Use:   "new --title TITLE [flags]",
		Short: "Open a new case",
		Long: `Open a new case: one complaint to one company.

Only --title is required; everything else can be added later with
'redress edit' or 'redress prep'. Dates accept ISO dates and natural
phrases in English and Korean ("2026-11-02", "12/2", "Dec 2", "11월 2일",
"월말"); each is echoed back with its weekday.`,
		Example: `  redress new --title "Refund for headphones" --company Acme --kind refund \
      --amount "49.90 EUR" --purchased 2026-11-02 --return-by 2026-12-02 --jurisdiction eu
  redress new --lang ko --title "헤드폰 환불" --company 에이크미 --kind refund --amount "59000 KRW"`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.changed = cmd.Flags().Changed
			return runNew(a, opts)
		},
	}
	opts.fields.bind(cmd.Flags())
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the new case as JSON")
	return cmd
}

func runNew(a *app, opts *newOptions) error {
	if !opts.changed("title") {
		return usageErr("missing --title", `e.g. redress new --title "Refund for headphones" --company Acme`)
	}
	now, err := a.now()
	if err != nil {
		return err
	}
	c := casefile.Case{Lang: a.lang, OpenedAt: now}
	if err := opts.fields.apply(&c, opts.changed, now, a.loc); err != nil {
		return err
	}
	if err := c.Validate(); err != nil { // before the file is even opened
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.CreateCase(a.ctx, &c); err != nil {
		return err
	}
	if opts.json {
		return writeJSON(a.stdout, c)
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "case_opened", c.ID, clean(c.Title)))
	printCaseDates(a, c)
	fmt.Fprintln(a.stderr, msgf(a.lang, "next_prep", c.ID))
	return nil
}

// printCaseDates echoes the dates a person typed, with weekdays, so a
// misread date is seen at once.
func printCaseDates(a *app, c casefile.Case) {
	for _, d := range []struct {
		key  string
		date casefile.Date
	}{{"purchased", c.PurchaseDate}, {"return_by", c.ReturnWindowEnd}, {"warranty_to", c.WarrantyEnd}} {
		if !d.date.IsZero() {
			fmt.Fprintf(a.stdout, "  %s %s\n", msg(a.lang, d.key), fmtDate(a.lang, d.date, a.loc))
		}
	}
}
