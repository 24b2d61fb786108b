package reminders

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// Encode writes items as an iCalendar file: CRLF line ends and lines
// folded at 75 octets (see Fold).
//
// It writes the very bytes go-ical's encoder would write for
// Calendar(items, opts), folded by Fold (TestEncodeMatchesGoICal checks it
// on the golden cases and FuzzEncode on arbitrary text), but streams them:
// no component tree, property maps or whole-file buffers. Building those
// for 13,000 reminders took a quarter of a second and most of the memory
// of `remind export`; this takes a few milliseconds. Calendar stays for
// CalDAV, which puts one small object at a time.
func Encode(w io.Writer, items []Item, opts Options) error {
	st := NewStream(w, opts)
	for _, it := range items {
		st.Add(it)
	}
	return st.Close()
}

// Stream is Encode one item at a time, for an export that reads its
// reminders as it writes them: nothing is written until the first Add.
type Stream struct {
	w    io.Writer
	opts Options
	e    *encoder
	n    int
}

// NewStream starts an iCalendar file on w.
func NewStream(w io.Writer, opts Options) *Stream { return &Stream{w: w, opts: opts} }

// Add writes one item (the calendar's header first).
func (s *Stream) Add(it Item) {
	if s.e == nil {
		s.e = &encoder{w: bufio.NewWriterSize(s.w, 64<<10)}
		s.e.header(s.opts)
	}
	s.e.component(it, s.opts)
	s.n++
}

// Count is how many items were added.
func (s *Stream) Count() int { return s.n }

// Close ends the calendar and flushes it, or fails when nothing was added.
func (s *Stream) Close() error {
	if s.e == nil {
		// As go-ical refuses it: a VCALENDAR must hold a component.
		return errors.New("ical: failed to encode VCALENDAR: calendar is empty" /* words:ok a programming error */)
	}
	s.e.line("END", ical.CompCalendar)
	if s.e.err != nil {
		return s.e.err
	}
	return s.e.w.Flush()
}

func (e *encoder) header(opts Options) {
	// Properties in name order, as go-ical sorts them.
	e.line("BEGIN", ical.CompCalendar)
	e.line(ical.PropCalendarScale, "GREGORIAN")
	e.line(ical.PropProductID, escapeText(ProductID))
	e.line(ical.PropVersion, "2.0")
	if opts.Name != "" {
		// go-ical knows no default type for an X- property, so it says TEXT.
		e.line("X-WR-CALNAME;VALUE=TEXT", escapeText(Text(opts.Name)))
	}
}

type encoder struct {
	w       *bufio.Writer
	buf     []byte // the content line being built
	summary []byte // the escaped summary of the component being written
	err     error
}

func (e *encoder) component(it Item, opts Options) {
	name := ical.CompEvent
	if opts.Todo {
		name = ical.CompToDo
	}
	status := "CONFIRMED"
	if opts.Todo {
		status = "NEEDS-ACTION"
	}
	if it.Cancelled {
		status = "CANCELLED"
	}
	// The summary is written twice (the event's and its alarm's), so it
	// is escaped once; every other value is built straight into the line.
	e.summary = appendText(e.summary[:0], it.Summary)
	modified := it.Modified.UTC()
	start := it.At.Time(time.UTC)

	// A date-only reminder is all-day (VALUE=DATE); a timed one in UTC.
	day := func(name string, t time.Time) {
		if it.At.HasTime() {
			e.timeLine(name, t, utcLayout)
		} else {
			e.timeLine(name+";VALUE=DATE", t, dateLayout)
		}
	}
	e.line("BEGIN", name)
	e.buf = appendText(append(e.buf[:0], ical.PropDescription+":"...), it.Description)
	e.write()
	if opts.Todo {
		e.timeLine(ical.PropDateTimeStamp, modified, utcLayout)
		day(ical.PropDue, start)
	} else {
		end := start.AddDate(0, 0, 1)
		if it.At.HasTime() {
			end = start.Add(timedLength)
		}
		day(ical.PropDateTimeEnd, end)
		e.timeLine(ical.PropDateTimeStamp, modified, utcLayout)
		day(ical.PropDateTimeStart, start)
	}
	e.timeLine(ical.PropLastModified, modified, utcLayout)
	e.buf = strconv.AppendInt(append(e.buf[:0], ical.PropSequence+":"...), int64(it.Sequence), 10)
	e.write()
	e.line(ical.PropStatus, status)
	e.textLine(ical.PropSummary, e.summary)
	if !opts.Todo {
		e.line(ical.PropTransparency, "TRANSPARENT")
	}
	e.line(ical.PropUID, escapeText(it.UID))
	if !it.Cancelled {
		trigger := "PT9H"
		if it.At.HasTime() {
			trigger = "-PT30M"
		}
		related := ""
		if opts.Todo {
			related = ";RELATED=END"
		}
		e.line("BEGIN", ical.CompAlarm)
		e.line(ical.PropAction, "DISPLAY")
		e.textLine(ical.PropDescription, e.summary)
		e.line(ical.PropTrigger+related, trigger)
		e.line("END", ical.CompAlarm)
	}
	e.line("END", name)
}

