package dates

import (
	"sort"
	"sync"
	"time"

	"github.com/olebedev/when/rules"
)

// ruleParser runs when's rules the way when.Parser does (find every
// match, keep the first cluster of matches no more than Distance bytes
// apart, apply them in rule order, then resolve the context against the
// reference time), without importing the root package
// github.com/olebedev/when. That package's init builds parsers for
// Russian, Portuguese and Dutch too, compiling some hundred regular
// expressions before main runs: about 3 ms on every redress command,
// `--version` included (probed: a Go binary that only imports it starts
// in 4.7 ms, a bare one in 1.6 ms). redress needs English and its own
// Korean rules only.
type ruleParser struct {
	rules []rules.Rule
	opts  rules.Options
}

// whenResult is the span of text a date phrase took and the time it means.
// Clock says that the phrase moved the time by something other than whole
// days ("in an hour", "3 hours ago", "in half a day"), so the date it
// lands on depends on the time of day it is counted from.
type whenResult struct {
	Index int
	Text  string
	Time  time.Time
	Clock bool
}

// parser is built on first use, so a command that reads no date (list,
// show, search, …) never compiles the Korean or English rules.
var parser = sync.OnceValue(func() *ruleParser { return newParser(englishRules()) })

// newParser puts the rules in the order they are applied, with english
// (englishRules; the tests pass when's own English rules to compare) in
// the middle.
func newParser(english []rules.Rule) *ruleParser {
	p := &ruleParser{opts: rules.Options{Distance: 5, MatchByOrder: true}}
	p.rules = append(p.rules, koreanRules()...)
	p.rules = append(p.rules, endOfMonthEN(), workingDaysEN())
	p.rules = append(p.rules, english...)
	// After the weekday rule, which they correct or leave alone.
	p.rules = append(p.rules, weekEN(), weekdayNextWeekEN())
	return p
}

// Parse finds the date phrase in text relative to base; nil when there is
// none.
func (p *ruleParser) Parse(text string, base time.Time) (*whenResult, error) {
	var matches []*rules.Match
	for i, r := range p.rules {
		if m := r.Find(text); m != nil {
			m.Order = float64(i)
			matches = append(matches, m)
		}
	}
	if len(matches) == 0 {
		return nil, nil
	}
	sort.Sort(rules.MatchByIndex(matches))
	// The first cluster: matches that follow each other closely are one
	// phrase ("next friday 3pm"); a later, separate date is ignored.
	start, end := matches[0].Left, matches[0].Right
	for i, m := range matches {
		if m.Left > end+p.opts.Distance {
			matches = matches[:i]
			break
		}
		end = m.Right // as when does: the cluster ends where its last match ends
	}
	if p.opts.MatchByOrder {
		sort.Sort(rules.MatchByOrder(matches))
	}
	res := &whenResult{Index: start, Text: text[start:end], Time: base}
	ctx := &rules.Context{Text: res.Text}
	applied := false
	for _, m := range matches {
		ok, err := m.Apply(ctx, &p.opts, base)
		if err != nil {
			return nil, err
		}
		applied = applied || ok
	}
	if !applied {
		return nil, nil
	}
	t, err := ctx.Time(base)
	if err != nil {
		return nil, err
	}
	res.Time = t
	res.Clock = ctx.Duration%(24*time.Hour) != 0
	return res, nil
}
