package casefile

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned (wrapped in NotFoundError) when an id names nothing.
var ErrNotFound = errors.New("not found") // words:ok mapped to err_not_found_<what>

// NotFoundError says which kind of thing was missing, so the caller can
// suggest what exists instead.
type NotFoundError struct {
	What string // "case", "promise", "contact", ...
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no %s %d", e.What, e.ID) }
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// InvalidError is a value a person typed that cannot be stored. It names
// the field and the problem as keys of the words catalog (field_<Field>,
// invalid_<Problem>), so the command prints them in the user's language;
// Error() is the terse form for logs and tests.
type InvalidError struct {
	Field   string // "title", "kind", "ticket-number", …
	Problem string // "empty", "unknown", "not-amount", …
	Args    []any  // the values the problem's words name (the rejected value)
	Allowed string // the accepted values, as the user types them, for a hint
}

func (e *InvalidError) Error() string {
	s := e.Field + ": " + e.Problem
	for _, a := range e.Args {
		s += fmt.Sprintf(" %q", fmt.Sprint(a))
	}
	return s
}

// ErrNotCaseFile is returned when the file at the case-file path is not a
// redress case file (a text file, another program's database).
var ErrNotCaseFile error = NewMessage("err_not_case_file")

// ErrNoFTS5 is returned by Open when this binary was built without SQLite's
// full-text search (go build without -tags sqlite_fts5). The case file's
// search index is an FTS5 table and every write updates it, so such a
// binary could neither create nor change a case file: Open refuses before
// it touches the disk.
var ErrNoFTS5 error = NewMessage("err_no_fts5")

// ErrNotAFileName is returned for a case-file name SQLite takes for
// something else than a file (":memory:", "", a "file:" URI).
var ErrNotAFileName error = NewMessage("err_not_a_file_name")

// ErrReadOnlySidecar is returned (with the file's path) when the -shm or
// -wal file beside the case file cannot be written: every change fails
// until it is fixed.
var ErrReadOnlySidecar error = NewMessage("err_read_only_sidecar")

// ErrNewerVersion is returned for a case file written by a newer redress.
var ErrNewerVersion = errors.New("case file is from a newer version of redress") // words:ok mapped to err_newer_version

// FileError wraps a problem with the case file itself with its path.
type FileError struct {
	Path string
	Err  error
	// Why says why, as a key of the words catalog (file_why_<Why>):
	// "folder", "too-short", "not-sqlite", "other-program".
	Why string
	// Args are the figures the problem's words name (the versions).
	Args []any
	// Detail is a technical detail (the versions involved, SQLite's own
	// message), printed as it came.
	Detail string
}

func (e *FileError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Why != "" {
		msg += " (" + e.Why + ")"
	}
	for _, a := range e.Args {
		msg += fmt.Sprintf(" %v", a)
	}
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}
func (e *FileError) Unwrap() error { return e.Err }
