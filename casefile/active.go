package casefile

import (
	"context"
	"database/sql"
)

// The reads behind every reminder: the cases that still need attention
// with their contacts, pending promises and tickets. Notes and account
// references are deliberately not read, so no account reference can reach
// a calendar.
//
// Each query returns its rows in case order straight from an index
// (contacts_case, promises_case, tickets_case; TestQueryPlans checks that
// none needs a sort or a scan of a large table), so the four are read side
// by side, one case at a time: a 10,000-case file is never held in memory
// at once, and no map from case to entries is built.

// activeWhere selects the cases reminders are made for: the active ones,
// or one case whatever its status.
func activeWhere(caseID int64) (string, []any) {
	if caseID > 0 {
		return "id = ?", []any{caseID}
	}
	return "status IN " + activeStatusList, nil
}

// activeQueries are the four queries of EachActiveCase: cases, contacts,
// pending and broken promises (a broken one is chased) and tickets, each in
// case order.
func activeQueries(caseID int64) (cases, contacts, promises, tickets string, args []any) {
	where, args := activeWhere(caseID)
	cases, contacts, promises, tickets = activeQueriesWhere(where)
	return cases, contacts, promises, tickets, args
}

// activeQueriesWhere are activeQueries for the cases where selects.
func activeQueriesWhere(where string) (cases, contacts, promises, tickets string) {
	in := "case_id IN (SELECT id FROM cases WHERE " + where + ")"
	return "SELECT " + caseColumns + " FROM cases WHERE " + where + " ORDER BY id",
		"SELECT " + activeContactColumns + " FROM contacts WHERE " + in + " ORDER BY case_id, at, id",
		"SELECT " + promiseColumns + " FROM promises WHERE " + in + " AND status IN ('pending', 'broken') ORDER BY case_id, due, id",
		"SELECT " + ticketColumns + " FROM tickets WHERE " + in + " ORDER BY case_id, created_at, id"
}

// activeEscalationsQuery reads the escalation steps of the same cases, in
// case order (escalations_case): the rights clocks start from the formal
// complaint and the final response, and the reply to a written step is
// a reminder.
func activeEscalationsQuery(caseID int64) (string, []any) {
	where, args := activeWhere(caseID)
	return activeEscalationsWhere(where), args
}

func activeEscalationsWhere(where string) string {
	return "SELECT id, case_id, step, answer, note, at FROM escalations WHERE case_id IN (SELECT id FROM cases WHERE " +
		where + ") ORDER BY case_id, at, id"
}

func scanEscalation(rows rowScanner) (Escalation, error) {
	var e Escalation
	var at string
	if err := rows.Scan(&e.ID, &e.CaseID, &e.Step, &e.Answer, &e.Note, &at); err != nil {
		return e, err
	}
	var err error
	e.At, err = parseTime(at)
	return e, err
}

// activeContactColumns are what the reminder rules read of a contact.
const activeContactColumns = "id, case_id, channel, at, duration_s, rep, department, summary, from_company"

func scanActiveContact(rows rowScanner) (Contact, error) {
	var c Contact
	var at string
	if err := rows.Scan(&c.ID, &c.CaseID, &c.Channel, &at, &c.DurationS, &c.Rep, &c.Department, &c.Summary, &c.FromCompany); err != nil {
		return c, err
	}
	var err error
	c.At, err = parseTime(at)
	return c, err
}

// EachActiveCase calls fn with every case that still needs attention (one
// case when caseID > 0, whatever its status), in case order, each with
// its contacts, pending promises, tickets and escalation steps. The whole
// read is one snapshot and five queries, however many cases there are.
func (s *Store) EachActiveCase(ctx context.Context, caseID int64, fn func(f Full) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.fileError(err)
	}
	defer tx.Rollback()
	if caseID > 0 {
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return err
		}
	}
	where, args := activeWhere(caseID)
	if err := eachActive(ctx, tx, where, args, fn); err != nil {
		return s.fileError(err)
	}
	return nil
}

// eachActive is EachActiveCase inside tx, for the cases where selects.
func eachActive(ctx context.Context, tx *sql.Tx, where string, args []any, fn func(f Full) error) error {
	qCases, qContacts, qPromises, qTickets := activeQueriesWhere(where)
	cases, err := tx.QueryContext(ctx, qCases, args...)
	if err != nil {
		return err
	}
	defer cases.Close()
	contacts, err := openCursor(ctx, tx, qContacts, args, scanActiveContact, func(c Contact) int64 { return c.CaseID })
	if err != nil {
		return err
	}
	defer contacts.close()
	promises, err := openCursor(ctx, tx, qPromises, args, scanPromise, func(p Promise) int64 { return p.CaseID })
	if err != nil {
		return err
	}
	defer promises.close()
	tickets, err := openCursor(ctx, tx, qTickets, args, scanTicket, func(t Ticket) int64 { return t.CaseID })
	if err != nil {
		return err
	}
	defer tickets.close()
	qEscalations := activeEscalationsWhere(where)
	escalations, err := openCursor(ctx, tx, qEscalations, args, scanEscalation, func(e Escalation) int64 { return e.CaseID })
	if err != nil {
		return err
	}
	defer escalations.close()
	for cases.Next() {
		c, err := scanCase(cases)
		if err != nil {
			return err
		}
		f := Full{Case: c}
		if f.Contacts, err = contacts.take(c.ID); err != nil {
			return err
		}
		if f.Promises, err = promises.take(c.ID); err != nil {
			return err
		}
		if f.Tickets, err = tickets.take(c.ID); err != nil {
			return err
		}
		if f.Escalations, err = escalations.take(c.ID); err != nil {
			return err
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return cases.Err()
}

// ActiveCases is EachActiveCase collected into a slice.
func (s *Store) ActiveCases(ctx context.Context, caseID int64) ([]Full, error) {
	var out []Full
	err := s.EachActiveCase(ctx, caseID, func(f Full) error {
		out = append(out, f)
		return nil
	})
	return out, err
}

// cursor reads rows ordered by case, one case's worth at a time.
type cursor[T any] struct {
	rows   *sql.Rows
	scan   func(rowScanner) (T, error)
	caseOf func(T) int64
	next   T
	ok     bool
}

func openCursor[T any](ctx context.Context, tx *sql.Tx, q string, args []any, scan func(rowScanner) (T, error), caseOf func(T) int64) (*cursor[T], error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	c := &cursor[T]{rows: rows, scan: scan, caseOf: caseOf}
	return c, c.advance()
}

func (c *cursor[T]) advance() error {
	if c.ok = c.rows.Next(); !c.ok {
		return c.rows.Err()
	}
	var err error
	c.next, err = c.scan(c.rows)
	return err
}

// take returns the rows of case id: those at the head of the cursor. A
// case without any gets an empty (not nil) slice, as JSON consumers of a
// Full expect arrays.
func (c *cursor[T]) take(id int64) ([]T, error) {
	out := []T{}
	for c.ok && c.caseOf(c.next) == id {
		out = append(out, c.next)
		if err := c.advance(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *cursor[T]) close() { c.rows.Close() }
