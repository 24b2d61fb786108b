package reminders

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"

	"github.com/redress-cli/redress/casefile"
)

// StartRadicale runs Radicale (Debian's radicale 3.1.8) on a free loopback
// port with its storage under the test's temp dir, makes the calendar
// /alice/reminders/ with a raw MKCALENDAR (go-webdav has none, and
// Radicale refuses a plain MKCOL for a calendar), and returns the
// calendar's URL. Any user name logs in ([auth] type = none); owner_only
// lets alice write only under /alice/. Radicale stops with the test.
func startRadicale(t *testing.T) string {
	t.Helper()
	need(t, "radicale")
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	conf := filepath.Join(dir, "config")
	err = os.WriteFile(conf, []byte(fmt.Sprintf(`[server]
hosts = %s
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = %s
[web]
type = none
[logging]
level = warning
`, addr, filepath.Join(dir, "collections"))), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("radicale", "--config", conf)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("radicale said:\n%s", logs.String())
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("radicale did not start on %s:\n%s", addr, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	body := `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>redress</D:displayname></D:prop></D:set>
</C:mkcalendar>`
	req, err := http.NewRequest("MKCALENDAR", base+"/alice/reminders/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("alice", "x")
	req.Header.Set("Content-Type", "application/xml; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("MKCALENDAR: %s", resp.Status)
	}
	return base + "/alice/reminders/"
}

// pushOnce is what `redress remind push` does: the reminders of the
// store's active cases, reconciled with the calendar's export state,
// pushed, and the state saved.
func pushOnce(t *testing.T, ctx context.Context, s *casefile.Store, r *Remote, now time.Time) PushResult {
	t.Helper()
	res, err := push(ctx, s, r, now)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func push(ctx context.Context, s *casefile.Store, r *Remote, now time.Time) (PushResult, error) {
	fileID, err := s.FileID(ctx)
	if err != nil {
		return PushResult{}, err
	}
	return pushAs(ctx, s, fileID, r, now)
}

// pushAs pushes with the UIDs of fileID ("" for the UIDs of a redress
// before file ids, "…@redress").
func pushAs(ctx context.Context, s *casefile.Store, fileID string, r *Remote, now time.Time) (PushResult, error) {
	cases, err := s.ActiveCases(ctx, 0)
	if err != nil {
		return PushResult{}, err
	}
	var rs []Reminder
	for _, f := range cases {
		rs = AppendIn(rs, fileID, f, seoul)
	}
	Sort(rs, seoul)
	prev, err := s.ExportRecords(ctx, "caldav "+r.URL, 0)
	if err != nil {
		return PushResult{}, err
	}
	items, save, err := Reconcile("caldav "+r.URL, rs, prev, now, seoul)
	if err != nil {
		return PushResult{}, err
	}
	return r.Push(ctx, items, save, Options{}, func(rec casefile.ExportRecord) error {
		return s.SaveExportRecords(context.WithoutCancel(ctx), []casefile.ExportRecord{rec})
	})
}

// onServer lists the calendar's events as "UID DTSTART SEQUENCE SUMMARY".
func onServer(t *testing.T, ctx context.Context, r *Remote) []string {
	t.Helper()
	comps, err := r.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range comps {
		uid, _ := c.Props.Text(ical.PropUID)
		summary, _ := c.Props.Text(ical.PropSummary)
		out = append(out, fmt.Sprintf("%s %s %s %s", uid, c.Props.Get(ical.PropDateTimeStart).Value,
			c.Props.Get(ical.PropSequence).Value, summary))
	}
	sort.Strings(out)
	return out
}

func TestRadicalePush(t *testing.T) {
	calURL := startRadicale(t)
	ctx := context.Background()
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := at(2026, 11, 23, 10)
	c := casefile.Case{Title: "Refund, headphones; 📦", Company: "Acme", OpenedAt: now}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	p1 := casefile.Promise{CaseID: c.ID, Text: "refund 49 EUR", By: "Anna", Due: day(2026, 11, 27), CreatedAt: now}
	p2 := casefile.Promise{CaseID: c.ID, Text: "call me back", Due: day(2026, 11, 25), CreatedAt: now}
	for _, p := range []*casefile.Promise{&p1, &p2} {
		if err := s.AddPromise(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddRef(ctx, &casefile.AccountRef{CaseID: c.ID, Label: "order number", Value: "ORD-2026-114821", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}

	// The server address is enough when the account has one calendar.
	hc := webdav.HTTPClientWithBasicAuth(&http.Client{Timeout: 10 * time.Second}, "alice", "x")
	r, err := Connect(ctx, hc, strings.TrimSuffix(calURL, "reminders/"), false)
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != calURL {
		t.Fatalf("found calendar %s, want %s", r.URL, calURL)
	}

	fid, _ := s.FileID(ctx)
	if res := pushOnce(t, ctx, s, r, now); res != (PushResult{Created: 4}) {
		t.Fatalf("first push: %+v", res)
	}
	want := []string{
		"case-1-promise-1-due@" + fid + ".redress 20261127 0 Check: refund 49 EUR promised by Anna",
		"case-1-promise-1-followup@" + fid + ".redress 20261130 0 Follow up: refund 49 EUR promised by Anna (was due Fri 27 Nov 2026)",
		"case-1-promise-2-due@" + fid + ".redress 20261125 0 Check: call me back",
		"case-1-promise-2-followup@" + fid + ".redress 20261126 0 Follow up: call me back (was due Wed 25 Nov 2026)",
	}
	if got := onServer(t, ctx, r); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the first push:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	// The company moves promise 1 to Monday; promise 2 is kept.
	if _, err := s.DB().Exec("UPDATE promises SET due = '2026-11-30' WHERE id = ?", p1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SettlePromise(ctx, p2.ID, casefile.PromiseKept, now); err != nil {
		t.Fatal(err)
	}
	if res := pushOnce(t, ctx, s, r, now.Add(time.Hour)); res != (PushResult{Updated: 2, Deleted: 2}) {
		t.Fatalf("second push: %+v", res)
	}
	want = []string{
		"case-1-promise-1-due@" + fid + ".redress 20261130 1 Check: refund 49 EUR promised by Anna",
		"case-1-promise-1-followup@" + fid + ".redress 20261201 1 Follow up: refund 49 EUR promised by Anna (was due Mon 30 Nov 2026)",
	}
	if got := onServer(t, ctx, r); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the second push:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	// A third push with nothing changed leaves the same two events.
	if res := pushOnce(t, ctx, s, r, now.Add(2*time.Hour)); res != (PushResult{Unchanged: 2}) {
		t.Fatalf("third push: %+v", res)
	}
	if got := onServer(t, ctx, r); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the third push:\n  %s", strings.Join(got, "\n  "))
	}

	// Nothing on the server carries the account reference.
	comps, _ := r.Events(ctx)
	var all strings.Builder
	enc := ical.NewEncoder(&all)
	for _, comp := range comps {
		cal := ical.NewCalendar()
		cal.Props.SetText(ical.PropProductID, "x")
		cal.Props.SetText(ical.PropVersion, "2.0")
		cal.Children = append(cal.Children, comp)
		enc.Encode(cal)
	}
	if strings.Contains(all.String(), "4821") || strings.Contains(all.String(), "order number") {
		t.Errorf("the calendar holds an account reference:\n%s", all.String())
	}
}

func TestConnectWithSeveralCalendarsNamesThem(t *testing.T) {
	calURL := startRadicale(t)
	base := strings.TrimSuffix(calURL, "reminders/")
	req, _ := http.NewRequest("MKCALENDAR", base+"work/", nil)
	req.SetBasicAuth("alice", "x")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("second MKCALENDAR: %v %v", resp, err)
	}
	resp.Body.Close()
	hc := webdav.HTTPClientWithBasicAuth(&http.Client{Timeout: 10 * time.Second}, "alice", "x")
	_, err = Connect(context.Background(), hc, base, false)
	nc, ok := err.(*NoCalendarError)
	if !ok || len(nc.Found) != 2 {
		t.Fatalf("two calendars: %v", err)
	}
	r, err := Connect(context.Background(), hc, calURL, false)
	if err != nil || r.URL != calURL {
		t.Fatalf("by its own address: %v, %v", r, err)
	}
}

func newStoreWithPromise(t *testing.T, ctx context.Context, text string, due casefile.Date) (*casefile.Store, casefile.Promise) {
	t.Helper()
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := at(2026, 11, 23, 10)
	c := casefile.Case{Title: "Refund", Company: "Acme", OpenedAt: now}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	p := casefile.Promise{CaseID: c.ID, Text: text, Due: due, CreatedAt: now}
	if err := s.AddPromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return s, p
}

// Two case files (two people on a family calendar, or a second --db) have
// the same case and promise numbers: pushed into one calendar, neither
// touches the other's events (issue 15, problem 4: the second push used to
// report "2 deleted" and remove the first file's reminders).
func TestTwoCaseFilesKeepEachOthersEvents(t *testing.T) {
	calURL := startRadicale(t)
	ctx := context.Background()
	now := at(2026, 11, 23, 10)
	a, _ := newStoreWithPromise(t, ctx, "refund 49 EUR", day(2026, 11, 27))
	b, pb := newStoreWithPromise(t, ctx, "deliver the parcel", day(2026, 11, 25))
	hc := webdav.HTTPClientWithBasicAuth(&http.Client{Timeout: 10 * time.Second}, "alice", "x")
	r, err := Connect(ctx, hc, calURL, false)
	if err != nil {
		t.Fatal(err)
	}
	if res := pushOnce(t, ctx, a, r, now); res != (PushResult{Created: 2}) {
		t.Fatalf("push of file A: %+v", res)
	}
	if res := pushOnce(t, ctx, b, r, now); res != (PushResult{Created: 2}) {
		t.Fatalf("push of file B: %+v", res)
	}
	if got := onServer(t, ctx, r); len(got) != 4 {
		t.Fatalf("the calendar holds %d events, want 4:\n  %s", len(got), strings.Join(got, "\n  "))
	}
	// B's promise is kept: B's push deletes B's two events only.
	if _, err := b.SettlePromise(ctx, pb.ID, casefile.PromiseKept, now); err != nil {
		t.Fatal(err)
	}
	if res := pushOnce(t, ctx, b, r, now.Add(time.Hour)); res != (PushResult{Deleted: 2}) {
		t.Fatalf("second push of file B: %+v", res)
	}
	if res := pushOnce(t, ctx, a, r, now.Add(time.Hour)); res != (PushResult{Unchanged: 2}) {
		t.Fatalf("second push of file A: %+v", res)
	}
	got := onServer(t, ctx, r)
	if len(got) != 2 || !strings.Contains(got[0], "refund 49 EUR") || !strings.Contains(got[1], "refund 49 EUR") {
		t.Fatalf("after B's promise was kept the calendar holds:\n  %s", strings.Join(got, "\n  "))
	}
}

// A calendar address that does not exist is named, not replaced by
// another calendar of the account; with create it is made (Radicale wants
// MKCALENDAR) and the push lands there.
func TestConnectCreatesAMissingCalendar(t *testing.T) {
	calURL := startRadicale(t)
	ctx := context.Background()
	newURL := strings.TrimSuffix(calURL, "reminders/") + "redress/"
	hc := webdav.HTTPClientWithBasicAuth(&http.Client{Timeout: 10 * time.Second}, "alice", "x")
	_, err := Connect(ctx, hc, newURL, false)
	var nc *NoCalendarError
	if !errors.As(err, &nc) || nc.Missing != newURL {
		t.Fatalf("missing calendar without create: %v", err)
	}
	r, err := Connect(ctx, hc, newURL, true)
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != newURL {
		t.Fatalf("pushing into %s, want %s", r.URL, newURL)
	}
	s, _ := newStoreWithPromise(t, ctx, "refund", day(2026, 11, 27))
	if res := pushOnce(t, ctx, s, r, at(2026, 11, 23, 10)); res.Created != 2 {
		t.Fatalf("push into the new calendar: %+v", res)
	}
}

// A push interrupted after some events (Ctrl-C, a dropped line) resumes:
// the events already sent are recorded and not sent again.
func TestInterruptedPushResumes(t *testing.T) {
	calURL := startRadicale(t)
	s, _ := newStoreWithPromise(t, context.Background(), "refund", day(2026, 11, 27))
	p := casefile.Promise{CaseID: 1, Text: "call back", Due: day(2026, 11, 25), CreatedAt: at(2026, 11, 23, 10)}
	if err := s.AddPromise(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	hc := webdav.HTTPClientWithBasicAuth(&http.Client{Timeout: 10 * time.Second}, "alice", "x")
	r, err := Connect(context.Background(), hc, calURL, false)
	if err != nil {
		t.Fatal(err)
	}
	// Cancel after the first event is written, as Ctrl-C would.
	ctx, cancel := context.WithCancel(context.Background())
	var sent int
	counting := &http.Client{Timeout: 10 * time.Second, Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		req.SetBasicAuth("alice", "x")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if req.Method == http.MethodPut {
			if sent++; sent == 1 {
				cancel()
			}
		}
		return resp, err
	})}
	r2, err := Connect(context.Background(), counting, calURL, false)
	if err != nil {
		t.Fatal(err)
	}
	res, err := push(ctx, s, r2, at(2026, 11, 23, 10))
	if !errors.Is(err, context.Canceled) || res.Created != 1 {
		t.Fatalf("interrupted push: %+v, %v", res, err)
	}
	res = pushOnce(t, context.Background(), s, r, at(2026, 11, 23, 11))
	if res != (PushResult{Created: 3, Unchanged: 1}) {
		t.Fatalf("the resumed push: %+v", res)
	}
	if got := onServer(t, context.Background(), r); len(got) != 4 {
		t.Fatalf("calendar holds %v", got)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A calendar filled by a redress before file ids ("…@redress" UIDs) has
// its events replaced once by the first push after the migration: the old
// ones deleted, the new ones created; the push after that changes nothing.
func TestOldUIDsReplacedOnceOnPush(t *testing.T) {
	calURL := startRadicale(t)
	ctx := context.Background()
	now := at(2026, 11, 23, 10)
	s, _ := newStoreWithPromise(t, ctx, "refund", day(2026, 11, 27))
	hc := webdav.HTTPClientWithBasicAuth(&http.Client{Timeout: 10 * time.Second}, "alice", "x")
	r, err := Connect(ctx, hc, calURL, false)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := pushAs(ctx, s, "", r, now); err != nil || res != (PushResult{Created: 2}) {
		t.Fatalf("push with the old UIDs: %+v %v", res, err)
	}
	if res := pushOnce(t, ctx, s, r, now.Add(time.Hour)); res != (PushResult{Created: 2, Deleted: 2}) {
		t.Fatalf("first push with the file id: %+v", res)
	}
	if res := pushOnce(t, ctx, s, r, now.Add(2*time.Hour)); res != (PushResult{Unchanged: 2}) {
		t.Fatalf("second push with the file id: %+v", res)
	}
	fid, _ := s.FileID(ctx)
	for _, e := range onServer(t, ctx, r) {
		if !strings.Contains(e, "@"+fid+".redress ") {
			t.Errorf("left on the server: %s", e)
		}
	}
}
