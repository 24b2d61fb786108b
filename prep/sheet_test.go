package prep

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/casefile"
)

// TestSheetGolden prints the call sheet of an ordinary case (every tip
// answered) at 60, 80 and 120 columns in each language, and as Markdown.
// Each text sheet fits one 40-line screen at its width, wrapped at word
// boundaries.
func TestSheetGolden(t *testing.T) {
	for _, lang := range Langs {
		s, err := NewSheet(lang, fullCase(lang), now, seoul, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, width := range []int{60, 80, 120} {
			out, err := RenderSheetSize(lang, "text", s, width, SheetLines)
			if err != nil {
				t.Fatal(err)
			}
			goldenFile(t, fmt.Sprintf("sheet_%s_%d.text", lang, width), out)
			checkFits(t, fmt.Sprintf("%s sheet at %d columns", lang, width), out, width, SheetLines)
			if strings.Contains(out, "ORD-2026-114821") {
				t.Errorf("%s sheet shows the account reference unmasked", lang)
			}
		}
		out, err := RenderSheet(lang, "md", s)
		if err != nil {
			t.Fatal(err)
		}
		goldenFile(t, "sheet_"+lang+".md", out)
		if strings.Contains(out, "ORD-2026-114821") || strings.Contains(out, sectionMark) {
			t.Errorf("%s Markdown sheet shows the account reference or a section mark", lang)
		}
		// Valid, plain Markdown: no list item that starts another list
		// ("- - no photos"), no columns padded with spaces.
		for i, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "- - ") || strings.HasPrefix(l, "- ! ") || strings.Contains(strings.TrimLeft(l, " "), "  ") {
				t.Errorf("%s Markdown sheet line %d is not plain Markdown: %q", lang, i+1, l)
			}
		}
	}
}

// checkFits fails unless out has at most height lines of at most width
// display columns, and no line ends in the middle of a word that the next
// line goes on with (every break is at a space).
func checkFits(t *testing.T, what, out string, width, height int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) > height {
		t.Errorf("%s has %d lines, want at most %d", what, len(lines), height)
	}
	for i, l := range lines {
		if w := runewidth.StringWidth(l); w > width {
			t.Errorf("%s line %d is %d columns: %q", what, i+1, w, l)
		}
		if strings.Contains(l, sectionMark) {
			t.Errorf("%s line %d has a section mark", what, i+1)
		}
	}
}

// TestSheetWrapsAtWordsAndSummarisesWhatDoesNotFit: a long-kept case
// (many notes, a long problem) still fits one screen at every width; the
// sections left off name the command that shows them, and the words of
// the long problem all survive the wrapping in order.
func TestSheetWrapsAtWordsAndSummarisesWhatDoesNotFit(t *testing.T) {
	for _, lang := range Langs {
		f := fullCase(lang)
		for i := 0; i < 30; i++ {
			f.Notes = append(f.Notes, casefile.Note{Kind: casefile.NoteTimeline, Text: strings.Repeat("called again and waited on hold ", 4), At: now})
		}
		f.Case.Problem = strings.Repeat("The refund has still not arrived after many calls. ", 4)
		f.Refs = append(f.Refs, casefile.AccountRef{Label: "customer id", Value: "C-99881234"})
		s, err := NewSheet(lang, f, now, seoul, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, width := range []int{60, 80, 120} {
			out, err := RenderSheetSize(lang, "text", s, width, SheetLines)
			if err != nil {
				t.Fatal(err)
			}
			checkFits(t, fmt.Sprintf("%s long sheet at %d columns", lang, width), out, width, SheetLines)
			if !strings.Contains(out, "redress show 3") {
				t.Errorf("%s long sheet at %d columns left the timeline off without the command that shows it:\n%s", lang, width, out)
			}
			if got := strings.Join(strings.Fields(out), " "); !strings.Contains(got, strings.TrimSpace(f.Case.Problem)) {
				t.Errorf("%s long sheet at %d columns lost or broke words of the problem:\n%s", lang, width, out)
			}
		}
		// Without a height limit nothing is summarised.
		out, err := RenderSheetSize(lang, "text", s, 80, 0)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "redress show 3") || strings.Count(out, "called again") < 6 {
			t.Errorf("%s sheet with no height limit was summarised:\n%s", lang, out)
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

// TestSheetLinesComeFromTheCase: the sheet's supervisor line names the
// remedy the letters ask for, and its read-back is filled from the case
// (the request, the latest ticket, the last rep), with a blank only for
// the date the company has yet to give.
func TestSheetLinesComeFromTheCase(t *testing.T) {
	for _, lang := range Langs {
		f := fullCase(lang)
		s, err := NewSheet(lang, f, now, seoul, false)
		if err != nil {
			t.Fatal(err)
		}
		lf, err := NewLetterFacts(lang, f, now, seoul)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.SupervisorLine, lf.Remedy) {
			t.Errorf("%s: the supervisor line does not name the remedy %q: %q", lang, lf.Remedy, s.SupervisorLine)
		}
		for _, want := range []string{lf.Remedy, "A-1234", f.Contacts[0].Rep} {
			if !strings.Contains(s.ReadbackLine, want) {
				t.Errorf("%s: the read-back does not hold %q: %q", lang, want, s.ReadbackLine)
			}
		}
		for _, blank := range []string{"[what]", "[number]", "[name]", "[처리할 일]", "[번호]", "[이름]", "[ticket number]", "[rep's name]", "[접수번호]", "[상담원 이름]"} {
			if strings.Contains(s.ReadbackLine, blank) {
				t.Errorf("%s: the read-back asks for %s, which the case holds: %q", lang, blank, s.ReadbackLine)
			}
		}
		// The line is still said as the customer wrote it, when they did.
		f.Prep.SupervisorLine = "Could I speak to your manager?"
		if s, _ := NewSheet(lang, f, now, seoul, false); s.SupervisorLine != f.Prep.SupervisorLine {
			t.Errorf("%s: the customer's own supervisor line was replaced: %q", lang, s.SupervisorLine)
		}
	}
}

// TestSheetCountsOneDayAsOne: a window that ends tomorrow has "1 day
// left", not "1 days left".
func TestSheetCountsOneDayAsOne(t *testing.T) {
	f := fullCase("en")
	f.Case.ReturnWindowEnd = casefile.DateOnly(2026, 11, 24)
	s, err := NewSheet("en", f, now, seoul, false)
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderSheetSize("en", "text", s, 120, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "ENDS SOON: 1 day left") || strings.Contains(out, "1 days") {
		t.Errorf("a window ending tomorrow:\n%s", out)
	}
}
