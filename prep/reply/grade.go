package reply

import (
	"strings"
	"time"
	"unicode"

	"github.com/redress-cli/redress/casefile"
)

// The five elements of a good answer, in the order they are reported.
const (
	Impact     = "impact"     // the impact on the customer acknowledged
	Date       = "date"       // a date or period for the remedy
	Workaround = "workaround" // something to use meanwhile
	Followup   = "followup"   // who comes back, and when
	Written    = "written"    // a written confirmation
)

// Elements lists the five elements.
var Elements = []string{Impact, Date, Workaround, Followup, Written}

// The signs of a bad answer. The first four are read from the text; the
// last two follow from missing elements.
const (
	Blame         = "blame"          // a third party blamed
	VagueDate     = "vague_date"     // "as soon as possible", "순차적으로"
	Policy        = "policy"         // "our policy" without citing it
	Goodwill      = "goodwill"       // a gesture below what is owed
	IgnoresImpact = "ignores_impact" // no impact acknowledged
	NoUrgency     = "no_urgency"     // neither a date nor a follow-up
)

// Signs lists the signs in the order they are reported.
var Signs = []string{Blame, VagueDate, Policy, Goodwill, IgnoresImpact, NoUrgency}

// Verdict is one element or sign: whether it was found, and the sentence
// that shows it ("" when not found, or for a sign that follows from
// something missing).
type Verdict struct {
	Key      string `json:"key"`
	Found    bool   `json:"found"`
	Sentence string `json:"sentence"`
}

// Check compares the reply with what the case asks for or the law says.
type Check struct {
	Key     string        `json:"key"`               // amount_missing, amount_short, amount_ok, law_no_date, law_late
	Offered *Amount       `json:"offered,omitempty"` // the most the reply names in the case's currency
	Asked   *Amount       `json:"asked,omitempty"`   // the case's amount
	Latest  casefile.Date `json:"latest"`            // the latest date the reply gives, for law_late
	Law     string        `json:"law,omitempty"`     // the rights fact's key (kr_refund, eu_refund, uk_refund)
	Due     casefile.Date `json:"due"`               // the legal deadline, for law checks
}

// Result is the grade of a reply and what it promises.
type Result struct {
	Lang     string     `json:"lang"`
	Form     Form       `json:"form"`
	Sent     *time.Time `json:"sent"` // the mail's Date header
	Subject  string     `json:"subject"`
	Sender   string     `json:"sender"`
	Found    int        `json:"found"` // elements found, of 5
	Elements []Verdict  `json:"elements"`
	Signs    []Verdict  `json:"signs"`
	Checks   []Check    `json:"checks"`
	Tickets  []string   `json:"tickets"`
	Amounts  []Amount   `json:"amounts"`
	Promises []Promise  `json:"promises"`
	// LawDue is the legal refund deadline counted from the reply, when a
	// rule applies; the draft asks for the remedy by it.
	LawDue casefile.Date `json:"law_due"`
	LawKey string        `json:"law_key"`
}

// Element returns the verdict for key.
func (r Result) Element(key string) Verdict { return find(r.Elements, key) }

// Sign returns the verdict for key.
func (r Result) Sign(key string) Verdict { return find(r.Signs, key) }

func find(vs []Verdict, key string) Verdict {
	for _, v := range vs {
		if v.Key == key {
			return v
		}
	}
	return Verdict{Key: key}
}

// DetectLang is "ko" when most letters of s are Hangul, else "en".
func DetectLang(s string) string {
	hangul, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Hangul, r) {
				hangul++
			}
		}
	}
	if letters > 0 && hangul*5 >= letters {
		return "ko"
	}
	return "en"
}

