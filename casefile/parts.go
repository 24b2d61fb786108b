package casefile

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"
)

// Parts names what FullParts reads of a case beside the case row: a
// command whose template prints six timeline entries reads the newest
// notes, not the 700 a heavy case has, and one that prints no history
// reads none of it.
type Parts struct {
	Contacts, Promises, Tickets, Refs, Prep, Escalations, Evidence, Extensions bool
	// Notes is how many notes of what happened (every kind but research)
	// to read, the newest: 0 none, AllNotes every note of every kind.
	// With the newest N come the notes less than a day and a half older
	// than the Nth (see dayWindow), so the newest N entries of a timeline
	// ordered by TimelineKey are among what was read.
	Notes int
	// Research reads every research note (the findings a letter cites),
	// Tried every tried note, FirstNote the oldest note of what happened
	// (the day the trouble started).
	Research, Tried, FirstNote bool
}

// AllNotes asks FullParts for every note.
const AllNotes = -1

// Everything is the parts Full reads.
var Everything = Parts{Contacts: true, Promises: true, Tickets: true, Refs: true, Prep: true,
	Escalations: true, Evidence: true, Extensions: true, Notes: AllNotes}

// dayWindow: a TimelineKey moves a note at most to another time of its
// own local day (the contact it was said in), and no local day is longer
// than 25 hours, so a note older than the Nth newest by more than this is
// on an earlier day than all N and comes before them in any timeline.
const dayWindow = 26 * time.Hour

const (
	// qNewestNotes reads a case's notes of what happened from the end of
	// its index (notes_case), however many it has.
	qNewestNotes = `SELECT ` + noteColumns + ` FROM notes WHERE case_id = ? AND kind <> 'research' ORDER BY at DESC, id DESC`
	firstNote    = `case_id = ? AND kind <> 'research' ORDER BY at, id LIMIT 1`
	notesOfKind  = `case_id = ? AND kind = ? ORDER BY at, id`
	qCountNotes  = `SELECT count(*) FROM notes WHERE case_id = ?`
)

// FullParts returns a case with the parts p names, each list in time order
// (a part not asked for is empty, not nil), read in one snapshot, and how
// many notes the case has in all (so a command can say how many it left
// out).
func (s *Store) FullParts(ctx context.Context, id int64, p Parts) (Full, int, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Full{}, 0, s.fileError(err)
	}
	defer tx.Rollback()
	f := Full{Contacts: []Contact{}, Promises: []Promise{}, Tickets: []Ticket{}, Notes: []Note{}, Refs: []AccountRef{},
		Escalations: []Escalation{}, Evidence: []Evidence{}, Extensions: []Extension{}}
	if f.Case, err = getCase(ctx, tx, id); err != nil {
		return f, 0, err
	}
	read := func(want bool, fn func() error) {
		if want && err == nil {
			err = fn()
		}
	}
	read(p.Contacts, func() (e error) { f.Contacts, e = listContacts(ctx, tx, id); return })
	read(p.Promises, func() (e error) { f.Promises, e = listPromises(ctx, tx, promisesOfCase, id); return })
	read(p.Tickets, func() (e error) { f.Tickets, e = listTickets(ctx, tx, id); return })
	read(p.Refs, func() (e error) { f.Refs, e = listRefs(ctx, tx, id); return })
	read(p.Prep, func() (e error) { f.Prep, e = getPrep(ctx, tx, id); return })
	read(p.Escalations, func() (e error) { f.Escalations, e = listEscalations(ctx, tx, id); return })
	read(p.Evidence, func() (e error) { f.Evidence, e = queryEvidence(ctx, tx, evidenceOfCase, id); return })
	read(p.Extensions, func() (e error) { f.Extensions, e = listExtensions(ctx, tx, id); return })
	if p.Notes == AllNotes {
		read(true, func() (e error) { f.Notes, e = listNotes(ctx, tx, id); return })
		return f, len(f.Notes), err
	}
	var notes []Note
	add := func(want bool, fn func() ([]Note, error)) {
		read(want, func() error {
			ns, err := fn()
			notes = append(notes, ns...)
			return err
		})
	}
	add(p.Notes > 0, func() ([]Note, error) { return newestNotes(ctx, tx, id, p.Notes) })
	add(p.Research, func() ([]Note, error) { return queryNotes(ctx, tx, notesOfKind, id, NoteResearch) })
	add(p.Tried, func() ([]Note, error) { return queryNotes(ctx, tx, notesOfKind, id, NoteTried) })
	add(p.FirstNote, func() ([]Note, error) { return queryNotes(ctx, tx, firstNote, id) })
	if err != nil {
		return f, 0, err
	}
	// Each part in time order, as Full reads them, and a note two parts
	// asked for only once.
	slices.SortFunc(notes, func(a, b Note) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	f.Notes = slices.CompactFunc(notes, func(a, b Note) bool { return a.ID == b.ID })
	if f.Notes == nil {
		f.Notes = []Note{}
	}
	total := 0
	err = tx.QueryRowContext(ctx, qCountNotes, id).Scan(&total)
	return f, total, err
}

// newestNotes reads the newest n notes of what happened and the ones
// within dayWindow of the nth, newest first, stopping there.
func newestNotes(ctx context.Context, tx *sql.Tx, id int64, n int) ([]Note, error) {
	rows, err := tx.QueryContext(ctx, qNewestNotes, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		note, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		if len(out) >= n && note.At.Before(out[n-1].At.Add(-dayWindow)) {
			break
		}
		out = append(out, note)
	}
	return out, rows.Err()
}
