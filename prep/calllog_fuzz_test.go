package prep

import (
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// FuzzParseLine feeds the call-log parser anything a person could type
// while on hold: it must not panic, must not lose text (what is not a
// command is kept whole as a note), and a date it reads must be a real
// one that survives the case file's storage form.
func FuzzParseLine(f *testing.F) {
	for _, seed := range []string{"rep Anna (billing)", "t A-1234 by 12/5", "p refund 49 EUR to card by friday",
		"p 카드로 환불 다음 주 금요일까지", "x said no", "hold", "back", "?", "end", "she was nice", "",
		"p by", "t", "rep ((", "p refund by 2026-02-30", "약속 3일 후", "\x1b[2J p", "p x by 99/99/9999"} {
		f.Add(seed)
	}
	loc := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, line string) {
		l := ParseLine(line, now, loc)
		if l.Kind == LineUnknown && l.Text != strings.TrimSpace(line) {
			t.Fatalf("unknown line %q kept as %q", line, l.Text)
		}
		if !l.Date.IsZero() {
			back, err := casefile.ParseStoredDate(l.Date.String())
			if err != nil || back != l.Date {
				t.Fatalf("date %v of %q does not survive storage: %v", l.Date, line, err)
			}
		}
	})
}
