package dates

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
)

// The English rules of english.go replace when's own (rules/en) and must
// read every phrase as those did. These tests hold them side by side:
// the whole parser made with each, and each rule with its counterpart.

// whenParser is the parser as it was, with when's English rules.
var whenParser = newParser(en.All)

// englishAt is where the English rules start in the parser's.
var englishAt = len(koreanRuleMakers) + 2

// englishBases are the times phrases are read from: redress's own noon,
// every weekday, month ends, a leap day, the year's end, and times late
// and early in the day.
var englishBases = []time.Time{
	time.Date(2026, 11, 23, 12, 0, 0, 0, seoul), // Monday
	time.Date(2026, 11, 24, 12, 0, 0, 0, seoul),
	time.Date(2026, 11, 25, 12, 0, 0, 0, seoul),
	time.Date(2026, 11, 26, 12, 0, 0, 0, seoul),
	time.Date(2026, 11, 27, 12, 0, 0, 0, seoul),
	time.Date(2026, 11, 28, 12, 0, 0, 0, seoul),
	time.Date(2026, 11, 29, 12, 0, 0, 0, seoul), // Sunday
	time.Date(2027, 1, 31, 12, 0, 0, 0, time.UTC),
	time.Date(2028, 2, 29, 12, 0, 0, 0, time.UTC),
	time.Date(2026, 12, 31, 23, 45, 10, 0, time.FixedZone("UTC-11", -11*3600)),
	time.Date(2027, 1, 1, 0, 5, 0, 0, time.UTC),
	time.Date(2026, 3, 29, 1, 30, 0, 0, time.FixedZone("UTC+14", 14*3600)),
}

