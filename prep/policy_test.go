package prep

import (
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

func TestReturnWindowAndWarrantyEnds(t *testing.T) {
	tests := []struct {
		name             string
		purchase         casefile.Date
		days, months     int
		wantReturn, want string
	}{
		{"plain", casefile.DateOnly(2026, 11, 2), 30, 24, "2026-12-02", "2028-11-02"},
		{"into leap day", casefile.DateOnly(2024, 2, 15), 14, 12, "2024-02-29", "2025-02-15"},
		{"from leap day", casefile.DateOnly(2024, 2, 29), 1, 12, "2024-03-01", "2025-02-28"},
		{"month end clamps", casefile.DateOnly(2026, 1, 31), 28, 1, "2026-02-28", "2026-02-28"},
		{"year end", casefile.DateOnly(2026, 12, 20), 14, 6, "2027-01-03", "2027-06-20"},
		{"no policy", casefile.DateOnly(2026, 12, 20), 0, 0, "", ""},
		{"no purchase date", casefile.Date{}, 14, 12, "", ""},
	}
	for _, tt := range tests {
		if got := ReturnWindowEnd(tt.purchase, tt.days).String(); got != tt.wantReturn {
			t.Errorf("%s: return window ends %q, want %q", tt.name, got, tt.wantReturn)
		}
		if got := WarrantyEnd(tt.purchase, tt.months).String(); got != tt.want {
			t.Errorf("%s: warranty ends %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWindowState(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	// 23:30 in Seoul on Mon 23 Nov is still the 23rd there (UTC is 14:30).
	now := time.Date(2026, 11, 23, 23, 30, 0, 0, seoul)
	tests := []struct {
		name  string
		end   casefile.Date
		state WindowState
		left  int
	}{
		{"ends today", casefile.DateOnly(2026, 11, 23), WindowLastDay, 0},
		{"ended yesterday", casefile.DateOnly(2026, 11, 22), WindowPassed, -1},
		{"ends tomorrow", casefile.DateOnly(2026, 11, 24), WindowEnding, 1},
		{"ends in 3 days", casefile.DateOnly(2026, 11, 26), WindowEnding, 3},
		{"ends in 7 days", casefile.DateOnly(2026, 11, 30), WindowEnding, 7},
		{"ends in 8 days", casefile.DateOnly(2026, 12, 1), WindowOpen, 8},
		{"leap day long ago", casefile.DateOnly(2024, 2, 29), WindowPassed, -998},
		{"unknown", casefile.Date{}, WindowNone, 0},
	}
	for _, tt := range tests {
		state, left := Window(tt.end, now, seoul)
		if state != tt.state || left != tt.left {
			t.Errorf("%s: %s, %d days; want %s, %d", tt.name, state, left, tt.state, tt.left)
		}
	}
	// The same instant in UTC is still the 23rd; in Los Angeles it is the
	// 23rd too, but a window ending on the 22nd there has passed as well.
	la, _ := time.LoadLocation("America/Los_Angeles")
	if state, _ := Window(casefile.DateOnly(2026, 11, 23), now, la); state != WindowLastDay {
		t.Errorf("in Los Angeles: %s", state)
	}
}
