package casefile

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// applicationID marks a SQLite file as a redress case file ("RDRS"), so that
// another program's database is refused instead of migrated into.
const applicationID = 0x52445253

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the numbered files under migrations/, in order. Their
// numbers must run 1, 2, 3… with no gap; a test checks it. They are read
// on first use: only a file that needs migrating needs their text
// (75 KB of SQL copied at every start-up before; issue 19).
var migrations = sync.OnceValue(mustLoadMigrations)

// schemaVersion is the number of the last migration, read from the file
// names alone: every open compares the file's version with it.
var schemaVersion = sync.OnceValue(func() int {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil || len(entries) == 0 {
		panic("casefile: no migrations")
	}
	num, _, _ := strings.Cut(entries[len(entries)-1].Name(), "_")
	v, err := strconv.Atoi(num)
	if err != nil {
		panic("casefile: migration without a number: " + entries[len(entries)-1].Name())
	}
	return v
})

func mustLoadMigrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("casefile: migration without a number: " + e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return schemaVersion() }

// Store is an open case file.
type Store struct {
	db     *sql.DB
	path   string
	fileID string // read on first use: see FileID
	// rules make the stored reminders (UseReminderRules); nil leaves
	// changed cases marked for the next reminders command.
	rules ReminderRules
}

// Open opens the case file at path, creating it (0600, in a 0700 folder it
// makes) if it does not exist, and brings its schema up to date. A file
// that is not a case file, or one from a newer redress, is refused before
// anything is written to it.
func Open(path string) (*Store, error) {
	if !fts5Built {
		return nil, ErrNoFTS5
	}
	if err := checkName(path); err != nil {
		return nil, err
	}
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	// Per-connection settings go in the DSN so every pooled connection has
	// them; none of them writes to the file. _txlock=immediate makes every
	// transaction take the write lock up front, so two writers queue on the
	// busy timeout instead of failing with a deadlock on lock upgrade.
	dsn := "file:" + escapeDSNPath(path) +
		"?_foreign_keys=on&_busy_timeout=10000&_synchronous=FULL&_txlock=immediate"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	s := &Store{db: db, path: path}
	if err := s.checkAndMigrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the case file.
func (s *Store) Close() error { return s.db.Close() }

// Path is where the case file lives.
func (s *Store) Path() string { return s.path }

// DB exposes the connection for tests and benchmarks in other packages
// (EXPLAIN QUERY PLAN, integrity checks). Commands never use it.
func (s *Store) DB() *sql.DB { return s.db }

func escapeDSNPath(p string) string {
	// '?' and '#' would start the query or fragment of the file: URI.
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}

// checkName refuses what SQLite would not take for a file name: "" (a
// temporary database) and ":memory:" (one in memory), both of which accept
// writes and keep nothing, and "file:" URIs, which could say the same.
func checkName(path string) error {
	switch {
	case strings.TrimSpace(path) == "":
		return &FileError{Path: `""`, Err: ErrNotAFileName}
	case path == ":memory:" || strings.HasPrefix(path, "file:"):
		return &FileError{Path: strconv.Quote(path), Err: ErrNotAFileName}
	}
	return nil
}

// prepareFile creates a missing case file with safe permissions, and reads
// the header of an existing one to refuse what is not ours without opening
// it through SQLite (which could write a journal or change its mode).
func prepareFile(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createFile(path)
	case err != nil:
		return &FileError{Path: path, Err: err}
	case st.IsDir():
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "folder"}
	case st.Size() == 0:
		return nil // an empty file is an empty database; we will set it up
	}
	f, err := os.Open(path)
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "too-short"}
	}
	if err := checkHeader(path, h[:]); err != nil {
		return err
	}
	return checkSize(path, h[:], st.Size())
}

