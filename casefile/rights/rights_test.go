package rights

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// TestEveryFileLoads: every data file parses with no unknown field; every
// clock has a length, a known event, a source and (if it names one) a body
// of its table; every body is named, with when it takes a case and what it
// costs, in both languages; every statute has a source and both citations.
func TestEveryFileLoads(t *testing.T) {
	tables, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range []casefile.Jurisdiction{casefile.JurisdictionUK, casefile.JurisdictionEU, casefile.JurisdictionUS, casefile.JurisdictionKR} {
		if tables[j] == nil {
			t.Errorf("no table for %s", j)
		}
	}
	if tables[casefile.JurisdictionOther] != nil || For(casefile.JurisdictionOther) != nil || For("") != nil {
		t.Error("'other' has a table")
	}
	// For finds a table by its file's name.
	for j, tb := range tables {
		if For(j) != tb {
			t.Errorf("the table of %s is not in data/%s.json", j, j)
		}
	}
	langs := []string{"en", "ko"}
	for j, tb := range tables {
		ids := map[string]bool{}
		for _, c := range tb.Clocks {
			if ids[c.ID] || c.ID == "" {
				t.Errorf("%s: clock id %q empty or repeated", j, c.ID)
			}
			ids[c.ID] = true
			if strings.TrimSpace(c.Source) == "" {
				t.Errorf("%s/%s has no source", j, c.ID)
			}
			if !slices.Contains(Events, c.From) || (c.Fallback != "" && !slices.Contains(Events, c.Fallback)) {
				t.Errorf("%s/%s starts from %q (fallback %q)", j, c.ID, c.From, c.Fallback)
			}
			if c.Days == 0 && c.Months == 0 && c.From != EventFinalResponse {
				t.Errorf("%s/%s has no length", j, c.ID)
			}
			if !slices.Contains([]string{UnlockDeadline, UnlockBody, UnlockReply}, c.Unlocks) {
				t.Errorf("%s/%s unlocks %q", j, c.ID, c.Unlocks)
			}
			if c.Unlocks == UnlockBody && c.Body == "" {
				t.Errorf("%s/%s unlocks no body", j, c.ID)
			}
			for _, b := range []string{c.Body, c.FiledWith} {
				if _, ok := tb.Body(b); b != "" && !ok {
					t.Errorf("%s/%s names body %q, which the table lacks", j, c.ID, b)
				}
			}
			if c.From == EventFiling && c.FiledWith == "" {
				t.Errorf("%s/%s starts from a filing with no body", j, c.ID)
			}
			for _, s := range c.Sectors {
				if !slices.Contains(casefile.Sectors, s) {
					t.Errorf("%s/%s: unknown sector %q", j, c.ID, s)
				}
			}
			for _, k := range c.Kinds {
				if !slices.Contains(casefile.Kinds, k) {
					t.Errorf("%s/%s: unknown kind %q", j, c.ID, k)
				}
			}
		}
		for _, b := range tb.Bodies {
			for _, l := range langs {
				if b.Name[l] == "" || b.Takes[l] == "" || b.Cost[l] == "" {
					t.Errorf("%s body %s lacks its name, when it takes a case or its cost in %s", j, b.ID, l)
				}
			}
			if b.Source == "" {
				t.Errorf("%s body %s has no source", j, b.ID)
			}
		}
		for _, s := range tb.Statutes {
			for _, l := range langs {
				if s.Cite[l] == "" {
					t.Errorf("%s statute %s has no %s citation", j, s.ID, l)
				}
			}
			if s.Source == "" {
				t.Errorf("%s statute %s has no source", j, s.ID)
			}
		}
	}
}

var seoul = time.FixedZone("KST", 9*3600)

func ids(dues []Due) []string {
	var out []string
	for _, d := range dues {
		out = append(out, d.Clock.ID+" "+d.End.String())
	}
	return out
}

