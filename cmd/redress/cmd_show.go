package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

type showOptions struct {
	caseID int64
	json   bool
	reveal revealFlags
}

func newShowCmd(a *app) *cobra.Command {
	opts := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show CASE",
		Short: "Show a case and its dated timeline",
		Long: `Show everything about a case: its fields, its account references (masked
unless --reveal) and a dated timeline of contacts, promises, tickets,
notes, escalations and evidence.

--json prints the case object: every case field, and the arrays
"contacts", "promises", "tickets", "notes", "refs", "escalations" and
"evidence" (each file's name, media type, size and sha256; 'redress
evidence get' writes its content). A ref's "value" is
masked ("•••• 4821") unless --reveal.`,
		Example: `  redress show 3
  redress show 3 --json
  redress show 3 --reveal`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runShow(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	opts.reveal.bind(cmd)
	return cmd
}

func runShow(a *app, opts *showOptions) error {
	if err := opts.reveal.check(a); err != nil {
		return err
	}
	f, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	if !opts.reveal.on {
		for i := range f.Refs {
			f.Refs[i].Value = f.Refs[i].Masked()
		}
	}
	if opts.json {
		return writeJSON(a.stdout, f)
	}
	printCase(a.stdout, a.lang, f, now, a.loc)
	return nil
}

func printCase(w io.Writer, l string, f casefile.Full, now time.Time, loc *time.Location) {
	c := f.Case
	head := fmt.Sprintf("#%d %s", c.ID, clean(c.Title))
	if c.Company != "" {
		head += " — " + clean(c.Company)
	}
	fmt.Fprintln(w, head)
	meta := []string{msg(l, "st_"+string(c.Status)), kindName(l, c.Kind), jurisdictionName(l, c.Jurisdiction),
		msg(l, "opened") + " " + fmtShortDate(l, casefile.DateOf(c.OpenedAt.In(loc)), now, loc)}
	if c.ClosedAt != nil {
		meta = append(meta, msg(l, "closed")+" "+fmtShortDate(l, casefile.DateOf(c.ClosedAt.In(loc)), now, loc))
	}
	fmt.Fprintln(w, strings.Join(meta, " · "))

	var rows [][]string
	add := func(key, v string) {
		if strings.TrimSpace(v) != "" {
			rows = append(rows, []string{msg(l, key), clean(v)})
		}
	}
	add("product", c.Product)
	add("phone", joinNonEmpty(" · ", c.Phone, c.Hours))
	add("problem", c.Problem)
	add("outcome", c.Outcome)
	add("fallback", c.Fallback)
	add("amount", c.Money().Format(l))
	add("purchased", fmtDate(l, c.PurchaseDate, loc))
	add("delivered", fmtDate(l, c.DeliveredDate, loc))
	if c.Sector != "" {
		add("sector", msg(l, "sector_"+string(c.Sector)))
	}
	for _, d := range []struct {
		key  string
		date casefile.Date
	}{{"return_by", c.ReturnWindowEnd}, {"warranty_to", c.WarrantyEnd}} {
		switch {
		case d.date.Unreadable() != "":
			add(d.key, fmtDate(l, d.date, loc))
		case !d.date.IsZero():
			add(d.key, fmtDate(l, d.date, loc)+" ("+relDays(l, d.date, now, loc, "passed")+")")
		}
	}
	add("final_outcome", c.FinalOutcome)
	for i, r := range f.Refs {
		key := ""
		if i == 0 {
			key = msg(l, "refs")
		}
		rows = append(rows, []string{key, clean(r.Label) + " " + clean(r.Value)})
	}
	if len(rows) > 0 {
		fmt.Fprintln(w)
		table(w, nil, rows)
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, msg(l, "timeline"))
	entries := timeline(l, f, now, loc)
	if len(entries) == 0 {
		fmt.Fprintln(w, msg(l, "empty_timeline"))
		return
	}
	out := make([][]string, len(entries))
	for i, e := range entries {
		out[i] = []string{e.when, e.kind, e.text}
	}
	table(w, nil, out)
}

type timelineEntry struct {
	at         time.Time
	key        casefile.TimelineKey // a contact, then what was said in it
	when, kind string
	text       string
}

// timeline merges the case's entries into one dated list, oldest first.
func timeline(l string, f casefile.Full, now time.Time, loc *time.Location) []timelineEntry {
	var es []timelineEntry
	keys := casefile.NewKeyer(f, loc)
	for _, c := range f.Contacts {
		parts := []string{msg(l, "channel_"+string(c.Channel))}
		if c.Rep != "" {
			who := clean(c.Rep)
			if c.Department != "" {
				who += " (" + clean(c.Department) + ")"
			}
			parts = append(parts, who)
		}
		if c.DurationS > 0 {
			parts = append(parts, msgf(l, "minutes", (c.DurationS+59)/60))
		}
		text := strings.Join(parts, ", ")
		if c.Summary != "" {
			text += ": " + clean(c.Summary)
		}
		es = append(es, timelineEntry{at: c.At, key: keys.Key(c.At, casefile.OrderContact, nil, c.ID), kind: msg(l, "tl_contact"), text: fmt.Sprintf("[%d] %s", c.ID, text)})
	}
	for _, t := range f.Tickets {
		text := fmt.Sprintf("[%d] %s", t.ID, clean(t.Number))
		if t.Label != "" {
			text += " (" + clean(t.Label) + ")"
		}
		if !t.Expected.IsZero() {
			text += " · " + msgf(l, "expected", fmtShortDate(l, t.Expected, now, loc))
		}
		es = append(es, timelineEntry{at: t.At, key: keys.Key(t.At, casefile.OrderTicket, t.ContactID, t.ID), kind: msg(l, "tl_ticket"), text: text})
	}
	for _, p := range f.Promises {
		text := fmt.Sprintf("[%d] %s", p.ID, clean(p.Text))
		if p.By != "" {
			text += " · " + msgf(l, "by_rep", clean(p.By))
		}
		if p.Due.IsZero() && p.Due.Unreadable() == "" {
			text += " · " + msg(l, "no_due")
		} else {
			text += " · " + msgf(l, "due", fmtShortDate(l, p.Due, now, loc))
		}
		if xs := f.ExtensionsOf(p.ID); len(xs) > 0 {
			var earlier []string
			for _, x := range xs {
				earlier = append(earlier, fmtShortDate(l, x.From, now, loc))
			}
			text += " (" + msgf(l, "earlier", strings.Join(earlier, ", ")) + ")"
		}
		status := msg(l, "st_"+string(p.Status))
		if p.Status == casefile.PromisePending && p.Due.Overdue(now, loc) {
			status = "! " + relDays(l, p.Due, now, loc, "overdue")
		}
		text += " · " + status
		if p.Confirmed {
			text += " · ✓ " + msg(l, "read_back")
		}
		es = append(es, timelineEntry{at: p.At, key: keys.Key(p.At, casefile.OrderPromise, p.ContactID, p.ID), kind: msg(l, "tl_promise"), text: text})
	}
	for _, n := range f.Notes {
		text := clean(n.Text)
		if n.SourceURL != "" {
			text += " <" + clean(n.SourceURL) + ">"
		}
		kind := msg(l, "tl_note")
		if n.Kind != casefile.NoteTimeline {
			kind = msg(l, "tl_"+string(n.Kind))
		}
		es = append(es, timelineEntry{at: n.At, key: keys.Key(n.At, casefile.OrderNote, n.ContactID, n.ID), kind: kind, text: fmt.Sprintf("[%d] %s", n.ID, text)})
	}
	for _, e := range f.Escalations {
		text, err := prep.StepName(l, e.Step)
		if err != nil {
			text = string(e.Step)
		}
		switch e.Answer {
		case casefile.AnswerRefused:
			text += " · " + msg(l, "ans_refused")
		case casefile.AnswerFinal:
			text += " · " + msg(l, "ans_final")
		}
		if e.Note != "" {
			text += ": " + clean(e.Note)
		}
		es = append(es, timelineEntry{at: e.At, key: keys.Key(e.At, casefile.OrderStep, nil, e.ID), kind: msg(l, "tl_escalation"), text: fmt.Sprintf("[%d] %s", e.ID, text)})
	}
	for _, e := range f.Evidence {
		text := fmt.Sprintf("[%d] %s (%s, %s)", e.ID, clean(e.Name), e.MediaType, casefile.HumanSize(e.Size))
		if e.Note != "" {
			text += ": " + clean(e.Note)
		}
		es = append(es, timelineEntry{at: e.At, key: keys.Key(e.At, casefile.OrderOther, nil, e.ID), kind: msg(l, "tl_evidence"), text: text})
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].key.Less(es[j].key) })
	for i := range es {
		es[i].when = fmtTime(l, es[i].at, now, loc)
		if t := es[i].at.In(loc); t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			// A note dated with a day only ("--at 2026-11-05") is stored
			// at midnight; "00:00" would claim a time nobody gave.
			es[i].when = fmtShortDate(l, casefile.DateOf(t), now, loc)
		}
	}
	return es
}

// kindName is a scenario kind in words ("damaged item", "파손된 상품").
func kindName(l string, k casefile.Kind) string {
	if k == "" {
		k = casefile.KindOther
	}
	return msg(l, "kind_name_"+string(k))
}

// jurisdictionName is a jurisdiction in words ("United Kingdom", "영국").
func jurisdictionName(l string, j casefile.Jurisdiction) string {
	if j == "" {
		j = casefile.JurisdictionOther
	}
	return msg(l, "jurisdiction_name_"+string(j))
}

// joinNonEmpty joins the values that say something.
func joinNonEmpty(sep string, vs ...string) string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, sep)
}
