package casefile

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// History: every change to a case file is written, in the transaction of
// the change, as one row per entry touched, holding the entry's row before
// and after (JSON objects of its columns). The rows of one command share a
// change number; Undo reverts a whole change.
//
// To keep the history of a new kind of entry (say "evidence"):
//
//  1. add it to entryTables (its table and key column);
//  2. inside the WithTx of each change, make one recorder with
//     newRecorder(ctx, tx) and call rec.created(kind, caseID, id) after an
//     insert, old := rec.before(kind, id) … rec.changed(kind, caseID, id, old)
//     around an update, and rec.deleteRow(kind, caseID, id) for a delete.
//
// Undo, `history` and export then handle it with no more code: undo
// restores the columns it recorded, keeping the id.

// entryTable is where an entry kind lives and the column that names a row.
type entryTable struct{ table, key string }

// entryTables are the kinds of entry the history knows.
var entryTables = map[string]entryTable{
	"case":       {"cases", "id"},
	"contact":    {"contacts", "id"},
	"promise":    {"promises", "id"},
	"ticket":     {"tickets", "id"},
	"note":       {"notes", "id"},
	"ref":        {"account_refs", "id"},
	"escalation": {"escalations", "id"},
	"extension":  {"promise_extensions", "id"},
	"prep":       {"case_prep", "case_id"},
	"evidence":   {"evidence", "id"},
}

// HistoryEntry is one row of the history: one entry as one change left it.
// Old is null for a creation, New null for a deletion.
type HistoryEntry struct {
	ID      int64           `json:"id"`
	Change  int64           `json:"change"`
	CaseID  int64           `json:"case_id"`
	At      time.Time       `json:"at"`
	Command string          `json:"command"`
	Kind    string          `json:"kind"`
	EntryID int64           `json:"entry_id"`
	Old     json.RawMessage `json:"old"`
	New     json.RawMessage `json:"new"`
	// Undoes is the change this row's change reverted, for an undo.
	Undoes *int64 `json:"undoes"`
}

// Action is what the row did to its entry: "create", "edit" or "delete".
func (h HistoryEntry) Action() string {
	switch {
	case len(h.Old) == 0:
		return "create"
	case len(h.New) == 0:
		return "delete"
	}
	return "edit"
}

// FieldChange is one column an edit changed.
type FieldChange struct {
	Field    string `json:"field"`
	Old, New any
}

// Fields lists the columns whose values differ between Old and New (for
// a creation or deletion, every column of the side that exists), in
// column order.
func (h HistoryEntry) Fields() []FieldChange {
	oldM, oldKeys := decodeRow(h.Old)
	newM, newKeys := decodeRow(h.New)
	keys := newKeys
	if len(keys) == 0 {
		keys = oldKeys
	}
	var out []FieldChange
	for _, k := range keys {
		o, n := oldM[k], newM[k]
		if h.Action() == "edit" && fmt.Sprint(o) == fmt.Sprint(n) {
			continue
		}
		out = append(out, FieldChange{Field: k, Old: o, New: n})
	}
	return out
}

// decodeRow reads a row snapshot into a map, with its keys in order.
func decodeRow(raw json.RawMessage) (map[string]any, []string) {
	if len(raw) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	m := map[string]any{}
	var keys []string
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil
		}
		k, _ := t.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, nil
		}
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				v = i
			}
		}
		m[k] = v
		keys = append(keys, k)
	}
	return m, keys
}

type originKey struct{}

type origin struct {
	command string
	now     func() time.Time
}

// WithOrigin marks the changes made with ctx as made by command ("promise
// extend") at the time now returns: what the history records of them.
func WithOrigin(ctx context.Context, command string, now func() time.Time) context.Context {
	return context.WithValue(ctx, originKey{}, origin{command: command, now: now})
}

func originOf(ctx context.Context) origin {
	o, _ := ctx.Value(originKey{}).(origin)
	if o.now == nil {
		o.now = time.Now
	}
	return o
}

// recorder writes the history rows of one change inside its transaction.
type recorder struct {
	tx      *sql.Tx
	change  int64
	at      string
	command string
	undoes  *int64
}

func newRecorder(ctx context.Context, tx *sql.Tx) *recorder {
	o := originOf(ctx)
	return &recorder{tx: tx, at: formatTime(o.now()), command: o.command}
}

