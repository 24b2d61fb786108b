// Package dates reads the dates people type: ISO dates and date-times,
// explicit layouts, and natural phrases in English and Korean ("next
// friday", "in 5 days", "3일 후", "다음 주 금요일").
//
// Natural phrases go through github.com/olebedev/when: its English rules,
// plus Korean rules written here in the same form (when has no Korean).
// ISO dates and explicit layouts are read first, because when misreads
// "2030-01-20" (it finds "01-20") and reads "12/5" day-first.
package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"

	"github.com/redress-cli/redress/casefile"
)

// Forms lists the accepted forms, for error hints.
const Forms = `2026-12-05, 2026-12-05 14:30, 12/5, 5 Dec, Dec 5 2026, today, tomorrow, friday, next friday, in 5 days, ` +
	`end of month, 내일, 모레, 3일 후, 2주 뒤, 다음 주 금요일, 금요일까지, 12월 5일, 월말, 오후 3시`

// UnreadableError is a date nobody could read; it names the accepted forms.
type UnreadableError struct{ Input string }

func (e *UnreadableError) Error() string {
	return fmt.Sprintf("cannot read the date %q", e.Input) // words:ok mapped to err_unreadable_date
}

// Parse reads s as a whole: a date, or a date and time, relative to now in
// loc. Filler words around the date ("by", "on", "까지") are allowed;
// anything else left over is an error, so "refund friday" is not silently
// read as a date.
func Parse(s string, now time.Time, loc *time.Location) (casefile.Date, error) {
	d, rest, ok := find(s, now, loc)
	if !ok || strings.IndexFunc(stripFiller(rest), isWordRune) >= 0 {
		return casefile.Date{}, &UnreadableError{Input: s}
	}
	return d, nil
}

// Find looks for a date phrase inside text (a call-log line such as
// "refund 49 EUR to card by friday") and returns the date and the text with
// the phrase and its filler word removed. ok is false when there is none.
func Find(text string, now time.Time, loc *time.Location) (d casefile.Date, rest string, ok bool) {
	d, rest, ok = find(text, now, loc)
	if !ok {
		return d, text, false
	}
	return d, trimTrailingFiller(rest), true
}

func find(s string, now time.Time, loc *time.Location) (casefile.Date, string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return casefile.Date{}, "", false
	}
	now = now.In(loc)
	if d, rest, ok := findExplicit(s, now, loc); ok {
		return d, rest, true
	}
	// Relative phrases are counted from noon today, so that adding whole
	// days across a daylight-saving change never lands on the wrong date.
	noon := time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, loc)
	r, err := parser().Parse(s, noon)
	if err != nil || r == nil {
		return casefile.Date{}, s, false
	}
	rest := s[:r.Index] + s[r.Index+len(r.Text):]
	t := r.Time
	if hasTimeOfDay(r.Text) {
		return casefile.DateTime(t), rest, true
	}
	return casefile.DateOf(t), rest, true
}

var (
	isoDateTime = regexp.MustCompile(`(?:^|\s)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?(?:\s|$|[,.])`)
	// Month/day with an optional year: read month first, as in Korea and
	// the US ("12/5" is 5 December). The weekday echoed back catches a
	// reader who meant day/month.
	slashDate = regexp.MustCompile(`(?:^|\s)(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?:\s|$|[,.])`)
	// English day-month-year and month-day-year with the year written out;
	// when's own rule has no year.
	dayMonthYear = regexp.MustCompile(`(?i)(?:^|\s)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:\s|$|[,.])`)
	monthDayYear = regexp.MustCompile(`(?i)(?:^|\s)([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s|$|[,.])`)
)

func findExplicit(s string, now time.Time, loc *time.Location) (casefile.Date, string, bool) {
	if m := isoDateTime.FindStringSubmatchIndex(s); m != nil {
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
	if m := slashDate.FindStringSubmatchIndex(s); m != nil {
		g := groups(s, m)
		mo, d := atoi(g[1]), atoi(g[2])
		y, explicitYear := atoi(g[3]), g[3] != ""
		if !explicitYear {
			y = now.Year()
		}
		if validDay(y, mo, d) || (!explicitYear && validDay(y+1, mo, d)) {
			return nearest(y, mo, d, explicitYear, now), s[:m[0]] + " " + s[m[1]:], true
		}
		return casefile.Date{}, s, false
	}
	for _, re := range []*regexp.Regexp{dayMonthYear, monthDayYear} {
		if m := re.FindStringSubmatchIndex(s); m != nil {
			g := groups(s, m)
			dayText, monthText := g[1], g[2]
			if re == monthDayYear {
				dayText, monthText = g[2], g[1]
			}
			mo, ok := en.MONTH_OFFSET[strings.ToLower(monthText)]
			y, d := atoi(g[3]), atoi(dayText)
			if ok && validDay(y, mo, d) {
				return casefile.DateOnly(y, time.Month(mo), d), s[:m[0]] + " " + s[m[1]:], true
			}
		}
	}
	return casefile.Date{}, s, false
}

// nearest picks the year for a month and day given without one: the
// occurrence nearest to today, so "12/5" in November is this December and
// "1/10" in December is next January, while "11/1" in November is the one
// just past (a purchase date, say).
func nearest(y, mo, d int, explicitYear bool, now time.Time) casefile.Date {
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
	if m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200 {
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

var timeOfDay = regexp.MustCompile(`(?i)\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|\bnoon\b|\bmidnight\b|\d{1,2}\s*시|정오|자정`)

func hasTimeOfDay(s string) bool { return timeOfDay.MatchString(s) }

// filler are the words that may stand around a date without changing it.
var filler = regexp.MustCompile(`(?i)(^|\s)(by|on|until|till|before|at|the|of|due|no later than)(\s|$)|까지|전까지|에|쯤|경`)

func stripFiller(s string) string {
	for {
		t := filler.ReplaceAllString(s, " ")
		if t == s {
			return strings.TrimSpace(t)
		}
		s = t
	}
}

var trailingFiller = regexp.MustCompile(`(?i)\s*(\b(by|on|until|till|before|due|no later than)\s*|(전까지|까지|에|쯤)\s*)+$`)

func trimTrailingFiller(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimSpace(trailingFiller.ReplaceAllString(s, ""))
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
