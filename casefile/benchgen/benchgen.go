// Package benchgen writes a large, realistic, deterministic case file for
// benchmarks: thousands of cases in English and Korean, each with
// contacts, promises, tickets, notes and account references spread over
// four years, some cases closed. The same Config always writes the same
// rows, so timings taken on two machines (or before and after a change)
// are taken on the same data.
//
// Rows go in through the schema (the migrations and their search-index
// triggers), in one transaction with prepared statements: a 10,000-case
// file is written in seconds, not the minutes one command per row would
// take.
package benchgen

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Config sizes the case file. Default is the file of issue 8.
type Config struct {
	Seed     uint64
	Now      time.Time // the benchmark's clock: every entry is before it
	Cases    int
	Contacts int
	Promises int
	Tickets  int
	Notes    int
	Refs     int
}

// Default is 10,000 cases with 200,000 notes, tens of thousands of the
// other entries, and the clock the benchmark runs with.
func Default() Config {
	return Config{Seed: 8, Now: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
		Cases: 10_000, Contacts: 40_000, Promises: 30_000, Tickets: 20_000, Notes: 200_000, Refs: 15_000}
}

// Scaled is c with every table grown n times (n ≥ 1), the same seed and
// clock: the file that shows whether a command's time grows with the
// number of cases.
func (c Config) Scaled(n int) Config {
	n = max(n, 1)
	c.Cases, c.Contacts, c.Promises, c.Tickets, c.Notes, c.Refs =
		c.Cases*n, c.Contacts*n, c.Promises*n, c.Tickets*n, c.Notes*n, c.Refs*n
	return c
}

// Stats says what was written, and which cases the benchmark should use.
type Stats struct {
	Cases, Open, Contacts, Promises, Pending, Tickets, Notes, Refs int
	// Heavy is the open case with the most notes: the slowest `show` and
	// `sheet` a user with years of history could see.
	Heavy, HeavyNotes int64
	// Ordinary is an open case with the median number of notes of the
	// open cases (the lowest numbered of them): what `show` usually costs.
	Ordinary, OrdinaryNotes int64
}

type gen struct {
	cfg   Config
	rng   *rand.Rand
	cases []genCase
	heavy []int // indexes of the few cases that collect a large share of entries
}

type genCase struct {
	id             int64
	ko             bool
	opened, closed time.Time // closed is zero while the case is open
	contacts       []int64   // ids of its contacts so far, for promise and ticket links
	notes          int
}

// event is one entry to insert; entries go in in time order, as a real
// case file grows, so one case's notes are spread over the whole table.
type event struct {
	at   time.Time
	kind int // evContact, evPromise, evTicket, evNote
	c    int // index into gen.cases
	seq  int // tie-break, so the order is total and deterministic
}

const (
	evContact = iota
	evPromise
	evTicket
	evNote
)

// Generate writes cfg's rows into s, which must be a fresh case file.
func Generate(ctx context.Context, s *casefile.Store, cfg Config) (Stats, error) {
	g := &gen{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))}
	g.planCases()
	events := g.planEvents()
	var st Stats
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		if err := g.writeCases(w, &st); err != nil {
			return err
		}
		return g.writeEvents(w, events, &st)
	})
	if err != nil {
		return st, err
	}
	var open []genCase
	for _, c := range g.cases {
		if c.closed.IsZero() {
			open = append(open, c)
			if int64(c.notes) > st.HeavyNotes {
				st.Heavy, st.HeavyNotes = c.id, int64(c.notes)
			}
		}
	}
	if len(open) > 0 {
		slices.SortStableFunc(open, func(a, b genCase) int { return cmp.Compare(a.notes, b.notes) })
		median := open[len(open)/2].notes
		for _, c := range open {
			if c.notes == median && (st.Ordinary == 0 || c.id < st.Ordinary) {
				st.Ordinary, st.OrdinaryNotes = c.id, int64(c.notes)
			}
		}
	}
	return st, nil
}

func (g *gen) pick(pool []string) string { return pool[g.rng.IntN(len(pool))] }

// between is a moment uniformly between a and b.
func (g *gen) between(a, b time.Time) time.Time {
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(g.rng.Int64N(int64(b.Sub(a))))).Truncate(time.Second)
}

