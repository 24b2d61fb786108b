package prep

import (
	"errors"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
)

// TestStepChange: the one table of prep's answers, saved without a form or
// a flag: each flag belongs to a step, and each step's answers change the
// case, its prep and its notes as the step says.
func TestStepChange(t *testing.T) {
	for flag, step := range StepOfFlag {
		if step < 1 || step > 9 {
			t.Errorf("flag --%s answers step %d", flag, step)
		}
	}
	r := dates.Reader{Now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), Loc: time.UTC}
	if _, err := StepChange(&Answers{URL: "https://x.example", Findings: []string{"a", "b"}}, 1, r); !errors.Is(err, ErrURLFinding) {
		t.Errorf("a --url with two findings: %v", err)
	}
	ch, err := StepChange(&Answers{Events: []string{"2 Nov: bought online", "no date here"}}, 2, r)
	if err != nil || len(ch.Notes) != 2 || ch.Notes[0].Text != "bought online" || ch.Notes[0].At.Day() != 2 || !ch.Notes[1].At.IsZero() {
		t.Fatalf("events: %+v, %v", ch.Notes, err)
	}
	ch, err = StepChange(&Answers{Purchased: "2026-11-02", ReturnDays: 30, WarrantyMonths: 12, Docs: "-"}, 5, r)
	if err != nil {
		t.Fatal(err)
	}
	c := casefile.Case{WarrantyEnd: casefile.DateOnly(2030, 1, 1)}
	p := casefile.Prep{PolicyDocs: "receipt"}
	if err := ch.Case(&c); err != nil {
		t.Fatal(err)
	}
	if err := ch.Prep(&p); err != nil {
		t.Fatal(err)
	}
	if c.PurchaseDate != casefile.DateOnly(2026, 11, 2) || c.ReturnWindowEnd != casefile.DateOnly(2026, 12, 2) ||
		c.WarrantyEnd != casefile.DateOnly(2027, 11, 2) || p.ReturnDays != 30 || p.PolicyDocs != "" {
		t.Errorf("step 5: case %+v, prep %+v", c, p)
	}
}
