package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// StartCall opens a live contact: it stays open (EndedAt nil) until
// EndCall, so a crash or a dropped call can be resumed.
func (s *Store) StartCall(ctx context.Context, caseID int64, ch Channel, at time.Time) (Contact, error) {
	c := Contact{CaseID: caseID, Channel: ch, At: at}
	if err := validContact(&c); err != nil {
		return c, err
	}
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, caseID); err != nil {
			return err
		}
		if err := putContact(tx, &c); err != nil {
			return err
		}
		return newRecorder(ctx, tx).created("contact", c.CaseID, c.ID)
	})
	return c, err
}

// OpenCall returns the most recent unfinished call of a case, or a
// NotFoundError when there is none.
func (s *Store) OpenCall(ctx context.Context, caseID int64) (Contact, error) {
	cs, err := queryContacts(ctx, s.db, "case_id = ? AND ended_at = '' ORDER BY at DESC, id DESC LIMIT 1", caseID)
	if err != nil {
		return Contact{}, err
	}
	if len(cs) == 0 {
		if _, err := s.Case(ctx, caseID); err != nil {
			return Contact{}, err
		}
		return Contact{}, &NotFoundError{What: "unfinished call on case", ID: caseID}
	}
	return cs[0], nil
}

// Contact returns one contact.
func (s *Store) Contact(ctx context.Context, id int64) (Contact, error) {
	cs, err := queryContacts(ctx, s.db, "id = ?", id)
	if err != nil {
		return Contact{}, err
	}
	if len(cs) == 0 {
		return Contact{}, &NotFoundError{What: "contact", ID: id}
	}
	return cs[0], nil
}

// SetRep records who the customer is talking to on a contact.
func (s *Store) SetRep(ctx context.Context, contactID int64, rep, department string) error {
	rep, err := required("rep", rep)
	if err != nil {
		return err
	}
	return s.updateContact(ctx, contactID, "rep = ?, department = ?", rep, strings.TrimSpace(department))
}

// Hold starts a hold on an open call; Back ends it and adds its length to
// the call's hold time. Holding while on hold, or coming back when not on
// hold, changes nothing.
func (s *Store) Hold(ctx context.Context, contactID int64, at time.Time) error {
	return s.updateContact(ctx, contactID, "hold_since = CASE WHEN hold_since = '' THEN ? ELSE hold_since END", formatTime(at))
}

// Back ends a hold and returns the call's total hold time.
func (s *Store) Back(ctx context.Context, contactID int64, at time.Time) (time.Duration, error) {
	var total time.Duration
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		rec := newRecorder(ctx, tx)
		old, err := rec.before("contact", contactID)
		if err != nil {
			return err
		}
		cs, err := queryContacts(ctx, tx, "id = ?", contactID)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return &NotFoundError{What: "contact", ID: contactID}
		}
		c := cs[0]
		if c.HoldSince != nil {
			c.HoldS += int64(max(0, at.Sub(*c.HoldSince)) / time.Second)
		}
		total = time.Duration(c.HoldS) * time.Second
		if _, err = tx.Exec("UPDATE contacts SET hold_s = ?, hold_since = '' WHERE id = ?", c.HoldS, contactID); err != nil {
			return err
		}
		return rec.changed("contact", c.CaseID, contactID, old)
	})
	return total, err
}

// EndCall closes a live call: its duration, the end of any hold, and the
// promises the agent confirmed when the customer read them back, all in
// one transaction.
func (s *Store) EndCall(ctx context.Context, contactID int64, at time.Time, confirmed []int64) (Contact, error) {
	var c Contact
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		rec := newRecorder(ctx, tx)
		old, err := rec.before("contact", contactID)
		if err != nil {
			return err
		}
		cs, err := queryContacts(ctx, tx, "id = ?", contactID)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return &NotFoundError{What: "contact", ID: contactID}
		}
		c = cs[0]
		if c.HoldSince != nil {
			c.HoldS += int64(max(0, at.Sub(*c.HoldSince)) / time.Second)
			c.HoldSince = nil
		}
		c.DurationS = int64(max(0, at.Sub(c.At)) / time.Second)
		c.EndedAt = &at
		if _, err := tx.Exec("UPDATE contacts SET duration_s = ?, hold_s = ?, hold_since = '', ended_at = ? WHERE id = ?",
			c.DurationS, c.HoldS, formatTime(at), contactID); err != nil {
			return err
		}
		if err := rec.changed("contact", c.CaseID, contactID, old); err != nil {
			return err
		}
		for _, id := range confirmed {
			pold, err := rec.before("promise", id)
			if err != nil {
				return err
			}
			res, err := tx.Exec("UPDATE promises SET confirmed = 1 WHERE id = ? AND contact_id = ?", id, contactID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return &NotFoundError{What: "promise of this call", ID: id}
			}
			if err := rec.changed("promise", c.CaseID, id, pold); err != nil {
				return err
			}
		}
		return nil
	})
	return c, err
}

func (s *Store) updateContact(ctx context.Context, id int64, set string, args ...any) error {
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		rec := newRecorder(ctx, tx)
		old, err := rec.before("contact", id)
		if err != nil {
			return err
		}
		if old == nil {
			return &NotFoundError{What: "contact", ID: id}
		}
		if _, err := tx.Exec(fmt.Sprintf("UPDATE contacts SET %s WHERE id = ?" /* words:ok SQL */, set), append(args, id)...); err != nil {
			return err
		}
		var caseID int64
		if err := tx.QueryRow("SELECT case_id FROM contacts WHERE id = ?", id).Scan(&caseID); err != nil {
			return err
		}
		return rec.changed("contact", caseID, id, old)
	})
}
