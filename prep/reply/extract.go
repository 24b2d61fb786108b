package reply

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/internal/lazyre"
)

// Amount is a sum of money named in the reply.
type Amount struct {
	Value    string `json:"value"`    // decimal, no separators: "49.90"
	Currency string `json:"currency"` // three-letter code
	Text     string `json:"text"`     // as written
}

// Promise is a commitment with a date, as the reply words it.
type Promise struct {
	Text string        `json:"text"`
	Due  casefile.Date `json:"due"`
}

// Money in the reply. Issue 12's money type will read every local
// convention; until then: symbols or codes before or after, "," for
// thousands and "." for decimals, or "," for decimals with two digits.
var (
	moneyBefore = lazyre.New(`(US\$|€|£|\$|₩|\b(?:EUR|USD|GBP|KRW))\s?(\d[\d,.]*\d|\d)`)
	moneyAfter  = lazyre.New(`(\d[\d,.]*\d|\d)\s?(EUR|USD|GBP|KRW|euros?|dollars?|pounds?|원|유로|달러|파운드)`)
	currencies  = map[string]string{"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "원": "KRW",
		"EUR": "EUR", "USD": "USD", "GBP": "GBP", "KRW": "KRW", "euro": "EUR", "euros": "EUR", "dollar": "USD",
		"dollars": "USD", "pound": "GBP", "pounds": "GBP", "유로": "EUR", "달러": "USD", "파운드": "GBP"}
	thousands = lazyre.New(`^\d{1,3}(,\d{3})+(\.\d{1,2})?$`)
	plainNum  = lazyre.New(`^\d+(\.\d{1,2})?$`)
	commaDec  = lazyre.New(`^\d+,\d{2}$`)
)

func findAmounts(s string) []Amount {
	var out []Amount
	add := func(num, cur, text string) {
		v, ok := decimal(num)
		code := currencies[cur]
		if code == "" {
			code = currencies[strings.ToLower(cur)]
		}
		if ok && code != "" {
			out = append(out, Amount{Value: v, Currency: code, Text: text})
		}
	}
	for _, m := range moneyBefore().FindAllStringSubmatch(s, -1) {
		add(m[2], m[1], m[0])
	}
	for _, m := range moneyAfter().FindAllStringSubmatch(s, -1) {
		add(m[1], m[2], m[0])
	}
	return out
}

// decimal reads "1,049.90", "59000", "49,90" into "1049.90", "59000", "49.90".
func decimal(n string) (string, bool) {
	n = strings.TrimRight(n, ".,")
	switch {
	case thousands().MatchString(n):
		return strings.ReplaceAll(n, ",", ""), true
	case plainNum().MatchString(n):
		return n, true
	case commaDec().MatchString(n):
		return strings.Replace(n, ",", ".", 1), true
	}
	return "", false
}

func amountValue(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return f
}

// datesIn finds the dates a sentence names on or after the day of ref
// (and within a year), latest first: periods counted in business or
// calendar days, then any phrase the dates reader knows.
func datesIn(s string, ref time.Time, loc *time.Location, rs ruleSet) []casefile.Date {
	ref = ref.In(loc)
	today := casefile.DateOf(ref)
	var found []casefile.Date
	for _, sec := range []string{"business_days", "calendar_days"} {
		for _, r := range rs[sec] {
			for _, re := range r {
				for _, m := range re.FindAllStringSubmatch(s, -1) {
					n, err := strconv.Atoi(m[1])
					if err != nil || n > 90 {
						continue
					}
					if sec == "business_days" {
						found = append(found, addBusinessDays(today, n))
					} else {
						found = append(found, casefile.DateOf(ref.AddDate(0, 0, n)))
					}
				}
				s = re.ReplaceAllString(s, " ")
			}
		}
	}
	if len(found) > 0 {
		// A counted period is what the sentence promises; other words
		// in it ("the December charge") are not dates.
		return latestFirst(found, loc)
	}
	rest := s
	for i := 0; i < 6; i++ {
		d, r, ok := dates.Find(rest, ref, loc)
		if !ok || r == rest {
			break
		}
		rest = r
		day := d.Day(loc)
		if day.Before(today) || casefile.DateOf(ref.AddDate(1, 0, 0)).Before(day) {
			continue
		}
		found = append(found, d)
	}
	return latestFirst(found, loc)
}

// latestFirst orders dates latest first: "shipped on the 25th, with you
// by the 27th" promises the 27th.
func latestFirst(found []casefile.Date, loc *time.Location) []casefile.Date {
	sort.SliceStable(found, func(i, j int) bool { return found[j].Day(loc).Before(found[i].Day(loc)) })
	return found
}

// findTickets returns the reference numbers named as such in the subject
// or body, then reference-like codes in the body, once each.
func findTickets(subject, body string, rs ruleSet) []string {
	var out []string
	seen := map[string]bool{}
	out = collectTickets(out, seen, subject+"\n"+body, rs["ticket"])
	return collectTickets(out, seen, body, rs["ticket_id"])
}

func collectTickets(out []string, seen map[string]bool, text string, rules []rule) []string {
	for _, r := range rules {
		for _, re := range r {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				n := m[len(m)-1]
				if !strings.ContainsAny(n, "0123456789") || seen[n] || len(n) < 4 {
					continue
				}
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// findSender is the name that signs the reply.
func findSender(text string, rs ruleSet) string {
	for _, r := range rs["sender"] {
		for _, re := range r {
			if m := re.FindStringSubmatch(text); m != nil {
				return strings.TrimSpace(m[1])
			}
		}
	}
	return ""
}

// Grouped is the value with thousands separated by commas: "59,000",
// "1,049.90".
func (a Amount) Grouped() string {
	whole, frac, hasFrac := strings.Cut(a.Value, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

// addBusinessDays counts n days from d, skipping Saturdays and Sundays.
func addBusinessDays(d casefile.Date, n int) casefile.Date {
	t := d.Time(time.UTC)
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			n--
		}
	}
	return casefile.DateOf(t)
}
