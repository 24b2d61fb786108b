package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
)

// fileIDPattern is what a file id looks like: 16 lowercase hex digits,
// made at random when the file was created (migration 0006).
var fileIDPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// FileID is the case file's own random id: calendar UIDs carry it, so
// reminders of two case files never collide in one calendar. A backup
// keeps it; export writes it and import into an empty file takes it over.
func (s *Store) FileID(ctx context.Context) (string, error) {
	if s.fileID != "" {
		return s.fileID, nil
	}
	var id string
	if err := s.db.QueryRowContext(ctx, `SELECT file_id FROM file_info`).Scan(&id); err != nil {
		return "", s.fileError(err)
	}
	s.fileID = id
	return id, nil
}

// adoptFileID gives the case file the id of the file an import came
// from, when this file holds no case yet: a restore on a new machine then
// keeps updating the same calendar events instead of duplicating them.
func adoptFileID(tx *sql.Tx, id string) error {
	if id == "" {
		return nil
	}
	if !fileIDPattern.MatchString(id) {
		return &ImportError{Msg: fmt.Sprintf("file_id %q is not 16 hex digits", id)} // words:ok the detail of import_bad-entry
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM cases`).Scan(&n); err != nil || n > 0 {
		return err
	}
	_, err := tx.Exec(`UPDATE file_info SET file_id = ?`, id)
	return err
}
