package casefile

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// FuzzImport feeds import any bytes. It must not panic; a document it
// refuses leaves the case file (which holds a case already) as it was; a
// document it takes exports and imports again into a fresh file to the
// same export.
func FuzzImport(f *testing.F) {
	g := &gen{t: &testing.T{}, r: rand.New(rand.NewPCG(5, 6)), ids: map[string]int64{}}
	doc := &Export{Format: exportFormat, Version: ExportVersion, Cases: []Full{g.full(10), g.full(11)}}
	doc.Blobs = g.takeBlobs()
	valid, _ := json.Marshal(doc)
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add([]byte(strings.Replace(string(valid), `"channel":`, `"channel": "pigeon", "x":`, 1)))
	f.Add([]byte(`{"format": "redress-export", "version": 1, "cases": [{"id": 5, "title": "x", "opened_at": "2026-11-23T10:00:00Z"}]}`))
	f.Add([]byte(`{"format": "redress-export", "version": 1, "cases": [{"id": 1, "title": "clash", "opened_at": "2026-11-23T10:00:00Z"}]}`))
	f.Add([]byte(`{"format": "redress-export", "version": 2}`))
	f.Add([]byte(`{"format": "redress-export", "version": 1, "cases": null}`))
	f.Add([]byte(`{"format": "redress-export", "version": 1, "cases": [{"id": 5, "title": "x", "opened_at": "2026-11-23T10:00:00Z", "promises": [{"id": 1, "text": "t", "due": "2026-13-45", "status": "pending", "created_at": "2026-11-23T10:00:00Z"}]}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		s := tempStore(t)
		c := Case{Title: "already here", OpenedAt: t0}
		if err := s.CreateCase(ctx, &c); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, s)
		doc, err := DecodeExport(bytes.NewReader(data))
		if err == nil {
			_, err = s.Import(ctx, doc)
		}
		if err != nil {
			if after := snapshot(t, s); after != before {
				t.Fatalf("a refused import (%v) changed the case file", err)
			}
			return
		}
		first := exportJSON(t, s)
		again, err := DecodeExport(bytes.NewReader(first))
		if err != nil {
			t.Fatalf("an export does not read back: %v\n%s", err, first)
		}
		fresh := tempStore(t)
		if _, err := fresh.Import(ctx, again); err != nil {
			t.Fatalf("an export does not import: %v\n%s", err, first)
		}
		if second := exportJSON(t, fresh); !bytes.Equal(first, second) {
			t.Fatalf("export → import → export differs:\n%s\n%s", first, second)
		}
	})
}
