package casefile

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// normalized is f with every id replaced by its position: entries by their
// order, links to contacts by the contact's position. Two cases equal
// after it hold the same facts linked the same way, whatever their ids.
func normalized(f Full) Full {
	byID(&f)
	orig := f
	orig.Promises = append([]Promise(nil), f.Promises...)
	orig.History = append([]HistoryEntry(nil), f.History...)
	if f.History == nil {
		f.History = []HistoryEntry{} // export leaves an empty history out
	}
	pos := map[int64]int64{}
	for i, c := range f.Contacts {
		pos[c.ID] = int64(i + 1)
	}
	f.ID = 0
	v := reflect.ValueOf(&f).Elem()
	for i := range v.NumField() {
		s := v.Field(i)
		if s.Kind() != reflect.Slice {
			continue
		}
		for j := range s.Len() {
			e := s.Index(j)
			e.FieldByName("ID").SetInt(int64(j + 1))
			e.FieldByName("CaseID").SetInt(0)
			if link := e.FieldByName("ContactID"); link.IsValid() && !link.IsNil() {
				n := pos[link.Elem().Int()]
				link.Set(reflect.ValueOf(&n))
			}
		}
	}
	// An extension names its promise by position; a history row its
	// change by rank, as the merge renumbers them.
	ppos := map[int64]int64{}
	for i, p := range orig.Promises {
		ppos[p.ID] = int64(i + 1)
	}
	for i := range f.Extensions {
		f.Extensions[i].PromiseID = ppos[f.Extensions[i].PromiseID]
	}
	rank := map[int64]int64{}
	var changes []int64
	for _, h := range orig.History {
		if _, ok := rank[h.Change]; !ok {
			rank[h.Change] = 0
			changes = append(changes, h.Change)
		}
	}
	slices.Sort(changes)
	for i, c := range changes {
		rank[c] = int64(i + 1)
	}
	for i := range f.History {
		h := &f.History[i]
		if string(h.Old) == "null" {
			h.Old = nil
		}
		if string(h.New) == "null" {
			h.New = nil
		}
		h.Change = rank[h.Change]
		if h.Undoes != nil {
			if r, ok := rank[*h.Undoes]; ok {
				h.Undoes = &r
			} else {
				h.Undoes = nil
			}
		}
	}
	return f
}

// TestImportMergeMapsEveryReference merges random exports (every field
// filled) into a case file that already holds random cases: the case
// file's own cases are unchanged, and each merged case holds the same
// facts with every link (entry to case, promise, ticket and note to
// contact) pointing at the new ids.
func TestImportMergeMapsEveryReference(t *testing.T) {
	ctx := context.Background()
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	g := &gen{t: t, r: rand.New(rand.NewPCG(seed, 11)), ids: map[string]int64{}}
	for round := range 6 {
		s := tempStore(t)
		own := &Export{Format: exportFormat, Version: ExportVersion}
		for i := range 1 + g.r.IntN(3) {
			own.Cases = append(own.Cases, g.full(int64(i+1)))
		}
		own.Blobs = g.takeBlobs()
		if _, err := s.Import(ctx, own); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		before, err := s.ExportAll(ctx, t0)
		if err != nil {
			t.Fatal(err)
		}
		// The document reuses ids the case file has (cases 1, 2, ...).
		g2 := &gen{t: t, r: rand.New(rand.NewPCG(seed, uint64(round))), ids: map[string]int64{}}
		doc := &Export{Format: exportFormat, Version: ExportVersion}
		for i := range 1 + g.r.IntN(3) {
			doc.Cases = append(doc.Cases, g2.full(int64(i+1)))
		}
		doc.Blobs = g2.takeBlobs()
		want := make([]Full, len(doc.Cases))
		raw, _ := json.Marshal(doc)
		var copyDoc Export
		if err := json.Unmarshal(raw, &copyDoc); err != nil {
			t.Fatal(err)
		}
		for i, f := range copyDoc.Cases {
			want[i] = normalized(f)
		}
		got, err := s.ImportMerge(ctx, doc)
		if err != nil {
			t.Fatalf("round %d: merge: %v", round, err)
		}
		after, err := s.ExportAll(ctx, t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Cases) != len(before.Cases)+len(want) {
			t.Fatalf("round %d: %d cases after merging %d into %d", round, len(after.Cases), len(want), len(before.Cases))
		}
		for i := range before.Cases {
			if !reflect.DeepEqual(after.Cases[i], before.Cases[i]) {
				t.Fatalf("round %d: the case file's own case %d changed", round, before.Cases[i].ID)
			}
		}
		for i, w := range want {
			newID := got[copyDoc.Cases[i].ID]
			f := after.Cases[len(before.Cases)+i]
			if f.ID != newID || newID <= before.Cases[len(before.Cases)-1].ID {
				t.Fatalf("round %d: case %d became %d, reported as %d", round, copyDoc.Cases[i].ID, f.ID, newID)
			}
			if n := normalized(f); !reflect.DeepEqual(n, w) {
				gj, _ := json.Marshal(n)
				wj, _ := json.Marshal(w)
				t.Fatalf("round %d: merged case differs:\n got %s\nwant %s", round, gj, wj)
			}
		}
	}
}

// TestImportMergeRefusesForeignLinks: a promise naming a contact of
// another case is refused, and nothing of the document is written.
func TestImportMergeRefusesForeignLinks(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	g := &gen{t: t, r: rand.New(rand.NewPCG(1, 2)), ids: map[string]int64{}}
	doc := &Export{Format: exportFormat, Version: ExportVersion}
	for len(doc.Cases) < 2 || len(doc.Cases[0].Contacts) == 0 || len(doc.Cases[1].Promises) == 0 {
		doc.Cases = []Full{g.full(1), g.full(2)}
		doc.Blobs = g.takeBlobs()
	}
	other := doc.Cases[0].Contacts[0].ID
	doc.Cases[1].Promises[0].ContactID = &other
	_, err := s.ImportMerge(ctx, doc)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("merge with a foreign contact: %v", err)
	}
	if n, _, _, _ := s.CaseIDs(ctx); n != 0 {
		t.Errorf("a refused merge stored %d cases", n)
	}
}
