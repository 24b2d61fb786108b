package casefile_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
	"github.com/redress-cli/redress/reminders"
)

// A case file of the schema before stored reminders opens with none
// stored and an empty stamp; the first reminders command builds them, and
// they are the rules' output for every case.
func TestStoredRemindersMigrationBuildsThemOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cases.db")
	s, err := casefile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := benchgen.Default()
	cfg.Cases, cfg.Contacts, cfg.Promises, cfg.Tickets, cfg.Notes, cfg.Refs = 120, 480, 360, 240, 600, 40
	if _, err := benchgen.Generate(ctx, s, cfg); err != nil {
		t.Fatal(err)
	}
	if err := casefile.DropStoredReminders(s.DB()); err != nil {
		t.Fatal(err)
	}
	// ...and without the columns of the migrations after it.
	if _, err := s.DB().Exec(fmt.Sprintf(`ALTER TABLE cases DROP COLUMN sale_channel; ALTER TABLE cases DROP COLUMN returned_date;
		PRAGMA user_version = %d`, casefile.VersionBefore("stored_reminders"))); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = casefile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if stamp, _, err := s.ReminderStamp(ctx); err != nil || stamp != "" {
		t.Fatalf("after the migration: stamp %q, %v", stamp, err)
	}
	seoul, _ := time.LoadLocation("Asia/Seoul")
	s.UseReminderRules(reminders.Stored(seoul))
	n := 0
	if _, err := s.ListReminders(ctx, casefile.ReminderRange{To: casefile.NoEnd}, func(casefile.StoredReminder) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no reminders listed after the migration")
	}
	if stamp, _, _ := s.ReminderStamp(ctx); stamp != reminders.Stored(seoul).Stamp() {
		t.Fatalf("not stamped after the first list: %q", stamp)
	}
	bad, err := reminders.Verify(ctx, s, seoul)
	if err != nil || len(bad) > 0 {
		t.Fatalf("%v %v", bad, err)
	}
}
