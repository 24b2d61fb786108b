package prep

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/prep/text"
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

// TestEveryFieldOfTheStepTable: every answer in the one table of the steps
// has a form label and a flag help in every language, is kept where its
// kind says, and is saved by its step: answered alone, it changes the case.
func TestEveryFieldOfTheStepTable(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	r := dates.Reader{Now: now, Loc: time.UTC}
	flags := map[string]bool{}
	for i, st := range Steps {
		if st.N != i+1 {
			t.Errorf("step %d is at position %d", st.N, i+1)
		}
		for _, fd := range st.Fields {
			if flags[fd.Flag] {
				t.Errorf("--%s is in the table twice", fd.Flag)
			}
			flags[fd.Flag] = true
			for _, lang := range Langs {
				for _, key := range []string{fd.Label, fd.Help} {
					if !text.Has(lang, "messages", key) {
						t.Errorf("--%s: no %q in %s", fd.Flag, key, lang)
					}
				}
			}
			var ans Answers
			sample := "sample-" + fd.Flag
			switch fd.Kind {
			case KindList, KindMulti:
				if fd.List == nil || fd.Text != nil || fd.Num != nil {
					t.Fatalf("--%s: a list kept elsewhere", fd.Flag)
				}
				v := sample
				switch fd.Flag {
				case "event":
					v = "2 Nov: " + sample
				case "account":
					v = "order number=" + sample
				case "ask":
					v = "workaround"
				}
				*fd.List(&ans) = []string{v}
			case KindNumber:
				if fd.Num == nil || fd.Text != nil || fd.List != nil || fd.Max <= 0 {
					t.Fatalf("--%s: a number kept elsewhere, or no largest", fd.Flag)
				}
				if err := fd.Set(&ans, "7"); err != nil {
					t.Fatal(err)
				}
				if err := fd.Set(&Answers{}, strconv.Itoa(fd.Max+1)); err == nil {
					t.Errorf("--%s takes %d, over its largest", fd.Flag, fd.Max+1)
				}
			default:
				if fd.Text == nil || fd.List != nil || fd.Num != nil {
					t.Fatalf("--%s: a text kept elsewhere", fd.Flag)
				}
				switch fd.Kind {
				case KindYesNo:
					sample = "yes"
				case KindDate:
					sample = "2026-11-02"
				case KindChoice:
					sample = casefile.TriggerRefusedOnce
				}
				if err := fd.Set(&ans, sample); err != nil {
					t.Fatal(err)
				}
			}
			if fd.Flag == "url" {
				ans.Findings = []string{"a finding"} // the source of one finding
			}
			if fd.Check != nil && fd.Kind != KindMulti {
				v := sample
				if fd.List != nil {
					v = (*fd.List(&ans))[0]
				} else if fd.Num != nil {
					v = "7"
				}
				if err := fd.Check(r, v); err != nil {
					t.Errorf("--%s refuses %q: %v", fd.Flag, v, err)
				}
			}
			before, after := savedStep(t, ctx, &Answers{}, st.N, r), savedStep(t, ctx, &ans, st.N, r)
			if before == after {
				t.Errorf("--%s: answering it saved nothing", fd.Flag)
			}
			if fd.Text != nil && fd.Kind != KindYesNo && !strings.Contains(after, sample) {
				t.Errorf("--%s: %q is not in the saved case: %s", fd.Flag, sample, after)
			}
		}
	}
	for flag := range StepOfFlag {
		if !flags[flag] {
			t.Errorf("--%s answers a step but is not in the table", flag)
		}
	}
}

// savedStep saves the answers to one step of a new case in a new case
// file, and returns the case as JSON.
func savedStep(t *testing.T, ctx context.Context, ans *Answers, step int, r dates.Reader) string {
	t.Helper()
	s, err := casefile.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := casefile.Case{Title: "Refund", Company: "Acme", Jurisdiction: casefile.JurisdictionUK, Lang: "en", OpenedAt: r.Now}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	ch, err := StepChange(ans, step, r)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStep(ctx, c.ID, ch); err != nil {
		t.Fatal(err)
	}
	f, err := s.Full(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
