package prep

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/casefile"
)

func TestSheetGolden(t *testing.T) {
	for _, lang := range Langs {
		for _, format := range SheetFormats {
			s, err := NewSheet(lang, fullCase(lang), now, seoul, false)
			if err != nil {
				t.Fatal(err)
			}
			out, err := RenderSheet(lang, format, s)
			if err != nil {
				t.Fatal(err)
			}
			goldenFile(t, "sheet_"+lang+"."+format, out)
			if strings.Contains(out, "ORD-2026-114821") {
				t.Errorf("%s %s sheet shows the account reference unmasked", lang, format)
			}
		}
	}
}

func TestTextSheetFitsOneScreen(t *testing.T) {
	for _, lang := range Langs {
		f := fullCase(lang)
		// A long-kept case: many timeline bullets, a long problem.
		for i := 0; i < 30; i++ {
			f.Notes = append(f.Notes, casefile.Note{Kind: casefile.NoteTimeline, Text: strings.Repeat("called again and waited on hold ", 4), At: now})
		}
		f.Case.Problem = strings.Repeat("The refund has still not arrived after many calls. ", 4)
		f.Refs = append(f.Refs, casefile.AccountRef{Label: "customer id", Value: "C-99881234"})
		s, err := NewSheet(lang, f, now, seoul, false)
		if err != nil {
			t.Fatal(err)
		}
		out, err := RenderSheet(lang, "text", s)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) > 60 {
			t.Errorf("%s sheet has %d lines, want at most 60", lang, len(lines))
		}
		for i, l := range lines {
			if w := runewidth.StringWidth(l); w > SheetWidth {
				t.Errorf("%s sheet line %d is %d columns: %q", lang, i+1, w, l)
			}
		}
	}
}

func TestSheetRevealShowsReferences(t *testing.T) {
	s, err := NewSheet("en", fullCase("en"), now, seoul, true)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := RenderSheet("en", "text", s)
	if !strings.Contains(out, "ORD-2026-114821") {
		t.Error("--reveal sheet hides the reference")
	}
}

func TestSheetOfAnEmptyCaseHasPlaceholdersNotHoles(t *testing.T) {
	for _, lang := range Langs {
		f := casefile.Full{Case: casefile.Case{ID: 9, Title: "x", OpenedAt: now}}
		s, err := NewSheet(lang, f, now, seoul, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range SheetFormats {
			out, err := RenderSheet(lang, format, s)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out, "<no value>") || !strings.Contains(out, "[") {
				t.Errorf("%s %s: holes or no placeholder:\n%s", lang, format, out)
			}
		}
	}
}

func TestCheckGolden(t *testing.T) {
	full := fullCase("en")
	empty := casefile.Full{Case: casefile.Case{ID: 9, Title: "x", OpenedAt: now, Outcome: "sort it out", Problem: "It broke."}}
	for _, lang := range Langs {
		for name, f := range map[string]casefile.Full{"full": full, "empty": empty} {
			out, err := RenderCheck(lang, Check(f, now, seoul), true)
			if err != nil {
				t.Fatal(err)
			}
			goldenFile(t, "check_"+name+"_"+lang+".txt", out)
		}
	}
}

func TestCheckWarnings(t *testing.T) {
	f := fullCase("en")
	items := Check(f, now, seoul)
	if len(items) != 9 {
		t.Fatalf("%d items, want one per tip", len(items))
	}
	byTip := map[int]Item{}
	for _, it := range items {
		byTip[it.Tip] = it
	}
	if byTip[5].Key != "return_ending" || byTip[5].N != 3 {
		t.Errorf("a return window ending in 3 days: %+v", byTip[5])
	}
	if !Ready(items) {
		t.Errorf("a full case is not ready: %+v", items)
	}
	f.Case.Outcome = "please sort it out"
	f.Case.Problem = strings.Repeat("word ", 61)
	items = Check(f, now, seoul)
	if items[2].Key != "problem_long" {
		t.Errorf("61 words: %+v", items[2])
	}
	f.Case.Problem = "short"
	if items = Check(f, now, seoul); items[2].Key != "outcome_vague" {
		t.Errorf("vague outcome: %+v", items[2])
	}
	f.Case.Problem = strings.Repeat("환불", 76)
	if items = Check(f, now, seoul); items[2].Key != "problem_long" {
		t.Errorf("152 Korean characters: %+v", items[2])
	}
	f.Prep.EscalateTrigger = ""
	if items = Check(f, now, seoul); Ready(items) {
		t.Error("a case without an escalation trigger is ready")
	}
}

func TestVague(t *testing.T) {
	for s, want := range map[string]bool{
		"sort it out": true, "잘 해결해 주세요": true, "a refund": false, "refund by Friday": false,
		"49.90 EUR back": false, "카드로 환불": false, "교환해 주세요": false, "be nicer": true,
	} {
		if got := Vague(s); got != want {
			t.Errorf("Vague(%q) = %v", s, got)
		}
	}
}

func TestSearchPhrases(t *testing.T) {
	got, err := SearchPhrases("en", fullCase("en"), now, seoul)
	if err != nil {
		t.Fatal(err)
	}
	want := "Acme X100 headphones refund not received"
	if len(got) < 4 || got[0] != want {
		t.Errorf("phrases %q, want the first to be %q", got, want)
	}
	ko, err := SearchPhrases("ko", fullCase("ko"), now, seoul)
	if err != nil || !strings.Contains(strings.Join(ko, "\n"), "에이크미 환불 규정") {
		t.Errorf("Korean phrases %q, %v", ko, err)
	}
	for _, j := range casefile.Jurisdictions {
		for _, lang := range Langs {
			if _, err := RegulatorSuggestion(lang, j); err != nil {
				t.Error(err)
			}
		}
	}
}
