package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/redress-cli/redress/casefile/outfile"
)

// ErrSameFile is a restore of the case file from itself.
var ErrSameFile error = NewMessage("err_same_file")

// CheckBackup checks that path is a whole redress case file this build
// can open: a case file (application id), not from a newer redress, and
// intact (SQLite's integrity check). It opens the file read-only and
// writes nothing, not even a journal.
func CheckBackup(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	if st.IsDir() {
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "folder"}
	}
	f, err := os.Open(path)
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	var h [100]byte
	_, err = io.ReadFull(f, h[:])
	f.Close()
	if err != nil {
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "too-short"}
	}
	if err := checkHeader(path, h[:]); err != nil {
		return err
	}
	if err := checkSize(path, h[:], st.Size()); err != nil {
		return err
	}
	db, err := openReadOnly(path)
	if err != nil {
		return err
	}
	defer db.Close()
	var appID int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return backupFileError(path, err)
	}
	if appID != applicationID {
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "other-program"}
	}
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		return backupFileError(path, err)
	}
	if result != "ok" {
		return &FileError{Path: path, Err: ErrDamaged, Why: "backup", Detail: result}
	}
	return nil
}

// openReadOnly opens a case file that no redress is using, read-only and
// without locks (immutable), so checking or copying it cannot change it.
func openReadOnly(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+escapeDSNPath(path)+"?mode=ro&immutable=1")
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	return db, nil
}

func backupFileError(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return &FileError{Path: path, Err: ErrDamaged, Why: "backup", Detail: se.Error()}
	}
	return &FileError{Path: path, Err: err}
}

// Restore replaces the case file's contents with the backup at from,
// after checking the backup (CheckBackup) and writing a backup of the
// current contents to keep (which must not exist: nothing is clobbered).
// The swap is SQLite's online backup into the open case file: one write
// transaction, so another redress sees the old contents or the new, and
// the case file keeps its place, permissions and WAL. A backup from an
// older schema is brought up to date.
func (s *Store) Restore(ctx context.Context, from, keep string) error {
	if same, _ := sameFile(from, s.path); same {
		return &FileError{Path: from, Err: ErrSameFile}
	}
	if err := CheckBackup(ctx, from); err != nil {
		return err
	}
	if err := s.Backup(ctx, keep, outfile.Options{}); err != nil { // never over a file
		return err
	}
	src, err := openReadOnly(from)
	if err != nil {
		return err
	}
	defer src.Close()
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return backupFileError(from, err)
	}
	defer srcConn.Close()
	destConn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fileError(err)
	}
	defer destConn.Close()
	err = destConn.Raw(func(d any) error {
		return srcConn.Raw(func(sc any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", sc.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			done, err := b.Step(-1)
			if ferr := b.Finish(); err == nil {
				err = ferr
			}
			if err == nil && !done {
				err = errors.New("restore stopped before the end") // words:ok an SQLite failure nobody can trigger by hand
			}
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("restore from %s: %w (the case file is unchanged; its copy is %s)", from, s.fileError(err), keep) // words:ok wraps a FileError the command words; the rest is the paths
	}
	destConn.Close()
	return s.checkAndMigrate()
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// KeepPath is where Restore keeps the case file it replaces: beside it,
// named with the moment (stamp, e.g. "20261123-100000").
func KeepPath(caseFile, stamp string) string {
	ext := filepath.Ext(caseFile)
	base := caseFile[:len(caseFile)-len(ext)]
	if ext == "" {
		ext = ".db"
	}
	return base + "-before-restore-" + stamp + ext
}
