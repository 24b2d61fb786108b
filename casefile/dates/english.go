package dates

// redress writes its English date rules itself instead of importing
// github.com/olebedev/when/rules/en. That package builds its rules in a
// package-level variable (`var All = []rules.Rule{...}`), so merely
// importing it compiles eight large regular expressions before main runs:
// 0.32 ms of CPU, 372 KB in 1,794 allocations and about 12% of the page
// faults of `redress --version` (GODEBUG=inittrace=1; perf record -e
// page-faults), on every command, including the many that read no date.
// Issue 19 wants every command within 2x of a bare program's start-up,
// and this one import kept --version at 2.16x. The rules below find the
// same phrases with the same spans (Index and Text) and read them the same
// way, down to when's harmless quirks, but are compiled only inside the
// lazy parser, on the first date a command reads. when's core package
// (the Rule interface, rules.F, Context) stays.
//
// when's quirks that store a wrong date without a word are fixed instead,
// because redress never stores a guess and a record must not be silently
// wrong (english_test.go compares the rules with when's on a few thousand
// phrases and under fuzzing, and lists these as its only deviations):
//   - a unit in capitals ("in 2 Weeks") moved nothing: units are read in
//     any case;
//   - a count word in capitals ("in Two weeks", "in A week") was no date:
//     counts are read in any case;
//   - months and years set the month to (this month ± n) mod 12, so "in a
//     month" on 10 December was 10 January of the same year, in the past,
//     and "in a month" on 31 January rolled over to 3 March: they are now
//     counted in calendar months, onto the same day or the month's last
//     (addMonths);
//   - "lastnight" (or "last  night") was read but moved nothing: it is last
//     night however it is spaced;
//   - "12am" and "12:30am" were noon and 12:30: they are midnight and
//     00:30 (12pm stays noon);
//   - a word that only Unicode case folding matched ("yeſterday", "laſt
//     friday", "in 3 ſeconds", with the long s) was read as today: it is
//     no date now.
// Every pattern has when's shape: (?i), a non-word character or the start
// before the phrase, and a non-word character or the end after it. rules.F
// takes a match's text from its first capture to its last, so what is
// captured decides the span a date takes in the text.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/olebedev/when/rules"
)

// englishRules are the English rules in when's order, which the parser
// keeps when it applies a cluster of matches ("next friday 3pm"), each
// behind the gate of the letters it cannot match without (see gated): a
// month name has one of j, e, m, p, u or o; "now", "today", "tonight",
// "last night", "tomorrow", "tmr" and "yesterday" an n or a t; "in" and
// "within", and every time of day, an n; "ago" a g.
func englishRules() []rules.Rule {
	return []rules.Rule{gate(nil, enWeekday), gate(anyOf("ntNT"), enCasualDate), gate(anyOf("nN"), enCasualTime),
		gate(isDigit, enHour), gate(isDigit, enHourMinute), gate(anyOf("nN"), enDeadline), gate(anyOf("gG"), enPastTime),
		gate(anyOf("jempuoJEMPUO"), enMonthDate)}
}

// name is one spelling of a weekday or month; dot says an abbreviation
// may end in a point ("Sept.").
type name struct {
	text string
	n    int
	dot  bool
}

// englishWeekdays spells each weekday (Sunday is 0), the long spelling
// before its abbreviations: a pattern made from the list then prefers
// "friday" to "fri". "tues" and "thurs" are not here, as in when.
var englishWeekdays = []name{
	{text: "sunday", n: 0}, {text: "sun", n: 0},
	{text: "monday", n: 1}, {text: "mon", n: 1},
	{text: "tuesday", n: 2}, {text: "tue", n: 2},
	{text: "wednesday", n: 3}, {text: "wed", n: 3},
	{text: "thursday", n: 4}, {text: "thur", n: 4}, {text: "thu", n: 4},
	{text: "friday", n: 5}, {text: "fri", n: 5},
	{text: "saturday", n: 6}, {text: "sat", n: 6},
}

