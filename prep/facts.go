package prep

import (
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Facts is a case as the templates see it: every value already formatted
// in the case's language, empty strings for what is not known (templates
// test them with {{if}} or orPlaceholder), and account references only
// masked. Sheets, read-backs and scripts all render from Facts, so a fact
// is worded the same way everywhere.
type Facts struct {
	Lang string         `json:"lang"`
	Loc  *time.Location `json:"-"`
	Now  time.Time      `json:"-"`

	ID               int64  `json:"id"`
	Title            string `json:"title"`
	Company          string `json:"company"`
	Product          string `json:"product"`
	Problem          string `json:"problem"`
	Outcome          string `json:"outcome"`
	Fallback         string `json:"fallback"`
	Kind             string `json:"kind"`
	Jurisdiction     string `json:"jurisdiction"`
	Status           string `json:"status"`
	Amount           string `json:"amount"` // "€49.90", "1,290,000원", or ""
	Purchased        string `json:"purchased"`
	ReturnBy         string `json:"return_by"`
	WarrantyEnd      string `json:"warranty_end"`
	Opened           string `json:"opened"`
	DaysOpen         int    `json:"days_open"`
	ReturnByDaysLeft int    `json:"return_by_days_left"` // meaningful only when HasReturnBy
	WarrantyDaysLeft int    `json:"warranty_days_left"`  // meaningful only when HasWarranty
	HasReturnBy      bool   `json:"has_return_by"`
	HasWarranty      bool   `json:"has_warranty"`

	Tickets  []TicketFact  `json:"tickets"`
	Promises []PromiseFact `json:"promises"`
	Broken   []PromiseFact `json:"-"` // subsets of Promises, for templates
	Overdue  []PromiseFact `json:"-"`
	Pending  []PromiseFact `json:"-"`
	Reps     []string      `json:"reps"` // distinct rep names, in order of first contact
	Refs     []RefFact     `json:"refs"`
	Timeline []NoteFact    `json:"timeline"`
	Research []NoteFact    `json:"research"`
	Tried    []NoteFact    `json:"tried"`
	// Attached is the evidence kept with the case, oldest first, and
	// Enclosed the line that words it ("3 photos, order confirmation"),
	// set by the sheet and the scripts.
	Attached []EvidenceFact `json:"evidence"`
	Enclosed string         `json:"enclosed"`

	Contacts    int    `json:"contacts"` // how many contacts so far
	LastContact string `json:"last_contact"`

	// ContactLog is every contact, oldest first: the read-back picks one.
	ContactLog []ContactFact `json:"-"`

	letter bool // dates as letters write them (see newFacts)
}

// date formats d as the facts' dates are formatted.
func (x Facts) date(d casefile.Date) string {
	if x.letter {
		return FormatLetterDate(x.Lang, d, x.Loc)
	}
	return FormatDate(x.Lang, d, x.Loc)
}

// TicketFact is a ticket as templates see it.
type TicketFact struct {
	Number    string `json:"number"`
	Label     string `json:"label"`
	Expected  string `json:"expected"`
	ContactID int64  `json:"contact_id"` // 0 when not tied to a contact
}

// PromiseFact is a promise as templates see it.
type PromiseFact struct {
	ID                  int64
	Text, By, Due, Made string
	Status              string
	Confirmed           bool
	DaysOverdue         int   // > 0 when pending past its due date
	ContactID           int64 // 0 when not tied to a contact
	// Earlier are the due dates it had before the company asked for more
	// time, oldest first ("first promised for 20 Nov, then 27 Nov, now
	// 4 Dec"); empty when it was never extended.
	Earlier []string
}

// RefFact is an account reference, masked: templates never get the value.
type RefFact struct {
	Label  string `json:"label"`
	Masked string `json:"value"` // masked unless the caller revealed it
}

// NoteFact is a note as templates see it.
type NoteFact struct {
	Text      string `json:"text"`
	SourceURL string `json:"source_url"`
	At        string `json:"at"`
}

// NewFacts formats f for templates in lang, as of now in loc.
func NewFacts(lang string, f casefile.Full, now time.Time, loc *time.Location) Facts {
	return newFacts(lang, f, now, loc, false)
}

// newFacts is NewFacts; letter dates every date as letters do ("14
// December 2026") rather than with its weekday ("Mon 14 Dec 2026").
func newFacts(lang string, f casefile.Full, now time.Time, loc *time.Location, letter bool) Facts {
	c := f.Case
	FormatDate := FormatDate
	if letter {
		FormatDate = FormatLetterDate
	}
	x := Facts{letter: letter,
		Lang: lang, Loc: loc, Now: now,
		ID: c.ID, Title: c.Title, Company: c.Company, Product: c.Product, Problem: c.Problem,
		Outcome: c.Outcome, Fallback: c.Fallback, Kind: string(c.Kind), Jurisdiction: string(c.Jurisdiction),
		Status:    string(c.Status),
		Amount:    c.Money().Format(lang),
		Purchased: FormatDate(lang, c.PurchaseDate, loc), ReturnBy: FormatDate(lang, c.ReturnWindowEnd, loc),
		WarrantyEnd: FormatDate(lang, c.WarrantyEnd, loc),
		Opened:      FormatDate(lang, casefile.DateOf(c.OpenedAt.In(loc)), loc),
		DaysOpen:    -casefile.DateOf(c.OpenedAt.In(loc)).DaysUntil(now, loc),
		HasReturnBy: !c.ReturnWindowEnd.IsZero(), HasWarranty: !c.WarrantyEnd.IsZero(),
		Contacts: len(f.Contacts),
	}
	if x.HasReturnBy {
		x.ReturnByDaysLeft = c.ReturnWindowEnd.DaysUntil(now, loc)
	}
	if x.HasWarranty {
		x.WarrantyDaysLeft = c.WarrantyEnd.DaysUntil(now, loc)
	}
	for _, t := range f.Tickets {
		x.Tickets = append(x.Tickets, TicketFact{Number: t.Number, Label: t.Label, Expected: FormatDate(lang, t.Expected, loc), ContactID: idOf(t.ContactID)})
	}
	for _, p := range f.Promises {
		pf := PromiseFact{ID: p.ID, Text: p.Text, By: p.By, Due: FormatDate(lang, p.Due, loc),
			Made: FormatDate(lang, casefile.DateOf(p.At.In(loc)), loc), Status: string(p.Status), Confirmed: p.Confirmed, ContactID: idOf(p.ContactID)}
		for _, e := range f.ExtensionsOf(p.ID) {
			pf.Earlier = append(pf.Earlier, FormatDate(lang, e.From, loc))
		}
		if p.Status == casefile.PromisePending && p.Due.Overdue(now, loc) {
			pf.DaysOverdue = max(1, -p.Due.DaysUntil(now, loc))
			x.Overdue = append(x.Overdue, pf)
		}
		switch p.Status {
		case casefile.PromiseBroken:
			x.Broken = append(x.Broken, pf)
		case casefile.PromisePending:
			x.Pending = append(x.Pending, pf)
		}
		x.Promises = append(x.Promises, pf)
	}
	seen := map[string]bool{}
	for _, ct := range f.Contacts {
		if ct.Rep != "" && !seen[ct.Rep] {
			seen[ct.Rep] = true
			x.Reps = append(x.Reps, ct.Rep)
		}
		x.LastContact = FormatDate(lang, casefile.DateOf(ct.At.In(loc)), loc)
		x.ContactLog = append(x.ContactLog, ContactFact{ID: ct.ID, Channel: string(ct.Channel), Rep: ct.Rep, At: x.LastContact})
	}
	for _, r := range f.Refs {
		x.Refs = append(x.Refs, RefFact{Label: r.Label, Masked: r.Masked()})
	}
	x.Attached = evidenceFacts(lang, f.Evidence, loc)
	for _, n := range f.Notes {
		nf := NoteFact{Text: n.Text, SourceURL: n.SourceURL, At: FormatDate(lang, casefile.DateOf(n.At.In(loc)), loc)}
		switch n.Kind {
		case casefile.NoteResearch:
			x.Research = append(x.Research, nf)
		case casefile.NoteTried:
			x.Tried = append(x.Tried, nf)
		default:
			x.Timeline = append(x.Timeline, nf)
		}
	}
	return x
}

func idOf(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
