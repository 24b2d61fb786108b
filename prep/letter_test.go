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
		// Jonas promised delivery for 27 Nov: the letter holds him to it.
		{"eu espresso", euLateEspresso, "en", "deliver the Barista Pro espresso machine I ordered", "27 November 2026", "27 November 2026",
			"national-authority", "", []string{"eu-crd", "eu-crd-18"}, 21, 2,
			Owed{Impact: true, Workaround: true, Written: true}},
		{"us jacket", usWrongJacket, "en", "send me the Alpine down jacket I ordered and collect the wrong one at your cost", "7 December 2026", "30 November 2026",
			"state-ag", "", nil, 13, 1,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		// Bought in a shop: no distance-sale rule (art. 17) is cited.
		{"kr laptop", krLaptopRepair, "ko", "노트북 NB-15를 무상으로 수리", "2026년 12월 7일(월)", "2026년 11월 30일(월)",
			"kca", "", []string{"kr-dispute-standard"}, 21, 2,
			Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}},
		{"kr internet", krInternetOutage, "ko", "서비스를 이용하지 못한 기간의 요금 33,000원을 감면", "2026년 12월 7일(월)", "2026년 11월 30일(월)",
			"kcc-telecom", "", []string{"kr-dispute-standard"}, 12, 2,
			Owed{Impact: true, Workaround: true, Written: true}},
		// Art. 18: a refund within 3 business days of the return (12 Nov),
		// so by 17 Nov: passed, the letter asks within a week.
		{"kr refund", krOnlineRefund, "ko", "89,000원을 원래 결제 수단으로 환불", "2026년 11월 30일(월)", "2026년 11월 30일(월)",
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

// TestRefundDateFollowsTheReturn: the Korean art. 18 refund date counts 3
// business days from the day the trader got the goods back, when the case
// records it; once that day has passed the letter asks within a week and
// says the legal date; with no return recorded the letter asks by the
// usual 14 days and states the rule only in words (the cite).
func TestRefundDateFollowsTheReturn(t *testing.T) {
	for _, c := range []struct {
		name              string
		returned          casefile.Date
		by, lawBy, phrase string
		late              bool
	}{
		{"returned Friday", casefile.DateOnly(2026, 11, 20), "2026년 11월 25일(수)", "2026년 11월 25일(수)", "환급하셔야 합니다", false},
		{"returned long ago", casefile.DateOnly(2026, 11, 12), "2026년 11월 30일(월)", "2026년 11월 17일(화)", "환급하셨어야 합니다", true},
		{"return not recorded", casefile.Date{}, "2026년 12월 7일(월)", "", "", false},
	} {
		f := krOnlineRefund()
		f.ReturnedDate = c.returned
		lf, err := NewLetterFacts("ko", f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		if lf.RemedyBy != c.by || lf.LawDueBy != c.lawBy || lf.LawLate != c.late {
			t.Errorf("%s: ask by %s, law %s (late %v); want %s, %s (%v)", c.name, lf.RemedyBy, lf.LawDueBy, lf.LawLate, c.by, c.lawBy, c.late)
		}
		s, err := RenderScript("ko", StageComplaint, f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		if c.phrase != "" && !strings.Contains(s.Body, c.lawBy+"까지 "+c.phrase) {
			t.Errorf("%s: the complaint does not give the legal date:\n%s", c.name, s.Body)
		}
		if c.phrase == "" && (strings.Contains(s.Body, "3영업일 이내, 즉") || !strings.Contains(s.Body, "3영업일 이내 환급")) {
			t.Errorf("%s: the complaint should state the rule in words only:\n%s", c.name, s.Body)
		}
	}
}

// TestRemedyByTheDateARepPromised: a pending promise of the same remedy
// due before the usual deadline sets the date the letter asks by; one
// that has passed, the next working day; a promise only to answer about
// the remedy ("감면 여부 회신") or of another remedy does not.
func TestRemedyByTheDateARepPromised(t *testing.T) {
	for _, c := range []struct {
		name, text string
		due        casefile.Date
		want       string
	}{
		{"promised for Friday", "deliver the machine", casefile.DateOnly(2026, 11, 27), "27 November 2026"},
		{"promised date passed", "deliver the machine", casefile.DateOnly(2026, 11, 20), "24 November 2026"},
		{"promised after the usual deadline", "deliver the machine", casefile.DateOnly(2026, 12, 20), "7 December 2026"},
		{"a promise to answer", "let me know whether it can be delivered", casefile.DateOnly(2026, 11, 25), "7 December 2026"},
		{"another remedy", "refund the delivery fee", casefile.DateOnly(2026, 11, 25), "7 December 2026"},
	} {
		f := euLateEspresso()
		f.Promises[0].Text, f.Promises[0].Due = c.text, c.due
		lf, err := NewLetterFacts("en", f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		if lf.RemedyBy != c.want {
			t.Errorf("%s: the letter asks by %s, want %s", c.name, lf.RemedyBy, c.want)
		}
	}
	// The card issuer promised nothing: it is asked by the usual date.
	s, err := RenderScript("en", StageChargeback, euLateEspresso(), clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Body, "Please reply by 7 December 2026") {
		t.Errorf("the card issuer is held to the trader's promise:\n%s", s.Body)
	}
}
