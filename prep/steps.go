package prep

import (
	"errors"
	"fmt"
	"strings"

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

// StepOfFlag says which step each flag of `redress prep` answers: the
// one table the command binds its flags from and saves by.
var StepOfFlag = map[string]int{
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

// ErrURLFinding: a --url names the source of one finding, so it goes
// with exactly one --finding.
var ErrURLFinding = errors.New("--url goes with exactly one --finding") // words:ok mapped to err_url_finding

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
