package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/prep"
)

// prepAnswers are the answers to the nine steps, from flags or from the
// form; both fill this one struct, so a step is stored the same way
// whichever way it was answered.
type prepAnswers struct {
	findings, tried []string // 1
	url             string
	events, refs    []string // 2
	receipt, photos string
	secret          string
	problem         string // 3
	outcome         string
	fallback        string
	opening         string // 4
	purchased       string // 5
	returnDays      int
	warrantyMonths  int
	docs            string
	trigger         string // 6
	supervisorLine  string
	record          string // 7
	recordLine      string
	ask             []string // 8
	email, chat     string   // 9
	social, review  string
	regulator       string
	phone, hours    string // 9: how to reach the company by phone
}

// stepFlags says which step each flag answers.
var stepFlags = map[string]int{
	"finding": 1, "tried": 1, "url": 1,
	"event": 2, "account": 2, "receipt": 2, "photos": 2, "pin": 2,
	"problem": 3, "outcome": 3, "fallback": 3,
	"opening":   4,
	"purchased": 5, "return-days": 5, "warranty-months": 5, "docs": 5,
	"trigger": 6, "supervisor-line": 6,
	"record": 7, "record-line": 7,
	"ask":   8,
	"email": 9, "chat": 9, "social": 9, "review": 9, "regulator": 9, "phone": 9, "hours": 9,
}

type prepOptions struct {
	caseID  int64
	step    int
	check   bool
	json    bool
	answers prepAnswers
	changed func(string) bool
}

func newPrepCmd(a *app) *cobra.Command {
	opts := &prepOptions{}
	cmd := &cobra.Command{
		Use:   "prep CASE [--step N] [--check]",
		Short: "Walk the nine tips before a call, or check what is missing",
		Long: `Prepare for a call, one tip at a time:

  1 research   2 prepare   3 be clear   4 be kind   5 policy
  6 escalate   7 record    8 updates    9 other channels

On a terminal (or with ACCESSIBLE=1 for screen readers) each step is a short
form, pre-filled from the case; answer it or skip it. Each step is saved
the moment it is answered, so quitting midway loses nothing. --step N goes
to one step. Every answer also has a flag, for scripts: passing flags saves
their steps without a form.

--check prints the readiness list: each tip done (✓), missing (✗) or worth
a warning (!), with the command that fills it. It exits 0 when nothing is
missing and 3 when something is.`,
		Example: `  redress prep 3
  redress prep 3 --step 5
  redress prep 3 --check
  redress prep 3 --problem "Returned on 5 Nov, no refund yet" --outcome "refund of 49.90 EUR by Friday"
  redress prep 3 --finding "FAQ: refunds within 14 days" --url https://acme.example/faq --tried "web chat"
  redress prep 3 --purchased 2026-11-02 --return-days 30 --warranty-months 24
  redress prep 3 --trigger refused-twice --record yes --ask ticket,eta,name,written
  redress prep 3 --email support@acme.example --regulator "European Consumer Centre"`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.changed = cmd.Flags().Changed
			return runPrep(a, opts)
		},
	}
	f := cmd.Flags()
	ans := &opts.answers
	f.IntVar(&opts.step, "step", 0, "go to one step (1-9)")
	f.BoolVar(&opts.check, "check", false, "print the readiness list; exit 3 when something is missing")
	f.BoolVar(&opts.json, "json", false, "with --check: print JSON")
	f.StringArrayVar(&ans.findings, "finding", nil, "1: something the help pages, FAQ or forums say (repeatable)")
	f.StringVar(&ans.url, "url", "", "1: the source of the --finding")
	f.StringArrayVar(&ans.tried, "tried", nil, "1: something you already tried (repeatable)")
	f.StringArrayVar(&ans.events, "event", nil, `2: a timeline bullet, optionally dated: "2 Nov: bought online" (repeatable)`)
	f.StringArrayVar(&ans.refs, "account", nil, `2: an account reference "LABEL=VALUE", e.g. "order number=ORD-1" (repeatable)`)
	f.StringVar(&ans.receipt, "receipt", "", "2: receipt or order confirmation at hand: yes or no")
	f.StringVar(&ans.photos, "photos", "", "2: photos at hand: yes or no")
	f.StringVar(&ans.secret, "pin", "", "2: account PIN or password at hand: yes or no (never the PIN itself)")
	f.StringVar(&ans.problem, "problem", "", "3: the problem in one or two sentences")
	f.StringVar(&ans.outcome, "outcome", "", "3: the outcome you want (an action, an amount, a date)")
	f.StringVar(&ans.fallback, "fallback", "", "3: an outcome you would accept instead")
	f.StringVar(&ans.opening, "opening", "", "4: your opening line, or calm, direct or followup for a suggested one")
	f.StringVar(&ans.purchased, "purchased", "", "5: purchase date")
	f.IntVar(&ans.returnDays, "return-days", 0, "5: days the store allows for returns")
	f.IntVar(&ans.warrantyMonths, "warranty-months", 0, "5: months of warranty")
	f.StringVar(&ans.docs, "docs", "", "5: documents the policy needs")
	f.StringVar(&ans.trigger, "trigger", "", "6: when to ask for a supervisor: refused-once, refused-twice or no-date")
	f.StringVar(&ans.supervisorLine, "supervisor-line", "", "6: what to say to ask for a supervisor")
	f.StringVar(&ans.record, "record", "", "7: will you record the call: yes or no")
	f.StringVar(&ans.recordLine, "record-line", "", "7: what to say about recording")
	f.StringSliceVar(&ans.ask, "ask", nil, "8: what to ask for before hanging up: ticket,eta,name,written,workaround")
	f.StringVar(&ans.email, "email", "", "9: the company's complaints email")
	f.StringVar(&ans.chat, "chat", "", "9: its chat")
	f.StringVar(&ans.social, "social", "", "9: its social media handle")
	f.StringVar(&ans.review, "review", "", "9: a review site")
	f.StringVar(&ans.regulator, "regulator", "", "9: the regulator or consumer body")
	f.StringVar(&ans.phone, "phone", "", "9: the company's phone number")
	f.StringVar(&ans.hours, "hours", "", "9: when that phone line is open")
	return cmd
}

