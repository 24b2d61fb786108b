package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Corrections: every entry can be edited and deleted, each change kept in
// the history in its own transaction. Edits read the entry, let change
// modify it, check it as it would be checked when added, and store it.

// entryEdit is what one kind of entry brings to editEntry; the rest of an
// edit is the same for every kind.
type entryEdit[T any] struct {
	kind   string                       // as the history and NotFoundError name it
	read   func(*sql.Tx) (T, error)     // sql.ErrNoRows when there is no such entry
	keys   func(*T) (id, caseID *int64) // kept as read: change cannot move an entry
	check  func(*sql.Tx, *T) error      // as the entry is checked when it is added
	update func(*sql.Tx, *T) error      // writes every column an edit may change
	// then, when set, runs once the change is recorded, with the entry as
	// it was read: what moves with it, in the same change.
	then func(tx *sql.Tx, rec *recorder, was, now *T) error
}

// editEntry edits entry id in one transaction: read, change, check,
// update, and the old and new rows in the history.
func editEntry[T any](ctx context.Context, s *Store, id int64, change func(*T) error, e entryEdit[T]) (T, error) {
	var v T
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		if v, err = e.read(tx); errors.Is(err, sql.ErrNoRows) {
			return &NotFoundError{What: e.kind, ID: id}
		} else if err != nil {
			return err
		}
		was := v
		if err := change(&v); err != nil {
			return err
		}
		vID, caseID := e.keys(&v)
		_, wasCase := e.keys(&was)
		*vID, *caseID = id, *wasCase
		if err := e.check(tx, &v); err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		old, err := rec.before(e.kind, id)
		if err != nil {
			return err
		}
		if err := e.update(tx, &v); err != nil {
			return err
		}
		if err := rec.changed(e.kind, *caseID, id, old); err != nil {
			return err
		}
		if e.then == nil {
			return nil
		}
		return e.then(tx, rec, &was, &v)
	})
	return v, err
}

// only is the one entry a query by id found: sql.ErrNoRows when none.
func only[T any](list []T, err error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	if len(list) == 0 {
		return zero, sql.ErrNoRows
	}
	return list[0], nil
}

// EditContact changes a contact. When its time changes, the promises,
// tickets and notes said in it at its old time move with it.
func (s *Store) EditContact(ctx context.Context, id int64, change func(*Contact) error) (Contact, error) {
	return editEntry(ctx, s, id, change, entryEdit[Contact]{
		kind: "contact",
		read: func(tx *sql.Tx) (Contact, error) { return only(queryContacts(ctx, tx, "id = ?", id)) },
		keys: func(c *Contact) (*int64, *int64) { return &c.ID, &c.CaseID },
		check: func(_ *sql.Tx, c *Contact) error {
			if err := validContact(c); err != nil {
				return err
			}
			if c.At.IsZero() {
				return &InvalidError{Field: "at", Problem: "needs-date"}
			}
			return nil
		},
		update: func(tx *sql.Tx, c *Contact) error {
			_, err := tx.Exec(`UPDATE contacts SET channel = ?, at = ?, duration_s = ?, rep = ?, department = ?, summary = ?,
			ended_at = ?, hold_s = ?, hold_since = ?, from_company = ? WHERE id = ?`, c.Channel, formatTime(c.At), c.DurationS, c.Rep,
				c.Department, c.Summary, formatOptionalTime(c.EndedAt), c.HoldS, formatOptionalTime(c.HoldSince), c.FromCompany, c.ID)
			return err
		},
		then: func(tx *sql.Tx, rec *recorder, was, c *Contact) error {
			if c.At.Equal(was.At) {
				return nil
			}
			return moveSaidIn(tx, rec, c, was.At)
		},
	})
}

// moveSaidIn moves the promises, tickets and notes said in contact c at
// its old time was to its new time.
func moveSaidIn(tx *sql.Tx, rec *recorder, c *Contact, was time.Time) error {
	for _, k := range []string{"promise", "ticket", "note"} {
		table := entryTables[k].table
		ids, err := idsWhere(tx, "SELECT id FROM "+table+" WHERE contact_id = ? AND at = ? ORDER BY id", c.ID, formatTime(was))
		if err != nil {
			return err
		}
		for _, eid := range ids {
			old, err := rec.before(k, eid)
			if err != nil {
				return err
			}
			if _, err := tx.Exec("UPDATE "+table+" SET at = ? WHERE id = ?", formatTime(c.At), eid); err != nil {
				return err
			}
			if err := rec.changed(k, c.CaseID, eid, old); err != nil {
				return err
			}
		}
	}
	return nil
}

