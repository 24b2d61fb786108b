package reminders

import (
	"bytes"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/redress-cli/redress/casefile"
)

// goICal is how Encode used to write a file: go-ical's encoder over
// Calendar, then Fold. Encode must write the same bytes.
func goICal(t testing.TB, items []Item, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(Calendar(items, opts)); err != nil {
		t.Fatal(err)
	}
	return Fold(buf.Bytes())
}

func TestEncodeMatchesGoICal(t *testing.T) {
	for _, f := range []struct {
		name  string
		items []Item
	}{
		{"en", reconciled(t, englishCase())},
		{"ko", reconciled(t, koreanCase())},
		{"cancelled", cancelledItems(t)},
	} {
		for _, opts := range []Options{{}, {Todo: true}, {Name: "redress, cases; 사건"}} {
			var got bytes.Buffer
			if err := Encode(&got, f.items, opts); err != nil {
				t.Fatal(err)
			}
			if want := goICal(t, f.items, opts); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s %+v: Encode differs from go-ical:\n%s\nwant:\n%s", f.name, opts, got.Bytes(), want)
			}
		}
	}
}

func TestEncodeRefusesAnEmptyCalendar(t *testing.T) {
	if err := Encode(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Fatal("an empty calendar was encoded; calendars reject a VCALENDAR without components")
	}
}

func reconciled(t testing.TB, f casefile.Full) []Item {
	t.Helper()
	items, _, err := Reconcile(TargetFile, For(f, seoul), nil, exportedAt, seoul)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// cancelledItems are an export after the English case's promises were
// settled: cancellations (no alarm) and changed reminders (SEQUENCE 1).
func cancelledItems(t testing.TB) []Item {
	t.Helper()
	f := englishCase()
	_, saved, err := Reconcile(TargetFile, For(f, seoul), nil, exportedAt, seoul)
	if err != nil {
		t.Fatal(err)
	}
	f.Promises = nil
	f.Title = "renamed"
	items, _, err := Reconcile(TargetFile, For(f, seoul), saved, exportedAt.Add(time.Hour), seoul)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// FuzzAppendText: the one-pass escaping gives escapeText(Text(s)) for any
// text, appended after what dst held.
func FuzzAppendText(f *testing.F) {
	for _, s := range []string{"", "plain", "a, b; c\\d\ne\tf", "한국어, 텍스트; 끝", "\r\n\r", "\x00\x1b[31m", "\xff\xfe",
		"\u0085 next line", "\u00a0 nbsp \u009f", "\x7f", "\\n\\,", "\u202e\u200f", "a\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := appendText([]byte("X:"), s)
		if want := "X:" + escapeText(Text(s)); string(got) != want {
			t.Fatalf("appendText(%q) = %q, want %q", s, got, want)
		}
	})
}