// englishCorpus is the phrases compared: those of the other tests, and
// generated ones for every rule, alone, inside a sentence and in upper
// and title case.
func englishCorpus() []string {
	var c []string
	add := func(s ...string) { c = append(c, s...) }
	add("today", "tomorrow", "by friday", "friday", "next friday", "monday", "in 5 days", "in 2 weeks", "5 Dec", "Dec 5",
		"5 December 2027", "December 5, 2027", "end of month", "end of next month", "tomorrow 3pm", "soon", "refund friday",
		"asap please", "refund 49 EUR to card by friday", "call back 12/5", "send the label in 3 days", "no date here",
		"next week", "end of next week", "end of the week", "friday next week", "in 3 working days", "3 business days",
		"within 5 business days", "by the end of the month", "in 9000 years", "in 106752 days", "in 99999999999 months",
		"in 300 years", "in 100 years", "Oct 1", "yesterday", "3 days ago", "Oct 1: sat on hold for 2 hours",
		"Spoke to Sun at 10am on the 3rd", "1 Oct – returned it by post", "11/5 called, Sat with May from billing",
		"2026-11-05: May said the refund goes out Monday", "March 3rd, 2026 - bought it in March sale",
		"yesterday: Mon from the shop called", "Called on Friday, nobody answered", "May I speak to a manager? asked twice",
		"Sun Li promised a refund by Dec 5", "Bought it on 2 Nov for 49.90 EUR", "49.90 EUR refunded, 10.00 missing",
		"next friday they will call", "  5 Nov:   two  spaces  kept", "when pigs fly", "", "in 999999999 days",
		"31 December 9999", "1 mayo 2026: x", "Dec 31, 2026, x", "12.5% off", "2026-12-05 14:30", "내일 오후 3시")

	prefixes := []string{"", "next ", "last ", "this ", "past ", "on ", "on next ", "next"} // "next" glued: "nextfriday"
	for _, wd := range append(weekdaySpellings(), "tues", "thurs", "fridays") {
		for _, p := range prefixes {
			add(p + wd)
		}
		add(wd+" next week", wd+" this week", wd+" last week", wd+" 3pm", wd+" evening", "last "+wd+" next week")
	}
	add("now", "today", "tonight", "last night", "lastnight", "last  night", "tomorrow", "tmr", "yesterday",
		"tomorrow  3pm", "tomorrow\t5 pm", "yesterday morning", "tomorrow evening", "tonight 9pm", "knowledge now",
		"nowhere", "today's", "tmrw")
	for _, part := range []string{"morning", "afternoon", "evening", "noon", "mornings", "noonday"} {
		add(part, "this "+part, "this  "+part, "tomorrow "+part, "friday "+part, "good"+part)
	}
	for h := 0; h <= 13; h++ {
		for _, m := range []string{"am", "pm", "a.m.", "p.m.", "a", "p", "a.m", "A.", "P.M."} {
			add(fmt.Sprintf("%d%s", h, m), fmt.Sprintf("%d %s", h, m))
		}
		add(fmt.Sprintf("%d:30", h), fmt.Sprintf("%02d:05pm", h), fmt.Sprintf("%d-45 am", h), fmt.Sprintf("%d：15", h))
	}
	add("17:30", "23:59", "24:00", "12:60", "5:30pm", "5:30 pm", "7-10pm", "5-30", "11.10 pm", "20:15 pm", "13:00am", "noon 3pm")

	counts := []string{"a", "an", "a few", "few", "half", "half a", "half an", "0", "13", "99999999999999999999", "Two", "A", "HALF an"}
	for n := 1; n <= 12; n++ {
		counts = append(counts, strconv.Itoa(n), englishCounts[n-1])
	}
	units := []string{"second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours", "day", "days",
		"week", "weeks", "month", "months", "year", "years", "Days"}
	for _, n := range counts {
		for _, u := range units {
			add("in "+n+" "+u, "within "+n+" "+u, n+" "+u+" ago")
		}
	}
	add("in3days", "inadays", "in  a  few  days", "3 days  ago", "3 days agony", "within the week")
	// The fixed quirks' neighbours (english.go, top): a folded long s, 12
	// o'clock both ways, last night however spaced.
	add("yeſterday", "laſt friday", "paſt mon", "thiſ sat", "in 3 ſeconds", "3 ſeconds ago", "in ſeven days",
		"laſt night", "last\tnight", "12:00am", "012am", "12 a", "12:59 A.M.", "in 2 weeK")

	days := []string{"5", "5th", "fifth", "1st", "first", "2nd", "third", "21st", "twenty-first", "twenty first",
		"thirty first", "31", "31st", "0", "32", "127", "128", "99", "twentieth", "12th"}
	for _, mo := range append(monthSpellings(), "sept.", "may.", "june.") {
		add(mo)
		for _, d := range days[:6] {
			add(d+" "+mo, mo+" "+d, d+" of "+mo, mo+" "+d+" 2027")
		}
	}
	for _, d := range days {
		add(d+" march", "march "+d, d+" of march", "march "+d+" 2027", "the "+d+" of Sept.", "dec "+d+"x")
	}

	// Each phrase also in another case, inside a sentence, after
	// punctuation or glued to a word, in turn (all of them for each
	// would take the test half a minute).
	variants := []func(string) string{
		strings.ToUpper,
		strings.Title,
		func(s string) string { return "call back " + s + " please" },
		func(s string) string { return "(" + s + ")." },
		func(s string) string { return "x" + s },
	}
	var out []string
	for i, s := range c {
		out = append(out, s, variants[i%len(variants)](s))
	}
	return out
}

func weekdaySpellings() []string {
	var s []string
	for _, nm := range englishWeekdays {
		s = append(s, nm.text)
	}
	return s
}

func monthSpellings() []string {
	var s []string
	for _, nm := range englishMonths {
		s = append(s, nm.text)
		if nm.dot {
			s = append(s, nm.text+".")
		}
	}
	return s
}

// The indexes of the rules in englishRules (and en.All).
const (
	ruleWeekday = iota
	ruleCasualDate
	ruleCasualTime
	ruleHour
	ruleHourMinute
	ruleDeadline
	rulePastTime
	ruleMonthDate
)

// deviation is a quirk of when's English rules that english.go fixes
// instead of keeping, because it stores a wrong date without a word (see
// the top of english.go). A reading may differ from when's only where one
// of these applies to a rule's match, and then it must be the right one:
// either the match reads as a spelling when reads right (canon, the
// fix makes one spelling read like another), or check says what the
// fixed reading must be.
type deviation struct {
	bug     string
	rules   []int
	applies func(i int, m *rules.Match) bool
	canon   func(i int, m *rules.Match) *rules.Match
	check   func(i int, m *rules.Match, base time.Time, filled, got *rules.Context, ok bool, err error) error
}

