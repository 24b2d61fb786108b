package prep

import (
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// FuzzRender renders the call lines, the call sheet, the readiness check,
// the search phrases and the read-back, in every language, from a case
// whose text is anything the user could type. It must not fail or panic,
// and never print "<no value>". (Scripts have FuzzScripts.)
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
			Tickets:  []casefile.Ticket{{ID: 1, ContactID: &id, Number: ticket, Label: title, At: now, CreatedAt: now}},
			Promises: []casefile.Promise{{ID: 1, Text: promise, By: rep, Due: casefile.DateOnly(2026, 11, 20), Status: casefile.PromisePending, At: now, CreatedAt: now}},
			Notes:    []casefile.Note{{ID: 1, Kind: casefile.NoteResearch, Text: outcome, SourceURL: product, At: now}},
			Refs:     []casefile.AccountRef{{ID: 1, Label: title, Value: ticket + "12345", CreatedAt: now}},
		}
		input := strings.Join([]string{title, company, product, outcome, rep, ticket, promise}, "\x00")
		full.Prep.OpeningLine, full.Prep.SupervisorLine, full.Prep.ChannelEmail = outcome, rep, ticket
		full.Prep.EscalateTrigger, full.Prep.WillRecord = casefile.TriggerRefusedTwice, "yes"
		for _, lang := range Langs {
			var outs []string
			add := func(what, out string, err error) {
				if err != nil {
					t.Fatalf("%s %s: %v", lang, what, err)
				}
				outs = append(outs, what+"\n"+out)
			}
			facts := NewFacts(lang, full, now, loc)
			// The openings are the opening stage's; the sheet shows "calm"
			// from the case's facts alone.
			sf, err := NewScriptFacts(lang, StageOpening, full, now, loc)
			add("script facts", "", err)
			for _, part := range []struct {
				file, name string
				data       any
			}{{"opening", "calm", facts}, {"opening", "calm", sf}, {"opening", "direct", sf}, {"opening", "followup", sf},
				{"lines", "supervisor", facts}, {"lines", "record", facts}, {"lines", "readback", facts}} {
				out, err := RenderPart(lang, part.file, part.name, part.data)
				add(part.file+"/"+part.name, out, err)
			}
			for _, format := range SheetFormats {
				sheet, err := NewSheet(lang, full, now, loc, false)
				if err != nil {
					t.Fatal(err)
				}
				out, err := RenderSheet(lang, format, sheet)
				add("sheet "+format, out, err)
			}
			out, err := RenderCheck(lang, Check(full, now, loc), true)
			add("check", out, err)
			phrases, err := SearchPhrases(lang, full, now, loc)
			add("research", strings.Join(phrases, "\n"), err)
			out, err = Readback(facts, 0)
			add("readback", out, err)
			// Scripts are fuzzed by FuzzScripts, with the data they render from.
			for _, o := range outs {
				if strings.Contains(o, "<no value>") && !strings.Contains(input, "<no value>") {
					t.Fatalf("%s printed <no value>:\n%s", lang, o)
				}
			}
		}
	})
}
