package prep

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"sort"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep/text"
)

// Clock is a deadline that runs on a case (a statutory or regulator
// clock, or the end of a return window or warranty) as the dossier shows
// it: Key names it for the templates (the reminder rule), Summary says it
// in full and Source cites where the figure comes from ("" for the store's
// own windows). The caller gathers them (today from the reminders' clocks;
// the rights table will give the same facts).
type Clock struct {
	Key     string
	At      casefile.Date
	Summary string
	Source  string
}

// Amendment is a correction recorded in the case's history: what changed,
// when, from what to what. The dossier lists them so a reader sees that
// the record was corrected, not silently rewritten.
type Amendment struct {
	At          time.Time
	What        string // "promise 3 due", "evidence 2 deleted", …
	Before, Now string
}

// DossierInput is everything a dossier is made from.
type DossierInput struct {
	Full   casefile.Full
	Now    time.Time
	Loc    *time.Location
	Reveal bool // account references in full (masked by default)
	// Images holds the content of image evidence, by SHA-256, for the
	// thumbnails; evidence whose content is not here gets none.
	Images     map[string][]byte
	Clocks     []Clock
	Amendments []Amendment
}

// Dossier is what text/<lang>/dossier.tmpl renders: one self-contained
// HTML page for a regulator, an ombudsman or a card issuer.
type Dossier struct {
	Lang      string
	Generated string
	ID        int64
	Title     string
	Company   string
	Product   string
	Problem   string
	Outcome   string
	Fallback  string
	Amount    string
	Purchased string
	Opened    string
	DaysOpen  int
	Status    string
	// DayZero is the day the days are counted from: the first contact
	// with the company (FromContact), else the case's opening.
	DayZero     string
	FromContact bool
	Reps        []string
	Refs        []RefFact
	Revealed    bool

	Picture    Picture
	Chronology []Event
	Evidence   []EvidenceRow
	Amendments []AmendmentFact
	Clocks     []ClockFact

	CSS template.CSS
}

// Event is one dated line of the chronology. Kind names it for the
// template (contact, promise, promise-kept, promise-broken, promise-due,
// ticket, ticket-expected, note, research, tried, refusal, escalation,
// evidence, clock); the other fields are what that kind has.
type Event struct {
	at      time.Time
	order   int
	Kind    string
	When    string
	Day     int // days since the case was opened (negative before)
	ID      int64
	Channel string
	Who     string
	Minutes int64
	Text    string
	Due     string
	Extra   string // a ticket's label, a note's source, an answer
}

// EvidenceRow is a piece of evidence with its thumbnail (a data: URI of
// the image itself; empty for other files).
type EvidenceRow struct {
	EvidenceFact
	Thumb template.URL
}

// AmendmentFact is an Amendment as the template shows it.
type AmendmentFact struct {
	When, What, Before, Now string
}

// ClockFact is a Clock as the template shows it.
type ClockFact struct {
	Key, Date, Summary, Source string
	Day                        int
	Passed                     bool
}

//go:embed dossier.css
var dossierCSS string

// NewDossier assembles the dossier of a case in its language, as of now.
// Account reference values are masked everywhere, also where the customer
// typed them into free text, unless in.Reveal.
func NewDossier(in DossierInput) (Dossier, error) {
	f, loc, now := in.Full, in.Loc, in.Now
	lang := f.Lang
	if lang != "ko" {
		lang = "en"
	}
	if !in.Reveal {
		f = scrubRefs(f, casefile.Mask)
	}
	facts := NewFacts(lang, f, now, loc)
	d := Dossier{Lang: lang, Generated: FormatDate(lang, casefile.DateOf(now.In(loc)), loc), ID: f.ID,
		Title: f.Title, Company: f.Company, Product: f.Product, Problem: f.Problem, Outcome: f.Outcome,
		Fallback: f.Fallback, Amount: facts.Amount, Purchased: facts.Purchased, Opened: facts.Opened,
		DaysOpen: facts.DaysOpen, Status: string(f.Status), Reps: facts.Reps, Refs: facts.Refs, Revealed: in.Reveal,
		CSS: template.CSS(dossierCSS)}
	if in.Reveal {
		for i, r := range f.Refs {
			d.Refs[i].Masked = r.Value
		}
	}
	opened := dayZero(f, loc)
	d.DayZero, d.FromContact = FormatDate(lang, opened, loc), len(f.Contacts) > 0
	dayOf := func(t time.Time) int { return casefile.DateOf(t.In(loc)).DaysUntil(opened.Time(loc), loc) }
	var err error
	if d.Chronology, err = chronology(lang, f, in.Clocks, now, loc, dayOf); err != nil {
		return d, err
	}
	for _, e := range evidenceFacts(lang, f.Evidence, loc) {
		row := EvidenceRow{EvidenceFact: e}
		if data, ok := in.Images[e.SHA256]; ok && e.Image {
			row.Thumb = template.URL("data:" + e.MediaType + ";base64," + base64.StdEncoding.EncodeToString(data))
		}
		d.Evidence = append(d.Evidence, row)
	}
	for _, c := range in.Clocks {
		d.Clocks = append(d.Clocks, ClockFact{Key: c.Key, Date: FormatDate(lang, c.At, loc), Summary: c.Summary,
			Source: c.Source, Day: dayOf(c.At.Time(loc)), Passed: c.At.DaysUntil(now, loc) < 0})
	}
	for _, a := range in.Amendments {
		d.Amendments = append(d.Amendments, AmendmentFact{When: FormatDate(lang, casefile.DateTime(a.At.In(loc)), loc),
			What: a.What, Before: a.Before, Now: a.Now})
	}
	d.Picture = newPicture(lang, f, in.Clocks, now, loc)
	return d, nil
}

