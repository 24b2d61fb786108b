package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/reminders"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"redress": func() {
			log := os.Getenv("REDRESS_TEST_REMINDERS_LOG")
			// A change made before by another program (a script's
			// sqlexec) leaves its cases marked for the next reminders
			// command: the check starts after that.
			check := log != "" && !markedChanged(dbPath(os.Args[1:]))
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
			if check {
				checkStoredReminders(log, os.Args[1:])
			}
			os.Exit(code)
		},
	})
}

// dbPath is the case file a command's arguments name.
func dbPath(args []string) string {
	path := os.Getenv("REDRESS_DB")
	for i, a := range args {
		switch {
		case a == "--db" && i+1 < len(args):
			path = args[i+1]
		case strings.HasPrefix(a, "--db="):
			path = strings.TrimPrefix(a, "--db=")
		}
	}
	return path
}

// markedChanged reports whether the case file at path has cases marked
// changed whose stored reminders were not rewritten yet, reading it
// without changing it.
func markedChanged(path string) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return false
	}
	defer db.Close()
	var dirty bool
	err = db.QueryRow(`SELECT EXISTS (SELECT 1 FROM case_reminders_dirty)`).Scan(&dirty)
	return err == nil && dirty
}

// checkStoredReminders compares, after a command of a script, the stored
// reminders of its case file with what the rules make of every case, and
// appends any difference to log: TestScripts fails on it. So every change
// every script makes (create, edit, delete, undo, extend, settle,
// escalate, import, a call) is checked to keep the stored reminders in
// step.
func checkStoredReminders(log string, args []string) {
	path := dbPath(args)
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return
	}
	s, err := casefile.Open(path)
	if err != nil {
		return // not a case file, or one this command refused
	}
	defer s.Close()
	bad, err := reminders.Verify(context.Background(), s, time.Local)
	if err != nil {
		bad = append(bad, err.Error())
	}
	if len(bad) == 0 {
		return
	}
	f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "after redress %s:\n  %s\n", strings.Join(args, " "), strings.Join(bad, "\n  "))
}

// TestScripts runs the end-to-end tests in testdata/*.txtar against the
// real main, with a fixed clock (Monday 23 November 2026, 10:00 in Seoul)
// and a fresh case file per script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REDRESS_DB", filepath.Join(env.WorkDir, "data", "cases.db"))
			env.Setenv("REDRESS_NOW", "2026-11-23T10:00:00+09:00")
			log := filepath.Join(env.WorkDir, ".stored-reminders")
			env.Setenv("REDRESS_TEST_REMINDERS_LOG", log)
			env.Defer(func() {
				if b, err := os.ReadFile(log); err == nil {
					env.T().Fatal("stored reminders out of step with the rules:\n" + string(b))
				}
			})
			env.Setenv("TZ", "Asia/Seoul")
			env.Setenv("REDRESS_LANG", "")
			env.Setenv("LANG", "C.UTF-8")
			env.Setenv("NO_COLOR", "1")
			// Hostile user text: a screen clear, a colour, an OSC 8 link,
			// an OSC 52 clipboard write, a carriage return and a bidi override.
			env.Setenv("esc", "evil\x1b[2J\x1b[31mred\x1b]8;;http://x.example\x07link\x1b]8;;\x07\x1b]52;c;aGVsbG8=\x07\rover\u202eabc")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// perm FILE MODE: the file's permission bits are MODE (octal).
			"perm": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: perm FILE MODE")
				}
				fi, err := os.Stat(ts.MkAbs(args[0]))
				ts.Check(err)
				want, err := strconv.ParseUint(args[1], 8, 32)
				ts.Check(err)
				if got := fi.Mode().Perm(); (uint64(got) == want) == neg {
					ts.Fatalf("%s has mode %o, want %s%s", args[0], got, map[bool]string{true: "not ", false: ""}[neg], args[1])
				}
			},
			// sqlfile FILE SCRIPT: run the SQL in SCRIPT (a file of the test)
			// on a database, e.g. to make a case file as an older redress
			// left it.
			"sqlfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: sqlfile FILE SCRIPT")
				}
				db, err := sql.Open("sqlite3", ts.MkAbs(args[0]))
				ts.Check(err)
				defer db.Close()
				if _, err := db.Exec(ts.ReadFile(args[1])); err != nil {
					ts.Fatalf("sqlfile: %v", err)
				}
			},
			// maxwidth N: no line of the last command's stdout is wider
			// than N terminal columns (a Korean character takes two).
			"maxwidth": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: maxwidth N")
				}
				n, err := strconv.Atoi(args[0])
				ts.Check(err)
				for i, l := range strings.Split(strings.TrimRight(ts.ReadFile("stdout"), "\n"), "\n") {
					if w := runewidth.StringWidth(l); w > n {
						ts.Fatalf("stdout line %d is %d columns, more than %d: %q", i+1, w, n, l)
					}
				}
			},
			// sqlexec FILE SQL: run SQL on a case file behind redress's back,
			// e.g. to make it look as if a newer redress wrote it.
			"sqlexec": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: sqlexec FILE SQL")
				}
				db, err := sql.Open("sqlite3", ts.MkAbs(args[0]))
				ts.Check(err)
				defer db.Close()
				if _, err := db.Exec(args[1]); err != nil {
					ts.Fatalf("sqlexec: %v", err)
				}
				_, err = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
				ts.Check(err)
			},
		},
	})
}