// englishMonths spells each month, the long spelling first.
var englishMonths = []name{
	{text: "january", n: 1}, {text: "jan", n: 1, dot: true},
	{text: "february", n: 2}, {text: "feb", n: 2, dot: true},
	{text: "march", n: 3}, {text: "mar", n: 3, dot: true},
	{text: "april", n: 4}, {text: "apr", n: 4, dot: true},
	{text: "may", n: 5},
	{text: "june", n: 6}, {text: "jun", n: 6, dot: true},
	{text: "july", n: 7}, {text: "jul", n: 7, dot: true},
	{text: "august", n: 8}, {text: "aug", n: 8, dot: true},
	{text: "september", n: 9}, {text: "sept", n: 9, dot: true}, {text: "sep", n: 9, dot: true},
	{text: "october", n: 10}, {text: "oct", n: 10, dot: true},
	{text: "november", n: 11}, {text: "nov", n: 11, dot: true},
	{text: "december", n: 12}, {text: "dec", n: 12, dot: true},
}

// englishCounts are the counts written as words, one to twelve.
var englishCounts = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// englishOrdinals are the days of a month as ordinal words, first to
// thirty-first; the compound ones take a space or a hyphen.
var englishOrdinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
	"twenty first", "twenty second", "twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth", "thirtieth",
	"thirty first"}

// lookup finds s, lower-cased, among names. Only lower-case ASCII
// spellings count: a letter that matches only by Unicode case folding
// (the long s "ſ" of "ſun", which (?i) lets through) is no name.
func lookup(names []name, s string) (int, bool) {
	s = strings.ToLower(s)
	for _, nm := range names {
		if s == nm.text || nm.dot && s == nm.text+"." {
			return nm.n, true
		}
	}
	return 0, false
}

// weekdayNumber is the weekday (Sunday 0) that s names: "friday", "Fri".
func weekdayNumber(s string) (int, bool) { return lookup(englishWeekdays, s) }

// monthNumber is the month (January 1) that s names: "march", "Sept.".
func monthNumber(s string) (int, bool) { return lookup(englishMonths, s) }

// alternatives is the names as a regular-expression alternation, in
// their order (the first that fits is the one taken).
func alternatives(names []name) string {
	parts := make([]string, len(names))
	for i, nm := range names {
		parts[i] = regexp.QuoteMeta(nm.text)
		if nm.dot {
			parts[i] += `\.?`
		}
	}
	return strings.Join(parts, "|")
}

// ordinalSuffix is the suffix of day d written in digits: 1st, 22nd, 13th.
func ordinalSuffix(d int) string {
	switch {
	case d >= 11 && d <= 13:
		return "th"
	case d%10 == 1:
		return "st"
	case d%10 == 2:
		return "nd"
	case d%10 == 3:
		return "rd"
	}
	return "th"
}

// ordinalPattern matches a day as an ordinal, "5th" or "fifth", "twenty
// first" or "twenty-first".
func ordinalPattern() string {
	parts := make([]string, 0, 2*len(englishOrdinals))
	for i, w := range englishOrdinals {
		d := i + 1
		parts = append(parts, strconv.Itoa(d)+ordinalSuffix(d), strings.ReplaceAll(w, " ", "[ -]"))
	}
	return strings.Join(parts, "|")
}

// ordinalDay is the day an ordinal names ("5th", "Fifth", "twenty-first").
func ordinalDay(s string) (int, bool) {
	s = strings.ToLower(s)
	for i, w := range englishOrdinals {
		d := i + 1
		if s == strconv.Itoa(d)+ordinalSuffix(d) || s == w || s == strings.ReplaceAll(w, " ", "-") {
			return d, true
		}
	}
	return 0, false
}

const (
	// before and after keep a phrase out of the middle of a word.
	before = `(?:\W|^)`
	after  = `(?:\W|$)`
	// meridiem is am or pm with or without points: "am", "A.", "p.m.", "P".
	// The order matters: "a.m." is tried whole before "a" alone.
	meridiem = `(a\.|p\.|a\.m\.|p\.m\.|am?|pm?)`
	// unit is the unit of a count: "days", "min", "minutes", "year".
	unit = `(seconds?|min(?:ute)?s?|hours?|days?|weeks?|months?|years?)`
)

