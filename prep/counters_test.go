package prep

import (
	"fmt"
	"strings"
	"testing"
)

// TestCounterGoldens renders every counter-line, in both languages, for the
// letter cases (testdata/counters_<case>.<lang>.txt; -update rewrites them).
func TestCounterGoldens(t *testing.T) {
	for _, lc := range letterCases {
		for _, lang := range Langs {
			cs, err := Counters(lang, lc.full(), clock, kst)
			if err != nil {
				t.Fatalf("%s/%s: %v", lc.name, lang, err)
			}
			if len(cs) != len(CounterKeys) {
				t.Fatalf("%s/%s: %d counter-lines, want %d", lc.name, lang, len(cs), len(CounterKeys))
			}
			var b strings.Builder
			for i, c := range cs {
				if c.Heard == "" || c.Answer == "" {
					t.Errorf("%s/%s: %s is empty", lc.name, lang, c.Key)
				}
				fmt.Fprintf(&b, "?%d %s\n  \"%s\"\n  → \"%s\"\n", i+1, c.Key, c.Heard, c.Answer)
			}
			goldenFile(t, "counters_"+lc.name+"."+lang+".txt", b.String())
		}
	}
}

// TestCountersCiteOnlyTheLawThatApplies: the courier answer cites the CRA's
// s. 29 for a UK delivery and nothing for a US card charge; the parts
// answer cites the Korean repair standard only for a Korean defect.
func TestCountersCiteOnlyTheLawThatApplies(t *testing.T) {
	answer := func(lang, key string, lc letterCase) string {
		cs, err := Counters(lang, lc.full(), clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		c, ok := CounterFor(cs, key)
		if !ok {
			t.Fatalf("no counter %s", key)
		}
		return c.Answer
	}
	uk, us, kr := letterCases[0], letterCases[3], letterCases[2]
	if a := answer("en", "courier", uk); !strings.Contains(a, "section 29 of the Consumer Rights Act") {
		t.Errorf("UK courier answer cites no s. 29: %s", a)
	}
	if a := answer("en", "courier", us); strings.Contains(a, "Consumer Rights") || strings.Contains(a, "Article 20") {
		t.Errorf("US courier answer cites a law that does not apply: %s", a)
	}
	if a := answer("ko", "parts", kr); strings.Contains(a, "소비자분쟁해결기준") {
		t.Errorf("a Korean refund (not a defect) cites the repair standard: %s", a)
	}
	krDefect := kr.full()
	krDefect.Kind = "defect"
	cs, err := Counters("ko", krDefect, clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := CounterFor(cs, "4"); !strings.Contains(c.Answer, "소비자분쟁해결기준") {
		t.Errorf("a Korean defect's parts answer (?4) does not cite the repair standard: %s", c.Answer)
	}
}

// TestSheetBriefsInTheCaseLanguage: every letter case's sheet fits one
// screen at 60, 80 and 120 columns in both languages; a Korean case shown
// in English still gets its spoken lines (the opening, "this is my 2nd
// contact", the answers to fob-offs) in Korean; the sheet counts the days
// and the contacts and names the deadline that matters.
func TestSheetBriefsInTheCaseLanguage(t *testing.T) {
	for _, lc := range letterCases {
		for _, lang := range Langs {
			f := lc.full()
			s, err := NewSheetSpeaking(lang, f.Lang, f, len(f.Notes), clock, kst, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, width := range []int{60, 80, 120} {
				out, err := RenderSheetSize(lang, "text", s, width, SheetLines)
				if err != nil {
					t.Fatal(err)
				}
				checkFits(t, fmt.Sprintf("%s sheet of %s at %d", lang, lc.name, width), out, width, SheetLines)
				if lc.name == "kr-withdraw" {
					goldenFile(t, fmt.Sprintf("sheet_kr-case_%s_%d.text", lang, width), out)
				}
			}
		}
	}
	f := krWithdraw()
	s, err := NewSheetSpeaking("en", "ko", f, len(f.Notes), clock, kst, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.NthLine, "이번이 두 번째 연락입니다") || !strings.Contains(s.SupervisorLine, "책임자") {
		t.Errorf("a Korean case's spoken lines are not Korean: %q / %q", s.NthLine, s.SupervisorLine)
	}
	if len(s.Counters) == 0 || !strings.Contains(s.Counters[0].Answer, "환불") {
		t.Errorf("a Korean case's answers to fob-offs are not Korean: %+v", s.Counters)
	}
	if s.DaysSince != 2 || s.NextContact != 2 || s.Deadline == nil || s.Deadline.Rule != "kr-withdrawal" || s.Deadline.Left != 4 {
		t.Errorf("briefing: day %d, contact %d, deadline %+v", s.DaysSince, s.NextContact, s.Deadline)
	}
}
