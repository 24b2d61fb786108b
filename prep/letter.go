package prep

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// LetterFacts are the facts every outgoing text needs, worked out once so
// the follow-up, the complaint, the card dispute and the call sheet say the
// same thing: one remedy with its amount and a date, what happens next if
// it does not, the law that applies, how long it has lasted, and which of
// the five elements of a good answer the company still owes.
type LetterFacts struct {
	// RemedyAction is what the customer asks the company to do: refund,
	// replace, repair, credit, reverse, cancel, deliver or fix. It comes
	// from the outcome the customer typed when it names one, else from
	// the kind of the case.
	RemedyAction string `json:"remedy_action"`
	// Remedy is that action as a phrase in the output language, with the
	// amount in its convention: "refund £649.00 to my original payment
	// method" (after "Please"), "649,000원을 원래 결제 수단으로 환불" (before
	// "해 주시기 바랍니다").
	Remedy string `json:"remedy"`
	// RemedyDue is the day it must be done by: ReplyDays (14) from today,
	// or sooner where a statute of the case gives the trader less time
	// (Korean art. 18: 3 business days). RemedyBy is it as a letter writes
	// it ("14 December 2026", "2026년 12월 14일(월)").
	RemedyDue  casefile.Date `json:"remedy_due"`
	RemedyBy   string        `json:"remedy_by"`
	RemedyDays int           `json:"remedy_days"` // days from today to RemedyDue
	RemedyLaw  string        `json:"remedy_law"`  // the statute id that set a shorter date, or ""
	// ConfirmBy is the day written confirmation is asked for: 7 days from
	// today, or RemedyBy when that is sooner. A letter asks for it apart
	// from the remedy.
	ConfirmBy string `json:"confirm_by"`

	// NextStepID is where the case goes if the remedy is not given by
	// RemedyBy (rights.NextStep): a body id, "card-issuer" or "bank", or
	// "" when the jurisdiction has no table. NextStepName is the body's
	// name in the language; NextStepLaw the statute behind the step (s. 75,
	// the FCBA, Regulation E, the Direct Debit Guarantee) or "".
	NextStepID   string `json:"next_step_id"`
	NextStepName string `json:"next_step_name"`
	NextStepLaw  string `json:"next_step_law"`
	NextStepCite string `json:"next_step_cite"` // that statute as a letter cites it
	// Financial: the case's sector is a financial product, a card or a
	// bank debit, where the financial regulators (CFPB, FOS) come in.
	Financial bool `json:"financial"`
	// NextStep is the next step as the clause after "I will" ("refer my
	// complaint to the Financial Ombudsman Service"); in Korean the whole
	// predicate ("한국소비자원에 피해구제를 신청하겠습니다").
	NextStep string `json:"next_step"`

	// Cites are the statutes of the rights table that apply to the case's
	// jurisdiction, sector, kind and amount, as a letter cites them;
	// CiteIDs their ids. Findings are the customer's own research notes.
	Cites    []string `json:"cites"`
	CiteIDs  []string `json:"cite_ids"`
	Findings []string `json:"findings"`

	// FirstEvent is the day the trouble started, by when things happened
	// (the first delivery, note, contact, ticket, promise or step; the day
	// the case was opened when it holds none), and DaysSince the days from
	// it to today.
	FirstEvent string `json:"first_event"`
	DaysSince  int    `json:"days_since"`
	// ContactCount is how many times the customer has contacted the
	// company; the next contact is ContactCount+1.
	ContactCount int `json:"contact_count"`
	NextContact  int `json:"next_contact"` // ContactCount+1: "this is my third contact"

	// Owed are the elements of a good answer the company has not given so
	// far, as far as the case shows.
	Owed Owed `json:"owed"`
}

// Owed says which of the five elements of a good answer (from the
// company-side playbooks) the case does not show the company giving:
// the impact acknowledged, a date, a workaround meanwhile, a follow-up
// with who and when, written confirmation. The case records no apology and
// no workaround, so those two are always owed; a date is given by a
// pending promise or ticket with a date still ahead, a follow-up by a
// pending promise with a name and a date, written confirmation by a
// pending promise marked confirmed.
type Owed struct {
	Impact     bool `json:"impact"`
	Date       bool `json:"date"`
	Workaround bool `json:"workaround"`
	Followup   bool `json:"followup"`
	Written    bool `json:"written"`
}

