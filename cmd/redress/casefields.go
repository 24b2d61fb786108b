package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/redress-cli/redress/casefile"
)

// caseFields are the flags that set a case's fields, shared by `new` and
// `edit` so both accept the same names and forms.
type caseFields struct {
	title, company, product, kind, problem, outcome, fallback string
	amount, currency                                          string
	purchased, returnBy, warrantyUntil, delivered, returned   string
	sector, channelOfSale                                     string
	jurisdiction, status, language                            string
	phone, hours                                              string
	noReplyDays                                               int
}

func (f *caseFields) bind(fs *pflag.FlagSet) {
	fs.StringVar(&f.title, "title", "", "short name of the case, e.g. \"Refund for headphones\"")
	fs.StringVar(&f.company, "company", "", "the company you complain to")
	fs.StringVar(&f.product, "product", "", "the product or service")
	fs.StringVar(&f.kind, "kind", "", "scenario: "+joinKinds())
	fs.StringVar(&f.problem, "problem", "", "the problem in one or two sentences")
	fs.StringVar(&f.outcome, "outcome", "", "the outcome you want (an action, an amount, a date)")
	fs.StringVar(&f.fallback, "fallback", "", "an outcome you would accept instead")
	fs.StringVar(&f.amount, "amount", "", "amount in dispute with its currency, e.g. \"49.90 EUR\", €49,90, £20, 1,290,000원")
	fs.StringVar(&f.currency, "currency", "", "currency code of an --amount given without one, e.g. EUR, USD, KRW")
	fs.StringVar(&f.purchased, "purchased", "", "purchase date")
	fs.StringVar(&f.delivered, "delivered", "", "the day the goods arrived (the law counts most clocks from it)")
	fs.StringVar(&f.returned, "returned", "", "the day the trader got the goods back (a Korean refund is due 3 business days later)")
	fs.StringVar(&f.sector, "sector", "", "where the kind does not tell it: "+joinSectors())
	fs.StringVar(&f.channelOfSale, "channel-of-sale", "", "online (also by phone or mail order) or shop: the withdrawal rights are for distance sales only")
	fs.StringVar(&f.returnBy, "return-by", "", "last day of the return window")
	fs.StringVar(&f.warrantyUntil, "warranty-until", "", "last day of the warranty")
	fs.StringVar(&f.jurisdiction, "jurisdiction", "", "where the rules come from: kr, us, uk, eu, other")
	fs.StringVar(&f.status, "status", "", "preparing, open, waiting, escalated, resolved, closed")
	fs.IntVar(&f.noReplyDays, "no-reply-days", casefile.DefaultNoReplyDays, "days to wait for a reply to an email, letter or web form before a reminder")
	fs.StringVar(&f.phone, "phone", "", "the company's phone number for complaints")
	fs.StringVar(&f.hours, "hours", "", "when that phone line is open, e.g. \"Mon-Fri 9:00-18:00\"")
	fs.StringVar(&f.language, "language", "", "language of the case's scripts and read-back: en or ko (default: --lang)")
}

func joinSectors() string {
	s := make([]string, len(casefile.Sectors))
	for i, k := range casefile.Sectors {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func joinKinds() string {
	s := make([]string, len(casefile.Kinds))
	for i, k := range casefile.Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// apply copies the flags that were given (changed reports which) onto c.
// Dates are read with the natural-date parser; an empty value clears an
// optional field.
func (f *caseFields) apply(a *app, c *casefile.Case, changed func(string) bool, now time.Time) error {
	loc := a.loc
	set := func(name string, dst *string, v string) {
		if changed(name) {
			*dst = strings.TrimSpace(v)
		}
	}
	set("title", &c.Title, f.title)
	set("company", &c.Company, f.company)
	set("product", &c.Product, f.product)
	set("problem", &c.Problem, f.problem)
	set("outcome", &c.Outcome, f.outcome)
	set("fallback", &c.Fallback, f.fallback)
	set("language", &c.Lang, f.language)
	set("phone", &c.Phone, f.phone)
	set("hours", &c.Hours, f.hours)
	if changed("kind") {
		c.Kind = casefile.Kind(strings.TrimSpace(f.kind))
	}
	if changed("sector") {
		c.Sector = casefile.Sector(strings.ToLower(strings.TrimSpace(f.sector)))
	}
	if changed("channel-of-sale") {
		c.SaleChannel = casefile.SaleChannel(strings.ToLower(strings.TrimSpace(f.channelOfSale)))
	}
	if changed("jurisdiction") {
		c.Jurisdiction = casefile.Jurisdiction(strings.ToLower(strings.TrimSpace(f.jurisdiction)))
	}
	if changed("status") {
		c.Status = casefile.Status(strings.TrimSpace(f.status))
	}
	if changed("no-reply-days") {
		c.NoReplyDays = f.noReplyDays
	}
	if changed("amount") || changed("currency") {
		if err := f.applyMoney(c, changed); err != nil {
			return err
		}
	}
	r := a.dateReader(now, c.Jurisdiction)
	for _, d := range []struct {
		flag, value string
		dst         *casefile.Date
		past        bool
	}{{"purchased", f.purchased, &c.PurchaseDate, true}, {"return-by", f.returnBy, &c.ReturnWindowEnd, false}, {"warranty-until", f.warrantyUntil, &c.WarrantyEnd, false},
		{"delivered", f.delivered, &c.DeliveredDate, true}, {"returned", f.returned, &c.ReturnedDate, true}} {
		if !changed(d.flag) {
			continue
		}
		if strings.TrimSpace(d.value) == "" {
			*d.dst = casefile.Date{}
			continue
		}
		read := r.Parse
		if d.past {
			read = r.Past // a purchase has happened
		}
		v, err := read(d.value)
		if err != nil {
			return fmt.Errorf("--%s: %w", d.flag, err)
		}
		*d.dst = v.Day(loc) // these are calendar days; a time of day means nothing here
	}
	return nil
}

// applyMoney reads --amount with the case's jurisdiction. --currency is
// the code of an amount given without one; an amount given without either
// keeps the case's currency when it has one; --currency alone re-reads the
// stored number in that currency.
func (f *caseFields) applyMoney(c *casefile.Case, changed func(string) bool) error {
	text := f.amount
	if !changed("amount") {
		text = c.Amount
	}
	if strings.TrimSpace(text) == "" {
		c.SetMoney(casefile.Money{})
		return nil
	}
	if changed("currency") {
		text += " " + f.currency
	}
	m, err := casefile.ParseMoney(text, c.Jurisdiction)
	var me *casefile.MoneyError
	if errors.As(err, &me) && me.Kind == "no-currency" && c.Currency != "" {
		m, err = casefile.ParseMoney(text+" "+c.Currency, c.Jurisdiction)
	}
	if err != nil {
		return fmt.Errorf("--amount: %w", err)
	}
	c.SetMoney(m)
	return nil
}
