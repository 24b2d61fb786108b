package casefile

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// ExportRecord is what was last exported of one calendar reminder to one
// target: the state that lets a new export raise SEQUENCE only when a
// reminder changed, and cancel a dropped one exactly once. The calendar
// side (what a reminder is, how it is encoded) lives in package reminders;
// the case file only keeps these rows.
type ExportRecord struct {
	Target       string // "file", or "caldav <calendar url>"
	UID          string
	CaseID       int64
	Content      string // the reminder as last exported (JSON)
	Hash         string // SHA-256 of Content
	Sequence     int
	LastModified time.Time
	CancelledAt  *time.Time
}

// ExportRecords returns the records of target, of one case (caseID > 0) or
// of all cases, ordered by UID.
func (s *Store) ExportRecords(ctx context.Context, target string, caseID int64) ([]ExportRecord, error) {
	q := `SELECT target, uid, case_id, content, hash, sequence, last_modified, cancelled_at
		FROM reminder_exports WHERE target = ?`
	args := []any{target}
	if caseID > 0 {
		q += " AND case_id = ?"
		args = append(args, caseID)
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY uid", args...)
	if err != nil {
		return nil, s.fileError(err)
	}
	defer rows.Close()
	var out []ExportRecord
	for rows.Next() {
		var r ExportRecord
		var modified, cancelled string
		if err := rows.Scan(&r.Target, &r.UID, &r.CaseID, &r.Content, &r.Hash, &r.Sequence, &modified, &cancelled); err != nil {
			return nil, err
		}
		var e1, e2 error
		r.LastModified, e1 = parseTime(modified)
		r.CancelledAt, e2 = parseOptionalTime(cancelled)
		if err := errors.Join(e1, e2); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveExportRecords stores recs (insert or replace by target and UID) in
// one transaction: after a crash the state is that of the last complete
// export, never half of one.
func (s *Store) SaveExportRecords(ctx context.Context, recs []ExportRecord) error {
	if len(recs) == 0 {
		return nil
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.Prepare(`INSERT INTO reminder_exports (target, uid, case_id, content, hash, sequence, last_modified, cancelled_at)
			VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT (target, uid) DO UPDATE SET case_id = excluded.case_id, content = excluded.content,
				hash = excluded.hash, sequence = excluded.sequence, last_modified = excluded.last_modified,
				cancelled_at = excluded.cancelled_at`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range recs {
			if _, err := stmt.Exec(r.Target, r.UID, r.CaseID, r.Content, r.Hash, r.Sequence,
				formatTime(r.LastModified), formatOptionalTime(r.CancelledAt)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ActiveCases returns the cases that still need attention (one case when
// caseID > 0, whatever its status) with their contacts, pending promises
// and tickets: what reminders are made of. Notes and account references
// are deliberately not loaded, so no account reference can reach a
// calendar. The whole read is one snapshot and a fixed number of queries,
// however many cases there are.
func (s *Store) ActiveCases(ctx context.Context, caseID int64) ([]Full, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fileError(err)
	}
	defer tx.Rollback()
	where, args := "status NOT IN ('resolved', 'closed')", []any{}
	if caseID > 0 {
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return nil, err
		}
		where, args = "id = ?", []any{caseID}
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+caseColumns+" FROM cases WHERE "+where+" ORDER BY id", args...)
	if err != nil {
		return nil, s.fileError(err)
	}
	var out []Full
	index := map[int64]int{}
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[c.ID] = len(out)
		out = append(out, Full{Case: c, Contacts: []Contact{}, Promises: []Promise{}, Tickets: []Ticket{}})
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	// The entries of the selected cases: the same filter, as a sub-select.
	in := "case_id IN (SELECT id FROM cases WHERE " + where + ")"
	contacts, err := listContactsWhere(ctx, tx, in, args...)
	if err != nil {
		return nil, err
	}
	for _, c := range contacts {
		f := &out[index[c.CaseID]]
		f.Contacts = append(f.Contacts, c)
	}
	promises, err := listPromises(ctx, tx, in+" AND status = 'pending'", args...)
	if err != nil {
		return nil, err
	}
	for _, p := range promises {
		f := &out[index[p.CaseID]]
		f.Promises = append(f.Promises, p)
	}
	tickets, err := listTicketsWhere(ctx, tx, in, args...)
	if err != nil {
		return nil, err
	}
	for _, t := range tickets {
		f := &out[index[t.CaseID]]
		f.Tickets = append(f.Tickets, t)
	}
	return out, nil
}

// listContactsWhere and listTicketsWhere are listContacts and listTickets
// over any set of cases; the per-case ones are left as they are so this
// branch does not rewrite code other work depends on.
func listContactsWhere(ctx context.Context, q querier, where string, args ...any) ([]Contact, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, channel, at, duration_s, rep, department, summary
		FROM contacts WHERE `+where+` ORDER BY at, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Contact{}
	for rows.Next() {
		var c Contact
		var at string
		if err := rows.Scan(&c.ID, &c.CaseID, &c.Channel, &at, &c.DurationS, &c.Rep, &c.Department, &c.Summary); err != nil {
			return nil, err
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func listTicketsWhere(ctx context.Context, q querier, where string, args ...any) ([]Ticket, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, contact_id, number, label, expected, created_at
		FROM tickets WHERE `+where+` ORDER BY created_at, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Ticket{}
	for rows.Next() {
		var t Ticket
		var contact sql.NullInt64
		var expected, created string
		if err := rows.Scan(&t.ID, &t.CaseID, &contact, &t.Number, &t.Label, &expected, &created); err != nil {
			return nil, err
		}
		if contact.Valid {
			t.ContactID = &contact.Int64
		}
		var e1, e2 error
		t.Expected, e1 = ParseStoredDate(expected)
		t.CreatedAt, e2 = parseTime(created)
		if err := errors.Join(e1, e2); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
