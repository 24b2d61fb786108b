package casefile

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// caseExists fails with a NotFoundError unless case id exists; entries are
// checked first so the error names the case, not a foreign-key constraint.
func caseExists(tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRow("SELECT 1 FROM cases WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &NotFoundError{What: "case", ID: id}
	}
	return err
}

func contactBelongs(tx *sql.Tx, caseID int64, contactID *int64) error {
	if contactID == nil {
		return nil
	}
	var owner int64
	err := tx.QueryRow("SELECT case_id FROM contacts WHERE id = ?", *contactID).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != caseID) {
		return &NotFoundError{What: "contact", ID: *contactID}
	}
	return err
}

func required(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", &InvalidError{Field: field, Problem: "empty"}
	}
	return v, nil
}

// AddContact stores a finished contact (logged after the fact) and sets
// its ID. A live call is opened with StartCall instead.
func (s *Store) AddContact(ctx context.Context, c *Contact) error {
	return s.AddContactWith(ctx, c, nil, nil)
}

// validContact checks and tidies what a person typed about a contact.
func validContact(c *Contact) error {
	if err := checkLimits(c); err != nil {
		return err
	}
	if err := ValidChannel(c.Channel); err != nil {
		return err
	}
	if c.DurationS < 0 {
		return &InvalidError{Field: "duration", Problem: "negative"}
	}
	c.Rep, c.Department, c.Summary = strings.TrimSpace(c.Rep), strings.TrimSpace(c.Department), strings.TrimSpace(c.Summary)
	return nil
}

const contactColumns = "id, case_id, channel, at, duration_s, rep, department, summary, ended_at, hold_s, hold_since, from_company"

func listContacts(ctx context.Context, q querier, caseID int64) ([]Contact, error) {
	return queryContacts(ctx, q, contactsOfCase, caseID)
}

// contactsOfCase is the filter of listContacts (show, sheet).
const contactsOfCase = "case_id = ? ORDER BY at, id"

func contactsQuery(where string) string {
	return "SELECT " + contactColumns + " FROM contacts WHERE " + where
}

func queryContacts(ctx context.Context, q querier, where string, args ...any) ([]Contact, error) {
	rows, err := q.QueryContext(ctx, contactsQuery(where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Contact{}
	for rows.Next() {
		var c Contact
		var at, ended, holdSince string
		if err := rows.Scan(&c.ID, &c.CaseID, &c.Channel, &at, &c.DurationS, &c.Rep, &c.Department, &c.Summary,
			&ended, &c.HoldS, &holdSince, &c.FromCompany); err != nil {
			return nil, err
		}
		var errs [3]error
		c.At, errs[0] = parseTime(at)
		c.EndedAt, errs[1] = parseOptionalTime(ended)
		c.HoldSince, errs[2] = parseOptionalTime(holdSince)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddPromise stores a pending promise and sets its ID.
func (s *Store) AddPromise(ctx context.Context, p *Promise) error {
	if err := validPromise(p); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, p.CaseID); err != nil {
			return err
		}
		if err := contactBelongs(tx, p.CaseID, p.ContactID); err != nil {
			return err
		}
		if err := saidAt(tx, &p.At, p.ContactID, p.CreatedAt); err != nil {
			return err
		}
		p.ID = 0
		if err := putPromise(tx, p); err != nil {
			return err
		}
		return newRecorder(ctx, tx).created("promise", p.CaseID, p.ID)
	})
}

// saidAt fills in when a promise or ticket was said, if not given: the
// time of the contact it was said in, else when it was typed.
func saidAt(tx *sql.Tx, at *time.Time, contactID *int64, typed time.Time) error {
	if !at.IsZero() {
		return nil
	}
	if contactID != nil {
		var s string
		if err := tx.QueryRow("SELECT at FROM contacts WHERE id = ?", *contactID).Scan(&s); err != nil {
			return err
		}
		t, err := parseTime(s)
		*at = t
		return err
	}
	*at = typed
	return nil
}

// validPromise checks and tidies a new promise; it starts pending. A
// promise may have no due date yet: one said in a live call is kept the
// moment it is typed, before its date is asked for.
func validPromise(p *Promise) error {
	if err := checkLimits(p); err != nil {
		return err
	}
	var err error
	if p.Text, err = required("promise", p.Text); err != nil {
		return err
	}
	p.By = strings.TrimSpace(p.By)
	p.Status = PromisePending
	return nil
}

const promiseColumns = "id, case_id, contact_id, text, by_rep, due, status, confirmed, at, created_at, settled_at"

// promisesOfCase is the filter of a case's promises (show, sheet).
const promisesOfCase = "case_id = ?"

func promisesQuery(where string) string {
	// Undated promises (said in a call, waiting for their date) last.
	return "SELECT " + promiseColumns + " FROM promises WHERE " + where + " ORDER BY due = '', due, id"
}

func listPromises(ctx context.Context, q querier, where string, args ...any) ([]Promise, error) {
	rows, err := q.QueryContext(ctx, promisesQuery(where), args...)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, scanPromise)
}

