package prep

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
)

// Answers are the answers to the nine steps of prep, from flags or forms
// (the comment numbers are the steps).
type Answers struct {
	Findings, Tried []string // 1
	URL             string
	Events, Refs    []string // 2
	Receipt, Photos string
	Secret          string
	Problem         string // 3
	Outcome         string
	Fallback        string
	Opening         string // 4
	Purchased       string // 5
	ReturnDays      int
	WarrantyMonths  int
	Docs            string
	Trigger         string // 6
	SupervisorLine  string
	Record          string // 7
	RecordLine      string
	Ask             []string // 8
	Email, Chat     string   // 9
	Social, Review  string
	Regulator       string
	Phone, Hours    string // 9: how to reach the company by phone
}

// Kind is what a prep answer is, which says how a flag takes it and how
// the form asks for it.
type Kind int

const (
	KindText   Kind = iota // a line of text, pre-filled from the case
	KindYesNo              // "yes" or "no"
	KindList               // items asked one at a time (a repeatable flag)
	KindDate               // a date, read by casefile/dates
	KindNumber             // a whole number from 0 to Max
	KindChoice             // one of Options
	KindMulti              // some of Options (a comma-separated flag)
	KindLine               // one of the suggested lines of Options, or one's own
)

// Option is one choice of a choice field: what the form shows, and the
// answer it gives.
type Option struct {
	Label, Value string
	Selected     bool
}

// FormCase is what a step's form is pre-filled from.
type FormCase struct {
	Lang string
	Full casefile.Full
	Now  time.Time
	Loc  *time.Location
}

// Field is one answer of a prep step: its flag, the catalog keys of its
// form label and flag help, its kind, how it is read and checked, where
// the answers keep it and what the form starts from.
type Field struct {
	Flag  string // the flag of `redress prep`, e.g. "return-days"
	Label string // catalog key of the form's question
	Help  string // catalog key of the flag's help line
	Kind  Kind
	Max   int  // KindNumber: the largest answer taken
	Form  bool // asked in the form (the source of a finding is a flag only)
	// Own is the catalog key of the choice "write my own" (KindLine).
	Own string

	// Check reads one answer (one item of a list) as saving will, so the
	// form can refuse it while it is typed; nil: any text.
	Check func(r dates.Reader, v string) error
	// Where the answers keep it: Text for one string (text, yes/no, date,
	// choice, line), List for a list (list, multi), Num for a number.
	Text func(*Answers) *string
	List func(*Answers) *[]string
	Num  func(*Answers) *int
	// Current is the answer the form starts from; Options the choices of
	// a choice, multi or line field.
	Current func(FormCase) (string, error)
	Options func(FormCase) ([]Option, error)
}

// Set stores a form's answer v: a number is read (an empty answer is 0,
// which keeps the case's value).
func (fd Field) Set(ans *Answers, v string) error {
	if fd.Num != nil {
		n, err := casefile.ParseCount(fd.Flag, v, fd.Max)
		if err != nil {
			return err
		}
		*fd.Num(ans) = n
		return nil
	}
	*fd.Text(ans) = v
	return nil
}

// Step is one of the nine steps: its fields, in the order the form asks
// them, and (step 1) what to show before them.
type Step struct {
	N      int
	Fields []Field
	// Intro is a heading (a catalog key) and lines shown before the form.
	Intro func(FormCase) (heading string, lines []string, err error)
}

// The longest return window and warranty prep takes.
const (
	MaxReturnDays     = 365
	MaxWarrantyMonths = 120
)

