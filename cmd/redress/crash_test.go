package main

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

var crashKills = flag.Int("crash.kills", 300, "how many redress processes the crash test kills with SIGKILL")

// testCrashSafety starts redress writing (a note, a promise, or a contact
// with its ticket and promise in one transaction, and now and then the
// creation of a new case file) and kills it with SIGKILL after a random
// delay spread over the process's life, until crashKills processes died
// that way. Then: the case file passes PRAGMA integrity_check and the FTS
// index check, every command that exited 0 is in it, nothing is in it
// twice, and no contact lacks its ticket or promise nor either its contact.
func testCrashSafety(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	mustRun(t, bin, db, "new", "--title", "crash test")

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d (kills %d)", seed, *crashKills)
	rng := rand.New(rand.NewPCG(seed, 0))

	// The kill window is the length of an uncontested write, measured here:
	// a delay drawn over [0, 1.3 × median] lands before, inside and after
	// the transaction (the counts below show it did).
	var took []time.Duration
	for i := range 9 {
		start := time.Now()
		mustRun(t, bin, db, "note", "1", fmt.Sprintf("warm-%d", i))
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	window := took[len(took)/2] * 13 / 10
	t.Logf("median write %v, kill window %v", took[len(took)/2], window)

	type attempt struct {
		marker, kind string
		db           string
	}
	attempts := map[string]attempt{}
	succeeded := map[string]bool{}
	var created []attempt
	kills, completed := 0, 0
	for i := 0; kills < *crashKills; i++ {
		if i > *crashKills*10 {
			t.Fatalf("only %d of %d processes were killed before they ended; the kill window is too short", kills, i)
		}
		a := attempt{marker: fmt.Sprint(i), db: db}
		var args []string
		switch i % 10 {
		case 0, 3, 6:
			a.kind = "note"
			args = []string{"note", "1", "n-" + a.marker}
		case 1, 4, 7:
			a.kind = "promise"
			args = []string{"promise", "1", "p-" + a.marker, "--due", "2026-12-05"}
		case 2, 5, 8:
			a.kind = "contact"
			args = []string{"contact", "1", "--channel", "call", "--rep", "Anna", "--summary", "c-" + a.marker,
				"--ticket", "T-" + a.marker, "--promise", "P-" + a.marker + "@2026-12-05"}
		case 9:
			// A new case file being created and migrated when the kill comes.
			a.kind = "create"
			a.db = filepath.Join(dir, "fresh", a.marker, "cases.db")
			args = []string{"new", "--title", "fresh"}
		}
		attempts[a.marker] = a
		cmd := exec.Command(bin, append([]string{"--db", a.db}, args...)...)
		cmd.Env = binEnv()
		var stderr limitedBuffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(window) + 1)))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		var ee *exec.ExitError
		switch {
		case err == nil:
			completed++
			succeeded[a.marker] = true
		case errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled():
			kills++
		default:
			// Not killed and not successful: an earlier kill left the file
			// in a state a later command could not handle.
			t.Fatalf("redress %v after %d kills: %v\n%s", args, kills, err, stderr.String())
		}
		if a.kind == "create" {
			created = append(created, a)
		}
	}
	t.Logf("%d processes killed, %d finished before the kill", kills, completed)

	s, err := casefile.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := s.DB()
	checkIntegrity(t, q)

	present := func(query, marker string) int {
		var n int
		if err := q.QueryRow(query, marker).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	killedPresent, killedAbsent := 0, 0
	for m, a := range attempts {
		if a.kind == "create" {
			continue
		}
		ok := succeeded[m]
		n := present("SELECT count(*) FROM notes WHERE text = 'n-' || ?", m) +
			present("SELECT count(*) FROM promises WHERE text = 'p-' || ?", m) +
			present("SELECT count(*) FROM contacts WHERE summary = 'c-' || ?", m)
		switch {
		case n > 1:
			t.Errorf("command %s is stored %d times", m, n)
		case ok && n == 0:
			t.Errorf("redress %s %s exited 0, but it is not in the case file", a.kind, m)
		case !ok && n == 1:
			killedPresent++
		case !ok:
			killedAbsent++
		}
	}
	t.Logf("killed commands: %d stored (killed after the commit), %d not stored", killedPresent, killedAbsent)

	checkWholeContacts(t, q)

	// Every case file whose creation was cut short opens, and one whose
	// `new` exited 0 has its case.
	for _, a := range created {
		r := runBin(t, bin, a.db, "list", "--json")
		if r.code != 0 {
			t.Errorf("case file killed during creation (%s) does not open: %s", a.db, r)
			continue
		}
		if succeeded[a.marker] && r.stdout == "[]\n" {
			t.Errorf("case file %s: new exited 0, but the case is not in it", a.db)
		}
	}
	if r := runBin(t, bin, db, "show", "1", "--json"); r.code != 0 {
		t.Errorf("show after the crashes: %s", r)
	}
	// The kills must have straddled the commit, or this test proved little.
	if killedAbsent == 0 || killedPresent+completed == 0 {
		t.Errorf("kills did not spread over the write: %d killed before the commit, %d after, %d finished",
			killedAbsent, killedPresent, completed)
	}
}

// checkWholeContacts finds half-applied contacts: each contact written as
// "contact --summary c-X --ticket T-X --promise P-X@DATE" must have
// exactly its ticket and its promise, and each such ticket or promise its
// contact.
func checkWholeContacts(t *testing.T, q *sql.DB) {
	t.Helper()
	for _, check := range []struct{ what, query string }{
		{"contact without its ticket or promise", `SELECT c.summary FROM contacts c WHERE c.summary GLOB 'c-*' AND (
			(SELECT count(*) FROM tickets t WHERE t.contact_id = c.id AND t.number = 'T-' || substr(c.summary, 3)) != 1 OR
			(SELECT count(*) FROM promises p WHERE p.contact_id = c.id AND p.text = 'P-' || substr(c.summary, 3)) != 1)`},
		{"ticket without its contact", `SELECT t.number FROM tickets t WHERE t.number GLOB 'T-*' AND NOT EXISTS (
			SELECT 1 FROM contacts c WHERE c.id = t.contact_id AND c.summary = 'c-' || substr(t.number, 3))`},
		{"promise without its contact", `SELECT p.text FROM promises p WHERE p.text GLOB 'P-*' AND NOT EXISTS (
			SELECT 1 FROM contacts c WHERE c.id = p.contact_id AND c.summary = 'c-' || substr(p.text, 3))`},
	} {
		rows, err := q.Query(check.query)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			rows.Scan(&v)
			t.Errorf("%s: %s", check.what, v)
		}
		rows.Close()
	}
}

// checkIntegrity runs SQLite's and FTS5's own consistency checks.
func checkIntegrity(t *testing.T, q *sql.DB) {
	t.Helper()
	var ok string
	if err := q.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
	if _, err := q.Exec("INSERT INTO search (search) VALUES ('integrity-check')"); err != nil {
		t.Errorf("search index: %v", err)
	}
}

// limitedBuffer keeps the first 4 KB written to it: enough for an error.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := 4096 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return string(l.b) }