func idsWhere(tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// EditPromise changes a promise's text, who made it, its due date (a
// correction; more time asked for is ExtendPromise), when it was said or
// its contact.
func (s *Store) EditPromise(ctx context.Context, id int64, change func(*Promise) error) (Promise, error) {
	return editEntry(ctx, s, id, change, entryEdit[Promise]{
		kind: "promise",
		read: func(tx *sql.Tx) (Promise, error) { return only(listPromises(ctx, tx, "id = ?", id)) },
		keys: func(p *Promise) (*int64, *int64) { return &p.ID, &p.CaseID },
		check: func(tx *sql.Tx, p *Promise) error {
			var err error
			if p.Text, err = required("promise", p.Text); err != nil {
				return err
			}
			p.By = strings.TrimSpace(p.By)
			return contactBelongs(tx, p.CaseID, p.ContactID)
		},
		update: func(tx *sql.Tx, p *Promise) error {
			_, err := tx.Exec(`UPDATE promises SET contact_id = ?, text = ?, by_rep = ?, due = ?, status = ?, confirmed = ?,
			at = ?, settled_at = ? WHERE id = ?`, p.ContactID, p.Text, p.By, p.Due.String(), p.Status, p.Confirmed,
				formatTime(p.At), formatOptionalTime(p.SettledAt), p.ID)
			return err
		},
	})
}

// ExtendPromise records that the company asked for more time: the promise
// is now due on to, and keeps the date it had in its extensions. A broken
// promise given a new date is pending again. by is who asked for the time
// (the promise's maker when empty).
func (s *Store) ExtendPromise(ctx context.Context, id int64, to Date, by, note string, at time.Time) (Promise, Extension, error) {
	var p Promise
	var e Extension
	if to.IsZero() {
		return p, e, &InvalidError{Field: "due", Problem: "needs-date"}
	}
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		ps, err := listPromises(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return &NotFoundError{What: "promise", ID: id}
		}
		p = ps[0]
		switch {
		case p.Status == PromiseKept || p.Status == PromiseCancelled:
			return &InvalidError{Field: "promise", Problem: "nothing-to-extend", Args: []any{id, p.Status}}
		case p.Due.IsZero():
			return &InvalidError{Field: "due", Problem: "no-due-yet", Args: []any{id}}
		case !p.Due.Before(to):
			return &InvalidError{Field: "due", Problem: "not-later", Args: []any{to, p.Due}}
		}
		e = Extension{CaseID: p.CaseID, PromiseID: id, From: p.Due, To: to, By: strings.TrimSpace(by),
			Note: strings.TrimSpace(note), At: at}
		if e.By == "" {
			e.By = p.By
		}
		rec := newRecorder(ctx, tx)
		if err := putExtension(tx, &e); err != nil {
			return err
		}
		if err := rec.created("extension", p.CaseID, e.ID); err != nil {
			return err
		}
		old, err := rec.before("promise", id)
		if err != nil {
			return err
		}
		p.Due, p.Status, p.SettledAt = to, PromisePending, nil
		if _, err := tx.Exec("UPDATE promises SET due = ?, status = ?, settled_at = '' WHERE id = ?", to.String(), p.Status, id); err != nil {
			return err
		}
		return rec.changed("promise", p.CaseID, id, old)
	})
	return p, e, err
}

func putExtension(tx *sql.Tx, e *Extension) error {
	res, err := tx.Exec(`INSERT INTO promise_extensions (id, case_id, promise_id, from_due, to_due, by_rep, note, at)
		VALUES (NULLIF(?,0),?,?,?,?,?,?,?)`, e.ID, e.CaseID, e.PromiseID, e.From.String(), e.To.String(), e.By, e.Note, formatTime(e.At))
	return setID(res, err, &e.ID)
}

const qCaseExtensions = `SELECT id, case_id, promise_id, from_due, to_due, by_rep, note, at
		FROM promise_extensions WHERE case_id = ? ORDER BY id`

