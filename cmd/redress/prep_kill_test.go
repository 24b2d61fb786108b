package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestKillingPrepKeepsAnsweredSteps answers steps 1 to 4 of a prep form,
// kills the process with SIGKILL while it waits at step 5, and checks that
// steps 1 to 4 are in the case file.
func TestKillingPrepKeepsAnsweredSteps(t *testing.T) {
	k := newKillable(t, "ACCESSIBLE=1")
	redress := k.run
	redress("", "new", "--no-input", "--title", "Refund for headphones", "--company", "Acme")

	cmd, stdin, stderr := k.start("prep", "1")
	answers := "y\nFAQ says 14 days\n\n\n" + // 1: one finding, nothing tried
		"y\n\norder number=ORD-1234\n\ny\nn\ny\n" + // 2: a reference, receipt yes, photos no, PIN yes
		"y\nNo refund after the return\nrefund 49.90 EUR\n\n" + // 3
		"y\n2\n" // 4: the second suggested opening
	if _, err := io.WriteString(stdin, answers); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "Step 5 of 9") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("prep never reached step 5:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	var got struct {
		Problem string `json:"problem"`
		Outcome string `json:"outcome"`
		Notes   []struct{ Kind, Text string }
		Refs    []struct{ Label string }
		Prep    struct {
			HaveReceipt string            `json:"have_receipt"`
			OpeningLine string            `json:"opening_line"`
			Steps       map[string]string `json:"steps"`
		}
	}
	if err := json.Unmarshal([]byte(redress("", "show", "1", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"1", "2", "3", "4"} {
		if got.Prep.Steps[step] != "done" {
			t.Errorf("step %s is %q after the kill, want done", step, got.Prep.Steps[step])
		}
	}
	if _, ok := got.Prep.Steps["5"]; ok {
		t.Error("step 5 was recorded though it was never answered")
	}
	if len(got.Notes) != 1 || got.Notes[0].Text != "FAQ says 14 days" || len(got.Refs) != 1 ||
		got.Prep.HaveReceipt != "yes" || got.Problem != "No refund after the return" ||
		got.Outcome != "refund 49.90 EUR" || !strings.HasPrefix(got.Prep.OpeningLine, "Hi, I'm calling about") {
		t.Errorf("answers lost: %+v", got)
	}
}

// killable is a redress on PATH (installed by testscript.Main) with its own
// case file and a fixed clock, for tests that kill it midway: run runs a
// command to the end, start starts one to kill.
type killable struct {
	t   *testing.T
	bin string
	env []string
}

func newKillable(t *testing.T, extraEnv ...string) *killable {
	bin, err := exec.LookPath("redress")
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "cases.db")
	env := append(os.Environ(), "REDRESS_DB="+db, "REDRESS_NOW=2026-11-23T10:00:00+09:00", "TZ=Asia/Seoul", "REDRESS_LANG=en")
	return &killable{t: t, bin: bin, env: append(env, extraEnv...)}
}

// run runs redress with stdin and returns its output, failing the test
// unless it exits 0.
func (k *killable) run(stdin string, args ...string) string {
	cmd := exec.Command(k.bin, args...)
	cmd.Env, cmd.Stdin = k.env, strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		k.t.Fatalf("redress %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start starts redress with a stdin pipe and stderr collected.
func (k *killable) start(args ...string) (*exec.Cmd, io.WriteCloser, *syncBuffer) {
	cmd := exec.Command(k.bin, args...)
	cmd.Env = k.env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		k.t.Fatal(err)
	}
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		k.t.Fatal(err)
	}
	return cmd, stdin, stderr
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
