package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// TestOpensAFileOfThePreviousSchema: a case file written before the
// delivery date and the sector existed opens, keeps its case, and can then
// record both.
func TestOpensAFileOfThePreviousSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	prev := migrations[len(migrations)-2]
	for _, m := range migrations[:len(migrations)-1] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", prev.version, applicationID)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO cases (title, company, kind, jurisdiction, lang, status, opened_at, purchase_date)
		VALUES ('Broken kettle', 'Kettles', 'damaged-item', 'uk', 'en', 'open', '2026-11-01T10:00:00Z', '2026-10-30')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
