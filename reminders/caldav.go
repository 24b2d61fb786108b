package reminders

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"

	"github.com/redress-cli/redress/casefile"
)

// Remote is a CalDAV calendar that reminders are pushed into.
type Remote struct {
	client   *caldav.Client
	Calendar caldav.Calendar
	// URL is the calendar's full address: the export-state target of a
	// push is "caldav " + URL, so two calendars keep apart states.
	URL string
}

// NoCalendarError says that the URL did not lead to one calendar.
type NoCalendarError struct {
	Found []string // the calendars' URLs, when there are several
	// Missing is the calendar address the URL names that does not exist
	// (a path under the account's calendar home): push --create makes it.
	Missing string
}

func (e *NoCalendarError) Error() string {
	switch {
	case e.Missing != "":
		return casefile.Say("push_missing_calendar", e.Missing)
	case len(e.Found) == 0:
		return casefile.Say("push_no_calendar")
	}
	return casefile.Say("push_several", len(e.Found))
}

// CalDAVError is a step of talking to the server that failed. Step is a
// key of the words catalog (caldav_<Step>): "address", "account", "home",
// "list", "read"; Err is the server's or the network's own error.
type CalDAVError struct {
	Step string
	Err  error
}

func (e *CalDAVError) Error() string { return e.Step + ": " + e.Err.Error() }
func (e *CalDAVError) Unwrap() error { return e.Err }

// Connect finds the calendar at endpoint. endpoint may be the calendar
// itself, or the server or principal address of an account with exactly
// one calendar for events. Discovery follows RFC 4791: the current user's
// principal, its calendar home set, the calendars in it. A calendar
// address under the home set that does not exist is made when create is
// set (MKCALENDAR, then an extended MKCOL), and otherwise is a
// NoCalendarError with Missing set: redress never pushes into some other
// calendar than the one named.
func Connect(ctx context.Context, hc webdav.HTTPClient, endpoint string, create bool) (*Remote, error) {
	base, err := url.Parse(endpoint)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, ErrNotHTTP
	}
	sc := &statusClient{hc: hc}
	hc = sc
	c, err := caldav.NewClient(hc, endpoint)
	if err != nil {
		return nil, ErrNotHTTP
	}
	principal, err := c.FindCurrentUserPrincipal(ctx)
	if err != nil && sc.last == http.StatusNotFound && trimSlash(base.Path) != "" {
		// A calendar address that does not exist yet: discover from the
		// server's root instead.
		root := *base
		root.Path = "/"
		if c, err = caldav.NewClient(hc, root.String()); err != nil {
			return nil, ErrNotHTTP
		}
		principal, err = c.FindCurrentUserPrincipal(ctx)
	}
	if err != nil && sc.last == http.StatusUnauthorized {
		return nil, ErrUnauthorized
	}
	if err != nil {
		return nil, &CalDAVError{Step: "account", Err: err}
	}
	home, err := c.FindCalendarHomeSet(ctx, principal)
	if err != nil {
		return nil, &CalDAVError{Step: "home", Err: err}
	}
	cals, err := c.FindCalendars(ctx, home)
	if err != nil {
		return nil, &CalDAVError{Step: "list", Err: err}
	}
	var events []caldav.Calendar
	for _, cal := range cals {
		if trimSlash(cal.Path) == trimSlash(base.Path) {
			return newRemote(c, base, cal), nil
		}
		if supportsEvents(cal) {
			events = append(events, cal)
		}
	}
	if want := trimSlash(base.Path); strings.HasPrefix(want, trimSlash(home)+"/") {
		// The URL names a calendar in the account's home that is not there.
		if !create {
			return nil, &NoCalendarError{Missing: resolve(base, want+"/")}
		}
		if err := makeCalendar(ctx, hc, resolve(base, want+"/")); err != nil {
			return nil, err
		}
		return Connect(ctx, hc, resolve(base, want+"/"), false)
	}
	switch len(events) {
	case 0:
		return nil, &NoCalendarError{}
	case 1:
		return newRemote(c, base, events[0]), nil
	}
	e := &NoCalendarError{}
	for _, cal := range events {
		e.Found = append(e.Found, resolve(base, cal.Path))
	}
	return nil, e
}