func runPrep(a *app, opts *prepOptions) error {
	if opts.step < 0 || opts.step > 9 {
		return usageErr(fmt.Sprintf("there is no step %d", opts.step), "steps are 1 to 9; 'redress prep --help' lists them")
	}
	steps := opts.flagSteps()
	if opts.step != 0 && len(steps) > 0 && (len(steps) > 1 || steps[0] != opts.step) {
		return usageErr(fmt.Sprintf("flags for step %d given with --step %d", steps[0], opts.step), "leave out --step, or give only that step's flags")
	}
	full, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	s := a.store
	if opts.check {
		return printCheck(a, full, now, opts.json)
	}
	r := a.dateReader(now, full.Jurisdiction)
	if len(steps) > 0 {
		for _, step := range steps {
			ch, err := opts.answers.change(step, r)
			if err != nil {
				return err
			}
			if err := s.SaveStep(a.ctx, opts.caseID, ch); err != nil {
				return err
			}
		}
		return printSteps(a, opts.caseID, steps, now)
	}
	if !a.canPrompt() {
		return usageErr("prep needs a terminal, or flags for the steps to answer",
			fmt.Sprintf("e.g. redress prep %d --problem \"...\" --outcome \"...\"; see 'redress prep --help'", opts.caseID))
	}
	todo := prepTodo(full.Prep.Steps)
	if opts.step != 0 {
		todo = []int{opts.step}
	}
	var shown []int // steps whose form ran: answered, skipped or kept
	answered := 0
	for _, step := range todo {
		if full, err = s.Full(a.ctx, opts.caseID); err != nil {
			return err
		}
		a.clearStep()
		ch, err := a.stepForm(step, full, r)
		if err != nil {
			if len(shown) > 0 {
				printSteps(a, opts.caseID, shown, now)
				code, m, _ := a.classify(err)
				return &cliError{code: code, msg: m, hint: savedSoFar(a.lang, answered)}
			}
			return err
		}
		// Skipping a step that was done keeps what was done.
		if !(ch.Skipped && full.Prep.Steps[strconv.Itoa(step)] == "done") {
			if err := s.SaveStep(a.ctx, opts.caseID, ch); err != nil {
				return err
			}
		}
		if !ch.Skipped {
			answered++
		}
		shown = append(shown, step)
	}
	return printSteps(a, opts.caseID, shown, now)
}

