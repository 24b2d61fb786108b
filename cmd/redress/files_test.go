package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/redress-cli/redress/casefile"
)

// testPrivateFilesUnderUmask0 runs redress under umask 0 (set in a shell
// that then execs it, so the test process's own umask, which is shared by
// every goroutine, is left alone): the case file, the folders made for it,
// a backup and an export file are still private.
func testPrivateFilesUnderUmask0(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "made", "for", "cases.db")
	umask0 := func(args ...string) result {
		t.Helper()
		r := runCmd(t, exec.Command("sh", append([]string{"-c", `umask 0 && exec "$0" "$@"`, bin, "--db", db}, args...)...))
		if r.code != 0 {
			t.Fatalf("redress %s: %s", shortArgs(args), r)
		}
		return r
	}
	// The shell really does run with umask 0: a file it makes is 0666.
	runCmd(t, exec.Command("sh", "-c", `umask 0 && touch "$0"`, filepath.Join(dir, "probe")))
	wantMode(t, filepath.Join(dir, "probe"), 0o666)

	umask0("new", "--title", "Wrong bill")
	umask0("ref", "1", "account number", "9876543210")
	umask0("backup", filepath.Join(dir, "backup.db"))
	umask0("export", "--json", "--reveal", "-o", filepath.Join(dir, "export.json"))
	wantMode(t, db, 0o600)
	wantMode(t, filepath.Dir(db), 0o700|os.ModeDir)
	wantMode(t, filepath.Dir(filepath.Dir(db)), 0o700|os.ModeDir)
	wantMode(t, filepath.Join(dir, "backup.db"), 0o600)
	wantMode(t, filepath.Join(dir, "export.json"), 0o600)
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	must(t, err)
	if got := fi.Mode() & (os.ModePerm | os.ModeDir); got != want {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), got, want)
	}
}

// testRevealOnATerminal runs show on a real terminal (a pseudo-terminal):
// there --reveal needs no --force and prints the reference; into a pipe or
// a file the same command is refused, and without --reveal it is masked.
func testRevealOnATerminal(t *testing.T, bin string) {
	db := filepath.Join(t.TempDir(), "cases.db")
	mustRun(t, bin, db, "new", "--title", "Wrong bill")
	mustRun(t, bin, db, "ref", "1", "account number", "9876543210")

	out, code := onTerminal(t, bin, "--db", db, "show", "1", "--reveal")
	if code != 0 || !strings.Contains(out, "9876543210") {
		t.Errorf("show --reveal on a terminal: exit %d\n%s", code, out)
	}
	out, code = onTerminal(t, bin, "--db", db, "show", "1")
	if code != 0 || strings.Contains(out, "9876543210") || !strings.Contains(out, "•••• 3210") {
		t.Errorf("show on a terminal: exit %d\n%s", code, out)
	}
	for _, cmd := range [][]string{{"show", "1", "--reveal"}, {"search", "account", "--reveal"}, {"export", "--json", "--reveal"}} {
		r := runBin(t, bin, db, cmd...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "redress: --reveal prints account references in full, and output is not a terminal\n") {
			t.Errorf("redress %s into a pipe: %s", strings.Join(cmd, " "), r)
		}
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	must(t, err)
	defer f.Close()
	cmd := exec.Command(bin, "--db", db, "show", "1", "--reveal")
	cmd.Env, cmd.Stdout = binEnv(), f
	if err := cmd.Run(); err == nil {
		t.Error("show --reveal into a file was not refused")
	}
	if b := readFile(t, f.Name()); bytes.Contains(b, []byte("9876543210")) {
		t.Error("show --reveal wrote the reference into a file")
	}
}

// onTerminal runs a command with stdout on a new pseudo-terminal and
// returns what it printed there and its exit code.
func onTerminal(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("a pseudo-terminal is needed: %v", err)
	}
	defer master.Close()
	var unlock int32
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatal(e)
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatal(e)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	must(t, err)
	var out bytes.Buffer
	read := make(chan struct{})
	go func() { io.Copy(&out, master); close(read) }() // ends with EIO once the terminal is closed
	cmd := exec.Command(name, args...)
	cmd.Env, cmd.Stdout = binEnv(), tty
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	tty.Close()
	<-read
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(out.String(), "\r\n", "\n") + stderr.String(), code
}

// testBackupWhileWriting backs up a case file while another process keeps
// logging contacts (each with its ticket and promise) into it: the copy is
// private, passes the integrity checks, opens as a case file, holds every
// contact that was stored before the backup began and no half of one.
// A backup never overwrites a file.
func testBackupWhileWriting(t *testing.T, bin string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	mustRun(t, bin, db, "new", "--title", "busy")
	// Another redress has the file open (a second terminal): then the
	// writer's commits stay in the -wal file instead of being folded into
	// the case file when it exits, as they would be with nobody else
	// around. A plain copy of the case file would miss them.
	other, err := casefile.Open(db)
	must(t, err)
	defer other.Close()
	_, err = other.List(t.Context(), casefile.ListFilter{})
	must(t, err)

	var stored atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			m := fmt.Sprint(i)
			r := runBin(t, bin, db, "contact", "1", "--channel", "call", "--summary", "c-"+m, "--ticket", "T-"+m, "--promise", "P-"+m+"@2026-12-05")
			if r.code != 0 {
				t.Errorf("writer: %s", r)
				return
			}
			stored.Add(1)
		}
	})
	for stored.Load() < 30 {
		time.Sleep(5 * time.Millisecond)
	}
	before := stored.Load()
	backup := filepath.Join(dir, "backup.db")
	r := mustRun(t, bin, db, "backup", backup)
	after := stored.Load()
	close(stop)
	wg.Wait()
	if !strings.Contains(r.stdout, "Backup written to") {
		t.Errorf("backup said: %s", r)
	}
	wantMode(t, backup, 0o600)

	if _, err := os.Stat(db + "-wal"); err != nil {
		t.Errorf("no -wal file while the case file was in use; the test would not show a plain copy to miss it: %v", err)
	}

	s, err := casefile.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIntegrity(t, s.DB())
	checkWholeContacts(t, s.DB())
	var n int64
	must(t, s.DB().QueryRow("SELECT count(*) FROM contacts").Scan(&n))
	// A contact may be stored during the backup: at most one in flight.
	if n < before || n > after+1 {
		t.Errorf("the backup holds %d contacts; %d were stored before it began and %d when it ended", n, before, after)
	}
	t.Logf("backup of %d contacts (%d before, %d after)", n, before, after)
	mustRun(t, bin, backup, "show", "1", "--json")

	copyBefore := readFile(t, backup)
	r = runBin(t, bin, db, "backup", backup)
	if r.code != 1 || !bytes.Equal(readFile(t, backup), copyBefore) {
		t.Errorf("backup over an existing file: %s", r)
	}
	checkOneLineError(t, r.stderr, "already exists")
}