// makeCalendar creates the calendar at u: MKCALENDAR (RFC 4791), which
// go-webdav lacks and Radicale needs, then, for a server that knows only
// WebDAV's extended MKCOL (RFC 5689), that.
func makeCalendar(ctx context.Context, hc webdav.HTTPClient, u string) error {
	const mkcalendar = `<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>redress</D:displayname></D:prop></D:set>
</C:mkcalendar>`
	const mkcol = `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop>
    <D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
    <D:displayname>redress</D:displayname>
  </D:prop></D:set>
</D:mkcol>`
	var last int
	for _, try := range []struct{ method, body string }{{"MKCALENDAR", mkcalendar}, {"MKCOL", mkcol}} {
		req, err := http.NewRequestWithContext(ctx, try.method, u, strings.NewReader(try.body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/xml; charset=utf-8")
		resp, err := hc.Do(req)
		if err != nil {
			return &CalDAVError{Step: "create", Err: err}
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if resp.StatusCode == http.StatusCreated {
			return nil
		}
		if resp.StatusCode == http.StatusUnauthorized {
			return ErrUnauthorized
		}
		last = resp.StatusCode
	}
	return &CalDAVError{Step: "create", Err: fmt.Errorf("%d %s", last, http.StatusText(last))}
}

// statusClient remembers the status of the last answer, which go-webdav's
// errors do not export: a 404 sends discovery to the server's root, a 401
// is named as a refused password.
type statusClient struct {
	hc   webdav.HTTPClient
	last int
}

func (c *statusClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	c.last = 0
	if resp != nil {
		c.last = resp.StatusCode
	}
	return resp, err
}

func newRemote(c *caldav.Client, base *url.URL, cal caldav.Calendar) *Remote {
	return &Remote{client: c, Calendar: cal, URL: resolve(base, cal.Path)}
}

func resolve(base *url.URL, p string) string {
	u := *base
	u.Path, u.RawPath, u.RawQuery, u.Fragment, u.User = p, "", "", "", nil
	return u.String()
}

func trimSlash(p string) string { return strings.TrimSuffix(p, "/") }

func supportsEvents(cal caldav.Calendar) bool {
	if len(cal.SupportedComponentSet) == 0 {
		return true // not advertised: any component
	}
	for _, c := range cal.SupportedComponentSet {
		if strings.EqualFold(c, ical.CompEvent) {
			return true
		}
	}
	return false
}

// ObjectPath is where a reminder lives in the calendar: its UID, made safe
// for a URL path, with ".ics". Deriving it from the UID makes a push an
// update by UID: the same reminder always lands on the same resource, and
// the reminders of two case files (whose UIDs differ in the file id) on
// different ones. UIDs from before file ids ("…@redress") keep the names
// they had, so a push can delete them.
func (r *Remote) ObjectPath(uid string) string {
	name := strings.Map(func(c rune) rune {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.':
			return c
		}
		return '_'
	}, strings.TrimSuffix(uid, "@redress"))
	return path.Join(r.Calendar.Path, name+".ics")
}

// PushResult counts what a push did.
type PushResult struct {
	Created, Updated, Unchanged, Deleted int
}

// Push writes every current reminder that changed since the last push (or
// that is missing from the calendar), creating or replacing it at its
// UID's path, and deletes the cancelled ones that are there. Each PUT is a
// whole calendar object with one component, as CalDAV requires.
//
// save are the export records Reconcile returned; after each event is
// written or deleted its record is passed to done, so an interrupted push
// (a dropped connection, Ctrl-C) resumes where it stopped.
func (r *Remote) Push(ctx context.Context, items []Item, save []casefile.ExportRecord, opts Options, done func(casefile.ExportRecord) error) (PushResult, error) {
	var res PushResult
	pending := make(map[string]casefile.ExportRecord, len(save))
	for _, rec := range save {
		pending[rec.UID] = rec
	}
	existing := map[string]bool{}
	infos, err := r.client.ReadDir(ctx, r.Calendar.Path, false)
	if err != nil {
		return res, &CalDAVError{Step: "read", Err: err}
	}
	for _, fi := range infos {
		existing[trimSlash(fi.Path)] = true
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		p := r.ObjectPath(it.UID)
		rec, changed := pending[it.UID]
		switch {
		case it.Cancelled && existing[p]:
			if err := r.client.RemoveAll(ctx, p); err != nil {
				return res, fmt.Errorf("deleting %s: %w", it.UID, err)
			}
			res.Deleted++
		case it.Cancelled:
		case !changed && existing[p]:
			res.Unchanged++
			continue
		default:
			if _, err := r.client.PutCalendarObject(ctx, p, Calendar([]Item{it}, opts)); err != nil {
				return res, fmt.Errorf("writing %s: %w", it.UID, err)
			}
			if existing[p] {
				res.Updated++
			} else {
				res.Created++
			}
		}
		if changed && done != nil {
			if err := done(rec); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// Events reads back every event and to-do in the calendar, for tests and
// for checking what a push left there.
func (r *Remote) Events(ctx context.Context) ([]*ical.Component, error) {
	var out []*ical.Component
	for _, name := range []string{ical.CompEvent, ical.CompToDo} {
		objs, err := r.client.QueryCalendar(ctx, r.Calendar.Path, &caldav.CalendarQuery{
			CompRequest: caldav.CalendarCompRequest{Name: ical.CompCalendar, AllProps: true, AllComps: true},
			CompFilter:  caldav.CompFilter{Name: ical.CompCalendar, Comps: []caldav.CompFilter{{Name: name}}},
		})
		if err != nil {
			return nil, err
		}
		for _, o := range objs {
			for _, c := range o.Data.Children {
				if c.Name == name {
					out = append(out, c)
				}
			}
		}
	}
	return out, nil
}
