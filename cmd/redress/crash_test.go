package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
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

// testCrashSafetyOfCorrections kills redress while it edits, deletes,
// extends and undoes (a third as many kills as testCrashSafety). Then the
// case file passes its integrity checks, no change is half applied (a
// contact deleted with its entries is gone whole or there whole, an undo
// reverted every row of its change), the history and the data agree (each
// entry is as its latest history row left it), and every command that
// exited 0 is in the history.
func testCrashSafetyOfCorrections(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	mustRun(t, bin, db, "new", "--title", "corrections")
	const notes, contacts = 30, 12
	for i := 1; i <= notes; i++ {
		mustRun(t, bin, db, "note", "1", fmt.Sprintf("base-%d", i))
	}
	var took []time.Duration
	for i := 1; i <= contacts; i++ {
		start := time.Now()
		mustRun(t, bin, db, "contact", "1", "--channel", "call", "--summary", fmt.Sprintf("c-%d", i),
			"--ticket", fmt.Sprintf("T-%d", i), "--promise", fmt.Sprintf("P-%d@2026-12-05", i))
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	window := took[len(took)/2] * 13 / 10

	seed := uint64(time.Now().UnixNano())
	kills := max(1, *crashKills/3)
	t.Logf("seed %d (kills %d, window %v)", seed, kills, window)
	rng := rand.New(rand.NewPCG(seed, 1))
	edited := map[string]bool{}      // markers of note edits that exited 0
	killedEdits := map[string]bool{} // and of those killed
	undos, killedUndos, killed, completed := 0, 0, 0, 0
	for i := 0; killed < kills; i++ {
		if i > kills*10 {
			t.Fatalf("only %d of %d processes were killed before they ended", killed, i)
		}
		marker := fmt.Sprint(i)
		var args []string
		kind := i % 5
		switch kind {
		case 0:
			args = []string{"note", "edit", fmt.Sprint(1 + rng.IntN(notes)), "--text", "e-" + marker}
		case 1:
			args = []string{"note", "delete", fmt.Sprint(1 + rng.IntN(notes))}
		case 2:
			args = []string{"undo"}
		case 3:
			args = []string{"contact", "delete", fmt.Sprint(1 + rng.IntN(contacts)), "--with-entries"}
		case 4:
			due := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02")
			args = []string{"promise", "extend", fmt.Sprint(1 + rng.IntN(contacts)), "--due", due}
		}
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
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
			if kind == 0 {
				edited[marker] = true
			}
			if kind == 2 {
				undos++
			}
		case errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled():
			killed++
			if kind == 2 {
				killedUndos++
			}
			if kind == 0 {
				killedEdits[marker] = true
			}
		case errors.As(err, &ee) && ee.ExitCode() == 1 && strings.HasPrefix(stderr.String(), "redress: no "):
			// The note, contact or promise was deleted (or its creation
			// undone) by an earlier command: refused, nothing changed.
		default:
			t.Fatalf("redress %v after %d kills: %v\n%s", args, killed, err, stderr.String())
		}
	}
	t.Logf("%d processes killed, %d finished before the kill", killed, completed)

	s, err := casefile.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := s.DB()
	checkIntegrity(t, q)
	checkWholeContacts(t, q)
	bad, err := s.VerifyHistory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Errorf("history and data disagree: %s", b)
	}
	// Every entry has a history: nothing was written around it.
	for _, table := range []string{"notes", "contacts", "promises", "tickets", "promise_extensions"} {
		var n int
		if err := q.QueryRow(`SELECT count(*) FROM ` + table + ` x WHERE NOT EXISTS (SELECT 1 FROM history h
			WHERE h.entry_id = x.id AND h.kind = CASE '` + table + `' WHEN 'notes' THEN 'note' WHEN 'contacts' THEN 'contact'
			WHEN 'promises' THEN 'promise' WHEN 'tickets' THEN 'ticket' ELSE 'extension' END)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			t.Errorf("%d rows of %s have no history", n, table)
		}
	}
	for m := range edited {
		var n int
		if err := q.QueryRow(`SELECT count(*) FROM history WHERE command = 'note edit' AND json_extract(new, '$.text') = 'e-' || ?`, m).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("note edit e-%s exited 0, but the history has it %d times", m, n)
		}
	}
	stored := 0
	for m := range killedEdits {
		var n int
		if err := q.QueryRow(`SELECT count(*) FROM history WHERE command = 'note edit' AND json_extract(new, '$.text') = 'e-' || ?`, m).Scan(&n); err != nil {
			t.Fatal(err)
		}
		stored += n
	}
	t.Logf("killed note edits: %d stored (killed after the commit), %d not stored", stored, len(killedEdits)-stored)
	if len(killedEdits)-stored == 0 || stored+len(edited) == 0 {
		t.Errorf("kills did not spread over the edits: %d killed before the commit, %d after, %d finished",
			len(killedEdits)-stored, stored, len(edited))
	}
	var recorded int
	if err := q.QueryRow(`SELECT count(DISTINCT change) FROM history WHERE undoes IS NOT NULL`).Scan(&recorded); err != nil {
		t.Fatal(err)
	}
	if recorded < undos || recorded > undos+killedUndos {
		t.Errorf("%d undos are in the history; %d exited 0 and %d were killed", recorded, undos, killedUndos)
	}
	if r := runBin(t, bin, db, "history", "1", "--json"); r.code != 0 {
		t.Errorf("history after the crashes: %s", r)
	}
}
