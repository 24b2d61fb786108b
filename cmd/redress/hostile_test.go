package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// testHostileFiles points redress at files it must refuse or cannot
// write: cut short, random bytes, random bytes behind a real header, from
// a newer redress, read-only (immutable, and 0400 for an ordinary user),
// and on a full disk. Each write gives one "redress:" line (and at most a
// hint), exit 1, and leaves the file byte for byte as it was; a read of a
// healthy file that is only unwritable still works, and once the disk has
// room again, nothing was lost.
func testHostileFiles(t *testing.T, bin string) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	mustRun(t, bin, good, "new", "--title", "Broken kettle", "--company", "Kettles")
	for i := range 40 {
		mustRun(t, bin, good, "note", "1", fmt.Sprintf("note %d %s", i, strings.Repeat("x", 2000)))
	}
	mustRun(t, bin, good, "ref", "1", "order number", "ORD-2026-114821")
	goodBytes := readFile(t, good)
	if _, err := os.Stat(good + "-wal"); err == nil {
		t.Fatal("the last redress left a -wal file; the copies below would not be whole case files")
	}
	wantJSON := mustRun(t, bin, good, "show", "1", "--json").stdout

	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, len(goodBytes))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	// 300 KB of note in three arguments (one argument may not pass 128 KB).
	bigNote := []string{"note", "1", strings.Repeat("y", 100_000), strings.Repeat("y", 100_000), strings.Repeat("y", 100_000)}

	tests := []struct {
		name string
		// setup makes the file at path (and whatever around it) and returns
		// a function that makes it writable again; what must be undone for
		// the test to clean up is registered with t.Cleanup.
		setup     func(t *testing.T, path string) (writable func())
		write     []string
		wantErr   string // in the one error line of the write
		readOK    bool   // list still works: the file is healthy, only unwritable
		runAs     *syscall.Credential
		sameAfter bool // once writable again, the case reads back as before
	}{
		{name: "cut short by 100 bytes", setup: writeBytes(goodBytes[:len(goodBytes)-100]),
			write: []string{"note", "1", "hello"}, wantErr: "the case file is damaged"},
		{name: "cut short by a page", setup: writeBytes(goodBytes[:len(goodBytes)-4096]),
			write: []string{"note", "1", "hello"}, wantErr: "the case file is damaged"},
		{name: "cut in half", setup: writeBytes(goodBytes[:len(goodBytes)/2/4096*4096]),
			write: []string{"note", "1", "hello"}, wantErr: "the case file is damaged"},
		{name: "random bytes", setup: writeBytes(random[:8192]),
			write: []string{"note", "1", "hello"}, wantErr: "not a redress case file"},
		{name: "random bytes behind a real header", setup: writeBytes(append(append([]byte(nil), goodBytes[:100]...), random[:len(goodBytes)-100]...)),
			write: []string{"note", "1", "hello"}, wantErr: "damaged"},
		{name: "from a newer redress", setup: func(t *testing.T, path string) func() {
			writeBytes(goodBytes)(t, path)
			db, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				t.Fatal(err)
			}
			return func() {}
		}, write: []string{"note", "1", "hello"}, wantErr: "case file is from a newer version of redress"},
		// root writes through permission bits, so for root the file is made
		// immutable (chattr +i: even root's open for writing fails).
		{name: "immutable (chattr +i)", setup: func(t *testing.T, path string) func() {
			writeBytes(goodBytes)(t, path)
			runTool(t, "chattr", "+i", path)
			t.Cleanup(func() { runTool(t, "chattr", "-i", path) })
			return func() { runTool(t, "chattr", "-i", path) }
		}, write: []string{"note", "1", "hello"}, wantErr: "the case file is read-only", readOK: true, sameAfter: true},
		// What a user does: chmod 0400, then run redress as that user.
		{name: "chmod 0400, ordinary user", setup: func(t *testing.T, path string) func() {
			writeBytes(goodBytes)(t, path)
			// The unprivileged user must reach the folder.
			for d := filepath.Dir(path); d != os.TempDir(); d = filepath.Dir(d) {
				must(t, os.Chmod(d, 0o777))
			}
			must(t, os.Chown(path, 65534, 65534))
			must(t, os.Chmod(path, 0o400))
			return func() { must(t, os.Chmod(path, 0o600)) }
		}, runAs: &syscall.Credential{Uid: 65534, Gid: 65534},
			write: []string{"note", "1", "hello"}, wantErr: "the case file is read-only", readOK: true, sameAfter: true},
		// A tmpfs with room for the case file and SQLite's shared-memory
		// index but not for a 300 KB note: SQLite reports the disk full.
		{name: "full disk", setup: func(t *testing.T, path string) func() {
			smallDisk(t, filepath.Dir(path), len(goodBytes)+96*1024)
			writeBytes(goodBytes)(t, path)
			return func() {}
		}, write: bigNote, wantErr: "the disk is full", readOK: true, sameAfter: true},
		// No room at all: not even the shared-memory index can be made.
		{name: "full disk, not a byte left", setup: func(t *testing.T, path string) func() {
			smallDisk(t, filepath.Dir(path), len(goodBytes)+96*1024)
			writeBytes(goodBytes)(t, path)
			fill(t, filepath.Join(filepath.Dir(path), "filler"))
			return func() { must(t, os.Remove(filepath.Join(filepath.Dir(path), "filler"))) }
		}, write: []string{"note", "1", "hello"}, wantErr: "no space left on device", sameAfter: true},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sub", "cases.db")
			must(t, os.MkdirAll(filepath.Dir(path), 0o700))
			writable := tt.setup(t, path)
			before := readFile(t, path)
			runIt := func(args ...string) result {
				cmd := exec.Command(bin, append([]string{"--db", path}, args...)...)
				if tt.runAs != nil {
					cmd.SysProcAttr = &syscall.SysProcAttr{Credential: tt.runAs}
				}
				return runCmd(t, cmd)
			}

			r := runIt(tt.write...)
			if r.code != 1 {
				t.Errorf("write: want exit 1, got %s", r)
			}
			checkOneLineError(t, r.stderr, tt.wantErr)
			if r.stdout != "" {
				t.Errorf("write printed on stdout: %q", r.stdout)
			}
			r = runIt("list")
			if tt.readOK && (r.code != 0 || r.stderr != "") {
				t.Errorf("list of a healthy but unwritable file: %s", r)
			}
			if !tt.readOK {
				if r.code != 1 {
					t.Errorf("list: want exit 1, got %s", r)
				}
				checkOneLineError(t, r.stderr, "")
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Errorf("the case file changed (%d bytes before, %d after)", len(before), len(after))
			}
			if tt.sameAfter {
				writable()
				if got := mustRun(t, bin, path, "show", "1", "--json").stdout; got != wantJSON {
					t.Errorf("once writable again, the case reads differently:\n%s", got)
				}
			}
		})
	}
}

