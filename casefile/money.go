package casefile

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Money is an amount as a person typed it, read exactly: a decimal number
// with as many fraction digits as its currency has (Number "49.90",
// "1290000") and an ISO 4217 code (Code "EUR"). It is never a float and
// never summed, so nothing is lost to rounding.
//
// A value stored by an older redress, or written by another program, that
// cannot be read this way is kept as it was typed (Raw) and shown as such:
// it never fails a command.
type Money struct {
	Number string
	Code   string
	raw    string
}

// IsZero reports whether no amount was given.
func (m Money) IsZero() bool { return m.Number == "" && m.raw == "" }

// Unreadable returns the stored text of a value that could not be read, or
// "" for a readable (or empty) one.
func (m Money) Unreadable() string { return m.raw }

// MoneyError is an amount that cannot be read for sure. Kind says why, for
// messages in the user's language: "unreadable", "no-currency",
// "unknown-currency", "shared-symbol", "unsupported-currency", "decimals", "two-currencies".
type MoneyError struct {
	Input string
	Kind  string
	Code  string // the currency, for "decimals"; the symbol, for "shared-symbol"
}

// MoneyForms lists the accepted forms, for hints.
const MoneyForms = "49.90 EUR, EUR 49.90, €49,90, 1.234,56 €, £20, $89.99 (us cases), US$89.99, ₩1,290,000, 1,290,000원, 129만원"

func (e *MoneyError) Error() string {
	switch e.Kind {
	case "no-currency", "unknown-currency", "shared-symbol", "unsupported-currency", "decimals", "two-currencies":
		return Say("money_"+e.Kind, e.Input, e.Code)
	}
	return Say("money_unreadable", e.Input, e.Code)
}

// jurisdictionCurrency is the currency a bare number or a "$" means in a
// case of that jurisdiction. There is none for eu (not every EU country
// uses the euro) or other: there, the code must be given.
var jurisdictionCurrency = map[Jurisdiction]string{JurisdictionKR: "KRW", JurisdictionUS: "USD", JurisdictionUK: "GBP"}

// ParseMoney reads an amount with its currency as people write it:
// "49.90 EUR", "EUR 49.90", "€49,90", "49,90 €", "1.234,56 EUR",
// "1 234,56 €", "£20", "$89.99", "US$89.99", "₩1,290,000", "1,290,000원",
// "129만원", "129만 5천원". A comma or point followed by exactly two digits
// at the end is the decimal part; groups of three digits are thousands;
// anything else ("1.5,0", "1,2,3", "12,3456") is refused. The currency is a
// code or a symbol before or after the number; "$" and a bare number take
// the jurisdiction's currency (us: USD) or are refused. Empty text is no
// amount.
func ParseMoney(text string, j Jurisdiction) (Money, error) {
	s := normalizeSpaces(strings.TrimSpace(text))
	if s == "" {
		return Money{}, nil
	}
	bad := func(kind string) (Money, error) { return Money{}, &MoneyError{Input: text, Kind: kind} }
	num, code, sym, ok := splitCurrency(s)
	if !ok {
		return bad("unreadable")
	}
	switch {
	case code == "" && sym != "":
		if code = jurisdictionCurrency[j]; code != "USD" {
			return Money{}, &MoneyError{Input: text, Kind: "shared-symbol", Code: sym}
		}
	case code == "":
		if code = jurisdictionCurrency[j]; code == "" {
			return bad("no-currency")
		}
	case code == "?":
		return bad("two-currencies")
	}
	digits, known := fractionDigits(code)
	if !known {
		return Money{}, &MoneyError{Input: text, Kind: "unknown-currency", Code: code}
	}
	if digits != 0 && digits != 2 {
		// "1.000 TND" could be one dinar or a thousand: such amounts are
		// not read at all rather than read wrong.
		return Money{}, &MoneyError{Input: text, Kind: "unsupported-currency", Code: code}
	}
	var whole, frac string
	if strings.ContainsAny(num, koreanNumberWords) {
		if code != "KRW" {
			return bad("unreadable")
		}
		if whole, ok = readKoreanNumber(num); !ok {
			return bad("unreadable")
		}
	} else if whole, frac, ok = readNumber(num); !ok {
		return bad("unreadable")
	}
	if len(frac) > int(digits) {
		return Money{}, &MoneyError{Input: text, Kind: "decimals", Code: code}
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 15 { // a quadrillion of anything is a typing slip
		return bad("unreadable")
	}
	n := whole
	if digits > 0 {
		n += "." + frac + strings.Repeat("0", int(digits)-len(frac))
	}
	return Money{Number: n, Code: code}, nil
}

// StoredMoney reads an amount as the case file keeps it (the decimal and
// the code, written by Money's fields). What cannot be read is kept as
// typed: Format shows it, and it is written back unchanged.
func StoredMoney(number, code string) Money {
	number, code = strings.TrimSpace(number), strings.TrimSpace(code)
	if number == "" && code == "" {
		return Money{}
	}
	digits, known := fractionDigits(code)
	if known && isCanonical(number) {
		_, frac, _ := strings.Cut(number, ".")
		if len(frac) == int(digits) && (len(number) == 1 || number[0] != '0' || number[1] == '.') {
			return Money{Number: number, Code: code}
		}
	}
	return Money{raw: strings.TrimSpace(number + " " + code)}
}

// Stored returns the two columns the case file keeps: the decimal and the
// code; an unreadable value goes back as it came, whole, in the first.
func (m Money) Stored() (number, code string) {
	if m.raw != "" {
		return m.raw, ""
	}
	return m.Number, m.Code
}

// isCanonical reports the stored form of a decimal: digits, and a point
// with digits after it when there is a fraction.
func isCanonical(s string) bool {
	whole, frac, hasPoint := strings.Cut(s, ".")
	return isDigits(whole) && (!hasPoint || isDigits(frac))
}

// fractionDigits is how many digits follow the point in code's amounts
// (2 for EUR, 0 for KRW), from CLDR by way of golang.org/x/text/currency;
// known is false for what is not an ISO 4217 code. (x/text rather than a
// package built on a big-decimal library: that one's init costs 0.7 ms
// on every command, --version included, measured with GODEBUG=inittrace=1.)
func fractionDigits(code string) (digits int, known bool) {
	if len(code) != 3 || !isLetters(code) || strings.ToUpper(code) != code {
		return 0, false
	}
	u, err := currency.ParseISO(code)
	if err != nil {
		return 0, false
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale, true
}

// Format writes the amount in lang's convention. English always puts the
// symbol before the number, with a point for decimals and commas between
// thousands, as CLDR's "en" locale does ("€49.90", "£649.00", "$89.99",
// "₩1,290,000", "CHF 20.00"): one form for every English sheet, letter and
// message. Korean writes won after the number ("1,290,000원") and other
// currencies as CLDR's "ko" locale does ("€49.90", "US$89.99"). An
// unreadable stored value is shown as it was typed.
func (m Money) Format(lang string) string {
	if m.raw != "" || m.Number == "" {
		return m.raw
	}
	whole, frac, _ := strings.Cut(m.Number, ".")
	n := group(whole)
	if frac != "" {
		n += "." + frac
	}
	if lang == "ko" && m.Code == "KRW" {
		return n + wonSuffix
	}
	sym := symbolIn(lang, m.Code)
	if r, _ := utf8.DecodeLastRuneInString(sym); unicode.IsLetter(r) {
		return sym + " " + n // CLDR: a space between letters and digits
	}
	return sym + n
}

// group puts a comma between every three digits: 1290000 is 1,290,000.
func group(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wonSuffix is how Korean prose writes won after a number (1,290,000원).
const wonSuffix = "원"

// String is the English form, for logs and %v.
func (m Money) String() string { return m.Format("en") }

var printers = sync.OnceValue(func() map[string]*message.Printer {
	return map[string]*message.Printer{
		"en": message.NewPrinter(language.English), "ko": message.NewPrinter(language.Korean),
		"en-GB": message.NewPrinter(language.BritishEnglish), "en-CA": message.NewPrinter(language.MustParse("en-CA")),
		"en-AU": message.NewPrinter(language.MustParse("en-AU")),
	}
})

// symbolIn is CLDR's symbol for code in lang ("$" for USD in English,
// "US$" in Korean).
func symbolIn(lang, code string) string {
	p, ok := printers()[lang]
	if !ok {
		p = printers()["en"]
	}
	u, err := currency.ParseISO(code)
	if err != nil {
		return code
	}
	return p.Sprint(currency.Symbol(u))
}

// symbols maps the symbols CLDR gives in English and Korean ("€", "£",
// "₩", "US$", "CA$", "A$", "¥", …) to their codes, plus the won sign in
// its full-width and Korean forms. A symbol two currencies share is left
// out, so it is never guessed; "$" is read only through the jurisdiction.
var symbols = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	shared := map[string]bool{"$": true}
	seen := map[string]bool{}
	for it := currency.Query(currency.Historical, currency.NonTender); it.Next(); {
		code := it.Unit().String()
		if seen[code] {
			continue
		}
		seen[code] = true
		for _, lang := range []string{"en", "ko", "en-GB", "en-CA", "en-AU"} {
			sym := symbolIn(lang, code)
			if sym == code || sym == "" {
				continue
			}
			if prev, dup := m[sym]; dup && prev != code {
				shared[sym] = true
			}
			m[sym] = code
		}
	}
	for s := range shared {
		delete(m, s)
	}
	m["￦"], m[wonSuffix] = "KRW", "KRW"
	return m
})

// splitCurrency takes the currency off either end of s. code is "" when
// none was named, "?" when two different ones were; sym is "$" when the
// only marker was a bare dollar sign.
func splitCurrency(s string) (num, code, sym string, ok bool) {
	var found []string
	dollar := false
	take := func(marker string) bool {
		switch c, ok := symbols()[marker]; {
		case marker == "$":
			dollar = true
		case ok:
			found = append(found, c)
		case len(marker) == 3 && isLetters(marker):
			found = append(found, strings.ToUpper(marker))
		default:
			return false
		}
		return true
	}
	// The number is the run from the first digit to the last digit or
	// Korean number word; what stands around it names the currency.
	isNum := func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune(koreanNumberWords, r) }
	start := strings.IndexFunc(s, isNum)
	last := strings.LastIndexFunc(s, isNum)
	if start < 0 {
		return "", "", "", false
	}
	_, size := utf8.DecodeRuneInString(s[last:])
	end := last + size
	head, body, tail := strings.TrimSpace(s[:start]), strings.TrimSpace(s[start:end]), strings.TrimSpace(s[end:])
	for _, marker := range []string{head, tail} {
		if marker != "" && !take(marker) {
			return "", "", "", false
		}
	}
	for _, c := range found {
		if code != "" && c != code {
			return "", "?", "", true
		}
		code = c
	}
	if dollar && code == "" {
		sym = "$"
	} else if dollar && code != "USD" {
		return "", "?", "", true
	}
	return body, code, sym, body != ""
}

