// Package dates reads the dates people type: ISO dates and date-times,
// explicit layouts, and natural phrases in English and Korean ("next
// friday", "in 5 days", "3일 후", "다음 주 금요일").
//
// Natural phrases go through the rule machinery of
// github.com/olebedev/when, with English and Korean rules written here in
// its form (english.go says why not when's own English rules; when has no
// Korean).
// ISO dates and explicit layouts are read first, because when misreads
// "2030-01-20" (it finds "01-20") and reads "12/5" day-first.
package dates

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/olebedev/when/rules"

	"github.com/redress-cli/redress/casefile"
)

// Forms lists the accepted forms, for error hints.
const Forms = `2026-12-05, 2026-12-05 14:30, 31/12/2026, 1.12.2026, 5 Dec, Dec 5 2026, today, tomorrow, friday, ` +
	`next friday, next week, in 5 days, in 3 working days, end of month, end of next week, ` +
	`내일, 모레, 3일 후, 2주 뒤, 다음 주 금요일, 금요일까지, 12월 5일, 2026. 12. 1., 12월 말, 월말, 내년 3월 2일, 다음 달 5일, 오후 3시`

// UnreadableError is a date nobody could read; it names the accepted forms.
type UnreadableError struct{ Input string }

func (e *UnreadableError) Error() string {
	return casefile.Say("err_unreadable_date", e.Input)
}

// RangeError is a date outside the years redress keeps (1900 to 2200),
// or a number too large to count with.
type RangeError struct{ Input string }

func (e *RangeError) Error() string {
	return casefile.Say("err_date_range", e.Input, casefile.MinYear, casefile.MaxYear)
}

// FutureError is a future date given for something that already happened.
type FutureError struct {
	Input string
	Date  casefile.Date
}

func (e *FutureError) Error() string {
	return casefile.Say("err_date_future", e.Input, e.Date.Time(time.UTC).Format("2 Jan 2006"))
}

// Parse reads s as a whole, month first for numeric dates (12/5 is 5
// December); see Reader for the reading of a case's own dates.
func Parse(s string, now time.Time, loc *time.Location) (casefile.Date, error) {
	return Reader{Now: now, Loc: loc, Order: MonthFirst}.Parse(s)
}

// Find is Reader.Find, month first.
func Find(text string, now time.Time, loc *time.Location) (d casefile.Date, rest string, ok bool) {
	return Reader{Now: now, Loc: loc, Order: MonthFirst}.Find(text)
}

// Find looks for a date phrase anywhere inside text (a call-log line such
// as "refund 49 EUR to card by friday") and returns the date and the text
// with the phrase and its filler word removed. ok is false when there is
// none, or when the date is out of range. For timeline lines, where only a
// leading date counts, use Line.
func (r Reader) Find(text string) (d casefile.Date, rest string, ok bool) {
	d, rest, ok = r.find(text, false)
	if !ok || r.check(text, d) != nil {
		return casefile.Date{}, text, false
	}
	return d, trimTrailingFiller(rest), true
}

func (r Reader) find(s string, past bool) (casefile.Date, string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return casefile.Date{}, "", false
	}
	now, loc := r.Now.In(r.Loc), r.Loc
	if d, rest, ok := r.findExplicit(s, now, past); ok {
		return d, rest, true
	}
	// Relative phrases are counted from noon today, so that adding whole
	// days across a daylight-saving change never lands on the wrong date.
	noon := time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, loc)
	res, err := parser().Parse(s, noon)
	if err == nil && res != nil && res.Clock {
		// Hours and minutes count from now, not noon: "in an hour" at
		// 23:30 is tomorrow, "3 hours ago" at 01:00 yesterday.
		res, err = parser().Parse(s, now)
	}
	if err != nil || res == nil {
		return casefile.Date{}, s, false
	}
	rest := s[:res.Index] + s[res.Index+len(res.Text):]
	t := res.Time
	if past && bareWeekday().MatchString(strings.TrimSpace(s)) && t.After(noon) {
		t = t.AddDate(0, 0, -7) // "friday", said of what happened: the last one
	}
	if hasTimeOfDay(res.Text) {
		return casefile.DateTime(t), rest, true
	}
	return casefile.DateOf(t), rest, true
}

