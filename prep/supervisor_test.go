package prep

import (
	"testing"

	"github.com/redress-cli/redress/casefile"
)

func TestSupervisorDue(t *testing.T) {
	for _, c := range []struct {
		trigger  string
		refusals int
		undated  bool
		want     bool
	}{
		{casefile.TriggerRefusedOnce, 0, false, false},
		{casefile.TriggerRefusedOnce, 1, false, true},
		{casefile.TriggerRefusedTwice, 1, false, false},
		{casefile.TriggerRefusedTwice, 2, false, true},
		{"", 1, true, false}, // no trigger chosen: two refusals, as the sheet says
		{"", 2, false, true},
		{casefile.TriggerNoDate, 3, false, false},
		{casefile.TriggerNoDate, 0, true, true},
	} {
		if got := SupervisorDue(c.trigger, c.refusals, c.undated); got != c.want {
			t.Errorf("SupervisorDue(%q, %d, %v) = %v", c.trigger, c.refusals, c.undated, got)
		}
	}
}

func TestApplyPolicy(t *testing.T) {
	c := casefile.Case{PurchaseDate: casefile.DateOnly(2024, 2, 15), ReturnWindowEnd: casefile.DateOnly(2024, 3, 1)}
	ApplyPolicy(&c, 0, 12)
	if c.ReturnWindowEnd != casefile.DateOnly(2024, 3, 1) || c.WarrantyEnd != casefile.DateOnly(2025, 2, 15) {
		t.Errorf("0 days keeps the typed window; 12 months from 15 Feb 2024: %+v", c)
	}
	ApplyPolicy(&c, 14, 0)
	if c.ReturnWindowEnd != casefile.DateOnly(2024, 2, 29) {
		t.Errorf("14 days from 15 Feb 2024: %s", c.ReturnWindowEnd)
	}
}
