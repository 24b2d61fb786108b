package casefile

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// FullParts reads what it is asked for: the newest notes in time order
// with the count of all, and with Everything what Full reads.
func TestFullPartsReadsOnlyTheNewestNotes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Heavy", Company: "Acme", Kind: KindRefund, OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		n := Note{CaseID: c.ID, Kind: NoteTimeline, Text: fmt.Sprint("note ", i), At: t0.Add(time.Duration(i) * time.Hour)}
		if err := s.AddNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	p := Promise{CaseID: c.ID, Text: "refund", Due: DateOnly(2026, 12, 5), CreatedAt: t0}
	if err := s.AddPromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	f, total, err := s.FullParts(ctx, c.ID, Parts{Notes: 6})
	if err != nil {
		t.Fatal(err)
	}
	if total != 10 || len(f.Notes) != 6 || f.Notes[0].Text != "note 4" || f.Notes[5].Text != "note 9" {
		t.Fatalf("newest 6 of %d: %+v", total, f.Notes)
	}
	if len(f.Promises) != 0 || f.Promises == nil || f.Title != "Heavy" {
		t.Fatalf("read a part not asked for, or not the case: %+v", f)
	}
	all, total, err := s.FullParts(ctx, c.ID, Everything)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Full(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if total != 10 || !reflect.DeepEqual(all, want) {
		t.Fatalf("Everything: %+v\nFull: %+v", all, want)
	}
}
