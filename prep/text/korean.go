package text

import (
	"fmt"
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
//   - a Latin word: as Koreans say it (see latinSound): "PeakFit과",
//     "jacket을", "Walmart가", "Apple은", "KT는";
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

// latinSound reads the Latin word that ends s as Koreans say it:
//
//   - an acronym (capitals only, up to five) by the name of its last
//     letter: only 엘, 엠, 엔, 알 (L, M, N, R) close ("KT" 케이티, "IBM" 아이비엠);
//   - l is ㄹ; m, n and ng close (PayPal, Amazon, Samsung);
//   - b, c, g, k, p, t close after a short vowel, one vowel letter after
//     a consonant (PeakFit 핏, jacket 재킷, Big 빅, Shop 숍, Club 클럽, Magic
//     매직); after two vowel letters or a consonant they are said with a
//     vowel (Peak 피크, Walmart 월마트, Microsoft 마이크로소프트), as are d,
//     f, h, j, q, s, v, x and z (Ford 포드, Netflix 넷플릭스, Adidas 아디다스;
//     s, x and f always so: 스, 스, 프);
//   - a final e is silent: after a vowel and m or n the word closes
//     (Home 홈, Phone 폰, Line 라인); after a consonant and l it ends in ㄹ
//     (Apple 애플, Google 구글); otherwise it is open (Acme 애크미, Nike 나이키);
//   - a, i, o, u, y, w and r are open (Costco, Hyundai, Uniqlo, eBay, Tiger 타이거).
func latinSound(s string) (final, rieul bool) {
	f, r, _ := latinReading(s)
	return f, r
}

// latinReading is latinSound and whether the reading is sure: the
// endings with exceptions Koreans know by heart (Book 북 but Boot 부트, Blog
// 블로그 but Big 빅) are not, and templates then put a Korean noun between
// the word and its particle (see JosaOr).
func latinReading(s string) (final, rieul, sure bool) {
	i := len(s)
	for i > 0 && s[i-1] < utf8.RuneSelf && unicode.IsLetter(rune(s[i-1])) {
		i--
	}
	word := s[i:]
	if len(word) <= 5 && strings.ToUpper(word) == word {
		switch word[len(word)-1] { // the letter's name: 엘, 엠, 엔, 알
		case 'L', 'R':
			return true, true, true
		case 'M', 'N':
			return true, false, true
		}
		return false, false, true
	}
	w := strings.ToLower(word)
	vowel := func(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
	n := len(w)
	last := w[n-1]
	before := func(k int) byte { // the letter k places before the last, or 0
		if n-1-k < 0 {
			return 0
		}
		return w[n-1-k]
	}
	switch {
	case last == 'l':
		return true, true, true
	case last == 'm' || last == 'n':
		return true, false, true
	case last == 'g' && before(1) == 'n':
		return true, false, true
	case strings.IndexByte("bcgkpt", last) >= 0:
		if last == 'k' && before(1) == 'c' { // -ck: Black 블랙
			return true, false, false
		}
		short := vowel(before(1)) && !vowel(before(2))
		return short, false, false
	case last == 'e' && n >= 3:
		switch c := before(1); {
		case (c == 'm' || c == 'n') && vowel(before(2)):
			return true, false, false
		case c == 'l' && !vowel(before(2)):
			return true, true, false
		}
		return false, false, false
	case strings.IndexByte("aiouywrsxf", last) >= 0:
		return false, false, true
	}
	return false, false, false
}

// Sure reports whether the way s ends is read one way by every Korean:
// Hangul, digits, acronyms, and Latin words ending in l, m, n, ng, s, x,
// f or a vowel sound; not a Latin word ending in e, t, k, d or the like.
func Sure(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if r < utf8.RuneSelf && unicode.IsLetter(r) {
		_, _, sure := latinReading(s)
		return sure
	}
	return true
}

// JosaOr attaches the particle to s when s is read one way for sure, and
// otherwise to a Korean noun put after s, so no reader stumbles on a
// guessed particle: JosaOr("과", "측", "PeakFit") is "PeakFit 측과",
// JosaOr("과", "측", "쿠팡") is "쿠팡과".
func JosaOr(particle, noun, s string) string {
	if Sure(s) {
		return Josa(particle, s)
	}
	return s + " " + Josa(particle, noun)
}

// nativeCounts are the native Korean numbers a count of times or an order
// is said with: "한 번", "두 차례", "세 번째" read as Koreans write them,
// where "1번" would read as "number one".
var nativeCounts = []string{"", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"}

// Times says n with a counter of times or order ("번", "차례", "번째")
// in native Korean numbers up to ten: Times(1, "번") → "한 번",
// Times(1, "번째") → "첫 번째", Times(3, "차례") → "세 차례". Larger
// counts keep their digits ("12번"), as Korean writing does.
func Times(n int, counter string) string {
	if n < 1 || n >= len(nativeCounts) {
		return fmt.Sprintf("%d%s", n, counter)
	}
	if n == 1 && counter == "번째" {
		return "첫 번째"
	}
	return nativeCounts[n] + " " + counter
}
