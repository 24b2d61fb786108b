package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Escalation triggers a customer can set in prep: when to ask for a
// supervisor during a call.
const (
	TriggerRefusedOnce  = "refused-once"
	TriggerRefusedTwice = "refused-twice"
	TriggerNoDate       = "no-date"
)

// Triggers lists the escalation triggers.
var Triggers = []string{TriggerRefusedOnce, TriggerRefusedTwice, TriggerNoDate}

// AskKeys are what to ask for before hanging up (tip 8).
var AskKeys = []string{"ticket", "eta", "name", "written", "workaround"}

// Prep is what the nine-tip preparation records beyond the case fields,
// notes and references. Yes/no answers are "yes", "no" or "" (not asked).
type Prep struct {
	HaveReceipt      string            `json:"have_receipt"`
	HavePhotos       string            `json:"have_photos"`
	HaveSecret       string            `json:"have_pin_or_password"` // yes/no only: never the secret
	OpeningLine      string            `json:"opening_line"`
	ReturnDays       int               `json:"return_days"`
	WarrantyMonths   int               `json:"warranty_months"`
	PolicyDocs       string            `json:"policy_docs"`
	EscalateTrigger  string            `json:"escalate_trigger"`
	SupervisorLine   string            `json:"supervisor_line"`
	WillRecord       string            `json:"will_record"`
	RecordLine       string            `json:"record_line"`
	Ask              []string          `json:"ask"`
	ChannelEmail     string            `json:"channel_email"`
	ChannelChat      string            `json:"channel_chat"`
	ChannelSocial    string            `json:"channel_social"`
	ChannelReview    string            `json:"channel_review"`
	ChannelRegulator string            `json:"channel_regulator"`
	Steps            map[string]string `json:"steps"` // "1".."9" → "done" or "skipped"
}

// StepDone reports whether step n was answered (not skipped).
func (p Prep) StepDone(n int) bool { return p.Steps[fmt.Sprint(n)] == "done" }

// Validate checks the answers that have a fixed set of values.
func (p *Prep) Validate() error {
	if err := checkLimits(p); err != nil {
		return err
	}
	for _, yn := range []struct {
		field string
		v     *string
	}{{"have_receipt", &p.HaveReceipt}, {"have_photos", &p.HavePhotos}, {"have_pin_or_password", &p.HaveSecret}, {"will_record", &p.WillRecord}} {
		*yn.v = strings.ToLower(strings.TrimSpace(*yn.v))
		if *yn.v != "" && *yn.v != "yes" && *yn.v != "no" {
			return &InvalidError{Field: yn.field, Problem: "not-yes-no", Args: []any{*yn.v}, Allowed: "yes, no"}
		}
	}
	if p.EscalateTrigger != "" && !oneOf(p.EscalateTrigger, Triggers) {
		return &InvalidError{Field: "escalate-trigger", Problem: "unknown", Args: []any{p.EscalateTrigger}, Allowed: strings.Join(Triggers, ", ")}
	}
	for _, k := range p.Ask {
		if !oneOf(k, AskKeys) {
			return &InvalidError{Field: "ask", Problem: "unknown", Args: []any{k}, Allowed: strings.Join(AskKeys, ", ")}
		}
	}
	if p.ReturnDays < 0 || p.ReturnDays > 3650 || p.WarrantyMonths < 0 || p.WarrantyMonths > 600 {
		return &InvalidError{Field: "policy", Problem: "not-sensible"}
	}
	return nil
}

const (
	qCasePrep = `SELECT have_receipt, have_photos, have_secret, opening_line, return_days,
		warranty_months, policy_docs, escalate_trigger, supervisor_line, will_record, record_line, ask,
		channel_email, channel_chat, channel_social, channel_review, channel_regulator
		FROM case_prep WHERE case_id = ?`
	qCasePrepSteps = "SELECT step, status FROM prep_steps WHERE case_id = ? ORDER BY step"
)

func getPrep(ctx context.Context, q querier, caseID int64) (Prep, error) {
	var p Prep
	var ask string
	err := q.QueryRowContext(ctx, qCasePrep, caseID).Scan(&p.HaveReceipt, &p.HavePhotos, &p.HaveSecret,
		&p.OpeningLine, &p.ReturnDays, &p.WarrantyMonths, &p.PolicyDocs, &p.EscalateTrigger, &p.SupervisorLine,
		&p.WillRecord, &p.RecordLine, &ask, &p.ChannelEmail, &p.ChannelChat, &p.ChannelSocial, &p.ChannelReview,
		&p.ChannelRegulator)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, err
	}
	p.Ask = []string{}
	if ask != "" {
		p.Ask = strings.Split(ask, ",")
	}
	p.Steps = map[string]string{}
	rows, err := q.QueryContext(ctx, qCasePrepSteps, caseID)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var step int
		var status string
		if err := rows.Scan(&step, &status); err != nil {
			return p, err
		}
		p.Steps[fmt.Sprint(step)] = status
	}
	return p, rows.Err()
}

