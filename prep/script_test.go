package prep

import (
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden is a rendered script as its golden file holds it: the text, then
// the placeholders the command asks the user to fill.
func golden(s Script) string {
	out := s.Text()
	if len(s.Placeholders) > 0 {
		out += "\n-- fill in --\n" + strings.Join(s.Placeholders, "\n") + "\n"
	}
	return out
}

// TestScriptGoldens renders every stage in both languages for the two full
// cases and compares with testdata/<case>/<stage>.<lang>.txt (-update
// rewrites them: read the diff before committing).
func TestScriptGoldens(t *testing.T) {
	shared := map[string]bool{}
	for _, lc := range sharedCases {
		shared[lc.name] = true
	}
	for _, gc := range goldenCases {
		for _, lang := range Langs {
			for _, st := range Stages {
				if shared[gc.name] && slices.Contains(letterStages, st) {
					continue // under testdata/letters/: TestLetterGoldensOfTheSharedCases
				}
				name := filepath.Join("testdata", gc.name, string(st)+"."+lang+".txt")
				s, err := RenderScript(lang, st, gc.full(), clock, kst)
				if noticeRefused(err) {
					continue // a notice that does not apply: TestLetterGoldens covers the refusal
				}
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				checkGolden(t, name, golden(s))
			}
		}
	}
}