// bareWeekday is a weekday named alone ("friday", "on Fri", "금요일").
var bareWeekday = lazyRE(`(?i)^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?$|^[월화수목금토일]요일$`)

// check refuses a reading out of range: a year outside 1900 to 2200, or a
// count so large that the arithmetic could have wrapped.
func (r Reader) check(s string, d casefile.Date) error {
	if longNumber().MatchString(s) {
		return &RangeError{Input: s}
	}
	if y := d.Time(r.Loc).Year(); y < casefile.MinYear || y > casefile.MaxYear {
		return &RangeError{Input: s}
	}
	return nil
}

var longNumber = lazyRE(`\d{7,}`)

var (
	// Year first: 2026-12-05, 2026/12/01, 2026.12.05 and the Korean
	// 2026. 12. 1. with its spaces and final point.
	isoDateTime = lazyRE(`(?:^|\s)(\d{4})(?:[-/]|\.\s*)(\d{1,2})(?:[-/]|\.\s*)(\d{1,2})\.?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?(?:\s|$|[,.:])`)
	// Two numbers and an optional year, with slashes or points: 1/12,
	// 31/12/2026, 1.12.2026, 12/5/27. The reader's Order says which is
	// the day; when only one reading is a real date, that one.
	numericDate = lazyRE(`(?:^|\s)(\d{1,2})([/.])(\d{1,2})(?:[/.](\d{4}|\d{2}))?(?:\s|$|[,:]|\.(?:\s|$))`)
	// English day-month-year and month-day-year with the year written out;
	// when's own rule has no year.
	dayMonthYear = lazyRE(`(?i)(?:^|\s)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:\s|$|[,.])`)
	monthDayYear = lazyRE(`(?i)(?:^|\s)([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s|$|[,.])`)
)

