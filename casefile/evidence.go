package casefile

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxEvidenceSize is the largest file attach accepts (50 MB): the case
// file is one SQLite file that is backed up and exported whole, and a
// video of an hour would make every backup of it slow.
const MaxEvidenceSize = 50_000_000

// Evidence is a file kept with a case: a photo of the damage, a receipt,
// an email. Its content is stored once per SHA-256 in the case file.
type Evidence struct {
	ID        int64     `json:"id"`
	CaseID    int64     `json:"case_id"`
	SHA256    string    `json:"sha256"`
	Name      string    `json:"name"`       // the file's original name, without its folder
	MediaType string    `json:"media_type"` // "image/jpeg", "application/pdf", …
	Size      int64     `json:"size"`
	Note      string    `json:"note"`
	At        time.Time `json:"at"`       // when what it shows happened (default: when added)
	AddedAt   time.Time `json:"added_at"` // when it was attached
}

// IsImage reports whether the evidence is a picture a browser can show.
func (e Evidence) IsImage() bool {
	switch e.MediaType {
	case "image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp":
		return true
	}
	return false
}

// Attachment is one file to attach: its name, content and what to say of
// it. At and AddedAt are set by the caller (the operation's clock).
type Attachment struct {
	Name    string
	Data    []byte
	Note    string
	At      time.Time
	AddedAt time.Time
}

// Attached is what became of one attachment: the evidence row, and
// whether the case already had that same content (then nothing new was
// stored and Evidence is the earlier row).
type Attached struct {
	Evidence
	Already bool `json:"already_attached"`
}

// TooLargeError is a file over MaxEvidenceSize.
type TooLargeError struct {
	Name string
	Size int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is %d bytes, over the limit of %s a file", e.Name, e.Size, HumanSize(MaxEvidenceSize)) // words:ok mapped to evidence_too_large
}

// HumanSize words a byte count: "812 B", "14.2 KB", "3.1 MB".
func HumanSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1000*1000))
	}
}

// SHA256Hex is the hex SHA-256 of data, as evidence is keyed.
func SHA256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// extensionTypes name the types content sniffing cannot tell apart from
// plain text or bytes. A fixed table, not the system's mime.types, so the
// same file gets the same type on every machine.
var extensionTypes = map[string]string{
	".pdf":  "application/pdf",
	".eml":  "message/rfc822",
	".msg":  "application/vnd.ms-outlook",
	".txt":  "text/plain; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".json": "application/json",
	".heic": "image/heic",
	".heif": "image/heif",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".odt":  "application/vnd.oasis.opendocument.text",
	".mp3":  "audio/mpeg",
	".m4a":  "audio/mp4",
	".mp4":  "video/mp4",
	".mov":  "video/quicktime",
}

// MediaType sniffs data (net/http's content sniffing, which reads the
// first 512 bytes) and falls back on the name's extension when the
// content alone says only "text" or "bytes", or is a zip that is really
// an office document.
func MediaType(name string, data []byte) string {
	sniffed := http.DetectContentType(data)
	byExt, known := extensionTypes[strings.ToLower(filepath.Ext(name))]
	switch {
	case !known:
		return sniffed
	case sniffed == "application/octet-stream", strings.HasPrefix(sniffed, "text/plain"):
		return byExt
	case sniffed == "application/zip" && (strings.Contains(byExt, "openxml") || strings.Contains(byExt, "opendocument")):
		return byExt
	}
	return sniffed
}

