package outfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func write(path string, opts Options, text string) error {
	return Write(path, opts, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

func TestNewFileIsPrivateAndComplete(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "letter.txt")
	if err := write(p, Options{}, "hello\n"); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(p); string(b) != "hello\n" {
		t.Errorf("content %q", b)
	}
	assertNoTemp(t, filepath.Dir(p), 1)
}

func assertNoTemp(t *testing.T, dir string, want int) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != want {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want %d file(s)", names, want)
	}
}

func TestExistingFileKeptUnlessForce(t *testing.T) {
	p := filepath.Join(t.TempDir(), "letter.txt")
	os.WriteFile(p, []byte("mine"), 0o644)
	err := write(p, Options{}, "new")
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "mine" {
		t.Fatalf("existing file changed: %q", b)
	}
	if err := write(p, Options{Force: true}, "new"); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if b, _ := os.ReadFile(p); string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("after --force: %q mode %v", b, st.Mode().Perm())
	}
}

func TestSymlinkNeverFollowed(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "precious")
	os.WriteFile(target, []byte("precious"), 0o644)
	link := filepath.Join(dir, "out.txt")
	os.Symlink(target, link)
	dangling := filepath.Join(dir, "dangling.txt")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	for _, force := range []bool{false, true} {
		if err := write(link, Options{Force: force}, "x"); !errors.Is(err, ErrSymlink) {
			t.Errorf("force=%v: err = %v, want ErrSymlink", force, err)
		}
		if err := write(dangling, Options{Force: force}, "x"); !errors.Is(err, ErrSymlink) {
			t.Errorf("dangling force=%v: err = %v, want ErrSymlink", force, err)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Fatalf("target changed: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
		t.Fatal("a dangling link's target was created")
	}
}

func TestCaseFileNeverReplaced(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	os.WriteFile(db, []byte("SQLite format 3\x00"), 0o600)
	hard := filepath.Join(dir, "other-name.db")
	os.Link(db, hard)
	for _, p := range []string{db, dir + "/../" + filepath.Base(dir) + "/cases.db", db + "-wal", db + "-shm", db + "-journal", hard} {
		err := write(p, Options{Force: true, Protect: []string{db}}, "letter")
		if !errors.Is(err, ErrProtected) {
			t.Errorf("%s: err = %v, want ErrProtected", p, err)
		}
	}
	if b, _ := os.ReadFile(db); string(b) != "SQLite format 3\x00" {
		t.Fatalf("case file changed: %q", b)
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		t.Fatal("a -wal file was made")
	}
}

func TestFIFOWrittenInto(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal("cannot make a FIFO to test with:", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	if err := write(fifo, Options{}, "through the pipe\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-got:
		if string(b) != "through the pipe\n" {
			t.Fatalf("reader got %q", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reader got nothing")
	}
	st, _ := os.Lstat(fifo)
	if st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO became %v", st.Mode())
	}
}

func TestFullDisk(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Fatal("no /dev/full to test a full disk with:", err)
	}
	err := write("/dev/full", Options{}, "x")
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want no space left", err)
	}
	st, _ := os.Lstat("/dev/full")
	if st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/full became %v", st.Mode())
	}
}

func TestStdout(t *testing.T) {
	for _, p := range []string{"-", "/dev/stdout"} {
		var buf bytes.Buffer
		f, err := Create(p, Options{Stdout: &buf})
		if err != nil {
			t.Fatal(err)
		}
		if f.Kind() != KindStream {
			t.Errorf("%s: kind %v", p, f.Kind())
		}
		io.WriteString(f, "out")
		if err := f.Commit(); err != nil || buf.String() != "out" {
			t.Fatalf("%s: %v %q", p, err, buf.String())
		}
	}
	if _, err := Create("-", Options{RegularOnly: true}); !errors.Is(err, ErrNotFile) {
		t.Fatalf("RegularOnly: err = %v", err)
	}
}

func TestFailedWriteLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.ics")
	err := Write(p, Options{}, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("no error")
	}
	assertNoTemp(t, dir, 0)
}

func TestAppearedMeanwhileNotReplaced(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.txt")
	f, err := Create(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "ours")
	os.WriteFile(p, []byte("theirs"), 0o600)
	if err := f.Commit(); !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "theirs" {
		t.Fatalf("%q", b)
	}
}