// Steps is the one table of prep: it binds the flags, builds each step's
// form and says which step a flag answers (StepChange saves them).
var Steps = []Step{
	{N: 1, Intro: searchPhrases, Fields: []Field{
		listField("finding", "prep_finding", func(a *Answers) *[]string { return &a.Findings }, nil),
		{Flag: "url", Label: "prep_url", Help: "prep_flag_url", Kind: KindText, Text: func(a *Answers) *string { return &a.URL }},
		listField("tried", "prep_tried", func(a *Answers) *[]string { return &a.Tried }, nil),
	}},
	{N: 2, Fields: []Field{
		listField("event", "prep_event", func(a *Answers) *[]string { return &a.Events }, func(r dates.Reader, v string) error {
			_, _, _, err := r.Line(v)
			return err
		}),
		listField("account", "prep_account", func(a *Answers) *[]string { return &a.Refs }, func(_ dates.Reader, v string) error {
			_, err := casefile.ParseAccountRef(v)
			return err
		}),
		yesNoField("receipt", "prep_receipt", func(a *Answers) *string { return &a.Receipt }, func(p casefile.Prep) string { return p.HaveReceipt }),
		yesNoField("photos", "prep_photos", func(a *Answers) *string { return &a.Photos }, func(p casefile.Prep) string { return p.HavePhotos }),
		yesNoField("pin", "prep_secret", func(a *Answers) *string { return &a.Secret }, func(p casefile.Prep) string { return p.HaveSecret }),
	}},
	{N: 3, Fields: []Field{
		textField("problem", "prep_problem", func(a *Answers) *string { return &a.Problem }, func(f casefile.Full) string { return f.Problem }),
		textField("outcome", "prep_outcome", func(a *Answers) *string { return &a.Outcome }, func(f casefile.Full) string { return f.Outcome }),
		textField("fallback", "prep_fallback", func(a *Answers) *string { return &a.Fallback }, func(f casefile.Full) string { return f.Fallback }),
	}},
	{N: 4, Fields: []Field{
		{Flag: "opening", Label: "prep_opening", Help: "prep_flag_opening", Kind: KindLine, Form: true, Own: "prep_own_line",
			Text: func(a *Answers) *string { return &a.Opening }, Options: openingLines},
	}},
	{N: 5, Fields: []Field{
		{Flag: "purchased", Label: "prep_purchased", Help: "prep_flag_purchased", Kind: KindDate, Form: true,
			Text: func(a *Answers) *string { return &a.Purchased },
			Check: func(r dates.Reader, v string) error {
				_, err := r.Past(v)
				return err
			},
			Current: func(fc FormCase) (string, error) { return fc.Full.PurchaseDate.String(), nil }},
		numberField("return-days", "prep_return_days", MaxReturnDays, func(a *Answers) *int { return &a.ReturnDays }, func(p casefile.Prep) int { return p.ReturnDays }),
		numberField("warranty-months", "prep_warranty_months", MaxWarrantyMonths, func(a *Answers) *int { return &a.WarrantyMonths }, func(p casefile.Prep) int { return p.WarrantyMonths }),
		textField("docs", "prep_docs", func(a *Answers) *string { return &a.Docs }, func(f casefile.Full) string { return f.Prep.PolicyDocs }),
	}},
	{N: 6, Fields: []Field{
		{Flag: "trigger", Label: "prep_trigger", Help: "prep_flag_trigger", Kind: KindChoice, Form: true,
			Text: func(a *Answers) *string { return &a.Trigger },
			Current: func(fc FormCase) (string, error) {
				if t := fc.Full.Prep.EscalateTrigger; t != "" {
					return t, nil
				}
				return casefile.TriggerRefusedTwice, nil
			},
			Options: func(fc FormCase) ([]Option, error) { return sheetOptions(fc.Lang, "trigger_", casefile.Triggers, nil) }},
		sheetLine("supervisor-line", "prep_supervisor_line", func(a *Answers) *string { return &a.SupervisorLine }, func(s Sheet) string { return s.SupervisorLine }),
	}},
	{N: 7, Fields: []Field{
		yesNoField("record", "prep_record", func(a *Answers) *string { return &a.Record }, func(p casefile.Prep) string { return p.WillRecord }),
		sheetLine("record-line", "prep_record_line", func(a *Answers) *string { return &a.RecordLine }, func(s Sheet) string { return s.RecordLine }),
	}},
	{N: 8, Fields: []Field{
		{Flag: "ask", Label: "prep_ask", Help: "prep_flag_ask", Kind: KindMulti, Form: true,
			List: func(a *Answers) *[]string { return &a.Ask },
			Options: func(fc FormCase) ([]Option, error) {
				asked := fc.Full.Prep.Ask
				if len(asked) == 0 {
					asked = casefile.AskKeys
				}
				return sheetOptions(fc.Lang, "ask_", casefile.AskKeys, asked)
			}},
	}},
	{N: 9, Fields: []Field{
		textField("phone", "prep_phone", func(a *Answers) *string { return &a.Phone }, func(f casefile.Full) string { return f.Phone }),
		textField("hours", "prep_hours", func(a *Answers) *string { return &a.Hours }, func(f casefile.Full) string { return f.Hours }),
		textField("email", "prep_email", func(a *Answers) *string { return &a.Email }, func(f casefile.Full) string { return f.Prep.ChannelEmail }),
		textField("chat", "prep_chat", func(a *Answers) *string { return &a.Chat }, func(f casefile.Full) string { return f.Prep.ChannelChat }),
		textField("social", "prep_social", func(a *Answers) *string { return &a.Social }, func(f casefile.Full) string { return f.Prep.ChannelSocial }),
		textField("review", "prep_review", func(a *Answers) *string { return &a.Review }, func(f casefile.Full) string { return f.Prep.ChannelReview }),
		{Flag: "regulator", Label: "prep_regulator", Help: "prep_flag_regulator", Kind: KindText, Form: true,
			Text: func(a *Answers) *string { return &a.Regulator },
			Current: func(fc FormCase) (string, error) {
				if r := fc.Full.Prep.ChannelRegulator; r != "" {
					return r, nil
				}
				return RegulatorFor(fc.Lang, fc.Full)
			}},
	}},
}

