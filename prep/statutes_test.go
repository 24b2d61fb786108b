package prep

import (
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// citingStages are the texts sent to someone that cite the law.
var citingStages = []Stage{StageComplaint, StageRegulator}

// TestEveryStatuteIsCitedWhereItAppliesAndNowhereElse renders the
// complaint and the regulator stage of every golden case in both
// languages and checks every statute of every rights table: its citation
// is there when the statute applies to the case (jurisdiction, sector,
// kind, amount) and absent from every text of the case when it does not.
func TestEveryStatuteIsCitedWhereItAppliesAndNowhereElse(t *testing.T) {
	tables, err := rights.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, gc := range goldenCases {
		f := gc.full()
		applies := map[string]bool{}
		for _, st := range rights.Statutes(f) {
			applies[st.ID] = true
		}
		for _, lang := range Langs {
			all := map[Stage]string{}
			for _, st := range Stages {
				s, err := RenderScript(lang, st, f, clock, kst)
				if noticeRefused(err) {
					continue // a notice the case does not open prints nothing
				}
				if err != nil {
					t.Fatal(err)
				}
				all[st] = s.Text()
			}
			for _, table := range tables {
				for _, st := range table.Statutes {
					cite := st.Cite[lang]
					if applies[st.ID] {
						for _, stage := range citingStages {
							if !strings.Contains(all[stage], cite) {
								t.Errorf("%s %s %s: does not cite %s", gc.name, stage, lang, st.ID)
							}
						}
						continue
					}
					for stage, text := range all {
						if strings.Contains(text, cite) {
							t.Errorf("%s %s %s: cites %s, which does not apply", gc.name, stage, lang, st.ID)
						}
					}
				}
			}
		}
	}
}

// TestLettersNameOnlyTheBodiesThatApply: the review's examples. A UK shop
// never mentions an ombudsman or the FCA; a jacket never the CFPB; a US
// card charge is disputed under the FCBA within 60 days, a bank debit
// under Regulation E; Korean online purchases cite arts. 17 and 18, a
// repair the dispute standards, a telecoms outage the mediation committee.
func TestLettersNameOnlyTheBodiesThatApply(t *testing.T) {
	usDebit := func() casefile.Full {
		f := usDuplicateCharge()
		f.Sector = casefile.SectorBankDebit
		f.Problem = "My checking account was debited $89.99 twice for one order on 3 November."
		return f
	}
	for _, tc := range []struct {
		name        string
		full        func() casefile.Full
		lang        string
		stages      []Stage
		want, never []string
	}{
		{"uk tv", ukCrackedTV, "en", Stages, []string{"Consumer Rights Act 2015"}, []string{"mbudsman", "FCA", "DISP", "CFPB", "Section 75", "s. 75"}},
		{"uk tv in Korean", ukCrackedTV, "ko", Stages, []string{"영국 소비자권리법"}, []string{"옴부즈맨", "FCA", "CFPB"}},
		{"us jacket", usWrongJacket, "en", Stages, []string{"attorney general"}, []string{"CFPB", "Consumer Financial", "Fair Credit Billing", "Regulation E", "mbudsman"}},
		{"us jacket in Korean", usWrongJacket, "ko", Stages, nil, []string{"CFPB", "소비자금융보호국"}},
		{"us card", usDuplicateCharge, "en", []Stage{StageChargeback}, []string{"Fair Credit Billing Act", "60 days"}, []string{"Regulation E"}},
		{"us bank debit", usDebit, "en", []Stage{StageChargeback}, []string{"Regulation E", "your bank", "60 days"}, []string{"Fair Credit Billing", "card issuer"}},
		{"uk gym direct debit", ukGymDirectDebit, "en", []Stage{StageComplaint, StageChargeback}, []string{"Direct Debit Guarantee"}, []string{"Fair Credit", "CFPB"}},
		{"kr online refund", krOnlineRefund, "ko", []Stage{StageComplaint}, []string{"전자상거래법 제17조", "전자상거래법 제18조", "2026년 11월 26일(목)까지"}, []string{"KRW", "CFPB"}},
		{"kr laptop repair", krLaptopRepair, "ko", []Stage{StageComplaint}, []string{"소비자분쟁해결기준"}, []string{"제18조", "통신분쟁"}},
		{"kr internet outage", krInternetOutage, "ko", []Stage{StageFollowup, StageComplaint, StageRegulator}, []string{"통신분쟁조정위원회"}, []string{"전자상거래법"}},
		{"eu espresso", euLateEspresso, "en", []Stage{StageComplaint}, []string{"art. 18"}, []string{"CFPB", "2019/771"}},
	} {
		for _, st := range tc.stages {
			s, err := RenderScript(tc.lang, st, tc.full(), clock, kst)
			if noticeRefused(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			// Over every stage the citation is looked for in the complaint,
			// where the law is set out; named stages must each carry it.
			if len(tc.stages) < len(Stages) || st == StageComplaint {
				for _, w := range tc.want {
					if !strings.Contains(s.Text(), w) {
						t.Errorf("%s %s: lacks %q", tc.name, st, w)
					}
				}
			}
			for _, n := range tc.never {
				if strings.Contains(s.Text(), n) {
					t.Errorf("%s %s: names %q", tc.name, st, n)
				}
			}
		}
	}
}
