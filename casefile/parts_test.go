package casefile

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// FullParts reads what it is asked for: the newest notes in time order
// (with those a day-ordered timeline may put among them) and the count of
// all, the kinds and the first note asked for, and with Everything what
// Full reads.
func TestFullPartsReadsOnlyTheNewestNotes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Heavy", Company: "Acme", Kind: KindRefund, OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// Two days apart, but the 4th and the 5th within a day and a half:
	// with the newest 6 comes the 4th, a day-ordered timeline may put it
	// after the 5th. A research note is none of the newest.
	for i := range 10 {
		at := t0.Add(time.Duration(i) * 48 * time.Hour)
		if i == 3 {
			at = at.Add(30 * time.Hour)
		}
		n := Note{CaseID: c.ID, Kind: NoteTimeline, Text: fmt.Sprint("note ", i), At: at}
		if err := s.AddNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	r := Note{CaseID: c.ID, Kind: NoteResearch, Text: "the law", At: t0.Add(400 * time.Hour)}
	if err := s.AddNote(ctx, &r); err != nil {
		t.Fatal(err)
	}
	p := Promise{CaseID: c.ID, Text: "refund", Due: DateOnly(2026, 12, 5), CreatedAt: t0}
	if err := s.AddPromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	f, total, err := s.FullParts(ctx, c.ID, Parts{Notes: 6})
	if err != nil {
		t.Fatal(err)
	}
	if total != 11 || len(f.Notes) != 7 || f.Notes[0].Text != "note 3" || f.Notes[6].Text != "note 9" {
		t.Fatalf("newest 6 of %d: %+v", total, f.Notes)
	}
	f, _, err = s.FullParts(ctx, c.ID, Parts{Notes: 2, Research: true, FirstNote: true})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range f.Notes {
		texts = append(texts, n.Text)
	}
	if fmt.Sprint(texts) != "[note 0 note 8 the law note 9]" {
		t.Fatalf("the first note, the research and the newest 2, in time order: %q", texts)
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
	if total != 11 || !reflect.DeepEqual(all, want) {
		t.Fatalf("Everything: %+v\nFull: %+v", all, want)
	}
}