// deviations is the whole list of documented differences from when.
var deviations = []deviation{
	{
		// Bug 1: "in 2 Weeks" moved nothing (the unit counted only in
		// lower case). It reads as "in 2 weeks".
		bug:     "a unit in capitals",
		rules:   []int{ruleDeadline, rulePastTime},
		applies: func(i int, m *rules.Match) bool { u := unitOf(i, m); return strings.ToLower(u) != u },
		canon: func(i int, m *rules.Match) *rules.Match {
			return withCapture(m, unitAt(i), strings.ToLower(m.Captures[unitAt(i)]))
		},
	},
	{
		// Bug 2: "in Two weeks", "in A week" were no date (the count word
		// counted only in lower case). They read as "in two weeks".
		bug:     "a count in capitals",
		rules:   []int{ruleDeadline, rulePastTime},
		applies: func(i int, m *rules.Match) bool { n := countOf(i, m); return strings.ToLower(n) != n },
		canon: func(i int, m *rules.Match) *rules.Match {
			return withCapture(m, unitAt(i)-1, strings.ToLower(countOf(i, m)))
		},
	},
	{
		// Bug 3: months and years set the month to (month ± n) mod 12, so
		// "in a month" on 10 December was 10 January of the same year and
		// "in a month" on 31 January 3 March. They are calendar months now,
		// clamped to the month's last day.
		bug:     "months and years counted mod 12 and rolled over",
		rules:   []int{ruleDeadline, rulePastTime},
		applies: calendarUnit,
		check:   checkCalendar,
	},
	{
		// Bug 4: "lastnight", "last  night" were read but moved nothing.
		// They read as "last night".
		bug:   "last night without one space",
		rules: []int{ruleCasualDate},
		applies: func(_ int, m *rules.Match) bool {
			s := strings.ToLower(strings.TrimSpace(m.Text))
			return strings.HasPrefix(s, "last") && s != "last night"
		},
		canon: func(_ int, m *rules.Match) *rules.Match {
			c := withCapture(m, 0, "last night")
			c.Text = "last night"
			return c
		},
	},
	{
		// Bug 5: "12am", "12:30am" were noon and 12:30. They read as
		// "0am", "0:30am": midnight.
		bug:     "12am as noon",
		rules:   []int{ruleHour, ruleHourMinute},
		applies: twelveAM,
		canon:   func(_ int, m *rules.Match) *rules.Match { return withCapture(m, 0, "0") },
	},
	{
		// A word that only Unicode case folding matched, with the long s
		// ("yeſterday", "laſt friday", "in 3 ſeconds"), was read and moved
		// nothing: today. It is no date.
		bug:     "a word only case folding matched",
		rules:   []int{ruleWeekday, ruleCasualDate, ruleDeadline, rulePastTime},
		applies: foldedOnly,
		check: func(_ int, _ *rules.Match, _ time.Time, filled, got *rules.Context, ok bool, err error) error {
			if ok || err != nil || !reflect.DeepEqual(filled, got) {
				return fmt.Errorf("applied %v %v %s; want no date", ok, err, contextString(got))
			}
			return nil
		},
	},
}

// unitAt is the capture of rule i's unit, a deadline's ("in", count,
// unit) or a time ago's (count, unit, "ago"); the count is the one before.
func unitAt(i int) int {
	if i == rulePastTime {
		return 1
	}
	return 2
}

func unitOf(i int, m *rules.Match) string { return strings.TrimSpace(m.Captures[unitAt(i)]) }

func countOf(i int, m *rules.Match) string { return m.Captures[unitAt(i)-1] }

// withCapture is a copy of m with capture i replaced.
func withCapture(m *rules.Match, i int, s string) *rules.Match {
	c := *m
	c.Captures = append([]string(nil), m.Captures...)
	c.Captures[i] = s
	return &c
}