// countPattern is the count of a deadline or a time ago: a word
// ("two"), digits, "a", "an", "a few" or "half", "half an".
func countPattern() string {
	return `(` + strings.Join(englishCounts, "|") + `|[0-9]+|an?(?:\s*few)?|half(?:\s*an?)?)`
}

// readCount reads a count that countPattern matched: a word ("two",
// "Two"), "a"/"an" one, "a few" three, "half" half a unit. Any case is
// read: when took only lower-case words, so "in Two weeks" was no date.
func readCount(s string) (n int, half bool, err error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, w := range englishCounts {
		if s == w {
			return i + 1, false, nil
		}
	}
	switch {
	case s == "a" || s == "an":
		return 1, false, nil
	case strings.Contains(s, "few"):
		return 3, false, nil
	case strings.Contains(s, "half"):
		return 0, true, nil
	}
	n, err = strconv.Atoi(s)
	if err != nil {
		return 0, false, fmt.Errorf("count %q: %w", s, err)
	}
	return n, false, nil
}

// maxCalendarMonths bounds a count of months or years (a million years):
// further than that the arithmetic could wrap around and go backwards,
// so such a count is an error, as a count too long for an int is.
const maxCalendarMonths = 12 * 1000000

// shiftBy moves the context by n units forward (sign 1, "in 3 days") or
// back (sign -1, "3 days ago"). The unit is read in any case ("in 3
// Days"); a spelling only Unicode folding matched ("ſeconds") is no
// unit, and the phrase no date. Seconds to weeks are fixed durations;
// months and years are calendar months (addMonths), so "in a month" on 10
// December is 10 January next year and "a year ago" on 29 February 2028
// is 28 February 2027. "half a month" is two weeks, "half a year" six
// months.
func shiftBy(c *rules.Context, ref time.Time, sign, n int, half bool, unitText string) (bool, error) {
	u := strings.ToLower(strings.TrimSpace(unitText))
	day := 24 * time.Hour
	months, calendar := 0, false // calendar months, for a unit of months or years
	switch {
	case half && strings.HasPrefix(u, "hour"):
		c.Duration = time.Duration(sign) * 30 * time.Minute
	case half && strings.HasPrefix(u, "day"):
		c.Duration = time.Duration(sign) * 12 * time.Hour
	case half && strings.HasPrefix(u, "week"):
		c.Duration = time.Duration(sign) * 7 * 12 * time.Hour
	case half && strings.HasPrefix(u, "month"):
		c.Duration = time.Duration(sign) * 14 * day
	case half && strings.HasPrefix(u, "year"):
		months, calendar = 6, true
	case half:
		// Half a second or a minute moves nothing, as in when: the date
		// stays today's.
	case strings.HasPrefix(u, "second"):
		c.Duration = time.Duration(sign*n) * time.Second
	case strings.HasPrefix(u, "min"):
		c.Duration = time.Duration(sign*n) * time.Minute
	case strings.HasPrefix(u, "hour"):
		c.Duration = time.Duration(sign*n) * time.Hour
	case strings.HasPrefix(u, "day"):
		c.Duration = time.Duration(sign*n) * day
	case strings.HasPrefix(u, "week"):
		c.Duration = time.Duration(sign*n) * 7 * day
	case strings.HasPrefix(u, "month") || strings.HasPrefix(u, "year"):
		per := 1
		if strings.HasPrefix(u, "year") {
			per = 12
		}
		if n > maxCalendarMonths/per {
			return false, fmt.Errorf("count %d %s: %w", n, u, strconv.ErrRange)
		}
		months, calendar = n*per, true
	default:
		return false, nil
	}
	if calendar {
		// Whole days from ref, like every other shift of a date here.
		c.Duration = daysTo(ref, addMonths(ref, sign*months))
	}
	return true, nil
}

// addMonths is ref moved by n calendar months (back when n < 0), on the
// same day of the month or, when the month it lands in is shorter, on its
// last day. A careful reader takes "in a month" on 31 January for the end
// of February, not 3 March: rolling over would put a deadline later than
// the one promised, and "a month ago" on 31 March (3 March) after the
// date it names. "in a year" on 29 February is 28 February.
func addMonths(ref time.Time, n int) time.Time {
	total := ref.Year()*12 + int(ref.Month()) - 1 + n
	y, m := total/12, total%12
	if m < 0 {
		y, m = y-1, m+12
	}
	last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day()
	return time.Date(y, time.Month(m+1), min(ref.Day(), last), ref.Hour(), ref.Minute(), ref.Second(), ref.Nanosecond(), ref.Location())
}

