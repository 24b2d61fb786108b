package casefile

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ErrBackupExists is returned when the backup file is already there: a
// backup never overwrites a file, which might be the only good copy.
var ErrBackupExists = errors.New("the backup file already exists") // words:ok mapped to err_backup_exists

// Backup writes a consistent copy of the case file to dest with SQLite's
// online backup API: the copy is one snapshot, even while another process
// writes (a plain file copy could take half of a write, or miss what is
// still in the -wal file). dest is created 0600 and must not exist; a
// failed backup removes it.
func (s *Store) Backup(ctx context.Context, dest string) (err error) {
	f, err := os.OpenFile(dest, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return &FileError{Path: dest, Err: ErrBackupExists}
	}
	if err != nil {
		return &FileError{Path: dest, Err: err}
	}
	// umask only removes bits, but the copy holds account references in
	// full: say 0600 explicitly, as for the case file.
	err = f.Chmod(0o600)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dest)
		return &FileError{Path: dest, Err: err}
	}
	defer func() {
		if err != nil {
			os.Remove(dest)
			os.Remove(dest + "-journal")
		}
	}()

	destDB, err := sql.Open("sqlite3", "file:"+escapeDSNPath(dest)+"?_synchronous=FULL")
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
