package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// testConcurrency runs 8 writer processes of 200 writes each (notes,
// promises and tickets) on one case file, with a reader running list and
// show in a loop: every row is stored once, and no process says anything
// on stderr, so no "database is locked" reaches the user.
func testConcurrency(t *testing.T, bin string) {
	const writers, writes = 8, 200
	db := filepath.Join(t.TempDir(), "cases.db")
	mustRun(t, bin, db, "new", "--title", "busy")

	var failures atomic.Int32
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	check := func(args []string, r result) {
		if r.code != 0 || r.stderr != "" {
			fail("redress %s: %s", strings.Join(args, " "), r)
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range writes {
				m := fmt.Sprintf("w%d-%d", w, i)
				var args []string
				switch i % 3 {
				case 0:
					args = []string{"note", "1", m}
				case 1:
					args = []string{"promise", "1", m, "--due", "2026-12-05"}
				case 2:
					args = []string{"ticket", "1", m}
				}
				check(args, runCmd(t, exec.Command(bin, append([]string{"--db", db}, args...)...)))
			}
		})
	}
	done := make(chan struct{})
	var reads atomic.Int32
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		for {
			select {
			case <-done:
				return
			default:
			}
			for _, args := range [][]string{{"list"}, {"show", "1", "--json"}} {
				check(args, runCmd(t, exec.Command(bin, append([]string{"--db", db}, args...)...)))
				reads.Add(1)
			}
		}
	}()
	wg.Wait()
	close(done)
	<-readerDone
	t.Logf("%d writes and %d reads in %v", writers*writes, reads.Load(), time.Since(start).Round(time.Millisecond))
	if reads.Load() == 0 {
		t.Error("the reader never ran")
	}

	s, err := casefile.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIntegrity(t, s.DB())
	var rows, distinct int
	err = s.DB().QueryRow(`SELECT count(*), count(DISTINCT m) FROM (
		SELECT text AS m FROM notes UNION ALL SELECT text FROM promises UNION ALL SELECT number FROM tickets)
		WHERE m GLOB 'w*'`).Scan(&rows, &distinct)
	if err != nil {
		t.Fatal(err)
	}
	if rows != writers*writes || distinct != rows {
		t.Errorf("%d rows (%d distinct) stored, want %d", rows, distinct, writers*writes)
	}
}
