package dates

import (
	"testing"
	"time"
)

// now is Monday 23 November 2026, 09:30 in Seoul.
var seoul = time.FixedZone("KST", 9*3600)
var now = time.Date(2026, 11, 23, 9, 30, 0, 0, seoul)

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-12-05", "2026-12-05"},
		{"2030-01-20", "2030-01-20"},
		{"2026.12.05", "2026-12-05"},
		{"2024-02-29", "2024-02-29"},
		{"2026-12-05 14:30", "2026-12-05T05:30:00Z"},
		{"2026-12-05T14:30:00Z", "2026-12-05T14:30:00Z"},
		{"2026-12-05T14:30:00+01:00", "2026-12-05T13:30:00Z"},
		{"12/5", "2026-12-05"},
		{"1/10", "2027-01-10"},
		{"11/1", "2026-11-01"},
		{"12/5/2027", "2027-12-05"},
		{"today", "2026-11-23"},
		{"tomorrow", "2026-11-24"},
		{"by friday", "2026-11-27"},
		{"friday", "2026-11-27"},
		{"next friday", "2026-11-27"},
		{"monday", "2026-11-30"},
		{"in 5 days", "2026-11-28"},
		{"in 2 weeks", "2026-12-07"},
		{"5 Dec", "2026-12-05"},
		{"Dec 5", "2026-12-05"},
		{"5 December 2027", "2027-12-05"},
		{"December 5, 2027", "2027-12-05"},
		{"end of month", "2026-11-30"},
		{"end of next month", "2026-12-31"},
		{"tomorrow 3pm", "2026-11-24T06:00:00Z"},
		{"오늘", "2026-11-23"},
		{"내일", "2026-11-24"},
		{"모레", "2026-11-25"},
		{"글피", "2026-11-26"},
		{"3일 후", "2026-11-26"},
		{"3일 뒤", "2026-11-26"},
		{"2주 후", "2026-12-07"},
		{"1개월 후", "2026-12-23"},
		{"이번 주 금요일", "2026-11-27"},
		{"다음 주 금요일", "2026-12-04"},
		{"다음주 월요일", "2026-11-30"},
		{"금요일까지", "2026-11-27"},
		{"월요일", "2026-11-30"},
		{"12월 5일", "2026-12-05"},
		{"2027년 1월 3일", "2027-01-03"},
		{"월말", "2026-11-30"},
		{"다음 달 말", "2026-12-31"},
		{"내일 오후 3시", "2026-11-24T06:00:00Z"},
		{"12월 5일까지", "2026-12-05"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in, now, seoul)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{"", "soon", "refund friday", "2026-02-30", "13/45", "2026-12-05 25:00", "asap please", "다음에"} {
		if d, err := Parse(in, now, seoul); err == nil {
			t.Errorf("Parse(%q) = %s, want an error", in, d)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct{ in, date, rest string }{
		{"refund 49 EUR to card by friday", "2026-11-27", "refund 49 EUR to card"},
		{"카드로 환불 다음 주 금요일까지", "2026-12-04", "카드로 환불"},
		{"call back 12/5", "2026-12-05", "call back"},
		{"send the label in 3 days", "2026-11-26", "send the label"},
	}
	for _, tt := range tests {
		d, rest, ok := Find(tt.in, now, seoul)
		if !ok || d.String() != tt.date || rest != tt.rest {
			t.Errorf("Find(%q) = %s, %q, %v; want %s, %q", tt.in, d, rest, ok, tt.date, tt.rest)
		}
	}
	if _, _, ok := Find("no date here", now, seoul); ok {
		t.Error("Find found a date in text without one")
	}
}
