package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Korean particles after variable text. A particle has two forms: one
// after a final consonant (받침) and one after a vowel; (으)로 also takes
// the vowel form after ㄹ. Josa picks the form by how the text is read
// aloud, so a template never prints "이(가)" or "(으)로":
//
//   - a Hangul syllable: by its final consonant;
//   - a number: as read in Korean (…1 일, …3 삼, …10 십, …100 백, …1000 천,
//     …10000 만; digits after a decimal point one by one);
//   - a closing bracket: by the word before the bracketed aside
//     ("한국소비자원(KCA)" reads like "한국소비자원"); a closing quote: by
//     the quoted text;
//   - a Latin word: by its last letter (l is ㄹ; m, n, ng and a final
//     b, k, p are closed; anything else is read open, as loanwords mostly
//     are: "Acme", "Walmart" → 애크미, 월마트); an acronym of capitals by
//     the name of its last letter (L 엘, M 엠, N 엔, R 알);
//   - anything else (an emoji, an empty string) takes the vowel form.
type josaForms struct{ closed, open string }

var josaTable = map[string]josaForms{}

func init() {
	for _, p := range []josaForms{
		{"이", "가"}, {"은", "는"}, {"을", "를"}, {"과", "와"}, {"으로", "로"},
		{"이나", "나"}, {"이라", "라"}, {"이에요", "예요"}, {"아", "야"}, {"이랑", "랑"},
	} {
		josaTable[p.closed] = p
		josaTable[p.open] = p
		josaTable[p.closed+"/"+p.open] = p
	}
	josaTable["(으)로"] = josaTable["으로"]
}

// Josa returns s followed by the particle (any of its forms: "을", "를",
// "을/를") in the form that fits how s ends.
func Josa(particle, s string) string { return s + Particle(particle, s) }

// Particle returns only the particle, in the form that fits s.
func Particle(particle, s string) string {
	p, ok := josaTable[particle]
	if !ok {
		panic("text: unknown particle " + particle) // a template bug, caught by its golden test
	}
	final, rieul := endSound(s)
	switch {
	case p.closed == "으로" && rieul:
		return p.open
	case final:
		return p.closed
	}
	return p.open
}

// endSound reports whether s, read aloud in Korean, ends in a final
// consonant, and whether that consonant is ㄹ.
func endSound(s string) (final, rieul bool) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return false, false
	}
	r, size := utf8.DecodeLastRuneInString(s)
	rest := s[:len(s)-size]
	switch {
	case r >= 0xAC00 && r <= 0xD7A3: // a Hangul syllable
		jong := (r - 0xAC00) % 28
		return jong != 0, jong == 8
	case r >= '0' && r <= '9':
		return numberSound(s)
	case strings.ContainsRune(")]}）〕", r):
		open := map[rune]rune{')': '(', ']': '[', '}': '{', '）': '（', '〕': '〔'}[r]
		if i := strings.LastIndex(rest, string(open)); i >= 0 && strings.TrimSpace(rest[:i]) != "" {
			return endSound(rest[:i])
		}
		return endSound(rest)
	case strings.ContainsRune("\"'”’」』》〉.", r):
		return endSound(rest)
	case r < utf8.RuneSelf && unicode.IsLetter(r):
		return latinSound(s)
	}
	return false, false
}

// digitFinal is the final sound of each digit read alone:
// 영 일 이 삼 사 오 육 칠 팔 구.
var digitFinal = [10]struct{ final, rieul bool }{
	{true, false}, {true, true}, {false, false}, {true, false}, {false, false},
	{false, false}, {true, false}, {true, true}, {true, true}, {false, false},
}

func numberSound(s string) (final, rieul bool) {
	// the run of digits (with , and .) at the end
	i := len(s)
	for i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == ',' || s[i-1] == '.') {
		i--
	}
	num := strings.ReplaceAll(s[i:], ",", "")
	if dot := strings.IndexByte(num, '.'); dot >= 0 && dot < len(num)-1 {
		d := digitFinal[num[len(num)-1]-'0'] // after the point, digit by digit
		return d.final, d.rieul
	}
	num = strings.Trim(num, ".")
	zeros := len(num) - len(strings.TrimRight(num, "0"))
	if zeros == 0 || zeros == len(num) {
		d := digitFinal[num[len(num)-1]-'0']
		return d.final, d.rieul
	}
	if zeros < 4 { // 십, 백, 천
		return true, false
	}
	if zeros/4 == 3 { // 조
		return false, false
	}
	return true, false // 만, 억, 경
}

func latinSound(s string) (final, rieul bool) {
	i := len(s)
	for i > 0 && s[i-1] < utf8.RuneSelf && unicode.IsLetter(rune(s[i-1])) {
		i--
	}
	word := s[i:]
	if len(word) <= 5 && strings.ToUpper(word) == word {
		switch word[len(word)-1] { // the letter's name: 엘, 엠, 엔, 알
		case 'L', 'R':
			return true, true
		case 'M', 'N':
			return true, false
		}
		return false, false
	}
	w := strings.ToLower(word)
	switch {
	case strings.HasSuffix(w, "l"):
		return true, true
	case strings.HasSuffix(w, "m"), strings.HasSuffix(w, "n"), strings.HasSuffix(w, "ng"),
		strings.HasSuffix(w, "b"), strings.HasSuffix(w, "k"), strings.HasSuffix(w, "p"):
		return true, false
	}
	return false, false
}
