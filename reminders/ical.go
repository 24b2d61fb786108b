package reminders

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// ProductID names redress as the producer of its calendars.
const ProductID = "-//redress//reminders//EN"

// Options choose how reminders are encoded.
type Options struct {
	// Todo emits VTODO instead of VEVENT. Events are the default because
	// every calendar imports them; many ignore to-dos on import.
	Todo bool
	// Name is the calendar's display name (X-WR-CALNAME), if any.
	Name string
}

// timedLength is how long a timed reminder occupies in a calendar view.
const timedLength = 30 * time.Minute

// Calendar builds the iCalendar object of items: one VEVENT (or VTODO)
// each, with a VALARM unless it is cancelled.
//
//   - A date-only reminder is an all-day event (DTSTART;VALUE=DATE and the
//     next day as DTEND); its alarm fires at 09:00 on the day, the
//     calendar's own time (TRIGGER:PT9H from the start of the day).
//   - A timed reminder is placed in UTC (DTSTART ...Z), which every client
//     shows in the user's zone without needing a VTIMEZONE; its alarm fires
//     30 minutes before.
//   - DTSTAMP and LAST-MODIFIED are the time the reminder's content last
//     changed, and SEQUENCE counts the changes (see Reconcile), so that a
//     calendar importing a newer export replaces its copy.
//   - TRANSP:TRANSPARENT: a reminder does not make the user look busy.
func Calendar(items []Item, opts Options) *ical.Calendar {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, ProductID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	if opts.Name != "" {
		cal.Props.SetText("X-WR-CALNAME", Text(opts.Name))
	}
	for _, it := range items {
		cal.Children = append(cal.Children, component(it, opts))
	}
	return cal
}

func component(it Item, opts Options) *ical.Component {
	name := ical.CompEvent
	if opts.Todo {
		name = ical.CompToDo
	}
	c := ical.NewComponent(name)
	c.Props.SetText(ical.PropUID, it.UID)
	c.Props.SetDateTime(ical.PropDateTimeStamp, it.Modified.UTC())
	c.Props.SetDateTime(ical.PropLastModified, it.Modified.UTC())
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = strconv.Itoa(it.Sequence)
	c.Props.Set(seq)
	c.Props.SetText(ical.PropSummary, Text(it.Summary))
	c.Props.SetText(ical.PropDescription, Text(it.Description))

	start := it.At.Time(time.UTC) // date-only: that day; timed: the instant
	switch {
	case opts.Todo && it.At.HasTime():
		// A to-do has a DUE, not a span; the alarm is relative to it.
		c.Props.SetDateTime(ical.PropDue, start)
	case opts.Todo:
		c.Props.SetDate(ical.PropDue, start)
	case it.At.HasTime():
		c.Props.SetDateTime(ical.PropDateTimeStart, start)
		c.Props.SetDateTime(ical.PropDateTimeEnd, start.Add(timedLength))
	default:
		c.Props.SetDate(ical.PropDateTimeStart, start)
		c.Props.SetDate(ical.PropDateTimeEnd, start.AddDate(0, 0, 1))
	}

	status := "CONFIRMED"
	if opts.Todo {
		status = "NEEDS-ACTION"
	}
	if it.Cancelled {
		status = "CANCELLED"
	}
	c.Props.SetText(ical.PropStatus, status)
	if !opts.Todo {
		c.Props.SetText(ical.PropTransparency, "TRANSPARENT")
	}
	if !it.Cancelled {
		c.Children = append(c.Children, alarm(it, opts))
	}
	return c
}

func alarm(it Item, opts Options) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	a.Props.SetText(ical.PropDescription, Text(it.Summary))
	trig := ical.NewProp(ical.PropTrigger)
	trig.Value = "PT9H"
	if it.At.HasTime() {
		trig.Value = "-PT30M"
	}
	if opts.Todo {
		// A VTODO without DTSTART can only be alarmed relative to its DUE.
		trig.Params.Set(ical.ParamRelated, "END")
	}
	a.Props.Set(trig)
	return a
}

// Text makes user text fit an iCalendar TEXT value: invalid UTF-8 becomes
// U+FFFD, CRLF and CR become LF (escaped as \n by go-ical, which refuses a
// raw CR), and other control characters, which RFC 5545 excludes from
// TEXT, are dropped. Commas, semicolons and backslashes are escaped by
// go-ical's SetText; emoji and Korean pass through as UTF-8.
func Text(s string) string {
	if plainText(s) {
		return s // nothing to change: the common case, without a copy
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// Fold folds every content line longer than 75 octets (RFC 5545 §3.1):
// CRLF then a space, never inside a UTF-8 sequence. go-ical writes each
// property on one line however long, and a Korean or emoji description
// easily passes 75 octets; strict parsers and some phone calendars reject
// or truncate such lines, so redress folds them itself. The cut goes back
// to the start of the UTF-8 character that would be split; a continuation
// line holds 74 octets after its leading space, so it too is 75 in all.
func Fold(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/70*3)
	for len(b) > 0 {
		i := bytes.Index(b, []byte("\r\n"))
		line := b
		if i >= 0 {
			line = b[:i]
			b = b[i+2:]
		} else {
			b = nil
		}
		limit := 75
		for len(line) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			out.Write(line[:cut])
			out.WriteString("\r\n ")
			line = line[cut:]
			limit = 74
		}
		out.Write(line)
		if i >= 0 {
			out.WriteString("\r\n")
		}
	}
	return out.Bytes()
}

// plainText reports whether Text would return s unchanged: valid UTF-8
// with no control character but newline and tab.
func plainText(s string) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return false // invalid UTF-8
		case r == '\n' || r == '\t':
		case unicode.IsControl(r):
			return false
		}
	}
	return true
}