// Grade grades the reply m against the five elements and the signs, in
// the reply's own language, compares it with the case c (its amount, its
// remedy and the law of its jurisdiction), and picks out its tickets,
// amounts, dates and sender. now is used when the reply has no date.
func Grade(m Message, c casefile.Case, now time.Time, loc *time.Location) (Result, error) {
	lang := DetectLang(m.Text)
	rs, err := rulesFor(lang)
	if err != nil {
		return Result{}, err
	}
	ref := now
	res := Result{Lang: lang, Form: m.Form, Subject: m.Subject}
	if !m.Date.IsZero() {
		ref = m.Date
		sent := m.Date.In(loc)
		res.Sent = &sent
	}
	b := companyText(m, rs)
	if b.chat {
		res.Form = FormChat
	}
	sents := sentences(b.lines)

	first := func(test func(string) bool) Verdict {
		for _, s := range sents {
			if test(s) {
				return Verdict{Found: true, Sentence: s}
			}
		}
		return Verdict{}
	}
	// A follow-up says who comes back and when: "as soon as possible"
	// is no when.
	isFollowup := func(s string) bool { return rs.any("followup", s) && !rs.any("vague_date", s) }
	verdicts := map[string]Verdict{
		Impact: first(func(s string) bool { return rs.any("impact", s) && !rs.any("impact_not", s) }),
		Date: first(func(s string) bool {
			if !rs.any("commit", s) || isFollowup(s) {
				return false
			}
			return rs.any("date", s) || len(datesIn(s, ref, loc, rs)) > 0
		}),
		Workaround: first(func(s string) bool { return rs.any("workaround", s) }),
		Followup:   first(isFollowup),
		Written:    first(func(s string) bool { return rs.any("written", s) }),
	}
	for _, k := range Elements {
		v := verdicts[k]
		v.Key = k
		if v.Found {
			res.Found++
		}
		res.Elements = append(res.Elements, v)
	}

	// What it promises: a commitment with a date on or after the reply.
	for _, s := range sents {
		if !rs.any("future", s) {
			continue
		}
		if ds := datesIn(s, ref, loc, rs); len(ds) > 0 {
			res.Promises = append(res.Promises, Promise{Text: shorten(s, 200), Due: ds[0]})
		}
	}
	all := strings.Join(b.lines, "\n")
	res.Tickets = findTickets(m.Subject, all, rs)
	for _, s := range sents {
		res.Amounts = append(res.Amounts, findAmounts(s)...)
	}
	// The sender is a person's name: a team or a department is no one
	// to write "Dear ..." to, nor a rep to record.
	// A mail's From name counts only when the body is signed with it;
	// otherwise it is usually the company's.
	from := ""
	if m.From != "" && strings.Contains(all, m.From) {
		from = m.From
	}
	for _, name := range []string{b.agent, findSender(all, rs), from} {
		if name != "" && !rs.any("role", name) &&
			(c.Company == "" || !strings.Contains(strings.ToLower(name), strings.ToLower(c.Company))) {
			res.Sender = name
			break
		}
	}

	// The signs.
	owed := amountValue(c.Amount)
	sign := map[string]Verdict{
		Blame:     first(func(s string) bool { return rs.any("blame", s) }),
		VagueDate: first(func(s string) bool { return rs.any("vague_date", s) }),
		Policy:    first(func(s string) bool { return rs.any("policy", s) && !rs.any("policy_cited", s) }),
		Goodwill: first(func(s string) bool {
			if !rs.any("goodwill", s) {
				return false
			}
			// A gesture is below what is owed unless it names at least
			// the case's amount in its currency.
			for _, a := range findAmounts(s) {
				if c.Amount != "" && a.Currency == c.Currency && amountValue(a.Value) >= owed {
					return false
				}
			}
			return true
		}),
	}
	sign[IgnoresImpact] = Verdict{Found: !verdicts[Impact].Found}
	sign[NoUrgency] = Verdict{Found: !verdicts[Date].Found && !verdicts[Followup].Found}
	for _, k := range Signs {
		v := sign[k]
		v.Key = k
		res.Signs = append(res.Signs, v)
	}
	res.Checks = compare(res, c, ref, loc)
	if law, ok := lawFor(c); ok {
		res.LawKey, res.LawDue = law.Key, law.deadline(ref.In(loc))
	}
	return res, nil
}

// moneyKinds are the kinds whose remedy is a sum of money, so a reply
// that names none leaves the amount to confirm.
var moneyKinds = map[casefile.Kind]bool{casefile.KindRefund: true, casefile.KindBillingError: true, casefile.KindCancellation: true}

// moneyRemedy reports whether the case asks for money: its kind is about
// money, or its outcome names its amount ("a refund of the 240.00 EUR").
func moneyRemedy(c casefile.Case) bool {
	if moneyKinds[c.Kind] {
		return true
	}
	whole, _, _ := strings.Cut(c.Amount, ".")
	outcome := strings.ReplaceAll(c.Outcome, ",", "")
	return whole != "" && strings.Contains(outcome, whole)
}

// compare checks the amount offered against the case's, and the date
// against the law's clock where one applies.
func compare(res Result, c casefile.Case, ref time.Time, loc *time.Location) []Check {
	var out []Check
	if c.Amount != "" && c.Currency != "" && moneyRemedy(c) {
		asked := &Amount{Value: c.Amount, Currency: c.Currency}
		var best *Amount
		for i, a := range res.Amounts {
			if a.Currency == c.Currency && (best == nil || amountValue(a.Value) > amountValue(best.Value)) {
				best = &res.Amounts[i]
			}
		}
		switch {
		case best == nil:
			out = append(out, Check{Key: "amount_missing", Asked: asked})
		case amountValue(best.Value) < amountValue(c.Amount):
			out = append(out, Check{Key: "amount_short", Offered: best, Asked: asked})
		default:
			out = append(out, Check{Key: "amount_ok", Offered: best, Asked: asked})
		}
	}
	if law, ok := lawFor(c); ok {
		due := law.deadline(ref.In(loc))
		latest := casefile.Date{}
		for _, p := range res.Promises {
			if latest.IsZero() || latest.Before(p.Due.Day(loc)) {
				latest = p.Due.Day(loc)
			}
		}
		switch {
		case latest.IsZero():
			out = append(out, Check{Key: "law_no_date", Law: law.Key, Due: due})
		case due.Before(latest):
			out = append(out, Check{Key: "law_late", Law: law.Key, Due: due, Latest: latest})
		}
	}
	return out
}

// shorten cuts s to at most n runes at a word boundary, ending in "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
