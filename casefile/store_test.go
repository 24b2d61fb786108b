package casefile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	for i, m := range migrations() {
		if m.version != i+1 {
			t.Fatalf("migration %s has number %d, want %d", m.name, m.version, i+1)
		}
	}
}

func TestRoundTripEveryField(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Refund for headphones", Company: "Acme", Product: "X100", Kind: KindRefund,
		Problem: "Returned on 1 Nov, no refund", Outcome: "Refund 49 EUR", Fallback: "Store credit",
		Amount: "1,049.90", Currency: "eur", PurchaseDate: DateOnly(2026, 10, 20),
		ReturnWindowEnd: DateOnly(2026, 11, 19), WarrantyEnd: DateOnly(2028, 10, 20),
		Jurisdiction: JurisdictionEU, Lang: "ko", Status: StatusWaiting, OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	contact := Contact{CaseID: c.ID, Channel: ChannelCall, At: t0, DurationS: 600, Rep: "Anna", Department: "billing", Summary: "agreed refund"}
	if err := s.AddContact(ctx, &contact); err != nil {
		t.Fatal(err)
	}
	p := Promise{CaseID: c.ID, ContactID: &contact.ID, Text: "refund 49 EUR", By: "Anna", Due: DateOnly(2026, 12, 5), CreatedAt: t0, Confirmed: true}
	if err := s.AddPromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	tk := Ticket{CaseID: c.ID, ContactID: &contact.ID, Number: "A-1234", Label: "refund", Expected: DateTime(t0.Add(48 * time.Hour)), CreatedAt: t0}
	if err := s.AddTicket(ctx, &tk); err != nil {
		t.Fatal(err)
	}
	n := Note{CaseID: c.ID, Kind: NoteResearch, Text: "FAQ says 14 days", SourceURL: "https://example.com/faq", At: t0}
	if err := s.AddNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	r := AccountRef{CaseID: c.ID, Label: "order number", Value: "ORD-99124821", CreatedAt: t0}
	if err := s.AddRef(ctx, &r); err != nil {
		t.Fatal(err)
	}
	f, err := s.Full(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Amount, c.Currency = "1049.90", "EUR"
	if f.Case != c {
		t.Errorf("case = %+v\nwant %+v", f.Case, c)
	}
	if len(f.Contacts) != 1 || !reflect.DeepEqual(f.Contacts[0], contact) {
		t.Errorf("contacts = %+v", f.Contacts)
	}
	if len(f.Promises) != 1 || f.Promises[0].Text != p.Text || f.Promises[0].Due != p.Due || !f.Promises[0].Confirmed || *f.Promises[0].ContactID != contact.ID || f.Promises[0].Status != PromisePending {
		t.Errorf("promises = %+v", f.Promises)
	}
	if len(f.Tickets) != 1 || f.Tickets[0].Number != "A-1234" || f.Tickets[0].Expected != tk.Expected {
		t.Errorf("tickets = %+v", f.Tickets)
	}
	if len(f.Notes) != 1 || f.Notes[0] != n {
		t.Errorf("notes = %+v", f.Notes)
	}
	if len(f.Refs) != 1 || f.Refs[0] != r || r.Masked() != "•••• 4821" {
		t.Errorf("refs = %+v, masked %q", f.Refs, r.Masked())
	}
}

func TestSettleAndList(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := Case{Title: "A", Company: "Acme", OpenedAt: t0}
	b := Case{Title: "B", Company: "Other", OpenedAt: t0}
	for _, c := range []*Case{&a, &b} {
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	late := Promise{CaseID: a.ID, Text: "call back", Due: DateOnly(2026, 11, 20), CreatedAt: t0}
	later := Promise{CaseID: a.ID, Text: "refund", Due: DateOnly(2026, 12, 1), CreatedAt: t0}
	for _, p := range []*Promise{&later, &late} {
		if err := s.AddPromise(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.List(ctx, ListFilter{Company: "acme"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != a.ID || list[0].Pending != 2 || list[0].NextPromise.ID != late.ID {
		t.Fatalf("list = %+v", list)
	}
	if !list[0].NextPromise.Due.Overdue(t0, time.UTC) {
		t.Error("a promise due 20 Nov is not overdue on 23 Nov")
	}
	if _, err := s.SettlePromise(ctx, late.ID, PromiseKept, t0); err != nil {
		t.Fatal(err)
	}
	list, _ = s.List(ctx, ListFilter{Company: "acme"})
	if list[0].Pending != 1 || list[0].NextPromise.ID != later.ID {
		t.Errorf("after settling: %+v", list[0])
	}
	if _, err := s.CloseCase(ctx, b.ID, "refunded", t0); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(ctx, ListFilter{}); len(list) != 1 {
		t.Errorf("closed case is listed by default: %+v", list)
	}
	if list, _ := s.List(ctx, ListFilter{All: true}); len(list) != 2 {
		t.Errorf("--all lists %d cases", len(list))
	}
	if _, err := s.ReopenCase(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReopenCase(ctx, b.ID); err == nil {
		t.Error("reopening an open case did not fail")
	}
}

func TestSearchFindsKoreanWithParticles(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "헤드폰 환불", Problem: "반품했는데 환불을 못 받았습니다", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	n := Note{CaseID: c.ID, Text: "Agent promised a refund", At: t0}
	s.AddNote(ctx, &n)
	r := AccountRef{CaseID: c.ID, Label: "order number", Value: "ORD-1234", CreatedAt: t0}
	s.AddRef(ctx, &r)
	for _, q := range []string{"환불", "refund", "promised refund", "1234", "order number", `"quote`} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if q == `"quote` {
			continue // must not be a syntax error, need not match
		}
		if len(hits) == 0 || hits[0].CaseID != c.ID {
			t.Errorf("search %q: %+v", q, hits)
		}
		for _, h := range hits {
			if strings.Contains(h.Snippet, "ORD-1234") {
				t.Errorf("snippet shows the reference: %q", h.Snippet)
			}
		}
	}
}

func TestRefusesWhatIsNotACaseFile(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello, this is not a database at all, but it is long enough to have a header of a hundred bytes..........."), 0o644)
	before, _ := os.ReadFile(text)
	if _, err := Open(text); !errors.Is(err, ErrNotCaseFile) {
		t.Errorf("text file: %v", err)
	}
	after, _ := os.ReadFile(text)
	if string(before) != string(after) {
		t.Error("opening a text file changed it")
	}

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	s.DB().Exec("PRAGMA user_version = 999")
	s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	before, _ = os.ReadFile(newer)
	if _, err := Open(newer); !errors.Is(err, ErrNewerVersion) {
		t.Errorf("newer file: %v", err)
	}
	after, _ = os.ReadFile(newer)
	if string(before) != string(after) {
		t.Error("opening a newer case file changed it")
	}
}

func TestCreatesPrivateFileAndFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "cases.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	fi, _ := os.Stat(path)
	di, _ := os.Stat(filepath.Dir(path))
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Errorf("file %v, folder %v", fi.Mode().Perm(), di.Mode().Perm())
	}
}

func TestRefusesSecrets(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "x", OpenedAt: t0}
	s.CreateCase(ctx, &c)
	for _, label := range []string{"PIN", "online password", "비밀번호"} {
		r := AccountRef{CaseID: c.ID, Label: label, Value: "1234", CreatedAt: t0}
		var inv *InvalidError
		if err := s.AddRef(ctx, &r); !errors.As(err, &inv) {
			t.Errorf("label %q stored: %v", label, err)
		}
	}
}

func TestNoReplyDaysDefaultsAndRoundTrips(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Chase the letter", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Case(ctx, c.ID); got.NoReplyDays != DefaultNoReplyDays {
		t.Fatalf("default no-reply days %d, want %d", got.NoReplyDays, DefaultNoReplyDays)
	}
	if _, err := s.UpdateCase(ctx, c.ID, func(c *Case) error { c.NoReplyDays = 10; return nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Case(ctx, c.ID); got.NoReplyDays != 10 {
		t.Fatalf("no-reply days %d after update, want 10", got.NoReplyDays)
	}
	_, err := s.UpdateCase(ctx, c.ID, func(c *Case) error { c.NoReplyDays = -1; return nil })
	var inv *InvalidError
	if !errors.As(err, &inv) || inv.Field != "no-reply-days" {
		t.Fatalf("negative no-reply days: %v", err)
	}
}

func TestActiveCasesLoadsWhatRemindersNeedAndNoRefs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	open := Case{Title: "Open one", OpenedAt: t0}
	closed := Case{Title: "Closed one", OpenedAt: t0}
	for _, c := range []*Case{&open, &closed} {
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := s.AddRef(ctx, &AccountRef{CaseID: c.ID, Label: "order", Value: "ORD-1", CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddContact(ctx, &Contact{CaseID: c.ID, Channel: ChannelEmail, At: t0}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddTicket(ctx, &Ticket{CaseID: c.ID, Number: "T-" + c.Title, CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
	}
	kept := Promise{CaseID: open.ID, Text: "kept one", Due: DateOnly(2026, 12, 1), CreatedAt: t0}
	pending := Promise{CaseID: open.ID, Text: "pending one", Due: DateOnly(2026, 12, 2), CreatedAt: t0}
	for _, p := range []*Promise{&kept, &pending} {
		if err := s.AddPromise(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SettlePromise(ctx, kept.ID, PromiseKept, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseCase(ctx, closed.ID, "done", t0); err != nil {
		t.Fatal(err)
	}
	all, err := s.ActiveCases(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].ID != open.ID {
		t.Fatalf("active cases: %+v", all)
	}
	f := all[0]
	if len(f.Contacts) != 1 || len(f.Tickets) != 1 || len(f.Promises) != 1 || f.Promises[0].ID != pending.ID {
		t.Fatalf("entries: %d contacts, %d tickets, promises %+v", len(f.Contacts), len(f.Tickets), f.Promises)
	}
	if len(f.Refs) != 0 {
		t.Fatalf("account references were loaded: %+v", f.Refs)
	}
	one, err := s.ActiveCases(ctx, closed.ID)
	if err != nil || len(one) != 1 || one[0].Status != StatusClosed {
		t.Fatalf("one closed case by id: %+v, %v", one, err)
	}
	if _, err := s.ActiveCases(ctx, 99); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing case: %v", err)
	}
}

func TestExportRecordsUpsert(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "x", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	r := ExportRecord{Target: "file", UID: "u1", CaseID: c.ID, Content: "{}", Hash: "h1", LastModified: t0}
	if err := s.SaveExportRecords(ctx, []ExportRecord{r}); err != nil {
		t.Fatal(err)
	}
	at := t0.Add(time.Hour)
	r.Sequence, r.Hash, r.CancelledAt = 1, "h2", &at
	if err := s.SaveExportRecords(ctx, []ExportRecord{r}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ExportRecords(ctx, "file", 0)
	if err != nil || len(got) != 1 {
		t.Fatalf("records: %+v, %v", got, err)
	}
	if got[0].Sequence != 1 || got[0].Hash != "h2" || got[0].CancelledAt == nil || !got[0].CancelledAt.Equal(at) {
		t.Fatalf("record after upsert: %+v", got[0])
	}
	if other, _ := s.ExportRecords(ctx, "caldav x", 0); len(other) != 0 {
		t.Fatalf("targets are separate: %+v", other)
	}
}
