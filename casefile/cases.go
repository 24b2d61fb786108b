package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

const caseColumns = `id, title, company, product, kind, problem, outcome, fallback, amount, currency,
	purchase_date, return_window_end, warranty_end, jurisdiction, lang, status, opened_at, closed_at, final_outcome, no_reply_days,
	company_phone, company_hours, delivered_date, sector, sale_channel, returned_date`

type rowScanner interface{ Scan(dest ...any) error }

func scanCase(r rowScanner) (Case, error) {
	var c Case
	var purchase, window, warranty, opened, closed, delivered, returned string
	err := r.Scan(&c.ID, &c.Title, &c.Company, &c.Product, &c.Kind, &c.Problem, &c.Outcome, &c.Fallback,
		&c.Amount, &c.Currency, &purchase, &window, &warranty, &c.Jurisdiction, &c.Lang, &c.Status,
		&opened, &closed, &c.FinalOutcome, &c.NoReplyDays, &c.Phone, &c.Hours, &delivered, &c.Sector, &c.SaleChannel, &returned)
	if err != nil {
		return c, err
	}
	if c.DeliveredDate, err = ParseStoredDate(delivered); err != nil {
		return c, err
	}
	if c.ReturnedDate, err = ParseStoredDate(returned); err != nil {
		return c, err
	}
	return c, fillCaseDates(&c, purchase, window, warranty, opened, closed)
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func formatOptionalTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return formatTime(*t)
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return t, fmt.Errorf("bad time %q in case file: %w" /* words:ok a damaged row; no user typed it */, s, err)
	}
	return t, nil
}

func parseOptionalTime(s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := parseTime(s)
	return &t, err
}

// CreateCase validates c, stores it and sets its ID. OpenedAt must be set
// by the caller (the injected clock).
func (s *Store) CreateCase(ctx context.Context, c *Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.OpenedAt.IsZero() {
		return errors.New("casefile: CreateCase needs OpenedAt" /* words:ok a programming error */)
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO cases (title, company, product, kind, problem, outcome, fallback,
			amount, currency, purchase_date, return_window_end, warranty_end, jurisdiction, lang, status,
			opened_at, closed_at, final_outcome, no_reply_days, company_phone, company_hours, delivered_date, sector, sale_channel, returned_date)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			c.Title, c.Company, c.Product, c.Kind, c.Problem, c.Outcome, c.Fallback, c.Amount, c.Currency,
			c.PurchaseDate.String(), c.ReturnWindowEnd.String(), c.WarrantyEnd.String(), c.Jurisdiction,
			c.Lang, c.Status, formatTime(c.OpenedAt), formatOptionalTime(c.ClosedAt), c.FinalOutcome, c.NoReplyDays,
			c.Phone, c.Hours, c.DeliveredDate.String(), c.Sector, c.SaleChannel, c.ReturnedDate.String())
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return newRecorder(ctx, tx).created("case", c.ID, c.ID)
	})
}

// Case returns one case without its entries.
func (s *Store) Case(ctx context.Context, id int64) (Case, error) {
	return getCase(ctx, s.db, id)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// qCase reads one case; TestQueryPlans checks it and the other q*
// queries and query builders of show, list, search and reminders.
const qCase = "SELECT " + caseColumns + " FROM cases WHERE id = ?"

func getCase(ctx context.Context, q querier, id int64) (Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, qCase, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &NotFoundError{What: "case", ID: id}
	}
	return c, err
}

// UpdateCase reads case id, lets change modify it, validates and stores the
// result, all inside one write transaction so a concurrent edit cannot be
// lost between the read and the write.
func (s *Store) UpdateCase(ctx context.Context, id int64, change func(*Case) error) (Case, error) {
	var c Case
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = getCase(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := change(&c); err != nil {
			return err
		}
		if err := c.Validate(); err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		old, err := rec.before("case", id)
		if err != nil {
			return err
		}
		if err := updateCase(tx, c); err != nil {
			return err
		}
		return rec.changed("case", id, id, old)
	})
	return c, err
}

