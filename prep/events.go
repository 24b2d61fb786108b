package prep

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redress-cli/redress/casefile"
)

// EventFact is one dated line of a case's history, as letters list it:
// the purchase, a timeline note, something tried, a contact, a ticket, a
// promise (with what became of it) or an escalation step. Kind says which;
// the other fields are set as the kind needs them.
type EventFact struct {
	Kind         string // bought, note, tried, contact, ticket, promise, step
	At           string
	Text         string // note text, contact summary, ticket number, promise, step note, product
	Who          string // rep, or who made a promise
	Label        string // department, ticket label
	Channel      string
	Amount       string
	Due          string // promise due date, ticket expected date
	Status       string // promise status
	DaysOverdue  int
	Step, Answer string
	// Earlier are a promise's earlier due dates, oldest first, when the
	// company asked for more time.
	Earlier []string
	// Own is set when the line is for the customer's own eyes (the call
	// sheet), not for a letter to the company: a promise's maker is then
	// "they", not "you".
	Own bool
	key casefile.TimelineKey
}

// events merges the case's entries into one history, oldest first. Only
// the free text the case already has goes in; account references were
// scrubbed from it before.
func events(lang string, f casefile.Full, x Facts, loc *time.Location) []EventFact {
	var es []EventFact
	keys := casefile.NewKeyer(f, loc)
	day := func(t time.Time) string { return x.date(casefile.DateOf(t.In(loc))) }
	if !f.PurchaseDate.IsZero() {
		t := f.PurchaseDate.Time(loc)
		// The case's amount is the price only for goods bought; for a
		// billing error, a cancellation, an outage or a company error it
		// is the sum in dispute, not what the purchase cost.
		price := ""
		switch f.Kind {
		case casefile.KindRefund, casefile.KindDamagedItem, casefile.KindDeliveryDelay, casefile.KindDefect:
			price = x.Amount
		}
		es = append(es, EventFact{Kind: "bought", At: day(t), Text: f.Product, Amount: price, key: keys.Key(t, casefile.OrderOther, nil, 0)})
	}
	for _, n := range f.Notes {
		if n.Kind == casefile.NoteResearch {
			continue // research backs the customer up; it is not something that happened
		}
		kind := "note"
		if n.Kind == casefile.NoteTried {
			kind = "tried"
		}
		es = append(es, EventFact{Kind: kind, At: day(n.At), Text: n.Text, key: keys.Key(n.At, casefile.OrderNote, n.ContactID, n.ID)})
	}
	for _, c := range f.Contacts {
		es = append(es, EventFact{Kind: "contact", At: day(c.At), Channel: string(c.Channel), Who: c.Rep,
			Label: c.Department, Text: c.Summary, key: keys.Key(c.At, casefile.OrderContact, nil, c.ID)})
	}
	for _, t := range f.Tickets {
		es = append(es, EventFact{Kind: "ticket", At: day(t.At), Text: t.Number, Label: t.Label,
			Due: x.date(t.Expected), key: keys.Key(t.At, casefile.OrderTicket, t.ContactID, t.ID)})
	}
	for i, p := range f.Promises {
		if p.Status == casefile.PromiseCancelled {
			continue
		}
		pf := x.Promises[i]
		es = append(es, EventFact{Kind: "promise", At: pf.Made, Text: p.Text, Who: p.By, Due: pf.Due,
			Status: pf.Status, DaysOverdue: pf.DaysOverdue, Earlier: pf.Earlier,
			key: keys.Key(p.At, casefile.OrderPromise, p.ContactID, p.ID)})
	}
	for _, e := range f.Escalations {
		es = append(es, EventFact{Kind: "step", At: day(e.At), Step: string(e.Step), Answer: string(e.Answer),
			Text: e.Note, key: keys.Key(e.At, casefile.OrderStep, nil, e.ID)})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].key.Less(es[j].key) })
	return es
}

// sentence ends s with a full stop unless it already ends with one (or
// with ! ? … or a closing quote), so "{{.Problem}} {{.Detail}}" reads as
// two sentences whatever the customer typed.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?…。)\"'”’", r) || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return s
	}
	return s + "."
}