// prepTodo is the steps the prep form walks: every step not done yet, in
// order, so it opens at the first step not done; when all are done, all
// nine again, to review them.
func prepTodo(status map[string]string) []int {
	var todo []int
	for step := 1; step <= 9; step++ {
		if status[strconv.Itoa(step)] != "done" {
			todo = append(todo, step)
		}
	}
	if len(todo) == 0 {
		return []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	}
	return todo
}

// savedSoFar is the hint after a form ended early: how many steps
// answered before it were saved (skipped ones are not counted), or "".
func savedSoFar(lang string, n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return msg(lang, "prep_saved_so_far_1")
	}
	return msgf(lang, "prep_saved_so_far_n", n)
}

// clearStep clears the terminal before a step's form, so nothing from
// an earlier step (step 1's search phrases, a list's echoes) stays on
// screen. Not in accessible mode: a screen reader keeps its history.
func (a *app) clearStep() {
	if !a.accessible() && isTerminal(a.stderr) {
		fmt.Fprint(a.stderr, "\x1b[H\x1b[2J")
	}
}

// flagSteps lists, in order, the steps whose flags were given.
func (opts *prepOptions) flagSteps() []int {
	seen := map[int]bool{}
	for name, step := range stepFlags {
		if opts.changed(name) {
			seen[step] = true
		}
	}
	var steps []int
	for i := 1; i <= 9; i++ {
		if seen[i] {
			steps = append(steps, i)
		}
	}
	return steps
}

// printSteps shows the readiness lines of the steps just saved, so a
// warning (a long problem, a window about to close) is seen at once.
func printSteps(a *app, caseID int64, steps []int, now time.Time) error {
	full, err := a.store.Full(a.ctx, caseID)
	if err != nil {
		return err
	}
	var items []prep.Item
	for _, it := range prep.Check(full, now, a.loc) {
		for _, s := range steps {
			if it.Tip == s {
				items = append(items, it)
			}
		}
	}
	out, err := prep.RenderCheck(a.lang, items, false)
	if err != nil {
		return err
	}
	fmt.Fprint(a.stdout, cleanBlock(out))
	return nil
}

func printCheck(a *app, full casefile.Full, now time.Time, asJSON bool) error {
	items := prep.Check(full, now, a.loc)
	if asJSON {
		if err := writeJSON(a.stdout, struct {
			Ready bool        `json:"ready"`
			Items []prep.Item `json:"items"`
		}{prep.Ready(items), items}); err != nil {
			return err
		}
	} else {
		out, err := prep.RenderCheck(a.lang, items, true)
		if err != nil {
			return err
		}
		fmt.Fprint(a.stdout, cleanBlock(out))
	}
	if !prep.Ready(items) {
		return &cliError{code: exitNotReady} // the list said what is missing
	}
	return nil
}

