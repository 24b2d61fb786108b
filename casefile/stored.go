package casefile

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// Stored reminders (migration 0012): each case's reminders are kept in
// case_reminders, rewritten in the transaction of every change to the
// case, so reading them is one indexed range query.
//
// The case file does not know the rules: package reminders does, and it
// imports this one. A Store is given the rules as a ReminderRules value
// (reminders.Stored), which computes a case's rows from the same Full the
// rules have always read. Triggers on every table the rules read mark the
// changed case in case_reminders_dirty, so no write path (a command, an
// undo, an import, a merge import, a migration) can forget one; WithTx
// rewrites the marked cases' rows before it commits. A Store without
// rules (a test, a tool) leaves the marks, and the next reminders command
// rewrites them (RefreshReminders). The rows are valid for the zone and
// rules version the stamp names; when either changes, the first reminders
// command rebuilds them all, once.

// StoredReminder is one row of case_reminders.
type StoredReminder struct {
	UID     string
	CaseID  int64
	Rule    string
	EntryID int64
	At      Date
	// Start is the Unix second the reminder begins in the stamp's zone
	// (an all-day one at midnight): the order of every list and export.
	Start int64
	// ListedOverdue: the reminder stays on the list once overdue, as its
	// cause is still open.
	ListedOverdue bool
	Lang          string
	Summary       string
	Description   string
	Next          string
	// Hash is the SHA-256 of the reminder as an export records it (JSON,
	// see package reminders): the export state compares hashes, not
	// reminders.
	Hash string
}

// ReminderRules makes the stored reminders of a case. Package reminders
// implements it (reminders.Stored); commands give it to the Store with
// UseReminderRules.
type ReminderRules interface {
	// Stamp names the zone and the version of the rules, their words and
	// the rights table: rows stored under another stamp are rebuilt.
	Stamp() string
	// Rows returns the reminders of one case of the case file fileID.
	Rows(f Full, fileID string) ([]StoredReminder, error)
}

// UseReminderRules makes every change through this Store rewrite the
// stored reminders of the cases it touched, in its transaction.
func (s *Store) UseReminderRules(r ReminderRules) { s.rules = r }

// ErrNoReminderRules is returned by the reads of stored reminders on a
// Store that was given no rules: they could not be brought up to date.
var ErrNoReminderRules = errors.New("casefile: no reminder rules") // words:ok a programming error

// rebuildAbove is how many marked cases make rewriting them one by one
// (five queries each) slower than rebuilding every row in one pass.
const rebuildAbove = 300

// syncReminders rewrites, inside tx, the rows of the cases tx changed; when
// the rows are of another stamp (the first change after an upgrade, a new
// zone), it rebuilds them all, once. A change that marked no case (a
// note) costs one small query.
func (s *Store) syncReminders(ctx context.Context, tx *sql.Tx) error {
	if s.rules == nil {
		return nil
	}
	_, dirty, err := reminderState(ctx, tx)
	if err != nil || !dirty {
		return err
	}
	return s.refreshIn(ctx, tx)
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func reminderState(ctx context.Context, q queryRower) (stamp string, dirty bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT stamp, EXISTS (SELECT 1 FROM case_reminders_dirty) FROM case_reminders_stamp`).Scan(&stamp, &dirty)
	return stamp, dirty, err
}

// RefreshReminders brings the stored reminders up to date: all of them
// when the stamp differs from the rules' (a new zone, a new version, a
// migrated or imported file), else those of the cases marked changed. It
// writes only when there is something to do.
func (s *Store) RefreshReminders(ctx context.Context) error {
	if s.rules == nil {
		return ErrNoReminderRules
	}
	stamp, dirty, err := reminderState(ctx, s.db)
	if err != nil {
		return s.fileError(err)
	}
	if stamp == s.rules.Stamp() && !dirty {
		return nil
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error { return s.refreshIn(ctx, tx) })
}

// refreshIn is RefreshReminders inside tx.
func (s *Store) refreshIn(ctx context.Context, tx *sql.Tx) error {
	stamp, dirty, err := reminderState(ctx, tx)
	switch {
	case err != nil:
		return err
	case stamp != s.rules.Stamp():
		return s.rebuildReminders(ctx, tx)
	case dirty:
		return s.rewriteDirty(ctx, tx)
	}
	return nil
}

func txFileID(ctx context.Context, tx *sql.Tx) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, `SELECT file_id FROM file_info`).Scan(&id)
	return id, err
}

// rewriteDirty rewrites the rows of every marked case and clears the marks.
func (s *Store) rewriteDirty(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT case_id FROM case_reminders_dirty ORDER BY case_id LIMIT ?`, rebuildAbove+1)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(ids) > rebuildAbove {
		return s.rebuildReminders(ctx, tx)
	}
	w, err := newReminderWriter(ctx, tx, s.rules)
	if err != nil {
		return err
	}
	defer w.close()
	for _, id := range ids {
		// Only the rows that changed are written: a heavy case's rows are
		// long, and most changes leave most of them as they were.
		if w.old, err = storedHashes(ctx, tx, id); err != nil {
			return err
		}
		if err := eachActive(ctx, tx, "id = ? AND status IN "+activeStatusList, []any{id}, w.write); err != nil {
			return err
		}
		for uid := range w.old {
			if _, err := tx.ExecContext(ctx, `DELETE FROM case_reminders WHERE uid = ?`, uid); err != nil {
				return err
			}
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM case_reminders_dirty`)
	return err
}

// rebuildReminders replaces every row, in one pass over the active cases,
// and stamps them.
func (s *Store) rebuildReminders(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DELETE FROM case_reminders`, `DELETE FROM case_reminders_dirty`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	w, err := newReminderWriter(ctx, tx, s.rules)
	if err != nil {
		return err
	}
	defer w.close()
	if err := eachActive(ctx, tx, "status IN "+activeStatusList, nil, w.write); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE case_reminders_stamp SET stamp = ?`, s.rules.Stamp())
	return err
}

type reminderWriter struct {
	rules  ReminderRules
	fileID string
	stmt   *sql.Stmt
	// old are the hashes and superseded days of the rows stored before,
	// by UID: a row with the same of both is not written again, and write
	// removes each UID it makes, leaving those to delete.
	old map[string]storedState
	// starts are the starts of the rows of the case being written, by
	// UID, to find a due-day row's follow-up.
	starts map[string]int64
}

// storedState is what decides whether a stored row is written again.
type storedState struct {
	hash       string
	superseded int64
}

// notSuperseded is the superseded of a row no follow-up replaces.
const notSuperseded = math.MaxInt64

// storedHashes are the UIDs, hashes and superseded days of one case's
// stored rows.
func storedHashes(ctx context.Context, tx *sql.Tx, caseID int64) (map[string]storedState, error) {
	rows, err := tx.QueryContext(ctx, `SELECT uid, hash, superseded FROM case_reminders WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]storedState{}
	for rows.Next() {
		var uid string
		var st storedState
		if err := rows.Scan(&uid, &st.hash, &st.superseded); err != nil {
			return nil, err
		}
		m[uid] = st
	}
	return m, rows.Err()
}

func newReminderWriter(ctx context.Context, tx *sql.Tx, rules ReminderRules) (*reminderWriter, error) {
	fileID, err := txFileID(ctx, tx)
	if err != nil {
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO case_reminders (uid, case_id, rule, entry_id, at, start,
		listed_overdue, lang, summary, description, next, hash, superseded) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (uid) DO UPDATE SET case_id = excluded.case_id, rule = excluded.rule, entry_id = excluded.entry_id,
			at = excluded.at, start = excluded.start, listed_overdue = excluded.listed_overdue, lang = excluded.lang,
			summary = excluded.summary, description = excluded.description, next = excluded.next, hash = excluded.hash,
			superseded = excluded.superseded`)
	if err != nil {
		return nil, err
	}
	return &reminderWriter{rules: rules, fileID: fileID, stmt: stmt, starts: map[string]int64{}}, nil
}

func (w *reminderWriter) write(f Full) error {
	rs, err := w.rules.Rows(f, w.fileID)
	if err != nil {
		return err
	}
	clear(w.starts)
	for _, r := range rs {
		w.starts[r.UID] = r.Start
	}
	for _, r := range rs {
		sup := w.superseded(r)
		if st, ok := w.old[r.UID]; ok {
			delete(w.old, r.UID)
			if st == (storedState{r.Hash, sup}) {
				continue
			}
		}
		if _, err := w.stmt.Exec(r.UID, r.CaseID, r.Rule, r.EntryID, r.At.String(), r.Start, r.ListedOverdue,
			r.Lang, r.Summary, r.Description, r.Next, r.Hash, sup); err != nil {
			return err
		}
	}
	return nil
}

// superseded is the start of the follow-up of a promise's due-day
// reminder (rows of the same case, as the rules make both), from which a
// list leaves the due-day one out; notSuperseded for every other row.
func (w *reminderWriter) superseded(r StoredReminder) int64 {
	if r.Rule != "promise-due" {
		return notSuperseded
	}
	if start, ok := w.starts[strings.Replace(r.UID, "-due@", "-followup@", 1)]; ok {
		return start
	}
	return notSuperseded
}

func (w *reminderWriter) close() { w.stmt.Close() }

const (
	storedColumns = `uid, case_id, rule, entry_id, at, start, listed_overdue, lang, summary, description, next, hash`
	briefColumns  = `uid, case_id, rule, entry_id, at, start, listed_overdue, lang, summary, '', next, hash`
)

func scanStored(rows rowScanner, r *StoredReminder) error {
	var at string
	if err := rows.Scan(&r.UID, &r.CaseID, &r.Rule, &r.EntryID, &at, &r.Start, &r.ListedOverdue, &r.Lang,
		&r.Summary, &r.Description, &r.Next, &r.Hash); err != nil {
		return err
	}
	var err error
	r.At, err = ParseStoredDate(at)
	return err
}

// NoEnd is the end of a range that has none (ListReminders with --all).
const NoEnd = math.MaxInt64

// ReminderRange says which stored reminders a list shows.
type ReminderRange struct {
	// CaseID: one case (which must exist) when above 0.
	CaseID int64
	// From is the start of today: the reminders still listed once overdue
	// that begin before it are shown, then every one from it to To (NoEnd:
	// no end).
	From, To int64
	// Now: a timed reminder from today that is not listed once overdue
	// drops out when its moment has passed. Tomorrow: a promise's due-day
	// reminder drops out once its follow-up begins before it (the
	// follow-up says the same thing, louder). As reminders.Upcoming.
	Now, Tomorrow int64
	// Limit: at most this many, overdue first (0: all).
	Limit int
	// Brief leaves the descriptions out (empty): a table prints none, and
	// a heavy case's are long.
	Brief bool
	// CountCap is where the counts of what is left out stop (0:
	// DefaultCountCap).
	CountCap int
}

// DefaultCountCap is where a list's counts of what it leaves out stop.
// Counting every row left out read every overdue and every later entry
// of the index, and every row of the days shown, so a screenful took
// longer the more cases a file held (1.6x from 10,000 to 40,000 cases;
// issue 19 wants it flat). Nobody on hold needs to know whether 7,080 or
// 7,081 more are waiting, beside a screen of 50: past the cap the list
// says "100 or more", which is still true.
const DefaultCountCap = 100

// ReminderCounts is what a list left out: Cut, within the days shown, by
// the limit; Later, after the last day shown. AtLeast: a count reached
// the cap, so the numbers are the least there are.
type ReminderCounts struct {
	Cut, Later int
	AtLeast    bool
}

// listShown is the condition of ListReminders' rows beside their range:
// a due-day reminder whose follow-up begins before tomorrow is left out
// (superseded, stored with the row), and so is a timed one not listed
// once overdue whose moment has passed. The overdue rows are all listed
// once overdue: only the first part applies, which their index answers
// alone (?5 = ?5 keeps the parameters of both parts the same, as ?3 = 0
// does for the case).
const (
	listShownOverdue = ` AND superseded >= ?4 AND ?5 = ?5`
	listShown        = ` AND superseded >= ?4 AND (listed_overdue OR start > ?5 OR instr(at, 'T') = 0)`
)

// ListReminders brings the stored reminders up to date and calls fn with
// those a list shows (rg), soonest first, at most rg.Limit of them, and
// counts the rest. Each part is a range of an index, and the rows past
// the limit are only counted; none reads a case.
func (s *Store) ListReminders(ctx context.Context, rg ReminderRange, fn func(StoredReminder) error) (n ReminderCounts, err error) {
	if err := s.RefreshReminders(ctx); err != nil {
		return n, err
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return n, s.fileError(err)
	}
	defer tx.Rollback()
	one := " AND ?3 = 0"
	if rg.CaseID > 0 {
		if err := caseExists(tx, rg.CaseID); err != nil {
			return n, err
		}
		one = " AND case_id = ?3"
	}
	args := []any{rg.From, rg.To, rg.CaseID, rg.Tomorrow, rg.Now, -1}
	overdue, window, later := listRemindersQueries(rg.Brief, one)
	countCap := rg.CountCap
	if countCap <= 0 {
		countCap = DefaultCountCap
	}
	// count counts q's rows past the first skip, up to the cap.
	count := func(q string, args []any, skip int) (int, error) {
		c := 0
		err := tx.QueryRowContext(ctx, cappedCount(q, skip+countCap), args...).Scan(&c)
		n.AtLeast = n.AtLeast || c >= skip+countCap
		return c - skip, err
	}
	shown, left := 0, rg.Limit
	for _, q := range []string{overdue, window} {
		if rg.Limit > 0 && left == 0 {
			// Full: the rest of this part is only counted.
			c, err := count(q, args[:5], 0)
			if err != nil {
				return n, err
			}
			n.Cut += c
			continue
		}
		if rg.Limit > 0 {
			args[5] = left
		}
		got := 0
		if err := eachStored(ctx, tx, q, args, func(r StoredReminder) error { got++; return fn(r) }); err != nil {
			return n, err
		}
		shown += got
		if rg.Limit > 0 {
			if got == left {
				// Perhaps more: count this part whole.
				c, err := count(q, args[:5], got)
				if err != nil {
					return n, err
				}
				n.Cut += c
			}
			left -= got
		}
	}
	if rg.To != NoEnd {
		n.Later, err = count(later, args[:3], 0)
	}
	return n, err
}

// listRemindersQueries are the queries of ListReminders: the overdue rows
// and those of the days shown (each up to ?6, -1 for no limit), and the
// count of those after them.
func listRemindersQueries(brief bool, one string) (overdue, window, later string) {
	cols := storedColumns
	if brief {
		cols = briefColumns
	}
	overdue = `SELECT ` + cols + ` FROM case_reminders r WHERE listed_overdue AND start < ?1` + one + listShownOverdue + ` ORDER BY start, case_id, uid LIMIT ?6`
	window = `SELECT ` + cols + ` FROM case_reminders r WHERE start >= ?1 AND start < ?2` + one + listShown + ` ORDER BY start, case_id, uid LIMIT ?6`
	later = `SELECT 1 FROM case_reminders WHERE start >= ?2` + one + ` ORDER BY start`
	return overdue, window, later
}

// cappedCount is a list query's count of its rows, up to limit: it reads
// at most limit entries of the index, however many there are.
func cappedCount(q string, limit int) string {
	from := strings.Index(q, " FROM ")
	order := strings.Index(q, " ORDER BY ")
	return `SELECT count(*) FROM (SELECT 1` + q[from:order] + ` LIMIT ` + strconv.Itoa(limit) + `)`
}

func eachStored(ctx context.Context, tx *sql.Tx, q string, args []any, fn func(StoredReminder) error) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r StoredReminder
	for rows.Next() {
		if err := scanStored(rows, &r); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StoredReminders returns every stored reminder of one case (all cases
// when caseID is 0), soonest first, as they are stored: for push, which
// sends each, and for the test that compares them with the rules.
func (s *Store) StoredReminders(ctx context.Context, caseID int64) ([]StoredReminder, error) {
	if err := s.RefreshReminders(ctx); err != nil {
		return nil, err
	}
	return s.StoredRemindersAsIs(ctx, caseID)
}

// StoredRemindersAsIs reads the rows without bringing them up to date
// first: for the check that every change kept them so.
func (s *Store) StoredRemindersAsIs(ctx context.Context, caseID int64) ([]StoredReminder, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.fileError(err)
	}
	defer tx.Rollback()
	q := `SELECT ` + storedColumns + ` FROM case_reminders ORDER BY start, case_id, uid`
	var args []any
	if caseID > 0 {
		if err := caseExists(tx, caseID); err != nil {
			return nil, err
		}
		q = `SELECT ` + storedColumns + ` FROM case_reminders WHERE case_id = ? ORDER BY start, case_id, uid`
		args = append(args, caseID)
	}
	out := []StoredReminder{}
	err = eachStored(ctx, tx, q, args, func(r StoredReminder) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// ReminderStamp is the stamp the stored rows carry ("" when they must be
// rebuilt) and whether any case is marked changed since they were written.
func (s *Store) ReminderStamp(ctx context.Context) (string, bool, error) {
	return reminderState(ctx, s.db)
}

// ExportRow is one stored reminder beside what an export target last
// received of it.
type ExportRow struct {
	StoredReminder
	// Known: the target has a record of this UID. Same: its recorded hash
	// is this one's, and it was not cancelled since. Sequence and
	// Modified are the record's.
	Known, Same bool
	Sequence    int
	Modified    time.Time
}

// ReminderExport is one export of the stored reminders to a target, inside one
// transaction (a write one when there is a target to record): Rows
// streams the live reminders, Dropped lists the ones to cancel, and
// Record stores the new state, all from the same snapshot.
type ReminderExport struct {
	tx     *sql.Tx
	target string
	caseID int64
}

// BeginExport brings the stored reminders up to date and starts an export
// to target ("" for a stream, which keeps no state) of one case (caseID
// > 0) or all. The caller must End it.
func (s *Store) BeginExport(ctx context.Context, target string, caseID int64) (*ReminderExport, error) {
	if s.rules == nil {
		return nil, ErrNoReminderRules
	}
	var opts *sql.TxOptions
	if target == "" {
		if err := s.RefreshReminders(ctx); err != nil {
			return nil, err
		}
		opts = &sql.TxOptions{ReadOnly: true}
	}
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, s.fileError(err)
	}
	e := &ReminderExport{tx: tx, target: target, caseID: caseID}
	if target != "" {
		if err := s.refreshIn(ctx, tx); err != nil {
			tx.Rollback()
			return nil, s.fileError(err)
		}
	}
	if caseID > 0 {
		if err := caseExists(tx, caseID); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	return e, nil
}

func (e *ReminderExport) caseFilter(col string) string {
	if e.caseID > 0 {
		return " AND " + col + " = ?2"
	}
	return " AND ?2 = 0"
}

// Rows calls fn with every live reminder, soonest first, with the
// target's record of it.
func (e *ReminderExport) Rows(ctx context.Context, fn func(ExportRow) error) error {
	rows, err := e.tx.QueryContext(ctx, exportRowsQuery(e.caseFilter("r.case_id")), e.target, e.caseID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r ExportRow
	for rows.Next() {
		var at, modified string
		var seq sql.NullInt64
		var prevHash, cancelled sql.NullString
		if err := rows.Scan(&r.UID, &r.CaseID, &r.Rule, &r.EntryID, &at, &r.Start, &r.ListedOverdue, &r.Lang,
			&r.Summary, &r.Description, &r.Next, &r.Hash, &seq, &modified, &prevHash, &cancelled); err != nil {
			return err
		}
		var e1, e2 error
		r.At, e1 = ParseStoredDate(at)
		r.Known, r.Sequence = seq.Valid, int(seq.Int64)
		r.Same = r.Known && prevHash.String == r.Hash && cancelled.String == ""
		r.Modified = time.Time{}
		if r.Known {
			r.Modified, e2 = parseTime(modified)
		}
		if err := errors.Join(e1, e2); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func exportRowsQuery(filter string) string {
	return `SELECT r.uid, r.case_id, r.rule, r.entry_id, r.at, r.start, r.listed_overdue, r.lang, r.summary,
		r.description, r.next, r.hash, x.sequence, coalesce(x.last_modified, ''), x.hash, x.cancelled_at
		FROM case_reminders r LEFT JOIN reminder_exports x ON x.target = ?1 AND x.uid = r.uid
		WHERE true` + filter + ` ORDER BY r.start, r.case_id, r.uid`
}

// Dropped returns the target's records of reminders that no longer
// exist and were not cancelled yet: each is to be sent once, cancelled.
func (e *ReminderExport) Dropped(ctx context.Context) ([]ExportRecord, error) {
	if e.target == "" {
		return nil, nil
	}
	rows, err := e.tx.QueryContext(ctx, droppedQuery(e.caseFilter("x.case_id")), e.target, e.caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ExportRecord
	for rows.Next() {
		var r ExportRecord
		var modified, cancelled string
		if err := rows.Scan(&r.Target, &r.UID, &r.CaseID, &r.Content, &r.Hash, &r.Sequence, &modified, &cancelled); err != nil {
			return nil, err
		}
		var err error
		if r.LastModified, err = parseTime(modified); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func droppedQuery(filter string) string {
	return `SELECT target, uid, case_id, content, hash, sequence, last_modified, cancelled_at
		FROM reminder_exports x WHERE target = ?1 AND cancelled_at = ''` + filter + `
		AND NOT EXISTS (SELECT 1 FROM case_reminders r WHERE r.uid = x.uid) ORDER BY uid`
}

// recordQueries are the two statements of Record: the live reminders
// new or changed for the target, and the dropped ones cancelled.
func recordQueries(liveFilter, droppedFilter string) (live, dropped string) {
	return `INSERT INTO reminder_exports (target, uid, case_id, content, hash, sequence, last_modified, cancelled_at)
		SELECT ?1, r.uid, r.case_id, ` + exportContent + `, r.hash, 0, ?3, '' FROM case_reminders r
		WHERE NOT EXISTS (SELECT 1 FROM reminder_exports x WHERE x.target = ?1 AND x.uid = r.uid AND x.hash = r.hash AND x.cancelled_at = '')` +
			liveFilter + `
		ON CONFLICT (target, uid) DO UPDATE SET case_id = excluded.case_id, content = excluded.content, hash = excluded.hash,
			sequence = sequence + 1, last_modified = excluded.last_modified, cancelled_at = ''`,
		`UPDATE reminder_exports SET sequence = sequence + 1, last_modified = ?3, cancelled_at = ?3
		WHERE target = ?1 AND cancelled_at = ''` + droppedFilter + `
		AND NOT EXISTS (SELECT 1 FROM case_reminders r WHERE r.uid = reminder_exports.uid)`
}

// Record stores, at now, that target received every live reminder (a new
// or changed one with SEQUENCE raised and now as its modification time,
// an unchanged one as it was) and the cancellation of every dropped one.
// It returns how many live reminders were new or changed.
func (e *ReminderExport) Record(ctx context.Context, now time.Time) (changed int, err error) {
	if e.target == "" {
		return 0, nil
	}
	stamp := formatTime(now.UTC().Truncate(time.Second))
	live, dropped := recordQueries(e.caseFilter("r.case_id"), e.caseFilter("case_id"))
	res, err := e.tx.ExecContext(ctx, live, e.target, e.caseID, stamp)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	_, err = e.tx.ExecContext(ctx, dropped, e.target, e.caseID, stamp)
	return int(n), err
}

// exportContent is the JSON of a stored reminder an export record keeps,
// for the cancellation it may send one day (package reminders decodes
// it). The hash beside it is of Go's encoding of the same fields.
const exportContent = `json_object('uid', r.uid, 'case_id', r.case_id, 'rule', r.rule, 'entry_id', r.entry_id, 'at', r.at,
	'lang', r.lang, 'summary', r.summary, 'description', r.description, 'next', r.next)`

// Commit ends the export, keeping what Record stored.
func (e *ReminderExport) Commit() error { return e.tx.Commit() }

// End ends the export; after Commit it does nothing, before it it
// forgets what Record stored.
func (e *ReminderExport) End() { e.tx.Rollback() }
