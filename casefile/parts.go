package casefile

import (
	"context"
	"database/sql"
)

// Parts names what FullParts reads of a case beside the case row: a
// command whose template prints six timeline notes reads six, not the 700
// a heavy case has, and one that prints no history reads none of it.
type Parts struct {
	Contacts, Promises, Tickets, Refs, Prep, Escalations, Evidence, Extensions bool
	// Notes is how many notes to read, the newest, returned in time
	// order: 0 none, AllNotes every one.
	Notes int
}

// AllNotes asks FullParts for every note.
const AllNotes = -1

// Everything is the parts Full reads.
var Everything = Parts{Contacts: true, Promises: true, Tickets: true, Refs: true, Prep: true,
	Escalations: true, Evidence: true, Extensions: true, Notes: AllNotes}

// qNewestNotes reads a case's newest notes from the end of its index
// (notes_case), however many it has.
const (
	newestNotes  = `case_id = ? ORDER BY at DESC, id DESC LIMIT ?`
	qNewestNotes = `SELECT ` + noteColumns + ` FROM notes WHERE ` + newestNotes
)

const qCountNotes = `SELECT count(*) FROM notes WHERE case_id = ?`

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
	read(p.Notes == AllNotes, func() (e error) { f.Notes, e = listNotes(ctx, tx, id); return })
	read(p.Notes > 0, func() error {
		notes, err := queryNotes(ctx, tx, newestNotes, id, p.Notes)
		for i, j := 0, len(notes)-1; i < j; i, j = i+1, j-1 {
			notes[i], notes[j] = notes[j], notes[i]
		}
		f.Notes = notes
		return err
	})
	if err != nil {
		return f, 0, err
	}
	total := len(f.Notes)
	if p.Notes != AllNotes {
		err = tx.QueryRowContext(ctx, qCountNotes, id).Scan(&total)
	}
	return f, total, err
}
