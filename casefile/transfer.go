package casefile

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ExportVersion is the version of the export document this build writes
// and the newest it reads. Bump it when a change to the document would make
// an older redress lose data reading it; an added field alone is refused
// by older builds anyway (they do not accept fields they do not know).
const ExportVersion = 1

// exportFormat names the document, so that some other JSON file is refused
// as "not a redress export" instead of as a pile of missing fields.
const exportFormat = "redress-export"

// Export is every case in a case file with everything that happened to it:
// what `redress export --json` writes and `redress import` reads back.
type Export struct {
	Format     string    `json:"format"`
	Version    int       `json:"version"`
	Schema     int       `json:"schema"` // the case file schema it came from; informative
	ExportedAt time.Time `json:"exported_at"`
	// RefsMasked says the account references were written masked (the
	// default): such a document can be read, but not imported, since the
	// real values are not in it.
	RefsMasked bool `json:"refs_masked"`
	// FileID is the id of the case file exported (Store.FileID); import
	// into a file with no case yet takes it over, so calendar events made
	// from the old file are updated, not duplicated.
	FileID string `json:"file_id,omitempty"`
	Cases  []Full `json:"cases"`
	// Blobs are the contents of every case's evidence, once each, in
	// base64; import checks each against its SHA-256.
	Blobs []Blob `json:"blobs"`
}

// Blob is the content of evidence, named by its SHA-256.
type Blob struct {
	SHA256 string `json:"sha256"`
	Data   []byte `json:"data"` // base64 in JSON
}

// ImportError is an export document that cannot be imported: malformed,
// from a newer redress, or with a value the case file cannot hold. Where
// says which part of the document ("case 3: promise 7").
//
// Problem is a key of the words catalog (import_<Problem>) with its Args,
// which the command prints in the user's language; Detail is the parser's
// or validator's own diagnostic, printed after them as it came.
type ImportError struct {
	Where   string
	Problem string // "not-export", "newer", "version", "malformed", "masked", "id-exists", "too-large", "bad-blob"; "" is a bad entry
	Args    []any
	Msg     string // the validator's own detail, printed as it came
	Err     error  // ErrMaskedRefs, or nil
}

func (e *ImportError) Unwrap() error { return e.Err }

// ErrMaskedRefs is an import refused because the export's account
// references were written masked: importing it would lose their values.
var ErrMaskedRefs = errors.New("the account references in this export are masked") // words:ok mapped to err_import_masked

