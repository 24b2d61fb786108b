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
	// Each answer's flag, from prep's one table of the steps; the help
	// line is cobra's, in English like the rest of the help.
	for _, st := range prep.Steps {
		for _, fd := range st.Fields {
			usage := fmt.Sprintf("%d: %s", st.N, msg("en", fd.Help))
			switch fd.Kind {
			case prep.KindList:
				f.StringArrayVar(fd.List(ans), fd.Flag, nil, usage)
			case prep.KindMulti:
				f.StringSliceVar(fd.List(ans), fd.Flag, nil, usage)
			case prep.KindNumber:
				f.IntVar(fd.Num(ans), fd.Flag, 0, usage)
			default:
				f.StringVar(fd.Text(ans), fd.Flag, "", usage)
			}
		}
	}
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
	st := prep.Steps[step-1]
	fc := prep.FormCase{Lang: l, Full: full, Now: now, Loc: a.loc}
	if st.Intro != nil {
		heading, lines, err := st.Intro(fc)
		if err != nil {
			return casefile.StepChange{}, err
		}
		fmt.Fprintln(a.stderr, msg(l, heading))
		for _, line := range lines {
			fmt.Fprintln(a.stderr, "  "+clean(line))
		}
	}
	ans := &prep.Answers{}
	var fields []huh.Field
	var after []func() error // turn form values into answers once the form ends
	for _, fd := range st.Fields {
		if !fd.Form {
			continue
		}
		f, set, err := a.formField(fd, fc, r, ans)
		if err != nil {
			return casefile.StepChange{}, err
		}
		if f != nil {
			fields = append(fields, f)
		}
		if set != nil {
			after = append(after, set)
		}
	}
	if len(fields) > 0 {
		if err := a.runForm(fields...); err != nil {
			return casefile.StepChange{}, err
		}
	}
	for _, set := range after {
		if err := set(); err != nil {
			return casefile.StepChange{}, err
		}
	}
	return prep.StepChange(ans, step, r)
}

// formField turns one field of prep's step table into huh: the field to
// add to the step's form and what to do with its value when the form
// ends. A list is asked at once, one item at a time; so is a choice of
// lines, followed (for "write my own") by a field for one's own.
func (a *app) formField(fd prep.Field, fc prep.FormCase, r dates.Reader, ans *prep.Answers) (huh.Field, func() error, error) {
	l := a.lang
	var validate func(string) error
	if fd.Check != nil {
		validate = validator(l, func(v string) error { return fd.Check(r, v) })
	}
	current := ""
	if fd.Current != nil {
		var err error
		if current, err = fd.Current(fc); err != nil {
			return nil, nil, err
		}
	}
	var options []prep.Option
	if fd.Options != nil {
		var err error
		if options, err = fd.Options(fc); err != nil {
			return nil, nil, err
		}
	}
	switch fd.Kind {
	case prep.KindList:
		return nil, nil, a.askList(msg(l, fd.Label), fd.List(ans), validate)
	case prep.KindYesNo:
		v := new(bool)
		*v = current == "yes"
		f := huh.NewConfirm().Title(msg(l, fd.Label)).Affirmative(msg(l, "yes")).Negative(msg(l, "no")).Value(v)
		return f, func() error { *fd.Text(ans) = map[bool]string{true: "yes", false: "no"}[*v]; return nil }, nil
	case prep.KindChoice:
		dst := fd.Text(ans)
		*dst = current
		var opts []huh.Option[string]
		for _, o := range options {
			opts = append(opts, huh.NewOption(o.Label, o.Value))
		}
		return huh.NewSelect[string]().Title(msg(l, fd.Label)).Options(opts...).Value(dst), nil, nil
	case prep.KindMulti:
		dst := fd.List(ans)
		var opts []huh.Option[string]
		for _, o := range options {
			opts = append(opts, huh.NewOption(o.Label, o.Value).Selected(o.Selected))
			if o.Selected {
				*dst = append(*dst, o.Value)
			}
		}
		return huh.NewMultiSelect[string]().Title(msg(l, fd.Label)).Options(opts...).Value(dst), nil, nil
	case prep.KindLine:
		return a.lineField(fd, options, fd.Text(ans))
	}
	v := new(string)
	*v = current
	title := msg(l, fd.Label)
	if a.accessible() && strings.TrimSpace(current) != "" {
		// A screen reader hears no pre-filled field: say what Enter keeps.
		title = msgf(l, "prep_current", title, clean(current))
	}
	in := huh.NewInput().Title(title).Value(v)
	if validate != nil {
		in = in.Validate(validate)
	}
	return in, func() error { return fd.Set(ans, *v) }, nil
}

// lineField asks for one of the suggested lines, or one's own: the choice
// is its own form, and "write my own" adds a field for it to the step's.
func (a *app) lineField(fd prep.Field, lines []prep.Option, dst *string) (huh.Field, func() error, error) {
	l := a.lang
	// On a terminal each option is one line: a line that wrapped would
	// make huh scroll the highlighted option out of view. The option
	// keeps the whole line as its value; accessible mode reads it all.
	label := func(s string) string {
		if a.accessible() {
			return clean(s)
		}
		return runewidth.Truncate(clean(s), max(a.formWidth()-6, 20), "…")
	}
	var options []huh.Option[string]
	for _, o := range lines {
		options = append(options, huh.NewOption(label(o.Label), o.Value))
	}
	options = append(options, huh.NewOption(msg(l, fd.Own), ""))
	*dst = options[0].Value
	// An explicit height (the title and one row per option) keeps the
	// first option in view: sized by itself, huh's select can open
	// scrolled to its end.
	if err := a.runForm(huh.NewSelect[string]().Title(msg(l, fd.Label)).Options(options...).
		Height(len(options) + 1).Value(dst)); err != nil {
		return nil, nil, err
	}
	if *dst != "" {
		return nil, nil, nil
	}
	return huh.NewInput().Title(msg(l, fd.Own)).Value(dst), nil, nil
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
