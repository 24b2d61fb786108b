package prep

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// Reason says why a step is (or is not) due; text/<lang>/next.tmpl words
// each one as a block "reason-<reason>".
type Reason string

const (
	ReasonClosed    Reason = "closed"     // resolved or closed: nothing to do
	ReasonStart     Reason = "start"      // no contact yet: make the first one
	ReasonNoPromise Reason = "no-promise" // spoken to, but nothing promised: ask for a commitment
	ReasonWaiting   Reason = "waiting"    // a promise or a written reply is not due yet
	ReasonLate      Reason = "late"       // one promise broken or overdue at this step: chase it in writing
	ReasonRepeated  Reason = "repeated"   // two or more broken or overdue at this step: climb
	ReasonRefused   Reason = "refused"    // told no at this step: climb
	ReasonNoReply   Reason = "no-reply"   // a written step unanswered for 14 days: climb
	ReasonWeeks     Reason = "eight-weeks"
	ReasonFinal     Reason = "final-response"
	ReasonTop       Reason = "top" // at the regulator or card issuer: follow their process
)

// Decision is what `redress next` says: the step due now and the script
// for it. Step and Stage are empty when nothing is due yet.
type Decision struct {
	Step   casefile.Step `json:"step"`
	Stage  Stage         `json:"stage"`
	Reason Reason        `json:"reason"`
	// Alternative is a step at the same height that may fit better
	// (a chargeback instead of the regulator, an executive letter instead
	// of a public post).
	Alternative casefile.Step `json:"alternative,omitempty"`
	Rung        int           `json:"rung"`   // height reached so far, 0 to 5
	Missed      int           `json:"missed"` // promises broken or overdue since that height was reached
	// Until is when waiting ends: the next promise's due date or the
	// written reply's deadline.
	Until   casefile.Date `json:"until"`
	WaitFor string        `json:"wait_for,omitempty"` // "promise" or "reply"
	// Clocks are the clocks of the rights table running on the case, the
	// same ones `remind list` shows (rights.Clocks).
	Clocks []ClockDue `json:"clocks"`
	// Offers are letters worth sending now besides the step: the notices
	// of the rights table that are open today (the CRA rejection within 30
	// days of delivery, the Korean 청약철회 within 7, the FCBA notice within
	// 60 days of the statement; a Section 75 or Direct Debit Guarantee
	// claim once the company has had its chance), and the letter before
	// action when the ladder reaches its top and small claims is the way.
	Offers []Offer `json:"offers"`
}

// Offer is a letter `next` suggests beside the step, and the last day to
// send it (zero when no clock limits it).
type Offer struct {
	Stage Stage         `json:"stage"`
	Until casefile.Date `json:"until"`
	Early bool          `json:"early,omitempty"` // Until counted from the purchase
}

// offers are the Offers of a case as of now (see Decision.Offers).
func offers(f casefile.Full, d Decision, now time.Time, loc *time.Location) []Offer {
	out := []Offer{}
	for _, n := range rights.Notices(f, now, loc) {
		windowless := n.Notice.Within == "" && n.Notice.After == ""
		if windowless && len(f.Contacts) == 0 {
			continue // the company has not had its chance yet
		}
		out = append(out, Offer{Stage: Stage(n.Notice.ID), Until: n.Until, Early: n.Early})
	}
	if d.Rung >= casefile.StepExecutive.Rung() || d.Step == casefile.StepRegulator || d.Step == casefile.StepChargeback {
		if _, ok := rights.SmallClaims(f); ok {
			if _, ob := rights.Ombudsman(f); !ob {
				out = append(out, Offer{Stage: StageBefore})
			}
		}
	}
	return out
}

// ClockDue is a running clock as `next --json` shows it.
type ClockDue struct {
	ID      string        `json:"id"`
	Start   casefile.Date `json:"start"`
	End     casefile.Date `json:"end"`
	Unlocks string        `json:"unlocks"`
	Body    string        `json:"body,omitempty"`
	Early   bool          `json:"early,omitempty"`
	Source  string        `json:"source"`
}