// Attach stores files as evidence of a case, all in one transaction: a
// file over the limit, or a case that does not exist, stores none. The
// same content is stored once in the case file however many cases or
// names it is attached under; attached to the same case again, it is
// reported as already there and nothing is added.
func (s *Store) Attach(ctx context.Context, caseID int64, files []Attachment) ([]Attached, error) {
	for _, f := range files {
		if int64(len(f.Data)) > MaxEvidenceSize {
			return nil, &TooLargeError{Name: f.Name, Size: int64(len(f.Data))}
		}
		if strings.TrimSpace(filepath.Base(f.Name)) == "" || !utf8.ValidString(f.Name) {
			return nil, &InvalidError{Field: "file-name", Problem: "bad-name", Args: []any{f.Name}}
		}
	}
	out := make([]Attached, 0, len(files))
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, caseID); err != nil {
			return err
		}
		for _, f := range files {
			e := Evidence{CaseID: caseID, SHA256: SHA256Hex(f.Data), Name: filepath.Base(f.Name),
				MediaType: MediaType(f.Name, f.Data), Size: int64(len(f.Data)), Note: strings.TrimSpace(f.Note),
				At: f.At, AddedAt: f.AddedAt}
			old, err := queryEvidence(ctx, tx, "case_id = ? AND sha256 = ? ORDER BY id LIMIT 1", caseID, e.SHA256)
			if err != nil {
				return err
			}
			if len(old) > 0 {
				out = append(out, Attached{Evidence: old[0], Already: true})
				continue
			}
			if err := putBlob(tx, e.SHA256, f.Data); err != nil {
				return err
			}
			if err := putEvidence(tx, &e); err != nil {
				return err
			}
			if err := recordEvidenceAdded(ctx, tx, e); err != nil {
				return err
			}
			out = append(out, Attached{Evidence: e})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// putBlob stores content under its hash unless it is there already.
func putBlob(tx *sql.Tx, sum string, data []byte) error {
	if data == nil {
		data = []byte{} // NOT NULL: an empty file is an empty blob
	}
	_, err := tx.Exec("INSERT INTO blobs (sha256, size, data) VALUES (?,?,?) ON CONFLICT (sha256) DO NOTHING", sum, len(data), data)
	return err
}

func putEvidence(tx *sql.Tx, e *Evidence) error {
	res, err := tx.Exec(`INSERT INTO evidence (id, case_id, sha256, name, media_type, size, note, at, added_at)
		VALUES (NULLIF(?,0),?,?,?,?,?,?,?,?)`, e.ID, e.CaseID, e.SHA256, e.Name, e.MediaType, e.Size, e.Note,
		formatTime(e.At), formatTime(e.AddedAt))
	return setID(res, err, &e.ID)
}

const evidenceColumns = "id, case_id, sha256, name, media_type, size, note, at, added_at"

// evidenceOfCase is the filter of a case's evidence (show, dossier).
const evidenceOfCase = "case_id = ? ORDER BY at, id"

func evidenceQuery(where string) string {
	return "SELECT " + evidenceColumns + " FROM evidence WHERE " + where
}

func queryEvidence(ctx context.Context, q querier, where string, args ...any) ([]Evidence, error) {
	rows, err := q.QueryContext(ctx, evidenceQuery(where), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Evidence{}
	for rows.Next() {
		var e Evidence
		var at, added string
		if err := rows.Scan(&e.ID, &e.CaseID, &e.SHA256, &e.Name, &e.MediaType, &e.Size, &e.Note, &at, &added); err != nil {
			return nil, err
		}
		var e1, e2 error
		e.At, e1 = parseTime(at)
		e.AddedAt, e2 = parseTime(added)
		if err := errors.Join(e1, e2); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EvidenceOf lists a case's evidence, oldest first; an unknown case is a
// NotFoundError.
func (s *Store) EvidenceOf(ctx context.Context, caseID int64) ([]Evidence, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fileError(err)
	}
	defer tx.Rollback()
	if err := caseExists(tx, caseID); err != nil {
		return nil, err
	}
	return queryEvidence(ctx, tx, evidenceOfCase, caseID)
}

// EvidenceFile returns one piece of evidence with its content, checked
// against its hash: a case file damaged under it is said so, not handed
// back as if it were the original.
func (s *Store) EvidenceFile(ctx context.Context, id int64) (Evidence, []byte, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Evidence{}, nil, s.fileError(err)
	}
	defer tx.Rollback()
	es, err := queryEvidence(ctx, tx, "id = ?", id)
	if err != nil {
		return Evidence{}, nil, err
	}
	if len(es) == 0 {
		return Evidence{}, nil, &NotFoundError{What: "evidence", ID: id}
	}
	data, err := blobIn(tx, es[0].SHA256)
	return es[0], data, err
}

// EvidenceData returns the content of the evidence of a case whose media
// type passes want (the dossier's thumbnails), keyed by hash, each checked.
func (s *Store) EvidenceData(ctx context.Context, caseID int64, want func(Evidence) bool) (map[string][]byte, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fileError(err)
	}
	defer tx.Rollback()
	es, err := queryEvidence(ctx, tx, evidenceOfCase, caseID)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range es {
		if _, done := out[e.SHA256]; done || !want(e) {
			continue
		}
		if out[e.SHA256], err = blobIn(tx, e.SHA256); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ErrBlobDamaged is content whose hash no longer matches its key.
var ErrBlobDamaged = errors.New("the stored content does not match its SHA-256") // words:ok a damaged case file; shown as its detail

func blobIn(tx *sql.Tx, sum string) ([]byte, error) {
	var data []byte
	err := tx.QueryRow("SELECT data FROM blobs WHERE sha256 = ?", sum).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("evidence content %s is missing from the case file: %w", sum, ErrBlobDamaged) // words:ok a damaged case file; shown as its detail
	}
	if err != nil {
		return nil, err
	}
	if SHA256Hex(data) != sum {
		return nil, fmt.Errorf("evidence content %s: %w", sum, ErrBlobDamaged) // words:ok a damaged case file; shown as its detail
	}
	return data, nil
}

// DeleteEvidence removes one piece of evidence in one transaction and
// returns what it was. Its content stays in the case file while another
// evidence row (or the history, which undo restores from) still names it.
func (s *Store) DeleteEvidence(ctx context.Context, id int64) (Evidence, error) {
	var e Evidence
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = deleteEvidence(ctx, tx, id)
		return err
	})
	return e, err
}

