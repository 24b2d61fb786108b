package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestManPages builds bin/redress-man as `make man` does (redress with the
// man command, -tags redressman) and checks that it writes a page for the
// root command and for each command, naming its flags.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "redress-man")
	out, err := exec.Command("go", "build", "-tags=sqlite_fts5,redressman", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	pages := filepath.Join(dir, "man")
	cmd := exec.Command(bin, "man", pages)
	cmd.Env = append(binEnv(), "REDRESS_DB="+filepath.Join(dir, "cases.db"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("redress-man man: %v\n%s", err, out)
	}
	promise, err := os.ReadFile(filepath.Join(pages, "redress-promise.1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(promise), `\fB--due\fP`) {
		t.Errorf("redress-promise.1 has no entry for --due:\n%s", promise)
	}
	if _, err := os.Stat(filepath.Join(pages, "redress.1")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cases.db")); err == nil {
		t.Error("making the man pages made a case file")
	}
}