func (r Reader) findExplicit(s string, now time.Time, past bool) (casefile.Date, string, bool) {
	loc := r.Loc
	if m := isoDateTime().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		y, mo, d := atoi(g[1]), atoi(g[2]), atoi(g[3])
		if !validDay(y, mo, d) {
			return casefile.Date{}, s, false
		}
		rest := s[:m[0]] + " " + s[m[1]:]
		if g[4] == "" {
			return casefile.DateOnly(y, time.Month(mo), d), rest, true
		}
		h, mi, sec := atoi(g[4]), atoi(g[5]), atoi(g[6])
		if h > 23 || mi > 59 || sec > 59 {
			return casefile.Date{}, s, false
		}
		zone := loc
		if g[7] != "" {
			z, err := parseZone(g[7])
			if err != nil {
				return casefile.Date{}, s, false
			}
			zone = z
		}
		return casefile.DateTime(time.Date(y, time.Month(mo), d, h, mi, sec, 0, zone)), rest, true
	}
	if m := numericDate().FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		a, b := atoi(g[1]), atoi(g[3])
		if g[2] == "." && g[4] == "" && len(g[3]) == 2 {
			return casefile.Date{}, s, false // "49.90" is an amount, not a date
		}
		y, explicitYear := atoi(g[4]), g[4] != ""
		if len(g[4]) == 2 {
			y += 2000
		}
		if !explicitYear {
			y = now.Year()
		}
		mo, d := a, b
		if r.Order == DayFirst {
			mo, d = b, a
		}
		fits := func(mo, d int) bool {
			return validDay(y, mo, d) || (!explicitYear && (validDay(y+1, mo, d) || validDay(y-1, mo, d)))
		}
		if !fits(mo, d) {
			mo, d = d, mo // the only reading that is a real date
			if !fits(mo, d) {
				return casefile.Date{}, s, false
			}
		}
		return nearest(y, mo, d, explicitYear, now, past), s[:m[0]] + " " + s[m[1]:], true
	}
	for _, re := range []*regexp.Regexp{dayMonthYear(), monthDayYear()} {
		if m := re.FindStringSubmatchIndex(s); m != nil {
			g := groups(s, m)
			dayText, monthText := g[1], g[2]
			if re == monthDayYear() {
				dayText, monthText = g[2], g[1]
			}
			mo, ok := monthNumber(monthText)
			y, d := atoi(g[3]), atoi(dayText)
			if ok && validDay(y, mo, d) {
				return casefile.DateOnly(y, time.Month(mo), d), s[:m[0]] + " " + s[m[1]:], true
			}
		}
	}
	if past {
		// Month and day without a year, said of what happened: the last
		// such day ("Oct 1" in November is this October), not the nearest.
		for _, re := range []*regexp.Regexp{dayMonth(), monthDay(), koMonthDayRe()} {
			if re == koMonthDayRe() && strings.Contains(s, "년") {
				continue // 2027년 1월 3일 has its year: the rules read it
			}
			if m := re.FindStringSubmatchIndex(s); m != nil {
				g := groups(s, m)
				dayText, monthText := g[1], g[2]
				var mo int
				var ok bool
				switch re {
				case monthDay():
					dayText, monthText = g[2], g[1]
					mo, ok = monthNumber(monthText)
				case koMonthDayRe():
					dayText, mo, ok = g[2], atoi(g[1]), true
				default:
					mo, ok = monthNumber(monthText)
				}
				d := atoi(dayText)
				if ok && (validDay(now.Year(), mo, d) || validDay(now.Year()-1, mo, d)) {
					return nearest(now.Year(), mo, d, false, now, true), s[:m[0]] + " " + s[m[1]:], true
				}
			}
		}
	}
	return casefile.Date{}, s, false
}

var (
	dayMonth     = lazyRE(`(?i)(?:^|\s)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:\s|$|[,:])`)
	monthDay     = lazyRE(`(?i)(?:^|\s)([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s|$|[,:])`)
	koMonthDayRe = lazyRE(`(?:^|\s)(\d{1,2})\s*월\s*(\d{1,2})\s*일`)
)

