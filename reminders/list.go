package reminders

// DefaultDays is how far ahead `remind list` looks unless told otherwise:
// today and the next 14 days. Overdue reminders are always shown.
const DefaultDays = 14

// Selection is the part of Upcoming's list that `remind list` prints, and
// what it left out, so it can say so.
type Selection struct {
	Shown []Dated
	// Later counts the reminders after the last day shown.
	Later int
	// Cut counts the reminders within the days shown that the limit left
	// out.
	Cut int
}

// Select keeps, from a list sorted soonest first (Upcoming's), every
// overdue reminder and those at most days days from today (all of them
// when all is set), the first limit of them when limit is above 0.
func Select(list []Dated, all bool, days, limit int) Selection {
	var sel Selection
	for _, d := range list {
		switch {
		case !all && d.Status != StatusOverdue && d.Days > days:
			sel.Later++
		case limit > 0 && len(sel.Shown) >= limit:
			sel.Cut++
		default:
			sel.Shown = append(sel.Shown, d)
		}
	}
	return sel
}
