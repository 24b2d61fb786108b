package casefile_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
)

// The store queries behind list, show, search and the reminders, on the
// 10,000-case file of `make bench` (which passes its cached copy in
// $REDRESS_BENCH_DB; without it the file is generated once per run).
// Speed targets are checked by make bench on whole commands, not here:
// these numbers say where the time of a command goes.

var big struct {
	once  sync.Once
	dir   string
	store *casefile.Store
	stats benchgen.Stats
	err   error
}

func bigStore(b *testing.B) (*casefile.Store, benchgen.Stats) {
	b.Helper()
	big.once.Do(func() {
		if big.dir, big.err = os.MkdirTemp("", "redress-bench-"); big.err != nil {
			return
		}
		big.store, big.stats, big.err = benchgen.Open(big.dir)
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.store, big.stats
}

// TestMain removes the generated file after the benchmarks.
func TestMain(m *testing.M) {
	code := m.Run()
	if big.store != nil {
		big.store.Close()
	}
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// BenchmarkList is `list`: the newest 50 open cases (one more is read to
// know there are more).
func BenchmarkList(b *testing.B) {
	s, _ := bigStore(b)
	for b.Loop() {
		if _, err := s.List(context.Background(), casefile.ListFilter{Limit: 51}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListEveryCase is `list --all --limit 0`: all 10,000 cases.
func BenchmarkListEveryCase(b *testing.B) {
	s, _ := bigStore(b)
	for b.Loop() {
		if _, err := s.List(context.Background(), casefile.ListFilter{All: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFull reads the open case with the most notes: `show` and
// `sheet` of someone with years of history.
func BenchmarkFull(b *testing.B) {
	s, st := bigStore(b)
	for b.Loop() {
		if _, err := s.Full(context.Background(), st.Heavy); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch looks for a word that is in about a sixth of all rows
// ("refund") and for a rarer Korean one.
func BenchmarkSearch(b *testing.B) {
	s, _ := bigStore(b)
	for _, word := range []string{"refund", "환불", "voucher"} {
		b.Run(word, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(context.Background(), word, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkActiveCases(b *testing.B) {
	s, _ := bigStore(b)
	for b.Loop() {
		if _, err := s.ActiveCases(context.Background(), 0); err != nil {
			b.Fatal(err)
		}
	}
}
