package casefile

import "time"

// TimelineKey orders the events of a case in every timeline, sheet and
// letter: by when they happened, and what was said in a contact right
// after that contact (ticket, then promise, then note), however it was
// dated, as long as it was said that same day.
type TimelineKey struct {
	anchor time.Time // the contact's time for what was said in it, else the event's own
	order  int       // within one anchor: the contact first, then what came out of it
	at     time.Time
	id     int64
}

// Less reports whether k comes before o.
func (k TimelineKey) Less(o TimelineKey) bool {
	switch {
	case !k.anchor.Equal(o.anchor):
		return k.anchor.Before(o.anchor)
	case k.order != o.order:
		return k.order < o.order
	case !k.at.Equal(o.at):
		return k.at.Before(o.at)
	}
	return k.id < o.id
}

// Timeline orders, for TimelineKey.
const (
	OrderContact = iota
	OrderTicket
	OrderPromise
	OrderNote
	OrderStep
	OrderOther
)

// Keyer makes the timeline keys of one case's events.
type Keyer struct {
	contacts map[int64]time.Time
	loc      *time.Location
}

// NewKeyer reads the case's contact times once.
func NewKeyer(f Full, loc *time.Location) Keyer {
	k := Keyer{contacts: make(map[int64]time.Time, len(f.Contacts)), loc: loc}
	for _, c := range f.Contacts {
		k.contacts[c.ID] = c.At
	}
	return k
}

// Key is the key of an event at at, of the given order, said in contact
// (nil when in none).
func (k Keyer) Key(at time.Time, order int, contact *int64, id int64) TimelineKey {
	key := TimelineKey{anchor: at, order: order, at: at, id: id}
	if contact == nil {
		return key
	}
	if c, ok := k.contacts[*contact]; ok && DateOf(c.In(k.loc)) == DateOf(at.In(k.loc)) {
		key.anchor = c
	}
	return key
}
