package main

import (
	"errors"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCtrlCInACallSaysHowToResume presses Ctrl-C (SIGINT) in a live call
// log and checks that redress says the lines are saved and how to go on,
// exits 130, and that --resume then continues the same call.
func TestCtrlCInACallSaysHowToResume(t *testing.T) {
	k := newKillable(t)
	k.run("", "new", "--title", "Refund for headphones", "--company", "Acme")
	cmd, stdin, stderr := k.start("call", "1")
	io.WriteString(stdin, "rep Anna (billing)\n")
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stderr.String(), "talking to Anna") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no acknowledgement:\n%s", stderr)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitCancelled {
		t.Errorf("after Ctrl-C: %v, want exit %d", err, exitCancelled)
	}
	for _, want := range []string{
		"redress: call 1 interrupted; every line you entered is saved\n",
		"hint: go on with 'redress call 1 --resume'\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("after Ctrl-C stderr lacks %q:\n%s", want, stderr)
		}
	}
	out := k.run("end\n", "call", "1", "--resume")
	if !strings.Contains(out, "Continuing call 1") || !strings.Contains(out, "your name is Anna") {
		t.Errorf("--resume after Ctrl-C:\n%s", out)
	}
}
