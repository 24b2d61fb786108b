package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/prep"
	"github.com/redress-cli/redress/prep/text"
)

// Exit codes, in one place.
const (
	exitOK        = 0
	exitError     = 1
	exitUsage     = 2
	exitNotReady  = 3 // prep --check: the case is not ready for the call
	exitCancelled = 130
)

// words is a message of the catalog (prep/text/<lang>/messages.txt) with
// its arguments, put into words in the run's language when it is printed.
// raw is text redress did not write (a library's or the system's error),
// printed as it came.
type words struct {
	key  string
	args []any
	raw  string
}

// w names a message of the catalog and its arguments.
func w(key string, args ...any) words { return words{key: key, args: args} }

// verbatim is text from outside redress, printed as it came.
func verbatim(s string) words { return words{raw: s} }

// nohint is an error without a hint line.
var nohint = words{}

func (m words) in(lang string) string {
	if m.key == "" {
		return m.raw
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if sub, ok := a.(words); ok { // a message inside a message
			a = sub.in(lang)
		}
		args[i] = a
	}
	return msgf(lang, m.key, args...)
}

// cliError is an error with the exit code and hint it deserves.
type cliError struct {
	code int
	msg  words
	hint words
}

func (e *cliError) Error() string { return e.msg.in("en") }

func usageErr(msg, hint words) error { return &cliError{code: exitUsage, msg: msg, hint: hint} }

func failErr(msg, hint words) error { return &cliError{code: exitError, msg: msg, hint: hint} }

// report prints err the age way: "redress: message" and an optional
// "hint:" line, on stderr; it returns the exit code.
func (a *app) report(err error, w io.Writer) int {
	code, msg, hint := a.classify(err)
	if msg == "" {
		return code // the output already said it (prep --check)
	}
	fmt.Fprintf(w, "redress: %s\n", clean(msg))
	if hint != "" {
		fmt.Fprintf(w, "%s: %s\n", a.msg("hint"), clean(hint))
	}
	return code
}

// classify gives err its exit code and its message and hint in the run's
// language. Errors redress made itself are words of the catalog; an error
// from the system or a library keeps its own text.
func (a *app) classify(err error) (code int, msg, hint string) {
	var ce *cliError
	var nf *casefile.NotFoundError
	var inv *casefile.InvalidError
	var fe *casefile.FileError
	var ud *dates.UnreadableError
	var fl *flagError
	var ie *casefile.ImportError
	var he *casefile.HasEntriesError
	var conflict *casefile.ConflictError
	var me *casefile.MoneyError
	var re *dates.RangeError
	var fu *dates.FutureError
	var ce2 *casefile.CountError
	var cm *casefile.Message
	switch {
	case errors.As(err, &ce):
		return ce.code, ce.msg.in(a.lang), ce.hint.in(a.lang)
	case errors.Is(err, casefile.ErrNoFTS5) || strings.Contains(err.Error(), "no such module: fts5"): // words:ok matched, not printed
		return exitError, a.msg("err_no_fts5"), a.msg("hint_no_fts5")
	case errors.Is(err, prep.ErrURLFinding):
		return exitUsage, a.msg("err_url_finding"), a.msg("hint_url_finding")
	case errors.Is(err, casefile.ErrSameFile):
		return exitError, a.msg("err_same_file"), ""
	case errors.Is(err, huh.ErrUserAborted):
		return exitCancelled, a.msg("err_cancelled"), ""
	case errors.Is(err, errInputEnded):
		return exitCancelled, a.msg("err_input_ended"), ""
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
			return exitError, a.msgf("err_conflict_case", conflict.ID), a.msg("hint_conflict")
		}
		return exitError, a.msgf("err_conflict", kindWord(a.lang, conflict.Kind), conflict.ID), a.msg("hint_conflict")
	case errors.Is(err, casefile.ErrNothingToUndo):
		return exitError, a.msg("err_nothing_to_undo"), ""
	case errors.As(err, &ud):
		return exitUsage, a.within(err, ud, a.msgf("err_unreadable_date", ud.Input)), a.msgf("hint_accepted", dates.Forms)
	case errors.As(err, &re):
		return exitUsage, a.within(err, re, a.msgf("err_date_range", re.Input, casefile.MinYear, casefile.MaxYear)), a.msgf("hint_date_range", casefile.MinYear, casefile.MaxYear)
	case errors.As(err, &fu):
		return exitUsage, a.within(err, fu, a.msgf("err_date_future", fu.Input, fmtDate(a.lang, fu.Date, a.loc))), a.msg("hint_date_future")
	case errors.As(err, &me):
		return exitUsage, a.within(err, me, a.moneyError(me)), a.msgf("hint_accepted", casefile.MoneyForms)
	case errors.As(err, &ce2):
		return exitUsage, a.within(err, ce2, a.msgf("err_count", a.fieldName(ce2.Field), ce2.Input, ce2.Max)), ""
	case errors.As(err, &nf):
		return exitError, a.notFound(nf), a.notFoundHint(nf)
	case errors.As(err, &inv):
		return exitUsage, a.within(err, inv, a.invalid(inv)), a.invalidHint(inv)
	case errors.As(err, &fe):
		return exitError, a.fileError(fe), fileHint(a.lang, fe)
	case errors.As(err, &ie):
		return exitError, a.within(err, ie, a.importError(ie)), a.msg("hint_import_" + importProblem(ie))
	case errors.As(err, &fl):
		return exitUsage, a.flagWords(fl.err.Error()), a.msgf("hint_see_help", fl.cmd)
	case errors.As(err, &cm): // an error in the catalog's words, in the user's language
		return exitError, a.within(err, cm, a.msgf(cm.Key, cm.Args...)), ""
	}
	return exitError, a.msgf("err_other", lowerFirst(err.Error())), ""
}

