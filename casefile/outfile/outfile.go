// Package outfile is the one way redress writes a file the user named
// (a letter, an .ics export, a JSON export, a backup), so that no output
// ever clobbers something:
//
//   - a new file is written under a temporary name in the same folder,
//     created 0600, synced, and only then put in place (linked, so a file
//     that appeared meanwhile is not replaced);
//   - a symbolic link is never followed to a file it would replace;
//   - an existing file is replaced only with Options.Force, and the case
//     file and its -wal, -shm and -journal never are;
//   - a FIFO or a character device (/dev/stdout, a terminal, /dev/null) is
//     written straight into, never replaced by a regular file; "-" is the
//     caller's standard output.
//
// Use it as
//
//	f, err := outfile.Create(path, outfile.Options{Protect: []string{db}})
//	if err != nil { ... }
//	defer f.Abort()
//	write(f) // f is an io.Writer
//	err = f.Commit()
//
// or in one call: outfile.Write(path, opts, func(w io.Writer) error {...}).
package outfile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The reasons Create refuses a path; an *Error wraps one of them.
var (
	ErrExists    = errors.New("the file already exists")  // words:ok mapped to an out_ message (cmd/redress/output.go)
	ErrSymlink   = errors.New("it is a symbolic link")    // words:ok mapped to an out_ message (cmd/redress/output.go)
	ErrProtected = errors.New("it is the case file")      // words:ok mapped to an out_ message (cmd/redress/output.go)
	ErrNotFile   = errors.New("it is not a regular file") // words:ok mapped to an out_ message (cmd/redress/output.go)
)

// Error is a refusal or a failure to write Path.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// ProtectSuffixes are the files beside a case file that are as much the
// case file as the file itself.
var ProtectSuffixes = []string{"", "-wal", "-shm", "-journal"}

// Options says what Create may do.
type Options struct {
	// Force lets a regular file that exists be replaced (by a new 0600
	// file: its old mode and links are not kept).
	Force bool
	// Protect names case files: none of them, nor their -wal, -shm or
	// -journal, is ever written, with or without Force.
	Protect []string
	// Stdout is where "-" and /dev/stdout go; os.Stdout when nil.
	Stdout io.Writer
	// RegularOnly refuses a FIFO, a device and "-" (a backup must be a
	// file SQLite can open by name).
	RegularOnly bool
}

// Kind is what a path turned out to be.
type Kind int

const (
	KindNew     Kind = iota // a new regular file, written via a temporary one
	KindReplace             // an existing regular file, replaced (Force)
	KindStream              // a FIFO, a character device or standard output
)

// File is an output being written. Writes are buffered; nothing is under
// the final name of a regular file until Commit.
type File struct {
	path    string
	kind    Kind
	tmp     string   // the temporary file, for KindNew and KindReplace
	fd      *os.File // the temporary file or the stream, unless stdout
	w       *bufio.Writer
	done    bool
	ownsOut bool // fd is ours to close
}

// Create checks path and opens its output. It never writes anything under
// path itself: a regular file is written under a temporary name beside it.
func Create(path string, opts Options) (*File, error) {
	if path == "" {
		return nil, &Error{Path: path, Err: errors.New("no file name")} // words:ok mapped to an out_ message (cmd/redress/output.go)
	}
	if path == "-" || path == "/dev/stdout" {
		if opts.RegularOnly {
			return nil, &Error{Path: path, Err: ErrNotFile}
		}
		out := opts.Stdout
		if out == nil {
			out = os.Stdout
		}
		return &File{path: path, kind: KindStream, w: bufio.NewWriter(out)}, nil
	}
	if err := checkProtected(path, opts.Protect); err != nil {
		return nil, err
	}
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createTemp(path, KindNew)
	case err != nil:
		return nil, &Error{Path: path, Err: unwrap(err)}
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		// Through a link only to a stream (/dev/stderr, a named pipe):
		// there is nothing there to clobber.
		target, err := os.Stat(path)
		if err != nil || !isStream(target.Mode()) || opts.RegularOnly {
			return nil, &Error{Path: path, Err: ErrSymlink}
		}
		st = target
	}
	switch {
	case isStream(st.Mode()):
		if opts.RegularOnly {
			return nil, &Error{Path: path, Err: ErrNotFile}
		}
		// No O_CREATE, no O_TRUNC: a pipe or a device is written into,
		// never made into a regular file.
		fd, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, &Error{Path: path, Err: unwrap(err)}
		}
		return &File{path: path, kind: KindStream, fd: fd, ownsOut: true, w: bufio.NewWriter(fd)}, nil
	case !st.Mode().IsRegular():
		return nil, &Error{Path: path, Err: ErrNotFile}
	case !opts.Force:
		return nil, &Error{Path: path, Err: ErrExists}
	}
	return createTemp(path, KindReplace)
}