func clockDues(f casefile.Full, loc *time.Location) []ClockDue {
	out := []ClockDue{}
	for _, d := range rights.Clocks(f, loc) {
		out = append(out, ClockDue{ID: d.Clock.ID, Start: d.Start, End: d.End, Unlocks: d.Clock.Unlocks,
			Body: d.Clock.Body, Early: d.Early, Source: d.Clock.Source})
	}
	return out
}

// Next decides which escalation step is due for a case, as of now. It is a
// pure function of the case history:
//
//   - a resolved or closed case needs nothing;
//   - before any contact, the frontline is due;
//   - a final response, or in the UK 8 weeks since the formal complaint,
//     makes the regulator (or a chargeback for a billing error) due at once;
//   - a refusal at the current step, or two promises broken or overdue
//     since it was reached, makes the next step up due;
//   - a written step (complaint, executive, public) unanswered for 14
//     days makes the next step up due;
//   - one promise missed calls for a written follow-up at the same step;
//   - otherwise wait for what is pending, or ask for a commitment.
//
// Promises count at a step only if they fell due after it was reached:
// the ones that made the customer climb are not counted twice.
func Next(f casefile.Full, now time.Time, loc *time.Location) Decision {
	if !f.Status.Active() {
		return Decision{Reason: ReasonClosed, Offers: []Offer{}}
	}
	d := next(f, now, loc)
	d.Offers = offers(f, d, now, loc)
	return d
}

func next(f casefile.Full, now time.Time, loc *time.Location) Decision {
	d := Decision{Clocks: clockDues(f, loc)}
	var reached time.Time // when the current height was first reached
	for _, e := range f.Escalations {
		if r := e.Step.Rung(); r > d.Rung {
			d.Rung, reached = r, e.At
		}
	}
	if d.Rung == 0 && len(f.Contacts) > 0 {
		d.Rung = casefile.StepFrontline.Rung() // a contact is the frontline
	}
	refused, final := false, false
	for _, e := range f.Escalations {
		if e.Answer == casefile.AnswerRefused && e.Step.Rung() >= d.Rung {
			refused = true
		}
		if e.Answer == casefile.AnswerFinal {
			final = true
		}
	}
	var pendingDue casefile.Date
	for _, p := range f.Promises {
		late := p.Status == casefile.PromiseBroken || (p.Status == casefile.PromisePending && p.Due.Overdue(now, loc))
		if late && p.Due.End(loc).After(reached) {
			d.Missed++
		}
		// The first extension is a date moved once; every one after it
		// is a date missed again, and counts as a broken promise does.
		for i, e := range f.ExtensionsOf(p.ID) {
			if i > 0 && e.At.After(reached) {
				d.Missed++
			}
		}
		if p.Status == casefile.PromisePending && !p.Due.IsZero() && !p.Due.Overdue(now, loc) && (pendingDue.IsZero() || p.Due.Before(pendingDue)) {
			pendingDue = p.Due
		}
	}
	climbTo := func(rung int, r Reason) Decision {
		d.Reason = r
		d.Step, d.Stage, d.Alternative = stepAt(rung, f.Kind, rights.Sector(f.Case))
		return d
	}
	climb := func(r Reason) Decision { return climbTo(d.Rung+1, r) }
	stay := func(r Reason, st Stage) Decision {
		d.Reason, d.Stage = r, st
		d.Step, _, _ = stepAt(max(d.Rung, 1), f.Kind, rights.Sector(f.Case))
		return d
	}
	switch {
	case d.Rung == 0:
		d.Reason = ReasonStart
		d.Step, d.Stage = casefile.StepFrontline, StageOpening
		return d
	case d.Rung >= casefile.TopRung:
		d.Reason = ReasonTop
		return d
	case final:
		return climbTo(casefile.TopRung, ReasonFinal)
	}
	// An ombudsman, where the sector has one, takes the case once its clock
	// has run (rights: 8 weeks after the formal complaint in the UK).
	if ob, ok := rights.Ombudsman(f); ok {
		if open, ok := rights.Opens(rights.Clocks(f, loc), ob.ID); ok && open.DaysUntil(now, loc) <= 0 {
			return climbTo(casefile.TopRung, ReasonWeeks)
		}
	}
	switch {
	case refused:
		return climb(ReasonRefused)
	case d.Missed >= 2:
		return climb(ReasonRepeated)
	case d.Missed == 1:
		return stay(ReasonLate, StageFollowup)
	case !pendingDue.IsZero():
		d.Reason, d.Until, d.WaitFor = ReasonWaiting, pendingDue, "promise"
		return d
	case d.Rung >= casefile.StepComplaint.Rung():
		// A letter gets two weeks for an answer before the next step: the
		// same day the reminders put on the calendar (rights.ReplyDue).
		replyDue, _, _ := rights.ReplyDue(f, loc)
		if replyDue.DaysUntil(now, loc) > 0 {
			d.Reason, d.Until, d.WaitFor = ReasonWaiting, replyDue, "reply"
			return d
		}
		return climb(ReasonNoReply)
	}
	return stay(ReasonNoPromise, StageAsk)
}

