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
type prepOptions struct {
	caseID  int64
	step    int
	check   bool
	json    bool
	answers prep.Answers
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
	f.StringArrayVar(&ans.Findings, "finding", nil, "1: something the help pages, FAQ or forums say (repeatable)")
	f.StringVar(&ans.URL, "url", "", "1: the source of the --finding")
	f.StringArrayVar(&ans.Tried, "tried", nil, "1: something you already tried (repeatable)")
	f.StringArrayVar(&ans.Events, "event", nil, `2: a timeline bullet, optionally dated: "2 Nov: bought online" (repeatable)`)
	f.StringArrayVar(&ans.Refs, "account", nil, `2: an account reference "LABEL=VALUE", e.g. "order number=ORD-1" (repeatable)`)
	f.StringVar(&ans.Receipt, "receipt", "", "2: receipt or order confirmation at hand: yes or no")
	f.StringVar(&ans.Photos, "photos", "", "2: photos at hand: yes or no")
	f.StringVar(&ans.Secret, "pin", "", "2: account PIN or password at hand: yes or no (never the PIN itself)")
	f.StringVar(&ans.Problem, "problem", "", "3: the problem in one or two sentences")
	f.StringVar(&ans.Outcome, "outcome", "", "3: the outcome you want (an action, an amount, a date)")
	f.StringVar(&ans.Fallback, "fallback", "", "3: an outcome you would accept instead")
	f.StringVar(&ans.Opening, "opening", "", "4: your opening line, or calm, direct or followup for a suggested one")
	f.StringVar(&ans.Purchased, "purchased", "", "5: purchase date")
	f.IntVar(&ans.ReturnDays, "return-days", 0, "5: days the store allows for returns")
	f.IntVar(&ans.WarrantyMonths, "warranty-months", 0, "5: months of warranty")
	f.StringVar(&ans.Docs, "docs", "", "5: documents the policy needs")
	f.StringVar(&ans.Trigger, "trigger", "", "6: when to ask for a supervisor: refused-once, refused-twice or no-date")
	f.StringVar(&ans.SupervisorLine, "supervisor-line", "", "6: what to say to ask for a supervisor")
	f.StringVar(&ans.Record, "record", "", "7: will you record the call: yes or no")
	f.StringVar(&ans.RecordLine, "record-line", "", "7: what to say about recording")
	f.StringSliceVar(&ans.Ask, "ask", nil, "8: what to ask for before hanging up: ticket,eta,name,written,workaround")
	f.StringVar(&ans.Email, "email", "", "9: the company's complaints email")
	f.StringVar(&ans.Chat, "chat", "", "9: its chat")
	f.StringVar(&ans.Social, "social", "", "9: its social media handle")
	f.StringVar(&ans.Review, "review", "", "9: a review site")
	f.StringVar(&ans.Regulator, "regulator", "", "9: the regulator or consumer body")
	f.StringVar(&ans.Phone, "phone", "", "9: the company's phone number")
	f.StringVar(&ans.Hours, "hours", "", "9: when that phone line is open")
	return cmd
}

