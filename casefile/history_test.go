package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// openAtVersion makes a case file at an older schema version, as an older
// redress would have left it, and returns its raw connection.
func openAtVersion(t *testing.T, path string, version int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations() {
		if m.version > version {
			break
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", version, applicationID)); err != nil {
		t.Fatal(err)
	}
	return db
}

// upgraded makes a case file at the version before the migration named
// migration, runs the setup statements on it as an older redress would
// have written them, and opens it with this one (which migrates it). It
// returns the store, closed when the test ends, and the file's path.
func upgraded(t *testing.T, migration string, setup ...string) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAtVersion(t, path, VersionBefore(migration))
	for _, q := range setup {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("opening a file from before %s: %v", migration, err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// TestMigrationDatesPromisesAndTicketsByTheirContact opens a case file made
// by the previous schema, where a promise and a ticket said in a contact on
// 18 Nov were typed on 30 Nov: after the upgrade both are dated 18 Nov, and
// one logged on its own keeps the time it was typed.
func TestMigrationDatesPromisesAndTicketsByTheirContact(t *testing.T) {
	s, _ := upgraded(t, "history",
		`INSERT INTO cases (id, title, opened_at) VALUES (1, 'TV', '2026-11-10T09:00:00Z')`,
		`INSERT INTO contacts (id, case_id, channel, at, ended_at) VALUES (4, 1, 'call', '2026-11-18T05:30:00Z', '2026-11-18T05:50:00Z')`,
		`INSERT INTO promises (id, case_id, contact_id, text, due, created_at) VALUES (7, 1, 4, 'collect the TV', '2026-11-25', '2026-11-30T10:00:00Z')`,
		`INSERT INTO promises (id, case_id, text, due, created_at) VALUES (8, 1, 'call back', '2026-12-01', '2026-11-29T08:00:00Z')`,
		`INSERT INTO tickets (id, case_id, contact_id, number, created_at) VALUES (3, 1, 4, 'T-1', '2026-11-30T10:00:00Z')`)
	f, err := s.Full(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	call := time.Date(2026, 11, 18, 5, 30, 0, 0, time.UTC)
	byID := map[int64]Promise{}
	for _, p := range f.Promises {
		byID[p.ID] = p
	}
	if !byID[7].At.Equal(call) || !f.Tickets[0].At.Equal(call) {
		t.Errorf("promise 7 at %v, ticket at %v; want the contact's time %v", byID[7].At, f.Tickets[0].At, call)
	}
	if want := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC); !byID[8].At.Equal(want) {
		t.Errorf("promise 8 at %v, want when it was typed %v", byID[8].At, want)
	}
	if !byID[7].CreatedAt.Equal(time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("created_at changed: %v", byID[7].CreatedAt)
	}
}

func historyCtx(cmd string) context.Context {
	return WithOrigin(context.Background(), cmd, func() time.Time { return t0 })
}

// state is what a case holds, for comparing before and after an undo.
func state(t *testing.T, s *Store, id int64) Full {
	t.Helper()
	f, err := s.Full(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func lastChange(t *testing.T, s *Store, caseID int64) []HistoryEntry {
	t.Helper()
	hs, err := s.History(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) == 0 {
		t.Fatal("no history")
	}
	last := hs[len(hs)-1].Change
	var out []HistoryEntry
	for _, h := range hs {
		if h.Change == last {
			out = append(out, h)
		}
	}
	return out
}

// TestEveryEditDeleteAndUndo edits and deletes each kind of entry; each
// change is one history change with the old and new values, and undo puts
// the case back exactly as it was before it, ids included; repeated undo
// walks back.
func TestEveryEditDeleteAndUndo(t *testing.T) {
	s := tempStore(t)
	ctx := historyCtx("test")
	c := Case{Title: "TV", OpenedAt: t0}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.CreateCase(ctx, &c))
	ct := Contact{CaseID: c.ID, Channel: ChannelCall, At: t0, Rep: "Priya"}
	tk := &Ticket{Number: "T-1", CreatedAt: t0}
	pr := &Promise{Text: "collect the TV", Due: DateOnly(2026, 11, 25), CreatedAt: t0}
	must(s.AddContactWith(ctx, &ct, []*Ticket{tk}, []*Promise{pr}))
	n := Note{CaseID: c.ID, Text: "asdf qwerty", At: t0}
	must(s.AddNote(ctx, &n))
	r := AccountRef{CaseID: c.ID, Label: "order", Value: "ORD-12345", CreatedAt: t0}
	must(s.AddRef(ctx, &r))
	e := Escalation{CaseID: c.ID, Step: StepSupervisor, At: t0}
	must(s.AddEscalation(ctx, &e))

	later := t0.Add(48 * time.Hour)
	edits := []struct {
		kind, field string
		id          int64
		do          func() error
	}{
		{"note", "text", n.ID, func() error {
			_, err := s.EditNote(ctx, n.ID, func(x *Note) error { x.Text = "returned it by post"; return nil })
			return err
		}},
		{"contact", "summary", ct.ID, func() error {
			_, err := s.EditContact(ctx, ct.ID, func(x *Contact) error { x.Summary = "agreed to collect"; return nil })
			return err
		}},
		{"ticket", "number", tk.ID, func() error {
			_, err := s.EditTicket(ctx, tk.ID, func(x *Ticket) error { x.Number = "T-2"; return nil })
			return err
		}},
		{"promise", "due", pr.ID, func() error {
			_, err := s.EditPromise(ctx, pr.ID, func(x *Promise) error { x.Due = DateOnly(2026, 11, 26); return nil })
			return err
		}},
		{"ref", "value", r.ID, func() error {
			_, err := s.EditRef(ctx, r.ID, func(x *AccountRef) error { x.Value = "ORD-99999"; return nil })
			return err
		}},
		{"escalation", "note", e.ID, func() error {
			_, err := s.EditEscalation(ctx, e.ID, func(x *Escalation) error { x.Note = "spoke to Maria"; return nil })
			return err
		}},
		{"extension", "to_due", 0, func() error {
			_, _, err := s.ExtendPromise(ctx, pr.ID, DateOnly(2026, 12, 4), "", "", later)
			return err
		}},
	}
	for _, kind := range []string{"note", "ticket", "promise", "ref", "escalation"} {
		edits = append(edits, struct {
			kind, field string
			id          int64
			do          func() error
		}{kind, "", 0, nil})
	}
	ids := map[string]int64{"note": n.ID, "ticket": tk.ID, "promise": pr.ID, "ref": r.ID, "escalation": e.ID}
	var befores []Full
	for _, ed := range edits {
		befores = append(befores, state(t, s, c.ID))
		if ed.do == nil { // a delete
			id := ids[ed.kind]
			if _, err := s.Delete(ctx, ed.kind, id, false); err != nil {
				t.Fatalf("delete %s: %v", ed.kind, err)
			}
			ch := lastChange(t, s, c.ID)
			h := ch[len(ch)-1]
			if h.Kind != ed.kind || h.EntryID != id || h.Action() != "delete" || h.New != nil {
				t.Errorf("delete %s %d recorded as %+v", ed.kind, id, h)
			}
			continue
		}
		must(ed.do())
		ch := lastChange(t, s, c.ID)
		found := false
		for _, h := range ch {
			if h.Kind == ed.kind {
				found = true
				fields := h.Fields()
				if len(fields) == 0 || (ed.field != "" && h.Action() == "edit" && fields[0].Field != ed.field) {
					t.Errorf("%s edit recorded fields %+v, want %s", ed.kind, fields, ed.field)
				}
			}
		}
		if !found {
			t.Errorf("%s: no history row in %+v", ed.kind, ch)
		}
	}
	// Undo everything, one change at a time, newest first.
	for i := len(befores) - 1; i >= 0; i-- {
		if _, err := s.Undo(ctx, 0); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		got := state(t, s, c.ID)
		if !reflect.DeepEqual(got, befores[i]) {
			t.Fatalf("undo of %s %q did not restore the case:\n got %+v\nwant %+v", edits[i].kind, edits[i].field, got, befores[i])
		}
	}
	// An undo is never undone: the next undo reverts the escalation.
	undone, err := s.Undo(ctx, c.ID)
	if err != nil || undone[0].Kind != "escalation" {
		t.Fatalf("next undo reverted %+v, %v; want the escalation", undone, err)
	}
	if got := state(t, s, c.ID); got.Status != StatusOpen || len(got.Escalations) != 0 {
		t.Errorf("after undoing the step the case is %s with %d steps", got.Status, len(got.Escalations))
	}
	if bad, err := s.VerifyHistory(ctx); err != nil || len(bad) > 0 {
		t.Errorf("history and data disagree: %v %v", bad, err)
	}
}

// TestDeleteContactRefusesOrTakesItsEntries: a contact with a promise and a
// ticket in it is not deleted alone; with its entries it goes in one
// change, and one undo brings all of it back with the same ids.
func TestDeleteContactRefusesOrTakesItsEntries(t *testing.T) {
	s := tempStore(t)
	ctx := historyCtx("contact delete")
	c := Case{Title: "TV", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	ct := Contact{CaseID: c.ID, Channel: ChannelCall, At: t0}
	pr := &Promise{Text: "collect", Due: DateOnly(2026, 11, 25), CreatedAt: t0}
	if err := s.AddContactWith(ctx, &ct, []*Ticket{{Number: "T-1", CreatedAt: t0}}, []*Promise{pr}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ExtendPromise(ctx, pr.ID, DateOnly(2026, 12, 1), "", "", t0); err != nil {
		t.Fatal(err)
	}
	before := state(t, s, c.ID)
	var he *HasEntriesError
	if _, err := s.Delete(ctx, "contact", ct.ID, false); !errors.As(err, &he) || he.Promises != 1 || he.Tickets != 1 {
		t.Fatalf("delete of a contact with entries: %v", err)
	}
	if got := state(t, s, c.ID); !reflect.DeepEqual(got, before) {
		t.Fatal("a refused delete changed the case")
	}
	if _, err := s.Delete(ctx, "contact", ct.ID, true); err != nil {
		t.Fatal(err)
	}
	got := state(t, s, c.ID)
	if len(got.Contacts)+len(got.Promises)+len(got.Tickets)+len(got.Extensions) != 0 {
		t.Fatalf("left behind: %+v", got)
	}
	if _, err := s.Undo(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := state(t, s, c.ID); !reflect.DeepEqual(got, before) {
		t.Fatalf("undo did not restore the contact and its entries:\n got %+v\nwant %+v", got, before)
	}
	var found int
	s.DB().QueryRow(`SELECT count(*) FROM search WHERE search MATCH 'collect'`).Scan(&found)
	if found != 1 {
		t.Errorf("the restored promise is %d times in the search index", found)
	}
}

// TestUndoRefusesWhatChangedOutsideTheHistory: an undo never clobbers a
// value it did not record.
func TestUndoRefusesWhatChangedOutsideTheHistory(t *testing.T) {
	s := tempStore(t)
	ctx := historyCtx("note")
	c := Case{Title: "TV", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	n := Note{CaseID: c.ID, Text: "first", At: t0}
	if err := s.AddNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec("UPDATE notes SET text = 'typed elsewhere' WHERE id = ?", n.ID); err != nil {
		t.Fatal(err)
	}
	if bad, _ := s.VerifyHistory(ctx); len(bad) != 1 {
		t.Errorf("a change behind the history's back was not found: %v", bad)
	}
	var ce *ConflictError
	if _, err := s.Undo(ctx, 0); !errors.As(err, &ce) {
		t.Fatalf("undo over an unrecorded change: %v", err)
	}
	if got := state(t, s, c.ID); len(got.Notes) != 1 || got.Notes[0].Text != "typed elsewhere" {
		t.Errorf("the refused undo changed the note: %+v", got.Notes)
	}
}

// TestExtendTwiceKeepsEveryDate and undo takes back the last extension.
func TestExtendTwiceKeepsEveryDate(t *testing.T) {
	s := tempStore(t)
	ctx := historyCtx("promise extend")
	c := Case{Title: "TV", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	p := Promise{CaseID: c.ID, Text: "refund", Due: DateOnly(2026, 11, 20), CreatedAt: t0}
	if err := s.AddPromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ExtendPromise(ctx, p.ID, DateOnly(2026, 11, 19), "", "", t0); err == nil || !strings.Contains(err.Error(), "not-later") {
		t.Errorf("an earlier date was taken as an extension: %v", err)
	}
	for _, d := range []Date{DateOnly(2026, 11, 27), DateOnly(2026, 12, 4)} {
		if _, _, err := s.ExtendPromise(ctx, p.ID, d, "Priya", "needs a part", t0); err != nil {
			t.Fatal(err)
		}
	}
	f := state(t, s, c.ID)
	xs := f.ExtensionsOf(p.ID)
	if len(xs) != 2 || xs[0].From != DateOnly(2026, 11, 20) || xs[1].From != DateOnly(2026, 11, 27) || f.Promises[0].Due != DateOnly(2026, 12, 4) {
		t.Fatalf("extensions %+v, due %v", xs, f.Promises[0].Due)
	}
	if _, err := s.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	f = state(t, s, c.ID)
	if len(f.Extensions) != 1 || f.Promises[0].Due != DateOnly(2026, 11, 27) {
		t.Fatalf("after undo: extensions %+v, due %v", f.Extensions, f.Promises[0].Due)
	}
}

// TestUndoOfACaseCreationAndNothingLeft.
func TestUndoOfACaseCreationAndNothingLeft(t *testing.T) {
	s := tempStore(t)
	ctx := historyCtx("new")
	c := Case{Title: "TV", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	var nf *NotFoundError
	if _, err := s.Case(ctx, c.ID); !errors.As(err, &nf) {
		t.Fatalf("the case is still there: %v", err)
	}
	if _, err := s.Undo(ctx, 0); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo with nothing left: %v", err)
	}
	hs, err := s.History(ctx, c.ID)
	if err != nil || len(hs) != 2 || hs[1].Undoes == nil {
		t.Fatalf("history of the undone case: %+v, %v", hs, err)
	}
}

// TestUndoOfAnEvidenceDeleteBringsItBackWhole: a photo deleted is in the
// history; undo restores it with its id and its content, which stays in
// the case file for that reason.
func TestUndoOfAnEvidenceDeleteBringsItBackWhole(t *testing.T) {
	s := tempStore(t)
	ctx := historyCtx("evidence delete")
	c := Case{Title: "TV", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	data := []byte("\xff\xd8\xff\xe0 a photo of the cracked screen")
	got, err := s.Attach(ctx, c.ID, []Attachment{{Name: "screen.jpg", Data: data, At: t0, AddedAt: t0}})
	if err != nil {
		t.Fatal(err)
	}
	id := got[0].ID
	if _, err := s.DeleteEvidence(ctx, id); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.EvidenceOf(ctx, c.ID); len(es) != 0 {
		t.Fatalf("deleted evidence still listed: %+v", es)
	}
	undone, err := s.Undo(ctx, c.ID)
	if err != nil || len(undone) != 1 || undone[0].Kind != "evidence" {
		t.Fatalf("undo: %+v %v", undone, err)
	}
	e, back, err := s.EvidenceFile(ctx, id)
	if err != nil || e.Name != "screen.jpg" || string(back) != string(data) {
		t.Fatalf("after undo: %+v %q %v", e, back, err)
	}
	if bad, err := s.VerifyHistory(ctx); err != nil || len(bad) > 0 {
		t.Errorf("history and data disagree: %v %v", bad, err)
	}
}

// TestImportOfAnExportWithoutAt dates promises and tickets as the
// migration does: by their contact, else by when they were typed.
func TestImportOfAnExportWithoutAt(t *testing.T) {
	s := tempStore(t)
	call := time.Date(2026, 11, 18, 5, 30, 0, 0, time.UTC)
	typed := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	cid := int64(4)
	doc := &Export{Format: exportFormat, Version: ExportVersion, Cases: []Full{{
		Case:     Case{ID: 1, Title: "TV", OpenedAt: t0},
		Contacts: []Contact{{ID: 4, Channel: ChannelCall, At: call}},
		Promises: []Promise{{ID: 7, ContactID: &cid, Text: "collect", Due: DateOnly(2026, 11, 25), Status: PromisePending, CreatedAt: typed},
			{ID: 8, Text: "call back", Due: DateOnly(2026, 11, 26), Status: PromisePending, CreatedAt: typed}},
		Tickets: []Ticket{{ID: 3, ContactID: &cid, Number: "T-1", CreatedAt: typed}},
	}}}
	if _, err := s.Import(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	f := state(t, s, 1)
	at := map[int64]time.Time{}
	for _, p := range f.Promises {
		at[p.ID] = p.At
	}
	if !at[7].Equal(call) || !at[8].Equal(typed) || !f.Tickets[0].At.Equal(call) {
		t.Errorf("imported without at: promise 7 %v, promise 8 %v, ticket %v", at[7], at[8], f.Tickets[0].At)
	}
}

// TestMergedHistoryIsRenumberedAndUndoable merges a case with a history
// (an extension, a contact deleted with its entries) into a case file
// with cases and a history of its own: history and data agree, the
// merged changes come after the file's, and undo of the merged case
// brings its contact back under the contact's new number, its promise
// linked to it.
func TestMergedHistoryIsRenumberedAndUndoable(t *testing.T) {
	ctx := historyCtx("test")
	src := tempStore(t)
	c := Case{Title: "TV", OpenedAt: t0}
	if err := src.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	ct := Contact{CaseID: c.ID, Channel: ChannelCall, At: t0, Rep: "Priya"}
	pr := &Promise{Text: "collect", Due: DateOnly(2026, 11, 25), CreatedAt: t0}
	if err := src.AddContactWith(ctx, &ct, nil, []*Promise{pr}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := src.ExtendPromise(ctx, pr.ID, DateOnly(2026, 12, 1), "", "", t0); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Delete(ctx, "contact", ct.ID, true); err != nil {
		t.Fatal(err)
	}
	doc, err := src.ExportAll(ctx, t0)
	if err != nil {
		t.Fatal(err)
	}

	dst := tempStore(t)
	for range 3 {
		own := Case{Title: "own", OpenedAt: t0}
		if err := dst.CreateCase(ctx, &own); err != nil {
			t.Fatal(err)
		}
		if err := dst.AddContact(ctx, &Contact{CaseID: own.ID, Channel: ChannelEmail, At: t0}); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := dst.LastChange(ctx)
	ids, err := dst.ImportMerge(ctx, &doc)
	if err != nil {
		t.Fatal(err)
	}
	if bad, err := dst.VerifyHistory(ctx); err != nil || len(bad) > 0 {
		t.Fatalf("after the merge history and data disagree: %v %v", bad, err)
	}
	hs, err := dst.History(ctx, ids[c.ID])
	if err != nil || len(hs) == 0 || hs[0].Change <= before {
		t.Fatalf("merged history %+v, %v; want changes after %d", hs, err, before)
	}
	if _, err := dst.Undo(ctx, ids[c.ID]); err != nil {
		t.Fatal(err)
	}
	f := state(t, dst, ids[c.ID])
	if len(f.Contacts) != 1 || len(f.Promises) != 1 || f.Promises[0].ContactID == nil || *f.Promises[0].ContactID != f.Contacts[0].ID ||
		f.Contacts[0].ID <= 3 || len(f.Extensions) != 1 || f.Extensions[0].PromiseID != f.Promises[0].ID {
		t.Fatalf("undo in the merged case restored %+v %+v %+v", f.Contacts, f.Promises, f.Extensions)
	}
	if bad, err := dst.VerifyHistory(ctx); err != nil || len(bad) > 0 {
		t.Fatalf("after the undo history and data disagree: %v %v", bad, err)
	}
}
