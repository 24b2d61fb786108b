package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/redress-cli/redress/casefile/outfile"
)

// Backup writes a consistent copy of the case file to dest with SQLite's
// online backup API: the copy is one snapshot, even while another process
// writes (a plain file copy could take half of a write, or miss what is
// still in the -wal file).
//
// The copy is made under a temporary name beside dest (0600), checked
// (SQLite's quick_check, and that it is a case file), synced, and only
// then linked to dest: a backup killed at any moment leaves nothing under
// dest, and rerunning it just works. dest is written through the one
// output writer (package outfile): never through a symlink, never over
// the case file, over an existing file only with opts.Force.
func (s *Store) Backup(ctx context.Context, dest string, opts outfile.Options) (err error) {
	opts.RegularOnly = true
	opts.Protect = append(opts.Protect, s.path)
	out, err := outfile.Create(dest, opts)
	if err != nil {
		return err
	}
	defer out.Abort()
	tmp := out.TempPath()
	if err := s.backupTo(ctx, tmp, dest); err != nil {
		return err
	}
	if why, err := checkBackup(ctx, tmp); err != nil {
		return &FileError{Path: dest, Err: ErrBadCopy, Why: why, Detail: err.Error()}
	}
	return out.Commit()
}

// ErrBadCopy is a backup that failed its check; nothing was left under
// the name asked for.
var ErrBadCopy error = NewMessage("err_bad_copy")

// checkBackup opens the finished copy and checks it is a whole case file;
// why is the problem as a key of the words catalog (file_why_<why>).
func checkBackup(ctx context.Context, path string) (why string, err error) {
	db, err := sql.Open("sqlite3", "file:"+escapeDSNPath(path)+"?mode=ro")
	if err != nil {
		return "copy-unreadable", err
	}
	defer db.Close()
	var check string
	var appID int
	err = db.QueryRowContext(ctx, `SELECT (SELECT quick_check FROM pragma_quick_check), (SELECT application_id FROM pragma_application_id)`).Scan(&check, &appID)
	switch {
	case err != nil:
		return "copy-unreadable", err
	case check != "ok":
		return "copy-damaged", errors.New(check)
	case appID != applicationID:
		return "copy-not-case-file", fmt.Errorf("application_id %d", appID)
	}
	return "", nil
}

func (s *Store) backupTo(ctx context.Context, tmp, dest string) error {
	destDB, err := sql.Open("sqlite3", "file:"+escapeDSNPath(tmp)+"?_synchronous=FULL")
	if err != nil {
		return &FileError{Path: dest, Err: err}
	}
	defer destDB.Close()
	destConn, err := destDB.Conn(ctx)
	if err != nil {
		return &FileError{Path: dest, Err: err}
	}
	defer destConn.Close()
	srcConn, err := s.db.Conn(ctx)
	if err != nil {
		return s.fileError(err)
	}
	defer srcConn.Close()

	err = destConn.Raw(func(d any) error {
		return srcConn.Raw(func(src any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", src.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			// One step of all pages: the source is read under one read
			// transaction, so the copy is a single snapshot. (Stepping in
			// pieces would restart whenever another process writes.) A
			// step that finds a lock copies nothing and is tried again.
			var done bool
			for try := 0; try < 100 && err == nil && !done; try++ {
				if try > 0 {
					time.Sleep(20 * time.Millisecond)
				}
				done, err = b.Step(-1)
			}
			if ferr := b.Finish(); err == nil {
				err = ferr
			}
			if err == nil && !done {
				err = errors.New("backup stopped before the end") // words:ok an SQLite failure nobody can trigger by hand
			}
			return err
		})
	})
	if err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && (se.Code == sqlite3.ErrFull || se.Code == sqlite3.ErrIoErr) {
			return &FileError{Path: dest, Err: ErrCannotWrite, Detail: err.Error()}
		}
		return s.fileError(err)
	}
	return nil
}