// koreanNumberWords are the number words 129만원 and 1억 2천만원 use.
const koreanNumberWords = "억만천백"

// readNumber splits "1.234,56" into "1234" and "56". The decimal part is
// a comma or point followed by exactly two digits at the end; the rest is
// plain digits or groups of three after one separator (comma, point or
// space) that differs from the decimal one.
func readNumber(s string) (whole, frac string, ok bool) {
	dec := byte(0)
	if n := len(s); n >= 3 && (s[n-3] == ',' || s[n-3] == '.') && isDigits(s[n-2:]) {
		dec, whole, frac = s[n-3], s[:n-3], s[n-2:]
	} else {
		whole = s
	}
	if whole == "" {
		return "", "", false
	}
	if isDigits(whole) {
		return whole, frac, true
	}
	sep := byte(0)
	groups := strings.FieldsFunc(whole, func(r rune) bool {
		if r == ',' || r == '.' || r == ' ' {
			if sep == 0 {
				sep = byte(r)
			}
			return true
		}
		return false
	})
	if sep == dec || strings.Count(whole, string(sep))+1 != len(groups) {
		return "", "", false
	}
	for i, g := range groups {
		if !isDigits(g) || (i == 0 && len(g) > 3) || (i > 0 && len(g) != 3) {
			return "", "", false
		}
	}
	if strings.ContainsAny(strings.ReplaceAll(whole, string(sep), ""), ",. ") {
		return "", "", false
	}
	return strings.Join(groups, ""), frac, true
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// readKoreanNumber reads "129만", "129만 5천", "1억 2천만", "3천 500" as a
// whole number of won: 억 and 만 count what stands before them (up to
// 9999 for 만), 천 and 백 take one digit, each unit at most once and in
// falling order.
func readKoreanNumber(s string) (string, bool) {
	s = strings.ReplaceAll(s, " ", "")
	units := []struct {
		word  string
		value int64
	}{{"억", 100000000}, {"만", 10000}, {"천", 1000}, {"백", 100}}
	var total, section int64
	nextBig, nextSmall := 0, 2 // the first unit of each kind still allowed
	limit := int64(10000)      // what the digits of this section must stay below
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		var n int64 = -1
		if i > 0 {
			if i > 8 {
				return "", false
			}
			n, _ = strconv.ParseInt(s[:i], 10, 64)
		}
		s = s[i:]
		if s == "" { // digits at the end: the ones
			if n < 0 || n >= limit {
				return "", false
			}
			section += n
			break
		}
		u := -1
		for k := range units {
			if (k < 2 && k >= nextBig || k >= 2 && k >= nextSmall) && strings.HasPrefix(s, units[k].word) {
				u = k
				break
			}
		}
		if u < 0 || n == 0 {
			return "", false
		}
		s = s[len(units[u].word):]
		switch units[u].word {
		case "억", "만":
			count := section
			if n > 0 {
				if n >= limit {
					return "", false
				}
				count += n
			}
			if count == 0 || (units[u].word == "만" && count > 9999) {
				return "", false
			}
			total += count * units[u].value
			section, limit = 0, 10000
			nextBig, nextSmall = u+1, 2
		default: // 천, 백
			if n < 0 {
				n = 1
			}
			if n > 9 {
				return "", false
			}
			section += n * units[u].value
			limit = units[u].value
			nextSmall = u + 1
		}
	}
	total += section
	if total <= 0 {
		return "", false
	}
	return strconv.FormatInt(total, 10), true
}

// normalizeSpaces turns the no-break and thin spaces some keyboards and
// formatters put between groups into plain spaces.
func normalizeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u202f', '\u2009', '\u2007':
			return ' '
		}
		return r
	}, s)
}