func (e *ImportError) Error() string {
	problem := e.Problem
	if problem == "" {
		problem = "bad-entry"
	}
	s := "import: " + problem
	for _, a := range e.Args {
		s += fmt.Sprintf(" %v", a)
	}
	if e.Where != "" {
		s = e.Where + ": " + s
	}
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// ExportAll reads every case, oldest first, in one read transaction so the
// document is one consistent snapshot even while another process writes.
func (s *Store) ExportAll(ctx context.Context, now time.Time) (Export, error) {
	doc := Export{Format: exportFormat, Version: ExportVersion, Schema: SchemaVersion(),
		ExportedAt: now.UTC().Truncate(time.Second), Cases: []Full{}, Blobs: []Blob{}}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return doc, s.fileError(err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, "SELECT file_id FROM file_info").Scan(&doc.FileID); err != nil {
		return doc, s.fileError(err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM cases ORDER BY id")
	if err != nil {
		return doc, s.fileError(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return doc, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return doc, err
	}
	for _, id := range ids {
		f, err := fullIn(ctx, tx, id)
		if err != nil {
			return doc, err
		}
		if f.History, err = listHistory(ctx, tx, id); err != nil {
			return doc, err
		}
		doc.Cases = append(doc.Cases, f)
	}
	if doc.Blobs, err = exportBlobs(ctx, tx); err != nil {
		return doc, err
	}
	return doc, nil
}

// exportBlobs reads the content of all evidence, each checked against its
// hash, in hash order.
func exportBlobs(ctx context.Context, tx *sql.Tx) ([]Blob, error) {
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT sha256 FROM evidence ORDER BY sha256")
	if err != nil {
		return nil, err
	}
	var sums []string
	for rows.Next() {
		var sum string
		if err := rows.Scan(&sum); err != nil {
			rows.Close()
			return nil, err
		}
		sums = append(sums, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Blob, 0, len(sums))
	for _, sum := range sums {
		data, err := blobIn(tx, sum)
		if err != nil {
			return nil, err
		}
		out = append(out, Blob{SHA256: sum, Data: data})
	}
	return out, nil
}

// importBlobs checks every blob against its SHA-256 and stores it; it
// returns the sizes by hash, for the evidence rows to be checked against.
func importBlobs(tx *sql.Tx, blobs []Blob) (map[string]int64, error) {
	sizes := map[string]int64{}
	for i, b := range blobs {
		where := fmt.Sprintf("blob %d", i+1)
		if got := SHA256Hex(b.Data); got != b.SHA256 {
			return nil, &ImportError{Where: where, Problem: "bad-blob", Msg: fmt.Sprintf("SHA-256 %s != %q", got, b.SHA256)}
		}
		if int64(len(b.Data)) > MaxEvidenceSize {
			return nil, &ImportError{Where: where, Msg: (&TooLargeError{Name: b.SHA256, Size: int64(len(b.Data))}).Error()}
		}
		if _, dup := sizes[b.SHA256]; dup {
			continue
		}
		if err := putBlob(tx, b.SHA256, b.Data); err != nil {
			return nil, err
		}
		sizes[b.SHA256] = int64(len(b.Data))
	}
	return sizes, nil
}

// fullIn reads a case and all its entries inside a transaction the caller
// holds: one snapshot for Store.Full, and for an export of many cases.
func fullIn(ctx context.Context, tx *sql.Tx, id int64) (Full, error) {
	var f Full
	var err error
	if f.Case, err = getCase(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Contacts, err = listContacts(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Promises, err = listPromises(ctx, tx, promisesOfCase, id); err != nil {
		return f, err
	}
	if f.Tickets, err = listTickets(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Notes, err = listNotes(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Refs, err = listRefs(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Prep, err = getPrep(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Escalations, err = listEscalations(ctx, tx, id); err != nil {
		return f, err
	}
	if f.Evidence, err = queryEvidence(ctx, tx, evidenceOfCase, id); err != nil {
		return f, err
	}
	if f.Extensions, err = listExtensions(ctx, tx, id); err != nil {
		return f, err
	}
	return f, nil
}

// DecodeExport reads an export document strictly: one JSON object (the
// first read refuses anything after it), no field this build does not know
// (it would be lost on import). A document from a newer redress is named as such first, so the
// user is told to update rather than that some field is unknown.
func DecodeExport(r io.Reader) (*Export, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(maxImport)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxImport {
		return nil, &ImportError{Problem: "too-large", Args: []any{size(maxImport)}}
	}
	var probe struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, &ImportError{Problem: "not-export", Msg: jsonProblem(data, err)}
	}
	if probe.Format != exportFormat {
		return nil, &ImportError{Problem: "not-export", Msg: fmt.Sprintf("format %q != %q", probe.Format, exportFormat)}
	}
	if probe.Version > ExportVersion {
		return nil, &ImportError{Problem: "newer", Args: []any{probe.Version, ExportVersion}}
	}
	if probe.Version < 1 {
		return nil, &ImportError{Problem: "version", Args: []any{probe.Version}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc Export
	if err := dec.Decode(&doc); err != nil {
		return nil, &ImportError{Problem: "malformed", Msg: jsonProblem(data, err)}
	}
	return &doc, nil
}

// jsonProblem words a JSON error with the line it happened on.
func jsonProblem(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if off >= 0 && off <= int64(len(data)) {
		msg += fmt.Sprintf(" (line %d)", 1+bytes.Count(data[:off], []byte("\n")))
	}
	return msg
}

// Import stores every case of doc, keeping every id, in one write
// transaction: a document with one bad value anywhere stores nothing. Ids
// are kept so that links (a promise's contact) and the numbers the user
// knows survive; importing into a case file that already has one of them
// is refused, so import into a new case file to restore a backup.
func (s *Store) Import(ctx context.Context, doc *Export) (int, error) {
	if _, err := s.importDoc(ctx, doc, false); err != nil {
		return 0, err
	}
	return len(doc.Cases), nil
}

// ImportMerge stores every case of doc beside the cases already in the
// case file, under new ids: each case and entry gets the next free id of
// its table, in the document's order, and every reference (an entry's
// case, a promise's, ticket's or note's contact) is mapped to the new id,
// all in one write transaction. It returns the new case id of each case
// of the document, by its id there.
func (s *Store) ImportMerge(ctx context.Context, doc *Export) (map[int64]int64, error) {
	return s.importDoc(ctx, doc, true)
}

func (s *Store) importDoc(ctx context.Context, doc *Export, merge bool) (map[int64]int64, error) {
	if doc.RefsMasked {
		for _, f := range doc.Cases {
			refHistory := false
			for _, h := range f.History {
				refHistory = refHistory || h.Kind == "ref"
			}
			if len(f.Refs) > 0 || refHistory {
				return nil, &ImportError{Problem: "masked", Args: []any{f.ID}, Err: ErrMaskedRefs}
			}
		}
	}
	cases := map[int64]int64{}
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		if merge {
			var err error
			if cases, err = renumber(tx, doc); err != nil {
				return err
			}
		}
		if !merge {
			// A merge keeps this file's id: the merged cases have new
			// numbers, so the old file's calendar entries are not theirs.
			if err := adoptFileID(tx, doc.FileID); err != nil {
				return err
			}
			// Into a file with a history of its own, the document's
			// changes follow the file's, so an undo never takes back a
			// change of both at once; into an empty one they keep their
			// numbers.
			var rows int
			if err := tx.QueryRow("SELECT count(*) FROM history").Scan(&rows); err != nil {
				return err
			}
			if rows > 0 {
				if err := renumberChanges(tx, doc, nil); err != nil {
					return err
				}
			}
		}
		s.fileID = ""
		sizes, err := importBlobs(tx, doc.Blobs)
		if err != nil {
			return err
		}
		for i := range doc.Cases {
			if err := importCase(tx, &doc.Cases[i], sizes); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return cases, nil
}

// renumber gives every case and entry of doc the next free id of its
// table in the case file and maps every reference to the new ids. A
// reference to something not in the document (an entry listed under one
// case naming another, a contact of another case) is refused here, as a
// plain import would refuse it.
func renumber(tx *sql.Tx, doc *Export) (map[int64]int64, error) {
	next := map[string]int64{}
	for _, t := range []string{"cases", "contacts", "promises", "tickets", "notes", "account_refs", "escalations", "evidence",
		"promise_extensions", "history"} {
		var max int64
		if err := tx.QueryRow("SELECT COALESCE(MAX(id), 0) FROM " + t).Scan(&max); err != nil {
			return nil, err
		}
		next[t] = max
	}
	fresh := func(table string) int64 { next[table]++; return next[table] }
	caseIDs := map[int64]int64{}
	for i := range doc.Cases {
		f := &doc.Cases[i]
		old := f.ID
		where := fmt.Sprintf("case %d", old)
		if old <= 0 {
			return nil, &ImportError{Where: where, Msg: "needs an id above 0"} // words:ok the detail of import_bad-entry
		}
		if _, dup := caseIDs[old]; dup {
			return nil, &ImportError{Where: where, Msg: "is in the export twice"} // words:ok the detail of import_bad-entry
		}
		f.ID = fresh("cases")
		caseIDs[old] = f.ID
		owner := func(what string, id int64, caseID *int64) error {
			if *caseID != 0 && *caseID != old {
				return &ImportError{Where: fmt.Sprintf("%s: %s %d", where, what, id), Msg: fmt.Sprintf("case_id %d, but it is listed under case %d", *caseID, old)} // words:ok the detail of import_bad-entry
			}
			*caseID = f.ID
			return nil
		}
		contacts := map[int64]int64{}
		contact := func(what string, id int64, c **int64) error {
			if *c == nil {
				return nil
			}
			n, ok := contacts[**c]
			if !ok {
				return &ImportError{Where: fmt.Sprintf("%s: %s %d", where, what, id), Msg: fmt.Sprintf("contact %d is not one of this case's contacts", **c)} // words:ok the detail of import_bad-entry
			}
			*c = &n
			return nil
		}
		for j := range f.Contacts {
			x := &f.Contacts[j]
			if err := owner("contact", x.ID, &x.CaseID); err != nil {
				return nil, err
			}
			n := fresh("contacts")
			contacts[x.ID], x.ID = n, n
		}
		ids := map[string]map[int64]int64{"case": {old: f.ID}, "contact": contacts}
		keep := func(kind string, from, to int64) {
			if ids[kind] == nil {
				ids[kind] = map[int64]int64{}
			}
			ids[kind][from] = to
		}
		for j := range f.Promises {
			x := &f.Promises[j]
			if err := errors.Join(owner("promise", x.ID, &x.CaseID), contact("promise", x.ID, &x.ContactID)); err != nil {
				return nil, err
			}
			n := fresh("promises")
			keep("promise", x.ID, n)
			x.ID = n
		}
		for j := range f.Tickets {
			x := &f.Tickets[j]
			if err := errors.Join(owner("ticket", x.ID, &x.CaseID), contact("ticket", x.ID, &x.ContactID)); err != nil {
				return nil, err
			}
			n := fresh("tickets")
			keep("ticket", x.ID, n)
			x.ID = n
		}
		for j := range f.Notes {
			x := &f.Notes[j]
			if err := errors.Join(owner("note", x.ID, &x.CaseID), contact("note", x.ID, &x.ContactID)); err != nil {
				return nil, err
			}
			n := fresh("notes")
			keep("note", x.ID, n)
			x.ID = n
		}
		for j := range f.Refs {
			x := &f.Refs[j]
			if err := owner("ref", x.ID, &x.CaseID); err != nil {
				return nil, err
			}
			n := fresh("account_refs")
			keep("ref", x.ID, n)
			x.ID = n
		}
		for j := range f.Escalations {
			x := &f.Escalations[j]
			if err := owner("escalation", x.ID, &x.CaseID); err != nil {
				return nil, err
			}
			n := fresh("escalations")
			keep("escalation", x.ID, n)
			x.ID = n
		}
		for j := range f.Evidence {
			// Evidence names its content by hash; blobs are shared, so
			// only the row is renumbered.
			x := &f.Evidence[j]
			if err := owner("evidence", x.ID, &x.CaseID); err != nil {
				return nil, err
			}
			n := fresh("evidence")
			keep("evidence", x.ID, n)
			x.ID = n
		}
		for j := range f.Extensions {
			x := &f.Extensions[j]
			if err := owner("extension", x.ID, &x.CaseID); err != nil {
				return nil, err
			}
			p, ok := ids["promise"][x.PromiseID]
			if !ok {
				return nil, &ImportError{Where: fmt.Sprintf("%s: extension %d", where, x.ID), Msg: fmt.Sprintf("promise %d is not in this case", x.PromiseID)} // words:ok the detail of import_bad-entry
			}
			n := fresh("promise_extensions")
			keep("extension", x.ID, n)
			x.ID, x.PromiseID = n, p
		}
		// The history: an entry since deleted gets a new number of its
		// own, so undo would bring it back under that number; the rows
		// each entry left are rewritten to the new numbers.
		for j := range f.History {
			x := &f.History[j]
			if err := owner("history", x.ID, &x.CaseID); err != nil {
				return nil, err
			}
			if et, known := entryTables[x.Kind]; known && x.Kind != "case" && x.Kind != "prep" {
				if _, ok := ids[x.Kind][x.EntryID]; !ok {
					keep(x.Kind, x.EntryID, fresh(et.table))
				}
			}
		}
		for j := range f.History {
			x := &f.History[j]
			if m, ok := ids[x.Kind]; ok && x.Kind != "prep" {
				x.EntryID = m[x.EntryID]
			} else if x.Kind == "prep" {
				x.EntryID = f.ID
			}
			if _, known := entryTables[x.Kind]; known {
				x.Old, x.New = remapRow(x.Kind, x.Old, ids), remapRow(x.Kind, x.New, ids)
			}
		}
	}
	if err := renumberChanges(tx, doc, fresh); err != nil {
		return nil, err
	}
	return caseIDs, nil
}

// renumberChanges numbers the document's history rows after the case
// file's own (with fresh, the next free id; else from the file's highest),
// and its changes after the file's changes, in the document's order. An
// undo names a change of its own case; one that names nothing in the
// document is kept as a plain change.
func renumberChanges(tx *sql.Tx, doc *Export, fresh func(string) int64) error {
	if fresh == nil {
		var last int64
		if err := tx.QueryRow("SELECT COALESCE(MAX(id), 0) FROM history").Scan(&last); err != nil {
			return err
		}
		fresh = func(string) int64 { last++; return last }
	}
	var lastChange int64
	if err := tx.QueryRow("SELECT COALESCE(MAX(change), 0) FROM history").Scan(&lastChange); err != nil {
		return err
	}
	changes := map[[2]int64]int64{} // (case, change in the document) → change in the case file
	for i := range doc.Cases {
		f := &doc.Cases[i]
		for j := range f.History {
			f.History[j].ID = fresh("history")
			changes[[2]int64{f.ID, f.History[j].Change}] = 0
		}
	}
	var keys [][2]int64
	for k := range changes {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][1] != keys[j][1] {
			return keys[i][1] < keys[j][1]
		}
		return keys[i][0] < keys[j][0]
	})
	for _, k := range keys {
		lastChange++
		changes[k] = lastChange
	}
	for i := range doc.Cases {
		f := &doc.Cases[i]
		for j := range f.History {
			x := &f.History[j]
			x.Change = changes[[2]int64{f.ID, x.Change}]
			if x.Undoes != nil {
				if n, ok := changes[[2]int64{f.ID, *x.Undoes}]; ok {
					x.Undoes = &n
				} else {
					x.Undoes = nil
				}
			}
		}
	}
	return nil
}

// remapRow rewrites the ids in a history snapshot of kind to their new
// numbers: its own id, its case, its contact and its promise.
func remapRow(kind string, raw json.RawMessage, ids map[string]map[int64]int64) json.RawMessage {
	m, keys := decodeRow(raw)
	if m == nil {
		return raw
	}
	own := kind
	if kind == "prep" {
		own = ""
	}
	for _, k := range []struct{ col, kind string }{{"id", own}, {"case_id", "case"}, {"contact_id", "contact"}, {"promise_id", "promise"}} {
		if k.kind == "" {
			continue
		}
		if kind == "case" && k.col == "id" {
			k.kind = "case"
		}
		if v, ok := m[k.col].(int64); ok {
			if n, ok := ids[k.kind][v]; ok {
				m[k.col] = n
			}
		}
	}
	return encodeRow(m, keys)
}

func importCase(tx *sql.Tx, f *Full, blobSizes map[string]int64) error {
	where := fmt.Sprintf("case %d", f.ID)
	bad := func(what string, id int64, msg string) error {
		w := where
		if what != "" {
			w += fmt.Sprintf(": %s %d", what, id)
		}
		return &ImportError{Where: w, Msg: msg}
	}
	c := f.Case
	if c.ID <= 0 {
		return bad("", 0, "needs an id above 0") // words:ok the detail of import_bad-entry
	}
	if err := checkLimits(f); err != nil {
		return bad("", 0, err.Error())
	}
	if err := c.Validate(); err != nil {
		return bad("", 0, err.Error())
	}
	if c.OpenedAt.IsZero() {
		return bad("", 0, "opened_at is missing")
	}
	if err := importInsert(tx, where, putCase(tx, &c)); err != nil {
		return err
	}
	for i := range f.Contacts {
		x := &f.Contacts[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("contact", x.ID, err.Error())
		}
		if err := ValidChannel(x.Channel); err != nil {
			return bad("contact", x.ID, err.Error())
		}
		if x.At.IsZero() || x.DurationS < 0 {
			return bad("contact", x.ID, "needs a time and a duration of 0 or more")
		}
		if err := importInsert(tx, where, putContact(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.Promises {
		x := &f.Promises[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("promise", x.ID, err.Error())
		}
		if strings.TrimSpace(x.Text) == "" || x.CreatedAt.IsZero() {
			return bad("promise", x.ID, "needs text and created_at")
		}
		if !oneOf(x.Status, []PromiseStatus{PromisePending, PromiseKept, PromiseBroken, PromiseCancelled}) {
			return bad("promise", x.ID, fmt.Sprintf("unknown status %q", x.Status) /* words:ok the detail of import_bad-entry */)
		}
		if err := contactBelongs(tx, c.ID, x.ContactID); err != nil {
			return bad("promise", x.ID, err.Error())
		}
		// An export from before "at" was kept: dated as the migration does.
		if err := saidAt(tx, &x.At, x.ContactID, x.CreatedAt); err != nil {
			return err
		}
		if err := importInsert(tx, where, putPromise(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.Tickets {
		x := &f.Tickets[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("ticket", x.ID, err.Error())
		}
		if strings.TrimSpace(x.Number) == "" || x.CreatedAt.IsZero() {
			return bad("ticket", x.ID, "needs a number and created_at")
		}
		if err := contactBelongs(tx, c.ID, x.ContactID); err != nil {
			return bad("ticket", x.ID, err.Error())
		}
		if err := saidAt(tx, &x.At, x.ContactID, x.CreatedAt); err != nil {
			return err
		}
		if err := importInsert(tx, where, putTicket(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.Notes {
		x := &f.Notes[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("note", x.ID, err.Error())
		}
		if err := ValidNoteKind(x.Kind); err != nil {
			return bad("note", x.ID, err.Error())
		}
		if strings.TrimSpace(x.Text) == "" || x.At.IsZero() {
			return bad("note", x.ID, "needs text and a time")
		}
		if err := contactBelongs(tx, c.ID, x.ContactID); err != nil {
			return bad("note", x.ID, err.Error())
		}
		if err := importInsert(tx, where, putNote(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.Refs {
		x := &f.Refs[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("ref", x.ID, err.Error())
		}
		if strings.TrimSpace(x.Label) == "" || strings.TrimSpace(x.Value) == "" || x.CreatedAt.IsZero() {
			return bad("ref", x.ID, "needs a label, a value and created_at")
		}
		if secretLabel(x.Label) {
			return bad("ref", x.ID, fmt.Sprintf("%q looks like a secret; redress never stores PINs or passwords", x.Label) /* words:ok the detail of import_bad-entry */)
		}
		if err := importInsert(tx, where, putRef(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.Escalations {
		x := &f.Escalations[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("escalation", x.ID, err.Error())
		}
		if err := ValidStep(x.Step); err != nil {
			return bad("escalation", x.ID, err.Error())
		}
		if x.Answer != AnswerNone && x.Answer != AnswerRefused && x.Answer != AnswerFinal {
			return bad("escalation", x.ID, fmt.Sprintf("unknown answer %q", x.Answer) /* words:ok the detail of import_bad-entry */)
		}
		if x.At.IsZero() {
			return bad("escalation", x.ID, "needs a time")
		}
		if err := importInsert(tx, where, putEscalation(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.Evidence {
		x := &f.Evidence[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("evidence", x.ID, err.Error())
		}
		size, ok := blobSizes[x.SHA256]
		switch {
		case !ok:
			return bad("evidence", x.ID, fmt.Sprintf("its content (SHA-256 %q) is not among the document's blobs", x.SHA256)) // words:ok the detail of import_bad-entry
		case size != x.Size:
			return bad("evidence", x.ID, fmt.Sprintf("size %d, but its content is %d bytes", x.Size, size)) // words:ok the detail of import_bad-entry
		case strings.TrimSpace(x.Name) == "" || x.At.IsZero() || x.AddedAt.IsZero():
			return bad("evidence", x.ID, "needs a name, a time and added_at")
		}
		if err := importInsert(tx, where, putEvidence(tx, x)); err != nil {
			return err
		}
	}
	promises := map[int64]bool{}
	for _, p := range f.Promises {
		promises[p.ID] = true
	}
	for i := range f.Extensions {
		x := &f.Extensions[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("extension", x.ID, err.Error())
		}
		if !promises[x.PromiseID] {
			return bad("extension", x.ID, fmt.Sprintf("promise %d is not in this case", x.PromiseID)) // words:ok the detail of import_bad-entry
		}
		if x.To.IsZero() || x.At.IsZero() {
			return bad("extension", x.ID, "needs the new due date and a time")
		}
		if err := importInsert(tx, where, putExtension(tx, x)); err != nil {
			return err
		}
	}
	for i := range f.History {
		x := &f.History[i]
		if err := entryOf(x.ID, &x.CaseID, c.ID); err != nil {
			return bad("history", x.ID, err.Error())
		}
		if x.Change <= 0 || strings.TrimSpace(x.Kind) == "" || x.At.IsZero() {
			return bad("history", x.ID, "needs a change number, a kind and a time")
		}
		for _, raw := range []json.RawMessage{x.Old, x.New} {
			if len(raw) > 0 && string(raw) != "null" {
				if m, _ := decodeRow(raw); m == nil {
					return bad("history", x.ID, "old and new must be JSON objects or null")
				}
			}
		}
		if err := importInsert(tx, where, putHistory(tx, x)); err != nil {
			return err
		}
	}
	return importPrep(tx, c, f.Prep, bad)
}

// importPrep stores a case's prep answers and step states; a case never
// prepared has none, and gets no row.
func importPrep(tx *sql.Tx, c Case, p Prep, bad func(string, int64, string) error) error {
	if p.Ask == nil {
		p.Ask = []string{}
	}
	bare := p
	bare.Ask, bare.Steps = nil, nil
	if len(p.Ask) == 0 && len(p.Steps) == 0 && reflect.DeepEqual(bare, Prep{}) {
		return nil
	}
	if err := p.Validate(); err != nil {
		return bad("", 0, "prep: "+err.Error())
	}
	for step, status := range p.Steps {
		n, err := strconv.Atoi(step)
		if err != nil || n < 1 || n > 9 || (status != "done" && status != "skipped") {
			return bad("", 0, fmt.Sprintf("prep: step %q is %q; steps are 1 to 9, done or skipped", step, status) /* words:ok the detail of import_bad-entry */)
		}
	}
	if err := putPrep(tx, c.ID, p); err != nil {
		return err
	}
	// The step times are not in the document; the case's opening is the
	// honest lower bound.
	return putPrepSteps(tx, c.ID, p.Steps, c.OpenedAt)
}

// entryOf checks an entry's own id and that it belongs to the case it is
// listed under (case_id may be left out, then it is filled in).
func entryOf(id int64, caseID *int64, want int64) error {
	if id <= 0 {
		return errors.New("needs an id above 0") // words:ok the detail of import_bad-entry
	}
	if *caseID == 0 {
		*caseID = want
	}
	if *caseID != want {
		return fmt.Errorf("case_id %d, but it is listed under case %d", *caseID, want) // words:ok the detail of import_bad-entry
	}
	return nil
}

// importInsert words a clash of ids with rows already in the case file.
func importInsert(tx *sql.Tx, where string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey || se.ExtendedCode == sqlite3.ErrConstraintUnique) {
		return &ImportError{Where: where, Problem: "id-exists", Msg: se.Error()}
	}
	return err
}

// The insert helpers write one row as given, keeping its id when it has
// one (NULLIF: an id of 0 lets SQLite choose), and set the id. They do not
// validate or trim: callers do, so that import stores text verbatim.

func putCase(tx *sql.Tx, c *Case) error {
	res, err := tx.Exec(`INSERT INTO cases (id, title, company, product, kind, problem, outcome, fallback,
		amount, currency, purchase_date, return_window_end, warranty_end, jurisdiction, lang, status,
		opened_at, closed_at, final_outcome, no_reply_days, company_phone, company_hours, delivered_date, sector)
		VALUES (NULLIF(?,0),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		c.ID, c.Title, c.Company, c.Product, c.Kind, c.Problem, c.Outcome, c.Fallback, c.Amount, c.Currency,
		c.PurchaseDate.String(), c.ReturnWindowEnd.String(), c.WarrantyEnd.String(), c.Jurisdiction,
		c.Lang, c.Status, formatTime(c.OpenedAt), formatOptionalTime(c.ClosedAt), c.FinalOutcome, c.NoReplyDays,
		c.Phone, c.Hours, c.DeliveredDate.String(), c.Sector)
	return setID(res, err, &c.ID)
}

func putContact(tx *sql.Tx, c *Contact) error {
	res, err := tx.Exec(`INSERT INTO contacts (id, case_id, channel, at, duration_s, rep, department, summary,
		ended_at, hold_s, hold_since, from_company) VALUES (NULLIF(?,0),?,?,?,?,?,?,?,?,?,?,?)`, c.ID, c.CaseID, c.Channel,
		formatTime(c.At), c.DurationS, c.Rep, c.Department, c.Summary, formatOptionalTime(c.EndedAt), c.HoldS,
		formatOptionalTime(c.HoldSince), c.FromCompany)
	return setID(res, err, &c.ID)
}

func putEscalation(tx *sql.Tx, e *Escalation) error {
	res, err := tx.Exec(`INSERT INTO escalations (id, case_id, step, answer, note, at) VALUES (NULLIF(?,0),?,?,?,?,?)`,
		e.ID, e.CaseID, e.Step, e.Answer, e.Note, formatTime(e.At))
	return setID(res, err, &e.ID)
}

// putPrepSteps writes the steps a prep record says were answered or skipped.
func putPrepSteps(tx *sql.Tx, caseID int64, steps map[string]string, at time.Time) error {
	for step, status := range steps {
		if _, err := tx.Exec(`INSERT INTO prep_steps (case_id, step, status, at) VALUES (?,?,?,?)`,
			caseID, step, status, formatTime(at)); err != nil {
			return err
		}
	}
	return nil
}

func putPromise(tx *sql.Tx, p *Promise) error {
	res, err := tx.Exec(`INSERT INTO promises (id, case_id, contact_id, text, by_rep, due, status, confirmed,
		at, created_at, settled_at) VALUES (NULLIF(?,0),?,?,?,?,?,?,?,?,?,?)`, p.ID, p.CaseID, p.ContactID, p.Text,
		p.By, p.Due.String(), p.Status, p.Confirmed, formatTime(p.At), formatTime(p.CreatedAt), formatOptionalTime(p.SettledAt))
	return setID(res, err, &p.ID)
}

func putTicket(tx *sql.Tx, t *Ticket) error {
	res, err := tx.Exec(`INSERT INTO tickets (id, case_id, contact_id, number, label, expected, at, created_at)
		VALUES (NULLIF(?,0),?,?,?,?,?,?,?)`, t.ID, t.CaseID, t.ContactID, t.Number, t.Label, t.Expected.String(),
		formatTime(t.At), formatTime(t.CreatedAt))
	return setID(res, err, &t.ID)
}

func putNote(tx *sql.Tx, n *Note) error {
	res, err := tx.Exec(`INSERT INTO notes (id, case_id, contact_id, kind, text, source_url, at)
		VALUES (NULLIF(?,0),?,?,?,?,?,?)`, n.ID, n.CaseID, n.ContactID, n.Kind, n.Text, n.SourceURL, formatTime(n.At))
	return setID(res, err, &n.ID)
}

func putRef(tx *sql.Tx, r *AccountRef) error {
	res, err := tx.Exec(`INSERT INTO account_refs (id, case_id, label, value, created_at) VALUES (NULLIF(?,0),?,?,?,?)`,
		r.ID, r.CaseID, r.Label, r.Value, formatTime(r.CreatedAt))
	return setID(res, err, &r.ID)
}

func setID(res sql.Result, err error, id *int64) error {
	if err != nil {
		return err
	}
	*id, err = res.LastInsertId()
	return err
}