// calendarUnit: a count of months ("half a month" is two weeks, no
// calendar month) or years.
func calendarUnit(i int, m *rules.Match) bool {
	u := strings.ToLower(unitOf(i, m))
	half := strings.Contains(strings.ToLower(countOf(i, m)), "half")
	return strings.HasPrefix(u, "year") || strings.HasPrefix(u, "month") && !half
}

func twelveAM(_ int, m *rules.Match) bool {
	meridiem := m.Captures[len(m.Captures)-1]
	return strings.TrimLeft(m.Captures[0], "0") == "12" && meridiem != "" && (meridiem[0] == 'a' || meridiem[0] == 'A')
}

// foldedOnly: the long s in the words rule i reads as words: a
// weekday's this/last/next, a casual date, a unit. (In a count it is no
// number, an error as in when.)
func foldedOnly(i int, m *rules.Match) bool {
	var words string
	switch i {
	case ruleWeekday:
		words = m.Captures[0] + m.Captures[2]
	case ruleCasualDate:
		words = m.Text
	case ruleDeadline, rulePastTime:
		words = unitOf(i, m)
	}
	return strings.ContainsRune(words, 'ſ')
}

// checkCalendar: n months or years after (in, within) or before (ago)
// base is the same day of the month that many calendar months away, or
// that month's last day when it is shorter; never before base for "in",
// never after it for "ago". Only the days moved change in the context.
func checkCalendar(i int, m *rules.Match, base time.Time, filled, got *rules.Context, ok bool, err error) error {
	n, half, cerr := readCount(countOf(i, m))
	months := n
	switch {
	case half:
		months = 6
	case strings.HasPrefix(strings.ToLower(unitOf(i, m)), "year"):
		if n > 1000000 {
			months = -1
		} else {
			months = 12 * n
		}
	case n > 12*1000000:
		months = -1
	}
	if cerr != nil || months < 0 {
		if err == nil {
			return fmt.Errorf("applied %v %s; want an error for the count", ok, contextString(got))
		}
		return nil
	}
	sign := 1
	if i == rulePastTime {
		sign = -1
	}
	// The independent way: AddDate rolls over into the next month, and
	// going back the days it rolled over is the month's last day.
	want := base.AddDate(0, sign*months, 0)
	if want.Day() != base.Day() {
		want = want.AddDate(0, 0, -want.Day())
	}
	if sign > 0 && want.Before(base) || sign < 0 && want.After(base) {
		return fmt.Errorf("the expected date %v went the wrong way", want)
	}
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	exp := *filled
	exp.Duration = day(want).Sub(day(base)) / (24 * time.Hour) * 24 * time.Hour
	if !ok || err != nil || !reflect.DeepEqual(&exp, got) {
		return fmt.Errorf("applied %v %v %s; want %s (%v)", ok, err, contextString(got), contextString(&exp), want.Format("2006-01-02"))
	}
	return nil
}

// deviatesAt reports whether a documented deviation applies to rule i's
// match m.
func deviatesAt(i int, m *rules.Match) bool {
	for _, d := range deviations {
		if slices.Contains(d.rules, i) && d.applies(i, m) {
			return true
		}
	}
	return false
}

// sameReading fails t when the parser with redress's English rules reads
// text from base otherwise than the one with when's, unless a documented
// deviation applies to one of the English rules' matches in text (the
// rules' own comparison, sameRules, says whether the fixed reading is
// right).
func sameReading(t *testing.T, text string, base time.Time) {
	t.Helper()
	got, gotErr := parser().Parse(text, base)
	want, wantErr := whenParser.Parse(text, base)
	same := (gotErr != nil) == (wantErr != nil) && (got == nil) == (want == nil) &&
		(got == nil || got.Index == want.Index && got.Text == want.Text && got.Time.Equal(want.Time) && got.Time.String() == want.Time.String())
	if same {
		return
	}
	for i, r := range parser().rules[englishAt : englishAt+len(en.All)] {
		if m := r.Find(text); m != nil && deviatesAt(i, m) {
			return
		}
	}
	t.Fatalf("%q from %v: read %+v (%v), when's %+v (%v)", text, base, got, gotErr, want, wantErr)
}