func listExtensions(ctx context.Context, q querier, caseID int64) ([]Extension, error) {
	rows, err := q.QueryContext(ctx, qCaseExtensions, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Extension{}
	for rows.Next() {
		var e Extension
		var from, to, at string
		if err := rows.Scan(&e.ID, &e.CaseID, &e.PromiseID, &from, &to, &e.By, &e.Note, &at); err != nil {
			return nil, err
		}
		var errs [3]error
		e.From, errs[0] = ParseStoredDate(from)
		e.To, errs[1] = ParseStoredDate(to)
		e.At, errs[2] = parseTime(at)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EditTicket changes a ticket.
func (s *Store) EditTicket(ctx context.Context, id int64, change func(*Ticket) error) (Ticket, error) {
	return editEntry(ctx, s, id, change, entryEdit[Ticket]{
		kind: "ticket",
		read: func(tx *sql.Tx) (Ticket, error) {
			return scanTicket(tx.QueryRow("SELECT "+ticketColumns+" FROM tickets WHERE id = ?", id))
		},
		keys: func(t *Ticket) (*int64, *int64) { return &t.ID, &t.CaseID },
		check: func(tx *sql.Tx, t *Ticket) error {
			if err := validTicket(t); err != nil {
				return err
			}
			return contactBelongs(tx, t.CaseID, t.ContactID)
		},
		update: func(tx *sql.Tx, t *Ticket) error {
			_, err := tx.Exec("UPDATE tickets SET contact_id = ?, number = ?, label = ?, expected = ?, at = ? WHERE id = ?",
				t.ContactID, t.Number, t.Label, t.Expected.String(), formatTime(t.At), t.ID)
			return err
		},
	})
}

// EditNote changes a note.
func (s *Store) EditNote(ctx context.Context, id int64, change func(*Note) error) (Note, error) {
	return editEntry(ctx, s, id, change, entryEdit[Note]{
		kind: "note",
		read: func(tx *sql.Tx) (Note, error) { return only(queryNotes(ctx, tx, "id = ?", id)) },
		keys: func(n *Note) (*int64, *int64) { return &n.ID, &n.CaseID },
		check: func(tx *sql.Tx, n *Note) error {
			if err := validNote(n); err != nil {
				return err
			}
			return contactBelongs(tx, n.CaseID, n.ContactID)
		},
		update: func(tx *sql.Tx, n *Note) error {
			_, err := tx.Exec("UPDATE notes SET contact_id = ?, kind = ?, text = ?, source_url = ?, at = ? WHERE id = ?",
				n.ContactID, n.Kind, n.Text, n.SourceURL, formatTime(n.At), n.ID)
			return err
		},
	})
}

// EditRef changes an account reference; a label naming a secret is
// refused as when it is added.
func (s *Store) EditRef(ctx context.Context, id int64, change func(*AccountRef) error) (AccountRef, error) {
	return editEntry(ctx, s, id, change, entryEdit[AccountRef]{
		kind: "ref",
		read: func(tx *sql.Tx) (AccountRef, error) {
			var r AccountRef
			var created string
			err := tx.QueryRow("SELECT id, case_id, label, value, created_at FROM account_refs WHERE id = ?", id).
				Scan(&r.ID, &r.CaseID, &r.Label, &r.Value, &created)
			if err == nil {
				r.CreatedAt, err = parseTime(created)
			}
			return r, err
		},
		keys:  func(r *AccountRef) (*int64, *int64) { return &r.ID, &r.CaseID },
		check: func(_ *sql.Tx, r *AccountRef) error { return validRef(r) },
		update: func(tx *sql.Tx, r *AccountRef) error {
			_, err := tx.Exec("UPDATE account_refs SET label = ?, value = ? WHERE id = ?", r.Label, r.Value, r.ID)
			return err
		},
	})
}

// EditEscalation changes a step taken: its step, the answer, its note or
// its date.
func (s *Store) EditEscalation(ctx context.Context, id int64, change func(*Escalation) error) (Escalation, error) {
	return editEntry(ctx, s, id, change, entryEdit[Escalation]{
		kind: "escalation",
		read: func(tx *sql.Tx) (Escalation, error) {
			var e Escalation
			var at string
			err := tx.QueryRow("SELECT id, case_id, step, answer, note, at FROM escalations WHERE id = ?", id).
				Scan(&e.ID, &e.CaseID, &e.Step, &e.Answer, &e.Note, &at)
			if err == nil {
				e.At, err = parseTime(at)
			}
			return e, err
		},
		keys:  func(e *Escalation) (*int64, *int64) { return &e.ID, &e.CaseID },
		check: func(_ *sql.Tx, e *Escalation) error { return validEscalation(e) },
		update: func(tx *sql.Tx, e *Escalation) error {
			_, err := tx.Exec("UPDATE escalations SET step = ?, answer = ?, note = ?, at = ? WHERE id = ?",
				e.Step, e.Answer, e.Note, formatTime(e.At), e.ID)
			return err
		},
	})
}

// HasEntriesError refuses to delete a contact that promises, tickets or
// notes were said in: deleting it would leave them pointing nowhere.
type HasEntriesError struct {
	ContactID                int64
	Promises, Tickets, Notes int
}

func (e *HasEntriesError) Error() string {
	return fmt.Sprintf("contact %d has %d promises, %d tickets and %d notes said in it", e.ContactID, e.Promises, e.Tickets, e.Notes) // words:ok mapped to err_has_entries
}

// Delete deletes one entry of kind ("contact", "promise", "ticket",
// "note", "ref", "escalation") and returns the case it belonged to. A
// contact with promises, tickets or notes said in it is refused with a
// HasEntriesError unless withEntries, which deletes them with it. A
// promise's extensions go with it. All of it is one change: one undo
// brings it all back with the same ids.
func (s *Store) Delete(ctx context.Context, kind string, id int64, withEntries bool) (int64, error) {
	et, ok := entryTables[kind]
	if !ok || kind == "case" || kind == "prep" || kind == "extension" {
		return 0, fmt.Errorf("casefile: cannot delete entries of kind %q", kind) // words:ok a programming error
	}
	var caseID int64
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRow("SELECT case_id FROM "+et.table+" WHERE id = ?", id).Scan(&caseID)
		if errors.Is(err, sql.ErrNoRows) {
			return &NotFoundError{What: kind, ID: id}
		}
		if err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		if kind == "contact" {
			if err := deleteContactEntries(tx, rec, caseID, id, withEntries); err != nil {
				return err
			}
		}
		if kind == "promise" {
			if err := deletePromiseExtensions(tx, rec, caseID, id); err != nil {
				return err
			}
		}
		return rec.deleteRow(kind, caseID, id)
	})
	return caseID, err
}

func deleteContactEntries(tx *sql.Tx, rec *recorder, caseID, id int64, withEntries bool) error {
	lists := map[string][]int64{}
	for _, k := range []string{"promise", "ticket", "note"} {
		ids, err := idsWhere(tx, "SELECT id FROM "+entryTables[k].table+" WHERE contact_id = ? ORDER BY id", id)
		if err != nil {
			return err
		}
		lists[k] = ids
	}
	if n := len(lists["promise"]) + len(lists["ticket"]) + len(lists["note"]); n > 0 && !withEntries {
		return &HasEntriesError{ContactID: id, Promises: len(lists["promise"]), Tickets: len(lists["ticket"]), Notes: len(lists["note"])}
	}
	for _, k := range []string{"note", "ticket", "promise"} {
		for _, eid := range lists[k] {
			if k == "promise" {
				if err := deletePromiseExtensions(tx, rec, caseID, eid); err != nil {
					return err
				}
			}
			if err := rec.deleteRow(k, caseID, eid); err != nil {
				return err
			}
		}
	}
	return nil
}

func deletePromiseExtensions(tx *sql.Tx, rec *recorder, caseID, promiseID int64) error {
	ids, err := idsWhere(tx, "SELECT id FROM promise_extensions WHERE promise_id = ? ORDER BY id", promiseID)
	if err != nil {
		return err
	}
	for _, eid := range ids {
		if err := rec.deleteRow("extension", caseID, eid); err != nil {
			return err
		}
	}
	return nil
}

// DiscardCall removes a live call that ended with nothing logged in it
// (no rep, no line), with its history, as if it was never started: an
// empty call is not a contact. A call with anything in it is left alone
// and DiscardCall reports false.
func (s *Store) DiscardCall(ctx context.Context, id int64) (bool, error) {
	discarded := false
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var rep string
		var entries, changes int
		err := tx.QueryRow(`SELECT rep, (SELECT count(*) FROM promises WHERE contact_id = ?1)
			+ (SELECT count(*) FROM tickets WHERE contact_id = ?1) + (SELECT count(*) FROM notes WHERE contact_id = ?1),
			(SELECT count(*) FROM history WHERE kind = 'contact' AND entry_id = ?1)
			FROM contacts WHERE id = ?1 AND ended_at = ''`, id).Scan(&rep, &entries, &changes)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if rep != "" || entries > 0 || changes > 1 {
			return nil
		}
		if _, err := tx.Exec("DELETE FROM history WHERE kind = 'contact' AND entry_id = ?", id); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM contacts WHERE id = ?", id); err != nil {
			return err
		}
		discarded = true
		return nil
	})
	return discarded, err
}