// scanAll reads every row with scan and closes rows; no row is an empty
// list, not nil (JSON shows [] as the list it is).
func scanAll[T any](rows *sql.Rows, scan func(rowScanner) (T, error)) ([]T, error) {
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanPromise reads one row of promiseColumns.
func scanPromise(rows rowScanner) (Promise, error) {
	var p Promise
	var contact sql.NullInt64
	var due, at, created, settled string
	if err := rows.Scan(&p.ID, &p.CaseID, &contact, &p.Text, &p.By, &due, &p.Status, &p.Confirmed, &at, &created, &settled); err != nil {
		return p, err
	}
	if contact.Valid {
		p.ContactID = &contact.Int64
	}
	var errs [4]error
	p.Due, errs[0] = ParseStoredDate(due)
	p.CreatedAt, errs[1] = parseTime(created)
	p.SettledAt, errs[2] = parseOptionalTime(settled)
	p.At, errs[3] = parseTime(at)
	return p, errors.Join(errs[:]...)
}

// Promise returns one promise.
func (s *Store) Promise(ctx context.Context, id int64) (Promise, error) {
	ps, err := listPromises(ctx, s.db, "id = ?", id)
	if err != nil {
		return Promise{}, err
	}
	if len(ps) == 0 {
		return Promise{}, &NotFoundError{What: "promise", ID: id}
	}
	return ps[0], nil
}

// SettlePromise records what became of a promise: kept, broken or
// cancelled. Settling is final but can be corrected by settling again.
func (s *Store) SettlePromise(ctx context.Context, id int64, st PromiseStatus, at time.Time) (Promise, error) {
	if st != PromiseKept && st != PromiseBroken && st != PromiseCancelled {
		return Promise{}, &InvalidError{Field: "status", Problem: "cannot-settle", Args: []any{st}, Allowed: "kept, broken, cancelled"}
	}
	var p Promise
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		rec := newRecorder(ctx, tx)
		old, err := rec.before("promise", id)
		if err != nil {
			return err
		}
		if old == nil {
			return &NotFoundError{What: "promise", ID: id}
		}
		if _, err := tx.Exec("UPDATE promises SET status = ?, settled_at = ? WHERE id = ?", st, formatTime(at), id); err != nil {
			return err
		}
		ps, err := listPromises(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		p = ps[0]
		return rec.changed("promise", p.CaseID, id, old)
	})
	return p, err
}

// AddTicket stores a ticket number and sets its ID.
func (s *Store) AddTicket(ctx context.Context, t *Ticket) error {
	if err := validTicket(t); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, t.CaseID); err != nil {
			return err
		}
		if err := contactBelongs(tx, t.CaseID, t.ContactID); err != nil {
			return err
		}
		if err := saidAt(tx, &t.At, t.ContactID, t.CreatedAt); err != nil {
			return err
		}
		t.ID = 0
		if err := putTicket(tx, t); err != nil {
			return err
		}
		return newRecorder(ctx, tx).created("ticket", t.CaseID, t.ID)
	})
}

// validTicket checks and tidies a new ticket.
func validTicket(t *Ticket) error {
	if err := checkLimits(t); err != nil {
		return err
	}
	var err error
	if t.Number, err = required("ticket-number", t.Number); err != nil {
		return err
	}
	t.Label = strings.TrimSpace(t.Label)
	return nil
}

func listTickets(ctx context.Context, q querier, caseID int64) ([]Ticket, error) {
	rows, err := q.QueryContext(ctx, qCaseTickets, caseID)
	if err != nil {
		return nil, err
	}
	return scanAll(rows, scanTicket)
}

const ticketColumns = "id, case_id, contact_id, number, label, expected, at, created_at"

const qCaseTickets = "SELECT " + ticketColumns + " FROM tickets WHERE case_id = ? ORDER BY at, id"

// scanTicket reads one row of ticketColumns.
func scanTicket(rows rowScanner) (Ticket, error) {
	var t Ticket
	var contact sql.NullInt64
	var expected, at, created string
	if err := rows.Scan(&t.ID, &t.CaseID, &contact, &t.Number, &t.Label, &expected, &at, &created); err != nil {
		return t, err
	}
	if contact.Valid {
		t.ContactID = &contact.Int64
	}
	var e1, e2, e3 error
	t.Expected, e1 = ParseStoredDate(expected)
	t.CreatedAt, e2 = parseTime(created)
	t.At, e3 = parseTime(at)
	return t, errors.Join(e1, e2, e3)
}