// planCases decides each case's language and its open (and close) dates.
// Cases are numbered in the order they were opened, as in real use. A
// case opened more than a year ago is usually finished; a recent one
// usually is not: about a third of all cases end up closed or resolved.
func (g *gen) planCases() {
	start := g.cfg.Now.AddDate(-4, 0, 0)
	opened := make([]time.Time, g.cfg.Cases)
	for i := range opened {
		opened[i] = g.between(start, g.cfg.Now.Add(-24*time.Hour))
	}
	slices.SortFunc(opened, func(a, b time.Time) int { return a.Compare(b) })
	yearAgo := g.cfg.Now.AddDate(-1, 0, 0)
	for i, o := range opened {
		c := genCase{id: int64(i + 1), ko: g.rng.IntN(10) < 3, opened: o}
		closedShare := 10
		if o.Before(yearAgo) {
			closedShare = 45
		}
		if g.rng.IntN(100) < closedShare {
			end := o.AddDate(0, 0, 30+g.rng.IntN(270))
			if end.After(g.cfg.Now) {
				end = g.cfg.Now.Add(-time.Hour)
			}
			c.closed = end
		}
		g.cases = append(g.cases, c)
	}
	// 2% of cases are the long fights that collect a third of all entries.
	for len(g.heavy) < max(1, len(g.cases)/50) {
		g.heavy = append(g.heavy, g.rng.IntN(len(g.cases)))
	}
}

// pickCase chooses the case an entry belongs to: a third go to the heavy
// cases, the rest spread evenly.
func (g *gen) pickCase() int {
	if g.rng.IntN(3) == 0 {
		return g.heavy[g.rng.IntN(len(g.heavy))]
	}
	return g.rng.IntN(len(g.cases))
}

func (g *gen) planEvents() []event {
	var evs []event
	add := func(kind, n int) {
		for range n {
			i := g.pickCase()
			c := g.cases[i]
			end := c.closed
			if end.IsZero() {
				end = g.cfg.Now.Add(-time.Minute)
			}
			evs = append(evs, event{at: g.between(c.opened, end), kind: kind, c: i, seq: len(evs)})
		}
	}
	add(evContact, g.cfg.Contacts)
	add(evPromise, g.cfg.Promises)
	add(evTicket, g.cfg.Tickets)
	add(evNote, g.cfg.Notes)
	slices.SortFunc(evs, func(a, b event) int {
		return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.seq, b.seq))
	})
	return evs
}

// fill puts n into a pool line that has a number in it; the others are
// used as they are.
func fill(s string, n int) string {
	if strings.Contains(s, "%d") {
		return fmt.Sprintf(s, n)
	}
	return s
}

func rfc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func day(t time.Time) string { return casefile.DateOf(t.UTC()).String() }

var activeStatuses = []string{"preparing", "open", "open", "open", "waiting", "waiting", "escalated"}

func (g *gen) writeCases(w *writer, st *Stats) error {
	for _, c := range g.cases {
		titles, products, problems, outcomes := titlesEN, productsEN, problemsEN, outcomesEN
		lang, juris := "en", []string{"uk", "us", "eu", "eu", "other"}[g.rng.IntN(5)]
		if c.ko {
			titles, products, problems, outcomes = titlesKO, productsKO, problemsKO, outcomesKO
			lang, juris = "ko", "kr"
		}
		product := g.pick(products)
		status, closedAt, final := g.pick(activeStatuses), "", ""
		if !c.closed.IsZero() {
			status, closedAt = []string{"closed", "resolved"}[g.rng.IntN(2)], rfc(c.closed)
			final = g.pick(outcomes)
		} else {
			st.Open++
		}
		// Most cases know their purchase date (the withdrawal clocks count
		// from it); one in ten has a return window and one in twenty a
		// warranty end. With the promises and tickets below, the open
		// cases make a little over 10,000 calendar reminders (13,348 with
		// the default seed), the size issue 8 sets the export target for.
		purchase := c.opened.AddDate(0, 0, -g.rng.IntN(20))
		purchaseDay, window, warranty := "", "", ""
		if g.rng.IntN(10) < 6 {
			purchaseDay = day(purchase)
		}
		if g.rng.IntN(10) == 0 {
			window = day(purchase.AddDate(0, 0, 30))
		}
		if g.rng.IntN(20) == 0 {
			warranty = day(purchase.AddDate(2, 0, 0))
		}
		kind := casefile.Kinds[g.rng.IntN(len(casefile.Kinds))]
		units, cents := 5+g.rng.IntN(2000), g.rng.IntN(100)
		amount, currency := fmt.Sprintf("%d.%02d", units, cents), "EUR"
		if c.ko { // won have no fraction digits
			amount, currency = fmt.Sprintf("%d", units*1000), "KRW"
		}
		if _, err := w.cas.Exec(c.id, fmt.Sprintf(g.pick(titles), product), g.pick(companies), product, kind,
			g.pick(problems), g.pick(outcomes), "", amount, currency, purchaseDay, window, warranty,
			juris, lang, status, rfc(c.opened), closedAt, final, 5); err != nil {
			return fmt.Errorf("case %d: %w", c.id, err)
		}
		st.Cases++
		if g.rng.IntN(5) == 0 {
			if _, err := w.prep.Exec(c.id, "yes", "no", "no", g.pickLang(c.ko, outcomesEN, outcomesKO), 30, 24, "refused-twice"); err != nil {
				return err
			}
		}
	}
	for range g.cfg.Refs {
		c := g.cases[g.pickCase()]
		label := g.pick(refLabels)
		value := fmt.Sprintf("ORD-%d-%06d", c.opened.Year(), g.rng.IntN(1_000_000))
		if _, err := w.ref.Exec(c.id, label, value, rfc(c.opened)); err != nil {
			return err
		}
		st.Refs++
	}
	return nil
}

