package casefile

import (
	"context"
	"testing"
)

// TestOpensAFileOfThePreviousSchema: a case file written before the
// delivery date and the sector existed opens, keeps its case, and can then
// record both.
func TestOpensAFileOfThePreviousSchema(t *testing.T) {
	ctx := context.Background()
	s, _ := upgraded(t, "_rights", `INSERT INTO cases (title, company, kind, jurisdiction, lang, status, opened_at, purchase_date)
		VALUES ('Broken kettle', 'Kettles', 'damaged-item', 'uk', 'en', 'open', '2026-11-01T10:00:00Z', '2026-10-30')`)
	f, err := s.Full(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Broken kettle" || !f.DeliveredDate.IsZero() || f.Sector != "" || f.PurchaseDate != DateOnly(2026, 10, 30) {
		t.Fatalf("after the upgrade: %+v", f.Case)
	}
	if _, err := s.UpdateCase(ctx, 1, func(c *Case) error {
		c.DeliveredDate, c.Sector = DateOnly(2026, 11, 2), SectorGoods
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if f, err = s.Full(ctx, 1); err != nil || f.DeliveredDate != DateOnly(2026, 11, 2) || f.Sector != SectorGoods {
		t.Fatalf("delivery and sector not kept: %+v, %v", f.Case, err)
	}
}
