package reply

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/redress-cli/redress/internal/lazyre"
	"github.com/redress-cli/redress/prep"
)

// rule is one line of a signs file: every expression must match.
type rule []*regexp.Regexp

func (r rule) match(s string) bool {
	for _, re := range r {
		if !re.MatchString(s) {
			return false
		}
	}
	return len(r) > 0
}

// ruleSet is a language's signs file: its sections by name.
type ruleSet map[string][]rule

// any reports whether a rule of section matches s.
func (rs ruleSet) any(section, s string) bool {
	for _, r := range rs[section] {
		if r.match(s) {
			return true
		}
	}
	return false
}

var (
	rulesMu sync.Mutex
	loaded  = map[string]ruleSet{}
)

// signsFile is the name of the patterns file in prep/text/<lang>/.
const signsFile = "reply_signs.txt"

// rulesFor reads and compiles text/<lang>/reply_signs.txt once.
func rulesFor(lang string) (ruleSet, error) {
	rulesMu.Lock()
	defer rulesMu.Unlock()
	if rs, ok := loaded[lang]; ok {
		return rs, nil
	}
	src, err := prep.TextFile(lang, signsFile)
	if err != nil {
		return nil, err
	}
	rs, err := parseRules(src)
	if err != nil {
		return nil, fmt.Errorf("%s/%s: %w", lang, signsFile, err)
	}
	loaded[lang] = rs
	return rs, nil
}

// flagGroup is a pattern's own flags, "(?m)" or "(?-i)": then no "(?i)" is added.
var flagGroup = lazyre.New(`^\(\?-?[imsU]+\)`)

func parseRules(src []byte) (ruleSet, error) {
	rs := ruleSet{}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			continue
		case section == "":
			return nil, fmt.Errorf("line %d: a pattern before any [section]", n) // words:ok an error in the pattern file, for its author
		}
		var r rule
		for _, part := range strings.Split(line, " && ") {
			part = strings.TrimSpace(part)
			if !flagGroup().MatchString(part) {
				part = "(?i)" + part
			}
			re, err := regexp.Compile(part)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			r = append(r, re)
		}
		rs[section] = append(rs[section], r)
	}
	return rs, sc.Err()
}
