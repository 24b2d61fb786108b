package dates

import (
	"testing"
	"time"
)

// TestReaderFixedQuirks: the readings of when's English rules that stored
// a wrong date without a word, and are fixed (english.go, top), through
// the Reader the commands use, from bases where the old arithmetic went
// wrong: December, a 31st, a leap day, and late on New Year's Eve. Each
// comment gives what was stored before.
func TestReaderFixedQuirks(t *testing.T) {
	dec10 := time.Date(2026, 12, 10, 9, 0, 0, 0, seoul)
	jan31 := time.Date(2027, 1, 31, 9, 0, 0, 0, seoul)
	feb29 := time.Date(2028, 2, 29, 9, 0, 0, 0, seoul)
	eve := time.Date(2026, 12, 31, 23, 40, 0, 0, seoul)
	newYear := time.Date(2027, 1, 1, 0, 20, 0, 0, seoul)
	tests := []struct {
		now  time.Time
		in   string
		want string
	}{
		// Bug 1: a unit in capitals moved nothing (today).
		{dec10, "in 2 Weeks", "2026-12-24"},
		{dec10, "IN 2 WEEKS", "2026-12-24"},
		{jan31, "in 2 Weeks", "2027-02-14"},
		{dec10, "3 Days ago", "2026-12-07"},
		{feb29, "within 3 Days", "2028-03-03"},
		// Bug 2: a count word in capitals was no date.
		{dec10, "in Two weeks", "2026-12-24"},
		{dec10, "in A week", "2026-12-17"},
		{eve, "In Two Days", "2027-01-02"},
		{feb29, "A Few days ago", "2028-02-26"},
		// Bug 3: months and years mod 12, and rolling over a short month.
		{dec10, "in a month", "2027-01-10"},         // was 2026-01-10
		{dec10, "within a month", "2027-01-10"},     // was 2026-01-10
		{dec10, "in 12 months", "2027-12-10"},       // was 2025-12-10
		{dec10, "in 13 months", "2028-01-10"},       // was 2026-01-10
		{dec10, "3 months ago", "2026-09-10"},       // was right
		{dec10, "24 months ago", "2024-12-10"},      // was 2025-12-10
		{dec10, "within a year", "2027-12-10"},      // was right
		{dec10, "in 2 years", "2028-12-10"},         // was right
		{dec10, "in half a year", "2027-06-10"},     // was 2026-06-10
		{dec10, "half a year ago", "2026-06-10"},    // was right
		{jan31, "in a month", "2027-02-28"},         // was 2027-03-03
		{jan31, "a month ago", "2026-12-31"},        // was right
		{jan31, "in 3 months", "2027-04-30"},        // was 2027-05-01
		{jan31, "2 months ago", "2026-11-30"},       // was 2026-12-01
		{jan31, "in 13 months", "2028-02-29"},       // was 2027-03-03
		{feb29, "within a year", "2029-02-28"},      // was 2029-03-01
		{feb29, "a year ago", "2027-02-28"},         // was 2027-03-01
		{feb29, "in 4 years", "2032-02-29"},         // was right
		{feb29, "in 12 months", "2029-02-28"},       // was 2028-02-29
		{feb29, "24 months ago", "2026-02-28"},      // was 2027-03-01
		{eve, "in a month", "2027-01-31"},           // was 2026-01-31
		{eve, "in 2 months", "2027-02-28"},          // was 2026-03-03
		{eve, "3 months ago", "2026-09-30"},         // was 2026-10-01
		{eve, "in 12 months", "2027-12-31"},         // was 2025-12-31
		{eve, "In A Year", "2027-12-31"},            // was no date
		{newYear, "a month ago", "2026-12-01"},      // was right
		{newYear, "in eleven months", "2027-12-01"}, // was 2026-12-01
		// Bug 4: lastnight moved nothing (today).
		{dec10, "lastnight", "2026-12-09"},
		{dec10, "last  night", "2026-12-09"},
		{newYear, "LastNight", "2026-12-31"},
		// Bug 5: 12am was noon (12:00 in Seoul is 03:00Z; midnight 15:00Z the day before).
		{dec10, "12am", "2026-12-09T15:00:00Z"},
		{dec10, "12pm", "2026-12-10T03:00:00Z"},
		{dec10, "12:30am", "2026-12-09T15:30:00Z"},
		{dec10, "12:15pm", "2026-12-10T03:15:00Z"},
		{dec10, "12 A.M.", "2026-12-09T15:00:00Z"},
		{eve, "tomorrow 12am", "2026-12-31T15:00:00Z"},
		{eve, "11pm", "2026-12-31T14:00:00Z"},
		// Hours and minutes were counted from noon: the date of noon plus
		// an hour, whatever the time.
		{eve, "in an hour", "2027-01-01"},        // was 2026-12-31
		{eve, "in half an hour", "2027-01-01"},   // was 2026-12-31
		{eve, "within 30 minutes", "2027-01-01"}, // was 2026-12-31
		{newYear, "3 hours ago", "2026-12-31"},   // was 2027-01-01
		{newYear, "half an hour ago", "2026-12-31"},
		{dec10, "in 5 hours", "2026-12-10"},
		{eve, "in 12 hours", "2027-01-01"},
		{dec10, "in half a day", "2026-12-10"}, // 21:00; was 2026-12-11 (noon + 12 hours)
	}
	for _, tt := range tests {
		r := Reader{Now: tt.now, Loc: seoul, Order: DayFirst}
		d, err := r.Parse(tt.in)
		if err != nil || d.String() != tt.want {
			t.Errorf("from %s: %q = %v, %v; want %s", tt.now.Format("2006-01-02 15:04"), tt.in, d, err, tt.want)
		}
	}

	// The same fixes in a call-log line and for what already happened.
	r := Reader{Now: dec10, Loc: seoul, Order: DayFirst}
	if d, rest, ok := r.Find("refund In Two Weeks please"); !ok || d.String() != "2026-12-24" || rest != "refund please" {
		t.Errorf("Find = %v %q %v; want 2026-12-24 \"refund please\"", d, rest, ok)
	}
	for in, want := range map[string]string{"lastnight": "2026-12-09", "3 Months ago": "2026-09-10", "a year ago": "2025-12-10"} {
		if d, err := r.Past(in); err != nil || d.String() != want {
			t.Errorf("Past(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	if d, err := Parse("in a month", dec10, seoul); err != nil || d.String() != "2027-01-10" {
		t.Errorf("Parse(in a month) = %v, %v; want 2027-01-10", d, err)
	}
	// A word only Unicode case folding matched is no date, not today.
	for _, in := range []string{"yeſterday", "laſt friday", "in 3 ſeconds"} {
		if d, err := r.Parse(in); err == nil {
			t.Errorf("%q = %v; want no date", in, d)
		}
	}
}
