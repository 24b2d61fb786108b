package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// countingReader hands out n bytes of text and counts what was taken.
type countingReader struct{ n, read int }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.read >= c.n {
		return 0, io.EOF
	}
	k := min(len(p), c.n-c.read)
	for i := range p[:k] {
		p[i] = 'a'
	}
	c.read += k
	return k, nil
}

// A 50 MB reply is refused before it is read: a file by its size, a pipe
// after at most a few MB; nothing is stored.
func TestReplyTooBig(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"REDRESS_DB": filepath.Join(dir, "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00"}
	getenv := func(k string) string { return env[k] }
	redress := func(stdin *countingReader, args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := run(args, stdin, &stdout, &stderr, getenv)
		return stdout.String(), stderr.String(), code
	}
	if _, stderr, code := redress(&countingReader{}, "new", "--title", "t"); code != 0 {
		t.Fatal(stderr)
	}
	big := filepath.Join(dir, "big.eml")
	f, err := os.Create(big)
	must(t, err)
	must(t, f.Truncate(50<<20)) // sparse: 50 MB without writing them
	must(t, f.Close())

	_, stderr, code := redress(&countingReader{}, "reply", "1", big, "--record")
	if code != exitError || !strings.Contains(stderr, "redress: the reply is bigger than 5 MB") || !strings.Contains(stderr, "nothing was stored") {
		t.Errorf("file: exit %d\n%s", code, stderr)
	}
	pipe := &countingReader{n: 50 << 20}
	_, stderr, code = redress(pipe, "reply", "1", "-", "--record")
	if code != exitError || !strings.Contains(stderr, "bigger than 5 MB") {
		t.Errorf("pipe: exit %d\n%s", code, stderr)
	}
	if pipe.read > 6<<20 {
		t.Errorf("read %d bytes of a 50 MB pipe before refusing it", pipe.read)
	}
	stdout, _, _ := redress(&countingReader{}, "show", "1", "--json")
	if !strings.Contains(stdout, `"contacts": []`) {
		t.Errorf("something was stored:\n%s", stdout)
	}
}