// fills are the contexts a rule is applied to: an empty one, and one
// another rule has filled.
var fills = []func(*rules.Context){
	func(*rules.Context) {},
	func(c *rules.Context) {
		h, mo, wd := 7, 2, 3
		c.Duration, c.Hour, c.Month, c.Weekday = 36*time.Hour, &h, &mo, &wd
	},
}

// sameRules fails t when a rule of englishRules finds or applies
// otherwise than its counterpart in en.All: the span and captures found,
// and the context after applying, both to an empty context and to one
// another rule has filled; only the documented deviations may apply
// otherwise, and then as they say.
func sameRules(t *testing.T, text string, bases ...time.Time) {
	t.Helper()
	for i, r := range parser().rules[englishAt : englishAt+len(en.All)] {
		got, want := r.Find(text), en.All[i].Find(text)
		if (got == nil) != (want == nil) {
			t.Fatalf("rule %d on %q: found %v, when's %v", i, text, got, want)
		}
		if got == nil {
			continue
		}
		if got.Left != want.Left || got.Right != want.Right || got.Text != want.Text || !reflect.DeepEqual(got.Captures, want.Captures) {
			t.Fatalf("rule %d on %q: found %d-%d %q %q, when's %d-%d %q %q", i, text,
				got.Left, got.Right, got.Text, got.Captures, want.Left, want.Right, want.Text, want.Captures)
		}
		for _, fill := range fills {
			for _, o := range []rules.Options{{}, {Morning: 9, Afternoon: 14, Evening: 19, Noon: 13}} {
				for _, base := range bases {
					sameApply(t, i, got, want.Applier, fill, o, base)
				}
			}
		}
	}
}

type applier = func(*rules.Match, *rules.Context, *rules.Options, time.Time) (bool, error)

func applyWith(m *rules.Match, f applier, fill func(*rules.Context), o rules.Options, base time.Time) (*rules.Context, bool, error) {
	c := &rules.Context{Text: m.Text}
	fill(c)
	ok, err := f(m, c, &o, base)
	return c, ok, err
}

// sameApply fails t when rule i's match m applies otherwise than when's
// applier would, outside the deviations. A deviation with a canon must
// read m as its canonical spelling, which is then held against when's in
// turn; one with a check must pass it.
func sameApply(t *testing.T, i int, m *rules.Match, whens applier, fill func(*rules.Context), o rules.Options, base time.Time) {
	t.Helper()
	gc, gotOK, gotErr := applyWith(m, m.Applier, fill, o, base)
	canon, checks := m, []deviation(nil)
	for _, d := range deviations {
		if !slices.Contains(d.rules, i) || !d.applies(i, m) {
			continue
		}
		if d.canon != nil {
			canon = d.canon(i, canon)
		} else {
			checks = append(checks, d)
		}
	}
	switch {
	case canon != m:
		cc, ok, err := applyWith(canon, m.Applier, fill, o, base)
		if ok != gotOK || (err != nil) != (gotErr != nil) || !reflect.DeepEqual(cc, withText(gc, canon.Text)) {
			t.Fatalf("rule %d on %q from %v: applied %v %v %s, but %q %v %v %s", i, m.Text, base,
				gotOK, gotErr, contextString(gc), canon.Captures, ok, err, contextString(cc))
		}
		sameApply(t, i, canon, whens, fill, o, base)
	case len(checks) > 0:
		filled := &rules.Context{Text: m.Text}
		fill(filled)
		for _, d := range checks {
			if err := d.check(i, m, base, filled, gc, gotOK, gotErr); err != nil {
				t.Fatalf("rule %d on %q from %v (%s): %v", i, m.Text, base, d.bug, err)
			}
		}
	default:
		wc, wantOK, wantErr := applyWith(m, whens, fill, o, base)
		if gotOK != wantOK || (gotErr != nil) != (wantErr != nil) || !reflect.DeepEqual(gc, wc) {
			t.Fatalf("rule %d on %q from %v: applied %v %v %s, when's %v %v %s", i, m.Text, base,
				gotOK, gotErr, contextString(gc), wantOK, wantErr, contextString(wc))
		}
	}
}