// TestClocksStartFromTheEventTheLawNames: delivery when it is recorded,
// the purchase (marked early) when not; the ombudsman only for a sector
// that has one, 8 weeks after the formal complaint or at a final response.
func TestClocksStartFromTheEventTheLawNames(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, seoul) }
	kr := casefile.Full{Case: casefile.Case{ID: 1, Kind: casefile.KindRefund, Jurisdiction: casefile.JurisdictionKR,
		PurchaseDate: casefile.DateOnly(2026, 11, 2), DeliveredDate: casefile.DateOnly(2026, 11, 7)}}
	if got := ids(Clocks(kr, seoul)); !slices.Equal(got, []string{"kr-withdrawal 2026-11-14"}) {
		t.Errorf("Korea, delivered 5 days after purchase: %v", got)
	}
	kr.DeliveredDate = casefile.Date{}
	d := Clocks(kr, seoul)
	if len(d) != 1 || d[0].End != casefile.DateOnly(2026, 11, 9) || !d[0].Early || d[0].From != EventPurchase {
		t.Errorf("Korea, delivery unknown: %+v", d)
	}

	retail := casefile.Full{Case: casefile.Case{ID: 2, Kind: casefile.KindDamagedItem, Jurisdiction: casefile.JurisdictionUK,
		PurchaseDate: casefile.DateOnly(2026, 10, 30), DeliveredDate: casefile.DateOnly(2026, 11, 2)},
		Escalations: []casefile.Escalation{{Step: casefile.StepComplaint, At: at(2026, 11, 10)}}}
	if got := ids(Clocks(retail, seoul)); !slices.Equal(got, []string{"uk-reject 2026-12-02", "uk-cancel 2026-11-16"}) {
		t.Errorf("UK retail: %v", got)
	}
	if b, ok := Ombudsman(retail); ok {
		t.Errorf("UK retail has an ombudsman: %s", b.ID)
	}
	bank := casefile.Full{Case: casefile.Case{ID: 3, Kind: casefile.KindBillingError, Sector: casefile.SectorFinancial, Jurisdiction: casefile.JurisdictionUK},
		Escalations: []casefile.Escalation{{Step: casefile.StepComplaint, At: at(2026, 11, 10)}}}
	dues := Clocks(bank, seoul)
	if got := ids(dues); !slices.Equal(got, []string{"uk-fos-8-weeks 2027-01-05"}) {
		t.Errorf("UK bank fee: %v", got)
	}
	if b, ok := Ombudsman(bank); !ok || b.ID != "fos" || b.Name["en"] != "the Financial Ombudsman Service" {
		t.Errorf("UK bank ombudsman: %+v", b)
	}
	bank.Escalations = append(bank.Escalations, casefile.Escalation{Step: casefile.StepComplaint, Answer: casefile.AnswerFinal, At: at(2026, 11, 20)})
	dues = Clocks(bank, seoul)
	if open, _ := Opens(dues, "fos"); open != casefile.DateOnly(2026, 11, 20) {
		t.Errorf("after a final response the ombudsman opens at once, got %s (%v)", open, ids(dues))
	}
	if got := ids(dues); !slices.Contains(got, "uk-fos-6-months 2027-05-20") {
		t.Errorf("6 months to refer: %v", got)
	}
}

func TestStatutesFollowTheAmount(t *testing.T) {
	card := func(amount string) casefile.Full {
		return casefile.Full{Case: casefile.Case{Kind: casefile.KindDamagedItem, Sector: casefile.SectorCard,
			Jurisdiction: casefile.JurisdictionUK, Amount: amount, Currency: "GBP"}}
	}
	has := func(f casefile.Full, id string) bool {
		return slices.ContainsFunc(Statutes(f), func(s Statute) bool { return s.ID == id })
	}
	for amount, want := range map[string]bool{"100": false, "100.01": true, "1,200": true, "30000": true, "30000.01": false, "": false} {
		if got := has(card(amount), "uk-s75"); got != want {
			t.Errorf("s. 75 for £%s: %v, want %v", amount, got, want)
		}
	}
}

// TestDistanceSaleRightsFollowTheChannelOfSale: the withdrawal rights
// (Korean art. 17 and its art. 18 refund rule, the UK Consumer Contracts
// Regulations, the EU Consumer Rights Directive's arts. 9–13) are cited
// only for a case recorded as bought online, and their clocks stop for a
// case bought in a shop; the rights that hold wherever the goods were
// bought (the UK right to reject, the Korean dispute standards) stay.
func TestDistanceSaleRightsFollowTheChannelOfSale(t *testing.T) {
	has := func(f casefile.Full, id string) bool {
		return slices.ContainsFunc(Statutes(f), func(s Statute) bool { return s.ID == id })
	}
	runs := func(f casefile.Full, id string) bool {
		return slices.ContainsFunc(Clocks(f, seoul), func(d Due) bool { return d.Clock.ID == id })
	}
	for _, c := range []struct {
		j                     casefile.Jurisdiction
		kind                  casefile.Kind
		statute, clock, stays string
	}{
		{casefile.JurisdictionKR, casefile.KindDefect, "kr-ecommerce-17", "kr-withdrawal", "kr-dispute-standard"},
		{casefile.JurisdictionKR, casefile.KindRefund, "kr-ecommerce-18", "kr-withdrawal", ""},
		{casefile.JurisdictionUK, casefile.KindDamagedItem, "uk-ccr", "uk-cancel", "uk-cra-goods"},
		{casefile.JurisdictionEU, casefile.KindRefund, "eu-crd", "eu-withdrawal", ""},
	} {
		f := casefile.Full{Case: casefile.Case{Kind: c.kind, Jurisdiction: c.j, PurchaseDate: casefile.DateOnly(2026, 11, 2)}}
		for _, ch := range []casefile.SaleChannel{casefile.SaleOnline, casefile.SaleShop, ""} {
			f.SaleChannel = ch
			if got, want := has(f, c.statute), ch == casefile.SaleOnline; got != want {
				t.Errorf("%s %s bought %q: %s cited %v, want %v", c.j, c.kind, ch, c.statute, got, want)
			}
			if got, want := runs(f, c.clock), ch != casefile.SaleShop; got != want {
				t.Errorf("%s %s bought %q: clock %s runs %v, want %v", c.j, c.kind, ch, c.clock, got, want)
			}
			if c.stays != "" && !has(f, c.stays) {
				t.Errorf("%s %s bought %q: %s is not cited", c.j, c.kind, ch, c.stays)
			}
		}
	}
}