// enWeekday reads a weekday: "friday", "on Fri", "next friday", "last
// monday", "this sat", "friday next week". Alone it is the next such day
// (a week ahead when today is that day). The "on" is not part of the
// date's text; a "next week" after the day ends the text at "next" (when's
// span, kept).
func enWeekday() rules.Rule {
	relative := `(this|last|past|next)`
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before +
			`(?:on\s*?)?` +
			`(?:` + relative + `\s*)?` +
			`(` + alternatives(englishWeekdays) + `)` +
			`(?:\s*` + relative + `\s*week)?` +
			after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			day, ok := weekdayNumber(strings.TrimSpace(m.Captures[1]))
			if !ok {
				return false, nil
			}
			word := strings.ToLower(strings.TrimSpace(m.Captures[0] + m.Captures[2]))
			today := int(ref.Weekday())
			ahead := (day - today + 7) % 7 // days until the next such day, 0 when today
			switch {
			case strings.Contains(word, "past") || strings.Contains(word, "last"):
				back := (today - day + 7) % 7
				if back == 0 {
					back = 7
				}
				c.Duration = -time.Duration(back) * 24 * time.Hour
			case word == "" || strings.Contains(word, "next"):
				if ahead == 0 {
					ahead = 7
				}
				c.Duration = time.Duration(ahead) * 24 * time.Hour
			case strings.Contains(word, "this"):
				// This week's: ahead when later in the week (Sunday first),
				// back when earlier, and today left as it is.
				if day != today {
					c.Duration = time.Duration(day-today) * 24 * time.Hour
				}
			default:
				// "laſt friday": a word only Unicode folding matched. when
				// read it as today; it is no date.
				return false, nil
			}
			return true, nil
		},
	}
}

// enCasualDate reads "now", "today", "tonight" (23:00), "last night"
// (23:00 yesterday, however it is spaced: "lastnight", "last  night"),
// "tomorrow" or "tmr", "yesterday". Spaces after tomorrow or yesterday
// are taken into the text when more non-word characters follow (when's
// span, kept).
func enCasualDate() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before + `(now|today|tonight|last\s*night|(?:tomorrow|tmr|yesterday)\s*)` + after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			hour := func(h int) { c.Hour, c.Minute = &h, new(int) }
			word := strings.Join(strings.Fields(strings.ToLower(m.Text)), "")
			switch word {
			case "now", "today": // leave the time as it is
			case "tonight":
				hour(23)
			case "tomorrow", "tmr":
				c.Duration += 24 * time.Hour
			case "yesterday":
				c.Duration -= 24 * time.Hour
			case "lastnight": // when moved nothing unless there was one space
				h := 23
				c.Hour = &h
				c.Duration -= 24 * time.Hour
			default:
				// "yeſterday": a word only Unicode folding matched. when
				// read it as today; it is no date.
				return false, nil
			}
			return true, nil
		},
	}
}

// enCasualTime reads a part of the day, "morning" (8:00), "afternoon"
// (15:00), "evening" (18:00), "noon", with an optional "this" before it;
// Options may move those hours. No word boundary is asked after it, so
// "mornings" is read too, as in when.
func enCasualTime() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before + `((this)?\s*(morning|afternoon|evening|noon))`),
		Applier: func(m *rules.Match, c *rules.Context, o *rules.Options, _ time.Time) (bool, error) {
			hour, set := 0, 0
			switch strings.ToLower(m.Captures[2]) {
			case "morning":
				hour, set = 8, o.Morning
			case "afternoon":
				hour, set = 15, o.Afternoon
			case "evening":
				hour, set = 18, o.Evening
			case "noon":
				hour, set = 12, o.Noon
			default:
				return true, nil // a spelling only Unicode folding matched
			}
			if set != 0 {
				hour = set
			}
			c.Hour, c.Minute = &hour, new(int)
			return true, nil
		},
	}
}

