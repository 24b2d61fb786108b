package prep

import (
	"slices"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// TestEveryStageKindAndJurisdictionHasItsWording: a kind, jurisdiction,
// stage, step or reason added in Go without its wording fails here, not in
// front of a user.
func TestEveryStageKindAndJurisdictionHasItsWording(t *testing.T) {
	for _, lang := range Langs {
		parts, err := DefinedNames(lang, "parts")
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range casefile.Kinds {
			for _, p := range []string{"want-", "detail-", "dispute-", "evidence-"} {
				if !slices.Contains(parts, p+string(k)) {
					t.Errorf("%s/parts has no %s%s", lang, p, k)
				}
			}
		}
		for _, j := range casefile.Jurisdictions {
			if !slices.Contains(parts, "next-body-"+string(j)) {
				t.Errorf("%s/parts has no next-body-%s", lang, j)
			}
		}
		for _, st := range Stages {
			if p, err := StagePurpose(lang, st); err != nil || p == "" {
				t.Errorf("%s: stage %s has no purpose (%v)", lang, st, err)
			}
			if d, err := DefinedNames(lang, string(st)); err != nil || !slices.Contains(d, "title") {
				t.Errorf("%s: stage %s has no title (%v)", lang, st, err)
			}
		}
		for _, s := range casefile.Steps {
			if n, err := StepName(lang, s); err != nil || n == string(s) {
				t.Errorf("%s: step %s has no name (%q, %v)", lang, s, n, err)
			}
		}
		reasons, err := DefinedNames(lang, "next")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []Reason{ReasonClosed, ReasonStart, ReasonNoPromise, ReasonWaiting, ReasonLate,
			ReasonRepeated, ReasonRefused, ReasonNoReply, ReasonWeeks, ReasonFinal, ReasonTop} {
			if !slices.Contains(reasons, "reason-"+string(r)) {
				t.Errorf("%s/next has no reason-%s", lang, r)
			}
		}
	}
	if _, err := ParseStage("Complaint"); err != nil {
		t.Errorf("stage names are case-insensitive: %v", err)
	}
	if _, err := ParseStage("escalate"); err == nil || !strings.Contains(err.Error(), "escalate") {
		t.Errorf("unknown stage: %v", err)
	}
}