// StepOfFlag says which step each flag of `redress prep` answers.
var StepOfFlag = func() map[string]int {
	m := map[string]int{}
	for _, st := range Steps {
		for _, fd := range st.Fields {
			m[fd.Flag] = st.N
		}
	}
	return m
}()

func helpKey(flag string) string { return "prep_flag_" + strings.ReplaceAll(flag, "-", "_") }

func textField(flag, label string, at func(*Answers) *string, cur func(casefile.Full) string) Field {
	return Field{Flag: flag, Label: label, Help: helpKey(flag), Kind: KindText, Form: true, Text: at,
		Current: func(fc FormCase) (string, error) { return cur(fc.Full), nil }}
}

func yesNoField(flag, label string, at func(*Answers) *string, cur func(casefile.Prep) string) Field {
	return Field{Flag: flag, Label: label, Help: helpKey(flag), Kind: KindYesNo, Form: true, Text: at,
		Current: func(fc FormCase) (string, error) { return cur(fc.Full.Prep), nil }}
}

func listField(flag, label string, at func(*Answers) *[]string, check func(dates.Reader, string) error) Field {
	return Field{Flag: flag, Label: label, Help: helpKey(flag), Kind: KindList, Form: true, List: at, Check: check}
}

func numberField(flag, label string, max int, at func(*Answers) *int, cur func(casefile.Prep) int) Field {
	return Field{Flag: flag, Label: label, Help: helpKey(flag), Kind: KindNumber, Form: true, Max: max, Num: at,
		Check: func(_ dates.Reader, v string) error {
			_, err := casefile.ParseCount(flag, v, max)
			return err
		},
		Current: func(fc FormCase) (string, error) {
			if n := cur(fc.Full.Prep); n != 0 {
				return strconv.Itoa(n), nil
			}
			return "", nil
		}}
}

// sheetLine is a line to say, pre-filled as the call sheet words it.
func sheetLine(flag, label string, at func(*Answers) *string, line func(Sheet) string) Field {
	return Field{Flag: flag, Label: label, Help: helpKey(flag), Kind: KindText, Form: true, Text: at,
		Current: func(fc FormCase) (string, error) {
			s, err := NewSheet(fc.Lang, fc.Full, fc.Now, fc.Loc, false)
			return line(s), err
		}}
}

// sheetOptions are keys as the call sheet names them (its blocks
// prefix+key), those in selected marked.
func sheetOptions(lang, prefix string, keys, selected []string) ([]Option, error) {
	var out []Option
	for _, k := range keys {
		label, err := RenderPart(lang, "sheet", prefix+k, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, Option{Label: label, Value: k, Selected: slices.Contains(selected, k)})
	}
	return out, nil
}

// openingLines are the opening lines to choose from: the one chosen
// before, then a calm, a direct and a follow-up one for this case.
func openingLines(fc FormCase) ([]Option, error) {
	var out []Option
	if cur := fc.Full.Prep.OpeningLine; cur != "" {
		out = append(out, Option{Label: cur, Value: cur})
	}
	// The openings are the opening stage's: they say the remedy and its
	// date, and which contact this is.
	facts, err := NewScriptFacts(fc.Lang, StageOpening, fc.Full, fc.Now, fc.Loc)
	if err != nil {
		return nil, err
	}
	for _, part := range []string{"calm", "direct", "followup"} {
		line, err := RenderPart(fc.Lang, "opening", part, facts)
		if err != nil {
			return nil, err
		}
		out = append(out, Option{Label: line, Value: line})
	}
	return out, nil
}

