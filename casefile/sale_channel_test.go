package casefile

import (
	"context"
	"errors"
	"testing"
)

// TestChannelOfSaleUpgradesAndIsKept: a case file from before the channel
// of sale and the return date opens with both unrecorded (never guessed);
// they can then be set and survive a reopen (export and import carry
// them: TestExportImportRoundTripsEveryField), and a channel other than
// online or shop is refused.
func TestChannelOfSaleUpgradesAndIsKept(t *testing.T) {
	ctx := context.Background()
	s, path := upgraded(t, "_sale", `INSERT INTO cases (title, company, kind, jurisdiction, lang, status, opened_at, purchase_date)
		VALUES ('노트북 수리', '누리컴퓨터', 'defect', 'kr', 'ko', 'open', '2026-11-01T10:00:00Z', '2026-10-30')`)
	f, err := s.Full(ctx, 1)
	if err != nil || f.SaleChannel != "" || !f.ReturnedDate.IsZero() || f.Title != "노트북 수리" {
		t.Fatalf("after the upgrade: %+v, %v", f.Case, err)
	}
	if _, err := s.UpdateCase(ctx, 1, func(c *Case) error {
		c.SaleChannel, c.ReturnedDate = SaleShop, DateOnly(2026, 11, 12)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var inv *InvalidError
	if _, err := s.UpdateCase(ctx, 1, func(c *Case) error { c.SaleChannel = "market"; return nil }); !errors.As(err, &inv) || inv.Field != "channel-of-sale" {
		t.Errorf("an unknown channel of sale: %v", err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if f, err = s.Full(ctx, 1); err != nil || f.SaleChannel != SaleShop || f.ReturnedDate != DateOnly(2026, 11, 12) {
		t.Fatalf("the channel of sale or the return was not kept: %q %s, %v", f.SaleChannel, f.ReturnedDate, err)
	}
}
