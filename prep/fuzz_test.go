package prep

import (
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// FuzzScripts renders every stage in both languages for a case made of
// arbitrary text: no panic, no error, no "<no value>", and the account
// reference never appears unmasked. The seeds below cover both languages,
// empty fields, and text that looks like template syntax, format verbs,
// placeholders and terminal escapes.
func FuzzScripts(f *testing.F) {
	f.Add("Refund for headphones", "Acme", "X100", "Returned on 5 Nov", "Refund 49 EUR", "refund to my card", "Anna", "A-1234", "ORD-2026-114821", uint8(0), uint8(3))
	f.Add("헤드폰 환불", "에이크미", "", "반품했는데 환불을 못 받았습니다", "", "카드로 환불", "김민수", "B-77", "2026112300457", uint8(1), uint8(0))
	f.Add("", "", "", "", "", "x", "", "1", "12", uint8(8), uint8(4))
	f.Add("{{.Title}}", "<no", "value>", "%s %d %!", "[your name]", "{{define \"x\"}}", "\x1b[31m", "\u202e", "\x00\xff", uint8(3), uint8(2))
	f.Fuzz(func(t *testing.T, title, company, product, problem, outcome, promise, rep, ticket, ref string, kind, jur uint8) {
		fc := refundBrokenPromise()
		fc.Title, fc.Company, fc.Product, fc.Problem, fc.Outcome = title, company, product, problem, outcome
		fc.Kind = casefile.Kinds[int(kind)%len(casefile.Kinds)]
		fc.Jurisdiction = casefile.Jurisdictions[int(jur)%len(casefile.Jurisdictions)]
		fc.Promises[0].Text, fc.Promises[1].By, fc.Contacts[1].Rep = promise, rep, rep
		fc.Tickets[0].Number = ticket
		fc.Refs[0].Value = ref
		input := strings.Join([]string{title, company, product, problem, outcome, promise, rep, ticket}, "\x00")
		for _, lang := range Langs {
			for _, st := range Stages {
				s, err := RenderScript(lang, st, fc, clock, kst)
				if noticeRefused(err) {
					continue
				}
				if err != nil {
					t.Fatalf("%s/%s: %v", lang, st, err)
				}
				out := s.Title + s.Body
				if strings.Contains(out, "<no value>") && !strings.Contains(input, "<no value>") {
					t.Fatalf("%s/%s: <no value> in\n%s", lang, st, out)
				}
				// A reference long enough to be scrubbed never shows, unless
				// the template's own words or other fields contain it.
				if len([]rune(ref)) > 4 && strings.Contains(out, ref) && !strings.Contains(input, ref) {
					clean, _ := RenderScript(lang, st, withRef(fc, "ZZZZ-NOT-IN-TEXT"), clock, kst)
					if !strings.Contains(clean.Title+clean.Body, ref) {
						t.Fatalf("%s/%s: reference %q unmasked in\n%s", lang, st, ref, out)
					}
				}
			}
		}
		d := Next(fc, clock, kst)
		for _, lang := range Langs {
			if _, err := ExplainNext(lang, d, fc, clock, kst); err != nil {
				t.Fatalf("%s: next: %v", lang, err)
			}
		}
	})
}

func withRef(f casefile.Full, v string) casefile.Full {
	f.Refs = []casefile.AccountRef{{ID: 1, CaseID: f.ID, Label: "order", Value: v}}
	return f
}
