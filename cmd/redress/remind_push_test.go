package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRemindPushToRadicale runs `redress remind push` in-process against
// a real Radicale on a loopback port (reminders' own tests check what the
// server holds event by event; this one checks the command: discovery from
// the server address, the password from the environment, the summary line,
// and that a second push after a kept promise deletes its events).
func TestRemindPushToRadicale(t *testing.T) {
	if _, err := exec.LookPath("radicale"); err != nil {
		t.Fatal("radicale is not installed: run 'make tools'")
	}
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	conf := filepath.Join(dir, "config")
	os.WriteFile(conf, []byte(fmt.Sprintf("[server]\nhosts = %s\n[auth]\ntype = none\n[rights]\ntype = owner_only\n"+
		"[storage]\nfilesystem_folder = %s\n[web]\ntype = none\n", addr, filepath.Join(dir, "collections"))), 0o600)
	srv := exec.Command("radicale", "--config", conf)
	srv.Env = append(os.Environ(), "HOME="+dir)
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Since(start) > 15*time.Second {
			t.Fatal("radicale did not start")
		}
	}
	req, _ := http.NewRequest("MKCALENDAR", "http://"+addr+"/me/cal/", nil)
	req.SetBasicAuth("me", "pw")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("MKCALENDAR: %v %v", resp, err)
	}
	resp.Body.Close()

	env := map[string]string{"REDRESS_DB": filepath.Join(dir, "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00",
		"REDRESS_LANG": "en", "MY_PASS": "pw"}
	redress := func(args ...string) string {
		var out, errOut bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] }); code != 0 {
			t.Fatalf("redress %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
		}
		return out.String() + errOut.String()
	}
	redress("new", "--title", "Refund", "--company", "Acme")
	redress("promise", "1", "refund 49 EUR", "--due", "2026-11-27")
	redress("promise", "1", "call me back", "--due", "2026-11-25")
	push := []string{"remind", "push", "--url", "http://" + addr + "/", "--user", "me", "--password-env", "MY_PASS"}
	calURL := "http://" + addr + "/me/cal/"
	if got, want := redress(push...), "Pushed to "+calURL+": 4 created or updated, 0 deleted\n"; got != want {
		t.Fatalf("first push said %q, want %q", got, want)
	}
	redress("promise", "kept", "2")
	if got, want := redress(push...), "Pushed to "+calURL+": 2 created or updated, 2 deleted\n"; got != want {
		t.Fatalf("second push said %q, want %q", got, want)
	}
	objects, err := os.ReadDir(filepath.Join(dir, "collections", "collection-root", "me", "cal"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range objects {
		if strings.HasSuffix(o.Name(), ".ics") {
			names = append(names, o.Name())
		}
	}
	if strings.Join(names, " ") != "case-1-promise-1-due.ics case-1-promise-1-followup.ics" {
		t.Fatalf("calendar holds %v", names)
	}
}
