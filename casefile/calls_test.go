package casefile

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestLiveCallHoldResumeAndEnd(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "x", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenCall(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("open call before any: %v", err)
	}
	done := Contact{CaseID: c.ID, Channel: ChannelEmail, At: t0}
	if err := s.AddContact(ctx, &done); err != nil {
		t.Fatal(err)
	}
	call, err := s.StartCall(ctx, c.ID, ChannelCall, t0)
	if err != nil {
		t.Fatal(err)
	}
	if open, err := s.OpenCall(ctx, c.ID); err != nil || open.ID != call.ID {
		t.Fatalf("open call = %+v, %v; want the live one, not the logged email", open, err)
	}
	s.SetRep(ctx, call.ID, "Anna", "billing")
	s.Hold(ctx, call.ID, t0.Add(2*time.Minute))
	s.Hold(ctx, call.ID, t0.Add(3*time.Minute)) // a second "hold" does not restart the clock
	if total, _ := s.Back(ctx, call.ID, t0.Add(7*time.Minute)); total != 5*time.Minute {
		t.Errorf("hold = %v, want 5m", total)
	}
	s.Hold(ctx, call.ID, t0.Add(10*time.Minute))
	p := Promise{CaseID: c.ID, ContactID: &call.ID, Text: "refund", Due: DateOnly(2026, 12, 1), CreatedAt: t0}
	other := Promise{CaseID: c.ID, Text: "older", Due: DateOnly(2026, 12, 1), CreatedAt: t0}
	s.AddPromise(ctx, &p)
	s.AddPromise(ctx, &other)
	if _, err := s.EndCall(ctx, call.ID, t0.Add(20*time.Minute), []int64{other.ID}); err == nil {
		t.Error("confirming a promise from another contact did not fail")
	}
	ended, err := s.EndCall(ctx, call.ID, t0.Add(20*time.Minute), []int64{p.ID})
	if err != nil {
		t.Fatal(err)
	}
	if ended.DurationS != 1200 || ended.HoldS != 900 || ended.EndedAt == nil || ended.Rep != "Anna" {
		t.Errorf("ended call = %+v", ended)
	}
	if _, err := s.OpenCall(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a call is still open after EndCall: %v", err)
	}
	if got, _ := s.Promise(ctx, p.ID); !got.Confirmed {
		t.Error("the confirmed promise is not marked")
	}
	if got, _ := s.Promise(ctx, other.ID); got.Confirmed {
		t.Error("a promise of another contact was marked confirmed by a failed EndCall")
	}
}
