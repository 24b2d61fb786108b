package casefile

import (
	"context"
	"testing"
	"time"
)

// TestContactsOfThePreviousSchemaAreTheCustomers: a case file written
// before contacts had a direction opens with its contacts read as the
// customer's (every contact was, then), and can then record one the
// company sent.
func TestContactsOfThePreviousSchemaAreTheCustomers(t *testing.T) {
	ctx := context.Background()
	s, _ := upgraded(t, "contact_direction", `INSERT INTO cases (title, company, kind, jurisdiction, lang, status, opened_at)
		VALUES ('Refund', 'Acme', 'refund', 'uk', 'en', 'open', '2026-11-01T10:00:00Z');
		INSERT INTO contacts (case_id, channel, at, summary) VALUES (1, 'email', '2026-11-20T09:00:00Z', 'asked for the refund')`)
	f, err := s.Full(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Contacts) != 1 || f.Contacts[0].FromCompany || f.Contacts[0].Summary != "asked for the refund" {
		t.Fatalf("after the upgrade: %+v", f.Contacts)
	}
	reply := Contact{CaseID: 1, Channel: ChannelEmail, At: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), FromCompany: true}
	if err := s.AddContact(ctx, &reply); err != nil {
		t.Fatal(err)
	}
	if f, err = s.Full(ctx, 1); err != nil || len(f.Contacts) != 2 || !f.Contacts[1].FromCompany || f.Contacts[0].FromCompany {
		t.Fatalf("the company's reply not kept as the company's: %+v, %v", f.Contacts, err)
	}
	active, err := s.ActiveCases(ctx, 1)
	if err != nil || len(active) != 1 || len(active[0].Contacts) != 2 || !active[0].Contacts[1].FromCompany {
		t.Fatalf("the reminders' read of the case lost the direction: %+v, %v", active, err)
	}
}
