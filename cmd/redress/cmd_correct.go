package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep/text"
)

// Corrections: "note|contact|ticket|promise|ref|escalate edit ID" with the
// flags that created the entry, and "... delete ID", beside each noun's
// own use, as "promise kept ID" sits beside "promise CASE TEXT".

// entryEditOptions holds every flag an entry edit may take; each kind
// binds the ones that created it.
type entryEditOptions struct {
	kind    string
	id      int64
	changed func(string) bool
	any     bool

	text, noteKind, url, at               string
	channel, rep, department, summary     string
	duration                              time.Duration
	number, label, expected, due, by      string
	value, step, note                     string
	contactID                             int64
	refused, final, noAnswer, withEntries bool
	fromCompany                           bool
}

// entryNouns are the command noun of each kind of entry.
var entryNouns = map[string]string{
	"note": "note", "contact": "contact", "ticket": "ticket", "promise": "promise", "ref": "ref", "escalation": "escalate",
}

// addCorrections adds "edit ID" and "delete ID" for kind under parent.
func addCorrections(a *app, parent *cobra.Command, kind string) {
	parent.AddCommand(newEntryEditCmd(a, kind), newEntryDeleteCmd(a, kind))
}

func newEntryEditCmd(a *app, kind string) *cobra.Command {
	opts := &entryEditOptions{kind: kind}
	upper := strings.ToUpper(kind)
	cmd := &cobra.Command{
		Use:   "edit " + upper + " --FIELD VALUE...",
		Short: "Correct " + entryNames[kind] + " (the flags that created it; every change is kept in the history)",
		Long: `Correct ` + entryNames[kind] + `: give the flags that created it with the right values.
An empty value clears an optional field. The old and new values are kept
in the case's history ('redress history CASE'); 'redress undo' takes the
change back.`,
		Example: editExamples[kind],
		Args:    exactArgs(upper),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.id, err = idArg(kind, args[0]); err != nil {
				return err
			}
			opts.changed = cmd.Flags().Changed
			cmd.LocalFlags().VisitAll(func(f *pflag.Flag) { opts.any = opts.any || f.Changed })
			return runEntryEdit(a, opts)
		},
	}
	f := cmd.Flags()
	switch kind {
	case "note":
		f.StringVar(&opts.text, "text", "", "the note")
		f.StringVar(&opts.noteKind, "kind", "", "timeline, research, tried or refusal")
		f.StringVar(&opts.url, "url", "", "source of a research finding")
		f.StringVar(&opts.at, "at", "", "when it happened")
	case "contact":
		f.StringVar(&opts.channel, "channel", "", "call, chat, email, visit, letter, social or web-form")
		f.StringVar(&opts.rep, "rep", "", "who you dealt with")
		f.StringVar(&opts.department, "department", "", "their department")
		f.StringVar(&opts.summary, "summary", "", "what happened, in a sentence")
		f.StringVar(&opts.at, "at", "", "when it happened (what was said in it moves with it)")
		f.DurationVar(&opts.duration, "duration", 0, "how long it took, e.g. 25m")
		f.BoolVar(&opts.fromCompany, "from-company", false, "the company sent it (a reply); --from-company=false: you did")
	case "ticket":
		f.StringVar(&opts.number, "number", "", "the ticket number")
		f.StringVar(&opts.label, "label", "", "what the ticket is for")
		f.StringVar(&opts.expected, "expected", "", "expected resolution date")
		f.StringVar(&opts.at, "at", "", "when it was given")
		f.Int64Var(&opts.contactID, "contact", 0, "the contact it came from (0: none)")
	case "promise":
		f.StringVar(&opts.text, "text", "", "what was promised")
		f.StringVar(&opts.due, "due", "", "the date it is due (a correction; more time asked for is 'promise extend')")
		f.StringVar(&opts.by, "by", "", "who promised it")
		f.StringVar(&opts.at, "at", "", "when it was said")
		f.Int64Var(&opts.contactID, "contact", 0, "the contact it was made in (0: none)")
	case "ref":
		f.StringVar(&opts.label, "label", "", "what the reference is")
		f.StringVar(&opts.value, "value", "", "the reference itself")
	case "escalation":
		f.StringVar(&opts.step, "step", "", "the step taken")
		f.StringVar(&opts.note, "note", "", "what happened at this step")
		f.StringVar(&opts.at, "at", "", "when the step was taken")
		f.BoolVar(&opts.refused, "refused", false, "the company refused at this step")
		f.BoolVar(&opts.final, "final-response", false, "the company sent its final response")
		f.BoolVar(&opts.noAnswer, "no-answer", false, "no answer recorded at this step")
	}
	return cmd
}

