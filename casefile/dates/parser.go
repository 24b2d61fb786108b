package dates

import (
	"sort"
	"strings"
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
	for _, mk := range koreanRuleMakers {
		p.rules = append(p.rules, gate(isHangul, mk))
	}
	p.rules = append(p.rules, gate(anyOf("nN"), endOfMonthEN), gate(isDigit, workingDaysEN))
	p.rules = append(p.rules, english...)
	// After the weekday rule, which they correct or leave alone.
	p.rules = append(p.rules, gate(anyOf("wW"), weekEN), gate(anyOf("wW"), weekdayNextWeekEN))
	return p
}

// gated is a rule built and run only for a text holding a rune its
// pattern cannot match without (need; nil: always). A due date of
// "friday" then compiles the weekday rule alone, not the thirty other
// expressions, Korean and English (issue 19: building them all was most
// of the time `promise … --due friday` spent reading its date).
// TestGatesHold reads each pattern's compiled program to check that no
// match can avoid its gate, so a gate never changes what is read.
type gated struct {
	need func(rune) bool
	rule func() rules.Rule
}

func gate(need func(rune) bool, mk func() rules.Rule) rules.Rule {
	return gated{need: need, rule: sync.OnceValue(mk)}
}

func (g gated) Find(text string) *rules.Match {
	if g.need != nil && !strings.ContainsFunc(text, g.need) {
		return nil
	}
	return g.rule().Find(text)
}

// anyOf is a gate of the runes in chars.
func anyOf(chars string) func(rune) bool {
	return func(r rune) bool { return strings.ContainsRune(chars, r) }
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

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
