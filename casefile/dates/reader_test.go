package dates

import (
	"errors"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// TestReaderOrder: numeric dates day first for uk, eu (and a British
// LANG), month first for us and kr; the only real reading wins.
func TestReaderOrder(t *testing.T) {
	tests := []struct {
		j      casefile.Jurisdiction
		locale string
		in     string
		want   string
	}{
		{casefile.JurisdictionUK, "", "1/12", "2026-12-01"},
		{casefile.JurisdictionEU, "", "1/12", "2026-12-01"},
		{casefile.JurisdictionUS, "", "1/12", "2027-01-12"},
		{casefile.JurisdictionKR, "", "12/5", "2026-12-05"},
		{casefile.JurisdictionOther, "en_GB.UTF-8", "1/12", "2026-12-01"},
		{casefile.JurisdictionOther, "en_US.UTF-8", "1/12", "2027-01-12"},
		{casefile.JurisdictionOther, "de_DE.UTF-8", "1.12.2026", "2026-12-01"},
		{casefile.JurisdictionUK, "", "31/12/2026", "2026-12-31"},
		{casefile.JurisdictionUK, "", "1.12.2026", "2026-12-01"},
		{casefile.JurisdictionEU, "", "1.12.26", "2026-12-01"},
		{casefile.JurisdictionUS, "", "12/31/2026", "2026-12-31"},
		{casefile.JurisdictionUS, "", "31/12/2026", "2026-12-31"}, // only one reading is a date
		{casefile.JurisdictionUK, "", "12/31/2026", "2026-12-31"},
		{casefile.JurisdictionKR, "", "2026. 12. 1.", "2026-12-01"},
		{casefile.JurisdictionKR, "", "2026.12.1", "2026-12-01"},
		{casefile.JurisdictionUK, "", "2026/12/01", "2026-12-01"},
		{casefile.JurisdictionUS, "", "2026-12-01", "2026-12-01"},
	}
	for _, tt := range tests {
		r := Reader{Now: now, Loc: seoul, Order: OrderFor(tt.j, tt.locale)}
		d, err := r.Parse(tt.in)
		if err != nil || d.String() != tt.want {
			t.Errorf("%s/%s: %q = %v, %v; want %s", tt.j, tt.locale, tt.in, d, err, tt.want)
		}
	}
}

// TestReaderPhrases: the phrases people say for due dates, in English and
// Korean. Now is Monday 23 November 2026.
func TestReaderPhrases(t *testing.T) {
	tests := []struct{ in, want string }{
		{"next week", "2026-12-04"},
		{"end of next week", "2026-12-04"},
		{"end of the week", "2026-11-27"},
		{"friday next week", "2026-12-04"},
		{"in 3 working days", "2026-11-26"},
		{"3 business days", "2026-11-26"},
		{"within 5 business days", "2026-11-30"},
		{"in 5 working days", "2026-11-30"},
		{"end of month", "2026-11-30"},
		{"by the end of the month", "2026-11-30"},
		{"12월 말", "2026-12-31"},
		{"2월 말", "2027-02-28"},
		{"이번 달 말", "2026-11-30"},
		{"내년 3월 2일", "2027-03-02"},
		{"다음 달 5일", "2026-12-05"},
		{"이번 달 25일", "2026-11-25"},
		{"3영업일 후", "2026-11-26"},
		{"영업일 기준 5일", "2026-11-30"},
		{"그제", "2026-11-21"},
	}
	r := Reader{Now: now, Loc: seoul, Order: DayFirst}
	for _, tt := range tests {
		d, err := r.Parse(tt.in)
		if err != nil || d.String() != tt.want {
			t.Errorf("%q = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
}

// TestReaderRange: every date is within 1900 to 2200; overflow is refused,
// never wrapped into a date in the past.
func TestReaderRange(t *testing.T) {
	r := Reader{Now: now, Loc: seoul, Order: DayFirst}
	for _, in := range []string{"in 9000 years", "in 106752 days", "in 99999999999 months", "in 300 years",
		"1/1/1899", "2201-01-01", "31 December 9999", "99999999일 후"} {
		d, err := r.Parse(in)
		var re *RangeError
		var ue *UnreadableError
		if err == nil || (!errors.As(err, &re) && !errors.As(err, &ue)) {
			t.Errorf("%q = %v, %v; want a range error", in, d, err)
		}
	}
	for _, in := range []string{"in 9000 years", "in 106752 days", "in 99999999999 months", "2201-01-01"} {
		if _, err := r.Parse(in); !errors.As(err, new(*RangeError)) {
			t.Errorf("%q: %v, want a RangeError naming the years", in, err)
		}
	}
	for _, in := range []string{"1/1/1900", "31/12/2200", "in 100 years"} {
		if _, err := r.Parse(in); err != nil {
			t.Errorf("%q: %v, want it read", in, err)
		}
	}
}

// TestReaderPastAndDue: what happened cannot be in the future; a due date
// in the past is read, and how long ago it was is said.
func TestReaderPastAndDue(t *testing.T) {
	r := Reader{Now: now, Loc: seoul, Order: DayFirst}
	past := []struct{ in, want string }{
		{"Oct 1", "2026-10-01"},
		{"5 Dec", "2025-12-05"}, // the last 5 December, not the coming one
		{"friday", "2026-11-20"},
		{"yesterday", "2026-11-22"},
		{"today", "2026-11-23"},
		{"어제", "2026-11-22"},
		{"11월 5일", "2026-11-05"},
		{"12월 24일", "2025-12-24"},
		{"1/11", "2026-11-01"},
		{"3 days ago", "2026-11-20"},
	}
	for _, tt := range past {
		d, err := r.Past(tt.in)
		if err != nil || d.String() != tt.want {
			t.Errorf("Past(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
	for _, in := range []string{"tomorrow", "next friday", "2026-12-05", "in 3 days", "내일", "2027년 1월 3일"} {
		if _, err := r.Past(in); !errors.As(err, new(*FutureError)) {
			t.Errorf("Past(%q): %v, want a FutureError", in, err)
		}
	}
	due := []struct {
		in   string
		ago  int
		want string
	}{{"2026-11-20", 3, "2026-11-20"}, {"yesterday", 1, "2026-11-22"}, {"today", 0, "2026-11-23"}, {"friday", 0, "2026-11-27"}}
	for _, tt := range due {
		d, ago, err := r.Due(tt.in)
		if err != nil || ago != tt.ago || d.String() != tt.want {
			t.Errorf("Due(%q) = %v, %d days ago, %v; want %s, %d", tt.in, d, ago, err, tt.want, tt.ago)
		}
	}
}

// TestLine: only a date at the very start of a timeline line is read; the
// rest is kept exactly as typed, names and weekday or month words included.
func TestLine(t *testing.T) {
	tests := []struct{ line, date, text string }{
		{"Oct 1: sat on hold for 2 hours", "2026-10-01", "sat on hold for 2 hours"},
		{"Spoke to Sun at 10am on the 3rd", "", "Spoke to Sun at 10am on the 3rd"},
		{"1 Oct – returned it by post", "2026-10-01", "returned it by post"},
		{"11/5 called, Sat with May from billing", "2026-11-05", "called, Sat with May from billing"},
		{"2026-11-05: May said the refund goes out Monday", "2026-11-05", "May said the refund goes out Monday"},
		{"March 3rd, 2026 - bought it in March sale", "2026-03-03", "bought it in March sale"},
		{"yesterday: Mon from the shop called", "2026-11-22", "Mon from the shop called"},
		{"Called on Friday, nobody answered", "", "Called on Friday, nobody answered"},
		{"May I speak to a manager? asked twice", "", "May I speak to a manager? asked twice"},
		{"Sun Li promised a refund by Dec 5", "", "Sun Li promised a refund by Dec 5"},
		{"Bought it on 2 Nov for 49.90 EUR", "", "Bought it on 2 Nov for 49.90 EUR"},
		{"49.90 EUR refunded, 10.00 missing", "", "49.90 EUR refunded, 10.00 missing"},
		{"next friday they will call", "", "next friday they will call"},
		{"  5 Nov:   two  spaces  kept", "2026-11-05", "two  spaces  kept"},
		{"11월 5일: 월요일까지 환불해 준다고 함", "2026-11-05", "월요일까지 환불해 준다고 함"},
		{"11월 5일 김월선 상담원과 통화", "2026-11-05", "김월선 상담원과 통화"},
		{"어제 토요일 배송 예정이라고 들음", "2026-11-22", "토요일 배송 예정이라고 들음"},
		{"오늘 – 고객센터에 다시 전화함", "2026-11-23", "고객센터에 다시 전화함"},
		{"2026. 11. 2. 온라인으로 구입", "2026-11-02", "온라인으로 구입"},
		{"상담원 이금요가 12월 5일까지 처리한다고 함", "", "상담원 이금요가 12월 5일까지 처리한다고 함"},
		{"월요일에 전화했는데 통화 중", "", "월요일에 전화했는데 통화 중"},
		{"다음 주 금요일에 다시 연락 준다고 함", "", "다음 주 금요일에 다시 연락 준다고 함"},
		{"5월에 산 제품, 월말까지 보증", "", "5월에 산 제품, 월말까지 보증"},
		{"11/5", "", "11/5"},
	}
	if len(tests) < 20 {
		t.Fatal("too few lines")
	}
	r := Reader{Now: now, Loc: seoul, Order: MonthFirst}
	for _, tt := range tests {
		d, text, ok, err := r.Line(tt.line)
		if err != nil {
			t.Errorf("Line(%q): %v", tt.line, err)
			continue
		}
		if got := d.String(); ok != (tt.date != "") || got != tt.date || text != tt.text {
			t.Errorf("Line(%q) = %q, %q, %v; want %q, %q", tt.line, got, text, ok, tt.date, tt.text)
		}
	}
	if _, _, ok, err := r.Line("Dec 25: will send it back"); !ok || !errors.As(err, new(*FutureError)) {
		// Dec 25 said of the past is last Christmas, which is fine; a
		// future date must be written with its year to be refused.
		if _, _, _, err := r.Line("2026-12-25: will send it back"); !errors.As(err, new(*FutureError)) {
			t.Errorf("a timeline line dated in the future: %v, want a FutureError", err)
		}
	}
}
