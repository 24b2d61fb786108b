package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
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
	if got, want := redress(push...), "Pushed to "+calURL+": 4 created, 0 updated, 0 unchanged, 0 deleted\n"; got != want {
		t.Fatalf("first push said %q, want %q", got, want)
	}
	redress("promise", "kept", "2")
	if got, want := redress(push...), "Pushed to "+calURL+": 0 created, 0 updated, 2 unchanged, 2 deleted\n"; got != want {
		t.Fatalf("second push said %q, want %q", got, want)
	}
	if got, want := redress(push...), "Pushed to "+calURL+": 0 created, 0 updated, 2 unchanged, 0 deleted\n"; got != want {
		t.Fatalf("third push said %q, want %q", got, want)
	}
	// A calendar that does not exist: the hint says how to make it, and
	// --create makes it.
	newCal := []string{"remind", "push", "--url", "http://" + addr + "/me/redress/", "--user", "me", "--password-env", "MY_PASS"}
	code, out := runRedress(env, newCal...)
	if code != exitError || !strings.Contains(out, "there is no calendar at http://"+addr+"/me/redress/") || !strings.Contains(out, "--create") {
		t.Fatalf("push to a missing calendar: exit %d\n%s", code, out)
	}
	if got, want := redress(append(newCal, "--create")...), "Pushed to http://"+addr+"/me/redress/: 2 created, 0 updated, 0 unchanged, 0 deleted\n"; got != want {
		t.Fatalf("push --create said %q, want %q", got, want)
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
	fid := fileIDOf(t, env["REDRESS_DB"])
	if strings.Join(names, " ") != "case-1-promise-1-due_"+fid+".redress.ics case-1-promise-1-followup_"+fid+".redress.ics" {
		t.Fatalf("calendar holds %v", names)
	}
}

// fileIDOf reads a case file's id the way redress does.
func fileIDOf(t *testing.T, db string) string {
	t.Helper()
	s, err := casefile.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.FileID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func runRedress(env map[string]string, args ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	return code, out.String() + errOut.String()
}

// A 401 names the variable the password came from; a redirect to another
// port of the same host is not followed with the password (issue 15,
// problems 6 and 7). Both servers are on loopback, inside the test.
func TestRemindPushGuards(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		w.WriteHeader(http.StatusMultiStatus)
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/moved"):
			http.Redirect(w, r, other.URL+"/", http.StatusTemporaryRedirect)
		default:
			w.Header().Set("WWW-Authenticate", `Basic realm="dav"`)
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
		}
	}))
	defer srv.Close()
	env := map[string]string{"REDRESS_DB": filepath.Join(t.TempDir(), "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00",
		"REDRESS_LANG": "en", "MY_PASS": "s3cret"}
	runRedress(env, "new", "--title", "Refund")
	code, out := runRedress(env, "remind", "push", "--url", srv.URL+"/", "--user", "me", "--password-env", "MY_PASS")
	if code != exitError || !strings.Contains(out, "401") || !strings.Contains(out, "hint: the password was read from MY_PASS") {
		t.Fatalf("401: exit %d\n%s", code, out)
	}
	code, out = runRedress(env, "remind", "push", "--url", srv.URL+"/moved/", "--user", "me", "--password-env", "MY_PASS")
	if code != exitError || !strings.Contains(out, "redirected from") || leaked.Load() != 0 {
		t.Fatalf("redirect to another port: exit %d, %d leaked\n%s", code, leaked.Load(), out)
	}
	if strings.Contains(out, "s3cret") {
		t.Fatalf("the password is in the output:\n%s", out)
	}
}
