package reminders

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
)

// benchLike is a small file the benchmark generator makes (its mix of
// heavy and light cases, statuses, jurisdictions and languages).
func benchLike(t *testing.T) (*casefile.Store, benchgen.Stats) {
	t.Helper()
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg := benchgen.Default()
	cfg.Cases, cfg.Contacts, cfg.Promises, cfg.Tickets, cfg.Notes, cfg.Refs = 300, 1200, 900, 600, 3000, 100
	st, err := benchgen.Generate(context.Background(), s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

func mustVerify(t *testing.T, s *casefile.Store, loc *time.Location, after string) {
	t.Helper()
	bad, err := Verify(context.Background(), s, loc)
	if err != nil {
		t.Fatalf("after %s: %v", after, err)
	}
	for _, b := range bad {
		t.Errorf("after %s: %s", after, b)
	}
}

// The stored reminders are the rules' output for every case of a
// bench-like file, once built; and every kind of change through the Store
// keeps them so, in its own transaction, without a rebuild.
func TestStoredRemindersAreTheRulesOutput(t *testing.T) {
	ctx := context.Background()
	loc, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	s, st := benchLike(t)
	s.UseReminderRules(Stored(loc))
	if stamp, _, _ := s.ReminderStamp(ctx); stamp != "" {
		t.Fatalf("a file written without the rules is stamped %q", stamp)
	}
	if err := s.RefreshReminders(ctx); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, s, loc, "the first refresh")

	// The same reminders the rules give, in the same order.
	fileID, _ := s.FileID(ctx)
	var want []Reminder
	if err := s.EachActiveCase(ctx, 0, func(f casefile.Full) error { want = AppendIn(want, fileID, f, loc); return nil }); err != nil {
		t.Fatal(err)
	}
	Sort(want, loc)
	stored, err := s.StoredReminders(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(want) || len(want) < st.Open {
		t.Fatalf("%d stored, the rules make %d for %d open cases", len(stored), len(want), st.Open)
	}
	for i := range want {
		if got := FromStored(stored[i]); got != want[i] {
			t.Fatalf("reminder %d: stored %+v, rules %+v", i, got, want[i])
		}
	}

	// Every kind of change, each checked after it. A stamp that stays the
	// same shows no change fell back to a rebuild.
	stamp, _, _ := s.ReminderStamp(ctx)
	var open casefile.Full
	if err := s.EachActiveCase(ctx, 0, func(f casefile.Full) error {
		if open.ID == 0 && len(f.Tickets) > 0 && len(f.Contacts) > 0 {
			open = f
		}
		return nil
	}); err != nil || open.ID == 0 {
		t.Fatalf("no open case with tickets and contacts: %v", err)
	}
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	c := &casefile.Case{Title: "Broken kettle", Company: "Acme", Kind: casefile.KindRefund, Jurisdiction: "uk",
		PurchaseDate: casefile.DateOnly(2026, 11, 1), ReturnWindowEnd: casefile.DateOnly(2026, 12, 1), OpenedAt: now}
	steps := []struct {
		what string
		do   func() error
	}{
		{"create a case", func() error { return s.CreateCase(ctx, c) }},
		{"a promise", func() error {
			return s.AddPromise(ctx, &casefile.Promise{CaseID: c.ID, Text: "refund", Due: casefile.DateOnly(2026, 11, 27), At: now, CreatedAt: now})
		}},
		{"a ticket", func() error {
			return s.AddTicket(ctx, &casefile.Ticket{CaseID: open.ID, Number: "T-NEW-1", Expected: casefile.DateOnly(2026, 12, 3), CreatedAt: now, At: now})
		}},
		{"an email", func() error {
			return s.AddContact(ctx, &casefile.Contact{CaseID: c.ID, Channel: casefile.ChannelEmail, At: now, Summary: "asked for a refund"})
		}},
		{"edit the case", func() error {
			_, err := s.UpdateCase(ctx, c.ID, func(k *casefile.Case) error { k.Title = "Broken kettle, again"; return nil })
			return err
		}},
		{"extend the promise", func() error {
			ps, err := s.PendingPromises(ctx, 1000)
			if err != nil {
				return err
			}
			for _, p := range ps {
				if p.CaseID == c.ID {
					_, _, err = s.ExtendPromise(ctx, p.ID, casefile.DateOnly(2026, 12, 4), "Anna", "", now)
					return err
				}
			}
			t.Fatal("the new promise is not pending")
			return nil
		}},
		{"settle a promise", func() error {
			ps, err := s.PendingPromises(ctx, 1)
			if err != nil || len(ps) == 0 {
				return err
			}
			_, err = s.SettlePromise(ctx, ps[0].ID, casefile.PromiseBroken, now)
			return err
		}},
		{"escalate", func() error {
			return s.AddEscalation(ctx, &casefile.Escalation{CaseID: c.ID, Step: casefile.StepComplaint, At: now})
		}},
		{"delete a contact with its entries", func() error {
			_, err := s.Delete(ctx, "contact", open.Contacts[len(open.Contacts)-1].ID, true)
			return err
		}},
		{"undo", func() error { _, err := s.Undo(ctx, 0); return err }},
		{"close a case", func() error { _, err := s.CloseCase(ctx, open.ID, "refunded", now); return err }},
		{"reopen it", func() error { _, err := s.ReopenCase(ctx, open.ID); return err }},
		{"a note (no reminder changes)", func() error {
			return s.AddNote(ctx, &casefile.Note{CaseID: c.ID, Kind: casefile.NoteTimeline, Text: "kept the box", At: now})
		}},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		mustVerify(t, s, loc, step.what)
		if got, _, _ := s.ReminderStamp(ctx); got != stamp {
			t.Fatalf("after %s the stamp is %q, was %q", step.what, got, stamp)
		}
	}

	// An import into an empty file and a merge import into this one.
	doc, err := s.ExportAll(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := casefile.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	dst.UseReminderRules(Stored(loc))
	if _, err := dst.Import(ctx, &doc); err != nil {
		t.Fatal(err)
	}
	if err := dst.RefreshReminders(ctx); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, dst, loc, "an import")
	small := doc
	small.Cases = doc.Cases[:3]
	if _, err := s.ImportMerge(ctx, &small); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, s, loc, "a merge import")
}

// Another zone, or another version of the rules, makes every row stale:
// the next refresh rebuilds them, once, and they are the rules' output in
// the new zone.
func TestStoredRemindersRebuildForANewZone(t *testing.T) {
	ctx := context.Background()
	s, _ := benchLike(t)
	seoul, _ := time.LoadLocation("Asia/Seoul")
	london, _ := time.LoadLocation("Europe/London")
	s.UseReminderRules(Stored(seoul))
	if err := s.RefreshReminders(ctx); err != nil {
		t.Fatal(err)
	}
	before, _, _ := s.ReminderStamp(ctx)
	s.UseReminderRules(Stored(london))
	if bad, _ := Verify(ctx, s, london); len(bad) != 0 {
		t.Fatalf("rows of another zone were compared: %v", bad)
	}
	if err := s.RefreshReminders(ctx); err != nil {
		t.Fatal(err)
	}
	after, _, _ := s.ReminderStamp(ctx)
	if after == before || after != Stored(london).Stamp() {
		t.Fatalf("stamp %q after %q", after, before)
	}
	mustVerify(t, s, london, "the rebuild for London")
}

// export reconciles in SQL as Reconcile did: an unchanged reminder keeps
// its SEQUENCE and time, a changed one goes up by one, a dropped one is
// cancelled once; and the file is the one Encode makes of Reconcile's items.
func TestExportInSQLIsReconcile(t *testing.T) {
	ctx := context.Background()
	loc, _ := time.LoadLocation("Asia/Seoul")
	s, _ := benchLike(t)
	s.UseReminderRules(Stored(loc))
	t0 := time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)

	export := func(now time.Time) (string, []Item) {
		t.Helper()
		prev, err := s.ExportRecords(ctx, "file /x.ics", 0)
		if err != nil {
			t.Fatal(err)
		}
		stored, err := s.StoredReminders(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		rs := make([]Reminder, len(stored))
		for i, r := range stored {
			rs[i] = FromStored(r)
		}
		want, _, err := Reconcile("file /x.ics", rs, prev, now, loc)
		if err != nil {
			t.Fatal(err)
		}
		e, err := s.BeginExport(ctx, "file /x.ics", 0)
		if err != nil {
			t.Fatal(err)
		}
		defer e.End()
		dropped, err := e.Dropped(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cancels, err := Cancellations(dropped, now, loc)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		st := NewStream(&buf, Options{Name: "redress"})
		var got []Item
		add := func(it Item) { st.Add(it); got = append(got, it) }
		if err := e.Rows(ctx, func(r casefile.ExportRow) error {
			it := ExportItem(r, now)
			for len(cancels) > 0 && Before(cancels[0], it, loc) {
				add(cancels[0])
				cancels = cancels[1:]
			}
			add(it)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for _, it := range cancels {
			add(it)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Record(ctx, now); err != nil {
			t.Fatal(err)
		}
		if err := e.Commit(); err != nil {
			t.Fatal(err)
		}
		var wantBuf bytes.Buffer
		if err := Encode(&wantBuf, want, Options{Name: "redress"}); err != nil {
			t.Fatal(err)
		}
		if buf.String() != wantBuf.String() {
			t.Fatalf("the streamed export differs from Reconcile's (%d and %d items)", len(got), len(want))
		}
		return buf.String(), got
	}
	first, items := export(t0)
	for _, it := range items {
		if it.Sequence != 0 || it.Cancelled {
			t.Fatalf("first export: %+v", it)
		}
	}
	if again, _ := export(t0.Add(time.Hour)); again != first {
		t.Fatal("an export with no change is not byte-identical")
	}
	// A settled promise drops its reminders, and a ticket changes every
	// reminder of its case (they list its tickets).
	ps, err := s.PendingPromises(ctx, 1)
	if err != nil || len(ps) == 0 {
		t.Fatal(err)
	}
	if _, err := s.SettlePromise(ctx, ps[0].ID, casefile.PromiseKept, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTicket(ctx, &casefile.Ticket{CaseID: ps[0].CaseID, Number: "T-NEW-2", CreatedAt: t0, At: t0}); err != nil {
		t.Fatal(err)
	}
	_, items = export(t0.Add(2 * time.Hour))
	cancelled, raised := 0, 0
	for _, it := range items {
		if it.Cancelled {
			cancelled++
		} else if it.Sequence > 0 {
			raised++
		}
	}
	if cancelled == 0 || raised == 0 {
		t.Fatalf("after a kept promise: %d cancelled, %d raised", cancelled, raised)
	}
	_, items = export(t0.Add(3 * time.Hour))
	for _, it := range items {
		if it.Cancelled {
			t.Fatalf("cancelled twice: %s", it.UID)
		}
	}
}

// A stored list shows what the rules' Upcoming shows, on any day: each
// promise's due-day reminder drops out once its follow-up day has come
// (read from the day stored on the due-day row), and a screenful's count
// of the rows it leaves out is the rest of that list.
func TestStoredListIsUpcoming(t *testing.T) {
	ctx := context.Background()
	loc, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := benchLike(t)
	s.UseReminderRules(Stored(loc))
	fileID, _ := s.FileID(ctx)
	var all []Reminder
	if err := s.EachActiveCase(ctx, 0, func(f casefile.Full) error { all = AppendIn(all, fileID, f, loc); return nil }); err != nil {
		t.Fatal(err)
	}
	Sort(all, loc)
	dropped, kept := 0, 0
	for _, now := range []time.Time{
		time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 28, 1, 0, 0, 0, time.UTC), // a Saturday in Seoul
		time.Date(2026, 12, 4, 23, 30, 0, 0, time.UTC),
		time.Date(2027, 1, 10, 2, 0, 0, 0, time.UTC),
	} {
		want := map[string]bool{}
		for _, d := range Upcoming(all, now, loc) {
			want[d.UID] = true
		}
		for _, r := range all {
			switch overdue := r.At.DaysUntil(now, loc) < 0; {
			case r.Rule == RulePromiseDue && overdue && !want[r.UID]:
				dropped++ // its follow-up has come
			case r.Rule == RulePromiseDue && overdue:
				kept++ // overdue, its follow-up not yet come (a weekend)
			}
		}
		today := casefile.DateOf(now.In(loc))
		rg := casefile.ReminderRange{From: today.Time(loc).Unix(), To: casefile.NoEnd, Now: now.Unix(),
			Tomorrow: today.AddDays(1).Time(loc).Unix(), Brief: true}
		got := map[string]bool{}
		if _, err := s.ListReminders(ctx, rg, func(r casefile.StoredReminder) error { got[r.UID] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		for uid := range want {
			if !got[uid] {
				t.Errorf("%s: %s not listed", now, uid)
			}
		}
		for uid := range got {
			if !want[uid] {
				t.Errorf("%s: %s listed, Upcoming leaves it out", now, uid)
			}
		}
		rg.Limit = 50
		rg.CountCap = len(all) + 1 // counted to the end
		n, err := s.ListReminders(ctx, rg, func(casefile.StoredReminder) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(want) > 50 && n.Cut != len(want)-50 {
			t.Errorf("%s: %d left out of a screenful, want %d", now, n.Cut, len(want)-50)
		}
		if n.AtLeast {
			t.Errorf("%s: counts of %d rows said to be capped at %d", now, len(want), rg.CountCap)
		}
		// Counted up to a cap, the count is the least there are.
		rg.CountCap = 10
		capped, err := s.ListReminders(ctx, rg, func(casefile.StoredReminder) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(want) > 60 && (!capped.AtLeast || capped.Cut < 10 || capped.Cut > n.Cut) {
			t.Errorf("%s: capped at 10, %+v left out of a screenful, exactly %+v", now, capped, n)
		}
		rg.CountCap = 0
	}
	if dropped == 0 || kept == 0 {
		t.Fatalf("%d overdue due-day reminders left out for their follow-up, %d kept: the test needs both", dropped, kept)
	}
}
