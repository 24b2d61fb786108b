package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// outEnv is a case file with one case with a broken promise, for the
// output-file tests.
func outEnv(t *testing.T) (map[string]string, string) {
	t.Helper()
	dir := t.TempDir()
	env := map[string]string{"REDRESS_DB": filepath.Join(dir, "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00",
		"REDRESS_LANG": "en", "TZ": "Asia/Seoul"}
	for _, args := range [][]string{
		{"new", "--title", "Refund", "--company", "Acme"},
		{"promise", "1", "refund 49 EUR", "--due", "2026-11-27"},
	} {
		if code, out := runRedress(env, args...); code != 0 {
			t.Fatalf("%v: %s", args, out)
		}
	}
	return env, dir
}

func runRedressTo(env map[string]string, stdout io.Writer, args ...string) (int, string) {
	var errOut bytes.Buffer
	code := run(args, strings.NewReader(""), stdout, &errOut, func(k string) string { return env[k] })
	return code, errOut.String()
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Problem 1: script --to followed a symlink, truncated any file (the case
// file included), kept the old file's mode and left 0 bytes on a full disk.
func TestScriptToNeverClobbers(t *testing.T) {
	env, dir := outEnv(t)
	db := env["REDRESS_DB"]
	dbBefore := fileSum(t, db)

	precious := filepath.Join(dir, "precious.txt")
	os.WriteFile(precious, []byte("my notes\n"), 0o644)
	link := filepath.Join(dir, "letter.txt")
	os.Symlink(precious, link)
	for _, flag := range []string{"--to", "-o"} {
		code, out := runRedress(env, "script", "1", "complaint", flag, link)
		if code != exitError || !strings.Contains(out, "symbolic link") {
			t.Errorf("%s symlink: exit %d\n%s", flag, code, out)
		}
		code, out = runRedress(env, "script", "1", "complaint", flag, precious, "--force")
		if code != 0 {
			t.Errorf("%s existing file with --force: exit %d\n%s", flag, code, out)
		}
		os.WriteFile(precious, []byte("my notes\n"), 0o644)
		code, out = runRedress(env, "script", "1", "complaint", flag, precious)
		if code != exitError || !strings.Contains(out, "already exists") {
			t.Errorf("%s existing file: exit %d\n%s", flag, code, out)
		}
		for _, p := range []string{db, db + "-wal", db + "-shm", db + "-journal"} {
			code, out = runRedress(env, "script", "1", "complaint", flag, p, "--force")
			if code != exitError || !strings.Contains(out, "case file") {
				t.Errorf("%s %s: exit %d\n%s", flag, filepath.Base(p), code, out)
			}
		}
	}
	if got := fileSum(t, precious); got != "my notes\n" {
		t.Errorf("the symlink's target was changed: %q", got)
	}
	if fileSum(t, db) != dbBefore {
		t.Error("the case file was changed")
	}
	if code, out := runRedress(env, "show", "1"); code != 0 {
		t.Fatalf("the case file no longer opens: %s", out)
	}

	// A new file is 0600 whatever the umask; on a full disk nothing is left.
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	letter := filepath.Join(dir, "new-letter.txt")
	if code, out := runRedress(env, "script", "1", "complaint", "-o", letter); code != 0 {
		t.Fatal(out)
	}
	wantMode(t, letter, 0o600)
	if !strings.Contains(fileSum(t, letter), "Acme") {
		t.Error("the letter is not in the file")
	}
	code, out := runRedress(env, "script", "1", "complaint", "-o", "/dev/full")
	if code != exitError || !strings.Contains(out, "no space left on device") {
		t.Errorf("-o /dev/full: exit %d\n%s", code, out)
	}
	if st, err := os.Lstat("/dev/full"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("/dev/full is no longer a device: %v %v", st, err)
	}
}

// Problem 2: remind export -o replaced the case file, turned a FIFO into a
// regular file, and -o /dev/stdout failed.
func TestRemindExportIntoPipesAndDevices(t *testing.T) {
	env, dir := outEnv(t)
	db := env["REDRESS_DB"]
	dbBefore := fileSum(t, db)
	code, out := runRedress(env, "remind", "export", "-o", db)
	if code != exitError || !strings.Contains(out, "case file") {
		t.Errorf("-o the case file: exit %d\n%s", code, out)
	}
	if fileSum(t, db) != dbBefore {
		t.Fatal("the case file was changed")
	}

	fifo := filepath.Join(dir, "calendar.pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if code, out := runRedress(env, "remind", "export", "-o", fifo); code != 0 {
		t.Fatalf("-o FIFO: %s", out)
	}
	select {
	case s := <-got:
		if !strings.HasPrefix(s, "BEGIN:VCALENDAR") {
			t.Errorf("the FIFO's reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came through the FIFO")
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", st.Mode())
	}

	var stdout bytes.Buffer
	if code, errOut := runRedressTo(env, &stdout, "remind", "export", "-o", "/dev/stdout"); code != 0 || !strings.HasPrefix(stdout.String(), "BEGIN:VCALENDAR") {
		t.Errorf("-o /dev/stdout: exit %d\n%s", code, errOut)
	}
	code, out = runRedress(env, "remind", "export", "-o", "/dev/full")
	if code != exitError || !strings.Contains(out, "no space left on device") {
		t.Errorf("-o /dev/full: exit %d\n%s", code, out)
	}
	if st, err := os.Lstat("/dev/full"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("/dev/full is no longer a device: %v %v", st, err)
	}
}

// Problem 9: human output ignored write errors. Each command writing to a
// full disk exits 1 with one line saying so.
func TestOutputToAFullDisk(t *testing.T) {
	env, _ := outEnv(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"script", "1", "followup"}, {"show", "1"}, {"list"}, {"sheet", "1"}, {"remind", "list"},
		{"search", "refund"}, {"export", "--json"}, {"remind", "export"}, {"show", "1", "--json"},
	} {
		code, errOut := runRedressTo(env, full, args...)
		if code != exitError {
			t.Errorf("%v > /dev/full: exit %d\n%s", args, code, errOut)
			continue
		}
		if n := strings.Count(errOut, "redress: "); n != 1 || !strings.Contains(errOut, "redress: cannot write the output: no space left on device\n") {
			t.Errorf("%v > /dev/full said:\n%s", args, errOut)
		}
	}
}

// Problem 3: a backup killed mid-copy left a partial file under the
// backup's name (and rerunning refused). Now nothing is under the name
// until the copy is whole and checked.
func TestBackupKilledMidwayLeavesNothing(t *testing.T) {
	k := newKillable(t)
	k.run("", "new", "--title", "big")
	var db string
	for _, kv := range k.env {
		if v, ok := strings.CutPrefix(kv, "REDRESS_DB="); ok {
			db = v
		}
	}
	// About 40 MB of export records, so the copy takes a while.
	q, err := sql.Open("sqlite3", db)
	must(t, err)
	_, err = q.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 80)
		INSERT INTO reminder_exports (target, uid, case_id, content, hash, sequence, last_modified)
		SELECT 'file /x', 'u' || i, 1, hex(randomblob(250000)), '', 0, '2026-11-23T00:00:00Z' FROM n`)
	must(t, err)
	q.Close()

	dir := t.TempDir()
	dest := filepath.Join(dir, "backup.db")
	midway := 0
	for try := 0; try < 20 && midway < 3; try++ {
		cmd := exec.Command(k.bin, "backup", dest)
		cmd.Env = k.env
		must(t, cmd.Start())
		// Kill it once the temporary copy has begun to grow.
		var grew bool
		for start := time.Now(); time.Since(start) < 5*time.Second; time.Sleep(time.Millisecond) {
			tmps, _ := filepath.Glob(filepath.Join(dir, ".backup.db.*.tmp"))
			if len(tmps) > 0 {
				if st, err := os.Stat(tmps[0]); err == nil && st.Size() > 0 {
					grew = true
					break
				}
			}
		}
		cmd.Process.Kill()
		err := cmd.Wait()
		if _, statErr := os.Lstat(dest); statErr == nil {
			if err == nil {
				os.Remove(dest) // it finished before the kill: try again
				continue
			}
			t.Fatalf("a killed backup left a file under the backup's name (%v)", err)
		}
		if grew {
			midway++
		}
	}
	if midway == 0 {
		t.Fatal("no backup was killed mid-copy; the test shows nothing")
	}
	// Rerunning works, and the copy is a whole case file.
	out := k.run("", "backup", dest)
	if !strings.Contains(out, "Backup written to") {
		t.Fatalf("backup after the kills: %s", out)
	}
	s, err := casefile.Open(dest)
	must(t, err)
	defer s.Close()
	checkIntegrity(t, s.DB())
	var n int
	must(t, s.DB().QueryRow("SELECT count(*) FROM reminder_exports").Scan(&n))
	if n != 80 {
		t.Fatalf("the backup holds %d of 80 rows", n)
	}
	// It keeps the file id.
	orig, err := casefile.Open(db)
	must(t, err)
	defer orig.Close()
	a, _ := orig.FileID(context.Background())
	b, _ := s.FileID(context.Background())
	if a == "" || a != b {
		t.Fatalf("file id %q, backup's %q", a, b)
	}
}

// Issue 15, problem 10: one 20 MB call-log line took 211 MB. A line over
// the limit is skipped with a message; the lines around it are kept.
func TestCallLogLineLimit(t *testing.T) {
	env, _ := outEnv(t)
	stdin := "rep Anna\n" + strings.Repeat("x", 3<<20) + "\nshe was very nice\nend\n"
	var out, errOut bytes.Buffer
	code := run([]string{"call", "1"}, strings.NewReader(stdin), &out, &errOut, func(k string) string { return env[k] })
	if code != 0 || !strings.Contains(errOut.String(), "longer than 64 KiB and was not saved") {
		t.Fatalf("exit %d\n%s", code, errOut.String())
	}
	code, show := runRedress(env, "show", "1", "--json")
	if code != 0 || !strings.Contains(show, `"text": "she was very nice"`) || strings.Contains(show, "xxxx") {
		t.Fatalf("after the call: %s", show[:min(len(show), 2000)])
	}
}

// Issue 15, problem 12: --db :memory: accepted writes and kept nothing.
func TestNonFileCaseFileNamesRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{":memory:", "file:cases.db?mode=memory"} {
		code, out := runRedress(map[string]string{"REDRESS_LANG": "en"}, "--db", name, "new", "--title", "x")
		if code != exitError || !strings.Contains(out, "not a file name") || !strings.Contains(out, "hint: point --db") {
			t.Errorf("--db %s: exit %d\n%s", name, code, out)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files were made: %v", ents)
	}
}

// Issue 15, problem 12: a -shm left read-only (by opening a 0400 case
// file) blocked every later write with no hint. The error names it.
func TestReadOnlySHMIsNamed(t *testing.T) {
	bin := buildRedress(t) // in a folder the unprivileged user can reach
	dir := t.TempDir()
	must(t, os.Chmod(dir, 0o777))
	must(t, os.Chmod(filepath.Dir(dir), 0o755))
	db := filepath.Join(dir, "cases.db")
	env := append(binEnv(), "REDRESS_DB="+db)
	as := func(args ...string) (*exec.Cmd, *bytes.Buffer) {
		c := exec.Command(bin, args...)
		c.Env = env
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		if os.Getuid() == 0 {
			c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		return c, &out
	}
	c, out := as("new", "--title", "x")
	if err := c.Run(); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	must(t, os.Chmod(db, 0o400))
	c, out = as("list")
	if err := c.Run(); err != nil {
		t.Fatalf("list of a read-only case file: %v\n%s", err, out)
	}
	if _, err := os.Stat(db + "-shm"); err != nil {
		t.Fatalf("SQLite left no -shm beside the read-only file, so the hint cannot be shown: %v", err)
	}
	must(t, os.Chmod(db, 0o600))
	c, out = as("note", "1", "hello")
	err := c.Run()
	if err == nil || !strings.Contains(out.String(), db+"-shm: this file beside the case file is read-only") ||
		!strings.Contains(out.String(), "hint: make it writable (chmod u+w "+db+"-shm)") {
		t.Fatalf("write with a read-only -shm: %v\n%s", err, out)
	}
}