// checkHeader applies the file-format facts of https://sqlite.org/fileformat.html:
// magic string at 0, schema cookie at 40, user_version at 60, application id at 68.
func checkHeader(path string, h []byte) error {
	if !bytes.HasPrefix(h, []byte("SQLite format 3\x00")) {
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "not-sqlite"}
	}
	schemaCookie := binary.BigEndian.Uint32(h[40:])
	userVersion := int(binary.BigEndian.Uint32(h[60:]))
	appID := binary.BigEndian.Uint32(h[68:])
	if appID != applicationID && schemaCookie != 0 {
		return &FileError{Path: path, Err: ErrNotCaseFile, Why: "other-program"}
	}
	if appID == applicationID && userVersion > SchemaVersion() {
		return newerVersion(path, userVersion)
	}
	return nil
}

func newerVersion(path string, v int) error {
	return &FileError{Path: path, Err: ErrNewerVersion,
		Args: []any{v, SchemaVersion()}}
}

func createFile(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return &FileError{Path: path, Err: err}
		}
		// MkdirAll honours the umask; say 0700 explicitly for the folder we made.
		if err := os.Chmod(dir, 0o700); err != nil {
			return &FileError{Path: path, Err: err}
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil // another process created it first; fine
	}
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	defer f.Close()
	// A permissive umask could have widened nothing here (umask only
	// removes bits), but be explicit: the case file is the user's evidence.
	if err := f.Chmod(0o600); err != nil {
		return &FileError{Path: path, Err: err}
	}
	return nil
}

// checkAndMigrate verifies, through SQLite this time (a WAL file may hold
// changes the header does not show yet), that the file is ours, then
// switches it to WAL and applies the migrations it lacks.
func (s *Store) checkAndMigrate() error {
	ctx := context.Background()
	var appID, version, objects int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`).Scan(&appID, &version, &objects)
	if err != nil {
		return s.fileError(err)
	}
	if appID != applicationID && objects != 0 {
		return &FileError{Path: s.path, Err: ErrNotCaseFile, Why: "other-program"}
	}
	if version > SchemaVersion() {
		return newerVersion(s.path, version)
	}
	if version == SchemaVersion() {
		return nil // already WAL and current: the common case costs one query
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return s.fileError(err)
	}
	for _, m := range migrations() {
		err := s.WithTx(ctx, func(tx *sql.Tx) error {
			// Re-read inside the write lock: another process may have
			// migrated while we waited for it.
			var v int
			if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
				return err
			}
			if v >= m.version {
				return nil
			}
			if _, err := tx.Exec(m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d" /* words:ok SQL */, m.version, applicationID))
			return err
		})
		if err != nil {
			return s.fileError(err)
		}
	}
	return nil
}

// fileError turns SQLite's complaints about the file into FileErrors that
// say which file and what is wrong with it.
func (s *Store) fileError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return &FileError{Path: s.path, Err: ErrNotCaseFile, Why: "not-sqlite"}
		case sqlite3.ErrCorrupt:
			return &FileError{Path: s.path, Err: ErrDamaged}
		case sqlite3.ErrReadonly:
			if f := readOnlySidecar(s.path); f != "" {
				return &FileError{Path: f, Err: ErrReadOnlySidecar}
			}
			return &FileError{Path: s.path, Err: ErrReadOnly}
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			return &FileError{Path: s.path, Err: ErrCannotOpen, Detail: se.Error()}
		case sqlite3.ErrFull:
			return &FileError{Path: s.path, Err: ErrDiskFull}
		case sqlite3.ErrIoErr:
			return &FileError{Path: s.path, Err: ErrCannotWrite, Detail: se.Error()}
		}
	}
	return err
}

// readOnlySidecar names the -shm or -wal file beside a writable case file
// that cannot be written (left so by opening a read-only case file), or "".
func readOnlySidecar(path string) string {
	if !writable(path) {
		return ""
	}
	for _, suf := range []string{"-shm", "-wal"} {
		if _, err := os.Stat(path + suf); err == nil && !writable(path+suf) {
			return path + suf
		}
	}
	return ""
}

func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// WithTx runs fn in one write transaction: all of it is stored, or none.
func (s *Store) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fileError(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.fileError(err)
	}
	// The stored reminders of the cases fn changed, in the same
	// transaction: they are never out of step with the entries.
	if err := s.syncReminders(ctx, tx); err != nil {
		tx.Rollback()
		return s.fileError(err)
	}
	if err := tx.Commit(); err != nil {
		return s.fileError(err)
	}
	return nil
}
