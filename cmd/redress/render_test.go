package main

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// cleanTheLongWay is clean without the printable shortcut.
func cleanTheLongWay(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, ansi.Strip(s))
}

// FuzzClean: the shortcut for printable text gives what the long way
// gives, and it is taken only when the text is left as it is.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain text", "환불 요청", "tab\there", "a\nb\r\n", "\x1b[31mred\x1b[0m",
		"\x1b]8;;http://x\x07link\x1b]8;;\x07", "\u202eevil", "\u200f\u2066x\u2069", "\u061c", "\u0085\u009b1m",
		"\u00a0nbsp", "\xff\xfe", "\x7f", "e\u0301", "📦 parcel", "\u2028line", "\u200d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := cleanTheLongWay(s)
		if got := clean(s); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
		if printable(s) && want != s {
			t.Fatalf("printable(%q), but cleaning changes it to %q", s, want)
		}
	})
}
