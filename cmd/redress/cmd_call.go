package main

import (
	"bufio"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/prep"
	"github.com/redress-cli/redress/prep/text"
)

type callOptions struct {
	caseID  int64
	channel string
	resume  bool
	// Without a terminal: the same actions as flags.
	rep       string
	tickets   []string
	promises  []string
	notes     []string
	refusals  []string
	end       bool
	confirmed bool
	at        string // when the call was, for one logged afterwards
}

func newCallCmd(a *app) *cobra.Command {
	opts := &callOptions{}
	cmd := &cobra.Command{
		Use:   "call CASE",
		Short: "Log a call as it happens: rep, tickets, promises, refusals",
		Long: `Log a call line by line while you are on it. Every line is saved the
moment you press Enter, so a crash or a dropped call loses nothing
(continue with --resume).

  rep Anna (billing)              who you are talking to
  t A-1234 [by 12/5]              a ticket number, with its expected date
  p refund 49 EUR by friday       a promise and its due date (asked if missing)
  n ...                           a note
  x said no to a refund           a refusal: counts toward your escalation trigger
  hold / back                     time on hold
  ?                               help
  end (or Ctrl-D)                 finish: prints the read-back to say to the agent

Korean words work too: 담당, 접수, 약속, 메모, 거절, 대기, 복귀, 끝.

For scripts, the same as flags: --rep, --ticket NUMBER[@DATE],
--promise TEXT@DATE, --note, --refused, and --end (with --confirmed when the
agent confirmed the read-back).`,
		Example: `  redress call 3
  redress call 3 --channel chat
  redress call 3 --resume
  redress call 3 --rep "Anna (billing)" --ticket A-1234@12/5 --promise "refund 49 EUR@friday" --end --confirmed`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runCall(a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.channel, "channel", "call", "call (or phone), chat, email, visit, letter, social or web-form")
	f.BoolVar(&opts.resume, "resume", false, "continue the last unfinished call")
	f.StringVar(&opts.rep, "rep", "", `the agent, e.g. "Anna (billing)"`)
	f.StringArrayVar(&opts.tickets, "ticket", nil, "a ticket number, optionally NUMBER@EXPECTED-DATE (repeatable)")
	f.StringArrayVar(&opts.promises, "promise", nil, "a promise as TEXT@DUE-DATE (repeatable)")
	f.StringArrayVar(&opts.notes, "note", nil, "a note (repeatable)")
	f.StringArrayVar(&opts.refusals, "refused", nil, "a refusal (repeatable)")
	f.BoolVar(&opts.end, "end", false, "end the call and print the read-back")
	f.BoolVar(&opts.confirmed, "confirmed", false, "with --end: the agent confirmed every promise read back")
	f.StringVar(&opts.at, "at", "", "when the call was, to log one afterwards (every line is dated then)")
	return cmd
}

// callLog is one call being logged: the case, its open contact, and what
// has been said so far.
type callLog struct {
	a       *app
	s       *casefile.Store
	contact casefile.Contact
	lang    string // the case's language, for the read-back
	now     func() time.Time
	in      *bufio.Reader
	refused int
	warned  bool // the supervisor line was shown
	trigger string
	// counters are the answers to the common fob-offs, in the case's
	// language: '?' lists them, '?3' prints one. Nothing is stored.
	counters []prep.Counter
}

func runCall(a *app, opts *callOptions) error {
	channel := casefile.Channel(opts.channel)
	if opts.channel == "phone" {
		channel = casefile.ChannelCall
	}
	if err := casefile.ValidChannel(channel); err != nil {
		return err
	}
	_, start, err := a.nowAndAt(opts.caseID, opts.at)
	if err != nil {
		return err
	}
	full, _, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	s := a.store
	log := &callLog{a: a, s: s, lang: full.Case.Lang, trigger: full.Prep.EscalateTrigger}
	speak := log.lang
	if speak == "" {
		speak = a.lang
	}
	if log.counters, err = prep.Counters(speak, full, start, a.loc); err != nil {
		return err
	}
	// Each line is stamped when it is entered (the app's live clock), and
	// so is its change in the history; --at (a call logged afterwards)
	// pins it to that moment.
	log.now = a.live
	if opts.at != "" {
		log.now = func() time.Time { return start }
	}
	a.ctx = casefile.WithOrigin(a.ctx, "call", log.now)
	if opts.resume {
		if log.contact, err = s.OpenCall(a.ctx, opts.caseID); err != nil {
			return err
		}
		for _, n := range full.Notes {
			if n.ContactID != nil && *n.ContactID == log.contact.ID && n.Kind == casefile.NoteRefusal {
				log.refused++
			}
		}
		fmt.Fprintln(a.stderr, msgf(a.lang, "call_resumed", log.contact.ID, fmtTime(a.lang, log.contact.At, start, a.loc)))
	} else {
		if open, err := s.OpenCall(a.ctx, opts.caseID); err == nil {
			fmt.Fprintln(a.stderr, msgf(a.lang, "call_unfinished", open.ID, opts.caseID))
		}
		if log.contact, err = s.StartCall(a.ctx, opts.caseID, channel, start); err != nil {
			return err
		}
	}
	if opts.scripted() {
		return log.runFlags(opts)
	}
	fmt.Fprintln(a.stderr, msgf(a.lang, "call_started", clean(full.Case.Title), log.contact.ID))
	log.in = bufio.NewReader(a.stdin)
	defer a.onInterrupt(func() {
		// Every line is saved as it is entered; say how to go on.
		fmt.Fprintln(a.stderr)
		a.report(failErr(w("err_call_interrupted", log.contact.ID), w("hint_call_resume", opts.caseID)), a.stderr)
	})()
	return log.loop()
}

func (o *callOptions) scripted() bool {
	return o.rep != "" || len(o.tickets) > 0 || len(o.promises) > 0 || len(o.notes) > 0 || len(o.refusals) > 0 || o.end
}

// loop reads lines until "end" or the end of input. A line it cannot read
// is answered with a one-line hint; the log never exits on bad input.
func (l *callLog) loop() error {
	for {
		fmt.Fprint(l.a.stderr, "> ")
		line, ok := l.readLine()
		if !ok {
			fmt.Fprintln(l.a.stderr)
			return l.finish(nil)
		}
		parsed := prep.ParseLine(line, l.now(), l.a.loc)
		if parsed.Kind == prep.LineEnd {
			return l.finish(l.askConfirmed)
		}
		if err := l.handle(parsed); err != nil {
			// A store error (disk full, locked) must not lose the line
			// silently: say so and keep going; the user can type it again.
			fmt.Fprintln(l.a.stderr, msgf(l.a.lang, "call_not_saved", clean(err.Error())))
		}
	}
}

func (l *callLog) readLine() (string, bool) {
	// Read at most casefile.MaxText of a line: a pasted file or a stuck
	// key cannot make the log take memory without end. The rest of a
	// longer line is skipped, and the user told.
	var line []byte
	tooLong := false
	for {
		chunk, err := l.in.ReadSlice('\n')
		if len(line)+len(chunk) > casefile.MaxText {
			tooLong, line = true, nil
		} else if !tooLong {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && len(line) == 0 && !tooLong {
			return "", false
		}
		break
	}
	if tooLong {
		fmt.Fprintln(l.a.stderr, msgf(l.a.lang, "call_line_too_long", casefile.MaxText>>10))
		return "", true
	}
	return strings.TrimRight(string(line), "\r\n"), true
}

// handle stores one parsed line and acknowledges it on stderr.
func (l *callLog) handle(p prep.Line) error {
	a, ctx, id, lang := l.a, l.a.ctx, l.contact.ID, l.a.lang
	ack := func(key string, args ...any) { fmt.Fprintln(a.stderr, "  "+msgf(lang, key, args...)) }
	switch p.Kind {
	case prep.LineEmpty:
		return nil
	case prep.LineHelp:
		fmt.Fprintln(a.stderr, msg(lang, "call_help"))
		fmt.Fprintln(a.stderr, msg(lang, "call_counters"))
		for i, c := range l.counters {
			fmt.Fprintln(a.stderr, msgf(lang, "call_counter_item", i+1, clean(c.Heard)))
		}
		return nil
	case prep.LineCounter:
		c, ok := prep.CounterFor(l.counters, p.Text)
		if !ok {
			ack("call_counter_unknown", len(l.counters))
			return nil
		}
		fmt.Fprintln(a.stderr, msgf(lang, "call_counter_say", clean(c.Answer)))
		return nil
	case prep.LineRep:
		if err := l.s.SetRep(ctx, id, p.Text, p.Department); err != nil {
			return err
		}
		ack("call_rep", clean(p.Text))
	case prep.LineTicket:
		if p.Text == "" {
			ack("call_hint_ticket")
			return nil
		}
		if p.BadDate != "" {
			ack("call_bad_date", clean(p.BadDate))
		}
		t := casefile.Ticket{CaseID: l.contact.CaseID, ContactID: &id, Number: p.Text, Expected: p.Date, At: l.now(), CreatedAt: l.now()}
		if err := l.s.AddTicket(ctx, &t); err != nil {
			return err
		}
		if t.Expected.IsZero() {
			ack("call_ticket", clean(t.Number))
		} else {
			ack("call_ticket_expected", clean(t.Number), fmtDate(lang, t.Expected, a.loc))
		}
	case prep.LinePromise:
		return l.promise(p)
	case prep.LineNote, prep.LineUnknown:
		if p.Text == "" {
			return nil
		}
		n := casefile.Note{CaseID: l.contact.CaseID, ContactID: &id, Text: p.Text, At: l.now()}
		if err := l.s.AddNote(ctx, &n); err != nil {
			return err
		}
		if p.Kind == prep.LineUnknown {
			ack("call_unknown")
		} else {
			ack("call_note")
		}
	case prep.LineRefusal:
		text := p.Text
		if text == "" {
			text = msg(lang, "call_refusal_default")
		}
		n := casefile.Note{CaseID: l.contact.CaseID, ContactID: &id, Kind: casefile.NoteRefusal, Text: text, At: l.now()}
		if err := l.s.AddNote(ctx, &n); err != nil {
			return err
		}
		l.refused++
		ack("call_refused", l.refused)
		if prep.SupervisorDue(l.trigger, l.refused, false) {
			return l.supervisor()
		}
	case prep.LineHold:
		if err := l.s.Hold(ctx, id, l.now()); err != nil {
			return err
		}
		ack("call_hold")
	case prep.LineBack:
		total, err := l.s.Back(ctx, id, l.now())
		if err != nil {
			return err
		}
		ack("call_back", int(total.Minutes()))
	}
	return nil
}

// promise stores a promise the moment it is typed. A missing date is
// asked for once, after the promise is saved (a crash or a hang-up at the
// question keeps it), and the answer fills it in; a promise still without
// a date stays pending with none, to be asked for.
func (l *callLog) promise(p prep.Line) error {
	a, lang := l.a, l.a.lang
	if strings.TrimSpace(p.Text) == "" {
		fmt.Fprintln(a.stderr, "  "+msg(lang, "call_hint_promise"))
		return nil
	}
	id := l.contact.ID
	pr := casefile.Promise{CaseID: l.contact.CaseID, ContactID: &id, Text: p.Text, By: l.contact.Rep, Due: p.Date, At: l.now(), CreatedAt: l.now()}
	if pr.By == "" {
		if c, err := l.s.Contact(a.ctx, id); err == nil {
			pr.By = c.Rep
		}
	}
	if err := l.s.AddPromise(a.ctx, &pr); err != nil {
		return err
	}
	due := p.Date
	if due.IsZero() && l.in != nil {
		if p.BadDate != "" {
			fmt.Fprintln(a.stderr, "  "+msgf(lang, "call_bad_date", clean(p.BadDate)))
		}
		fmt.Fprint(a.stderr, "  "+msg(lang, "call_by_when"))
		if answer, ok := l.readLine(); ok && strings.TrimSpace(answer) != "" {
			if d, err := dates.Parse(answer, l.now(), a.loc); err == nil {
				due = d
			} else if next := prep.ParseLine(answer, l.now(), a.loc); next.Kind != prep.LineUnknown {
				// The call moved on before a date was given: keep the
				// promise as a note below, and do what the line says.
				defer func() {
					if err := l.handle(next); err != nil {
						fmt.Fprintln(a.stderr, msgf(a.lang, "call_not_saved", clean(err.Error())))
					}
				}()
			} else {
				fmt.Fprintln(a.stderr, "  "+msgf(lang, "call_bad_date", clean(answer)))
			}
		}
	}
	if due.IsZero() {
		fmt.Fprintln(a.stderr, "  "+msgf(lang, "call_promise_pending", pr.ID, clean(pr.Text)))
		if prep.SupervisorDue(l.trigger, l.refused, true) {
			return l.supervisor()
		}
		return nil
	}
	if pr.Due.IsZero() {
		var err error
		if pr, err = l.s.EditPromise(a.ctx, pr.ID, func(x *casefile.Promise) error { x.Due = due; return nil }); err != nil {
			return err
		}
	}
	fmt.Fprintln(a.stderr, "  "+msgf(lang, "call_promise", pr.ID, clean(pr.Text), fmtDate(lang, pr.Due, a.loc)))
	return nil
}

// supervisor prints the line to ask for a supervisor, once per call.
func (l *callLog) supervisor() error {
	if l.warned {
		return nil
	}
	l.warned = true
	full, err := l.s.Full(l.a.ctx, l.contact.CaseID)
	if err != nil {
		return err
	}
	// The line from prep, or the sheet's suggestion, in the case's language.
	sheet, err := prep.NewSheet(l.lang, full, l.now(), l.a.loc, false)
	if err != nil {
		return err
	}
	fmt.Fprintln(l.a.stderr, msg(l.a.lang, "call_escalate"))
	fmt.Fprintln(l.a.stderr, "  \""+clean(sheet.SupervisorLine)+"\"")
	return nil
}

// runFlags does what the flags say, for scripts and tests.
func (l *callLog) runFlags(o *callOptions) error {
	if o.rep != "" {
		if err := l.handle(prep.ParseLine("rep "+o.rep, l.now(), l.a.loc)); err != nil {
			return err
		}
	}
	for _, t := range o.tickets {
		number, date, _ := strings.Cut(t, "@")
		line := prep.Line{Kind: prep.LineTicket, Text: strings.TrimSpace(number)}
		if date != "" {
			d, err := dates.Parse(date, l.now(), l.a.loc)
			if err != nil {
				return fmt.Errorf("--ticket %s: %w", t, err)
			}
			line.Date = d
		}
		if err := l.handle(line); err != nil {
			return err
		}
	}
	for _, p := range o.promises {
		i := strings.LastIndex(p, "@")
		if i < 0 {
			return usageErr(w("err_promise_no_date", p), w("hint_promise_at"))
		}
		d, err := dates.Parse(p[i+1:], l.now(), l.a.loc)
		if err != nil {
			return fmt.Errorf("--promise %s: %w", p, err)
		}
		if err := l.promise(prep.Line{Kind: prep.LinePromise, Text: strings.TrimSpace(p[:i]), Date: d}); err != nil {
			return err
		}
	}
	for _, n := range o.notes {
		if err := l.handle(prep.Line{Kind: prep.LineNote, Text: n}); err != nil {
			return err
		}
	}
	for _, r := range o.refusals {
		if err := l.handle(prep.Line{Kind: prep.LineRefusal, Text: r}); err != nil {
			return err
		}
	}
	if !o.end {
		fmt.Fprintln(l.a.stdout, msgf(l.a.lang, "call_open", l.contact.ID, l.contact.CaseID))
		return nil
	}
	return l.finish(func(promises []casefile.Promise) []int64 {
		if !o.confirmed {
			return nil
		}
		ids := make([]int64, len(promises))
		for i, p := range promises {
			ids[i] = p.ID
		}
		return ids
	})
}

// finish prints the read-back in the case's language, records which
// promises the agent confirmed, ends the call and prints a recap.
func (l *callLog) finish(confirm func([]casefile.Promise) []int64) error {
	a := l.a
	// A call ended with nothing logged in it is not a contact.
	if discarded, err := l.s.DiscardCall(a.ctx, l.contact.ID); err != nil || discarded {
		if discarded {
			fmt.Fprintln(a.stderr, msg(a.lang, "call_empty"))
		}
		return err
	}
	full, err := l.s.Full(a.ctx, l.contact.CaseID)
	if err != nil {
		return err
	}
	now := l.now()
	readback, err := prep.Readback(prep.NewFacts(l.lang, full, now, a.loc), l.contact.ID)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, cleanBlock(readback))
	var mine []casefile.Promise
	tickets := 0
	for _, p := range full.Promises {
		if p.ContactID != nil && *p.ContactID == l.contact.ID && p.Status == casefile.PromisePending {
			mine = append(mine, p)
		}
	}
	for _, t := range full.Tickets {
		if t.ContactID != nil && *t.ContactID == l.contact.ID {
			tickets++
		}
	}
	var confirmed []int64
	if confirm != nil && len(mine) > 0 {
		confirmed = confirm(mine)
	}
	c, err := l.s.EndCall(a.ctx, l.contact.ID, now, confirmed)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "call_recap", c.ID, (c.DurationS+59)/60, c.HoldS/60, tickets, len(mine), len(confirmed)))
	if next := earliest(mine); next != nil {
		fmt.Fprintln(a.stdout, msgf(a.lang, "call_next_reminder", fmtDate(a.lang, next.Due, a.loc), clean(next.Text), l.contact.CaseID))
	}
	return nil
}

