package casefile

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// Step is a rung of the escalation ladder a customer can climb when a
// reasonable request is refused or a promise is broken.
type Step string

const (
	StepFrontline  Step = "frontline"
	StepSupervisor Step = "supervisor"
	StepComplaint  Step = "complaint"
	StepExecutive  Step = "executive"
	StepPublic     Step = "public"
	StepRegulator  Step = "regulator"
	StepChargeback Step = "chargeback"
)

// Steps lists every step, lowest rung first.
var Steps = []Step{StepFrontline, StepSupervisor, StepComplaint, StepExecutive, StepPublic, StepRegulator, StepChargeback}

// Rung is the step's height on the ladder, 1 to 5 (0 for an unknown
// step). An executive letter and a public post are alternatives at the
// same height, and so are the regulator and a card chargeback: taking one
// of them means the ladder has reached that height.
func (s Step) Rung() int {
	switch s {
	case StepFrontline:
		return 1
	case StepSupervisor:
		return 2
	case StepComplaint:
		return 3
	case StepExecutive, StepPublic:
		return 4
	case StepRegulator, StepChargeback:
		return 5
	}
	return 0
}

// TopRung is the highest rung of the ladder.
const TopRung = 5

// Answer is what the company said at a step, when the customer records it.
type Answer string

const (
	AnswerNone    Answer = ""
	AnswerRefused Answer = "refused"
	// AnswerFinal is the company's final response (a "deadlock letter"):
	// in the UK it opens the ombudsman at once, without the 8 weeks.
	AnswerFinal Answer = "final-response"
)

// Escalation is one step taken on a case, with its date and, if known,
// the company's answer.
type Escalation struct {
	ID     int64     `json:"id"`
	CaseID int64     `json:"case_id"`
	Step   Step      `json:"step"`
	Answer Answer    `json:"answer"`
	Note   string    `json:"note"`
	At     time.Time `json:"at"`
}

// ValidStep reports whether s names a step of the ladder.
func ValidStep(s Step) error {
	if !oneOf(s, Steps) {
		return &InvalidError{Field: "step", Problem: "unknown", Args: []any{s}, Allowed: join(Steps)}
	}
	return nil
}

// AddEscalation stores a step and sets its ID. A step above the frontline
// also marks an active case "escalated", in the same transaction, so the
// case list shows where it stands; a resolved or closed case keeps its
// status.
func (s *Store) AddEscalation(ctx context.Context, e *Escalation) error {
	if err := validEscalation(e); err != nil {
		return err
	}
	return s.WithTx(ctx, func(tx *sql.Tx) error {
		if err := caseExists(tx, e.CaseID); err != nil {
			return err
		}
		rec := newRecorder(ctx, tx)
		res, err := tx.Exec(`INSERT INTO escalations (case_id, step, answer, note, at) VALUES (?,?,?,?,?)`,
			e.CaseID, e.Step, e.Answer, e.Note, formatTime(e.At))
		if err != nil {
			return err
		}
		if e.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := rec.created("escalation", e.CaseID, e.ID); err != nil {
			return err
		}
		if e.Step.Rung() < 2 {
			return nil
		}
		old, err := rec.before("case", e.CaseID)
		if err != nil {
			return err
		}
		if _, err = tx.Exec(`UPDATE cases SET status = ? WHERE id = ? AND status IN (?, ?, ?)`,
			StatusEscalated, e.CaseID, StatusPreparing, StatusOpen, StatusWaiting); err != nil {
			return err
		}
		return rec.changed("case", e.CaseID, e.CaseID, old)
	})
}

// validEscalation checks and tidies a step taken.
func validEscalation(e *Escalation) error {
	if err := ValidStep(e.Step); err != nil {
		return err
	}
	if e.Answer != AnswerNone && e.Answer != AnswerRefused && e.Answer != AnswerFinal {
		return &InvalidError{Field: "answer", Problem: "unknown", Args: []any{e.Answer}, Allowed: "refused, final-response"}
	}
	if e.At.IsZero() {
		return &InvalidError{Field: "at", Problem: "needs-date"}
	}
	e.Note = strings.TrimSpace(e.Note)
	return nil
}

func listEscalations(ctx context.Context, q querier, caseID int64) ([]Escalation, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, step, answer, note, at FROM escalations
		WHERE case_id = ? ORDER BY at, id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Escalation{}
	for rows.Next() {
		var e Escalation
		var at string
		if err := rows.Scan(&e.ID, &e.CaseID, &e.Step, &e.Answer, &e.Note, &at); err != nil {
			return nil, err
		}
		if e.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
