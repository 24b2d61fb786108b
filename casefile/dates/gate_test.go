package dates

import (
	"regexp"
	"regexp/syntax"
	"testing"
	"unicode"

	"github.com/olebedev/when/rules"
)

// TestGatesHold: no text without a rune of a rule's gate can match the
// rule's pattern, so skipping such a text changes nothing read. Checked
// on the compiled program of each pattern: no path from its start to a
// match steps over only runes outside the gate.
func TestGatesHold(t *testing.T) {
	gates := 0
	for i, r := range parser().rules {
		g, ok := r.(gated)
		if !ok {
			t.Fatalf("rule %d is not behind a gate: build it with gate(nil, …) to say it has none", i)
		}
		if g.need == nil {
			continue
		}
		gates++
		f, ok := g.rule().(*rules.F)
		if !ok {
			t.Fatalf("rule %d is not a rules.F: its pattern cannot be read", i)
		}
		if avoidable(t, f.RegExp, g.need) {
			t.Errorf("rule %d can match a text without a rune of its gate: %s", i, f.RegExp)
		}
	}
	if gates < 20 {
		t.Errorf("only %d rules behind a gate", gates)
	}
	// The check can fail.
	for expr, need := range map[string]func(rune) bool{
		`(\d+)일?`: isHangul, `오늘|today`: isHangul, `(내일)*`: isHangul, `[가-힣a]`: isHangul,
		`(?i)in`: anyOf("n"), `(?i)\bat\b`: anyOf("t"), `(?i)\d+ ago|now`: anyOf("gG"), `a.c`: anyOf("b"),
	} {
		if !avoidable(t, regexp.MustCompile(expr), need) {
			t.Errorf("%s is said to need its gate", expr)
		}
	}
	for expr, need := range map[string]func(rune) bool{
		`(\d+)일`: isHangul, `(?i)in|within`: anyOf("nN"), `(?i)(ago)`: anyOf("gG"), `\d{1,2}:\d\d`: isDigit,
	} {
		if avoidable(t, regexp.MustCompile(expr), need) {
			t.Errorf("%s is said to match without its gate", expr)
		}
	}
}

// avoidable reports whether re can match a text none of whose runes is
// needed: a walk of its program that follows every step over a rune
// outside need (under case folding, as the pattern matches it) and every
// empty step, and reaches a match.
func avoidable(t *testing.T, re *regexp.Regexp, need func(rune) bool) bool {
	t.Helper()
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32) bool
	walk = func(pc uint32) bool {
		if seen[pc] {
			return false
		}
		seen[pc] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			return true
		case syntax.InstFail:
			return false
		case syntax.InstAlt, syntax.InstAltMatch:
			return walk(in.Out) || walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			return walk(in.Out)
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			return walk(in.Out)
		default: // InstRune, InstRune1
			if steps(in, need) {
				return walk(in.Out)
			}
			return false
		}
	}
	return walk(uint32(prog.Start))
}

// steps reports whether instruction in matches a rune outside need.
func steps(in syntax.Inst, need func(rune) bool) bool {
	fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0
	ranges := in.Rune
	if len(ranges) == 1 {
		ranges = []rune{ranges[0], ranges[0]}
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if !need(r) {
				return true
			}
			for f := unicode.SimpleFold(r); fold && f != r; f = unicode.SimpleFold(f) {
				if !need(f) {
					return true
				}
			}
			if r == unicode.MaxRune {
				break
			}
		}
	}
	return false
}
