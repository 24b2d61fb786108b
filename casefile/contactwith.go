package casefile

import (
	"context"
	"database/sql"
	"strings"
)

// AddContactWith stores a contact together with the tickets and promises
// given in it, in one transaction: after a crash or a refused value there
// is the whole contact or none of it, never a promise that lost the call
// it was made in, or a call without the ticket number read out in it.
// Each ticket and promise gets the contact's case and id; all ids are set.
func (s *Store) AddContactWith(ctx context.Context, c *Contact, tickets []*Ticket, promises []*Promise) error {
	if err := ValidChannel(c.Channel); err != nil {
		return err
	}
	if c.DurationS < 0 {
		return &InvalidError{Field: "duration", Reason: "must not be negative"}
	}
	c.Rep, c.Department, c.Summary = strings.TrimSpace(c.Rep), strings.TrimSpace(c.Department), strings.TrimSpace(c.Summary)
	var err error
	for _, t := range tickets {
		if t.Number, err = required("ticket number", t.Number); err != nil {
			return err
		}
		t.Label = strings.TrimSpace(t.Label)
	}
	for _, p := range promises {
		if p.Text, err = required("promise", p.Text); err != nil {
			return err
		}
		if p.Due.IsZero() {
			return &InvalidError{Field: "due", Reason: "a promise needs a due date"}
		}
		p.By = strings.TrimSpace(p.By)
		p.Status = PromisePending
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, c.CaseID); err != nil {
			return err
		}
		c.ID = 0
		if err := insertContact(tx, c); err != nil {
			return err
		}
		for _, t := range tickets {
			t.ID, t.CaseID, t.ContactID = 0, c.CaseID, &c.ID
			if err := insertTicket(tx, t); err != nil {
				return err
			}
		}
		for _, p := range promises {
			p.ID, p.CaseID, p.ContactID = 0, c.CaseID, &c.ID
			if err := insertPromise(tx, p); err != nil {
				return err
			}
		}
		return nil
	})
}
