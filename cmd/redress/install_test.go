package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the repository this package lives in (cmd/redress).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestPlainGoBuildSaysHowToFix builds redress the way a newcomer would,
// with a plain 'go build' and no -tags sqlite_fts5, and checks that the
// first command that needs the case file says what is wrong and how to
// fix it, without creating a case file it could not use.
func TestPlainGoBuildSaysHowToFix(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed for this test: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "redress")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false", "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(t.TempDir(), "data", "cases.db")
	for _, tc := range []struct {
		args      []string
		msg, hint string
		lang      string
	}{
		{[]string{"list"}, "redress: this redress was built without full-text search (SQLite FTS5)",
			"hint: rebuild it with 'make install', or: CGO_ENABLED=1 go install -tags sqlite_fts5 ./cmd/redress", "en"},
		{[]string{"--lang", "ko", "new", "--title", "x"}, "redress: 이 redress는 사건 파일에 필요한 전문 검색(SQLite FTS5) 없이 빌드되었습니다",
			"go install -tags sqlite_fts5 ./cmd/redress", "ko"},
	} {
		r := runBin(t, bin, db, tc.args...)
		if r.code != exitError || !strings.Contains(r.stderr, tc.msg) || !strings.Contains(r.stderr, tc.hint) {
			t.Errorf("redress %s from a plain go build: %s", strings.Join(tc.args, " "), r)
		}
		if strings.Contains(r.stderr, "no such module") {
			t.Errorf("the raw SQLite error leaked: %s", r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("a binary without FTS5 touched the disk: %v", err)
	}
	// Commands that need no case file still work.
	if r := runBin(t, bin, db, "--help"); r.code != 0 || !strings.Contains(r.stdout, "redress new") {
		t.Errorf("--help from a plain go build: %s", r)
	}
}

// TestMakeInstallRunsTheWalkthrough installs redress with 'make install
// PREFIX=...' and runs every command of the README's walkthrough with the
// installed binary, found on PATH as a user's shell would find it.
func TestMakeInstallRunsTheWalkthrough(t *testing.T) {
	root := repoRoot(t)
	prefix := t.TempDir()
	install := exec.Command("make", "-C", root, "install", "PREFIX="+prefix)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	} else if !strings.Contains(string(out), "not on your PATH") {
		t.Errorf("make install into a folder off the PATH did not say so:\n%s", out)
	}
	fi, err := os.Stat(filepath.Join(prefix, "bin", "redress"))
	if err != nil || fi.Mode().Perm()&0o111 == 0 {
		t.Fatalf("make install left no executable in PREFIX/bin: %v", err)
	}

	cmds, callLines := readmeWalkthrough(t, filepath.Join(root, "README.md"))
	if len(cmds) < 15 || len(callLines) < 3 {
		t.Fatalf("found %d commands and %d call lines in the README walkthrough", len(cmds), len(callLines))
	}
	work := t.TempDir()
	env := append(binEnv(), "PATH="+filepath.Join(prefix, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"),
		"REDRESS_DB="+filepath.Join(work, "cases.db"), "HOME="+work)
	for _, line := range cmds {
		cmd := exec.Command("sh", "-c", line)
		cmd.Dir = work
		cmd.Env = env
		want := 0
		fields := strings.Fields(line)
		switch {
		case len(fields) == 3 && fields[1] == "call":
			cmd.Stdin = strings.NewReader(strings.Join(callLines, "\n") + "\n")
		case len(fields) == 3 && fields[1] == "prep":
			// The form, answered the way a screen reader user would: skip
			// each of the nine steps.
			cmd.Env = append(env, "ACCESSIBLE=1")
			cmd.Stdin = strings.NewReader(strings.Repeat("n\n", 9))
		case strings.Contains(line, "prep 1 --check"):
			want = exitNotReady // not ready: research and references were skipped
		}
		r := runCmd(t, cmd)
		if r.code != want {
			t.Fatalf("%s: %s", line, r)
		}
		if strings.Contains(r.stderr, "redress:") {
			t.Errorf("%s printed an error: %s", line, r.stderr)
		}
	}
	// The walkthrough's facts are all in the case file.
	show := exec.Command("redress", "show", "1", "--json")
	show.Env, show.Dir = env, work
	r := runCmd(t, show)
	for _, want := range []string{`"A-1234"`, `"Anna"`, `"refund 49.90 EUR to my card"`, `"refunded on 27 Nov"`, `"closed"`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("after the walkthrough show --json lacks %s", want)
		}
	}
}

// readmeWalkthrough returns the redress commands of the README's
// walkthrough block (continuation lines joined) and the lines typed into
// its call (the indented comments under 'redress call').
func readmeWalkthrough(t *testing.T, path string) (cmds, callLines []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in, block := false, false
	var cur string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## A 60-second walkthrough"):
			in = true
		case in && !block && line == "```sh":
			block = true
		case block && line == "```":
			return cmds, callLines
		case block && strings.HasPrefix(line, "#   "):
			callLines = append(callLines, strings.TrimSpace(strings.TrimPrefix(line, "#")))
		case block && (cur != "" || strings.HasPrefix(line, "redress ")):
			code, _, _ := strings.Cut(line, "  #") // a trailing comment
			cur += strings.TrimSpace(code)
			if strings.HasSuffix(cur, "\\") {
				cur = strings.TrimSuffix(cur, "\\") + " "
				continue
			}
			cmds = append(cmds, cur)
			cur = ""
		}
	}
	t.Fatalf("no walkthrough block in %s", path)
	return nil, nil
}