// rowSnapshot reads one row as a JSON object of its columns, or nil when there
// is no such row.
func rowSnapshot(tx *sql.Tx, kind string, id int64) (json.RawMessage, error) {
	et, ok := entryTables[kind]
	if !ok {
		return nil, fmt.Errorf("casefile: no history for entries of kind %q", kind) // words:ok a programming error
	}
	rows, err := tx.Query("SELECT * FROM "+et.table+" WHERE "+et.key+" = ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(c)
		b.Write(k)
		b.WriteByte(':')
		v := vals[i]
		if bs, ok := v.([]byte); ok {
			v = string(bs)
		}
		enc, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(enc)
	}
	b.WriteByte('}')
	return b.Bytes(), rows.Err()
}

// before is the row of an entry before it is changed.
func (r *recorder) before(kind string, id int64) (json.RawMessage, error) {
	return rowSnapshot(r.tx, kind, id)
}

// created records an entry just inserted.
func (r *recorder) created(kind string, caseID, id int64) error {
	return r.changed(kind, caseID, id, nil)
}

// changed records an entry as it is now, after old (nil: it did not
// exist). A change that changed nothing is not recorded.
func (r *recorder) changed(kind string, caseID, id int64, old json.RawMessage) error {
	cur, err := rowSnapshot(r.tx, kind, id)
	if err != nil {
		return err
	}
	return r.write(kind, caseID, id, old, cur)
}

// deleteRow deletes an entry and records it.
func (r *recorder) deleteRow(kind string, caseID, id int64) error {
	old, err := r.before(kind, id)
	if err != nil {
		return err
	}
	if old == nil {
		return &NotFoundError{What: kind, ID: id}
	}
	et := entryTables[kind]
	if _, err := r.tx.Exec("DELETE FROM "+et.table+" WHERE "+et.key+" = ?", id); err != nil {
		return err
	}
	return r.write(kind, caseID, id, old, nil)
}

func (r *recorder) write(kind string, caseID, id int64, old, cur json.RawMessage) error {
	if bytes.Equal(old, cur) {
		return nil
	}
	if r.change == 0 {
		if err := r.tx.QueryRow("SELECT coalesce(max(change), 0) + 1 FROM history").Scan(&r.change); err != nil {
			return err
		}
	}
	_, err := r.tx.Exec(`INSERT INTO history (change, case_id, at, command, kind, entry_id, old, new, undoes)
		VALUES (?,?,?,?,?,?,?,?,?)`, r.change, caseID, r.at, r.command, kind, id, string(old), string(cur), r.undoes)
	return err
}

// History lists the changes of one case, oldest first.
func (s *Store) History(ctx context.Context, caseID int64) ([]HistoryEntry, error) {
	if _, err := s.Case(ctx, caseID); err != nil {
		var nf *NotFoundError
		// A case whose creation was undone still has its history.
		if !errors.As(err, &nf) {
			return nil, err
		}
		hs, herr := listHistory(ctx, s.db, caseID)
		if herr != nil || len(hs) == 0 {
			return nil, err
		}
		return hs, nil
	}
	return listHistory(ctx, s.db, caseID)
}

// undoQuery finds the changes an undo may take back: not an undo, and not
// undone yet.
const undoQuery = `SELECT change FROM history h WHERE undoes IS NULL
	AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.change)`

const historyColumns = "id, change, case_id, at, command, kind, entry_id, old, new, undoes"

const qCaseHistory = "case_id = ? ORDER BY change, id"

func listHistory(ctx context.Context, q querier, caseID int64) ([]HistoryEntry, error) {
	return queryHistory(ctx, q, qCaseHistory, caseID)
}