func updateCase(tx *sql.Tx, c Case) error {
	_, err := tx.Exec(`UPDATE cases SET title=?, company=?, product=?, kind=?, problem=?, outcome=?,
		fallback=?, amount=?, currency=?, purchase_date=?, return_window_end=?, warranty_end=?,
		jurisdiction=?, lang=?, status=?, closed_at=?, final_outcome=?, no_reply_days=?,
		company_phone=?, company_hours=?, delivered_date=?, sector=?, sale_channel=?, returned_date=? WHERE id=?`,
		c.Title, c.Company, c.Product, c.Kind, c.Problem, c.Outcome, c.Fallback, c.Amount, c.Currency,
		c.PurchaseDate.String(), c.ReturnWindowEnd.String(), c.WarrantyEnd.String(), c.Jurisdiction,
		c.Lang, c.Status, formatOptionalTime(c.ClosedAt), c.FinalOutcome, c.NoReplyDays, c.Phone, c.Hours,
		c.DeliveredDate.String(), c.Sector, c.SaleChannel, c.ReturnedDate.String(), c.ID)
	return err
}

// CloseCase marks a case closed with its final outcome.
func (s *Store) CloseCase(ctx context.Context, id int64, outcome string, at time.Time) (Case, error) {
	outcome = strings.TrimSpace(outcome)
	if outcome == "" {
		return Case{}, &InvalidError{Field: "outcome", Problem: "empty"}
	}
	return s.UpdateCase(ctx, id, func(c *Case) error {
		c.Status = StatusClosed
		c.ClosedAt = &at
		c.FinalOutcome = outcome
		return nil
	})
}

// ReopenCase makes a closed or resolved case open again; the final outcome
// is kept in the search index history only through the notes the user adds.
func (s *Store) ReopenCase(ctx context.Context, id int64) (Case, error) {
	return s.UpdateCase(ctx, id, func(c *Case) error {
		if c.Status.Active() {
			return &InvalidError{Field: "status", Problem: "already", Args: []any{c.ID, c.Status}}
		}
		c.Status = StatusOpen
		c.ClosedAt = nil
		return nil
	})
}

// Full returns a case with all its entries, each list in time order, read
// in one snapshot.
func (s *Store) Full(ctx context.Context, id int64) (Full, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Full{}, s.fileError(err)
	}
	defer tx.Rollback()
	return fullIn(ctx, tx, id)
}

// ListFilter selects cases for List. The zero value lists active cases.
type ListFilter struct {
	All     bool   // include resolved and closed cases
	Status  Status // only this status (implies All for closed/resolved)
	Company string // case-insensitive exact company name
	// Limit is the most cases to return (the newest); 0 means all.
	Limit int
}

// Summary is one row of the case list.
type Summary struct {
	Case
	Pending     int      `json:"pending_promises"`
	NextPromise *Promise `json:"next_promise"`
}

