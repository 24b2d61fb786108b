package prep

import (
	"fmt"
	"strings"
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
)

// Stages lists every stage in the order a complaint usually meets them.
var Stages = []Stage{StageOpening, StageAsk, StageNo, StageSupervisor, StageReadback,
	StageFollowup, StageComplaint, StageSocial, StageChargeback, StageRegulator}

// ErrUnknownStage is returned by ParseStage for a name that is no stage.
type ErrUnknownStage struct{ Name string }

func (e *ErrUnknownStage) Error() string {
	return fmt.Sprintf("unknown stage %q" /* words:ok mapped to err_unknown_stage */, e.Name)
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