func withText(c *rules.Context, text string) *rules.Context {
	cc := *c
	cc.Text = text
	return &cc
}

func contextString(c *rules.Context) string {
	v := func(p *int) string {
		if p == nil {
			return "-"
		}
		return strconv.Itoa(*p)
	}
	return fmt.Sprintf("{%v y%s m%s wd%s d%s %s:%s:%s}", c.Duration, v(c.Year), v(c.Month), v(c.Weekday), v(c.Day), v(c.Hour), v(c.Minute), v(c.Second))
}

func TestEnglishRulesReadAsWhens(t *testing.T) {
	if n := len(parser().rules); n != englishAt+len(en.All)+2 {
		t.Fatalf("the parser has %d rules; englishAt %d is out of date", n, englishAt)
	}
	corpus := englishCorpus()
	if len(corpus) < 5000 {
		t.Fatalf("only %d phrases", len(corpus))
	}
	read := 0
	for i, text := range corpus {
		if r, _ := whenParser.Parse(text, englishBases[0]); r != nil {
			read++
		}
		// The whole parser from Monday noon and from one other base in
		// turn; each rule from every base.
		sameReading(t, text, englishBases[0])
		sameReading(t, text, englishBases[1+i%(len(englishBases)-1)])
		sameRules(t, text, englishBases...)
	}
	// A corpus when reads little of would compare little.
	if read < len(corpus)/2 {
		t.Fatalf("when read only %d of %d phrases", read, len(corpus))
	}
}

// The tables of names agree with when's.
func TestEnglishNamesAsWhens(t *testing.T) {
	for s, n := range en.MONTH_OFFSET {
		for _, v := range []string{s, strings.ToUpper(s)} {
			if got, ok := monthNumber(v); !ok || got != n {
				t.Errorf("monthNumber(%q) = %d, %v; when's %d", v, got, ok, n)
			}
		}
	}
	for s, n := range en.WEEKDAY_OFFSET {
		if got, ok := weekdayNumber(strings.ToUpper(s)); !ok || got != n {
			t.Errorf("weekdayNumber(%q) = %d, %v; when's %d", s, got, ok, n)
		}
	}
	for s, n := range en.ORDINAL_WORDS {
		if got, ok := ordinalDay(s); !ok || got != n {
			t.Errorf("ordinalDay(%q) = %d, %v; when's %d", s, got, ok, n)
		}
	}
	for s, n := range en.INTEGER_WORDS {
		if got, half, err := readCount(s); err != nil || half || got != n {
			t.Errorf("readCount(%q) = %d, %v, %v; when's %d", s, got, half, err, n)
		}
	}
	for _, s := range []string{"may.", "june.", "sept..", "ſep", "tues", "thurs", "sun.", "fri.", "twenty  first", "32nd", "ſecond"} {
		_, m := monthNumber(s)
		_, w := weekdayNumber(s)
		_, o := ordinalDay(s)
		_, wm := en.MONTH_OFFSET[strings.ToLower(s)]
		_, ww := en.WEEKDAY_OFFSET[strings.ToLower(s)]
		_, wo := en.ORDINAL_WORDS[strings.ToLower(s)]
		if m != wm || w != ww || o != wo {
			t.Errorf("%q: month %v weekday %v ordinal %v; when's %v %v %v", s, m, w, o, wm, ww, wo)
		}
	}
}

// FuzzEnglishRules compares the English rules with when's on anything.
func FuzzEnglishRules(f *testing.F) {
	for _, s := range []string{"call back friday 3pm please", "in two weeks", "3 days ago", "march 5th 2027",
		"twenty-first of Sept.", "last night", "this morning", "7-10 pm", "5：30", "within half an hour", "ſunday",
		"yeſterday", "in 2 weeK", "FRIDAY NEXT WEEK", "on\tmon", "99 march", "in a month"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, base := range []time.Time{englishBases[0], englishBases[6], englishBases[9]} {
			sameReading(t, text, base)
		}
		sameRules(t, text, englishBases...)
	})
}
