package casefile

import (
	"context"
	"testing"
)

// TestCompanyContactMigrationUpgradesAnOlderFile makes a case file with
// every migration before the company-contact one (as an older redress
// left it, with a case in it), opens it with this build, and checks the
// case survives with no phone or hours, and that both can then be set.
func TestCompanyContactMigrationUpgradesAnOlderFile(t *testing.T) {
	ctx := context.Background()
	s, _ := upgraded(t, "_company_contact", `PRAGMA journal_mode=WAL;
		INSERT INTO cases (title, company, opened_at) VALUES ('Refund for headphones', 'Acme', '2026-11-20T01:00:00Z')`)
	c, err := s.Case(ctx, 1)
	if err != nil || c.Title != "Refund for headphones" || c.Phone != "" || c.Hours != "" {
		t.Fatalf("after the upgrade: %+v, %v", c, err)
	}
	if _, err := s.UpdateCase(ctx, 1, func(c *Case) error {
		c.Phone, c.Hours = "+49 30 1234 5678", "Mon–Fri 9:00–18:00"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	list, err := s.List(ctx, ListFilter{})
	if err != nil || len(list) != 1 || list[0].Phone != "+49 30 1234 5678" || list[0].Hours != "Mon–Fri 9:00–18:00" {
		t.Fatalf("list after setting the phone: %+v, %v", list, err)
	}
}
