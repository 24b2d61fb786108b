package prep

import (
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// extendedTwice is a case whose one promise, first due 20 Nov, was
// extended to 27 Nov and then to 4 Dec (after 23 Nov, the clock).
func extendedTwice() casefile.Full {
	f := casefile.Full{
		Case: casefile.Case{ID: 5, Title: "TV collection", Company: "Acme", Kind: casefile.KindDamagedItem,
			Jurisdiction: casefile.JurisdictionEU, Lang: "en", Status: casefile.StatusWaiting, OpenedAt: at(11, 10, 9)},
		Contacts: []casefile.Contact{{ID: 1, CaseID: 5, Channel: casefile.ChannelCall, At: at(11, 18, 14), Rep: "Priya"}},
		Promises: []casefile.Promise{{ID: 7, CaseID: 5, ContactID: ptr(1), Text: "collect the TV", By: "Priya",
			Due: casefile.DateOnly(2026, 12, 4), Status: casefile.PromisePending, At: at(11, 18, 14), CreatedAt: at(11, 30, 9)}},
		Extensions: []casefile.Extension{
			{ID: 1, CaseID: 5, PromiseID: 7, From: casefile.DateOnly(2026, 11, 20), To: casefile.DateOnly(2026, 11, 27), At: at(11, 19, 9)},
			{ID: 2, CaseID: 5, PromiseID: 7, From: casefile.DateOnly(2026, 11, 27), To: casefile.DateOnly(2026, 12, 4), At: at(11, 22, 9)},
		},
	}
	return f
}

// TestExtensionsAreNamedAndCountTowardsEscalation: the follow-up, the
// read-back, the complaint's history and next all name both earlier
// dates, in English and Korean; the second extension counts as a miss.
func TestExtensionsAreNamedAndCountTowardsEscalation(t *testing.T) {
	f := extendedTwice()
	want := map[string]string{
		"en": "first promised for 20 November 2026, then 27 November 2026",
		"ko": "처음 약속한 기한 2026년 11월 20일(금), 그다음 2026년 11월 27일(금)",
	}
	// The Korean read-back says it in one breath: "…에서 미뤄진 12월 4일까지".
	readbackKo := "2026년 11월 20일(금), 2026년 11월 27일(금)에서 미뤄진 2026년 12월 4일(금)까지"
	for _, lang := range Langs {
		for _, stage := range []Stage{StageFollowup, StageReadback, StageComplaint} {
			s, err := RenderScript(lang, stage, f, clock, kst)
			if err != nil {
				t.Fatal(err)
			}
			w := want[lang]
			if lang == "ko" && stage == StageReadback {
				w = readbackKo
			}
			if !strings.Contains(s.Text(), w) {
				t.Errorf("%s %s does not name the earlier dates:\n%s", lang, stage, s.Text())
			}
		}
		d := Next(f, clock, kst)
		if d.Missed != 1 || d.Reason != ReasonLate {
			t.Errorf("next: %+v; want the second extension counted as one miss", d)
		}
		why, err := ExplainNext(lang, d, f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(why, want[lang]) {
			t.Errorf("%s next does not name the extensions: %s", lang, why)
		}
	}
	// One extension is a date moved, not yet a miss.
	f.Extensions = f.Extensions[:1]
	if d := Next(f, clock, kst); d.Missed != 0 {
		t.Errorf("one extension counted as %d misses", d.Missed)
	}
}
