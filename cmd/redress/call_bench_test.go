package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

// BenchmarkCallLine measures one line of the live call log (parse, store,
// acknowledge) on a case file of 10,000 cases: the time between pressing
// Enter and getting the prompt back. Run by `make bench`.
func BenchmarkCallLine(b *testing.B) {
	db := filepath.Join(b.TempDir(), "cases.db")
	s, err := casefile.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	err = s.WithTx(context.Background(), func(tx *sql.Tx) error {
		for i := 0; i < 10000; i++ {
			if _, err := tx.Exec(`INSERT INTO cases (title, company, problem, opened_at) VALUES (?, ?, ?, ?)`,
				fmt.Sprintf("Case %d", i), "Acme", "a problem described in a sentence or two", now.Format(time.RFC3339)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &out, func(string) string { return "" })
	a.lang, a.loc, a.store = "en", time.UTC, s
	contact, err := s.StartCall(a.ctx, 5000, casefile.ChannelCall, now)
	if err != nil {
		b.Fatal(err)
	}
	log := &callLog{a: a, s: s, contact: contact, lang: "en", now: func() time.Time { return now }}
	lines := []string{"n they are checking with the warehouse", "t A-1234 by 12/5", "p refund 49 EUR by friday", "x said no to a refund"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := log.handle(prep.ParseLine(lines[i%len(lines)], now, time.UTC)); err != nil {
			b.Fatal(err)
		}
	}
}
