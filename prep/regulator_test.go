package prep

import (
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

// TestRegulatorNamesTheRightBody: each jurisdiction's script names its own
// next body (jurisdictions.md) and never a wrong one.
func TestRegulatorNamesTheRightBody(t *testing.T) {
	complaint := func(daysAgo int) []casefile.Escalation {
		return []casefile.Escalation{{ID: 1, CaseID: 1, Step: casefile.StepComplaint, At: clock.AddDate(0, 0, -daysAgo)}}
	}
	for _, tc := range []struct {
		name   string
		lang   string
		jur    casefile.Jurisdiction
		steps  []casefile.Escalation
		want   []string
		never  []string
		sector casefile.Sector
	}{
		{"kr", "ko", casefile.JurisdictionKR, nil,
			[]string{"1372 소비자상담센터", "한국소비자원", "피해구제", "내용증명", "3부", "3년", "30일", "전자상거래법 제17조", "법률 자문이 아닙니다"},
			[]string{"CFPB", "ombudsman", "ECC-Net"}, ""},
		{"kr in English", "en", casefile.JurisdictionKR, nil,
			[]string{"1372 Consumer Counselling Center", "Korea Consumer Agency", "내용증명", "3 identical copies", "not legal advice"},
			[]string{"CFPB", "ECC-Net"}, ""},
		{"us", "en", casefile.JurisdictionUS, nil,
			[]string{"attorney general", "FTC does not resolve individual complaints", "chargeback"},
			[]string{"1372", "ombudsman", "ECC-Net", "CFPB"}, ""},
		{"us card: the CFPB", "en", casefile.JurisdictionUS, nil,
			[]string{"attorney general", "CFPB", "Fair Credit Billing Act"},
			[]string{"1372", "ombudsman", "Regulation E"}, casefile.SectorCard},
		{"us in Korean", "ko", casefile.JurisdictionUS, nil,
			[]string{"법무장관실", "FTC는 개별 민원을 해결해 주지 않으며"},
			[]string{"1372", "한국소비자원", "CFPB"}, ""},
		{"uk bank before any complaint", "en", casefile.JurisdictionUK, nil,
			[]string{"First send the formal complaint", "8 weeks", "the Financial Ombudsman Service takes a case", "6 months"},
			[]string{"now", "CFPB", "1372", "small claims"}, casefile.SectorFinancial},
		{"uk bank 3 weeks after the complaint", "en", casefile.JurisdictionUK, complaint(21),
			[]string{"From 28 December 2026, 8 weeks after your complaint on 2 November 2026, you can go to the Financial Ombudsman Service"},
			[]string{"You can go to the Financial Ombudsman Service now"}, casefile.SectorFinancial},
		{"uk bank 9 weeks after the complaint", "ko", casefile.JurisdictionUK, complaint(63),
			[]string{"지금 영국 금융 옴부즈맨 서비스(Financial Ombudsman Service)에 신청할 수 있습니다", "8주가 지났습니다"},
			[]string{"부터 영국 금융 옴부즈맨"}, casefile.SectorFinancial},
		{"uk shop: no ombudsman, no FCA rule", "en", casefile.JurisdictionUK, complaint(63),
			[]string{"alternative dispute resolution", "letter before action", "Money Claim Online", "Consumer Rights Act 2015, ss. 9–24"},
			[]string{"mbudsman", "FCA", "DISP"}, ""},
		{"uk shop in Korean", "ko", casefile.JurisdictionUK, complaint(63),
			[]string{"소액 청구 절차", "영국 소비자권리법"},
			[]string{"옴부즈맨", "FCA"}, ""},
		{"uk card purchase over £100: section 75", "en", casefile.JurisdictionUK, nil,
			[]string{"Consumer Credit Act 1974, s. 75"}, []string{"Direct Debit"}, casefile.SectorCard},
		{"eu before a written complaint", "en", casefile.JurisdictionEU, nil,
			[]string{"ECC-Net", "cross-border", "send the formal complaint (redress script", "14 days", "2011/83/EU"},
			[]string{"CFPB", "1372", "ODR", "Online Dispute Resolution"}, ""},
		{"eu after it", "ko", casefile.JurisdictionEU, complaint(3),
			[]string{"유럽소비자센터(ECC-Net)", "2026년 11월 20일(금)에 이미 제기했습니다"},
			[]string{"ODR", "공식 민원부터 보내세요"}, ""},
		{"other", "en", casefile.JurisdictionOther, nil,
			[]string{"consumer protection body", "[consumer body]"},
			[]string{"CFPB", "1372", "ECC-Net", "ombudsman now"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := refundBrokenPromise()
			f.Kind, f.Jurisdiction, f.Escalations, f.Sector = casefile.KindDamagedItem, tc.jur, tc.steps, tc.sector
			if tc.sector == casefile.SectorCard {
				f.Amount, f.Currency = "249.00", "GBP"
			}
			if tc.jur == casefile.JurisdictionEU {
				f.Kind = casefile.KindRefund
			}
			s, err := RenderScript(tc.lang, StageRegulator, f, clock, kst)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(s.Body, w) {
					t.Errorf("missing %q in:\n%s", w, s.Body)
				}
			}
			for _, n := range tc.never {
				if strings.Contains(s.Body, n) {
					t.Errorf("names %q in:\n%s", n, s.Body)
				}
			}
		})
	}
}

