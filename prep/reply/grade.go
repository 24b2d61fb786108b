package reply

import (
	"strings"
	"time"
	"unicode"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
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
	Law     string        `json:"law,omitempty"`     // the statute id of the rights table (kr-ecommerce-18, eu-crd, uk-ccr)
	Due     casefile.Date `json:"due"`               // the legal deadline, for law checks
	// Days is the statute's period (BusinessDays: Monday to Friday), and
	// Returned the recorded return it counts from, when it counts from
	// one (zero: counted from the reply), as the table gives them.
	Days         int           `json:"days,omitempty"`
	BusinessDays bool          `json:"business_days,omitempty"`
	Returned     casefile.Date `json:"returned"`
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
	// LawDue is the legal refund deadline, when a statute of the rights
	// table gives one (LawKey, its id), counted from the recorded return
	// when the statute counts from it, else from the reply; the draft
	// asks for the remedy by it.
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
// The whole case f is read for the law: the statutes that apply to it
// (rights.Statutes) depend on its channel of sale, and a refund period
// may count from its recorded return.
func Grade(m Message, f casefile.Full, now time.Time, loc *time.Location) (Result, error) {
	c := f.Case
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
	law, hasLaw := lawFor(f, ref, loc)
	res.Checks = compare(res, c, law, hasLaw, loc)
	if hasLaw {
		res.LawKey, res.LawDue = law.Law, law.Due
	}
	return res, nil
}

// refundKinds are the kinds whose remedy is the refund a statute's
// period is about (a withdrawal or a cancellation paid back).
var refundKinds = map[casefile.Kind]bool{casefile.KindRefund: true, casefile.KindCancellation: true}

// lawFor is the refund period of the rights table that applies to f, as
// a check without its key: the first statute of rights.Statutes with a
// period (within_days), counted from the recorded return when the
// statute counts from the return and the case records it, else from the
// day of the reply, ref.
func lawFor(f casefile.Full, ref time.Time, loc *time.Location) (Check, bool) {
	if !refundKinds[f.Kind] {
		return Check{}, false
	}
	for _, st := range rights.Statutes(f) {
		if st.WithinDays == 0 {
			continue
		}
		law := Check{Law: st.ID, Days: st.WithinDays, BusinessDays: st.BusinessDays}
		from := casefile.DateOf(ref.In(loc))
		if st.From == "return" && !f.ReturnedDate.IsZero() {
			from, law.Returned = f.ReturnedDate, f.ReturnedDate
		}
		if st.BusinessDays {
			law.Due = addBusinessDays(from, st.WithinDays)
		} else {
			law.Due = from.AddDays(st.WithinDays)
		}
		return law, true
	}
	return Check{}, false
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
// against the law's period (law) where one applies.
func compare(res Result, c casefile.Case, law Check, hasLaw bool, loc *time.Location) []Check {
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
	if hasLaw {
		latest := casefile.Date{}
		for _, p := range res.Promises {
			if latest.IsZero() || latest.Before(p.Due.Day(loc)) {
				latest = p.Due.Day(loc)
			}
		}
		switch {
		case latest.IsZero():
			law.Key = "law_no_date"
			out = append(out, law)
		case law.Due.Before(latest):
			law.Key, law.Latest = "law_late", latest
			out = append(out, law)
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
