package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// FuzzParse feeds the date reader anything: English and Korean phrases,
// layouts, junk. It must not panic, and a date it reads must survive the
// case file: String, then ParseStoredDate, gives the same date back.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-12-05", "2026.12.05", "2026-12-05 14:30", "2026-12-05T14:30:00+01:00",
		"12/5", "12/5/2027", "5 Dec", "Dec 5", "5 December 2027", "December 5, 2027", "today", "tomorrow",
		"by friday", "next friday", "in 5 days", "in 2 weeks", "end of month", "end of next month", "tomorrow 3pm",
		"오늘", "내일", "모레", "글피", "3일 후", "2주 뒤", "다음 주 금요일", "이번 주 금요일", "금요일까지", "12월 5일",
		"월말", "오후 3시", "내일 오후 3시", "refund 49 EUR to card by friday", "환불 다음 주 금요일까지",
		"2026-02-30", "when pigs fly", "", "9999-12-31", "0000-01-01", "12/31/9999", "31 December 9999", "in 999999999 days"} {
		f.Add(s)
	}
	locs := []*time.Location{time.UTC, seoul, time.FixedZone("UTC-11", -11*3600), time.FixedZone("UTC+14", 14*3600)}
	f.Fuzz(func(t *testing.T, s string) {
		for _, loc := range locs {
			if d, err := Parse(s, now, loc); err == nil {
				back, err := casefile.ParseStoredDate(d.String())
				if err != nil || back != d {
					t.Fatalf("Parse(%q) in %v = %v, stored as %q, read back as %v (%v)", s, loc, d, d.String(), back, err)
				}
			}
			if d, _, ok := Find(s, now, loc); ok {
				if back, err := casefile.ParseStoredDate(d.String()); err != nil || back != d {
					t.Fatalf("Find(%q) in %v = %v, stored as %q, read back as %v (%v)", s, loc, d, d.String(), back, err)
				}
			}
		}
	})
}

// FuzzLine feeds the timeline-line reader anything. It must not panic;
// the text it keeps is always the line's own tail, word for word (or the
// whole line when no date leads it); and a date it reads is in range and
// not in the future.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"Oct 1: sat on hold for 2 hours", "Spoke to Sun at 10am on the 3rd", "1 Oct – returned it",
		"11/5 called", "11월 5일: 월요일까지 환불", "어제 토요일 배송", "2026. 11. 2. 구입", "May I speak to a manager",
		"49.90 EUR refunded", "31/12/9999: far", "2026-12-25: future", "  5 Nov:   spaced", "12.5% off", "오늘", "Oct 1:",
		"99/99/99 x", "1 mayo 2026: x", "Dec 31, 2026, x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, order := range []Order{DayFirst, MonthFirst} {
			r := Reader{Now: now, Loc: seoul, Order: order}
			d, text, ok, err := r.Line(s)
			switch {
			case err != nil:
			case !ok:
				if text != s {
					t.Fatalf("Line(%q) found no date but changed the text to %q", s, text)
				}
			default:
				if !strings.HasSuffix(s, text) || text == "" {
					t.Fatalf("Line(%q) kept %q, not the line's own tail", s, text)
				}
				if y := d.Time(seoul).Year(); y < casefile.MinYear || y > casefile.MaxYear || d.DaysUntil(now, seoul) > 0 {
					t.Fatalf("Line(%q) dated it %v", s, d)
				}
			}
		}
	})
}
