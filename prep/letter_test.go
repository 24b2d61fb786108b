package prep

import (
	"slices"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// TestLetterFacts: the facts every letter needs, for the realistic cases,
// as of Monday 23 November 2026.
func TestLetterFacts(t *testing.T) {
	for _, tc := range []struct {
		name              string
		full              func() casefile.Full
		lang              string
		remedy, by        string
		confirmBy         string
		next, nextLaw     string
		cites             []string
		daysSince, counts int
		owed              Owed
	}{
		{"uk tv", ukCrackedTV, "en", "refund £649.00 to my original payment method", "7 December 2026", "30 November 2026",
			"small-claims", "", []string{"uk-cra-goods", "uk-cra-risk", "uk-ccr"}, 13, 2,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		{"us duplicate", usDuplicateCharge, "en", "reverse the charge of $89.99", "7 December 2026", "30 November 2026",
			"card-issuer", "us-fcba", []string{"us-fcba"}, 15, 2,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		{"uk gym", ukGymDirectDebit, "en", "refund £45.00 to my original payment method", "7 December 2026", "30 November 2026",
			"bank", "uk-ddg", []string{"uk-ddg"}, 54, 3,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		{"eu espresso", euLateEspresso, "en", "deliver the Barista Pro espresso machine I ordered", "7 December 2026", "30 November 2026",
			"national-authority", "", []string{"eu-crd", "eu-crd-18"}, 21, 2,
			Owed{Impact: true, Workaround: true, Written: true}},
		{"us jacket", usWrongJacket, "en", "send me the Alpine down jacket I ordered and collect the wrong one at your cost", "7 December 2026", "30 November 2026",
			"state-ag", "", nil, 13, 1,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		{"kr laptop", krLaptopRepair, "ko", "노트북 NB-15를 무상으로 수리", "2026년 12월 7일(월)", "2026년 11월 30일(월)",
			"kca", "", []string{"kr-ecommerce-17", "kr-dispute-standard"}, 21, 2,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		{"kr internet", krInternetOutage, "ko", "서비스를 이용하지 못한 기간의 요금 33,000원을 감면", "2026년 12월 7일(월)", "2026년 11월 30일(월)",
			"kcc-telecom", "", []string{"kr-dispute-standard"}, 12, 2,
			Owed{Impact: true, Workaround: true, Written: true}},
		// Art. 18: a refund within 3 business days, Monday to Thursday;
		// written confirmation is asked by then too.
		{"kr refund", krOnlineRefund, "ko", "89,000원을 원래 결제 수단으로 환불", "2026년 11월 26일(목)", "2026년 11월 26일(목)",
			"kca", "", []string{"kr-ecommerce-17", "kr-ecommerce-18"}, 11, 1,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := NewScriptFacts(tc.lang, StageFollowup, tc.full(), clock, kst)
			if err != nil {
				t.Fatal(err)
			}
			if x.Remedy != tc.remedy || x.RemedyBy != tc.by || x.ConfirmBy != tc.confirmBy {
				t.Errorf("remedy %q by %q, confirm by %q; want %q by %q, confirm by %q", x.Remedy, x.RemedyBy, x.ConfirmBy, tc.remedy, tc.by, tc.confirmBy)
			}
			if x.NextStepID != tc.next || x.NextStepLaw != tc.nextLaw {
				t.Errorf("next step %q (%q), want %q (%q)", x.NextStepID, x.NextStepLaw, tc.next, tc.nextLaw)
			}
			if !slices.Equal(x.CiteIDs, tc.cites) || len(x.Cites) != len(tc.cites) {
				t.Errorf("cites %v, want %v", x.CiteIDs, tc.cites)
			}
			if x.DaysSince != tc.daysSince || x.ContactCount != tc.counts {
				t.Errorf("%d days since %s, %d contacts; want %d days, %d contacts", x.DaysSince, x.FirstEvent, x.ContactCount, tc.daysSince, tc.counts)
			}
			if x.Owed != tc.owed {
				t.Errorf("owed %+v, want %+v", x.Owed, tc.owed)
			}
			if x.NextStep == "" || strings.Contains(x.NextStep, "[") {
				t.Errorf("next step phrase %q", x.NextStep)
			}
		})
	}
}

// The days since the trouble began count from when it happened, not from
// when the case was typed in: a case opened today about a delivery three
// weeks ago has lasted three weeks.
func TestDaysSinceCountsFromTheFirstEvent(t *testing.T) {
	f := ukCrackedTV()
	f.OpenedAt = clock
	f.Notes = nil
	f.Contacts, f.Promises, f.Tickets = nil, nil, nil
	x, err := NewScriptFacts("en", StageFollowup, f, clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	if x.DaysSince != 13 || x.FirstEvent != "10 November 2026" {
		t.Errorf("%d days since %q, want 13 since the delivery on 10 November 2026", x.DaysSince, x.FirstEvent)
	}
	f.DeliveredDate = casefile.Date{}
	x, _ = NewScriptFacts("en", StageFollowup, f, clock, kst)
	if x.DaysSince != 0 {
		t.Errorf("a case with no dated event has lasted %d days since it was opened today", x.DaysSince)
	}
}

// A confirmed promise with a named person and a date ahead means the
// company has given a date, a follow-up and written confirmation.
func TestOwedWhatTheCaseShows(t *testing.T) {
	f := euLateEspresso()
	f.Promises[0].Confirmed = true
	x, _ := NewScriptFacts("en", StageFollowup, f, clock, kst)
	if want := (Owed{Impact: true, Workaround: true}); x.Owed != want {
		t.Errorf("owed %+v, want %+v", x.Owed, want)
	}
}

// The outcome the customer typed chooses the action by what it names
// first; the kind decides when it names none.
func TestRemedyAction(t *testing.T) {
	for outcome, want := range map[string]string{
		"Reverse the duplicate charge of $89.99":         ActReverse,
		"Refund the £45.00 taken after I cancelled":      ActRefund,
		"무상 수리 완료, 어렵다면 새 제품으로 교환":                       ActRepair,
		"Exchange for size L, with free return shipping": ActReplace,
		"장애 기간 요금 감면":                                    ActCredit,
		"해지 처리와 위약금 면제":                                  ActCancel,
	} {
		if got := RemedyAction(casefile.Case{Outcome: outcome, Kind: casefile.KindOther}); got != want {
			t.Errorf("%q: %s, want %s", outcome, got, want)
		}
	}
	for kind, want := range map[casefile.Kind]string{
		casefile.KindDamagedItem: ActReplace, casefile.KindDeliveryDelay: ActDeliver, casefile.KindBillingError: ActReverse,
		casefile.KindDefect: ActRepair, casefile.KindServiceOutage: ActCredit, casefile.KindCancellation: ActCancel,
	} {
		if got := RemedyAction(casefile.Case{Kind: kind}); got != want {
			t.Errorf("%s: %s, want %s", kind, got, want)
		}
	}
	if got := RemedyAction(casefile.Case{Kind: casefile.KindCompanyError, Amount: "10"}); got != ActRefund {
		t.Errorf("a company error with an amount: %s, want a refund", got)
	}
}

func TestLetterDate(t *testing.T) {
	d := casefile.DateOnly(2026, 12, 14)
	if got := FormatLetterDate("en", d, kst); got != "14 December 2026" {
		t.Errorf("en: %q", got)
	}
	if got := FormatLetterDate("ko", d, kst); got != "2026년 12월 14일(월)" {
		t.Errorf("ko: %q", got)
	}
}
