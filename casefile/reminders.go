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
	args := []any{target}
	if caseID > 0 {
		args = append(args, caseID)
	}
	rows, err := s.db.QueryContext(ctx, exportRecordsQuery(caseID), args...)
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

func exportRecordsQuery(caseID int64) string {
	q := `SELECT target, uid, case_id, content, hash, sequence, last_modified, cancelled_at
		FROM reminder_exports WHERE target = ?`
	if caseID > 0 {
		q += " AND case_id = ?"
	}
	return q + " ORDER BY uid"
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
