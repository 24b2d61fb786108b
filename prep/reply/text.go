package reply

import (
	"strings"
	"unicode"

	"github.com/redress-cli/redress/internal/lazyre"
)

// chatLine is a line of a chat transcript: an optional time, a speaker, a
// colon and what they said.
var chatLine = lazyre.New(`^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([^:：\[\]]{1,40}?)\s*[:：]\s+(\S.*)$`)

// body is the company's own words in a reply: quoted earlier mail cut
// off, the customer's lines of a chat left out, and the first agent's
// name when the transcript gives one.
type body struct {
	lines []string
	agent string
	chat  bool
}

func companyText(m Message, rs ruleSet) body {
	lines := strings.Split(m.Text, "\n")
	for i, l := range lines {
		if i > 0 && rs.any("quote_start", l) {
			lines = lines[:i]
			break
		}
	}
	if m.Form == FormMail {
		return body{lines: lines}
	}
	var said, speakers []string
	nonEmpty := 0
	for _, l := range lines {
		if l == "" {
			continue
		}
		nonEmpty++
		if g := chatLine().FindStringSubmatch(l); g != nil && len(strings.Fields(g[1])) <= 4 {
			speakers = append(speakers, g[1])
			said = append(said, g[2])
		}
	}
	if len(said) == 0 || len(said)*2 < nonEmpty {
		return body{lines: lines}
	}
	b := body{chat: true}
	for i, sp := range speakers {
		if rs.any("customer_speaker", strings.TrimSpace(sp)) {
			continue
		}
		b.lines = append(b.lines, said[i])
		if b.agent == "" {
			b.agent = agentName(sp, rs)
		}
	}
	return b
}

// agentName is a speaker label without its role words: "Dana (Support)"
// and "Agent (Chris)" give Dana and Chris, "상담사 정하늘" 정하늘,
// "Support" nothing.
func agentName(label string, rs ruleSet) string {
	for _, r := range rs["role"] {
		for _, re := range r {
			label = re.ReplaceAllString(label, " ")
		}
	}
	label = strings.Map(func(r rune) rune {
		if r == '(' || r == ')' || r == '[' || r == ']' || r == '-' || r == ',' {
			return ' '
		}
		return r
	}, label)
	return strings.Join(strings.Fields(label), " ")
}

// abbreviations end in a full stop without ending the sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true,
	"e.g": true, "i.e": true, "approx": true, "tel": true, "ref": true, "inc": true, "ltd": true, "co": true}

// sentences splits lines into sentences: at a line end, and after ".",
// "!", "?" or "。" followed by a space, unless the word is an abbreviation.
func sentences(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		start := 0
		rs := []rune(l)
		for i := 0; i < len(rs)-1; i++ {
			if !strings.ContainsRune(".!?。", rs[i]) || !unicode.IsSpace(rs[i+1]) {
				continue
			}
			if rs[i] == '.' {
				w := lastWord(string(rs[start:i]))
				if abbreviations[strings.ToLower(w)] {
					continue
				}
			}
			if s := strings.TrimSpace(string(rs[start : i+1])); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
		if s := strings.TrimSpace(string(rs[start:])); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
