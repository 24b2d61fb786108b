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
	purchase_date, return_window_end, warranty_end, jurisdiction, lang, status, opened_at, closed_at, final_outcome, no_reply_days`

type rowScanner interface{ Scan(dest ...any) error }

func scanCase(r rowScanner) (Case, error) {
	var c Case
	var purchase, window, warranty, opened, closed string
	err := r.Scan(&c.ID, &c.Title, &c.Company, &c.Product, &c.Kind, &c.Problem, &c.Outcome, &c.Fallback,
		&c.Amount, &c.Currency, &purchase, &window, &warranty, &c.Jurisdiction, &c.Lang, &c.Status,
		&opened, &closed, &c.FinalOutcome, &c.NoReplyDays)
	if err != nil {
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
		return t, fmt.Errorf("bad time %q in case file: %w", s, err)
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
		return errors.New("casefile: CreateCase needs OpenedAt")
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO cases (title, company, product, kind, problem, outcome, fallback,
			amount, currency, purchase_date, return_window_end, warranty_end, jurisdiction, lang, status,
			opened_at, closed_at, final_outcome, no_reply_days) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			c.Title, c.Company, c.Product, c.Kind, c.Problem, c.Outcome, c.Fallback, c.Amount, c.Currency,
			c.PurchaseDate.String(), c.ReturnWindowEnd.String(), c.WarrantyEnd.String(), c.Jurisdiction,
			c.Lang, c.Status, formatTime(c.OpenedAt), formatOptionalTime(c.ClosedAt), c.FinalOutcome, c.NoReplyDays)
		if err != nil {
			return err
		}
		c.ID, err = res.LastInsertId()
		return err
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

func getCase(ctx context.Context, q querier, id int64) (Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, "SELECT "+caseColumns+" FROM cases WHERE id = ?", id))
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
		return updateCase(tx, c)
	})
	return c, err
}

func updateCase(tx *sql.Tx, c Case) error {
	_, err := tx.Exec(`UPDATE cases SET title=?, company=?, product=?, kind=?, problem=?, outcome=?,
		fallback=?, amount=?, currency=?, purchase_date=?, return_window_end=?, warranty_end=?,
		jurisdiction=?, lang=?, status=?, closed_at=?, final_outcome=?, no_reply_days=? WHERE id=?`,
		c.Title, c.Company, c.Product, c.Kind, c.Problem, c.Outcome, c.Fallback, c.Amount, c.Currency,
		c.PurchaseDate.String(), c.ReturnWindowEnd.String(), c.WarrantyEnd.String(), c.Jurisdiction,
		c.Lang, c.Status, formatOptionalTime(c.ClosedAt), c.FinalOutcome, c.NoReplyDays, c.ID)
	return err
}

// CloseCase marks a case closed with its final outcome.
func (s *Store) CloseCase(ctx context.Context, id int64, outcome string, at time.Time) (Case, error) {
	outcome = strings.TrimSpace(outcome)
	if outcome == "" {
		return Case{}, &InvalidError{Field: "outcome", Reason: "must not be empty: say how it ended"}
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
			return &InvalidError{Field: "status", Reason: fmt.Sprintf("case %d is already %s", c.ID, c.Status)}
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
	var where []string
	var args []any
	switch {
	case f.Status != "":
		if !oneOf(f.Status, Statuses) {
			return nil, &InvalidError{Field: "status", Reason: fmt.Sprintf("unknown status %q", f.Status), Allowed: join(Statuses)}
		}
		where = append(where, "status = ?")
		args = append(args, f.Status)
	case !f.All:
		where = append(where, "status NOT IN ('resolved', 'closed')")
	}
	if f.Company != "" {
		where = append(where, "company = ? COLLATE NOCASE")
		args = append(args, f.Company)
	}
	q := "SELECT " + caseColumns + `,
		(SELECT count(*) FROM promises p WHERE p.case_id = cases.id AND p.status = 'pending'),
		(SELECT p.id FROM promises p WHERE p.case_id = cases.id AND p.status = 'pending' ORDER BY p.due, p.id LIMIT 1)
		FROM cases`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC"
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.fileError(err)
	}
	defer rows.Close()
	var out []Summary
	var next []int64
	for rows.Next() {
		var sm Summary
		var nextID sql.NullInt64
		var opened, closed, purchase, window, warranty string
		err := rows.Scan(&sm.ID, &sm.Title, &sm.Company, &sm.Product, &sm.Kind, &sm.Problem, &sm.Outcome,
			&sm.Fallback, &sm.Amount, &sm.Currency, &purchase, &window, &warranty, &sm.Jurisdiction, &sm.Lang,
			&sm.Status, &opened, &closed, &sm.FinalOutcome, &sm.NoReplyDays, &sm.Pending, &nextID)
		if err != nil {
			return nil, err
		}
		if err := fillCaseDates(&sm.Case, purchase, window, warranty, opened, closed); err != nil {
			return nil, err
		}
		out = append(out, sm)
		if nextID.Valid {
			next = append(next, nextID.Int64)
		} else {
			next = append(next, 0)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i, id := range next {
		if id == 0 {
			continue
		}
		ps, err := listPromises(ctx, s.db, "id = ?", id)
		if err != nil {
			return nil, err
		}
		if len(ps) == 1 {
			out[i].NextPromise = &ps[0]
		}
	}
	return out, nil
}

func fillCaseDates(c *Case, purchase, window, warranty, opened, closed string) error {
	var errs []error
	var err error
	c.PurchaseDate, err = ParseStoredDate(purchase)
	errs = append(errs, err)
	c.ReturnWindowEnd, err = ParseStoredDate(window)
	errs = append(errs, err)
	c.WarrantyEnd, err = ParseStoredDate(warranty)
	errs = append(errs, err)
	c.OpenedAt, err = parseTime(opened)
	errs = append(errs, err)
	c.ClosedAt, err = parseOptionalTime(closed)
	errs = append(errs, err)
	return errors.Join(errs...)
}

// CaseIDs returns how many cases exist and the lowest and highest number,
// so an error about a missing case can say which ones exist.
func (s *Store) CaseIDs(ctx context.Context) (count int, lowest, highest int64, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT count(*), coalesce(min(id), 0), coalesce(max(id), 0) FROM cases").
		Scan(&count, &lowest, &highest)
	return count, lowest, highest, err
}