// TestComplaintNamesTheNextBody: the formal letter says where the case
// goes next if the remedy is not given by its date (a UK shop: small
// claims; a UK bank's final response is in TestComplaintAsksAnOmbudsmanCaseForTheFinalResponse).
func TestComplaintNamesTheNextBody(t *testing.T) {
	for jur, want := range map[casefile.Jurisdiction]string{
		casefile.JurisdictionKR: "If this is not done by 26 November 2026, I will apply to the Korea Consumer Agency for damage relief.",
		casefile.JurisdictionUS: "I will complain to my state attorney general's consumer protection office.",
		casefile.JurisdictionUK: "I will make a claim in the small claims court",
		casefile.JurisdictionEU: "I will report it to the consumer authority in my country.",
	} {
		f := refundBrokenPromise()
		f.Jurisdiction = jur
		s, err := RenderScript("en", StageComplaint, f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.Body, want) {
			t.Errorf("%s complaint lacks %q", jur, want)
		}
	}
}

// TestComplaintAsksAnOmbudsmanCaseForTheFinalResponse: where an ombudsman
// is the next step (a UK bank), the letter asks for the final response
// and says when the ombudsman takes the case, rather than a date of its own.
func TestComplaintAsksAnOmbudsmanCaseForTheFinalResponse(t *testing.T) {
	f := refundBrokenPromise()
	f.Jurisdiction, f.Sector = casefile.JurisdictionUK, casefile.SectorFinancial
	s, err := RenderScript("en", StageComplaint, f, clock, kst)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"send me your final response", "the Financial Ombudsman Service", "Please refund €49.90 to my original payment method by 7 December 2026."} {
		if !strings.Contains(s.Body, w) {
			t.Errorf("lacks %q:\n%s", w, s.Body)
		}
	}
}

// TestKindAdjustsTheWording: the scenario kind changes what is asked for
// and what is shown.
func TestKindAdjustsTheWording(t *testing.T) {
	for _, tc := range []struct {
		kind  casefile.Kind
		stage Stage
		want  []string
	}{
		{casefile.KindDamagedItem, StageComplaint, []string{"Please send me a replacement and collect the damaged one at your cost by 7 December 2026.", "photos of the damaged item", "photos of the packaging"}},
		{casefile.KindBillingError, StageComplaint, []string{"Please reverse the incorrect charge by 7 December 2026.", "[statement line, as printed]", "statement or bill showing the charge"}},
		{casefile.KindDeliveryDelay, StageAsk, []string{"where the parcel is now"}},
		{casefile.KindCancellation, StageChargeback, []string{"charged me after I cancelled"}},
	} {
		f := bare(tc.kind, casefile.JurisdictionUS)
		s, err := RenderScript("en", tc.stage, f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(s.Body, w) {
				t.Errorf("%s %s lacks %q:\n%s", tc.kind, tc.stage, w, s.Body)
			}
		}
	}
}