// within keeps the flag an error was wrapped with ("--due: …").
func (a *app) within(err, inner error, words string) string {
	if prefix, ok := strings.CutSuffix(err.Error(), inner.Error()); ok && prefix != "" {
		return prefix + words
	}
	return words
}

// invalid words an InvalidError: the field and its problem.
func (a *app) invalid(inv *casefile.InvalidError) string {
	return a.msgf("invalid_"+inv.Problem, append([]any{a.fieldName(inv.Field)}, inv.Args...)...)
}

func (a *app) invalidHint(inv *casefile.InvalidError) string {
	if inv.Allowed != "" {
		return a.msgf("hint_accepted", inv.Allowed)
	}
	if text.Has(a.lang, "messages", "hint_invalid_"+inv.Problem) {
		return a.msg("hint_invalid_" + inv.Problem)
	}
	return ""
}

// importError words an export that cannot be imported: where in the
// document, what is wrong, and the validator's own detail.
func (a *app) importError(ie *casefile.ImportError) string {
	s := a.msgf("import_"+importProblem(ie), ie.Args...)
	if ie.Where != "" {
		s = ie.Where + ": " + s
	}
	if ie.Msg != "" {
		s += " (" + ie.Msg + ")"
	}
	return s
}

// importProblem is the problem of an ImportError; none named is a value
// the case file cannot hold.
func importProblem(ie *casefile.ImportError) string {
	if ie.Problem == "" {
		return "bad-entry"
	}
	return ie.Problem
}

// moneyError words an amount that cannot be read, by its kind.
func (a *app) moneyError(me *casefile.MoneyError) string {
	key := "money_" + me.Kind
	if !text.Has(a.lang, "messages", key) {
		key = "money_unreadable"
	}
	return a.msgf(key, me.Input, me.Code)
}

// fieldName is a field's name in words, if the catalog has it.
func (a *app) fieldName(field string) string {
	key := "field_" + strings.ReplaceAll(field, " ", "-")
	if text.Has(a.lang, "messages", key) {
		return a.msg(key)
	}
	return field
}

// flagWords words pflag's complaints, which come in English, by their
// fixed beginnings; anything else is shown as pflag wrote it.
func (a *app) flagWords(s string) string {
	for _, f := range flagErrors {
		if rest, ok := strings.CutPrefix(s, f.prefix); ok {
			return a.msgf(f.key, rest)
		}
	}
	return a.msgf("err_flag", s)
}

// words:ok the fixed beginnings of pflag's messages, matched, never printed
var flagErrors = []struct{ prefix, key string }{
	{"unknown flag: ", "err_unknown_flag"},               // words:ok matched, not printed
	{"unknown shorthand flag: ", "err_unknown_flag"},     // words:ok matched, not printed
	{"flag needs an argument: ", "err_flag_needs_value"}, // words:ok matched, not printed
	{"invalid argument ", "err_flag_invalid"},            // words:ok matched, not printed
}