// askConfirmed asks which read-back points the agent confirmed.
func (l *callLog) askConfirmed(promises []casefile.Promise) []int64 {
	a := l.a
	for _, p := range promises {
		due := fmtDate(a.lang, p.Due, a.loc)
		if p.Due.IsZero() && p.Due.Unreadable() == "" {
			due = msg(a.lang, "no_due")
		}
		fmt.Fprintln(a.stderr, "  "+msgf(a.lang, "call_confirm_item", p.ID, clean(p.Text), due))
	}
	for {
		fmt.Fprint(a.stderr, msg(a.lang, "call_which_confirmed"))
		answer, ok := l.readLine()
		if !ok {
			return nil
		}
		ids, err := pickConfirmed(answer, promises)
		if err == nil {
			return ids
		}
		fmt.Fprintln(a.stderr, "  "+msg(a.lang, "call_hint_confirmed"))
	}
}

// pickConfirmed reads "all", "none"/empty, or promise numbers such as
// "4 6" or "4,6": the ids the read-back showed, the same numbers 'promise
// kept' and the reminders use.
func pickConfirmed(answer string, promises []casefile.Promise) ([]int64, error) {
	answer = strings.ToLower(strings.TrimSpace(answer))
	switch answer {
	case "", "0":
		return nil, nil
	}
	switch {
	case answerIn(answer, "call_answers_none"):
		return nil, nil
	case answerIn(answer, "call_answers_all"):
		ids := make([]int64, len(promises))
		for i, p := range promises {
			ids[i] = p.ID
		}
		return ids, nil
	}
	var ids []int64
	for _, f := range strings.FieldsFunc(answer, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.ParseInt(strings.TrimPrefix(f, "#"), 10, 64)
		if err != nil || !slices.ContainsFunc(promises, func(p casefile.Promise) bool { return p.ID == n }) {
			return nil, usageErr(w("err_not_a_point", f), w("call_hint_confirmed"))
		}
		ids = append(ids, n)
	}
	return ids, nil
}

func earliest(ps []casefile.Promise) *casefile.Promise {
	var best *casefile.Promise
	for i := range ps {
		if !ps[i].Due.IsZero() && (best == nil || ps[i].Due.Before(best.Due)) {
			best = &ps[i]
		}
	}
	return best
}

// answerIn reports whether answer is one of the words of a catalog entry
// (a comma-separated list, in English and the run's language both).
func answerIn(answer, key string) bool {
	for _, lang := range text.Langs {
		for _, w := range strings.Split(msg(lang, key), ",") {
			if strings.TrimSpace(w) == answer {
				return true
			}
		}
	}
	return false
}