// searchPhrases: step 1 opens with what to search for.
func searchPhrases(fc FormCase) (string, []string, error) {
	phrases, err := SearchPhrases(fc.Lang, fc.Full, fc.Now, fc.Loc)
	return "prep_search_phrases", phrases, err
}

// ErrURLFinding: a --url names the source of one finding, so it goes
// with exactly one --finding.
var ErrURLFinding error = casefile.NewMessage("err_url_finding")

// StepChange turns the answers to one step into what the store saves;
// r reads its dates (the case's day- or month-first order, as of now).
// It is pure: the command parses flags or runs the form into Answers,
// and saves what this returns.
func StepChange(ans *Answers, step int, r dates.Reader) (casefile.StepChange, error) {
	now, loc := r.Now, r.Loc
	ch := casefile.StepChange{Step: step, At: now}
	switch step {
	case 1:
		if ans.URL != "" && len(ans.Findings) != 1 {
			return ch, ErrURLFinding
		}
		for _, f := range ans.Findings {
			ch.Notes = append(ch.Notes, casefile.Note{Kind: casefile.NoteResearch, Text: f, SourceURL: ans.URL})
		}
		for _, t := range ans.Tried {
			ch.Notes = append(ch.Notes, casefile.Note{Kind: casefile.NoteTried, Text: t})
		}
	case 2:
		for _, e := range ans.Events {
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
		for _, v := range ans.Refs {
			ref, err := casefile.ParseAccountRef(v)
			if err != nil {
				return ch, fmt.Errorf("--account: %w", err)
			}
			ch.Refs = append(ch.Refs, ref)
		}
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.HaveReceipt, ans.Receipt)
			setIf(&p.HavePhotos, ans.Photos)
			setIf(&p.HaveSecret, ans.Secret)
			return nil
		}
	case 3:
		ch.Case = func(c *casefile.Case) error {
			setIf(&c.Problem, ans.Problem)
			setIf(&c.Outcome, ans.Outcome)
			setIf(&c.Fallback, ans.Fallback)
			return nil
		}
	case 4:
		ch.Prep = func(p *casefile.Prep) error { setIf(&p.OpeningLine, ans.Opening); return nil }
	case 5:
		var purchased casefile.Date
		if ans.Purchased != "" {
			d, err := r.Past(ans.Purchased)
			if err != nil {
				return ch, fmt.Errorf("--purchased: %w", err)
			}
			purchased = d.Day(loc)
		}
		ch.Case = func(c *casefile.Case) error {
			if !purchased.IsZero() {
				c.PurchaseDate = purchased
			}
			ApplyPolicy(c, ans.ReturnDays, ans.WarrantyMonths)
			return nil
		}
		ch.Prep = func(p *casefile.Prep) error {
			if ans.ReturnDays != 0 {
				p.ReturnDays = ans.ReturnDays
			}
			if ans.WarrantyMonths != 0 {
				p.WarrantyMonths = ans.WarrantyMonths
			}
			setIf(&p.PolicyDocs, ans.Docs)
			return nil
		}
	case 6:
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.EscalateTrigger, ans.Trigger)
			setIf(&p.SupervisorLine, ans.SupervisorLine)
			return nil
		}
	case 7:
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.WillRecord, ans.Record)
			setIf(&p.RecordLine, ans.RecordLine)
			return nil
		}
	case 8:
		ch.Prep = func(p *casefile.Prep) error {
			if len(ans.Ask) > 0 {
				p.Ask = ans.Ask
			}
			return nil
		}
	case 9:
		ch.Prep = func(p *casefile.Prep) error {
			setIf(&p.ChannelEmail, ans.Email)
			setIf(&p.ChannelChat, ans.Chat)
			setIf(&p.ChannelSocial, ans.Social)
			setIf(&p.ChannelReview, ans.Review)
			setIf(&p.ChannelRegulator, ans.Regulator)
			return nil
		}
		ch.Case = func(c *casefile.Case) error {
			setIf(&c.Phone, ans.Phone)
			setIf(&c.Hours, ans.Hours)
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
