package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/huh"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
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
	switch {
	case errors.As(err, &ce):
		return ce.code, ce.msg.in(a.lang), ce.hint.in(a.lang)
	case errors.Is(err, huh.ErrUserAborted):
		return exitCancelled, a.msg("err_cancelled"), ""
	case errors.Is(err, errInputEnded):
		return exitCancelled, a.msg("err_input_ended"), ""
	case errors.As(err, &ud):
		return exitUsage, a.within(err, ud, a.msgf("err_unreadable_date", ud.Input)), a.msgf("hint_accepted", dates.Forms)
	case errors.As(err, &nf):
		return exitError, a.msgf("err_not_found_"+strings.ReplaceAll(nf.What, " ", "_"), nf.ID), a.notFoundHint(nf)
	case errors.As(err, &inv):
		return exitUsage, a.within(err, inv, a.invalid(inv)), a.invalidHint(inv)
	case errors.As(err, &fe):
		return exitError, a.fileError(fe), fileHint(a.lang, fe)
	case errors.As(err, &ie):
		return exitError, a.within(err, ie, a.importError(ie)), a.msg("hint_import_" + ie.Problem)
	case errors.As(err, &fl):
		return exitUsage, a.flagWords(fl.err.Error()), a.msgf("hint_see_help", fl.cmd)
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
	field := inv.Field
	if text.Has(a.lang, "messages", "field_"+field) {
		field = a.msg("field_" + field)
	}
	return a.msgf("invalid_"+inv.Problem, append([]any{field}, inv.Args...)...)
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
	s := a.msgf("import_"+ie.Problem, ie.Args...)
	if ie.Where != "" {
		s = ie.Where + ": " + s
	}
	if ie.Detail != "" {
		s += " (" + ie.Detail + ")"
	}
	return s
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

func (a *app) notFoundHint(nf *casefile.NotFoundError) string {
	switch nf.What {
	case "case":
	case "unfinished call on case": // words:ok the What of a NotFoundError
		return a.msgf("hint_start_call", nf.ID)
	default:
		return a.msgf("hint_show_lists", a.msg("what_"+strings.ReplaceAll(nf.What, " ", "_")))
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
	{casefile.ErrBackupExists, "err_backup_exists"},
}

func fileHint(lang string, fe *casefile.FileError) string {
	switch {
	case errors.Is(fe.Err, casefile.ErrNotCaseFile):
		return msg(lang, "hint_not_case_file")
	case errors.Is(fe.Err, casefile.ErrNewerVersion):
		return msg(lang, "hint_newer_version")
	case errors.Is(fe.Err, casefile.ErrDamaged):
		return msg(lang, "hint_damaged")
	case errors.Is(fe.Err, casefile.ErrBackupExists):
		return msg(lang, "hint_exists")
	}
	return ""
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "/") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