// change turns the answers to one step into what the store saves; r
// reads its dates (the case's day- or month-first order, as of now).
func (ans *prepAnswers) change(step int, r dates.Reader) (casefile.StepChange, error) {
	now, loc := r.Now, r.Loc
	ch := casefile.StepChange{Step: step, At: now}
	switch step {
	case 1:
		if ans.url != "" && len(ans.findings) != 1 {
			return ch, usageErr("--url goes with exactly one --finding", "give each finding with its own 'redress prep' call")
		}
		for _, f := range ans.findings {
			ch.Notes = append(ch.Notes, casefile.Note{Kind: casefile.NoteResearch, Text: f, SourceURL: ans.url})
		}
		for _, t := range ans.tried {
			ch.Notes = append(ch.Notes, casefile.Note{Kind: casefile.NoteTried, Text: t})
		}
	case 2:
		for _, e := range ans.events {
			// Only a date at the very start is read ("2 Nov: bought
			// online"); the rest is kept exactly as typed.
			n := casefile.Note{Kind: casefile.NoteTimeline, Text: e}
			d, text, ok, err := r.Line(e)
			if err != nil {
				return ch, fmt.Errorf("--event: %w", err)
			}
			if ok {
				n.At, n.Text = d.Time(loc), text
			}
			ch.Notes = append(ch.Notes, n)
		}
		for _, v := range ans.refs {
			ref, err := casefile.ParseAccountRef(v)
			if err != nil {
				return ch, fmt.Errorf("--account: %w", err)
			}
			ch.Refs = append(ch.Refs, ref)
		}
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.HaveReceipt, ans.receipt)
			setIf(&p.HavePhotos, ans.photos)
			setIf(&p.HaveSecret, ans.secret)
			return nil
		}
	case 3:
		ch.Case = func(c *casefile.Case) error {
			setIf(&c.Problem, ans.problem)
			setIf(&c.Outcome, ans.outcome)
			setIf(&c.Fallback, ans.fallback)
			return nil
		}
	case 4:
		ch.Prep = func(p *casefile.Prep) error { setIf(&p.OpeningLine, ans.opening); return nil }
	case 5:
		var purchased casefile.Date
		if ans.purchased != "" {
			d, err := r.Past(ans.purchased)
			if err != nil {
				return ch, fmt.Errorf("--purchased: %w", err)
			}
			purchased = d.Day(loc)
		}
		ch.Case = func(c *casefile.Case) error {
			if !purchased.IsZero() {
				c.PurchaseDate = purchased
			}
			// The policy gives the window ends; a date typed directly
			// with 'redress edit' stays unless a policy replaces it.
			if end := prep.ReturnWindowEnd(c.PurchaseDate, ans.returnDays); !end.IsZero() {
				c.ReturnWindowEnd = end
			}
			if end := prep.WarrantyEnd(c.PurchaseDate, ans.warrantyMonths); !end.IsZero() {
				c.WarrantyEnd = end
			}
			return nil
		}
		ch.Prep = func(p *casefile.Prep) error {
			if ans.returnDays != 0 {
				p.ReturnDays = ans.returnDays
			}
			if ans.warrantyMonths != 0 {
				p.WarrantyMonths = ans.warrantyMonths
			}
			setIf(&p.PolicyDocs, ans.docs)
			return nil
		}
	case 6:
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.EscalateTrigger, ans.trigger)
			setIf(&p.SupervisorLine, ans.supervisorLine)
			return nil
		}
	case 7:
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.WillRecord, ans.record)
			setIf(&p.RecordLine, ans.recordLine)
			return nil
		}
	case 8:
		ch.Prep = func(p *casefile.Prep) error {
			if len(ans.ask) > 0 {
				p.Ask = ans.ask
			}
			return nil
		}
	case 9:
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.ChannelEmail, ans.email)
			setIf(&p.ChannelChat, ans.chat)
			setIf(&p.ChannelSocial, ans.social)
			setIf(&p.ChannelReview, ans.review)
			setIf(&p.ChannelRegulator, ans.regulator)
			return nil
		}
		ch.Case = func(c *casefile.Case) error {
			setIf(&c.Phone, ans.phone)
			setIf(&c.Hours, ans.hours)
			return nil
		}
	}
	return ch, nil
}

// setIf sets *dst to v when v says something; "-" clears it (an empty
// answer keeps the current value, as huh's forms do).
func setIf(dst *string, v string) {
	switch v = strings.TrimSpace(v); v {
	case "":
	case "-":
		*dst = ""
	default:
		*dst = v
	}
}