// entryNames name each kind in the help: "Correct a note".
var entryNames = map[string]string{
	"note": "a note", "contact": "a contact", "ticket": "a ticket", "promise": "a promise",
	"ref": "an account reference", "escalation": "an escalation step", // words:ok help text stays English
}

var editExamples = map[string]string{
	"note":       `  redress note edit 4 --text "Returned the TV by courier" --at 2026-11-18`,         // words:ok help text stays English
	"contact":    `  redress contact edit 2 --at "2026-11-18 14:30" --summary "agreed to collect"`,    // words:ok help text stays English
	"ticket":     `  redress ticket edit 3 --number A-1243 --expected 2026-12-05`,                     // words:ok help text stays English
	"promise":    `  redress promise edit 7 --text "collect the TV" --due 2026-11-25 --at 2026-11-18`, // words:ok help text stays English
	"ref":        `  redress ref edit 1 --value ORD-2026-114821`,                                      // words:ok help text stays English
	"escalation": `  redress escalate edit 2 --at 2026-11-20 --refused`,                               // words:ok help text stays English
}

func runEntryEdit(a *app, o *entryEditOptions) error {
	if !o.any {
		return usageErr(w("err_nothing_to_change"), w("hint_entry_edit_field", entryNouns[o.kind]))
	}
	if o.changed("at") && strings.TrimSpace(o.at) == "" {
		return usageErr(w("err_at_needs_date"), w("hint_at_date"))
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	// Dates are read as the entry's case reads them (day- or month-first).
	entryCase, err := s.CaseOf(a.ctx, o.kind, o.id)
	if err != nil {
		return err
	}
	now, at, err := a.nowAndAt(entryCase, o.at)
	if err != nil {
		return err
	}
	date := func(flag, v string) (casefile.Date, error) {
		if strings.TrimSpace(v) == "" {
			return casefile.Date{}, nil
		}
		r, err := a.caseDates(entryCase)
		if err != nil {
			return casefile.Date{}, err
		}
		return a.readDue(r, "--"+flag, v)
	}
	since, err := s.LastChange(a.ctx)
	if err != nil {
		return err
	}
	// An edit keeps its entry in its case: entryCase is the edited one's.
	switch o.kind {
	case "note":
		_, err = s.EditNote(a.ctx, o.id, func(n *casefile.Note) error {
			setFlag(o, "text", &n.Text, o.text)
			setFlag(o, "url", &n.SourceURL, o.url)
			setFlag(o, "kind", &n.Kind, casefile.NoteKind(o.noteKind))
			setFlag(o, "at", &n.At, at)
			return nil
		})
	case "contact":
		_, err = s.EditContact(a.ctx, o.id, func(c *casefile.Contact) error {
			setFlag(o, "rep", &c.Rep, o.rep)
			setFlag(o, "department", &c.Department, o.department)
			setFlag(o, "summary", &c.Summary, o.summary)
			setFlag(o, "channel", &c.Channel, casefile.Channel(o.channel))
			setFlag(o, "duration", &c.DurationS, int64(o.duration/time.Second))
			setFlag(o, "from-company", &c.FromCompany, o.fromCompany)
			setFlag(o, "at", &c.At, at)
			return nil
		})
	case "ticket":
		var expected casefile.Date
		if expected, err = date("expected", o.expected); err != nil {
			return err
		}
		_, err = s.EditTicket(a.ctx, o.id, func(t *casefile.Ticket) error {
			setFlag(o, "number", &t.Number, o.number)
			setFlag(o, "label", &t.Label, o.label)
			setFlag(o, "expected", &t.Expected, expected)
			setFlag(o, "at", &t.At, at)
			setFlag(o, "contact", &t.ContactID, optionalID(o.contactID))
			return nil
		})
	case "promise":
		var due casefile.Date
		if due, err = date("due", o.due); err != nil {
			return err
		}
		_, err = s.EditPromise(a.ctx, o.id, func(p *casefile.Promise) error {
			setFlag(o, "text", &p.Text, o.text)
			setFlag(o, "by", &p.By, o.by)
			setFlag(o, "due", &p.Due, due)
			setFlag(o, "at", &p.At, at)
			setFlag(o, "contact", &p.ContactID, optionalID(o.contactID))
			return nil
		})
	case "ref":
		_, err = s.EditRef(a.ctx, o.id, func(r *casefile.AccountRef) error {
			setFlag(o, "label", &r.Label, o.label)
			setFlag(o, "value", &r.Value, o.value)
			return nil
		})
	case "escalation":
		if n := btoi(o.refused) + btoi(o.final) + btoi(o.noAnswer); n > 1 {
			return usageErr(w("err_one_answer"), nohint)
		}
		_, err = s.EditEscalation(a.ctx, o.id, func(e *casefile.Escalation) error {
			setFlag(o, "step", &e.Step, casefile.Step(strings.ToLower(strings.TrimSpace(o.step))))
			setFlag(o, "note", &e.Note, o.note)
			setFlag(o, "at", &e.At, at)
			switch {
			case o.refused:
				e.Answer = casefile.AnswerRefused
			case o.final:
				e.Answer = casefile.AnswerFinal
			case o.noAnswer:
				e.Answer = casefile.AnswerNone
			}
			return nil
		})
	}
	if err != nil {
		return err
	}
	return printLastChange(a, s, entryCase, o.kind, o.id, since, now)
}

// setFlag puts v in *dst when flag was given: an edit changes only the
// fields it names (an empty value clears one).
func setFlag[T any](o *entryEditOptions, flag string, dst *T, v T) {
	if o.changed(flag) {
		*dst = v
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// printLastChange prints what the change just made did, in the words of
// `redress history`: "promise 7: due Wed 25 Nov → Thu 26 Nov".
func printLastChange(a *app, s *casefile.Store, caseID int64, kind string, id, since int64, now time.Time) error {
	hs, err := s.History(a.ctx, caseID)
	if err != nil {
		return err
	}
	var rows []casefile.HistoryEntry
	for _, h := range hs {
		if h.Change > since {
			rows = append(rows, h)
		}
	}
	// An edit that changed nothing writes no history.
	if len(rows) == 0 {
		fmt.Fprintln(a.stdout, msgf(a.lang, "entry_unchanged", kindWord(a.lang, kind), id))
		return nil
	}
	casefile.MaskHistory(rows)
	for _, h := range rows {
		fmt.Fprintln(a.stdout, describeRow(a.lang, h, now, a.loc))
	}
	fmt.Fprintln(a.stderr, msg(a.lang, "undo_hint"))
	return nil
}

func newEntryDeleteCmd(a *app, kind string) *cobra.Command {
	var withEntries bool
	upper := strings.ToUpper(kind)
	cmd := &cobra.Command{
		Use:   "delete " + upper,
		Short: "Delete " + entryNames[kind] + " (kept in the history; 'redress undo' brings it back)",
		Example: "  redress " + entryNouns[kind] + " delete 4" + map[bool]string{true: `
  redress contact delete 4 --with-entries`}[kind == "contact"],
		Args: exactArgs(upper),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := idArg(kind, args[0])
			if err != nil {
				return err
			}
			now, s, err := a.nowAndStore()
			if err != nil {
				return err
			}
			since, err := s.LastChange(a.ctx)
			if err != nil {
				return err
			}
			caseID, err := s.Delete(a.ctx, kind, id, withEntries)
			if err != nil {
				return err
			}
			return printLastChange(a, s, caseID, kind, id, since, now)
		},
	}
	if kind == "contact" {
		cmd.Flags().BoolVar(&withEntries, "with-entries", false, "also delete the promises, tickets and notes said in it")
	}
	return cmd
}

type extendOptions struct {
	id            int64
	due, by, note string
	at            string
}

func newPromiseExtendCmd(a *app) *cobra.Command {
	opts := &extendOptions{}
	cmd := &cobra.Command{
		Use:   "extend PROMISE --due DATE",
		Short: "The company asked for more time: move a promise's date, keeping the earlier ones",
		Long: `Record that the company asked for more time on a promise. The promise is
due on the new date and keeps every earlier one; its reminder moves; the
read-back, follow-up and escalation scripts and 'redress next' name the
dates ("first promised for 20 Nov, then 27 Nov, now 4 Dec"). A second
extension counts towards escalation as a missed date does.

To correct a mistyped date instead, use 'redress promise edit ID --due'.`,
		Example: `  redress promise extend 7 --due 2026-12-04 --by Priya --note "waiting for a part"`,
		Args:    exactArgs("PROMISE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.id, err = idArg("promise", args[0]); err != nil {
				return err
			}
			return runPromiseExtend(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.due, "due", "", "the new due date (required)")
	cmd.Flags().StringVar(&opts.by, "by", "", "who asked for the time (default: who promised it)")
	cmd.Flags().StringVar(&opts.note, "note", "", "the reason they gave")
	cmd.Flags().StringVar(&opts.at, "at", "", "when they asked (default: now)")
	return cmd
}

func runPromiseExtend(a *app, opts *extendOptions) error {
	if strings.TrimSpace(opts.due) == "" {
		return usageErr(w("err_extend_due"), w("hint_extend_due"))
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	caseID, err := s.CaseOf(a.ctx, "promise", opts.id)
	if err != nil {
		return err
	}
	_, at, err := a.nowAndAt(caseID, opts.at)
	if err != nil {
		return err
	}
	r, err := a.caseDates(caseID)
	if err != nil {
		return err
	}
	due, err := a.readDue(r, "--due", opts.due)
	if err != nil {
		return err
	}
	p, _, err := s.ExtendPromise(a.ctx, opts.id, due, opts.by, opts.note, at)
	if err != nil {
		return err
	}
	f, err := s.Full(a.ctx, p.CaseID)
	if err != nil {
		return err
	}
	var earlier []string
	for _, e := range f.ExtensionsOf(p.ID) {
		earlier = append(earlier, fmtDate(a.lang, e.From, a.loc))
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "promise_extended", p.ID, p.CaseID, clean(p.Text), fmtDate(a.lang, p.Due, a.loc),
		strings.Join(earlier, ", ")))
	if len(earlier) > 1 {
		fmt.Fprintln(a.stderr, msgf(a.lang, "extended_again", len(earlier), p.CaseID))
	}
	return nil
}

type historyOptions struct {
	caseID int64
	json   bool
	reveal revealFlags
}

func newHistoryCmd(a *app) *cobra.Command {
	opts := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history CASE",
		Short: "List every change made to a case, with the old and new values",
		Long: `List every change made to a case, oldest first: when, by which command,
and for each entry touched its old and new values. Undos are listed too.

--json prints the rows: "change" (one number per command), "at",
"command", "kind", "entry_id", "old" and "new" (the entry's stored
columns, null when it did not exist) and "undoes". Account reference
values are masked unless --reveal.`,
		Example: `  redress history 3
  redress history 3 --json`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runHistory(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	opts.reveal.bind(cmd)
	return cmd
}

func runHistory(a *app, opts *historyOptions) error {
	if err := opts.reveal.check(a); err != nil {
		return err
	}
	now, s, err := a.nowAndStore()
	if err != nil {
		return err
	}
	hs, err := s.History(a.ctx, opts.caseID)
	if err != nil {
		return err
	}
	if !opts.reveal.on {
		casefile.MaskHistory(hs)
	}
	if opts.json {
		return writeJSON(a.stdout, hs)
	}
	if len(hs) == 0 {
		fmt.Fprintln(a.stdout, msgf(a.lang, "history_none", opts.caseID))
		return nil
	}
	for i, h := range hs {
		if i == 0 || hs[i-1].Change != h.Change {
			head := fmt.Sprintf("%d. %s · %s", h.Change, fmtTime(a.lang, h.At, now, a.loc), clean(h.Command))
			if h.Undoes != nil {
				head += " · " + msgf(a.lang, "h_undo_of", *h.Undoes)
			}
			fmt.Fprintln(a.stdout, head)
		}
		fmt.Fprintln(a.stdout, "   "+describeRow(a.lang, h, now, a.loc))
	}
	return nil
}

type undoOptions struct{ caseID int64 }

func newUndoCmd(a *app) *cobra.Command {
	opts := &undoOptions{}
	cmd := &cobra.Command{
		Use:   "undo",
		Short: "Take back the most recent change (again to go further back)",
		Long: `Take back the most recent change to the case file, or with --case N the
most recent change to that case, and print what was taken back. Run it
again to go further back: an undo is itself kept in the history and is
never undone. A deleted entry comes back with its number.

An undo is refused, changing nothing, if an entry it would restore was
changed since in a way the history does not show.`,
		Example: `  redress undo
  redress undo --case 3`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, args []string) error { return runUndo(a, opts) },
	}
	cmd.Flags().Int64Var(&opts.caseID, "case", 0, "undo the most recent change of this case")
	return cmd
}

func runUndo(a *app, opts *undoOptions) error {
	now, s, err := a.nowAndStore()
	if err != nil {
		return err
	}
	undone, err := s.Undo(a.ctx, opts.caseID)
	if err != nil {
		return err
	}
	casefile.MaskHistory(undone)
	h := undone[0]
	fmt.Fprintln(a.stdout, msgf(a.lang, "undone", h.Change, h.CaseID, clean(h.Command), fmtTime(a.lang, h.At, now, a.loc)))
	for _, u := range undone {
		fmt.Fprintln(a.stdout, "  "+describeRow(a.lang, u, now, a.loc))
	}
	return nil
}

// describeRow words one history row: "promise 7 added: collect the TV",
// "note 4 deleted: asdf qwerty", "promise 7: due Wed 25 Nov → Fri 4 Dec".
func describeRow(l string, h casefile.HistoryEntry, now time.Time, loc *time.Location) string {
	who := kindWord(l, h.Kind) + " " + fmt.Sprint(h.EntryID)
	fields := h.Fields()
	switch h.Action() {
	case "create", "delete":
		what := ""
		for _, key := range []string{"text", "number", "summary", "title", "step", "label", "name", "to_due"} {
			for _, f := range fields {
				v := f.New
				if h.Action() == "delete" {
					v = f.Old
				}
				if f.Field == key && fmt.Sprint(v) != "" && what == "" {
					what = showValue(l, v, now, loc)
				}
			}
		}
		if what == "" {
			return msgf(l, "h_"+h.Action()+"_bare", who)
		}
		return msgf(l, "h_"+h.Action(), who, what)
	}
	var parts []string
	for _, f := range fields {
		parts = append(parts, fieldWord(l, f.Field)+" "+showValue(l, f.Old, now, loc)+" → "+showValue(l, f.New, now, loc))
	}
	return who + ": " + strings.Join(parts, "; ")
}

// showValue shows a stored column value as people read it: times and
// dates with their weekday, an empty value as a dash.
func showValue(l string, v any, now time.Time, loc *time.Location) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		if x == "" {
			return "—"
		}
		if t, err := time.Parse(time.RFC3339, x); err == nil {
			if lt := t.In(loc); lt.Hour() == 0 && lt.Minute() == 0 && lt.Second() == 0 {
				// dated with a day only, as show prints it
				return fmtShortDate(l, casefile.DateOf(lt), now, loc)
			}
			return fmtTime(l, t, now, loc)
		}
		if len(x) == len("2006-01-02") {
			if d, err := casefile.ParseStoredDate(x); err == nil {
				return fmtShortDate(l, d, now, loc)
			}
		}
		return clean(x)
	case json.Number:
		return x.String()
	}
	return clean(fmt.Sprint(v))
}

func kindWord(l, kind string) string {
	if text.Has(l, "messages", "k_"+kind) {
		return msg(l, "k_"+kind)
	}
	return kind
}

func fieldWord(l, col string) string {
	if text.Has(l, "messages", "f_"+col) {
		return msg(l, "f_"+col)
	}
	return col
}
