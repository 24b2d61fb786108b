package prep

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// withRefsEverywhere is a case whose account reference values also appear
// in every free-text field the customer can type, and a second reference
// that appears nowhere else.
func withRefsEverywhere(kind casefile.Kind, jur casefile.Jurisdiction) casefile.Full {
	f := refundBrokenPromise()
	f.Kind, f.Jurisdiction = kind, jur
	const acct, iban = "ACCT-77331942", "DE89370400440532013000"
	f.Title = "Refund " + acct
	f.Product = "headphones " + acct
	f.Problem = "Order " + acct + " was returned; IBAN " + iban
	f.Outcome = "refund to " + iban
	f.Contacts[0].Summary = "read out " + acct
	f.Promises[0].Text = "refund to " + iban
	f.Tickets[0].Label = acct
	f.Notes[0].Text = "sent " + acct
	f.Escalations = []casefile.Escalation{{ID: 1, CaseID: 1, Step: casefile.StepComplaint, Note: "quoted " + acct, At: at(11, 21, 9)}}
	f.Refs = append(f.Refs,
		casefile.AccountRef{ID: 2, CaseID: 1, Label: "account", Value: acct},
		casefile.AccountRef{ID: 3, CaseID: 1, Label: "IBAN", Value: iban})
	return f
}

// bare is a case with nothing but a title: every optional fact is missing.
func bare(kind casefile.Kind, jur casefile.Jurisdiction) casefile.Full {
	return casefile.Full{Case: casefile.Case{ID: 9, Title: "Problem", Kind: kind, Jurisdiction: jur,
		Lang: "en", Status: casefile.StatusOpen, OpenedAt: clock}}
}

// TestScriptsHaveNoHolesAndNoRawReferences renders every stage, in both
// languages, for every kind and jurisdiction, for a case with references
// typed all over its text and for a case with nothing but a title.
func TestScriptsHaveNoHolesAndNoRawReferences(t *testing.T) {
	for _, kind := range casefile.Kinds {
		for _, jur := range casefile.Jurisdictions {
			for _, variant := range []struct {
				name string
				f    casefile.Full
			}{{"refs", withRefsEverywhere(kind, jur)}, {"bare", bare(kind, jur)}} {
				for _, lang := range Langs {
					for _, st := range Stages {
						name := fmt.Sprintf("%s/%s/%s/%s/%s", variant.name, kind, jur, lang, st)
						s, err := RenderScript(lang, st, variant.f, clock, kst)
						if noticeRefused(err) {
							continue // a notice the rights table does not open for this case
						}
						if err != nil {
							t.Errorf("%s: %v", name, err)
							continue
						}
						checkScript(t, name, s, variant.f)
					}
				}
			}
		}
	}
}

func checkScript(t *testing.T, name string, s Script, f casefile.Full) {
	t.Helper()
	out := s.Title + "\n" + s.Body
	for _, bad := range []string{"<no value>", "[]", "{{", "%!", "Online Dispute Resolution", "ODR", "odr."} {
		if strings.Contains(out, bad) {
			t.Errorf("%s contains %q:\n%s", name, bad, out)
		}
	}
	if s.Title == "" || s.Body == "" {
		t.Errorf("%s: empty title or body", name)
	}
	for _, r := range f.Refs {
		if strings.Contains(out, r.Value) {
			t.Errorf("%s shows the reference %q unmasked:\n%s", name, r.Value, out)
		}
	}
	for _, p := range s.Placeholders {
		if !strings.Contains(out, "["+p+"]") {
			t.Errorf("%s lists placeholder %q it does not show", name, p)
		}
	}
	if s.Stage != StageSocial {
		return
	}
	// A public post carries no reference at all, not even masked, and no
	// ticket number or person's name.
	if strings.Contains(out, "•") {
		t.Errorf("%s: social shows a masked reference:\n%s", name, out)
	}
	for _, r := range f.Refs {
		if v := []rune(r.Value); len(v) > 4 && strings.Contains(out, string(v[len(v)-4:])) {
			t.Errorf("%s: social shows the end of reference %q:\n%s", name, r.Value, out)
		}
	}
	for _, tk := range f.Tickets {
		if strings.Contains(out, tk.Number) {
			t.Errorf("%s: social shows ticket %s", name, tk.Number)
		}
	}
	for _, c := range f.Contacts {
		if c.Rep != "" && strings.Contains(out, c.Rep) {
			t.Errorf("%s: social names %s", name, c.Rep)
		}
	}
}

// TestRenderingLeavesTheCaseAlone: scrubbing and the social stage work on
// a copy; the caller's case is not changed.
func TestRenderingLeavesTheCaseAlone(t *testing.T) {
	f := withRefsEverywhere(casefile.KindRefund, casefile.JurisdictionEU)
	before := fmt.Sprintf("%+v", f)
	for _, st := range Stages {
		if _, err := RenderScript("en", st, f, clock, kst); err != nil && !noticeRefused(err) {
			t.Fatal(err)
		}
	}
	if after := fmt.Sprintf("%+v", f); after != before {
		t.Errorf("rendering changed the case:\n%s\nwas\n%s", after, before)
	}
}

// TestMissingFactsBecomePlaceholders: a bare case's letters ask for what
// they lack instead of printing a hole.
func TestMissingFactsBecomePlaceholders(t *testing.T) {
	s, err := RenderScript("en", StageChargeback, bare(casefile.KindOther, casefile.JurisdictionOther), clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"merchant", "amount and currency", "reason for the dispute", "your name"} {
		if !strings.Contains(strings.Join(s.Placeholders, "|"), want) || !strings.Contains(s.Body, "["+want+"]") {
			t.Errorf("chargeback of a bare case does not ask for %q; placeholders %q", want, s.Placeholders)
		}
	}
	// The customer's own brackets are theirs, not blanks to fill.
	f := bare(casefile.KindRefund, casefile.JurisdictionEU)
	f.Problem = "The box said [fragile]."
	s, err = RenderScript("en", StageComplaint, f, clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Placeholders {
		if p == "fragile" {
			t.Errorf("user text taken for a placeholder: %q", s.Placeholders)
		}
	}
}
