package benchgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// Taskwarrior gets the same data: one task per case, one annotation per
// contact, promise, ticket and note, none lost to a shared second.
func TestWriteTasksHoldsEveryEntry(t *testing.T) {
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cfg := Default()
	cfg.Cases, cfg.Contacts, cfg.Promises, cfg.Tickets, cfg.Notes, cfg.Refs = 50, 200, 150, 100, 1000, 30
	st, err := Generate(context.Background(), s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The file is one redress reads: every active case loads (a column the
	// generator leaves empty fails here, not in make bench).
	active := 0
	if err := s.EachActiveCase(context.Background(), 0, func(casefile.Full) error { active++; return nil }); err != nil || active != st.Open {
		t.Fatalf("reading the active cases: %d of %d, %v", active, st.Open, err)
	}
	var buf bytes.Buffer
	n, err := WriteTasks(context.Background(), s.DB(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if n.Tasks != st.Cases || n.Pending != st.Open || n.Annotations != st.Contacts+st.Promises+st.Tickets+st.Notes {
		t.Fatalf("wrote %+v for %+v", n, st)
	}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	annotations := 0
	for sc.Scan() {
		var tk task
		if err := json.Unmarshal(sc.Bytes(), &tk); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, a := range tk.Annotations {
			if seen[a.Entry] {
				t.Fatalf("task %s has two annotations at %s", tk.UUID, a.Entry)
			}
			seen[a.Entry] = true
		}
		annotations += len(tk.Annotations)
		if tk.Description == "" || tk.Entry == "" || (tk.Status == "completed") != (tk.End != "") {
			t.Errorf("task %+v", tk)
		}
	}
	if annotations != n.Annotations {
		t.Errorf("%d annotations in the file, %d counted", annotations, n.Annotations)
	}
	if st.Ordinary == 0 || st.OrdinaryNotes > st.HeavyNotes {
		t.Errorf("ordinary case %d with %d notes, heavy %d with %d", st.Ordinary, st.OrdinaryNotes, st.Heavy, st.HeavyNotes)
	}
}
