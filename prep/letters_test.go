package prep

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/redress-cli/redress/casefile/rights"
)

// noticeRefused reports whether err is a notice the rights table does not open.
func noticeRefused(err error) bool {
	var ne *ErrNotice
	return errors.As(err, &ne)
}

var letterStages = []Stage{StageExecutive, StageBefore, StageReject, StageWithdraw, StageDeliverBy,
	StageBillingError, StageSection75, StageDirectDebit}

// TestLetterGoldens renders the executive letter, the letter before action
// and every notice that applies, in both languages, for the letter cases
// (testdata/letters/<case>/<stage>.<lang>.txt; -update rewrites them: read
// every line before committing). A notice that does not apply is refused,
// never printed with a law that does not fit.
func TestLetterGoldens(t *testing.T) {
	for _, lc := range letterCases {
		for _, lang := range Langs {
			for _, st := range letterStages {
				name := filepath.Join("testdata", "letters", lc.name, string(st)+"."+lang+".txt")
				s, err := RenderScript(lang, st, lc.full(), clock, kst)
				var ne *ErrNotice
				if IsNotice(st) && !slices.Contains(lc.opens, st) {
					if !errors.As(err, &ne) {
						t.Errorf("%s: want the notice refused, got %v", name, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				checkGolden(t, name, golden(s))
			}
		}
	}
}

// sharedCases are the eight realistic cases of the letter facts
// (letter_fixtures_test.go): each new stage is rendered for them too, the
// notices that the rights table opens for them on the clock's day.
var sharedCases = []letterCase{
	{"uk-cracked-tv", ukCrackedTV, nil}, {"eu-late-espresso", euLateEspresso, nil},
	{"us-duplicate-charge", usDuplicateCharge, nil}, {"uk-gym-direct-debit", ukGymDirectDebit, nil},
	{"us-wrong-jacket", usWrongJacket, nil}, {"kr-laptop-repair", krLaptopRepair, nil},
	{"kr-internet-outage", krInternetOutage, nil}, {"kr-online-refund", krOnlineRefund, nil},
}

func TestLetterGoldensOfTheSharedCases(t *testing.T) {
	for _, lc := range sharedCases {
		for _, n := range rights.Notices(lc.full(), clock, kst) {
			lc.opens = append(lc.opens, Stage(n.Notice.ID))
		}
		for _, lang := range Langs {
			for _, st := range letterStages {
				s, err := RenderScript(lang, st, lc.full(), clock, kst)
				if IsNotice(st) && !slices.Contains(lc.opens, st) {
					if !noticeRefused(err) {
						t.Errorf("%s/%s/%s: want the notice refused, got %v", lc.name, st, lang, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s/%s/%s: %v", lc.name, st, lang, err)
					continue
				}
				checkGolden(t, filepath.Join("testdata", "letters", lc.name, string(st)+"."+lang+".txt"), golden(s))
			}
		}
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Errorf("%s: %v (run go test ./prep -update)", name, err)
		return
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// TestNoticesOpenAsTheTableSays: the cases' notices are the ones the
// rights table opens on the clock's day, and no other.
func TestNoticesOpenAsTheTableSays(t *testing.T) {
	for _, lc := range letterCases {
		var got []Stage
		for _, n := range rights.Notices(lc.full(), clock, kst) {
			got = append(got, Stage(n.Notice.ID))
		}
		if !slices.Equal(got, lc.opens) {
			t.Errorf("%s: notices open %v, want %v", lc.name, got, lc.opens)
		}
	}
}
