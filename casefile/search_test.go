package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"
)

// With fewer matches than the bound, every match is ranked: the case that
// is about the word comes before the long note that mentions it once,
// even though the note is newer.
func TestSearchPutsTheBestMatchFirst(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	about := Case{Title: "Voucher refused", Company: "Acme", Problem: "They refused my voucher twice; the voucher is valid until June", OpenedAt: t0}
	other := Case{Title: "Broken kettle", Company: "Kettlo", OpenedAt: t0.Add(time.Hour)}
	for _, c := range []*Case{&about, &other} {
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	n := Note{CaseID: other.ID, At: t0.Add(2 * time.Hour), Text: "Long call about the kettle: the spout leaks, the lid does not close, " +
		"the base sparks, they offered a voucher but I asked for a replacement or my money back under the warranty"}
	if err := s.AddNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "voucher", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].CaseID != about.ID || hits[0].Source != "case" || hits[1].SourceID != n.ID {
		t.Fatalf("search voucher: want the voucher case, then the kettle note; got %+v", hits)
	}
}

// With far more matches than the bound (a word in thousands of notes), a
// case that is about the word still comes first: the newest cases are
// among the candidates even though thousands of notes were added after
// it, and the many matches are not all ranked.
func TestSearchFindsTheCaseAmongThousandsOfNotes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	busy := Case{Title: "Long fight", Company: "Telco", OpenedAt: t0}
	if err := s.CreateCase(ctx, &busy); err != nil {
		t.Fatal(err)
	}
	about := Case{Title: "Refund for headphones", Company: "Acme", Problem: "No refund after I returned them; the refund was promised",
		OpenedAt: t0.Add(time.Hour)}
	if err := s.CreateCase(ctx, &about); err != nil {
		t.Fatal(err)
	}
	// Notes, by far the most numerous entries, all newer than the case:
	// their rowids are all above the case's.
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		for i := range searchNewest + 500 {
			text := fmt.Sprintf("Call %d: asked again about the refund, agent %d said to wait another week", i, i%37)
			if _, err := tx.Exec(`INSERT INTO notes (case_id, kind, text, at) VALUES (?, 'timeline', ?, ?)`,
				busy.ID, text, rfc3339(t0.Add(time.Duration(i+2)*time.Minute))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "refund", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 5 {
		t.Fatalf("search refund: %d hits, want 5: %+v", len(hits), hits)
	}
	if hits[0].CaseID != about.ID || hits[0].Source != "case" {
		t.Errorf("search refund: the refund case is not first: %+v", hits)
	}
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }
