package prep

import (
	"time"

	"github.com/redress-cli/redress/casefile"
)

// ReturnWindowEnd is the last day to return an item bought on purchase
// under a policy of days days: the purchase day counts as day 0, so a
// 14-day window from 15 Feb 2024 ends on 29 Feb 2024.
func ReturnWindowEnd(purchase casefile.Date, days int) casefile.Date {
	if purchase.IsZero() || days <= 0 {
		return casefile.Date{}
	}
	return purchase.Day(time.UTC).AddDays(days)
}

// WarrantyEnd is the last day of a warranty of months months from
// purchase. A day that the end month lacks is clamped to its last day:
// a year from 29 Feb 2024 is 28 Feb 2025, not 1 March.
func WarrantyEnd(purchase casefile.Date, months int) casefile.Date {
	if purchase.IsZero() || months <= 0 {
		return casefile.Date{}
	}
	t := purchase.Time(time.UTC)
	first := time.Date(t.Year(), t.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return casefile.DateOnly(first.Year(), first.Month(), min(t.Day(), last))
}

// WindowState says where today stands against a window's last day.
type WindowState string

const (
	WindowNone    WindowState = ""         // no date known
	WindowOpen    WindowState = "open"     // more than 7 days left
	WindowEnding  WindowState = "ending"   // 1 to 7 days left
	WindowLastDay WindowState = "last-day" // today is the last day
	WindowPassed  WindowState = "passed"   // it has ended
)

// soonDays is how close an end must be to warn about it (tip 5).
const soonDays = 7

// Window returns the state of a window ending on end and the days left
// (negative once passed), as of now in loc.
func Window(end casefile.Date, now time.Time, loc *time.Location) (WindowState, int) {
	if end.IsZero() {
		return WindowNone, 0
	}
	left := end.DaysUntil(now, loc)
	switch {
	case left < 0:
		return WindowPassed, left
	case left == 0:
		return WindowLastDay, 0
	case left <= soonDays:
		return WindowEnding, left
	default:
		return WindowOpen, left
	}
}

// ApplyPolicy sets the ends of a case's return window and warranty from a
// store policy (days to return, months of warranty), counted from the
// purchase date. A figure of 0 leaves its end as it was: a date typed
// directly with 'redress edit' stays unless a policy replaces it.
func ApplyPolicy(c *casefile.Case, returnDays, warrantyMonths int) {
	if end := ReturnWindowEnd(c.PurchaseDate, returnDays); !end.IsZero() {
		c.ReturnWindowEnd = end
	}
	if end := WarrantyEnd(c.PurchaseDate, warrantyMonths); !end.IsZero() {
		c.WarrantyEnd = end
	}
}
