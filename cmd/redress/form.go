package main

import (
	"bufio"
	"errors"
	"io"

	"github.com/charmbracelet/huh"
)

// Forms run when a person can answer: stdin is a terminal, or ACCESSIBLE
// is set, in which case huh asks line by line from any stdin (how screen
// readers and tests drive it). Otherwise a command that needs an answer
// fails with a usage error naming the flag to pass instead.

// canPrompt reports whether forms may run.
func (a *app) canPrompt() bool { return a.accessible() || a.stdinIsTerminal() }

// accessible reports whether forms run in huh's accessible mode.
func (a *app) accessible() bool { return a.getenv("ACCESSIBLE") != "" }

// errInputEnded is stdin running out in the middle of a form: the answers
// so far are kept (each prep step is saved as it ends), the rest is not
// guessed.
var errInputEnded = errors.New("input ended before the form was finished")

// runForm runs fields as one form. In accessible mode the answers are read
// through a reader that hands huh one line per Read: huh v1.0.0 makes a new
// bufio.Scanner for every prompt, and one that got all piped answers at
// once would swallow them, leaving later fields at their defaults.
func (a *app) runForm(fields ...huh.Field) error {
	return a.runGroups(huh.NewGroup(fields...))
}

// runGroups runs a form of several pages (groups), one after another.
func (a *app) runGroups(groups ...*huh.Group) error {
	form := huh.NewForm(groups...).WithOutput(a.stderr).WithShowHelp(true)
	if !a.accessible() {
		return form.Run()
	}
	in := a.lines()
	form = form.WithAccessible(true).WithInput(in)
	if err := form.Run(); err != nil {
		return err
	}
	if in.ended {
		return errInputEnded
	}
	return nil
}

// lines returns the app's one line reader over stdin (one per process, so
// no read-ahead is lost between forms).
func (a *app) lines() *lineReader {
	if a.lineIn == nil {
		a.lineIn = &lineReader{r: bufio.NewReader(a.stdin)}
	}
	return a.lineIn
}

// lineReader returns at most one line per Read and remembers whether the
// input ended, since huh's accessible prompts treat EOF as "keep the
// default" and cannot report it.
type lineReader struct {
	r       *bufio.Reader
	pending []byte
	ended   bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		line, err := l.r.ReadSlice('\n')
		if len(line) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				l.ended = true
			}
			return 0, err
		}
		l.pending = append(l.pending[:0], line...)
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}
