package casefile_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Issue 15, problem 10: a 200 MB title imported (2.1 GB of memory), and
// then every list took 1.6 GB. Every value now has a limit with an error
// that names the field.
func TestLimits(t *testing.T) {
	ctx := context.Background()
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	long := strings.Repeat("x", casefile.MaxText+1)
	c := casefile.Case{Title: long, OpenedAt: now}
	var inv *casefile.InvalidError
	if err := s.CreateCase(ctx, &c); !errors.As(err, &inv) || inv.Field != "title" || !strings.Contains(err.Error(), `too-long "65 KiB" "64 KiB"`) {
		t.Fatalf("65 KiB title: %v", err)
	}
	c = casefile.Case{Title: "ok", Company: long, OpenedAt: now}
	if err := s.CreateCase(ctx, &c); !errors.As(err, &inv) || inv.Field != "company" {
		t.Fatalf("65 KiB company: %v", err)
	}
	// A problem, a note or a summary may be long, up to 1 MiB.
	c = casefile.Case{Title: "ok", Problem: long, OpenedAt: now}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatalf("65 KiB problem: %v", err)
	}
	if err := s.AddNote(ctx, &casefile.Note{CaseID: c.ID, Text: strings.Repeat("n", casefile.MaxLongText), At: now}); err != nil {
		t.Fatalf("1 MiB note: %v", err)
	}
	err = s.AddNote(ctx, &casefile.Note{CaseID: c.ID, Text: strings.Repeat("n", casefile.MaxLongText+1), At: now})
	if !errors.As(err, &inv) || inv.Field != "text" {
		t.Fatalf("1 MiB + 1 note: %v", err)
	}
	err = s.AddContact(ctx, &casefile.Contact{CaseID: c.ID, Channel: casefile.ChannelCall, Rep: long, At: now})
	if !errors.As(err, &inv) || inv.Field != "rep" {
		t.Fatalf("65 KiB rep: %v", err)
	}
	err = s.AddTicket(ctx, &casefile.Ticket{CaseID: c.ID, Number: long, CreatedAt: now})
	if !errors.As(err, &inv) {
		t.Fatalf("65 KiB ticket: %v", err)
	}

	// Import: a long title in a document is refused, nothing stored.
	doc, err := s.ExportAll(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	doc.Cases[0].Title = long
	b, _ := json.Marshal(doc)
	d, err := casefile.DecodeExport(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := casefile.Open(filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if _, err := fresh.Import(ctx, d); err == nil || !strings.Contains(err.Error(), "title") {
		t.Fatalf("import of a 65 KiB title: %v", err)
	}
	// A document over the import limit is refused before it is parsed.
	defer casefile.SetMaxImport(len(b) - 1)()
	if _, err := casefile.DecodeExport(bytes.NewReader(b)); err == nil || !strings.Contains(err.Error(), "too-large") {
		t.Fatalf("document over the limit: %v", err)
	}
}
