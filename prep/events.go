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
	at           time.Time
	order        int // ties: what came out of a contact follows it
}

// events merges the case's entries into one history, oldest first. Only
// the free text the case already has goes in; account references were
// scrubbed from it before.
func events(lang string, f casefile.Full, x Facts, loc *time.Location) []EventFact {
	var es []EventFact
	day := func(t time.Time) string { return FormatDate(lang, casefile.DateOf(t.In(loc)), loc) }
	if !f.PurchaseDate.IsZero() {
		t := f.PurchaseDate.Time(loc)
		es = append(es, EventFact{Kind: "bought", At: day(t), Text: f.Product, Amount: x.Amount, at: t})
	}
	for _, n := range f.Notes {
		if n.Kind == casefile.NoteResearch {
			continue // research backs the customer up; it is not something that happened
		}
		kind := "note"
		if n.Kind == casefile.NoteTried {
			kind = "tried"
		}
		es = append(es, EventFact{Kind: kind, At: day(n.At), Text: n.Text, at: n.At, order: 3})
	}
	for _, c := range f.Contacts {
		es = append(es, EventFact{Kind: "contact", At: day(c.At), Channel: string(c.Channel), Who: c.Rep,
			Label: c.Department, Text: c.Summary, at: c.At})
	}
	for _, t := range f.Tickets {
		es = append(es, EventFact{Kind: "ticket", At: day(t.CreatedAt), Text: t.Number, Label: t.Label,
			Due: FormatDate(lang, t.Expected, loc), at: t.CreatedAt, order: 1})
	}
	for i, p := range f.Promises {
		if p.Status == casefile.PromiseCancelled {
			continue
		}
		pf := x.Promises[i]
		es = append(es, EventFact{Kind: "promise", At: pf.Made, Text: p.Text, Who: p.By, Due: pf.Due,
			Status: pf.Status, DaysOverdue: pf.DaysOverdue, at: p.CreatedAt, order: 2})
	}
	for _, e := range f.Escalations {
		es = append(es, EventFact{Kind: "step", At: day(e.At), Step: string(e.Step), Answer: string(e.Answer),
			Text: e.Note, at: e.At, order: 4})
	}
	sort.SliceStable(es, func(i, j int) bool {
		if !es[i].at.Equal(es[j].at) {
			return es[i].at.Before(es[j].at)
		}
		return es[i].order < es[j].order
	})
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
