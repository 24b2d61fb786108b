package prep

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
)

// partsStore is a case file holding the golden and letter fixtures, a
// small generated file (cases with hundreds of notes among others with
// none) and a case whose newest notes by time are not the newest of its
// timeline: a note said in a contact later that day sorts with the contact.
func partsStore(t *testing.T) (*casefile.Store, []int64) {
	t.Helper()
	ctx := context.Background()
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg := benchgen.Default()
	cfg.Cases, cfg.Contacts, cfg.Promises, cfg.Tickets, cfg.Notes, cfg.Refs = 24, 200, 150, 100, 2400, 40
	if _, err := benchgen.Generate(ctx, s, cfg); err != nil {
		t.Fatal(err)
	}
	var fixtures []casefile.Full
	for _, g := range goldenCases {
		fixtures = append(fixtures, g.full())
	}
	for _, lc := range letterCases {
		fixtures = append(fixtures, lc.full())
	}
	for i := range fixtures {
		f := &fixtures[i]
		f.Evidence = nil // their files are not in the document
		for j := range f.Promises {
			if p := &f.Promises[j]; p.CreatedAt.IsZero() {
				p.CreatedAt = p.At
			}
		}
		for j := range f.Refs {
			if r := &f.Refs[j]; r.CreatedAt.IsZero() {
				r.CreatedAt = f.OpenedAt
			}
		}
		for j := range f.Tickets {
			if t := &f.Tickets[j]; t.CreatedAt.IsZero() {
				t.CreatedAt = t.At
			}
		}
	}
	for _, f := range fixtures { // one at a time: they share numbers, a merge renumbers
		if _, err := s.ImportMerge(ctx, &casefile.Export{Format: "redress-export", Version: casefile.ExportVersion, Cases: []casefile.Full{f}}); err != nil {
			t.Fatal(f.Title, err)
		}
	}
	c := casefile.Case{Title: "Late call", Company: "Acme", Kind: casefile.KindRefund, Lang: "en", OpenedAt: at(10, 1, 9)}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	ct := casefile.Contact{CaseID: c.ID, Channel: casefile.ChannelCall, At: at(11, 20, 20), Rep: "Anna"}
	if err := s.AddContact(ctx, &ct); err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		n := casefile.Note{CaseID: c.ID, Kind: casefile.NoteTimeline, Text: fmt.Sprint("note ", i), At: at(11, 20, 7+i)}
		switch i {
		case 0:
			n.At = at(11, 2, 9) // the first note, read for how long it has lasted
		case 1:
			n.ContactID = &ct.ID
		}
		if err := s.AddNote(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.DB().Query(`SELECT id FROM cases ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) < len(fixtures)+cfg.Cases+1 {
		t.Fatalf("%d cases in the file", len(ids))
	}
	return s, ids
}

// Every stage renders the same from the parts it names (ScriptParts,
// built as they allow) as from the whole case with everything built: a
// template that starts using a part its stage does not read fails here.
func TestScriptsReadOnlyTheirParts(t *testing.T) {
	ctx := context.Background()
	s, ids := partsStore(t)
	seoul, _ := time.LoadLocation("Asia/Seoul")
	for _, id := range ids {
		full, err := s.Full(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range Stages {
			part, _, err := s.FullParts(ctx, id, ScriptParts(st))
			if err != nil {
				t.Fatal(err)
			}
			for _, lang := range Langs {
				for _, loc := range []*time.Location{time.UTC, seoul} {
					want, werr := renderScript(lang, st, full, clock, loc, casefile.Everything)
					got, gerr := RenderScript(lang, st, part, clock, loc)
					if fmt.Sprint(werr) != fmt.Sprint(gerr) || errors.Is(werr, gerr) != errors.Is(gerr, werr) {
						t.Fatalf("case %d %s %s: error %v, from its parts %v", id, st, lang, werr, gerr)
					}
					if w, g := fmt.Sprintf("%#v", want), fmt.Sprintf("%#v", got); w != g {
						t.Errorf("case %d %s %s %s: from its parts\n%s\nfrom the whole case\n%s", id, st, lang, loc, got.Text(), want.Text())
					}
				}
			}
		}
	}
}

// The sheet (its data, the text fitted and in full, the Markdown) is the
// same from SheetParts as from the whole case with everything built, and
// says as many earlier entries left off.
func TestSheetReadsOnlyItsParts(t *testing.T) {
	ctx := context.Background()
	s, ids := partsStore(t)
	seoul, _ := time.LoadLocation("Asia/Seoul")
	lefts := 0
	for _, id := range ids {
		full, err := s.Full(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		part, notes, err := s.FullParts(ctx, id, SheetParts)
		if err != nil {
			t.Fatal(err)
		}
		if notes != len(full.Notes) {
			t.Fatalf("case %d: %d notes counted, %d in all", id, notes, len(full.Notes))
		}
		lefts += len(full.Notes) - len(part.Notes)
		for _, lang := range Langs {
			for _, loc := range []*time.Location{time.UTC, seoul} {
				for _, reveal := range []bool{false, true} {
					want, werr := newSheet(lang, full.Lang, full, len(full.Notes), clock, loc, reveal, casefile.Everything)
					got, gerr := NewSheetSpeaking(lang, full.Lang, part, notes, clock, loc, reveal)
					if werr != nil || gerr != nil {
						t.Fatalf("case %d: %v, from its parts %v", id, werr, gerr)
					}
					for _, out := range []func(Sheet) (string, error){
						func(s Sheet) (string, error) { b, err := json.Marshal(s); return string(b), err },
						func(s Sheet) (string, error) { return RenderSheetSize(lang, "text", s, SheetWidth, SheetLines) },
						func(s Sheet) (string, error) { return RenderSheetSize(lang, "text", s, SheetWidth, 0) },
						func(s Sheet) (string, error) { return RenderSheetSize(lang, "md", s, 0, 0) },
					} {
						w, werr := out(want)
						g, gerr := out(got)
						if werr != nil || gerr != nil {
							t.Fatal(werr, gerr)
						}
						if w != g {
							t.Fatalf("case %d %s %s: from its parts\n%s\nfrom the whole case\n%s", id, lang, loc, g, w)
						}
					}
				}
			}
		}
	}
	if lefts == 0 {
		t.Fatal("no case had notes left unread: the test reads everything")
	}
}
