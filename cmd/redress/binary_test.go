package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRealBinary runs the properties that need real processes (a process
// killed mid-write, eight writers at once, files the binary must refuse)
// against one redress binary built for it. Subtests run one after another:
// they measure timing-sensitive things and the machine may have two cores.
func TestRealBinary(t *testing.T) {
	bin := buildRedress(t)
	t.Run("CrashSafety", func(t *testing.T) { testCrashSafety(t, bin) })
	t.Run("CrashSafetyOfCorrections", func(t *testing.T) { testCrashSafetyOfCorrections(t, bin) })
	t.Run("Concurrency", func(t *testing.T) { testConcurrency(t, bin) })
	t.Run("HostileFiles", func(t *testing.T) { testHostileFiles(t, bin) })
	t.Run("PrivateFilesUnderUmask0", func(t *testing.T) { testPrivateFilesUnderUmask0(t, bin) })
	t.Run("RevealOnATerminal", func(t *testing.T) { testRevealOnATerminal(t, bin) })
	t.Run("BackupWhileWriting", func(t *testing.T) { testBackupWhileWriting(t, bin) })
}

// buildRedress compiles this package into a temporary folder. The folder is
// made traversable for every user, because one hostile-file test runs the
// binary as an unprivileged user.
func buildRedress(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "redress")
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build redress for this test: %v", err)
	}
	// GOFLAGS (with -tags=sqlite_fts5) comes from the Makefile or go env.
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// binEnv is the environment of every redress the tests start: a fixed
// clock, English, plain output, and no case file chosen by the machine.
func binEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "REDRESS_DB" && k != "REDRESS_LANG" && k != "REDRESS_NOW" && !strings.HasPrefix(k, "LC_") && k != "LANG" {
			env = append(env, kv)
		}
	}
	return append(env, "REDRESS_NOW=2026-11-23T10:00:00+09:00", "TZ=Asia/Seoul", "LANG=C.UTF-8", "NO_COLOR=1")
}

type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\nstdout: " + r.stdout + "\nstderr: " + r.stderr
}

// runBin runs redress on case file db and waits for it.
func runBin(t *testing.T, bin, db string, args ...string) result {
	t.Helper()
	return runCmd(t, exec.Command(bin, append([]string{"--db", db}, args...)...))
}

func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if cmd.Env == nil {
		cmd.Env = binEnv()
	}
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", shortArgs(cmd.Args), err)
	}
	return r
}

// mustRun runs redress and fails the test unless it exits 0.
func mustRun(t *testing.T, bin, db string, args ...string) result {
	t.Helper()
	r := runBin(t, bin, db, args...)
	if r.code != 0 {
		t.Fatalf("redress %s: %s", shortArgs(args), r)
	}
	return r
}

// shortArgs shows a command line in a message, long arguments cut short.
func shortArgs(args []string) string {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if len(a) > 60 {
			a = a[:60] + "…"
		}
		b.WriteString(a)
	}
	return b.String()
}