// stepAt is the step and script at a rung of the ladder, and the
// alternative at the same height. A billing error is a card matter first
// (the issuer can reverse the charge); anything else goes to the
// regulator or consumer body, with the chargeback as the alternative. A
// debit from a bank account or a bank's own fee has no card to charge back:
// there the regulator (the ombudsman) stands alone.
func stepAt(rung int, kind casefile.Kind, sector casefile.Sector) (casefile.Step, Stage, casefile.Step) {
	switch rung {
	case 1:
		return casefile.StepFrontline, StageFollowup, ""
	case 2:
		return casefile.StepSupervisor, StageSupervisor, ""
	case 3:
		return casefile.StepComplaint, StageComplaint, ""
	case 4:
		return casefile.StepExecutive, StageExecutive, casefile.StepPublic
	}
	if sector == casefile.SectorFinancial || sector == casefile.SectorBankDebit {
		return casefile.StepRegulator, StageRegulator, ""
	}
	if kind == casefile.KindBillingError {
		return casefile.StepChargeback, StageChargeback, casefile.StepRegulator
	}
	return casefile.StepRegulator, StageRegulator, casefile.StepChargeback
}

// nextData is what next.tmpl renders: the case's script facts and the
// decision in words.
type nextData struct {
	ScriptFacts
	Step, Alternative, Current string // step names in words
	Missed                     int
	Until                      string
	ForPromise                 bool // waiting for a promise, not for a letter's reply
	Offers                     []offerFact
}

// offerFact is an Offer as next.tmpl words it.
type offerFact struct {
	ID    int64
	Stage string
	Until string
	Left  int // days left to send it, when Until is set
	Early bool
}

// ExplainNext says, in lang, which step is due and why: the lines
// `redress next` prints above the script.
func ExplainNext(lang string, d Decision, f casefile.Full, now time.Time, loc *time.Location) (string, error) {
	sf, err := NewScriptFacts(lang, d.Stage, f, now, loc)
	if err != nil {
		return "", err
	}
	data := nextData{ScriptFacts: sf, Missed: d.Missed, Until: FormatDate(lang, d.Until, loc), ForPromise: d.WaitFor == "promise"}
	for _, o := range d.Offers {
		of := offerFact{ID: f.ID, Stage: string(o.Stage), Until: FormatDate(lang, o.Until, loc), Early: o.Early}
		if !o.Until.IsZero() {
			of.Left = o.Until.DaysUntil(now, loc)
		}
		data.Offers = append(data.Offers, of)
	}
	for _, n := range []struct {
		dst  *string
		step casefile.Step
	}{{&data.Step, d.Step}, {&data.Alternative, d.Alternative}, {&data.Current, casefile.Step(sf.CurrentStep)}} {
		if n.step == "" {
			continue
		}
		if *n.dst, err = StepName(lang, n.step); err != nil {
			return "", err
		}
	}
	out, err := execute(lang, "next", "reason-"+string(d.Reason), data, nil)
	if err != nil {
		return "", err
	}
	// The open notices and the letter before action, one line each.
	for _, o := range data.Offers {
		line, err := execute(lang, "next", "offer-"+o.Stage, o, nil)
		if err != nil {
			return "", err
		}
		out += "\n" + line
	}
	return tidy(out), nil
}

// StepName is a ladder step in words, in lang ("formal complaint",
// "공식 민원").
func StepName(lang string, s casefile.Step) (string, error) {
	out, err := execute(lang, "parts", "step", string(s), nil)
	return strings.TrimSpace(out), err
}
