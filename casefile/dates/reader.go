package dates

import (
	"strings"
	"time"
	"unicode"

	"github.com/redress-cli/redress/casefile"
)

// Order is how a numeric date such as 1/12 is read.
type Order int

const (
	// DayFirst reads 1/12 as 1 December: the UK, the EU and most places.
	DayFirst Order = iota
	// MonthFirst reads 1/12 as 12 January: the US, and Korea, where dates
	// run year, month, day and 12/5 is 12월 5일.
	MonthFirst
)

// OrderFor is the order of numeric dates in a case of jurisdiction j
// ("kr", "us", "uk", "eu", "other" or ""). Where the jurisdiction does not
// say, locale (LANG, e.g. "en_US.UTF-8", "en_GB.UTF-8") does: month first
// only for the US and Korea, day first everywhere else.
func OrderFor(j casefile.Jurisdiction, locale string) Order {
	switch j {
	case casefile.JurisdictionUS, casefile.JurisdictionKR:
		return MonthFirst
	case casefile.JurisdictionUK, casefile.JurisdictionEU:
		return DayFirst
	}
	l := strings.ToLower(locale)
	if strings.HasPrefix(l, "ko") || strings.HasPrefix(l, "en_us") || strings.HasPrefix(l, "en-us") {
		return MonthFirst
	}
	return DayFirst
}

// Reader reads the dates typed for one case: as of Now, in Loc, numeric
// dates in Order.
type Reader struct {
	Now   time.Time
	Loc   *time.Location
	Order Order
}

// Parse reads s as a whole: a date, or a date and time. Filler words
// around the date ("by", "on", "까지") are allowed; anything else left over
// is an error, so "refund friday" is not silently read as a date. Dates
// outside the years 1900 to 2200 are a RangeError.
func (r Reader) Parse(s string) (casefile.Date, error) {
	return r.parse(s, false)
}

func (r Reader) parse(s string, past bool) (casefile.Date, error) {
	d, rest, ok := r.find(s, past)
	if !ok || strings.IndexFunc(stripFiller(rest), isWordRune) >= 0 {
		if longNumber().MatchString(s) || outOfRangeYear(s) {
			return casefile.Date{}, &RangeError{Input: s}
		}
		return casefile.Date{}, &UnreadableError{Input: s}
	}
	if err := r.check(s, d); err != nil {
		return casefile.Date{}, err
	}
	return d, nil
}

// Past reads a date about something that already happened (--at,
// --purchased, a timeline line): a month and day without a year, or a
// weekday, is the last such day; a date after today is a FutureError.
func (r Reader) Past(s string) (casefile.Date, error) {
	d, err := r.parse(s, true)
	if err != nil {
		return d, err
	}
	if r.future(d) {
		return casefile.Date{}, &FutureError{Input: s, Date: d}
	}
	return d, nil
}

func (r Reader) future(d casefile.Date) bool {
	if d.HasTime() {
		return d.Time(r.Loc).After(r.Now.Add(time.Minute)) // a clock a little fast is not the future
	}
	return d.DaysUntil(r.Now, r.Loc) > 0
}

// Due reads a due or expected date. One in the past is accepted (a
// promise written down late still counts), and daysAgo says how long
// ago it was, for a warning; it is 0 for today or later.
func (r Reader) Due(s string) (d casefile.Date, daysAgo int, err error) {
	if d, err = r.Parse(s); err != nil {
		return d, 0, err
	}
	return d, max(0, -d.DaysUntil(r.Now, r.Loc)), nil
}

// Line reads a timeline line: a date at the very start ("Oct 1: sat on
// hold", "1 Oct – returned it", "11/5 called", "11월 5일 환불 요청",
// "어제 전화함"), followed by a colon, dash, comma or space, then the text.
// Only that leading date is read; the rest is returned exactly as typed
// (without the separator), and words inside it (Sun, Sat, May, March, 월)
// are never dates. ok is false when the line does not start with a date;
// err is set when it starts with one that is out of range or in the
// future.
func (r Reader) Line(line string) (d casefile.Date, text string, ok bool, err error) {
	trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
	m := leadingDate().FindStringSubmatchIndex(trimmed)
	if m == nil {
		return casefile.Date{}, line, false, nil
	}
	head, rest := trimmed[m[2]:m[3]], trimmed[m[1]:]
	if strings.TrimSpace(rest) == "" {
		return casefile.Date{}, line, false, nil
	}
	d, err = r.Past(head)
	var ud *UnreadableError
	if asUnreadable(err, &ud) {
		return casefile.Date{}, line, false, nil // "May I…", "12.5% off": not a date after all
	}
	if err != nil {
		return casefile.Date{}, line, true, err
	}
	return d.Day(r.Loc), rest, true, nil
}

func asUnreadable(err error, target **UnreadableError) bool {
	u, ok := err.(*UnreadableError)
	if ok {
		*target = u
	}
	return ok
}

// leadingDate is what a timeline line may start with: one date form, then
// a separator. Group 1 is the date.
var leadingDate = lazyRE(`(?i)^(` +
	`\d{4}(?:[-/]|\.\s*)\d{1,2}(?:[-/]|\.\s*)\d{1,2}\.?` + // 2026-11-05, 2026. 11. 5.
	`|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?` + // 11/5, 5.11.2026
	`|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:,?\s+\d{4})?` + // 1 Oct, 1st October 2026
	`|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?` + // Oct 1, October 1st, 2026
	`|(?:\d{4}\s*년\s*)?\d{1,2}\s*월\s*\d{1,2}\s*일` + // 11월 5일, 2026년 11월 5일
	`|today|yesterday|오늘|어제|그제|그저께` +
	`)(?:\s*[:\-–—,]\s*|\s+)`)

var fourDigits = lazyRE(`\d{4,}`)

// outOfRangeYear reports a year written out that redress does not keep
// (2201-01-01, 1/1/1899, 31 December 9999).
func outOfRangeYear(s string) bool {
	for _, y := range fourDigits().FindAllString(s, -1) {
		if n := atoi(y); len(y) == 4 && (n < casefile.MinYear || n > casefile.MaxYear) {
			return true
		}
	}
	return false
}
