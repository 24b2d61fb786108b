package prep

import (
	"slices"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

func offered(d Decision) []Stage {
	var s []Stage
	for _, o := range d.Offers {
		s = append(s, o.Stage)
	}
	return s
}

// TestNextOffersEachNoticeOnTheRightDay: next offers a notice of the rights
// table on the last day of its window and not the day after; the art. 18
// notice only once the 30 days have passed and only while nothing came; a
// Section 75 claim only once the trader has been contacted.
func TestNextOffersEachNoticeOnTheRightDay(t *testing.T) {
	for _, tc := range []struct {
		name  string
		full  func() casefile.Full
		stage Stage
		days  []int // offsets from the clock: offered on the first, not on the second
	}{
		{"청약철회: 7 days from delivery (3 days ago)", krWithdraw, StageWithdraw, []int{4, 5}},
		{"CRA rejection: 30 days from delivery (2 days ago)", ukTVCracked, StageReject, []int{28, 29}},
		{"UK cancellation: 14 days from delivery", ukTVCracked, StageWithdraw, []int{12, 13}},
		{"FCBA: 60 days, counted from the purchase (20 days ago) when the statement is not recorded", usCardBilling, StageBillingError, []int{40, 41}},
	} {
		f := tc.full()
		last, after := clock.AddDate(0, 0, tc.days[0]), clock.AddDate(0, 0, tc.days[1])
		if got := offered(Next(f, last, kst)); !slices.Contains(got, tc.stage) {
			t.Errorf("%s: on the last day next offers %v, want %s", tc.name, got, tc.stage)
		}
		if got := offered(Next(f, after, kst)); slices.Contains(got, tc.stage) {
			t.Errorf("%s: the day after the window next still offers %s", tc.name, tc.stage)
		}
	}

	// Art. 18: the 30 days from the order (40 days ago) ended 10 days ago.
	eu := euLateDelivery()
	if got := offered(Next(eu, clock.AddDate(0, 0, -10), kst)); slices.Contains(got, StageDeliverBy) {
		t.Errorf("art. 18 offered on day 30 itself: %v", got)
	}
	if got := offered(Next(eu, clock, kst)); !slices.Contains(got, StageDeliverBy) {
		t.Errorf("art. 18 not offered on day 40: %v", got)
	}
	eu.DeliveredDate = casefile.DateOf(clock.In(kst))
	if got := offered(Next(eu, clock, kst)); slices.Contains(got, StageDeliverBy) {
		t.Errorf("art. 18 offered for goods that arrived: %v", got)
	}

	// Section 75: once the trader has had its chance.
	s75 := ukCardS75()
	if got := offered(Next(s75, clock, kst)); !slices.Contains(got, StageSection75) {
		t.Errorf("section 75 not offered: %v", got)
	}
	s75.Contacts, s75.Escalations = nil, nil
	if got := offered(Next(s75, clock, kst)); slices.Contains(got, StageSection75) {
		t.Errorf("section 75 offered before any contact: %v", got)
	}
}

// TestExplainNextWordsTheOffers: the explanation names the script to run,
// in both languages, and after a supervisor's refusal never says the first
// person's refusal is rarely the last word.
func TestExplainNextWordsTheOffers(t *testing.T) {
	f := krWithdraw()
	for lang, want := range map[string]string{"en": "redress script 13 withdraw", "ko": "'redress script 13 withdraw' 명령을 실행하세요"} {
		out, err := ExplainNext(lang, Next(f, clock, kst), f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		if !containsLine(out, want) {
			t.Errorf("%s: %q not in\n%s", lang, want, out)
		}
	}
	s75 := ukCardS75() // refused at the supervisor step
	d := Next(s75, clock, kst)
	out, err := ExplainNext("en", d, s75, clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	if d.Reason != ReasonRefused || containsLine(out, "first person") {
		t.Errorf("after a supervisor's refusal (%s):\n%s", d.Reason, out)
	}
}

func containsLine(out, s string) bool { return strings.Contains(out, s) }
