package casefile

import "time"

// Deadline is a date in the case itself that ends something: the return
// window or the warranty.
type Deadline struct {
	What string `json:"what"` // "return_by" or "warranty_to"
	Date Date   `json:"date"`
}

// NextDeadline returns the case's soonest deadline that has not passed
// (today counts), or nil: what 'list' shows when no promise is pending.
func (c Case) NextDeadline(now time.Time, loc *time.Location) *Deadline {
	var next *Deadline
	for _, d := range []Deadline{{"return_by", c.ReturnWindowEnd}, {"warranty_to", c.WarrantyEnd}} {
		if d.Date.IsZero() || d.Date.DaysUntil(now, loc) < 0 {
			continue
		}
		if next == nil || d.Date.Before(next.Date) {
			d := d
			next = &d
		}
	}
	return next
}