func (g *gen) pickLang(ko bool, en, kr []string) string {
	if ko {
		return g.pick(kr)
	}
	return g.pick(en)
}

func (g *gen) writeEvents(w *writer, evs []event, st *Stats) error {
	now := g.cfg.Now
	for _, e := range evs {
		c := &g.cases[e.c]
		// An entry made with a contact open links to it half of the time.
		var contact any
		if n := len(c.contacts); n > 0 && g.rng.IntN(2) == 0 {
			contact = c.contacts[n-1]
		}
		switch e.kind {
		case evContact:
			ch := casefile.Channels[g.rng.IntN(len(casefile.Channels))]
			dur := 60 * (1 + g.rng.IntN(40))
			res, err := w.contact.Exec(c.id, ch, rfc(e.at), dur, g.pickLang(c.ko, repsEN, repsKO),
				g.pickLang(c.ko, departmentsEN, departmentsKO), g.pickLang(c.ko, summariesEN, summariesKO),
				rfc(e.at.Add(time.Duration(dur)*time.Second)))
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			c.contacts = append(c.contacts, id)
			st.Contacts++
		case evPromise:
			due := e.at.AddDate(0, 0, 1+g.rng.IntN(21))
			dueText := day(due)
			if g.rng.IntN(5) == 0 {
				dueText = rfc(due.Truncate(time.Hour))
			}
			// Old promises are mostly settled; recent ones of an open case
			// are mostly still pending.
			status, settled := "pending", ""
			if !c.closed.IsZero() || due.Before(now.AddDate(0, 0, -30)) && g.rng.IntN(10) != 0 || g.rng.IntN(10) < 6 {
				status = []string{"kept", "kept", "broken", "cancelled"}[g.rng.IntN(4)]
				settled = rfc(g.between(e.at, now))
			}
			text := fill(g.pickLang(c.ko, promisesEN, promisesKO), 10+g.rng.IntN(500))
			if _, err := w.promise.Exec(c.id, contact, text, g.pickLang(c.ko, repsEN, repsKO), dueText, status,
				g.rng.IntN(2), rfc(e.at), settled); err != nil {
				return err
			}
			st.Promises++
			if status == "pending" && c.closed.IsZero() {
				st.Pending++
			}
		case evTicket:
			expected := ""
			if g.rng.IntN(10) == 0 {
				expected = day(e.at.AddDate(0, 0, 3+g.rng.IntN(12)))
			}
			number := fmt.Sprintf("%c-%05d", 'A'+rune(g.rng.IntN(26)), g.rng.IntN(100_000))
			label := g.pick([]string{"", "refund", "complaint", "환불", "민원"})
			if _, err := w.ticket.Exec(c.id, contact, number, label, expected, rfc(e.at)); err != nil {
				return err
			}
			st.Tickets++
		case evNote:
			text := fill(g.pickLang(c.ko, notesEN, notesKO), 2+g.rng.IntN(40))
			kind, url := casefile.NoteTimeline, ""
			switch g.rng.IntN(10) {
			case 0:
				kind, url = casefile.NoteResearch, "https://help.example.com/faq/"+fmt.Sprint(g.rng.IntN(500))
			case 1:
				kind = casefile.NoteTried
			}
			if _, err := w.note.Exec(c.id, contact, kind, text, url, rfc(e.at)); err != nil {
				return err
			}
			c.notes++
			st.Notes++
		}
	}
	return nil
}