func runPrep(a *app, opts *prepOptions) error {
	if opts.step < 0 || opts.step > 9 {
		return usageErr(w("err_no_step", opts.step), w("hint_steps"))
	}
	steps := opts.flagSteps()
	if opts.step != 0 && len(steps) > 0 && (len(steps) > 1 || steps[0] != opts.step) {
		return usageErr(w("err_step_flags", steps[0], opts.step), w("hint_step_flags"))
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
			ch, err := prep.StepChange(&opts.answers, step, r)
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
		return usageErr(w("err_prep_terminal"), w("hint_prep_terminal", opts.caseID))
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
				return &cliError{code: code, msg: verbatim(m), hint: verbatim(savedSoFar(a.lang, answered))}
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
	for name, step := range prep.StepOfFlag {
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
	ans := &prep.Answers{}
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
		if err := a.askList(msg(l, "prep_finding"), &ans.Findings, nil); err != nil {
			return casefile.StepChange{}, err
		}
		if err := a.askList(msg(l, "prep_tried"), &ans.Tried, nil); err != nil {
			return casefile.StepChange{}, err
		}
	case 2:
		if err := a.askList(msg(l, "prep_event"), &ans.Events, validator(l, func(v string) error {
			_, _, _, err := r.Line(v)
			return err
		})); err != nil {
			return casefile.StepChange{}, err
		}
		if err := a.askList(msg(l, "prep_account"), &ans.Refs, validator(l, func(v string) error {
			_, err := casefile.ParseAccountRef(v)
			return err
		})); err != nil {
			return casefile.StepChange{}, err
		}
		yesNo("prep_receipt", &ans.Receipt, p.HaveReceipt)
		yesNo("prep_photos", &ans.Photos, p.HavePhotos)
		yesNo("prep_secret", &ans.Secret, p.HaveSecret)
	case 3:
		input("prep_problem", &ans.Problem, c.Problem)
		input("prep_outcome", &ans.Outcome, c.Outcome)
		input("prep_fallback", &ans.Fallback, c.Fallback)
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
		ans.Opening = options[0].Value
		// An explicit height (the title and one row per option) keeps the
		// first option in view: sized by itself, huh's select can open
		// scrolled to its end.
		if err := a.runForm(huh.NewSelect[string]().Title(msg(l, "prep_opening")).Options(options...).
			Height(len(options) + 1).Value(&ans.Opening)); err != nil {
			return casefile.StepChange{}, err
		}
		if ans.Opening == "" {
			input("prep_own_line", &ans.Opening, "")
		}
	case 5:
		input("prep_purchased", &ans.Purchased, c.PurchaseDate.String(), validator(l, func(v string) error {
			_, err := r.Past(v)
			return err
		}))
		var days, months string
		input("prep_return_days", &days, itoaOrEmpty(p.ReturnDays), validator(l, func(v string) error {
			_, err := casefile.ParseCount("return-days", v, maxReturnDays)
			return err
		}))
		input("prep_warranty_months", &months, itoaOrEmpty(p.WarrantyMonths), validator(l, func(v string) error {
			_, err := casefile.ParseCount("warranty-months", v, maxWarrantyMonths)
			return err
		}))
		input("prep_docs", &ans.Docs, p.PolicyDocs)
		if err := a.runForm(fields...); err != nil {
			return casefile.StepChange{}, err
		}
		fields = nil
		var err error
		if ans.ReturnDays, err = casefile.ParseCount("return-days", days, maxReturnDays); err != nil {
			return casefile.StepChange{}, err
		}
		if ans.WarrantyMonths, err = casefile.ParseCount("warranty-months", months, maxWarrantyMonths); err != nil {
			return casefile.StepChange{}, err
		}
	case 6:
		ans.Trigger = p.EscalateTrigger
		if ans.Trigger == "" {
			ans.Trigger = casefile.TriggerRefusedTwice
		}
		var options []huh.Option[string]
		for _, t := range casefile.Triggers {
			label, err := prep.RenderPart(l, "sheet", "trigger_"+t, nil)
			if err != nil {
				return casefile.StepChange{}, err
			}
			options = append(options, huh.NewOption(label, t))
		}
		fields = append(fields, huh.NewSelect[string]().Title(msg(l, "prep_trigger")).Options(options...).Value(&ans.Trigger))
		lines, err := prep.NewSheet(l, full, now, a.loc, false) // the lines as the sheet words them
		if err != nil {
			return casefile.StepChange{}, err
		}
		input("prep_supervisor_line", &ans.SupervisorLine, lines.SupervisorLine)
	case 7:
		yesNo("prep_record", &ans.Record, p.WillRecord)
		lines, err := prep.NewSheet(l, full, now, a.loc, false)
		if err != nil {
			return casefile.StepChange{}, err
		}
		input("prep_record_line", &ans.RecordLine, lines.RecordLine)
	case 8:
		ans.Ask = p.Ask
		if len(ans.Ask) == 0 {
			ans.Ask = append([]string(nil), casefile.AskKeys...)
		}
		var options []huh.Option[string]
		for _, k := range casefile.AskKeys {
			label, err := prep.RenderPart(l, "sheet", "ask_"+k, nil)
			if err != nil {
				return casefile.StepChange{}, err
			}
			options = append(options, huh.NewOption(label, k).Selected(contains(ans.Ask, k)))
		}
		fields = append(fields, huh.NewMultiSelect[string]().Title(msg(l, "prep_ask")).Options(options...).Value(&ans.Ask))
	case 9:
		input("prep_phone", &ans.Phone, c.Phone)
		input("prep_hours", &ans.Hours, c.Hours)
		input("prep_email", &ans.Email, p.ChannelEmail)
		input("prep_chat", &ans.Chat, p.ChannelChat)
		input("prep_social", &ans.Social, p.ChannelSocial)
		input("prep_review", &ans.Review, p.ChannelReview)
		regulator := p.ChannelRegulator
		if regulator == "" {
			var err error
			if regulator, err = prep.RegulatorFor(l, full); err != nil {
				return casefile.StepChange{}, err
			}
		}
		input("prep_regulator", &ans.Regulator, regulator)
	}
	if len(fields) > 0 {
		if err := a.runForm(fields...); err != nil {
			return casefile.StepChange{}, err
		}
	}
	for _, f := range after {
		f()
	}
	return prep.StepChange(ans, step, r)
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