// Any reports whether anything is owed.
func (o Owed) Any() bool { return o.Impact || o.Date || o.Workaround || o.Followup || o.Written }

// Remedy actions.
const (
	ActRefund  = "refund"
	ActReplace = "replace"
	ActRepair  = "repair"
	ActCredit  = "credit"
	ActReverse = "reverse"
	ActCancel  = "cancel"
	ActDeliver = "deliver"
	ActFix     = "fix"
)

// outcomeWords map words of a typed outcome to the action it asks for,
// (a "reversal of the charge" is a reversal even though the money comes
// back). words:ok matching, not prose.
var outcomeWords = []struct {
	action string
	words  []string
}{
	{ActReverse, []string{"reverse", "reversal", "remove the charge", "duplicate", "결제 취소", "청구 취소", "이중 결제", "중복 결제"}},
	{ActCancel, []string{"cancel", "terminate", "해지", "해약"}},
	{ActRefund, []string{"refund", "money back", "reimburse", "환불", "환급", "반환"}},
	{ActReplace, []string{"replace", "exchange", "new one", "교환", "새 제품"}},
	{ActRepair, []string{"repair", "수리"}},
	{ActCredit, []string{"credit", "compensat", "discount", "보상", "감면", "할인"}},
	{ActDeliver, []string{"deliver", "ship", "배송", "발송"}},
}

// kindAction is the action of a kind when the outcome names none.
var kindAction = map[casefile.Kind]string{
	casefile.KindRefund: ActRefund, casefile.KindDamagedItem: ActReplace, casefile.KindDeliveryDelay: ActDeliver,
	casefile.KindBillingError: ActReverse, casefile.KindCancellation: ActCancel, casefile.KindDefect: ActRepair,
	casefile.KindServiceOutage: ActCredit, casefile.KindCompanyError: ActFix,
}

// RemedyAction is the one action the case asks for: the one the outcome
// names first ("repair, or else a replacement" is a repair), else the
// kind's. A company error with an amount is a refund.
func RemedyAction(c casefile.Case) string {
	o := strings.ToLower(c.Outcome)
	best, at := "", -1
	for _, w := range outcomeWords {
		for _, word := range w.words {
			if i := strings.Index(o, word); i >= 0 && (at < 0 || i < at) {
				best, at = w.action, i
			}
		}
	}
	if best != "" {
		return best
	}
	a, ok := kindAction[c.Kind]
	if !ok {
		a = ActFix
	}
	if a == ActFix && c.Amount != "" {
		a = ActRefund
	}
	return a
}

// NewLetterFacts works out the letter facts of f in lang as of now, with
// the remedy and the next step worded from text/<lang>/parts.tmpl (for
// the call sheet and `next`; the scripts get them in ScriptFacts).
func NewLetterFacts(lang string, f casefile.Full, now time.Time, loc *time.Location) (LetterFacts, error) {
	x := newLetterFacts(lang, f, now, loc)
	err := x.word(lang, NewFacts(lang, f, now, loc), nil)
	return x, err
}

// word renders the phrases of x (Remedy, NextStep) from parts.tmpl.
func (x *LetterFacts) word(lang string, facts Facts, ph *placeholders) error {
	data := struct {
		Facts
		LetterFacts
	}{facts, *x}
	for _, p := range []struct {
		dst  *string
		name string
	}{{&x.Remedy, "remedy"}, {&x.NextStep, "next-step"}} {
		s, err := execute(lang, "parts", p.name, data, ph)
		if err != nil {
			return err
		}
		*p.dst = strings.TrimSpace(s)
	}
	return nil
}

// Days before written confirmation is asked for.
const confirmDays = followupDays

