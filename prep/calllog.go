package prep

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/internal/lazyre"
)

// LineKind is what a line of the live call log records.
type LineKind string

const (
	LineEmpty   LineKind = ""
	LineRep     LineKind = "rep"
	LineTicket  LineKind = "ticket"
	LinePromise LineKind = "promise"
	LineNote    LineKind = "note"
	LineRefusal LineKind = "refusal"
	LineHold    LineKind = "hold"
	LineBack    LineKind = "back"
	LineHelp    LineKind = "help"
	// LineCounter asks for the answer to a fob-off: "?3" or "? parts"
	// (prep.CounterFor reads Text). Nothing is stored.
	LineCounter LineKind = "counter"
	LineEnd     LineKind = "end"
	// LineUnknown is a line that starts with no command word. The log
	// keeps it as a note, so nothing typed during a call is lost.
	LineUnknown LineKind = "unknown"
)

// Line is one parsed line of the call log.
type Line struct {
	Kind       LineKind
	Text       string        // rep name, ticket number, promise or note text
	Department string        // rep only: "rep Anna (billing)"
	Date       casefile.Date // ticket's expected date or promise's due date; zero when none was given
	// BadDate is text after "by" that looked like a date but could not be
	// read; the log asks for the date once more.
	BadDate string
}

// callWords maps each command word, short and long, English and Korean,
// to what it records.
var callWords = map[string]LineKind{
	"rep": LineRep, "r": LineRep, "agent": LineRep, "담당": LineRep, "상담원": LineRep,
	"t": LineTicket, "ticket": LineTicket, "접수": LineTicket, "접수번호": LineTicket,
	"p": LinePromise, "promise": LinePromise, "약속": LinePromise,
	"n": LineNote, "note": LineNote, "메모": LineNote,
	"x": LineRefusal, "no": LineRefusal, "refused": LineRefusal, "거절": LineRefusal,
	"hold": LineHold, "h": LineHold, "대기": LineHold,
	"back": LineBack, "b": LineBack, "복귀": LineBack,
	"?": LineHelp, "help": LineHelp, "도움말": LineHelp,
	"end": LineEnd, "bye": LineEnd, "q": LineEnd, "끝": LineEnd, "종료": LineEnd,
}

var repDepartment = lazyre.New(`^(.*?)\s*[(（]([^)）]*)[)）]\s*$`)

// byDate finds the "by DATE" tail of a ticket or promise: an explicit
// marker, so "refund 49 EUR" is not misread as a date.
var byDate = lazyre.New(`(?i)(?:^|\s)(?:by|until|before|on|due)\s+(.+)$`)

// ParseLine reads one line of the live call log. It never fails: what it
// cannot read as a command is a LineUnknown, kept as a note.
func ParseLine(line string, now time.Time, loc *time.Location) Line {
	line = strings.TrimSpace(line)
	if line == "" {
		return Line{Kind: LineEmpty}
	}
	word, rest, _ := strings.Cut(line, " ")
	if len(word) > 1 && strings.HasPrefix(word, "?") {
		return Line{Kind: LineCounter, Text: strings.TrimSpace(word[1:] + " " + rest)}
	}
	kind, ok := callWords[strings.ToLower(word)]
	if !ok {
		return Line{Kind: LineUnknown, Text: line}
	}
	rest = strings.TrimSpace(rest)
	if kind == LineHelp && rest != "" {
		return Line{Kind: LineCounter, Text: rest}
	}
	l := Line{Kind: kind, Text: rest}
	switch kind {
	case LineRep:
		if m := repDepartment().FindStringSubmatch(rest); m != nil {
			l.Text, l.Department = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		}
	case LineTicket:
		number, tail, _ := strings.Cut(rest, " ")
		l.Text = number
		tail = strings.TrimSpace(tail)
		if tail != "" {
			l.Date, l.BadDate = readDate(tail, now, loc)
		}
	case LinePromise:
		l.Text, l.Date, l.BadDate = promiseDate(rest, now, loc)
	}
	return l
}

// promiseDate splits a promise into its text and due date: after "by" (or
// 까지) when there is one, else a date phrase anywhere in the text.
func promiseDate(s string, now time.Time, loc *time.Location) (string, casefile.Date, string) {
	if m := byDate().FindStringSubmatchIndex(s); m != nil {
		tail := s[m[2]:m[3]]
		if d, err := dates.Parse(tail, now, loc); err == nil {
			return strings.TrimSpace(s[:m[0]]), d, ""
		}
	}
	if d, rest, ok := dates.Find(s, now, loc); ok && strings.TrimSpace(rest) != "" {
		return rest, d, ""
	}
	if m := byDate().FindStringSubmatchIndex(s); m != nil {
		return strings.TrimSpace(s[:m[0]]), casefile.Date{}, s[m[2]:m[3]]
	}
	return s, casefile.Date{}, ""
}

func readDate(s string, now time.Time, loc *time.Location) (casefile.Date, string) {
	if d, err := dates.Parse(s, now, loc); err == nil {
		return d, ""
	}
	return casefile.Date{}, s
}