// clockHour is the hour on a 24-hour clock of hour h said with am or pm
// (meridiem's first letter): "12am" is midnight, 0 (when kept it 12, noon),
// "12pm" noon, "5pm" 17.
func clockHour(h int, meridiem string) int {
	pm := meridiem[0] == 'p' || meridiem[0] == 'P'
	switch {
	case pm && h < 12:
		return h + 12
	case !pm && h == 12:
		return 0
	}
	return h
}

// enHour reads an hour with am or pm: "5pm", "5 pm", "11 P.M.", "7a".
func enHour() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before + `(\d{1,2})(?:\s*` + meridiem + `)` + after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			h, _ := strconv.Atoi(m.Captures[0]) // one or two digits
			if h > 12 {
				return false, nil
			}
			h = clockHour(h, m.Captures[1])
			c.Hour, c.Minute, c.Second = &h, new(int), new(int)
			return true, nil
		},
	}
}

// enHourMinute reads a time of day: "17:30", "5:30pm", "05-30", "7-10 pm",
// with a colon (also the full-width "：") or a hyphen between hour and
// minute. An hour above 12 with am or pm is no time (but leaves its
// minute set, as in when).
func enHourMinute() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before +
			`([01]?[0-9]|2[0-3])` + // the hour, 0 to 23
			`[:：-]` +
			`([0-5][0-9])` + // the minute
			`(?:\s*` + meridiem + `)?` +
			after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			h, _ := strconv.Atoi(m.Captures[0]) // digits, by the pattern
			minute, _ := strconv.Atoi(m.Captures[1])
			c.Minute = &minute
			if m.Captures[2] != "" {
				if h > 12 {
					return false, nil
				}
				h = clockHour(h, m.Captures[2])
			}
			c.Hour, c.Second = &h, new(int)
			return true, nil
		},
	}
}

// enDeadline reads a time from now: "in 3 days", "within a week", "in two
// weeks", "in a few hours", "in half an hour".
func enDeadline() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before + `(within|in)\s*` + countPattern() + `\s*` + unit + `\s*` + after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			n, half, err := readCount(m.Captures[1])
			if err != nil {
				return false, err
			}
			return shiftBy(c, ref, 1, n, half, m.Captures[2])
		},
	}
}

// enPastTime reads a time ago: "3 days ago", "a week ago", "two months
// ago" (one space before "ago", as in when).
func enPastTime() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before + `\s*` + countPattern() + `\s*` + unit + ` (ago)\s*` + after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			n, half, err := readCount(m.Captures[0])
			if err != nil {
				return false, err
			}
			return shiftBy(c, ref, -1, n, half, m.Captures[1])
		},
	}
}

// enMonthDate reads a month with an optional day before or after it: "5
// March", "third of march", "March 5th", "sept. 1st", "march 5", or the
// month alone ("june": this year's, on today's day of the month). A year
// after it is not read here (dates.go reads "March 5th 2027" first).
func enMonthDate() rules.Rule {
	ordinal := ordinalPattern()
	return &rules.F{
		RegExp: regexp.MustCompile(`(?i)` + before +
			`(?:(?:(` + ordinal + `)(?:\s+of)?|([0-9]+))\s*)?` + // the day before: "third of", "5"
			`(` + alternatives(englishMonths) + `)` +
			`(?:\s*(?:(` + ordinal + `)|([0-9]+)))?` + // the day after: "5th", "5"
			after),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			month, ok := monthNumber(strings.TrimSpace(m.Captures[2]))
			if !ok {
				return false, nil
			}
			c.Month = &month
			// At most one day is given, before or after the month. A day
			// in digits is taken as it is, up to 127 ("32 march" is 1
			// April); it must fit an int8, as in when.
			for i, text := range []string{m.Captures[0], m.Captures[1], m.Captures[3], m.Captures[4]} {
				text = strings.TrimSpace(text)
				if text == "" {
					continue
				}
				var day int
				if i%2 == 0 {
					if day, ok = ordinalDay(text); !ok {
						return false, nil
					}
				} else {
					n, err := strconv.ParseInt(text, 10, 8)
					if err != nil {
						return false, nil
					}
					day = int(n)
				}
				c.Day = &day
			}
			return true, nil
		},
	}
}
