package main

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// truncate cuts a line where runewidth would, measuring ASCII and Hangul
// without grapheme segmentation and only a prefix of a long line.
func TestTruncateCutsAsRunewidthDoes(t *testing.T) {
	for _, s := range []string{"hello world this is long enough to cut ok", "확인: 환불 49,000원, 접수번호 A-1, A-2, A-3, A-4, A-5, A-6, A-7", strings.Repeat("가a", 50), "ab", "Follow up: refund… · → next — done – ok, and more words after it to cut", "가나다라마바사아자차카타파하"} {
		for n := 3; n < 70; n++ {
			want := strings.TrimSpace(s)
			if runewidth.StringWidth(want) > n {
				want = runewidth.Truncate(want, n, "…")
			}
			if got := truncate(s, n); got != want || displayWidth(got) != runewidth.StringWidth(got) {
				t.Fatalf("%q %d: %q want %q", s, n, got, want)
			}
		}
	}
}
