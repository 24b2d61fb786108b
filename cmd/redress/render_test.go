package main

import "testing"

// FuzzClean: the shortcut for printable text gives what the long way
// gives, and it is taken only when the text is left as it is.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain text", "환불 요청", "tab\there", "a\nb\r\n", "\x1b[31mred\x1b[0m",
		"\x1b]8;;http://x\x07link\x1b]8;;\x07", "\u202eevil", "\u200f\u2066x\u2069", "\u061c", "\u0085\u009b1m",
		"\u00a0nbsp", "\xff\xfe", "\x7f", "e\u0301", "📦 parcel", "\u2028line", "\u200d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strip(s)
		if got := clean(s); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
		if printable(s) && want != s {
			t.Fatalf("printable(%q), but cleaning changes it to %q", s, want)
		}
	})
}
