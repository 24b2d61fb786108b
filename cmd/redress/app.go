package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/mattn/go-isatty"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/reminders"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// app is what every command runs against: its streams, its clock, its
// language and (opened on first use) the case file.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	dbFlag string // --db
	lang   string // --lang, after defaults
	loc    *time.Location

	nowOnce time.Time // read once per operation: see now()
	store   *casefile.Store
	ctx     context.Context
	lineIn  *lineReader // accessible-mode form input, made on first use

	stdinTaken string // the text stdin was read for ("-"), if any
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, loc: time.Local, ctx: context.Background()}
}

// now is the operation's one clock reading. REDRESS_NOW (RFC 3339) fixes
// it, for tests and the demo.
func (a *app) now() (time.Time, error) {
	if !a.nowOnce.IsZero() {
		return a.nowOnce, nil
	}
	if v := a.getenv("REDRESS_NOW"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return t, usageErr(w("err_redress_now", v), w("hint_redress_now"))
		}
		a.nowOnce = t.In(a.loc)
	} else {
		a.nowOnce = time.Now().In(a.loc).Truncate(time.Second)
	}
	return a.nowOnce, nil
}

// live is the clock of an operation that lasts (a call being logged line
// by line): each reading is the time now, unless REDRESS_NOW pins it, as
// for now().
func (a *app) live() time.Time {
	if a.getenv("REDRESS_NOW") != "" {
		t, _ := a.now()
		return t
	}
	return time.Now().In(a.loc).Truncate(time.Second)
}

// dateReader reads the dates typed for a case of jurisdiction j as of
// now: numeric dates day- or month-first as the jurisdiction writes them,
// or as the locale (LC_ALL, LC_TIME, LANG) does when j does not say.
func (a *app) dateReader(now time.Time, j casefile.Jurisdiction) dates.Reader {
	locale := ""
	for _, v := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if locale = a.getenv(v); locale != "" {
			break
		}
	}
	return dates.Reader{Now: now, Loc: a.loc, Order: dates.OrderFor(j, locale)}
}

// caseDates returns the date reader for the dates typed about case id:
// its jurisdiction says how 1/12 reads. Every command that reads a date
// for an existing case goes through here (or nowAndAt, readDue), so the
// rules of casefile/dates reach all of them.
func (a *app) caseDates(caseID int64) (dates.Reader, error) {
	now, s, err := a.nowAndStore()
	if err != nil {
		return dates.Reader{}, err
	}
	c, err := s.Case(a.ctx, caseID)
	if err != nil {
		return dates.Reader{}, err
	}
	return a.dateReader(now, c.Jurisdiction), nil
}

// nowAndAt returns the clock and the moment an --at flag of case caseID
// names: now when it is empty, else the date it reads (the start of that
// day when no time of day is given). --at tells when something happened,
// so a date in the future is refused.
func (a *app) nowAndAt(caseID int64, at string) (now, when time.Time, err error) {
	if now, err = a.now(); err != nil || at == "" {
		return now, now, err
	}
	r, err := a.caseDates(caseID)
	if err != nil {
		return now, now, err
	}
	d, err := r.Past(at)
	if err != nil {
		return now, now, fmt.Errorf("--at: %w", err)
	}
	return now, d.Time(a.loc), nil
}

// readDue reads a due or expected date given with flag. One in the past
// is kept (a promise noted late still counts) with a warning on stderr
// saying how long ago it was.
func (a *app) readDue(r dates.Reader, flag, s string) (casefile.Date, error) {
	d, ago, err := r.Due(s)
	if err != nil {
		return d, fmt.Errorf("%s: %w", flag, err)
	}
	switch {
	case ago == 1:
		fmt.Fprintln(a.stderr, msgf(a.lang, "date_was_ago_1", flag, fmtDate(a.lang, d, a.loc), ago))
	case ago > 1:
		fmt.Fprintln(a.stderr, msgf(a.lang, "date_was_ago_n", flag, fmtDate(a.lang, d, a.loc), ago))
	}
	return d, nil
}

// dbPath is --db, else REDRESS_DB, else $XDG_DATA_HOME/redress/cases.db.
func (a *app) dbPath() string {
	if a.dbFlag != "" {
		return a.dbFlag
	}
	if v := a.getenv("REDRESS_DB"); v != "" {
		return v
	}
	if v := a.getenv("XDG_DATA_HOME"); v != "" {
		return filepath.Join(v, "redress", "cases.db")
	}
	return filepath.Join(xdg.DataHome, "redress", "cases.db")
}

// nowAndStore is the clock and the case file, read in that order (a bad
// REDRESS_NOW is reported before the file is touched): the start of most
// commands.
func (a *app) nowAndStore() (time.Time, *casefile.Store, error) {
	now, err := a.now()
	if err != nil {
		return now, nil, err
	}
	s, err := a.open()
	return now, s, err
}

// open opens the case file on first use, so --help, --version and
// completion never touch the disk.
func (a *app) open() (*casefile.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	s, err := casefile.Open(a.dbPath())
	if err != nil {
		return nil, err
	}
	// Every change rewrites the stored reminders of its cases, in the
	// user's zone, in its own transaction.
	s.UseReminderRules(reminders.Stored(a.loc))
	a.store = s
	return s, nil
}

// loadCase reads one whole case, with the operation's clock: what every
// command that prints a case starts with.
func (a *app) loadCase(id int64) (casefile.Full, time.Time, error) {
	now, s, err := a.nowAndStore()
	if err != nil {
		return casefile.Full{}, now, err
	}
	f, err := s.Full(a.ctx, id)
	return f, now, err
}

// loadParts is loadCase reading only the parts p (Store.FullParts), with
// how many notes the case has in all.
func (a *app) loadParts(id int64, p casefile.Parts) (casefile.Full, int, time.Time, error) {
	now, s, err := a.nowAndStore()
	if err != nil {
		return casefile.Full{}, 0, now, err
	}
	f, notes, err := s.FullParts(a.ctx, id, p)
	return f, notes, now, err
}

func (a *app) close() {
	if a.store != nil {
		a.store.Close()
	}
}

// resolveLang picks the interface language: --lang, then REDRESS_LANG,
// then LANG/LC_ALL ("ko_KR.UTF-8" is Korean), else English.
func (a *app) resolveLang(flag string) error {
	pick := flag
	if pick == "" {
		pick = a.getenv("REDRESS_LANG")
	}
	if pick == "" {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if l := a.getenv(v); l != "" {
				pick = l
				break
			}
		}
	}
	pick = strings.ToLower(pick)
	switch {
	case flag != "" && pick != "en" && pick != "ko":
		return usageErr(w("err_unknown_lang", flag), w("hint_lang"))
	case strings.HasPrefix(pick, "ko"):
		a.lang = "ko"
	default:
		a.lang = "en"
	}
	return nil
}

// stdoutIsTerminal reports whether output goes to a person's screen.
func (a *app) stdoutIsTerminal() bool { return isTerminal(a.stdout) }

// stdinIsTerminal reports whether a person can answer prompts.
func (a *app) stdinIsTerminal() bool { return isTerminal(a.stdin) }

func isTerminal(v any) bool {
	if c, ok := v.(*checkedWriter); ok {
		v = c.w
	}
	f, ok := v.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
