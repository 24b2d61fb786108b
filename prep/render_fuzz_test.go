package prep

import (
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// FuzzRender renders every block of every template, in every language,
// from a case whose text is anything the user could type. It must not
// fail or panic, and never print "<no value>". New templates are covered
// as they are added.
func FuzzRender(f *testing.F) {
	f.Add("Refund for headphones", "Acme", "X100", "Refund 49 EUR", "Anna", "A-1234", "refund to my card")
	f.Add("헤드폰 환불", "에이크미", "", "환불", "김민수", "B-77", "카드로 환불")
	f.Add("", "", "", "", "", "", "")
	f.Add("{{.Title}}", "<no value>", "%s %d %!", "\x1b[2J\u202e", "{{", "}}", "\x00\r\n")
	loc := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, title, company, product, outcome, rep, ticket, promise string) {
		id := int64(1)
		full := casefile.Full{
			Case: casefile.Case{ID: 3, Title: title, Company: company, Product: product, Outcome: outcome, Problem: promise,
				Fallback: rep, Amount: "49.90", Currency: "EUR", Kind: casefile.KindRefund, Jurisdiction: casefile.JurisdictionEU,
				Status: casefile.StatusOpen, OpenedAt: now.AddDate(0, 0, -10), ReturnWindowEnd: casefile.DateOnly(2026, 12, 2)},
			Contacts: []casefile.Contact{{ID: 1, Channel: casefile.ChannelCall, At: now, Rep: rep, Summary: promise}},
			Tickets:  []casefile.Ticket{{ID: 1, ContactID: &id, Number: ticket, Label: title, CreatedAt: now}},
			Promises: []casefile.Promise{{ID: 1, Text: promise, By: rep, Due: casefile.DateOnly(2026, 11, 20), Status: casefile.PromisePending, CreatedAt: now}},
			Notes:    []casefile.Note{{ID: 1, Kind: casefile.NoteResearch, Text: outcome, SourceURL: product, At: now}},
			Refs:     []casefile.AccountRef{{ID: 1, Label: title, Value: ticket + "12345", CreatedAt: now}},
		}
		for _, lang := range Langs {
			facts := NewFacts(lang, full, now, loc)
			names, err := TemplateNames(lang)
			if err != nil || len(names) == 0 {
				t.Fatalf("templates of %s: %v", lang, err)
			}
			for _, name := range names {
				tmpl, err := load(lang, name)
				if err != nil {
					t.Fatal(err)
				}
				for _, block := range tmpl.Templates() {
					var b strings.Builder
					if err := block.Execute(&b, facts); err != nil {
						t.Fatalf("%s/%s %q: %v", lang, name, block.Name(), err)
					}
					if strings.Contains(b.String(), "<no value>") && !strings.Contains(title+company+product+outcome+rep+ticket+promise, "<no value>") {
						t.Fatalf("%s/%s %q printed <no value>:\n%s", lang, name, block.Name(), b.String())
					}
				}
			}
		}
	})
}
