package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
)

// Exit codes, in one place.
const (
	exitOK        = 0
	exitError     = 1
	exitUsage     = 2
	exitNotReady  = 3 // prep --check: the case is not ready for the call
	exitCancelled = 130
)

// cliError is an error with the exit code and hint it deserves.
type cliError struct {
	code int
	msg  string
	hint string
}

func (e *cliError) Error() string { return e.msg }

func usageErr(msg, hint string) error { return &cliError{code: exitUsage, msg: msg, hint: hint} }

func failErr(msg, hint string) error { return &cliError{code: exitError, msg: msg, hint: hint} }

// report prints err the age way: "redress: message" and an optional
// "hint:" line, on stderr; it returns the exit code.
func (a *app) report(err error, w io.Writer) int {
	code, msg, hint := a.classify(err)
	if msg == "" {
		return code // the output already said it (prep --check)
	}
	fmt.Fprintf(w, "redress: %s\n", clean(msg))
	if hint != "" {
		fmt.Fprintf(w, "hint: %s\n", clean(hint))
	}
	return code
}

func (a *app) classify(err error) (code int, text, hint string) {
	var ce *cliError
	var nf *casefile.NotFoundError
	var inv *casefile.InvalidError
	var fe *casefile.FileError
	var ud *dates.UnreadableError
	var he *casefile.HasEntriesError
	var conflict *casefile.ConflictError
	var me *casefile.MoneyError
	var re *dates.RangeError
	var fu *dates.FutureError
	switch {
	case errors.As(err, &ce):
		return ce.code, ce.msg, ce.hint
	case errors.Is(err, casefile.ErrNoFTS5) || strings.Contains(err.Error(), "no such module: fts5"):
		return exitError, messageOf(a.lang, "err_no_fts5"), messageOf(a.lang, "hint_no_fts5")
	case errors.Is(err, huh.ErrUserAborted):
		return exitCancelled, "cancelled", ""
	case errors.Is(err, errInputEnded):
		return exitCancelled, "cancelled: " + err.Error(), ""
	case errors.As(err, &he):
		var parts []string
		for _, c := range []struct {
			key string
			n   int
		}{{"cnt_promise", he.Promises}, {"cnt_ticket", he.Tickets}, {"cnt_note", he.Notes}} {
			switch {
			case c.n == 1:
				parts = append(parts, msgf(a.lang, c.key+"_1", c.n))
			case c.n > 1:
				parts = append(parts, msgf(a.lang, c.key+"_n", c.n))
			}
		}
		return exitError, msgf(a.lang, "err_has_entries", he.ContactID, strings.Join(parts, ", ")),
			msgf(a.lang, "hint_has_entries", he.ContactID)
	case errors.As(err, &conflict):
		if conflict.NotEmpty {
			return exitError, msgf(a.lang, "err_conflict_case", conflict.ID), msg(a.lang, "hint_conflict")
		}
		return exitError, msgf(a.lang, "err_conflict", kindWord(a.lang, conflict.Kind), conflict.ID), msg(a.lang, "hint_conflict")
	case errors.Is(err, casefile.ErrNothingToUndo):
		return exitError, msg(a.lang, "err_nothing_to_undo"), ""
	case errors.As(err, &nf):
		return exitError, nf.Error(), a.notFoundHint(nf)
	case errors.As(err, &inv):
		h := ""
		if inv.Allowed != "" {
			h = "accepted: " + inv.Allowed
		}
		return exitUsage, err.Error(), h
	case errors.As(err, &ud):
		return exitUsage, err.Error(), "accepted: " + dates.Forms
	case errors.As(err, &re):
		return exitUsage, err.Error(), fmt.Sprintf("give a date between %d and %d", casefile.MinYear, casefile.MaxYear)
	case errors.As(err, &fu):
		return exitUsage, err.Error(), "give the day it happened, e.g. yesterday, 2 Nov, 2026-11-02; a date still to come belongs in a promise or ticket"
	case errors.As(err, &me):
		return exitUsage, err.Error(), "accepted: " + casefile.MoneyForms
	case errors.As(err, &fe):
		return exitError, lowerFirst(fe.Error()), fileHint(fe)
	}
	return exitError, lowerFirst(err.Error()), ""
}

// messageOf is msg, for functions whose results are named msg.
var messageOf = msg

func (a *app) notFoundHint(nf *casefile.NotFoundError) string {
	switch nf.What {
	case "case":
	case "unfinished call on case":
		return fmt.Sprintf("start a new call with 'redress call %d'", nf.ID)
	default:
		return fmt.Sprintf("'redress show CASE' lists the %s numbers of a case", nf.What)
	}
	if a.store == nil {
		return ""
	}
	n, lo, hi, err := a.store.CaseIDs(a.ctx)
	switch {
	case err != nil:
		return ""
	case n == 0:
		return "there are no cases yet; open one with 'redress new --title ...'"
	case lo == hi:
		return fmt.Sprintf("the only case is %d", lo)
	default:
		return fmt.Sprintf("cases %d to %d exist (%d in all); 'redress list --all' shows them", lo, hi, n)
	}
}

func fileHint(fe *casefile.FileError) string {
	switch {
	case errors.Is(fe.Err, casefile.ErrNotCaseFile):
		return "point --db (or REDRESS_DB) at a redress case file, or at a path that does not exist yet"
	case errors.Is(fe.Err, casefile.ErrNewerVersion):
		return "update redress to open this case file; it was left unchanged"
	case errors.Is(fe.Err, casefile.ErrNotAFileName):
		return "point --db (or REDRESS_DB) at a file, e.g. --db ~/cases.db"
	case errors.Is(fe.Err, casefile.ErrReadOnlySidecar) && strings.HasSuffix(fe.Path, "-shm"):
		return "make it writable (chmod u+w " + fe.Path + "), or delete it while no redress is running"
	case errors.Is(fe.Err, casefile.ErrReadOnlySidecar):
		return "make it writable: chmod u+w " + fe.Path
	}
	return ""
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "/") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