// deleteEvidence is the delete inside a transaction the caller holds.
func deleteEvidence(ctx context.Context, tx *sql.Tx, id int64) (Evidence, error) {
	es, err := queryEvidence(ctx, tx, "id = ?", id)
	if err != nil {
		return Evidence{}, err
	}
	if len(es) == 0 {
		return Evidence{}, &NotFoundError{What: "evidence", ID: id}
	}
	e := es[0]
	if err := deleteEvidenceRow(ctx, tx, e); err != nil {
		return e, err
	}
	return e, pruneBlob(tx, e.SHA256)
}

// pruneBlob drops content nothing names any more, so that deleting a
// photo attached by mistake takes it out of the case file (and of every
// later backup and export).
func pruneBlob(tx *sql.Tx, sum string) error {
	_, err := tx.Exec(`DELETE FROM blobs WHERE sha256 = ?1 AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?1)`+
		blobKeptByHistory, sum)
	return err
}

// The history seam. Evidence changes are recorded in the case's history in
// the same transaction as the change; these are the only places an
// evidence change is made.

// blobKeptByHistory is the extra condition under which pruneBlob keeps
// content: while the history names it, so undo can bring a deleted piece
// of evidence back whole.
const blobKeptByHistory = ` AND NOT EXISTS (SELECT 1 FROM history WHERE kind = 'evidence'
	AND (json_extract(nullif(old, ''), '$.sha256') = ?1 OR json_extract(nullif(new, ''), '$.sha256') = ?1))`

func recordEvidenceAdded(ctx context.Context, tx *sql.Tx, e Evidence) error {
	return newRecorder(ctx, tx).created("evidence", e.CaseID, e.ID)
}

// deleteEvidenceRow deletes the evidence row and records it.
func deleteEvidenceRow(ctx context.Context, tx *sql.Tx, e Evidence) error {
	return newRecorder(ctx, tx).deleteRow("evidence", e.CaseID, e.ID)
}