func isStream(m fs.FileMode) bool {
	return m&fs.ModeNamedPipe != 0 || (m&fs.ModeDevice != 0 && m&fs.ModeCharDevice != 0)
}

func createTemp(path string, kind Kind) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	fd, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, &Error{Path: path, Err: unwrap(err)}
	}
	// CreateTemp makes 0600 already; say it, as for the case file.
	if err := fd.Chmod(0o600); err != nil {
		fd.Close()
		os.Remove(fd.Name())
		return nil, &Error{Path: path, Err: unwrap(err)}
	}
	return &File{path: path, kind: kind, tmp: fd.Name(), fd: fd, ownsOut: true, w: bufio.NewWriter(fd)}, nil
}

// Kind says what the output is.
func (f *File) Kind() Kind { return f.kind }

// Path is the name the user gave.
func (f *File) Path() string { return f.path }

// TempPath is the temporary file a regular output is written to before
// Commit ("" for a stream): for a writer that needs a file name (SQLite).
func (f *File) TempPath() string { return f.tmp }

// Write writes to the output (buffered).
func (f *File) Write(p []byte) (int, error) { return f.w.Write(p) }

// Commit flushes and syncs the output and, for a regular file, puts it
// under its name: linked for a new file, so one that appeared since
// Create is not replaced; renamed over the old one with Force.
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	err := f.w.Flush()
	if f.ownsOut {
		if f.kind != KindStream {
			err = errors.Join(err, f.fd.Sync())
		}
		err = errors.Join(err, f.fd.Close())
	}
	if err == nil {
		switch f.kind {
		case KindNew:
			err = os.Link(f.tmp, f.path)
			if errors.Is(err, fs.ErrExist) {
				err = ErrExists
			}
		case KindReplace:
			err = os.Rename(f.tmp, f.path)
		}
	}
	if f.tmp != "" {
		os.Remove(f.tmp)
		syncDir(filepath.Dir(f.path))
	}
	if err != nil {
		return &Error{Path: f.path, Err: unwrap(err)}
	}
	return nil
}

// Abort drops a regular output that was not committed (nothing appears
// under its name); after Commit it does nothing, so `defer f.Abort()`.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	if f.ownsOut {
		f.fd.Close()
	}
	if f.tmp != "" {
		os.Remove(f.tmp)
		os.Remove(f.tmp + "-journal")
	}
}

// Write creates path, lets write fill it and commits it; on any error
// nothing is left under path (unless it is a stream).
func Write(path string, opts Options, write func(io.Writer) error) error {
	f, err := Create(path, opts)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		var oe *Error
		if errors.As(err, &oe) {
			return err
		}
		return &Error{Path: path, Err: unwrap(err)}
	}
	return f.Commit()
}

// IsProtected reports whether path names one of the case files of
// protect or the files beside it.
func IsProtected(path string, protect []string) bool {
	return checkProtected(path, protect) != nil
}

func checkProtected(path string, protect []string) error {
	st, statErr := os.Stat(path)
	want := canonical(path)
	for _, p := range protect {
		if p == "" {
			continue
		}
		for _, suf := range ProtectSuffixes {
			if canonical(p+suf) == want {
				return &Error{Path: path, Err: ErrProtected}
			}
			if statErr == nil {
				if pst, err := os.Stat(p + suf); err == nil && os.SameFile(st, pst) {
					return &Error{Path: path, Err: ErrProtected}
				}
			}
		}
	}
	return nil
}

// canonical is path made absolute with its folder's links resolved, so
// "./cases.db" and "/home/me/data/../data/cases.db" compare equal.
func canonical(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	dir, base := filepath.Split(abs)
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(d, base)
	}
	return abs
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrap drops the *os.PathError and *os.LinkError layers, whose message
// repeats the temporary file's name.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// Describe is err without the path, for a message that names the path
// itself.
func Describe(err error) string {
	var oe *Error
	if errors.As(err, &oe) {
		return strings.TrimSpace(oe.Err.Error())
	}
	return err.Error()
}
