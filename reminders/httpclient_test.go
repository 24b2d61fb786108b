package reminders

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// catcher is a server that must never be reached: it counts requests and
// whether they carried a password.
func catcher(t *testing.T, tls bool) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
	var hits, withAuth atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("Authorization") != "" {
			withAuth.Add(1)
		}
		w.WriteHeader(http.StatusMultiStatus)
	})
	var s *httptest.Server
	if tls {
		s = httptest.NewTLSServer(h)
	} else {
		s = httptest.NewServer(h)
	}
	t.Cleanup(s.Close)
	return s, &hits, &withAuth
}

// A server on https that redirects elsewhere: to plain http on the same
// host, or to another port. With a password neither is followed: the
// password and the events would go in cleartext, or to another service
// (issue 15, problem 6; go's client keeps Authorization across both).
func TestRedirectElsewhereIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		tls  bool
	}{{"https to http", false}, {"to another port", true}} {
		t.Run(tc.name, func(t *testing.T) {
			other, hits, withAuth := catcher(t, tc.tls)
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
			}))
			defer srv.Close()
			if !strings.HasPrefix(srv.URL, "https://127.0.0.1:") {
				t.Fatalf("test server at %s", srv.URL)
			}
			base, err := CheckURL(srv.URL+"/dav/", true, false)
			if err != nil {
				t.Fatal(err)
			}
			// Trust both test servers' certificates.
			tr := srv.Client().Transport.(*http.Transport).Clone()
			tr.TLSClientConfig.InsecureSkipVerify = true
			hc := NewHTTPClient(base, "alice", "s3cret", 5*time.Second, tr)
			_, err = Connect(context.Background(), hc, base.String(), false)
			var re *RedirectError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a refused redirect", err)
			}
			if hits.Load() != 0 || withAuth.Load() != 0 {
				t.Fatalf("the other server got %d requests (%d with the password)", hits.Load(), withAuth.Load())
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Fatalf("the error shows the password: %v", err)
			}
		})
	}
}

// The password goes to --url's server only: a request to another origin
// (say, an href in a PROPFIND answer) carries none.
func TestPasswordOnlyToItsOrigin(t *testing.T) {
	other, _, withAuth := catcher(t, false)
	base, _ := url.Parse("http://127.0.0.1:1/")
	hc := NewHTTPClient(base, "alice", "s3cret", 5*time.Second, nil)
	req, _ := http.NewRequest("PROPFIND", other.URL+"/", nil)
	if _, err := hc.Do(req); err == nil {
		t.Fatal("a request to another origin went out")
	}
	if withAuth.Load() != 0 {
		t.Fatal("the password went to another origin")
	}
}

func TestCheckURL(t *testing.T) {
	for _, tc := range []struct {
		url      string
		password bool
		insecure bool
		want     error
	}{
		{"https://dav.example.com/cal/", true, false, nil},
		{"http://127.0.0.1:5232/", true, false, nil},
		{"http://localhost:5232/", true, false, nil},
		{"http://[::1]:5232/", true, false, nil},
		{"http://dav.example.com/", true, false, ErrInsecure},
		{"http://dav.example.com/", true, true, nil},
		{"http://dav.example.com/", false, false, nil},
		{"http://alice:secret@dav.example.com/", false, false, ErrPasswordInURL},
		{"https://alice:secret@dav.example.com/", true, true, ErrPasswordInURL},
		{"http://alice:secret@dav example.com/%zz", false, false, ErrPasswordInURL},
		{"not a url", false, false, ErrNotHTTP},
		{"ftp://dav.example.com/", false, false, ErrNotHTTP},
	} {
		_, err := CheckURL(tc.url, tc.password, tc.insecure)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s (password %v, insecure %v): err = %v, want %v", tc.url, tc.password, tc.insecure, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: the error shows the password: %v", tc.url, err)
		}
	}
}

// A server that answers without end is cut off at the limit (issue 15,
// problem 10: a 30 MB PROPFIND answer took 394 MB before failing).
func TestHugeAnswerIsCutOff(t *testing.T) {
	old := maxResponse
	maxResponse = 1 << 20
	defer func() { maxResponse = old }()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusMultiStatus)
		io.WriteString(w, `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/`)
		chunk := strings.Repeat("a", 64<<10)
		for i := 0; i < 64; i++ { // 4 MiB
			if _, err := io.WriteString(w, chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/")
	hc := NewHTTPClient(base, "", "", 5*time.Second, nil)
	_, err := Connect(context.Background(), hc, base.String(), false)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}
