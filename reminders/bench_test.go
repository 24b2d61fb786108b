package reminders

import (
	"context"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
)

// Benchmarks of the reminder pipeline on the active cases of the
// 10,000-case file of `make bench` ($REDRESS_BENCH_DB, or generated once
// per run): the rules, reconciliation with the last export, and the
// iCalendar encoder. make bench checks whole commands against the
// targets; these say where the time of `remind export` goes.

var bigCases struct {
	once  sync.Once
	cases []casefile.Full
	err   error
}

func activeBenchCases(b *testing.B) []casefile.Full {
	b.Helper()
	bigCases.once.Do(func() {
		dir, err := os.MkdirTemp("", "redress-bench-")
		if err != nil {
			bigCases.err = err
			return
		}
		defer os.RemoveAll(dir)
		s, _, err := benchgen.Open(dir)
		if err != nil {
			bigCases.err = err
			return
		}
		defer s.Close()
		bigCases.cases, bigCases.err = s.ActiveCases(context.Background(), 0)
	})
	if bigCases.err != nil {
		b.Fatal(bigCases.err)
	}
	return bigCases.cases
}

var benchNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func BenchmarkAll(b *testing.B) {
	cases := activeBenchCases(b)
	for b.Loop() {
		All(cases, time.UTC)
	}
}

// BenchmarkReconcile is the second export of the day: every reminder
// already exported, none changed.
func BenchmarkReconcile(b *testing.B) {
	rs := All(activeBenchCases(b), time.UTC)
	_, prev, err := Reconcile(TargetFile, rs, nil, benchNow, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := Reconcile(TargetFile, rs, prev, benchNow, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncode writes every reminder of the file (13,348) as .ics.
func BenchmarkEncode(b *testing.B) {
	items, _, err := Reconcile(TargetFile, All(activeBenchCases(b), time.UTC), nil, benchNow, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Encode(io.Discard, items, Options{Name: "redress"}); err != nil {
			b.Fatal(err)
		}
	}
}
