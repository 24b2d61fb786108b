package prep

import (
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// history builds a case for the next-step table: a kind and jurisdiction,
// contacts, promises (status and days from now to the due date) and steps
// (days ago, with an optional answer).
type history struct {
	kind     casefile.Kind
	sector   casefile.Sector
	jur      casefile.Jurisdiction
	status   casefile.Status
	contacts int
	promises []promiseAt
	steps    []stepTaken
}

type promiseAt struct {
	status  casefile.PromiseStatus
	dueIn   int // days from now; negative is past
	madeAgo int // days ago
}

type stepTaken struct {
	step    casefile.Step
	daysAgo int
	answer  casefile.Answer
}

func (h history) full() casefile.Full {
	f := casefile.Full{Case: casefile.Case{ID: 1, Title: "Case", Kind: h.kind, Sector: h.sector, Jurisdiction: h.jur, Status: h.status, OpenedAt: clock.AddDate(0, -3, 0)}}
	if f.Kind == "" {
		f.Kind = casefile.KindRefund
	}
	if f.Jurisdiction == "" {
		f.Jurisdiction = casefile.JurisdictionEU
	}
	if f.Status == "" {
		f.Status = casefile.StatusOpen
	}
	today := casefile.DateOf(clock)
	for i := range h.contacts {
		f.Contacts = append(f.Contacts, casefile.Contact{ID: int64(i + 1), CaseID: 1, Channel: casefile.ChannelCall, At: clock.AddDate(0, -2, i)})
	}
	for i, p := range h.promises {
		f.Promises = append(f.Promises, casefile.Promise{ID: int64(i + 1), CaseID: 1, Text: "refund", Due: today.AddDays(p.dueIn),
			Status: p.status, At: clock.AddDate(0, 0, -p.madeAgo), CreatedAt: clock.AddDate(0, 0, -p.madeAgo)})
	}
	for i, s := range h.steps {
		f.Escalations = append(f.Escalations, casefile.Escalation{ID: int64(i + 1), CaseID: 1, Step: s.step, Answer: s.answer, At: clock.AddDate(0, 0, -s.daysAgo)})
	}
	return f
}

var (
	pending  = casefile.PromisePending
	broken   = casefile.PromiseBroken
	kept     = casefile.PromiseKept
	refused  = casefile.AnswerRefused
	finalAns = casefile.AnswerFinal
)

func TestNext(t *testing.T) {
	for _, tc := range []struct {
		name   string
		h      history
		step   casefile.Step
		stage  Stage
		reason Reason
		alt    casefile.Step
	}{
		{"a closed case needs nothing",
			history{status: casefile.StatusClosed, contacts: 1, promises: []promiseAt{{broken, -5, 20}, {broken, -2, 10}}},
			"", "", ReasonClosed, ""},
		{"no contact yet: the frontline, with the opening",
			history{},
			casefile.StepFrontline, StageOpening, ReasonStart, ""},
		{"spoken to but nothing promised: ask for a commitment",
			history{contacts: 1},
			casefile.StepFrontline, StageAsk, ReasonNoPromise, ""},
		{"a promise not yet due: wait",
			history{contacts: 1, promises: []promiseAt{{pending, 4, 1}}},
			"", "", ReasonWaiting, ""},
		{"one promise broken: a written follow-up at the frontline",
			history{contacts: 1, promises: []promiseAt{{broken, -3, 10}, {pending, 4, 1}}},
			casefile.StepFrontline, StageFollowup, ReasonLate, ""},
		{"one broken and one overdue: two missed, the supervisor",
			history{contacts: 2, promises: []promiseAt{{broken, -10, 20}, {pending, -2, 8}}},
			casefile.StepSupervisor, StageSupervisor, ReasonRepeated, ""},
		{"the frontline said no: the supervisor",
			history{contacts: 1, steps: []stepTaken{{casefile.StepFrontline, 1, refused}}},
			casefile.StepSupervisor, StageSupervisor, ReasonRefused, ""},
		{"promises missed before the supervisor step do not count again",
			history{contacts: 3, promises: []promiseAt{{broken, -20, 30}, {broken, -12, 20}, {pending, 3, 2}},
				steps: []stepTaken{{casefile.StepSupervisor, 5, ""}}},
			"", "", ReasonWaiting, ""},
		{"two missed after the supervisor: the formal complaint",
			history{contacts: 3, promises: []promiseAt{{broken, -3, 9}, {pending, -1, 8}},
				steps: []stepTaken{{casefile.StepSupervisor, 10, ""}}},
			casefile.StepComplaint, StageComplaint, ReasonRepeated, ""},
		{"a formal complaint a week old: wait for the reply",
			history{contacts: 3, steps: []stepTaken{{casefile.StepComplaint, 7, ""}}},
			"", "", ReasonWaiting, ""},
		{"a formal complaint unanswered for 15 days, EU: the executive letter, or a public post",
			history{contacts: 3, steps: []stepTaken{{casefile.StepComplaint, 15, ""}}},
			casefile.StepExecutive, StageExecutive, ReasonNoReply, casefile.StepPublic},
		{"UK bank, 8 weeks after the complaint: the ombudsman, whatever else",
			history{jur: casefile.JurisdictionUK, sector: casefile.SectorFinancial, contacts: 3, promises: []promiseAt{{pending, 5, 1}},
				steps: []stepTaken{{casefile.StepComplaint, 56, ""}}},
			casefile.StepRegulator, StageRegulator, ReasonWeeks, ""},
		{"UK shop, 8 weeks after the complaint: no ombudsman, so no eight-week rule",
			history{jur: casefile.JurisdictionUK, contacts: 3, promises: []promiseAt{{pending, 5, 1}},
				steps: []stepTaken{{casefile.StepComplaint, 56, ""}}},
			"", "", ReasonWaiting, ""},
		{"UK bank, 7 weeks after the complaint, a public post already made: wait",
			history{jur: casefile.JurisdictionUK, sector: casefile.SectorFinancial, contacts: 3, steps: []stepTaken{{casefile.StepComplaint, 49, ""}, {casefile.StepPublic, 3, ""}}},
			"", "", ReasonWaiting, ""},
		{"Korea, final response at the supervisor: the regulator at once",
			history{jur: casefile.JurisdictionKR, contacts: 2, steps: []stepTaken{{casefile.StepSupervisor, 2, finalAns}}},
			casefile.StepRegulator, StageRegulator, ReasonFinal, casefile.StepChargeback},
		{"a billing error refused after the public post: the chargeback first",
			history{kind: casefile.KindBillingError, jur: casefile.JurisdictionUS, contacts: 2,
				steps: []stepTaken{{casefile.StepComplaint, 30, ""}, {casefile.StepPublic, 10, refused}}},
			casefile.StepChargeback, StageChargeback, ReasonRefused, casefile.StepRegulator},
		{"at the regulator: nothing higher",
			history{contacts: 2, promises: []promiseAt{{broken, -3, 9}, {broken, -1, 8}}, steps: []stepTaken{{casefile.StepRegulator, 3, ""}}},
			"", "", ReasonTop, ""},
		{"kept promises are not missed",
			history{contacts: 1, promises: []promiseAt{{kept, -3, 9}, {kept, -1, 8}}},
			casefile.StepFrontline, StageAsk, ReasonNoPromise, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Next(tc.h.full(), clock, kst)
			if d.Step != tc.step || d.Stage != tc.stage || d.Reason != tc.reason || d.Alternative != tc.alt {
				t.Errorf("Next = step %q stage %q reason %q alt %q; want %q %q %q %q",
					d.Step, d.Stage, d.Reason, d.Alternative, tc.step, tc.stage, tc.reason, tc.alt)
			}
			// Every decision can be explained in every language.
			for _, lang := range Langs {
				out, err := ExplainNext(lang, d, tc.h.full(), clock, kst)
				if err != nil || out == "" || strings.Contains(out, "<no value>") {
					t.Errorf("%s explanation %q, %v", lang, out, err)
				}
			}
		})
	}
}

// TestExplainNextSaysWhenAndWhy: the waiting date and the ombudsman date
// are in the explanation.
func TestExplainNextSaysWhenAndWhy(t *testing.T) {
	h := history{jur: casefile.JurisdictionUK, sector: casefile.SectorFinancial, contacts: 3, steps: []stepTaken{{casefile.StepComplaint, 7, ""}}}
	d := Next(h.full(), clock, kst)
	out, err := ExplainNext("en", d, h.full(), clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"wait until Mon 30 Nov 2026", "two weeks after your formal complaint", "From 11 January 2027 you can take the case to the Financial Ombudsman Service"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in %q", want, out)
		}
	}
	if d.Until != casefile.DateOnly(2026, 11, 30) || d.WaitFor != "reply" {
		t.Errorf("until %v wait for %q", d.Until, d.WaitFor)
	}
}