// StepChange is everything one prep step stores, in one transaction: so a
// step is kept whole or not at all, and quitting after it loses nothing.
type StepChange struct {
	Step    int
	Skipped bool
	At      time.Time
	Case    func(*Case) error // may be nil
	Prep    func(*Prep) error // may be nil
	Notes   []Note            // added; CaseID and At are filled in
	Refs    []AccountRef      // added; CaseID and CreatedAt are filled in
}

// SaveStep stores one answered (or skipped) prep step.
func (s *Store) SaveStep(ctx context.Context, caseID int64, ch StepChange) error {
	if ch.Step < 1 || ch.Step > 9 {
		return &InvalidError{Field: "step", Problem: "no-such-step", Args: []any{ch.Step}, Allowed: "1–9"}
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, caseID)
		if err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		oldCase, err := rec.before("case", caseID)
		if err != nil {
			return err
		}
		oldPrep, err := rec.before("prep", caseID)
		if err != nil {
			return err
		}
		if ch.Case != nil {
			if err := ch.Case(&c); err != nil {
				return err
			}
			if err := c.Validate(); err != nil {
				return err
			}
			if err := updateCase(tx, c); err != nil {
				return err
			}
		}
		if ch.Prep != nil {
			p, err := getPrep(ctx, tx, caseID)
			if err != nil {
				return err
			}
			if err := ch.Prep(&p); err != nil {
				return err
			}
			if err := p.Validate(); err != nil {
				return err
			}
			if err := putPrep(tx, caseID, p); err != nil {
				return err
			}
		}
		for _, n := range ch.Notes {
			n.CaseID = caseID
			if n.At.IsZero() {
				n.At = ch.At
			}
			if err := insertNote(tx, &n); err != nil {
				return err
			}
			if err := rec.created("note", caseID, n.ID); err != nil {
				return err
			}
		}
		for _, r := range ch.Refs {
			r.CaseID, r.CreatedAt = caseID, ch.At
			if err := insertRef(tx, &r); err != nil {
				return err
			}
			if err := rec.created("ref", caseID, r.ID); err != nil {
				return err
			}
		}
		if err := rec.changed("case", caseID, caseID, oldCase); err != nil {
			return err
		}
		if err := rec.changed("prep", caseID, caseID, oldPrep); err != nil {
			return err
		}
		status := "done"
		if ch.Skipped {
			status = "skipped"
		}
		_, err = tx.Exec(`INSERT INTO prep_steps (case_id, step, status, at) VALUES (?,?,?,?)
			ON CONFLICT (case_id, step) DO UPDATE SET status = excluded.status, at = excluded.at`,
			caseID, ch.Step, status, formatTime(ch.At))
		return err
	})
}

func putPrep(tx *sql.Tx, caseID int64, p Prep) error {
	_, err := tx.Exec(`INSERT INTO case_prep (case_id, have_receipt, have_photos, have_secret, opening_line,
		return_days, warranty_months, policy_docs, escalate_trigger, supervisor_line, will_record, record_line,
		ask, channel_email, channel_chat, channel_social, channel_review, channel_regulator)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (case_id) DO UPDATE SET have_receipt = excluded.have_receipt, have_photos = excluded.have_photos,
		have_secret = excluded.have_secret, opening_line = excluded.opening_line, return_days = excluded.return_days,
		warranty_months = excluded.warranty_months, policy_docs = excluded.policy_docs,
		escalate_trigger = excluded.escalate_trigger, supervisor_line = excluded.supervisor_line,
		will_record = excluded.will_record, record_line = excluded.record_line, ask = excluded.ask,
		channel_email = excluded.channel_email, channel_chat = excluded.channel_chat,
		channel_social = excluded.channel_social, channel_review = excluded.channel_review,
		channel_regulator = excluded.channel_regulator`,
		caseID, p.HaveReceipt, p.HavePhotos, p.HaveSecret, strings.TrimSpace(p.OpeningLine), p.ReturnDays,
		p.WarrantyMonths, strings.TrimSpace(p.PolicyDocs), p.EscalateTrigger, strings.TrimSpace(p.SupervisorLine),
		p.WillRecord, strings.TrimSpace(p.RecordLine), strings.Join(p.Ask, ","), strings.TrimSpace(p.ChannelEmail),
		strings.TrimSpace(p.ChannelChat), strings.TrimSpace(p.ChannelSocial), strings.TrimSpace(p.ChannelReview),
		strings.TrimSpace(p.ChannelRegulator))
	return err
}
