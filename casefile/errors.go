package casefile

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned (wrapped in NotFoundError) when an id names nothing.
var ErrNotFound = errors.New("not found")

// NotFoundError says which kind of thing was missing, so the caller can
// suggest what exists instead.
type NotFoundError struct {
	What string // "case", "promise", "contact", ...
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no %s %d", e.What, e.ID) }
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// InvalidError is a value a person typed that cannot be stored.
type InvalidError struct {
	Field   string
	Reason  string
	Allowed string // the accepted values or forms, for a hint
}

func (e *InvalidError) Error() string { return e.Field + ": " + e.Reason }

// ErrNotCaseFile is returned when the file at the case-file path is not a
// redress case file (a text file, another program's database).
var ErrNotCaseFile = errors.New("not a redress case file")

// ErrNoFTS5 is returned by Open when this binary was built without SQLite's
// full-text search (go build without -tags sqlite_fts5). The case file's
// search index is an FTS5 table and every write updates it, so such a
// binary could neither create nor change a case file: Open refuses before
// it touches the disk.
var ErrNoFTS5 = errors.New("built without full-text search (SQLite FTS5)")

// ErrNotAFileName is returned for a case-file name SQLite takes for
// something else than a file (":memory:", "", a "file:" URI).
var ErrNotAFileName = errors.New("not a file name; the case file must be a file")

// ErrReadOnlySidecar is returned (with the file's path) when the -shm or
// -wal file beside the case file cannot be written: every change fails
// until it is fixed.
var ErrReadOnlySidecar = errors.New("this file beside the case file is read-only, so nothing can be changed")

// ErrNewerVersion is returned for a case file written by a newer redress.
var ErrNewerVersion = errors.New("case file is from a newer version of redress")

// FileError wraps a problem with the case file itself with its path.
type FileError struct {
	Path string
	Err  error
	// Detail explains further, e.g. the versions involved.
	Detail string
}

func (e *FileError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}
func (e *FileError) Unwrap() error { return e.Err }
