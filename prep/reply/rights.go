package reply

import (
	"time"

	"github.com/redress-cli/redress/casefile"
)

// ---------------------------------------------------------------------
// Legal facts the grade compares a reply with. Issue 14 is building the
// rights table (casefile/rights); these rows move there when it lands,
// and nothing else in this package states a law. Sources are in
// shared/jurisdictions.md. The wording of each fact is in the templates
// (reply_answer.tmpl, part "law_<Key>"), per language.
// ---------------------------------------------------------------------

// refundClock is how long the seller has to refund once the customer
// withdrew or cancelled.
type refundClock struct {
	Key          string // names the template part that states the law
	Jurisdiction casefile.Jurisdiction
	Kinds        []casefile.Kind
	Days         int
	BusinessDays bool // counted Monday to Friday
}

var refundClocks = []refundClock{
	// 전자상거래법 제18조 제2항: refund within 3 business days of getting the goods back.
	{Key: "kr_refund", Jurisdiction: casefile.JurisdictionKR, Kinds: []casefile.Kind{casefile.KindRefund, casefile.KindCancellation}, Days: 3, BusinessDays: true},
	// Directive 2011/83/EU art. 13: refund within 14 days of the withdrawal.
	{Key: "eu_refund", Jurisdiction: casefile.JurisdictionEU, Kinds: []casefile.Kind{casefile.KindRefund, casefile.KindCancellation}, Days: 14},
	// Consumer Contracts Regulations 2013 / Consumer Rights Act 2015: within 14 days.
	{Key: "uk_refund", Jurisdiction: casefile.JurisdictionUK, Kinds: []casefile.Kind{casefile.KindRefund, casefile.KindCancellation}, Days: 14},
}

// lawFor returns the refund clock for a case, if one applies.
func lawFor(c casefile.Case) (refundClock, bool) {
	for _, rc := range refundClocks {
		if rc.Jurisdiction != c.Jurisdiction {
			continue
		}
		for _, k := range rc.Kinds {
			if k == c.Kind {
				return rc, true
			}
		}
	}
	return refundClock{}, false
}

// deadline is the last day of the clock counted from the day of from.
func (rc refundClock) deadline(from time.Time) casefile.Date {
	if rc.BusinessDays {
		return addBusinessDays(casefile.DateOf(from), rc.Days)
	}
	return casefile.DateOf(from.AddDate(0, 0, rc.Days))
}

// addBusinessDays counts n days from d, skipping Saturdays and Sundays.
func addBusinessDays(d casefile.Date, n int) casefile.Date {
	t := d.Time(time.UTC)
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			n--
		}
	}
	return casefile.DateOf(t)
}
