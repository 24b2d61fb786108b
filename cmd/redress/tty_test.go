package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFormsOnARealTerminal runs the forms on a real 80×24 terminal (tmux,
// which keeps the screen a person would see) and checks what is on it:
// step 4's opening lines are all in view with the highlighted one among
// them, nothing of step 1 stays on screen in step 2, and the first
// question of 'new' is in view.
func TestFormsOnARealTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatalf("tmux is needed to test the forms on a terminal ('make tools' installs it): %v", err)
	}
	bin := buildRedress(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	mustRun(t, bin, db, "new", "--no-input", "--title", "Refund for headphones", "--company", "Acme",
		"--problem", "Returned on 5 Nov, no refund yet", "--outcome", "a refund of 49.90 EUR to my card by Friday")
	mustRun(t, bin, db, "ticket", "1", "A-1234")
	mustRun(t, bin, db, "contact", "1", "--channel", "call", "--rep", "Anna")

	tm := newTmux(t, dir)

	// Step 4: the opening lines are long; each must be one row in view.
	tm.start(bin, "--db", db, "prep", "1", "--step", "4")
	tm.waitFor("Step 4 of 9")
	tm.keys("Enter") // answer the step
	screen := tm.waitFor("Write my own")
	for _, want := range []string{"Your opening line", "Hello, thank you for taking my call", "Hi, I'm calling about", "following up", "Write my own"} {
		if !strings.Contains(screen, want) {
			t.Errorf("step 4 on a 24-row terminal: %q is not in view:\n%s", want, screen)
		}
	}
	if !strings.Contains(screen, "> ") {
		t.Errorf("step 4: the highlighted option is not in view:\n%s", screen)
	}
	for i, l := range strings.Split(screen, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("step 4 screen line %d is wider than the terminal: %q", i+1, l)
		}
	}
	tm.keys("Down", "Enter")
	tm.waitExit()
	r := mustRun(t, bin, db, "show", "1", "--json")
	if !strings.Contains(r.stdout, `"opening_line": "Hello, thank you for taking my call`) && !strings.Contains(r.stdout, `"opening_line": "Hi, I'm calling about`) {
		t.Errorf("the chosen opening line was not saved:\n%s", r.stdout)
	}

	// Steps 1 and 2: step 1's search phrases are gone when step 2 asks.
	tm.start(bin, "--db", db, "prep", "1")
	tm.waitFor("Step 1 of 9")
	tm.keys("Enter")
	tm.waitFor("Search for:")
	tm.keys("Enter") // no finding
	tm.waitFor("Something you already tried")
	tm.keys("Enter") // nothing tried
	screen = tm.waitFor("Step 2 of 9")
	if strings.Contains(screen, "Search for:") || strings.Contains(screen, "Acme Refund for headphones") {
		t.Errorf("step 1 is still on screen in step 2:\n%s", screen)
	}
	tm.keys("C-c")
	tm.waitExit()

	// new: the first question is in view on a 24-row terminal.
	tm.start(bin, "--db", db, "new")
	screen = tm.waitFor("Company")
	if !strings.Contains(screen, "A short name for the case") {
		t.Errorf("new on a 24-row terminal: the first label scrolled off:\n%s", screen)
	}
	tm.keys("C-c")
	tm.waitExit()
}

// tmux drives one program at a time on a private tmux server of 80×24.
type tmux struct {
	t      *testing.T
	socket string
	dir    string
	n      int
}

func newTmux(t *testing.T, dir string) *tmux {
	tm := &tmux{t: t, socket: fmt.Sprintf("redress-test-%d", os.Getpid()), dir: dir}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs the command in a new 80×24 window; a marker file says when
// it ended.
func (tm *tmux) start(args ...string) {
	tm.t.Helper()
	tm.n++
	env := []string{shellQuote("PATH=" + os.Getenv("PATH")), shellQuote("HOME=" + tm.dir)}
	for _, kv := range []string{"REDRESS_NOW=2026-11-23T10:00:00+09:00", "TZ=Asia/Seoul", "LANG=C.UTF-8", "NO_COLOR=1", "REDRESS_LANG=en"} {
		env = append(env, shellQuote(kv))
	}
	var quoted []string
	for _, a := range args {
		quoted = append(quoted, shellQuote(a))
	}
	done := filepath.Join(tm.dir, fmt.Sprintf("done-%d", tm.n))
	cmd := "env -i " + strings.Join(env, " ") + " TERM=xterm-256color " + strings.Join(quoted, " ") + "; touch " + shellQuote(done) + "; sleep 30"
	// One window at a time: end the last one (its server) first.
	exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
	time.Sleep(100 * time.Millisecond)
	tm.run("new-session", "-d", "-x", "80", "-y", "24", "-s", "t", cmd)
}

func (tm *tmux) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "t"}, keys...)...)
}

// waitFor waits until the screen shows want, and returns the screen.
func (tm *tmux) waitFor(want string) string {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := tm.run("capture-pane", "-p", "-t", "t")
		if strings.Contains(screen, want) {
			time.Sleep(200 * time.Millisecond) // let the frame finish drawing
			return tm.run("capture-pane", "-p", "-t", "t")
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q:\n%s", want, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitExit waits until the program of the last start has ended.
func (tm *tmux) waitExit() {
	tm.t.Helper()
	done := filepath.Join(tm.dir, fmt.Sprintf("done-%d", tm.n))
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(done); err == nil {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the program did not end:\n%s", tm.run("capture-pane", "-p", "-t", "t"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