// List returns the cases the filter selects, newest first, each with its
// next pending promise (the earliest due).
func (s *Store) List(ctx context.Context, f ListFilter) ([]Summary, error) {
	var out []Summary
	err := s.EachListed(ctx, f, func(sm *Summary) error {
		out = append(out, *sm)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachListed calls fn with each case List would return, in the same
// order, as the one query reads it, so a caller printing every case of
// a large file holds one at a time. The Summary passed to fn is valid
// only during the call; its NextPromise is its own. An error from fn stops the
// reading and is returned.
func (s *Store) EachListed(ctx context.Context, f ListFilter, fn func(*Summary) error) error {
	q, args, err := listQuery(f)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return s.fileError(err)
	}
	defer rows.Close()
	var sm Summary
	var nextID sql.NullInt64
	var opened, closed, purchase, window, warranty, delivered, returned string
	var contact sql.NullInt64
	var pCaseID sql.NullInt64
	var text, by, due, status, said, created, settled sql.NullString
	var confirmed sql.NullBool
	for rows.Next() {
		sm = Summary{}
		err := rows.Scan(&sm.ID, &sm.Title, &sm.Company, &sm.Product, &sm.Kind, &sm.Problem, &sm.Outcome,
			&sm.Fallback, &sm.Amount, &sm.Currency, &purchase, &window, &warranty, &sm.Jurisdiction, &sm.Lang,
			&sm.Status, &opened, &closed, &sm.FinalOutcome, &sm.NoReplyDays, &sm.Phone, &sm.Hours, &delivered, &sm.Sector, &sm.SaleChannel, &returned, &sm.Pending,
			&nextID, &pCaseID, &contact, &text, &by, &due, &status, &confirmed, &said, &created, &settled)
		if err != nil {
			return err
		}
		if err := fillCaseDates(&sm.Case, purchase, window, warranty, opened, closed); err != nil {
			return err
		}
		if sm.DeliveredDate, err = ParseStoredDate(delivered); err != nil {
			return err
		}
		if sm.ReturnedDate, err = ParseStoredDate(returned); err != nil {
			return err
		}
		if nextID.Valid {
			p := &Promise{ID: nextID.Int64, CaseID: pCaseID.Int64, Text: text.String, By: by.String,
				Status: PromiseStatus(status.String), Confirmed: confirmed.Bool}
			if contact.Valid {
				id := contact.Int64
				p.ContactID = &id
			}
			var errs [4]error
			p.Due, errs[0] = ParseStoredDate(due.String)
			p.CreatedAt, errs[1] = parseTime(created.String)
			p.SettledAt, errs[2] = parseOptionalTime(settled.String)
			p.At, errs[3] = parseTime(said.String)
			if err := errors.Join(errs[:]...); err != nil {
				return err
			}
			sm.NextPromise = p
		}
		if err := fn(&sm); err != nil {
			return err
		}
	}
	return rows.Err()
}

// listQuery is the one query of List: each case with its count of pending
// promises and, joined in, the earliest-due one (it used to be fetched
// with one more query per case, 6,000 queries for a long list).
func listQuery(f ListFilter) (string, []any, error) {
	var where []string
	var args []any
	switch {
	case f.Status != "":
		if !oneOf(f.Status, Statuses) {
			return "", nil, &InvalidError{Field: "status", Problem: "unknown", Args: []any{f.Status}, Allowed: join(Statuses)}
		}
		where = append(where, "c.status = ?")
		args = append(args, f.Status)
	case !f.All:
		// NOT IN, so the plan walks cases newest first and stops at the
		// limit (most cases are open); an IN over the status index would
		// fetch every open case and sort them before the limit applies.
		where = append(where, "c.status NOT IN ('resolved', 'closed')")
	}
	if f.Company != "" {
		where = append(where, "c.company = ? COLLATE NOCASE")
		args = append(args, f.Company)
	}
	q := "SELECT " + qualified("c.", caseColumns) + `,
		(SELECT count(*) FROM promises p WHERE p.case_id = c.id AND p.status = 'pending'),
		` + qualified("n.", promiseColumns) + `
		FROM cases c LEFT JOIN promises n ON n.id =
			(SELECT p.id FROM promises p WHERE p.case_id = c.id AND p.status = 'pending' ORDER BY p.due = '', p.due, p.id LIMIT 1)`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY c.id DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return q, args, nil
}

// activeStatusList is the SQL list of the statuses that are Active: an IN
// over it searches the cases_status index where NOT IN would scan the
// table (EachActiveCase reads every active case, in any order).
var activeStatusList = func() string {
	var q []string
	for _, st := range Statuses {
		if st.Active() {
			q = append(q, "'"+string(st)+"'")
		}
	}
	return "(" + strings.Join(q, ", ") + ")"
}()

// qualified prefixes every column of a column list with a table alias.
func qualified(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

func fillCaseDates(c *Case, purchase, window, warranty, opened, closed string) error {
	var errs [5]error // an array, not a growing slice: List calls this for every case
	c.PurchaseDate, errs[0] = ParseStoredDate(purchase)
	c.ReturnWindowEnd, errs[1] = ParseStoredDate(window)
	c.WarrantyEnd, errs[2] = ParseStoredDate(warranty)
	c.OpenedAt, errs[3] = parseTime(opened)
	c.ClosedAt, errs[4] = parseOptionalTime(closed)
	return errors.Join(errs[:]...)
}

// CaseIDs returns how many cases exist and the lowest and highest number,
// so an error about a missing case can say which ones exist.
func (s *Store) CaseIDs(ctx context.Context) (count int, lowest, highest int64, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT count(*), coalesce(min(id), 0), coalesce(max(id), 0) FROM cases").
		Scan(&count, &lowest, &highest)
	return count, lowest, highest, err
}
