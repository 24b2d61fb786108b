package casefile

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestEscalationsRoundTripAndMarkTheCase(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Refund", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	front := Escalation{CaseID: c.ID, Step: StepFrontline, Answer: AnswerRefused, Note: " said no ", At: t0}
	if err := s.AddEscalation(ctx, &front); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Case(ctx, c.ID); got.Status != StatusOpen {
		t.Errorf("a frontline step changed the status to %s", got.Status)
	}
	sup := Escalation{CaseID: c.ID, Step: StepSupervisor, At: t0.Add(24 * time.Hour)}
	if err := s.AddEscalation(ctx, &sup); err != nil {
		t.Fatal(err)
	}
	f, err := s.Full(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	front.Note = "said no"
	if len(f.Escalations) != 2 || f.Escalations[0] != front || f.Escalations[1] != sup {
		t.Errorf("escalations = %+v", f.Escalations)
	}
	if f.Status != StatusEscalated {
		t.Errorf("status after a supervisor step = %s, want escalated", f.Status)
	}

	// A closed case keeps its status: recording history does not reopen it.
	if _, err := s.CloseCase(ctx, c.ID, "refunded", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEscalation(ctx, &Escalation{CaseID: c.ID, Step: StepRegulator, At: t0}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Case(ctx, c.ID); got.Status != StatusClosed {
		t.Errorf("status = %s, want closed", got.Status)
	}
}

func TestEscalationRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Refund", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	var inv *InvalidError
	if err := s.AddEscalation(ctx, &Escalation{CaseID: c.ID, Step: "ceo", At: t0}); !errors.As(err, &inv) || inv.Field != "step" {
		t.Errorf("unknown step: %v", err)
	}
	if err := s.AddEscalation(ctx, &Escalation{CaseID: c.ID, Step: StepComplaint, Answer: "maybe", At: t0}); !errors.As(err, &inv) || inv.Field != "answer" {
		t.Errorf("unknown answer: %v", err)
	}
	if err := s.AddEscalation(ctx, &Escalation{CaseID: 99, Step: StepComplaint, At: t0}); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing case: %v", err)
	}
	for _, st := range Steps {
		if st.Rung() < 1 || st.Rung() > TopRung {
			t.Errorf("step %s has rung %d", st, st.Rung())
		}
	}
}