func (a *app) msg(key string) string               { return msg(a.lang, key) }
func (a *app) msgf(key string, args ...any) string { return msgf(a.lang, key, args...) }

// flagError is cobra's complaint about a flag (its text is cobra's).
type flagError struct {
	cmd string
	err error
}

func (e *flagError) Error() string { return e.err.Error() }

// messageOf is msg, for functions whose results are named msg.
var messageOf = msg

// notFound words a NotFoundError: by its own message when the catalog has
// one ("no case 9"), else by the name of what was missing.
func (a *app) notFound(nf *casefile.NotFoundError) string {
	what := strings.ReplaceAll(nf.What, " ", "_")
	if text.Has(a.lang, "messages", "err_not_found_"+what) {
		return a.msgf("err_not_found_"+what, nf.ID)
	}
	if text.Has(a.lang, "messages", "what_"+what) {
		return a.msgf("err_not_found", a.msg("what_"+what), nf.ID)
	}
	return a.msgf("err_not_found", nf.What, nf.ID)
}

func (a *app) notFoundHint(nf *casefile.NotFoundError) string {
	switch nf.What {
	case "case":
	case "unfinished call on case": // words:ok the What of a NotFoundError
		return a.msgf("hint_start_call", nf.ID)
	default:
		what := strings.ReplaceAll(nf.What, " ", "_")
		if !text.Has(a.lang, "messages", "what_"+what) {
			return a.msgf("hint_show_lists", nf.What)
		}
		return a.msgf("hint_show_lists", a.msg("what_"+what))
	}
	if a.store == nil {
		return ""
	}
	n, lo, hi, err := a.store.CaseIDs(a.ctx)
	switch {
	case err != nil:
		return ""
	case n == 0:
		return a.msg("hint_no_cases")
	case lo == hi:
		return a.msgf("hint_only_case", lo)
	default:
		return a.msgf("hint_cases_range", lo, hi, n)
	}
}

// fileError words a problem with the case file: its path, then what is
// wrong, in the run's language where redress knows the problem.
func (a *app) fileError(fe *casefile.FileError) string {
	for _, k := range fileProblems {
		if errors.Is(fe.Err, k.err) {
			s := fe.Path + ": " + a.msgf(k.key, fe.Args...)
			if fe.Why != "" {
				s += " (" + a.msg("file_why_"+fe.Why) + ")"
			}
			if fe.Detail != "" {
				s += " (" + fe.Detail + ")"
			}
			return s
		}
	}
	return lowerFirst(fe.Error())
}

var fileProblems = []struct {
	err error
	key string
}{
	{casefile.ErrNotCaseFile, "err_not_case_file"},
	{casefile.ErrNewerVersion, "err_newer_version"},
	{casefile.ErrDamaged, "err_damaged"},
	{casefile.ErrReadOnly, "err_read_only"},
	{casefile.ErrCannotOpen, "err_cannot_open"},
	{casefile.ErrDiskFull, "err_disk_full"},
	{casefile.ErrCannotWrite, "err_cannot_write_file"},
	{casefile.ErrBadCopy, "err_bad_copy"},
	{casefile.ErrNotAFileName, "err_not_a_file_name"},
	{casefile.ErrReadOnlySidecar, "err_read_only_sidecar"},
}

func fileHint(lang string, fe *casefile.FileError) string {
	switch {
	case errors.Is(fe.Err, casefile.ErrNotCaseFile):
		return msg(lang, "hint_not_case_file")
	case errors.Is(fe.Err, casefile.ErrNewerVersion):
		return msg(lang, "hint_newer_version")
	case errors.Is(fe.Err, casefile.ErrDamaged):
		return msg(lang, "hint_damaged")
	case errors.Is(fe.Err, casefile.ErrNotAFileName):
		return msg(lang, "hint_not_a_file_name")
	case errors.Is(fe.Err, casefile.ErrReadOnlySidecar) && strings.HasSuffix(fe.Path, "-shm"):
		return msgf(lang, "hint_read_only_shm", fe.Path)
	case errors.Is(fe.Err, casefile.ErrReadOnlySidecar):
		return msgf(lang, "hint_read_only_sidecar", fe.Path)
	}
	return ""
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "/") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// failErrOf is err, as redress words it in the run's language, with a
// hint of the command's own.
func failErrOf(a *app, err error, hint words) error {
	_, msg, _ := a.classify(err)
	return failErr(verbatim(msg), hint)
}
