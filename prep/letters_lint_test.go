package prep

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	letterDate    = regexp.MustCompile(`\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\d{4}년 \d{1,2}월 \d{1,2}일`)
	letterAsk     = regexp.MustCompile(`Please |해 주|주십시오|주시기 바랍니다|최고합니다`)
	sentenceEnd   = regexp.MustCompile(`[.?!。](\s|$)|\n`)
	blankThenJosa = regexp.MustCompile(`\](이|가|은|는|을|를|과|와|로|으로)(\s|[.,!?)]|$)`)
)

// TestNewLettersReadAsLettersShouldRead walks the goldens of the new
// stages (the executive letter, the letter before action, the notices) and
// of the counter-lines: every letter asks for an action by a date; no
// sentence is over 30 words; no raw (으)로, no fixed particle after a
// blank, no bracket inside a bracket, no KRW in Korean prose.
func TestNewLettersReadAsLettersShouldRead(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/letters/*/*.txt", "testdata/*/executive.*.txt", "testdata/*/before-action.*.txt", "testdata/counters_*.txt"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 100 {
		t.Fatalf("only %d goldens found", len(files))
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := strings.Cut(string(src), "\n-- fill in --")
		letter, _, _ := strings.Cut(text, "\n---\n") // the note for the customer is not sent
		if !strings.Contains(name, "counters_") {
			if !letterDate.MatchString(letter) || !letterAsk.MatchString(letter) {
				t.Errorf("%s asks for no action by a date", name)
			}
		}
		for _, s := range sentenceEnd.Split(text, -1) {
			if n := len(strings.Fields(s)); n > 30 {
				t.Errorf("%s: a sentence of %d words: %q", name, n, s)
			}
		}
		if strings.Contains(text, "(으)로") || strings.Contains(text, "이(가)") || strings.Contains(text, "을(를)") {
			t.Errorf("%s prints a particle in both forms", name)
		}
		if m := blankThenJosa.FindString(text); m != "" {
			t.Errorf("%s has a fixed particle after a blank: %q", name, m)
		}
		if strings.HasSuffix(strings.TrimSuffix(name, ".txt"), ".ko") || strings.HasSuffix(name, ".ko.txt") {
			if strings.Contains(text, "KRW") {
				t.Errorf("%s writes KRW in Korean prose", name)
			}
		}
		depth := 0
		for _, r := range text {
			switch r {
			case '(', '[':
				depth++
				if depth > 1 {
					t.Errorf("%s has a bracket inside a bracket", name)
				}
			case ')', ']':
				depth = max(0, depth-1)
			case '\n':
				depth = 0
			}
		}
	}
}
