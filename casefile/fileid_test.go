package casefile_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/reminders"
)

// A case file made before file ids gets one when it is opened, and its
// calendar entries (UIDs "…@redress") are replaced once: the next export to
// a file cancels each old UID and brings the new one, the export after
// that has no cancellation left (issue 15, problem 4).
func TestFileIDMigrationReplacesOldUIDsOnce(t *testing.T) {
	ctx := context.Background()
	seoul, _ := time.LoadLocation("Asia/Seoul")
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, seoul)
	path := filepath.Join(t.TempDir(), "cases.db")
	s, err := casefile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := casefile.Case{Title: "Refund", Company: "Acme", OpenedAt: now}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	p := casefile.Promise{CaseID: c.ID, Text: "refund", Due: casefile.DateOf(now.AddDate(0, 0, 4)), CreatedAt: now}
	if err := s.AddPromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	// What the redress before file ids exported: UIDs "…@redress".
	full, err := s.ActiveCases(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	target, _ := reminders.FileTarget("/home/me/followups.ics", false)
	_, save, err := reminders.Reconcile(target, reminders.All(full, seoul), nil, now, seoul)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveExportRecords(ctx, save); err != nil {
		t.Fatal(err)
	}
	// ...and the schema it had: no stored reminders, no file_info table, nor the columns of the
	// migrations after it (the company's phone and hours; the history, the
	// extensions and when promises and tickets were said; the delivery day and
	// the sector; who sent a contact; the channel of sale and the return).
	if err := casefile.DropStoredReminders(s.DB()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(fmt.Sprintf(`DROP TABLE file_info; ALTER TABLE cases DROP COLUMN company_phone;
		ALTER TABLE cases DROP COLUMN company_hours; DROP TABLE history; DROP TABLE promise_extensions;
		DROP INDEX tickets_case_at; ALTER TABLE promises DROP COLUMN at; ALTER TABLE tickets DROP COLUMN at;
		ALTER TABLE cases DROP COLUMN delivered_date; ALTER TABLE cases DROP COLUMN sector;
		ALTER TABLE contacts DROP COLUMN from_company; ALTER TABLE cases DROP COLUMN sale_channel;
		ALTER TABLE cases DROP COLUMN returned_date;
		PRAGMA user_version = %d`, casefile.VersionBefore("fileid"))); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = casefile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.FileID(ctx)
	if err != nil || !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(id) {
		t.Fatalf("file id after the migration: %q, %v", id, err)
	}
	export := func(at time.Time) string {
		full, err := s.ActiveCases(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var rs []reminders.Reminder
		for _, f := range full {
			rs = reminders.AppendIn(rs, id, f, seoul)
		}
		prev, err := s.ExportRecords(ctx, target, 0)
		if err != nil {
			t.Fatal(err)
		}
		items, save, err := reminders.Reconcile(target, rs, prev, at, seoul)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveExportRecords(ctx, save); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := reminders.Encode(&b, items, reminders.Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	first := export(now.Add(time.Hour))
	for _, want := range []string{
		"UID:case-1-promise-1-due@redress\r\n", "UID:case-1-promise-1-followup@redress\r\n",
		"UID:case-1-promise-1-due@" + id + ".redress\r\n", "UID:case-1-promise-1-followup@" + id + ".redress\r\n",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("the first export after the migration lacks %s", strings.TrimSpace(want))
		}
	}
	if n := strings.Count(first, "STATUS:CANCELLED"); n != 2 {
		t.Errorf("the first export cancels %d events, want the 2 old ones", n)
	}
	second := export(now.Add(2 * time.Hour))
	if strings.Contains(second, "@redress\r\n") || strings.Contains(second, "STATUS:CANCELLED") {
		t.Errorf("the second export still carries the old UIDs:\n%s", second)
	}
	// The old events live where a push put them, so a push deletes them.
	r := &reminders.Remote{}
	r.Calendar.Path = "/me/cal/"
	if got := r.ObjectPath("case-1-promise-1-due@redress"); got != "/me/cal/case-1-promise-1-due.ics" {
		t.Errorf("old UID's path %s", got)
	}
	if got := r.ObjectPath("case-1-promise-1-due@" + id + ".redress"); got != "/me/cal/case-1-promise-1-due_"+id+".redress.ics" {
		t.Errorf("new UID's path %s", got)
	}
}

// export carries the file id; import into a file with no case takes it
// over (a restore keeps updating the same calendar events), import into a
// file with cases keeps its own.
func TestExportImportCarriesFileID(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src, err := casefile.Open(filepath.Join(dir, "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	c := casefile.Case{Title: "Refund", OpenedAt: time.Now()}
	if err := src.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	doc, err := src.ExportAll(ctx, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	srcID, _ := src.FileID(ctx)
	if doc.FileID != srcID {
		t.Fatalf("export file_id %q, want %q", doc.FileID, srcID)
	}
	dst, err := casefile.Open(filepath.Join(dir, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if _, err := dst.Import(ctx, &doc); err != nil {
		t.Fatal(err)
	}
	if got, _ := dst.FileID(ctx); got != srcID {
		t.Fatalf("file id after import into an empty file %q, want %q", got, srcID)
	}
	other, err := casefile.Open(filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c2 := casefile.Case{Title: "Other", OpenedAt: time.Now()}
	if err := other.CreateCase(ctx, &c2); err != nil {
		t.Fatal(err)
	}
	own, _ := other.FileID(ctx)
	doc.Cases[0].ID = 7
	for i := range doc.Cases[0].History {
		doc.Cases[0].History[i].CaseID = 0 // listed under the case: it takes the new number
	}
	if _, err := other.Import(ctx, &doc); err != nil {
		t.Fatal(err)
	}
	if got, _ := other.FileID(ctx); got != own || got == srcID {
		t.Fatalf("a file with cases took over the imported file id")
	}
}