// chronology is every dated thing of the case, oldest first.
func chronology(lang string, f casefile.Full, clocks []Clock, now time.Time, loc *time.Location, dayOf func(time.Time) int) ([]Event, error) {
	var es []Event
	add := func(e Event) { es = append(es, e) }
	for _, c := range f.Contacts {
		who := c.Rep
		switch {
		case c.Rep != "" && c.Department != "":
			who = c.Rep + " (" + c.Department + ")"
		case c.Department != "":
			who = c.Department
		}
		add(Event{at: c.At, order: 0, Kind: "contact", ID: c.ID, Channel: string(c.Channel), Who: who,
			Minutes: (c.DurationS + 59) / 60, Text: c.Summary})
	}
	for _, t := range f.Tickets {
		add(Event{at: t.At, order: 1, Kind: "ticket", ID: t.ID, Text: t.Number, Extra: t.Label,
			Due: FormatDate(lang, t.Expected, loc)})
	}
	for _, p := range f.Promises {
		due := FormatDate(lang, p.Due, loc)
		add(Event{at: p.At, order: 2, Kind: "promise", ID: p.ID, Who: p.By, Text: p.Text, Due: due})
		switch {
		case p.Status == casefile.PromiseKept && p.SettledAt != nil:
			add(Event{at: *p.SettledAt, order: 2, Kind: "promise-kept", ID: p.ID, Text: p.Text, Due: due})
		case p.Status == casefile.PromiseBroken && p.SettledAt != nil:
			add(Event{at: *p.SettledAt, order: 2, Kind: "promise-broken", ID: p.ID, Text: p.Text, Due: due})
		case p.Status == casefile.PromisePending && p.Due.Overdue(now, loc):
			add(Event{at: p.Due.End(loc), order: 2, Kind: "promise-due", ID: p.ID, Text: p.Text, Due: due})
		}
	}
	for _, n := range f.Notes {
		add(Event{at: n.At, order: 3, Kind: notKind(n.Kind), ID: n.ID, Text: n.Text, Extra: n.SourceURL})
	}
	for _, e := range f.Escalations {
		step, err := StepName(lang, e.Step)
		if err != nil {
			return nil, err
		}
		add(Event{at: e.At, order: 4, Kind: "escalation", ID: e.ID, Who: step, Text: e.Note, Extra: string(e.Answer)})
	}
	for _, e := range f.Evidence {
		add(Event{at: e.At, order: 5, Kind: "evidence", ID: e.ID, Text: e.Name, Extra: e.Note})
	}
	for _, c := range clocks {
		if c.At.DaysUntil(now, loc) <= 0 { // only the clocks that have run out belong to what happened
			add(Event{at: c.At.Time(loc), order: 6, Kind: "clock", Text: c.Summary, Extra: c.Key})
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		if !es[i].at.Equal(es[j].at) {
			return es[i].at.Before(es[j].at)
		}
		return es[i].order < es[j].order
	})
	for i := range es {
		t := es[i].at.In(loc)
		d := casefile.DateTime(t)
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 || es[i].Kind == "clock" || es[i].Kind == "promise-due" {
			d = casefile.DateOf(t) // a day without a time of day: "00:00" would claim one nobody gave
		}
		es[i].When = FormatDate(lang, d, loc)
		es[i].Day = dayOf(t)
	}
	return es, nil
}

func notKind(k casefile.NoteKind) string {
	if k == casefile.NoteTimeline {
		return "note"
	}
	return string(k)
}

// RenderDossier writes the dossier as one HTML page, escaped by
// html/template: the customer's text can hold no markup, script or link.
func RenderDossier(d Dossier) ([]byte, error) {
	src, err := text.Source(d.Lang, "dossier.tmpl")
	if err != nil {
		return nil, fmt.Errorf("no dossier template for language %q", d.Lang) // words:ok a programming error
	}
	t, err := template.New("dossier").Option("missingkey=error").Funcs(template.FuncMap(htmlFuncs)).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s/dossier: %w", d.Lang, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("template %s/dossier: %w", d.Lang, err)
	}
	return b.Bytes(), nil
}

// htmlFuncs are the helpers of the dossier template (text.HTMLFuncs).
var htmlFuncs = text.HTMLFuncs