// nearest picks the year for a month and day given without one: the
// occurrence nearest to today, so "12/5" in November is this December and
// "1/10" in December is next January, while "11/1" in November is the one
// just past (a purchase date, say).
func nearest(y, mo, d int, explicitYear bool, now time.Time, past bool) casefile.Date {
	if explicitYear {
		return casefile.DateOnly(y, time.Month(mo), d)
	}
	today := casefile.DateOf(now)
	best := casefile.Date{}
	bestDist := 0
	for _, yy := range []int{y - 1, y, y + 1} {
		if !validDay(yy, mo, d) {
			continue
		}
		c := casefile.DateOnly(yy, time.Month(mo), d)
		dist := c.DaysUntil(now, time.UTC) - today.DaysUntil(now, time.UTC)
		if past && dist > 0 {
			continue // the last such day, for what already happened
		}
		if dist < 0 {
			dist = -dist
		}
		if best.IsZero() || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < casefile.MinYear || y > casefile.MaxYear {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func parseZone(z string) (*time.Location, error) {
	if z == "Z" {
		return time.UTC, nil
	}
	t, err := time.Parse("-07:00", strings.Replace(z[:3]+":"+strings.TrimPrefix(z[3:], ":"), "::", ":", 1))
	if err != nil {
		return nil, err
	}
	return t.Location(), nil
}

var timeOfDay = lazyRE(`(?i)\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|\bnoon\b|\bmidnight\b|\d{1,2}\s*시|정오|자정`)

func hasTimeOfDay(s string) bool { return timeOfDay().MatchString(s) }

// filler are the words that may stand around a date without changing it.
var filler = lazyRE(`(?i)(^|\s)(by|on|until|till|before|at|the|of|due|no later than)(\s|$)|까지|전까지|에|쯤|경`)

func stripFiller(s string) string {
	for {
		t := filler().ReplaceAllString(s, " ")
		if t == s {
			return strings.TrimSpace(t)
		}
		s = t
	}
}

var trailingFiller = lazyRE(`(?i)\s*(\b(by|on|until|till|before|due|no later than)\s*|(전까지|까지|에|쯤)\s*)+$`)

func trimTrailingFiller(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(trailingFiller().ReplaceAllString(s, ""))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// endOfMonthEN reads "end of month", "end of the month", "end of next month".
func endOfMonthEN() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)(?:\W|^)(end\s+of\s+(?:the\s+|this\s+)?(next\s+)?month())(?:\W|$)`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			months := 0
			if m.Captures[1] != "" {
				months = 1
			}
			c.Duration = daysTo(ref, lastOfMonth(ref, months))
			return true, nil
		},
	}
}

func lastOfMonth(ref time.Time, monthsAhead int) time.Time {
	first := time.Date(ref.Year(), ref.Month()+time.Month(monthsAhead), 1, ref.Hour(), ref.Minute(), 0, 0, ref.Location())
	return first.AddDate(0, 1, -1)
}

// daysTo is the whole-day shift from ref to target's date, as a Duration
// for when's context (ref is noon, so whole days never cross midnight).
func daysTo(ref, target time.Time) time.Duration {
	a := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	b := time.Date(target.Year(), target.Month(), target.Day(), 0, 0, 0, 0, time.UTC)
	return time.Duration(b.Sub(a).Hours()/24) * 24 * time.Hour
}

// addWorkingDays counts n working days (Monday to Friday) after ref.
// Public holidays differ by place and year and are not counted out: the
// date is echoed with its weekday, so it can be moved by hand.
func addWorkingDays(ref time.Time, n int) time.Time {
	t := ref
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			n--
		}
	}
	return t
}

// workingDaysEN reads "in 3 working days", "3 business days", "within 5
// business days".
func workingDaysEN() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)(?:\W|^)((?:(?:in|within)\s+)?(\d+)\s+(?:working|business)\s+days?())(?:\W|$)`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			n := atoi(m.Captures[1])
			if n < 1 || n > 3660 {
				return false, nil
			}
			c.Duration = daysTo(ref, addWorkingDays(ref, n))
			return true, nil
		},
	}
}

// weekEN reads "next week", "end of next week", "end of the week", "this
// week": the Friday of that week, the last working day a promise made for
// "next week" can be kept on. Weeks run Monday to Sunday.
func weekEN() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)(?:\W|^)((?:(?:by\s+)?(?:the\s+)?end\s+of\s+)?(?:the\s+|this\s+)?(next\s+)?week())(?:\W|$)`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			if c.Duration != 0 || c.Weekday != nil {
				return false, nil // "friday next week": the weekday rule placed it
			}
			weeks := 0
			if m.Captures[1] != "" {
				weeks = 1
			}
			sinceMonday := (int(ref.Weekday()) + 6) % 7
			c.Duration = time.Duration(-sinceMonday+7*weeks+4) * 24 * time.Hour
			return true, nil
		},
	}
}

// weekdayNextWeekEN reads "friday next week": the Friday of next week
// (when's own weekday rule takes it for this week's).
func weekdayNextWeekEN() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)(?:\W|^)((mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+next\s+week())(?:\W|$)`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			wd, ok := weekdayNumber(m.Captures[1])
			if !ok {
				return false, nil
			}
			sinceMonday := (int(ref.Weekday()) + 6) % 7
			c.Duration = time.Duration(-sinceMonday+7+(wd+6)%7) * 24 * time.Hour
			return true, nil
		},
	}
}

// lazyRE compiles a pattern on first use, so a command that reads no date
// (list, show, --version) never pays for it at start-up.
func lazyRE(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
