package main

import (
	"bufio"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
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
var errInputEnded error = casefile.NewMessage("err_input_ended")

// runForm runs fields as one form. In accessible mode the answers are read
// through a reader that hands huh one line per Read: huh v1.0.0 makes a new
// bufio.Scanner for every prompt, and one that got all piped answers at
// once would swallow them, leaving later fields at their defaults.
func (a *app) runForm(fields ...huh.Field) error {
	return a.runGroups(huh.NewGroup(fields...))
}

// runGroups runs a form of several pages (groups), one after another.
func (a *app) runGroups(groups ...*huh.Group) error {
	form := huh.NewForm(groups...).WithOutput(a.stderr).WithShowHelp(true).WithKeyMap(keyMap(a.lang))
	if !a.accessible() {
		return form.Run()
	}
	in := a.lines()
	form = form.WithAccessible(true).WithInput(in).WithOutput(&huhWords{w: a.stderr, lang: a.lang})
	if err := form.Run(); err != nil {
		return err
	}
	if in.ended {
		return errInputEnded
	}
	return nil
}

// huhPrompts are the catalog keys of what huh v1.0.0 prints itself in
// accessible mode: its prompts and complaints ("Enter a number between 1
// and 9", "Invalid: …"), which no option of a field sets. Their English
// message is huh's own text, verbs and all; huhWords finds it in what huh
// writes and puts the user's language in its place.
var huhPrompts = []string{"form_enter_number", "form_only_option", "form_invalid_number", "form_invalid_one",
	"form_invalid_yes_no", "form_select_up_to"}

// huhPatterns are huhPrompts as patterns: the English message with each
// %d a number to carry over. Made on the first form, not at start-up: it
// reads the English catalog, which most runs never need.
var huhPatterns = sync.OnceValue(func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, key := range huhPrompts {
		parts := strings.Split(msg("en", key), "%d")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		out = append(out, regexp.MustCompile(strings.Join(parts, `(\d+)`)))
	}
	return out
})

// huhWords is the writer of an accessible form: it passes on what huh
// writes, with huh's own English words in the user's language. huh
// writes each prompt and each complaint in one piece.
type huhWords struct {
	w    io.Writer
	lang string
}

func (h *huhWords) Write(p []byte) (int, error) {
	s := string(p)
	if h.lang != "en" {
		for i, re := range huhPatterns() {
			s = re.ReplaceAllStringFunc(s, func(m string) string {
				var args []any
				for _, n := range re.FindStringSubmatch(m)[1:] {
					v, _ := strconv.Atoi(n)
					args = append(args, v)
				}
				return msgf(h.lang, huhPrompts[i], args...)
			})
		}
	}
	if _, err := io.WriteString(h.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
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

// keyMap is huh's default key map with the help line under a form in
// lang: each binding's description ("next", "submit") is the message
// key_<description> of the catalog.
func keyMap(lang string) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			switch b := f.Addr().Interface().(type) {
			case *key.Binding:
				h := b.Help()
				if h.Desc != "" {
					b.SetHelp(h.Key, msg(lang, keyHelpKey(h.Desc)))
				}
			default:
				if f.Kind() == reflect.Struct {
					walk(f)
				}
			}
		}
	}
	walk(reflect.ValueOf(km).Elem())
	return km
}

// keyHelpKey is the catalog key of a key binding's description.
func keyHelpKey(desc string) string {
	return "key_" + strings.NewReplacer(" ", "_", "½", "half").Replace(strings.ToLower(desc))

}

// formError words a reading error for the form being filled in, in its
// language: huh shows it under the field (in accessible mode, after the
// answer), keeps what was typed and asks again, so nothing answered so
// far is lost. The rules are the packages'; only the words are here.
func formError(lang string, err error) error {
	var me *casefile.MoneyError
	var ue *dates.UnreadableError
	var re *dates.RangeError
	var fe *dates.FutureError
	var inv *casefile.InvalidError
	var ce *casefile.CountError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &me):
		second := me.Code // the currency; the amount itself when the currency is missing
		if me.Kind == "no-currency" {
			second = strings.TrimSpace(me.Input)
		}
		return errors.New(msgf(lang, "form_amount_"+me.Kind, me.Input, second))
	case errors.As(err, &fe):
		return errors.New(msgf(lang, "form_date_future", fe.Input))
	case errors.As(err, &re):
		return errors.New(msgf(lang, "form_date_range", re.Input))
	case errors.As(err, &ue):
		return errors.New(msgf(lang, "form_date_unreadable", ue.Input))
	case errors.As(err, &inv) && inv.Field == "account":
		return errors.New(msg(lang, "form_account"))
	case errors.As(err, &ce):
		return errors.New(msgf(lang, "form_whole_number", ce.Input, ce.Max))
	}
	return err
}

// validator adapts a reading function to huh's Validate: an empty answer
// is always allowed (the field is optional or keeps its current value).
func validator(lang string, read func(string) error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return formError(lang, read(s))
	}
}