const (
	utcLayout  = "20060102T150405Z"
	dateLayout = "20060102"
)

// line writes one content line, folded.
func (e *encoder) line(name, value string) {
	if e.err != nil {
		return
	}
	for i := 0; i < len(value); i++ {
		if value[i] == '\r' || value[i] == '\n' {
			// go-ical refuses these too; Text and escapeText leave none.
			e.err = errors.New("ical: failed to encode property value: contains a CR or LF" /* words:ok a programming error */)
			return
		}
	}
	e.buf = append(append(append(e.buf[:0], name...), ':'), value...)
	e.err = writeFolded(e.w, e.buf)
}

// textLine writes a property whose value is already escaped TEXT.
func (e *encoder) textLine(name string, value []byte) {
	e.buf = append(append(append(e.buf[:0], name...), ':'), value...)
	e.write()
}

// timeLine writes a property whose value is t in layout.
func (e *encoder) timeLine(name string, t time.Time, layout string) {
	e.buf = t.AppendFormat(append(append(e.buf[:0], name...), ':'), layout)
	e.write()
}

// write folds and writes the content line in buf, built by the caller
// from values that hold no CR or LF (escaped text, numbers, times).
func (e *encoder) write() {
	if e.err == nil {
		e.err = writeFolded(e.w, e.buf)
	}
}

// appendText appends escapeText(Text(s)) to dst in one pass over s: an
// export escapes some 10 MB of descriptions, and the five passes of
// Text, escapeText and line's check were a third of its time (issue 19).
// Text that Text would change (invalid UTF-8, a control character other
// than a newline or a tab, a CR) takes the long way; FuzzAppendText
// checks the two agree.
func appendText(dst []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return append(dst, escapeText(Text(s))...)
	}
	start := len(dst)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c < 0x20 && c != '\t', c == 0x7f, c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0:
			// A control character (C0, DEL, or C1: U+0080–U+009F is
			// 0xC2 0x80–0x9F in valid UTF-8), which Text removes.
			return append(dst[:start], escapeText(Text(s))...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// escapeText is go-ical's TEXT escaping (Prop.SetText): backslash, comma
// and semicolon get a backslash, a newline becomes \n, and the text is
// re-encoded rune by rune, so invalid UTF-8 becomes U+FFFD as it does
// there.
func escapeText(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', ';', ',', '\n':
			n++
		}
	}
	valid := utf8.ValidString(s)
	if n == 0 && valid {
		return s
	}
	b := make([]byte, 0, len(s)+n)
	if valid {
		// Re-encoding valid UTF-8 rune by rune gives the same bytes, and
		// the escaped characters are ASCII, never inside a multi-byte
		// sequence: escape byte by byte.
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '\\', ';', ',':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			default:
				b = append(b, c)
			}
		}
		return string(b)
	}
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b = append(b, '\\', byte(r))
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// writeFolded writes line and its CRLF, folded as Fold folds it.
func writeFolded(w *bufio.Writer, line []byte) error {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.Write(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = 74
	}
	w.Write(line)
	_, err := w.WriteString("\r\n")
	return err
}
