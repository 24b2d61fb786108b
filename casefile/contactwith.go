package casefile

import (
	"context"
	"database/sql"
	"time"
)

// AddContactWith stores a contact together with the tickets and promises
// given in it, in one transaction: after a crash or a refused value there
// is the whole contact or none of it, never a promise that lost the call
// it was made in, or a call without the ticket number read out in it.
// Each ticket and promise gets the contact's case and id; all ids are set.
func (s *Store) AddContactWith(ctx context.Context, c *Contact, tickets []*Ticket, promises []*Promise) error {
	if err := validContact(c); err != nil {
		return err
	}
	if c.EndedAt == nil { // logged after the fact: it ended when it was over
		end := c.At.Add(time.Duration(c.DurationS) * time.Second)
		c.EndedAt = &end
	}
	for _, t := range tickets {
		if err := validTicket(t); err != nil {
			return err
		}
	}
	for _, p := range promises {
		if err := validPromise(p); err != nil {
			return err
		}
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, c.CaseID); err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		c.ID = 0
		if err := putContact(tx, c); err != nil {
			return err
		}
		if err := rec.created("contact", c.CaseID, c.ID); err != nil {
			return err
		}
		for _, t := range tickets {
			t.ID, t.CaseID, t.ContactID = 0, c.CaseID, &c.ID
			if t.At.IsZero() {
				t.At = c.At
			}
			if err := putTicket(tx, t); err != nil {
				return err
			}
			if err := rec.created("ticket", t.CaseID, t.ID); err != nil {
				return err
			}
		}
		for _, p := range promises {
			p.ID, p.CaseID, p.ContactID = 0, c.CaseID, &c.ID
			if p.At.IsZero() {
				p.At = c.At
			}
			if err := putPromise(tx, p); err != nil {
				return err
			}
			if err := rec.created("promise", p.CaseID, p.ID); err != nil {
				return err
			}
		}
		return nil
	})
}