func queryHistory(ctx context.Context, q querier, where string, args ...any) ([]HistoryEntry, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+historyColumns+" FROM history WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []HistoryEntry{}
	for rows.Next() {
		var h HistoryEntry
		var at, old, cur string
		var undoes sql.NullInt64
		if err := rows.Scan(&h.ID, &h.Change, &h.CaseID, &at, &h.Command, &h.Kind, &h.EntryID, &old, &cur, &undoes); err != nil {
			return nil, err
		}
		if old != "" {
			h.Old = json.RawMessage(old)
		}
		if cur != "" {
			h.New = json.RawMessage(cur)
		}
		if undoes.Valid {
			h.Undoes = &undoes.Int64
		}
		if h.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

func putHistory(tx *sql.Tx, h *HistoryEntry) error {
	old, cur := string(h.Old), string(h.New)
	if old == "null" {
		old = ""
	}
	if cur == "null" {
		cur = ""
	}
	res, err := tx.Exec(`INSERT INTO history (id, change, case_id, at, command, kind, entry_id, old, new, undoes)
		VALUES (NULLIF(?,0),?,?,?,?,?,?,?,?,?)`, h.ID, h.Change, h.CaseID, formatTime(h.At), h.Command, h.Kind,
		h.EntryID, old, cur, h.Undoes)
	return setID(res, err, &h.ID)
}

// ErrNothingToUndo is returned by Undo when every change was undone.
var ErrNothingToUndo error = NewMessage("err_nothing_to_undo")

// ConflictError is an undo refused because an entry it would restore was
// changed since in a way the history does not show.
type ConflictError struct {
	Kind string
	ID   int64
	// NotEmpty: the change created a case that has entries now.
	NotEmpty bool
}

func (e *ConflictError) Error() string {
	if e.NotEmpty {
		return Say("err_conflict_case", e.ID)
	}
	return Say("err_conflict", e.Kind, e.ID)
}

// Undo reverts the most recent change not yet undone (of one case when
// caseID > 0; an undo is never itself undone, so repeated calls walk
// further back), restoring each entry it touched as it was, with its id.
// The undo is recorded as a change of its own. It returns the rows of the
// change it reverted.
func (s *Store) Undo(ctx context.Context, caseID int64) ([]HistoryEntry, error) {
	var undone []HistoryEntry
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		q := undoQuery
		var args []any
		if caseID > 0 {
			if err := caseExists(tx, caseID); err != nil {
				return err
			}
			q += " AND case_id = ?"
			args = append(args, caseID)
		}
		var change int64
		err := tx.QueryRow(q+" ORDER BY change DESC LIMIT 1", args...).Scan(&change)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return err
		}
		if undone, err = queryHistory(ctx, tx, "change = ? ORDER BY id", change); err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		rec.undoes = &change
		if rec.command == "" {
			rec.command = "undo"
		}
		// Last written first: children deleted before their contact are
		// restored after it.
		for i := len(undone) - 1; i >= 0; i-- {
			if err := revert(tx, rec, undone[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return undone, err
}

// revert puts one entry back as h.Old, after checking it is still h.New.
func revert(tx *sql.Tx, rec *recorder, h HistoryEntry) error {
	et, ok := entryTables[h.Kind]
	if !ok {
		return fmt.Errorf("casefile: cannot undo a change to %q", h.Kind) // words:ok a programming error
	}
	cur, err := rowSnapshot(tx, h.Kind, h.EntryID)
	if err != nil {
		return err
	}
	if !sameRow(cur, h.New) {
		return &ConflictError{Kind: h.Kind, ID: h.EntryID}
	}
	if h.Kind == "case" && len(h.Old) == 0 {
		if err := caseEmpty(tx, h.EntryID); err != nil {
			return err
		}
	}
	old, keys := decodeRow(h.Old)
	switch {
	case len(h.Old) == 0:
		if _, err := tx.Exec("DELETE FROM "+et.table+" WHERE "+et.key+" = ?", h.EntryID); err != nil {
			return err
		}
	case len(h.New) == 0:
		marks := strings.TrimSuffix(strings.Repeat("?,", len(keys)), ",")
		if _, err := tx.Exec("INSERT INTO "+et.table+" ("+strings.Join(keys, ", ")+") VALUES ("+marks+")", values(old, keys)...); err != nil {
			return err
		}
	default:
		set := make([]string, len(keys))
		for i, k := range keys {
			set[i] = k + " = ?"
		}
		args := append(values(old, keys), h.EntryID)
		if _, err := tx.Exec("UPDATE "+et.table+" SET "+strings.Join(set, ", ")+" WHERE "+et.key+" = ?", args...); err != nil {
			return err
		}
	}
	return rec.changed(h.Kind, h.CaseID, h.EntryID, cur)
}

func values(m map[string]any, keys []string) []any {
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// sameRow compares two snapshots column by column, over the columns the
// recorded one has (a later migration may add columns).
func sameRow(cur, recorded json.RawMessage) bool {
	if len(cur) == 0 || len(recorded) == 0 {
		return len(cur) == len(recorded)
	}
	c, _ := decodeRow(cur)
	r, keys := decodeRow(recorded)
	for _, k := range keys {
		if fmt.Sprint(c[k]) != fmt.Sprint(r[k]) {
			return false
		}
	}
	return true
}

// caseEmpty refuses to undo a case's creation while anything hangs off it.
func caseEmpty(tx *sql.Tx, id int64) error {
	var n int
	err := tx.QueryRow(`SELECT (SELECT count(*) FROM contacts WHERE case_id = ?1) + (SELECT count(*) FROM promises WHERE case_id = ?1)
		+ (SELECT count(*) FROM tickets WHERE case_id = ?1) + (SELECT count(*) FROM notes WHERE case_id = ?1)
		+ (SELECT count(*) FROM account_refs WHERE case_id = ?1) + (SELECT count(*) FROM escalations WHERE case_id = ?1)
		+ (SELECT count(*) FROM case_prep WHERE case_id = ?1) + (SELECT count(*) FROM evidence WHERE case_id = ?1)`, id).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		return &ConflictError{Kind: "case", ID: id, NotEmpty: true}
	}
	return nil
}

// MaskHistory masks the account reference values in history rows, as
// everywhere else a reference is shown unless revealed.
func MaskHistory(hs []HistoryEntry) {
	for i := range hs {
		if hs[i].Kind != "ref" {
			continue
		}
		hs[i].Old, hs[i].New = maskValue(hs[i].Old), maskValue(hs[i].New)
	}
}

func maskValue(raw json.RawMessage) json.RawMessage {
	m, keys := decodeRow(raw)
	if m == nil {
		return raw
	}
	if v, ok := m["value"].(string); ok {
		m["value"] = Mask(v)
	}
	return encodeRow(m, keys)
}

// encodeRow writes a snapshot back as a JSON object, its keys in order.
func encodeRow(m map[string]any, keys []string) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(m[k])
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// LastChange is the number of the most recent change in the case file (0
// when there is none): a command reads it first to find its own change.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(change), 0) FROM history").Scan(&n)
	return n, err
}

// VerifyHistory checks that the history and the data agree: every entry
// the history knows is as its latest history row left it (absent after a
// delete), and every undo reverted each row of the change it names. It
// returns one line per disagreement; none means they agree.
func (s *Store) VerifyHistory(ctx context.Context) ([]string, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fileError(err)
	}
	defer tx.Rollback()
	latest, err := queryHistory(ctx, tx, `id IN (SELECT max(id) FROM history GROUP BY kind, entry_id) ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, h := range latest {
		if _, ok := entryTables[h.Kind]; !ok {
			continue
		}
		cur, err := rowSnapshot(tx, h.Kind, h.EntryID)
		if err != nil {
			return nil, err
		}
		if !sameRow(cur, h.New) {
			bad = append(bad, fmt.Sprintf("%s %d is not as change %d left it", h.Kind, h.EntryID, h.Change)) // words:ok wrapped in a ConflictError the command words
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT u.change, u.undoes, count(*),
		(SELECT count(*) FROM history c WHERE c.change = u.undoes)
		FROM history u WHERE u.undoes IS NOT NULL GROUP BY u.change`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var change, undoes int64
		var n, want int
		if err := rows.Scan(&change, &undoes, &n, &want); err != nil {
			return nil, err
		}
		if n != want {
			bad = append(bad, fmt.Sprintf("undo %d reverted %d of the %d rows of change %d", change, n, want, undoes)) // words:ok a programming error
		}
	}
	return bad, rows.Err()
}

// CaseOf returns the case an entry of kind belongs to: commands read the
// case's date conventions before they read a date for the entry.
func (s *Store) CaseOf(ctx context.Context, kind string, id int64) (int64, error) {
	et, ok := entryTables[kind]
	if !ok || kind == "case" || kind == "prep" {
		return 0, fmt.Errorf("casefile: no case of entries of kind %q", kind) // words:ok a programming error
	}
	var caseID int64
	err := s.db.QueryRowContext(ctx, "SELECT case_id FROM "+et.table+" WHERE id = ?", id).Scan(&caseID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &NotFoundError{What: kind, ID: id}
	}
	return caseID, err
}