// newLetterFacts works out the letter facts of f in lang as of now; the
// phrases (Remedy, the next step) are rendered by the caller from
// parts.tmpl, which needs the rest.
func newLetterFacts(lang string, f casefile.Full, now time.Time, loc *time.Location) LetterFacts {
	today := casefile.DateOf(now.In(loc))
	x := LetterFacts{RemedyAction: RemedyAction(f.Case), ContactCount: len(f.Contacts), NextContact: len(f.Contacts) + 1}

	x.RemedyDays = replyDays
	x.RemedyDue = today.AddDays(replyDays)
	for _, st := range rights.Statutes(f) {
		x.Cites = append(x.Cites, st.Cite[lang])
		x.CiteIDs = append(x.CiteIDs, st.ID)
		if st.WithinDays > 0 {
			due := today.AddDays(st.WithinDays)
			if st.BusinessDays {
				due = addBusinessDays(today, st.WithinDays, loc)
			}
			if due.Before(x.RemedyDue) {
				x.RemedyDue, x.RemedyLaw = due, st.ID
				x.RemedyDays = due.DaysUntil(now, loc)
			}
		}
	}
	x.RemedyBy = FormatLetterDate(lang, x.RemedyDue, loc)
	confirm := today.AddDays(confirmDays)
	if x.RemedyDue.Before(confirm) {
		confirm = x.RemedyDue
	}
	x.ConfirmBy = FormatLetterDate(lang, confirm, loc)

	next := rights.NextStep(f)
	x.NextStepID = next.ID
	if next.Body.ID != "" {
		x.NextStepName = next.Body.Name[lang]
	}
	x.NextStepLaw = next.Statute.ID
	x.NextStepCite = next.Statute.Cite[lang]
	switch rights.Sector(f.Case) {
	case casefile.SectorFinancial, casefile.SectorCard, casefile.SectorBankDebit:
		x.Financial = true
	}

	for _, n := range f.Notes {
		if n.Kind == casefile.NoteResearch && strings.TrimSpace(n.Text) != "" {
			x.Findings = append(x.Findings, sentence(n.Text))
		}
	}

	first := firstEvent(f, loc)
	x.FirstEvent = FormatLetterDate(lang, first, loc)
	x.DaysSince = max(0, -first.DaysUntil(now, loc))

	x.Owed = owed(f, now, loc)
	return x
}

// firstEvent is the day the trouble started: the earliest note (not
// research), contact, ticket, promise or escalation, by when it happened,
// or the delivery of goods that arrived damaged; the purchase is not
// trouble, nor is a delivery that went well. A case with none of them
// counts from the day it was opened.
func firstEvent(f casefile.Full, loc *time.Location) casefile.Date {
	var first time.Time
	see := func(t time.Time) {
		if !t.IsZero() && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	if !f.DeliveredDate.IsZero() && f.Kind == casefile.KindDamagedItem {
		see(f.DeliveredDate.Time(loc))
	}
	for _, n := range f.Notes {
		if n.Kind != casefile.NoteResearch {
			see(n.At)
		}
	}
	for _, c := range f.Contacts {
		see(c.At)
	}
	for _, t := range f.Tickets {
		see(t.At)
	}
	for _, p := range f.Promises {
		see(p.At)
	}
	for _, e := range f.Escalations {
		see(e.At)
	}
	if first.IsZero() {
		see(f.OpenedAt)
	}
	if first.IsZero() {
		return casefile.Date{}
	}
	return casefile.DateOf(first.In(loc))
}

// owed: see Owed.
func owed(f casefile.Full, now time.Time, loc *time.Location) Owed {
	o := Owed{Impact: true, Date: true, Workaround: true, Followup: true, Written: true}
	for _, p := range f.Promises {
		if p.Status != casefile.PromisePending {
			continue
		}
		ahead := !p.Due.IsZero() && !p.Due.Overdue(now, loc)
		if ahead {
			o.Date = false
			if strings.TrimSpace(p.By) != "" {
				o.Followup = false
			}
		}
		if p.Confirmed {
			o.Written = false
		}
	}
	for _, t := range f.Tickets {
		if !t.Expected.IsZero() && !t.Expected.Overdue(now, loc) {
			o.Date = false
		}
	}
	return o
}

// addBusinessDays is the day n working days (Monday to Friday) after
// from; public holidays are not known, so the date may be a day early,
// never late.
func addBusinessDays(from casefile.Date, n int, loc *time.Location) casefile.Date {
	d := from
	for n > 0 {
		d = d.AddDays(1)
		if wd := d.Time(loc).Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}