// AddNote stores a note and sets its ID.
func (s *Store) AddNote(ctx context.Context, n *Note) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, n.CaseID); err != nil {
			return err
		}
		if err := contactBelongs(tx, n.CaseID, n.ContactID); err != nil {
			return err
		}
		if err := insertNote(tx, n); err != nil {
			return err
		}
		return newRecorder(ctx, tx).created("note", n.CaseID, n.ID)
	})
}

// validNote checks and tidies a note.
func validNote(n *Note) error {
	if err := checkLimits(n); err != nil {
		return err
	}
	var err error
	if n.Text, err = required("note", n.Text); err != nil {
		return err
	}
	if n.Kind == "" {
		n.Kind = NoteTimeline
	}
	if err := ValidNoteKind(n.Kind); err != nil {
		return err
	}
	n.SourceURL = strings.TrimSpace(n.SourceURL)
	if n.At.IsZero() {
		return &InvalidError{Field: "at", Problem: "needs-date"}
	}
	return nil
}

// insertNote validates and inserts a note of an existing case.
func insertNote(tx *sql.Tx, n *Note) error {
	if err := validNote(n); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO notes (case_id, contact_id, kind, text, source_url, at) VALUES (?,?,?,?,?,?)`,
		n.CaseID, n.ContactID, n.Kind, n.Text, n.SourceURL, formatTime(n.At))
	if err != nil {
		return err
	}
	n.ID, err = res.LastInsertId()
	return err
}

const noteColumns = "id, case_id, contact_id, kind, text, source_url, at"

const qCaseNotes = `SELECT ` + noteColumns + `
		FROM notes WHERE case_id = ? ORDER BY at, id`

func listNotes(ctx context.Context, q querier, caseID int64) ([]Note, error) {
	return queryNotes(ctx, q, "case_id = ? ORDER BY at, id", caseID)
}

func queryNotes(ctx context.Context, q querier, where string, args ...any) ([]Note, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+noteColumns+" FROM notes WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Note{}
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// scanNote reads one row of noteColumns.
func scanNote(rows *sql.Rows) (Note, error) {
	var n Note
	var contact sql.NullInt64
	var at string
	if err := rows.Scan(&n.ID, &n.CaseID, &contact, &n.Kind, &n.Text, &n.SourceURL, &at); err != nil {
		return n, err
	}
	if contact.Valid {
		n.ContactID = &contact.Int64
	}
	var err error
	n.At, err = parseTime(at)
	return n, err
}

// AddRef stores an account reference and sets its ID. A label that names
// a secret (PIN, password) is refused.
func (s *Store) AddRef(ctx context.Context, r *AccountRef) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, r.CaseID); err != nil {
			return err
		}
		if err := insertRef(tx, r); err != nil {
			return err
		}
		return newRecorder(ctx, tx).created("ref", r.CaseID, r.ID)
	})
}

// validRef checks and tidies an account reference; a label that names a
// secret is refused.
func validRef(r *AccountRef) error {
	if err := checkLimits(r); err != nil {
		return err
	}
	var err error
	if r.Label, err = required("label", r.Label); err != nil {
		return err
	}
	if r.Value, err = required("value", r.Value); err != nil {
		return err
	}
	if secretLabel(r.Label) {
		return &InvalidError{Field: "label", Problem: "looks-secret", Args: []any{r.Label}}
	}
	return nil
}

// insertRef validates and inserts an account reference of an existing case.
func insertRef(tx *sql.Tx, r *AccountRef) error {
	if err := validRef(r); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO account_refs (case_id, label, value, created_at) VALUES (?,?,?,?)`,
		r.CaseID, r.Label, r.Value, formatTime(r.CreatedAt))
	if err != nil {
		return err
	}
	r.ID, err = res.LastInsertId()
	return err
}

const qCaseRefs = `SELECT id, case_id, label, value, created_at FROM account_refs
		WHERE case_id = ? ORDER BY id`

func listRefs(ctx context.Context, q querier, caseID int64) ([]AccountRef, error) {
	rows, err := q.QueryContext(ctx, qCaseRefs, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []AccountRef{}
	for rows.Next() {
		var r AccountRef
		var created string
		if err := rows.Scan(&r.ID, &r.CaseID, &r.Label, &r.Value, &created); err != nil {
			return nil, err
		}
		if r.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
