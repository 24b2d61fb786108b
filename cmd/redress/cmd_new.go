package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type newOptions struct {
	fields  caseFields
	changed func(string) bool
	json    bool
	noInput bool
}

func newNewCmd(a *app) *cobra.Command {
	opts := &newOptions{}
	cmd := &cobra.Command{
		Use:   "new --title TITLE [flags]",
		Short: "Open a new case",
		Long: `Open a new case: one complaint to one company.

Only --title is required; on a terminal (or with ACCESSIBLE=1) a form asks
for what the flags did not give (--no-input: never a form; a missing
--title is then an error). Everything else can be added later with
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
	cmd.Flags().BoolVar(&opts.noInput, "no-input", false, "never open a form: use the flags only")
	return cmd
}

func runNew(a *app, opts *newOptions) error {
	switch {
	case !opts.changed("title") && (opts.noInput || !a.canPrompt()):
		return usageErr(w("err_missing", "--title"), w("hint_new_title"))
	case !opts.noInput && a.canPrompt() && opts.missingFormFields():
		if err := a.newCaseForm(opts); err != nil {
			return err
		}
	}
	now, err := a.now()
	if err != nil {
		return err
	}
	c := casefile.Case{Lang: a.lang, OpenedAt: now}
	if err := opts.fields.apply(a, &c, opts.changed, now); err != nil {
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

// newFormFlags are the fields the new-case form asks for.
var newFormFlags = []string{"title", "company", "product", "kind", "problem", "outcome", "amount", "purchased", "jurisdiction"}

// missingFormFields reports whether a flag of the form was not given.
func (opts *newOptions) missingFormFields() bool {
	for _, f := range newFormFlags {
		if !opts.changed(f) {
			return true
		}
	}
	return false
}

// newCaseForm asks for the case fields not given as flags. Flags given
// are kept and not asked again. The questions come in short pages, so
// each fits a 24-row terminal with its first label in view.
func (a *app) newCaseForm(opts *newOptions) error {
	l, f := a.lang, &opts.fields
	asked := map[string]bool{}
	var groups []*huh.Group
	var fields []huh.Field
	page := func() {
		if len(fields) > 0 {
			groups = append(groups, huh.NewGroup(fields...))
			fields = nil
		}
	}
	input := func(flag, key string, dst *string, validate func(string) error) {
		if opts.changed(flag) {
			return
		}
		asked[flag] = true
		in := huh.NewInput().Title(msg(l, key)).Value(dst)
		if validate != nil {
			in = in.Validate(validate)
		}
		fields = append(fields, in)
	}
	input("title", "new_title", &f.title, func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg(l, "new_title_required")) // the form prints it under the field
		}
		return nil
	})
	input("company", "new_company", &f.company, nil)
	input("product", "new_product", &f.product, nil)
	page()
	if !opts.changed("kind") {
		asked["kind"] = true
		f.kind = string(casefile.KindOther)
		var options []huh.Option[string]
		for _, k := range casefile.Kinds {
			options = append(options, huh.NewOption(msg(l, "kind_"+string(k)), string(k)))
		}
		fields = append(fields, huh.NewSelect[string]().Title(msg(l, "new_kind")).Options(options...).Height(len(options)+1).Value(&f.kind))
	}
	page()
	input("problem", "prep_problem", &f.problem, nil)
	input("outcome", "prep_outcome", &f.outcome, nil)
	page()
	if !opts.changed("jurisdiction") {
		asked["jurisdiction"] = true
		f.jurisdiction = string(casefile.JurisdictionOther)
		if l == "ko" {
			f.jurisdiction = string(casefile.JurisdictionKR)
		}
		var options []huh.Option[string]
		for _, j := range casefile.Jurisdictions {
			options = append(options, huh.NewOption(msg(l, "jurisdiction_"+string(j)), string(j)))
		}
		fields = append(fields, huh.NewSelect[string]().Title(msg(l, "new_jurisdiction")).Options(options...).Height(len(options)+1).Value(&f.jurisdiction))
	}
	page()
	// Asked after the jurisdiction, which says what "$" or a bare number
	// means. Each answer is read as it is given; a wrong one is said under
	// the field and asked again, and no other answer is lost.
	input("amount", "new_amount", &f.amount, validator(l, func(v string) error {
		if opts.changed("currency") {
			v += " " + f.currency
		}
		_, err := casefile.ParseMoney(v, casefile.Jurisdiction(f.jurisdiction))
		return err
	}))
	input("purchased", "prep_purchased", &f.purchased, validator(l, func(v string) error {
		now, err := a.now()
		if err != nil {
			return err
		}
		_, err = a.dateReader(now, casefile.Jurisdiction(f.jurisdiction)).Past(v)
		return err
	}))
	page()
	if err := a.runGroups(groups...); err != nil {
		return err
	}
	given := opts.changed
	opts.changed = func(name string) bool {
		// An empty answer to an optional question leaves the field unset.
		if asked[name] {
			return name == "title" || name == "kind" || name == "jurisdiction" || strings.TrimSpace(fieldValue(f, name)) != ""
		}
		return given(name)
	}
	return nil
}

func fieldValue(f *caseFields, name string) string {
	return map[string]string{"company": f.company, "product": f.product, "problem": f.problem,
		"outcome": f.outcome, "amount": f.amount, "purchased": f.purchased}[name]
}

// printCaseDates echoes the amount and the dates a person typed, the
// dates with weekdays, so a misread value is seen at once.
func printCaseDates(a *app, c casefile.Case) {
	if m := c.Money(); !m.IsZero() {
		fmt.Fprintf(a.stdout, "  %s %s\n", msg(a.lang, "amount"), clean(m.Format(a.lang)))
	}
	for _, d := range []struct {
		key  string
		date casefile.Date
	}{{"purchased", c.PurchaseDate}, {"delivered", c.DeliveredDate}, {"returned", c.ReturnedDate}, {"return_by", c.ReturnWindowEnd}, {"warranty_to", c.WarrantyEnd}} {
		if !d.date.IsZero() {
			fmt.Fprintf(a.stdout, "  %s %s\n", msg(a.lang, d.key), fmtDate(a.lang, d.date, a.loc))
		}
	}
}