// checkOneLineError wants stderr to be one "redress: " line containing
// want, optionally followed by one "hint: " line, and nothing of a panic.
func checkOneLineError(t *testing.T, stderr, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	switch {
	case !strings.HasPrefix(lines[0], "redress: ") || !strings.Contains(lines[0], want):
		t.Errorf("want one line \"redress: ...%s...\", got:\n%s", want, stderr)
	case len(lines) > 2 || len(lines) == 2 && !strings.HasPrefix(lines[1], "hint: "):
		t.Errorf("want one error line and at most a hint, got:\n%s", stderr)
	}
}

func writeBytes(b []byte) func(t *testing.T, path string) func() {
	return func(t *testing.T, path string) func() {
		must(t, os.WriteFile(path, b, 0o600))
		return func() {}
	}
}

// smallDisk mounts a tmpfs of size bytes on dir (which must be empty)
// until the test ends: a real full disk, which needs root (CAP_SYS_ADMIN);
// the test fails, rather than skips, without it.
func smallDisk(t *testing.T, dir string, size int) {
	t.Helper()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d,mode=0700", size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mounting a small tmpfs for the full-disk test needs root: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", dir, err, out)
		}
	})
}

// fill writes to path until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !strings.Contains(err.Error(), "no space left") {
				t.Fatal(err)
			}
			return
		}
	}
}

func runTool(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