// stepForm asks one step's questions, pre-filled from the case, and
// returns what to save: the answers, or the step marked skipped.
func (a *app) stepForm(step int, full casefile.Full, r dates.Reader) (casefile.StepChange, error) {
	l, now := a.lang, r.Now
	answer := true
	title := msgf(l, "prep_step", step, msg(l, fmt.Sprintf("prep_tip%d", step)))
	why := msg(l, fmt.Sprintf("prep_why%d", step))
	if a.accessible() {
		// huh's accessible prompts show no description: say it first.
		fmt.Fprintln(a.stderr, title)
		title, why = why, ""
	}
	if err := a.runForm(huh.NewConfirm().Title(title).Description(why).
		Affirmative(msg(l, "yes")).Negative(msg(l, "prep_skip")).Value(&answer)); err != nil {
		return casefile.StepChange{}, err
	}
	if !answer {
		return casefile.StepChange{Step: step, Skipped: true, At: now}, nil
	}
	ans := &prepAnswers{}
	c, p := full.Case, full.Prep
	var fields []huh.Field
	var after []func() // turn form values into answers once the form ends
	input := func(key string, dst *string, current string, validate ...func(string) error) {
		*dst = current
		title := msg(l, key)
		if a.accessible() && strings.TrimSpace(current) != "" {
			// A screen reader hears no pre-filled field: say what Enter keeps.
			title = msgf(l, "prep_current", title, clean(current))
		}
		in := huh.NewInput().Title(title).Value(dst)
		if len(validate) > 0 {
			in = in.Validate(validate[0])
		}
		fields = append(fields, in)
	}
	yesNo := func(key string, dst *string, current string) {
		v := new(bool)
		*v = current == "yes"
		fields = append(fields, huh.NewConfirm().Title(msg(l, key)).Affirmative(msg(l, "yes")).Negative(msg(l, "no")).Value(v))
		after = append(after, func() { *dst = map[bool]string{true: "yes", false: "no"}[*v] })
	}
	switch step {
	case 1:
		phrases, err := prep.SearchPhrases(l, full, now, a.loc)
		if err != nil {
			return casefile.StepChange{}, err
		}
		fmt.Fprintln(a.stderr, msg(l, "prep_search_phrases"))
		for _, ph := range phrases {
			fmt.Fprintln(a.stderr, "  "+clean(ph))
		}
		if err := a.askList(msg(l, "prep_finding"), &ans.findings, nil); err != nil {
			return casefile.StepChange{}, err
		}
		if err := a.askList(msg(l, "prep_tried"), &ans.tried, nil); err != nil {
			return casefile.StepChange{}, err
		}
	case 2:
		if err := a.askList(msg(l, "prep_event"), &ans.events, validator(l, func(v string) error {
			_, _, _, err := r.Line(v)
			return err
		})); err != nil {
			return casefile.StepChange{}, err
		}
		if err := a.askList(msg(l, "prep_account"), &ans.refs, validator(l, func(v string) error {
			_, err := casefile.ParseAccountRef(v)
			return err
		})); err != nil {
			return casefile.StepChange{}, err
		}
		yesNo("prep_receipt", &ans.receipt, p.HaveReceipt)
		yesNo("prep_photos", &ans.photos, p.HavePhotos)
		yesNo("prep_secret", &ans.secret, p.HaveSecret)
	case 3:
		input("prep_problem", &ans.problem, c.Problem)
		input("prep_outcome", &ans.outcome, c.Outcome)
		input("prep_fallback", &ans.fallback, c.Fallback)
	case 4:
		facts := prep.NewFacts(l, full, now, a.loc)
		var options []huh.Option[string]
		// On a terminal each option is one line: a line that wrapped would
		// make huh scroll the highlighted option out of view. The option
		// keeps the whole line as its value; accessible mode reads it all.
		label := func(s string) string {
			if a.accessible() {
				return clean(s)
			}
			return runewidth.Truncate(clean(s), max(a.formWidth()-6, 20), "…")
		}
		if p.OpeningLine != "" {
			options = append(options, huh.NewOption(label(p.OpeningLine), p.OpeningLine))
		}
		for _, part := range []string{"calm", "direct", "followup"} {
			line, err := prep.RenderPart(l, "opening", part, facts)
			if err != nil {
				return casefile.StepChange{}, err
			}
			options = append(options, huh.NewOption(label(line), line))
		}
		options = append(options, huh.NewOption(msg(l, "prep_own_line"), ""))
		ans.opening = options[0].Value
		// An explicit height (the title and one row per option) keeps the
		// first option in view: sized by itself, huh's select can open
		// scrolled to its end.
		if err := a.runForm(huh.NewSelect[string]().Title(msg(l, "prep_opening")).Options(options...).
			Height(len(options) + 1).Value(&ans.opening)); err != nil {
			return casefile.StepChange{}, err
		}
		if ans.opening == "" {
			input("prep_own_line", &ans.opening, "")
		}
	case 5:
		input("prep_purchased", &ans.purchased, c.PurchaseDate.String(), validator(l, func(v string) error {
			_, err := r.Past(v)
			return err
		}))
		var days, months string
		input("prep_return_days", &days, itoaOrEmpty(p.ReturnDays), validator(l, func(v string) error {
			_, err := casefile.ParseCount("return days", v, maxReturnDays)
			return err
		}))
		input("prep_warranty_months", &months, itoaOrEmpty(p.WarrantyMonths), validator(l, func(v string) error {
			_, err := casefile.ParseCount("warranty months", v, maxWarrantyMonths)
			return err
		}))
		input("prep_docs", &ans.docs, p.PolicyDocs)
		if err := a.runForm(fields...); err != nil {
			return casefile.StepChange{}, err
		}
		fields = nil
		var err error
		if ans.returnDays, err = casefile.ParseCount("return days", days, maxReturnDays); err != nil {
			return casefile.StepChange{}, err
		}
		if ans.warrantyMonths, err = casefile.ParseCount("warranty months", months, maxWarrantyMonths); err != nil {
			return casefile.StepChange{}, err
		}
	case 6:
		ans.trigger = p.EscalateTrigger
		if ans.trigger == "" {
			ans.trigger = casefile.TriggerRefusedTwice
		}
		var options []huh.Option[string]
		for _, t := range casefile.Triggers {
			label, err := prep.RenderPart(l, "sheet", "trigger_"+t, nil)
			if err != nil {
				return casefile.StepChange{}, err
			}
			options = append(options, huh.NewOption(label, t))
		}
		fields = append(fields, huh.NewSelect[string]().Title(msg(l, "prep_trigger")).Options(options...).Value(&ans.trigger))
		lines, err := prep.NewSheet(l, full, now, a.loc, false) // the lines as the sheet words them
		if err != nil {
			return casefile.StepChange{}, err
		}
		input("prep_supervisor_line", &ans.supervisorLine, lines.SupervisorLine)
	case 7:
		yesNo("prep_record", &ans.record, p.WillRecord)
		lines, err := prep.NewSheet(l, full, now, a.loc, false)
		if err != nil {
			return casefile.StepChange{}, err
		}
		input("prep_record_line", &ans.recordLine, lines.RecordLine)
	case 8:
		ans.ask = p.Ask
		if len(ans.ask) == 0 {
			ans.ask = append([]string(nil), casefile.AskKeys...)
		}
		var options []huh.Option[string]
		for _, k := range casefile.AskKeys {
			label, err := prep.RenderPart(l, "sheet", "ask_"+k, nil)
			if err != nil {
				return casefile.StepChange{}, err
			}
			options = append(options, huh.NewOption(label, k).Selected(contains(ans.ask, k)))
		}
		fields = append(fields, huh.NewMultiSelect[string]().Title(msg(l, "prep_ask")).Options(options...).Value(&ans.ask))
	case 9:
		input("prep_phone", &ans.phone, c.Phone)
		input("prep_hours", &ans.hours, c.Hours)
		input("prep_email", &ans.email, p.ChannelEmail)
		input("prep_chat", &ans.chat, p.ChannelChat)
		input("prep_social", &ans.social, p.ChannelSocial)
		input("prep_review", &ans.review, p.ChannelReview)
		regulator := p.ChannelRegulator
		if regulator == "" {
			var err error
			if regulator, err = prep.RegulatorSuggestion(l, c.Jurisdiction); err != nil {
				return casefile.StepChange{}, err
			}
		}
		input("prep_regulator", &ans.regulator, regulator)
	}
	if len(fields) > 0 {
		if err := a.runForm(fields...); err != nil {
			return casefile.StepChange{}, err
		}
	}
	for _, f := range after {
		f()
	}
	return ans.change(step, r)
}

// askList asks for items one at a time until an empty answer: a list that
// a screen reader user can fill as easily as a sighted one. validate, when
// set, reads each item as it is answered.
func (a *app) askList(title string, dst *[]string, validate func(string) error) error {
	for {
		var v string
		in := huh.NewInput().Title(title).Description(msg(a.lang, "prep_empty_to_go_on")).Value(&v)
		if validate != nil {
			in = in.Validate(validate)
		}
		if err := a.runForm(in); err != nil {
			return err
		}
		if strings.TrimSpace(v) == "" {
			return nil
		}
		*dst = append(*dst, v)
		fmt.Fprintln(a.stderr, "  "+msgf(a.lang, "prep_list_saved", clean(v)))
	}
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// The longest return window and warranty the prep form takes.
const (
	maxReturnDays     = 365
	maxWarrantyMonths = 120
)

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
