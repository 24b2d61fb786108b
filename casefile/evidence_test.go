package casefile

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile/outfile"
)

// jpeg is the start of a JPEG file: enough for content sniffing.
var jpeg = append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), bytes.Repeat([]byte{7}, 100)...)

func caseWithEvidence(t *testing.T, s *Store) Case {
	t.Helper()
	c := Case{Title: "Broken kettle", OpenedAt: t0}
	if err := s.CreateCase(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAttachKeepsHashTypeAndStoresContentOnce attaches a photo, a receipt
// and the same photo again under another name and to another case: each
// row has the SHA-256 of its content and a sniffed media type, the case
// that already had the photo gets no second row, and the content is stored
// once in the whole case file.
func TestAttachKeepsHashTypeAndStoresContentOnce(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	c := caseWithEvidence(t, s)
	other := caseWithEvidence(t, s)
	receipt := []byte("Order ORD-1: kettle 49.90 EUR\n")
	got, err := s.Attach(ctx, c.ID, []Attachment{
		{Name: "/home/me/Pictures/IMG_0042.JPG", Data: jpeg, Note: "the crack", At: t0.AddDate(0, 0, -3), AddedAt: t0},
		{Name: "receipt.txt", Data: receipt, At: t0, AddedAt: t0},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "IMG_0042.JPG" || got[0].MediaType != "image/jpeg" || got[0].Size != int64(len(jpeg)) ||
		got[0].Note != "the crack" || !got[0].At.Equal(t0.AddDate(0, 0, -3)) || got[0].Already {
		t.Fatalf("photo stored as %+v", got)
	}
	if got[1].SHA256 != SHA256Hex(receipt) || len(got[1].SHA256) != 64 || got[1].MediaType != "text/plain; charset=utf-8" {
		t.Errorf("receipt stored as %+v", got[1])
	}
	again, err := s.Attach(ctx, c.ID, []Attachment{{Name: "copy.jpg", Data: jpeg, At: t0, AddedAt: t0}})
	if err != nil {
		t.Fatal(err)
	}
	if !again[0].Already || again[0].ID != got[0].ID {
		t.Errorf("the same photo attached again to the same case: %+v, want the earlier evidence %d", again[0], got[0].ID)
	}
	elsewhere, err := s.Attach(ctx, other.ID, []Attachment{{Name: "kettle.jpg", Data: jpeg, At: t0, AddedAt: t0}})
	if err != nil || elsewhere[0].Already || elsewhere[0].CaseID != other.ID {
		t.Fatalf("the photo attached to another case: %+v, %v", elsewhere, err)
	}
	var rows, blobs int
	s.DB().QueryRow("SELECT count(*) FROM evidence").Scan(&rows)
	s.DB().QueryRow("SELECT count(*) FROM blobs").Scan(&blobs)
	if rows != 3 || blobs != 2 {
		t.Errorf("%d evidence rows and %d blobs, want 3 rows over 2 blobs", rows, blobs)
	}
	list, err := s.EvidenceOf(ctx, c.ID)
	if err != nil || len(list) != 2 || list[0].Name != "IMG_0042.JPG" {
		t.Errorf("EvidenceOf lists %+v, %v (oldest first)", list, err)
	}
	e, data, err := s.EvidenceFile(ctx, got[1].ID)
	if err != nil || !bytes.Equal(data, receipt) || e.Name != "receipt.txt" {
		t.Errorf("EvidenceFile gave %q, %+v, %v", data, e, err)
	}
	f, err := s.Full(ctx, c.ID)
	if err != nil || len(f.Evidence) != 2 {
		t.Errorf("Full carries %d pieces of evidence, %v", len(f.Evidence), err)
	}
}

// TestAttachRefusesTooLargeAndStoresNone: a file over the limit in a batch
// stores none of the batch, and the error says the size and the limit.
func TestAttachRefusesTooLargeAndStoresNone(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	c := caseWithEvidence(t, s)
	big := make([]byte, MaxEvidenceSize+1)
	_, err := s.Attach(ctx, c.ID, []Attachment{{Name: "ok.txt", Data: []byte("fine"), At: t0, AddedAt: t0},
		{Name: "video.mp4", Data: big, At: t0, AddedAt: t0}})
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "video.mp4 is 50000001 bytes, over the limit of 50.0 MB") {
		t.Errorf("got %v, want a TooLargeError naming the file", err)
	}
	// Exactly at the limit is accepted.
	if _, err := s.Attach(ctx, c.ID, []Attachment{{Name: "edge.bin", Data: big[:MaxEvidenceSize], At: t0, AddedAt: t0}}); err != nil {
		t.Errorf("a file of exactly the limit: %v", err)
	}
	list, _ := s.EvidenceOf(ctx, c.ID)
	if len(list) != 1 || list[0].Name != "edge.bin" {
		t.Errorf("after the refused batch the case holds %+v", list)
	}
	if _, err := s.Attach(ctx, 99, []Attachment{{Name: "x", Data: []byte("x"), At: t0, AddedAt: t0}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("attach to a missing case: %v", err)
	}
}

// TestDeleteEvidenceKeepsSharedContentAndDropsTheRest deletes evidence
// whose content another case still uses (the content stays), then the
// last user of it: the content stays while the history names it, so that
// undo can bring the evidence back whole; content nothing names goes.
func TestDeleteEvidenceKeepsSharedContentAndDropsTheRest(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	a, b := caseWithEvidence(t, s), caseWithEvidence(t, s)
	ea, err := s.Attach(ctx, a.ID, []Attachment{{Name: "p.jpg", Data: jpeg, At: t0, AddedAt: t0}})
	if err != nil {
		t.Fatal(err)
	}
	eb, err := s.Attach(ctx, b.ID, []Attachment{{Name: "p.jpg", Data: jpeg, At: t0, AddedAt: t0}})
	if err != nil {
		t.Fatal(err)
	}
	blobs := func() (n int) { s.DB().QueryRow("SELECT count(*) FROM blobs").Scan(&n); return }
	gone, err := s.DeleteEvidence(ctx, ea[0].ID)
	if err != nil || gone.Name != "p.jpg" || blobs() != 1 {
		t.Fatalf("delete of shared evidence: %+v, %v, %d blobs", gone, err, blobs())
	}
	if _, _, err := s.EvidenceFile(ctx, eb[0].ID); err != nil {
		t.Errorf("the other case's copy is unreadable: %v", err)
	}
	if _, err := s.DeleteEvidence(ctx, eb[0].ID); err != nil || blobs() != 1 {
		t.Errorf("delete of the last user: %v, %d blobs left, want the one the history names", err, blobs())
	}
	if _, err := s.DB().Exec("DELETE FROM history WHERE kind = 'evidence'"); err != nil {
		t.Fatal(err)
	}
	if err := s.WithTx(ctx, func(tx *sql.Tx) error { return pruneBlob(tx, SHA256Hex(jpeg)) }); err != nil || blobs() != 0 {
		t.Errorf("content nothing names is kept: %v, %d blobs", err, blobs())
	}
	if _, err := s.DeleteEvidence(ctx, eb[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
}

// TestEvidenceFileRefusesDamagedContent: content changed under its hash
// (a damaged case file) is reported, not handed back as the original.
func TestEvidenceFileRefusesDamagedContent(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	c := caseWithEvidence(t, s)
	e, err := s.Attach(ctx, c.ID, []Attachment{{Name: "r.txt", Data: []byte("receipt"), At: t0, AddedAt: t0}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec("UPDATE blobs SET data = ?", []byte("receipT")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.EvidenceFile(ctx, e[0].ID); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("got %v, want ErrBlobDamaged", err)
	}
	if _, err := s.ExportAll(ctx, t0); !errors.Is(err, ErrBlobDamaged) {
		t.Errorf("export of damaged content: %v, want ErrBlobDamaged", err)
	}
}

// TestBackupKeepsEvidence: the online backup is a case file holding the
// same evidence with the same content.
func TestBackupKeepsEvidence(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	c := caseWithEvidence(t, s)
	e, err := s.Attach(ctx, c.ID, []Attachment{{Name: "p.jpg", Data: jpeg, Note: "crack", At: t0, AddedAt: t0}})
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dest, outfile.Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got, data, err := b.EvidenceFile(ctx, e[0].ID)
	if err != nil || !bytes.Equal(data, jpeg) || got != e[0].Evidence {
		t.Errorf("backup holds %+v (%d bytes), %v; want %+v", got, len(data), err, e[0].Evidence)
	}
}

// TestExportImportCarriesEvidence: the export holds each content once, in
// base64, and a fresh case file imported from it gives back the same
// files, byte for byte.
func TestExportImportCarriesEvidence(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	a, b := caseWithEvidence(t, s), caseWithEvidence(t, s)
	if _, err := s.Attach(ctx, a.ID, []Attachment{{Name: "p.jpg", Data: jpeg, At: t0, AddedAt: t0},
		{Name: "empty.txt", Data: nil, At: t0, AddedAt: t0}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, b.ID, []Attachment{{Name: "same.jpg", Data: jpeg, At: t0, AddedAt: t0}}); err != nil {
		t.Fatal(err)
	}
	raw := exportJSON(t, s)
	if n := strings.Count(string(raw), SHA256Hex(jpeg)); n != 5 { // two evidence rows and their history, one blob
		t.Errorf("the photo's hash appears %d times in the export, want 5", n)
	}
	doc, err := DecodeExport(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blobs) != 2 {
		t.Errorf("%d blobs exported, want 2 (the photo once, the empty file)", len(doc.Blobs))
	}
	fresh := tempStore(t)
	if _, err := fresh.Import(ctx, doc); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{a.ID, b.ID} {
		want, _ := s.EvidenceOf(ctx, id)
		got, _ := fresh.EvidenceOf(ctx, id)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("case %d: imported evidence %+v, want %+v", id, got, want)
		}
		for _, e := range got {
			_, data, err := fresh.EvidenceFile(ctx, e.ID)
			if err != nil || SHA256Hex(data) != e.SHA256 {
				t.Errorf("imported %s: %v", e.Name, err)
			}
		}
	}
}

// TestEvidenceMigrationUpgradesAnOlderCaseFile makes a case file with the
// schema before evidence, with a case in it, and opens it with this build:
// the case is still there and takes evidence.
func TestEvidenceMigrationUpgradesAnOlderCaseFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	before := VersionBefore("_evidence")
	db := openAtVersion(t, path, before)
	if _, err := db.Exec(`INSERT INTO cases (title, opened_at) VALUES ('old case', '2026-11-01T10:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if before == 0 || before >= SchemaVersion() {
		t.Fatalf("the evidence migration is not the latest step (before %d, now %d)", before, SchemaVersion())
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Attach(ctx, 1, []Attachment{{Name: "p.jpg", Data: jpeg, At: t0, AddedAt: t0}}); err != nil {
		t.Fatalf("the upgraded file takes no evidence: %v", err)
	}
	f, err := s.Full(ctx, 1)
	if err != nil || f.Title != "old case" || len(f.Evidence) != 1 {
		t.Errorf("after the upgrade: %+v, %v", f.Case, err)
	}
}

func TestMediaTypeSniffsThenFallsBackOnTheExtension(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"x.bin", jpeg, "image/jpeg"},
		{"photo.txt", jpeg, "image/jpeg"}, // content beats a wrong extension
		{"scan.pdf", []byte("%PDF-1.7\n"), "application/pdf"},
		{"mail.eml", []byte("From: shop@example.com\r\nSubject: order\r\n"), "message/rfc822"},
		{"IMG_1.HEIC", []byte("\x00\x00\x00\x18ftypheic"), "image/heic"},
		{"notes", []byte("plain words"), "text/plain; charset=utf-8"},
		{"data", []byte{0, 1, 2, 3}, "application/octet-stream"},
	} {
		if got := MediaType(tt.name, tt.data); got != tt.want {
			t.Errorf("MediaType(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
