package prep

import (
	"strings"

	"github.com/redress-cli/redress/casefile"
)

// Stage is one escalation script: what to say or send at one moment of a
// complaint. Each stage is a template file text/<lang>/<stage>.tmpl with a
// "title" block and a body.
type Stage string

const (
	StageOpening    Stage = "opening"
	StageAsk        Stage = "ask"
	StageNo         Stage = "no"
	StageSupervisor Stage = "supervisor"
	StageReadback   Stage = "readback"
	StageFollowup   Stage = "followup"
	StageComplaint  Stage = "complaint"
	StageSocial     Stage = "social"
	StageChargeback Stage = "chargeback"
	StageRegulator  Stage = "regulator"
	StageExecutive  Stage = "executive"     // the ladder's fourth rung: a short letter to the chief executive's office
	StageBefore     Stage = "before-action" // a letter before action / 최고서, naming small claims
	// The right-specific notices (rights.Notice: each is offered by next
	// while the rights table says it applies).
	StageReject       Stage = "reject"        // UK: the short-term right to reject (Consumer Rights Act)
	StageWithdraw     Stage = "withdraw"      // EU art. 9, UK CCR, KR 청약철회
	StageDeliverBy    Stage = "deliver-by"    // EU art. 18: an additional period for delivery
	StageBillingError Stage = "billing-error" // US: FCBA / Regulation E notice
	StageSection75    Stage = "section-75"    // UK: a claim to the card issuer
	StageDirectDebit  Stage = "direct-debit"  // UK: a Direct Debit Guarantee claim to the bank
)

// Stages lists every stage in the order a complaint usually meets them.
var Stages = []Stage{StageOpening, StageAsk, StageNo, StageSupervisor, StageReadback,
	StageFollowup, StageComplaint, StageExecutive, StageSocial, StageChargeback, StageRegulator, StageBefore,
	StageReject, StageWithdraw, StageDeliverBy, StageBillingError, StageSection75, StageDirectDebit}

// noticeStages are the stages that word a notice of the rights table:
// they render only while the notice applies to the case.
var noticeStages = map[Stage]bool{StageReject: true, StageWithdraw: true, StageDeliverBy: true,
	StageBillingError: true, StageSection75: true, StageDirectDebit: true}

// IsNotice reports whether a stage words a notice of the rights table.
func IsNotice(s Stage) bool { return noticeStages[s] }

// ErrUnknownStage is returned by ParseStage for a name that is no stage.
type ErrUnknownStage struct{ Name string }

func (e *ErrUnknownStage) Error() string {
	return casefile.Say("err_unknown_stage", e.Name)
}

// ParseStage reads a stage name, case-insensitively.
func ParseStage(s string) (Stage, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, st := range Stages {
		if string(st) == s {
			return st, nil
		}
	}
	return "", &ErrUnknownStage{Name: s}
}

// StageNames joins the stage names for hints: "opening, ask, …".
func StageNames() string {
	s := make([]string, len(Stages))
	for i, st := range Stages {
		s[i] = string(st)
	}
	return strings.Join(s, ", ")
}

// StagePurpose is the one-line purpose of a stage in lang, from
// text/<lang>/stages.tmpl, for `redress script --list`.
func StagePurpose(lang string, s Stage) (string, error) {
	out, err := execute(lang, "stages", string(s), nil, nil)
	return strings.TrimSpace(out), err
}
