package main

import (
	"encoding/json"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillingACallLosesNoLine types lines into a live call log, kills the
// process with SIGKILL, and checks that every line already acknowledged is
// in the case file and that --resume continues the same call.
func TestKillingACallLosesNoLine(t *testing.T) {
	k := newKillable(t)
	redress := k.run
	redress("", "new", "--title", "Refund for headphones", "--company", "Acme")

	cmd, stdin, stderr := k.start("call", "1")
	lines := []struct{ line, ack string }{
		{"rep Anna (billing)", "talking to Anna"},
		{"t A-1234 by 12/5", "ticket A-1234, expected Sat 5 Dec 2026"},
		{"hold", "on hold"},
		{"p refund 49.90 EUR by friday", "promise 1: refund 49.90 EUR, due Fri 27 Nov 2026"},
	}
	for _, l := range lines {
		io.WriteString(stdin, l.line+"\n")
		deadline := time.Now().Add(20 * time.Second)
		for !strings.Contains(stderr.String(), l.ack) {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("no %q after %q:\n%s", l.ack, l.line, stderr.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	type contact struct {
		ID         int64   `json:"id"`
		Rep        string  `json:"rep"`
		Department string  `json:"department"`
		EndedAt    *string `json:"ended_at"`
		HoldSince  *string `json:"hold_since"`
	}
	var got struct {
		Contacts []contact
		Tickets  []struct{ Number, Expected string }
		Promises []struct {
			Text, Due string
			Confirmed bool
		}
	}
	if err := json.Unmarshal([]byte(redress("", "show", "1", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Contacts) != 1 || got.Contacts[0].Rep != "Anna" || got.Contacts[0].Department != "billing" ||
		got.Contacts[0].EndedAt != nil || got.Contacts[0].HoldSince == nil {
		t.Fatalf("contact after the kill: %+v", got.Contacts)
	}
	if len(got.Tickets) != 1 || got.Tickets[0].Expected != "2026-12-05" || len(got.Promises) != 1 || got.Promises[0].Due != "2026-11-27" {
		t.Fatalf("entries after the kill: %+v %+v", got.Tickets, got.Promises)
	}

	out := redress("back\nn they will email me\nend\nall\n", "call", "1", "--resume")
	if !strings.Contains(out, "Continuing call 1") || !strings.Contains(out, "To confirm:") {
		t.Errorf("resume printed:\n%s", out)
	}
	if err := json.Unmarshal([]byte(redress("", "show", "1", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Contacts) != 1 || got.Contacts[0].EndedAt == nil || !got.Promises[0].Confirmed {
		t.Errorf("after --resume and end: %+v %+v", got.Contacts, got.Promises)
	}
}

// TestKillAtByWhenKeepsThePromise: a promise typed without a date is saved
// before "By when?" is asked, so SIGKILL at that prompt keeps it, pending
// with no date; a resumed call that answers a later promise's question
// fills its date in.
func TestKillAtByWhenKeepsThePromise(t *testing.T) {
	k := newKillable(t)
	redress := k.run
	redress("", "new", "--title", "TV collection", "--company", "Acme")

	cmd, stdin, stderr := k.start("call", "1")
	io.WriteString(stdin, "p collect the TV\n")
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "By when?") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no By when? prompt:\n%s", stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	type promise struct {
		ID     int64
		Text   string
		Due    *string
		Status string
	}
	var got struct{ Promises []promise }
	if err := json.Unmarshal([]byte(redress("", "show", "1", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Promises) != 1 || got.Promises[0].Text != "collect the TV" || got.Promises[0].Due != nil || got.Promises[0].Status != "pending" {
		t.Fatalf("after the kill at By when?: %+v", got.Promises)
	}

	redress("p send a label\nfriday\nend\nnone\n", "call", "1", "--resume")
	if err := json.Unmarshal([]byte(redress("", "show", "1", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Promises) != 2 || got.Promises[0].Text != "send a label" || got.Promises[0].Due == nil || *got.Promises[0].Due != "2026-11-27" || got.Promises[1].Due != nil {
		t.Fatalf("the answer did not fill in the date: %+v", got.Promises)
	}
}
