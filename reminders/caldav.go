package reminders

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"
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
}

func (e *NoCalendarError) Error() string {
	if len(e.Found) == 0 {
		return "no calendar found at that address"
	}
	return fmt.Sprintf("%d calendars found; say which one", len(e.Found)) // words:ok mapped to err_calendars_found
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
// principal, its calendar home set, the calendars in it. redress never
// creates a calendar on the server: go-webdav has no MKCALENDAR, and a
// calendar the user made in their own client is the one they look at.
func Connect(ctx context.Context, hc webdav.HTTPClient, endpoint string) (*Remote, error) {
	base, err := url.Parse(endpoint)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, &CalDAVError{Step: "address", Err: fmt.Errorf("%q", endpoint)}
	}
	c, err := caldav.NewClient(hc, endpoint)
	if err != nil {
		return nil, err
	}
	principal, err := c.FindCurrentUserPrincipal(ctx)
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
// update by UID: the same reminder always lands on the same resource.
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
	Put, Deleted int
}

// Push writes every current reminder (create or replace at its UID's
// path) and deletes the cancelled ones that are there. Each PUT is a whole
// calendar object with one component, as CalDAV requires.
func (r *Remote) Push(ctx context.Context, items []Item, opts Options) (PushResult, error) {
	var res PushResult
	existing := map[string]bool{}
	infos, err := r.client.ReadDir(ctx, r.Calendar.Path, false)
	if err != nil {
		return res, &CalDAVError{Step: "read", Err: err}
	}
	for _, fi := range infos {
		existing[trimSlash(fi.Path)] = true
	}
	for _, it := range items {
		p := r.ObjectPath(it.UID)
		if it.Cancelled {
			if !existing[p] {
				continue
			}
			if err := r.client.RemoveAll(ctx, p); err != nil {
				return res, fmt.Errorf("deleting %s: %w", it.UID, err)
			}
			res.Deleted++
			continue
		}
		if _, err := r.client.PutCalendarObject(ctx, p, Calendar([]Item{it}, opts)); err != nil {
			return res, fmt.Errorf("writing %s: %w", it.UID, err)
		}
		res.Put++
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
