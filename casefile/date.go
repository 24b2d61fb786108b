package casefile

import (
	"encoding/json"
	"time"
)

// Date is a due or calendar date that may carry a time of day. A promise
// made "by Friday" is date-only; "by 3 pm Friday" is a date-time. The two
// are kept apart because a date-only promise is not late until that day
// has ended, and calendars show it as an all-day event.
//
// Date-only values live in the user's calendar (no zone); date-times are
// instants stored in UTC. The zero Date means "not given".
type Date struct {
	t       time.Time // date-only: midnight UTC of that day; date-time: the instant
	hasTime bool
	raw     string // a stored value that could not be read, kept as it was
}

const dateLayout = "2006-01-02"

// DateOnly returns the calendar date y-m-d.
func DateOnly(y int, m time.Month, d int) Date {
	return Date{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return DateOnly(y, m, d)
}

// DateTime returns a Date that is the instant t.
func DateTime(t time.Time) Date {
	return Date{t: t.UTC().Truncate(time.Second), hasTime: true}
}

// IsZero reports whether no date can be used: none was given, or the
// stored one cannot be read (see Unreadable). Either way nothing is
// computed from it: no reminder, no deadline, no sentence in a letter.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Unreadable returns the stored text of a date that could not be read
// (written by another program, or by an older redress that let a year
// such as 11026 through), or "" for a readable or empty one. Show prints
// it as it is so it can be corrected with edit.
func (d Date) Unreadable() string { return d.raw }

// MinYear and MaxYear bound every date redress reads or stores.
const (
	MinYear = 1900
	MaxYear = 2200
)

// HasTime reports whether the date carries a time of day.
func (d Date) HasTime() bool { return d.hasTime }

// Day returns the calendar day in loc (for date-only values, the day itself).
func (d Date) Day(loc *time.Location) Date {
	if !d.hasTime {
		return d
	}
	return DateOf(d.t.In(loc))
}

// Time returns the moment: for a date-only value, midnight at the start of
// the day in loc; for a date-time, the instant in loc.
func (d Date) Time(loc *time.Location) time.Time {
	if d.hasTime {
		return d.t.In(loc)
	}
	y, m, dd := d.t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// End returns the moment after which the date has passed: the end of the
// day for a date-only value, the instant itself for a date-time.
func (d Date) End(loc *time.Location) time.Time {
	if d.hasTime {
		return d.t.In(loc)
	}
	return d.Time(loc).AddDate(0, 0, 1)
}

// Before reports whether d is earlier than e (comparing their starts in UTC).
func (d Date) Before(e Date) bool { return d.Time(time.UTC).Before(e.Time(time.UTC)) }

// AddDays returns the date n calendar days later, keeping the time of day.
func (d Date) AddDays(n int) Date {
	return Date{t: d.t.AddDate(0, 0, n), hasTime: d.hasTime}
}

// DaysUntil counts whole calendar days from the day of now to d's day (both
// in loc): 0 today, 1 tomorrow, -1 yesterday.
func (d Date) DaysUntil(now time.Time, loc *time.Location) int {
	a := DateOf(now.In(loc)).t
	b := d.Day(loc).t
	return int(b.Sub(a).Hours() / 24)
}

// Overdue reports whether d has passed at now.
func (d Date) Overdue(now time.Time, loc *time.Location) bool {
	return !d.IsZero() && !now.Before(d.End(loc))
}

// String is the storage form: "2026-12-05", an RFC 3339 UTC instant, or "".
func (d Date) String() string {
	switch {
	case d.raw != "":
		return d.raw // written back as it was, never lost
	case d.IsZero():
		return ""
	case d.hasTime:
		return d.t.Format(time.RFC3339)
	default:
		return d.t.Format(dateLayout)
	}
}

// ParseStoredDate reads the storage form written by String. A value that
// cannot be read, or lies outside MinYear to MaxYear, comes back as an
// unreadable Date (see Unreadable) with a nil error: one bad value must not
// stop list, show, export or edit of the whole file. The error result is
// kept for the callers' uniform scanning code.
func ParseStoredDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	var d Date
	if len(s) == len(dateLayout) {
		t, err := time.Parse(dateLayout, s)
		if err != nil {
			return Date{raw: s}, nil
		}
		d = Date{t: t}
	} else {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return Date{raw: s}, nil
		}
		d = DateTime(t)
	}
	if y := d.t.Year(); y < MinYear || y > MaxYear {
		return Date{raw: s}, nil
	}
	return d, nil
}

// MarshalJSON writes the storage form, or null when no date was given.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() && d.raw == "" {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseStoredDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
