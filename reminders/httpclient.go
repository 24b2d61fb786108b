package reminders

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// The ways a CalDAV address or server is refused before or while a
// password could leave the machine.
var (
	ErrNotHTTP       error = casefile.NewMessage("push_not_http")
	ErrPasswordInURL error = casefile.NewMessage("push_url_password")
	ErrInsecure      error = casefile.NewMessage("push_insecure")
	ErrUnauthorized  error = casefile.NewMessage("push_unauthorized")
	ErrTooLarge      error = casefile.NewMessage("push_too_large")
)

// MaxResponseBytes bounds one answer from a CalDAV server: a hostile or
// broken server cannot make redress read without end.
const MaxResponseBytes = 64 << 20

// maxResponse is MaxResponseBytes; tests lower it.
var maxResponse int64 = MaxResponseBytes

// RedirectError is a redirect refused because it would take the
// credentials (or the events) to another scheme, host or port.
type RedirectError struct{ From, To string }

func (e *RedirectError) Error() string {
	return casefile.Say("push_redirect", e.From, e.To)
}

// CheckURL reads a CalDAV address and refuses what would leak the
// password: a user name or password inside it (it would sit in the shell
// history and the process list; it is never echoed back), and plain http
// with a password to any host but this machine, unless insecure. Errors
// never contain the address.
func CheckURL(endpoint string, withPassword, insecure bool) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(endpoint))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		if u != nil && u.User != nil {
			return nil, ErrPasswordInURL
		}
		if strings.Contains(endpoint, "@") {
			// Unparsable, but it may hold a password: say nothing of it.
			return nil, ErrPasswordInURL
		}
		return nil, ErrNotHTTP
	}
	if u.User != nil {
		return nil, ErrPasswordInURL
	}
	if u.Scheme == "http" && withPassword && !insecure && !isLoopback(u.Hostname()) {
		return nil, ErrInsecure
	}
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Redact is u without user info, query or fragment: safe to print.
func Redact(u *url.URL) string {
	r := *u
	r.User, r.RawQuery, r.Fragment, r.ForceQuery = nil, "", "", false
	return r.String()
}

// NewHTTPClient is the client a push talks through. The password goes
// only to base's scheme, host and port: a redirect elsewhere is refused
// (RedirectError) while credentials are set, and a redirect from https to
// http always. Every answer is cut off after MaxResponseBytes.
// transport may be nil (http.DefaultTransport).
func NewHTTPClient(base *url.URL, user, password string, timeout time.Duration, transport http.RoundTripper) *http.Client {
	if transport == nil {
		transport = http.DefaultTransport
	}
	origin := originOf(base)
	return &http.Client{
		Timeout:   timeout,
		Transport: &guardTransport{base: transport, origin: origin, user: user, password: password},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return casefile.NewMessage("push_too_many_redirects")
			}
			prev := via[len(via)-1].URL
			to := originOf(req.URL)
			if (user != "" || password != "") && to != origin || prev.Scheme == "https" && req.URL.Scheme != "https" {
				return &RedirectError{From: Redact(prev), To: Redact(req.URL)}
			}
			return nil
		},
	}
}

// originOf is scheme://host:port with the default port spelled out, so
// that https://h/ and https://h:443/ are one origin and h:8443 another.
func originOf(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return strings.ToLower(u.Scheme + "://" + u.Hostname() + ":" + port)
}

type guardTransport struct {
	base           http.RoundTripper
	origin         string
	user, password string
}

func (t *guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.user != "" || t.password != "" {
		if originOf(req.URL) != t.origin {
			return nil, &RedirectError{From: t.origin, To: Redact(req.URL)}
		}
		req = req.Clone(req.Context())
		req.SetBasicAuth(t.user, t.password)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = &limitedBody{rc: resp.Body, left: maxResponse}
	return resp, nil
}

// limitedBody fails a read past the limit instead of reading on.
type limitedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		var one [1]byte
		if n, _ := b.rc.Read(one[:]); n > 0 {
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
