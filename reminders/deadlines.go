package reminders

import (
	"strings"

	"github.com/redress-cli/redress/casefile"
)

// Statutory and regulator clocks, per jurisdiction. Each figure is cited
// where it is used; the facts and their sources are collected in
// shared/jurisdictions.md. Every reminder built from one says, in its
// description, where the figure comes from and to check the current rules:
// redress organises a complaint, it does not give legal advice.
//
// A clock starts from something the case file records:
//   - UK final response: the first contact on the case (the complaint);
//   - US CFPB and the Korean consumer agency: the first contact logged with
//     that body as its department (`redress contact 3 --channel web-form
//     --department CFPB`), i.e. the day the complaint was filed there;
//   - EU and Korean withdrawal: the purchase date. The law counts from
//     delivery (or from the contract document, if later); the purchase day
//     is the earliest that can be, so the reminder is never late, and its
//     text says so.
const (
	// UK: the ombudsman (FOS; Ofgem- and Ofcom-approved ADR) takes a
	// complaint once the firm has sent its final response or 8 weeks after
	// the firm received it. Source: FCA Handbook DISP 1.6.2 (and DISP 1.4);
	// Which? guide to the Financial Ombudsman Service.
	ukFinalResponseDays = 8 * 7

	// US: a company should respond to a CFPB complaint within 15 days.
	// Source: CFPB Company Portal Manual, section 8.1.
	usCFPBResponseDays = 15

	// EU: 14 days to withdraw from a distance or off-premises contract.
	// Source: Directive 2011/83/EU (Consumer Rights Directive), art. 9.
	euWithdrawalDays = 14

	// Korea: 7 days to withdraw (청약철회) from an online purchase.
	// Source: 전자상거래 등에서의 소비자보호에 관한 법률 (전자상거래법) 제17조 제1항.
	krWithdrawalDays = 7

	// Korea: 한국소비자원 should reach a settlement recommendation (합의 권고)
	// within 30 days of a 피해구제 application (extendable). Source:
	// 소비자기본법 제58조, as summarised by 법제처 생활법령.
	krAgencyDays = 30
)

// agencyWords name a regulator in a contact's department, by jurisdiction.
var agencyWords = map[casefile.Jurisdiction][]string{
	casefile.JurisdictionUS: {"cfpb", "consumer financial protection"},
	casefile.JurisdictionKR: {"한국소비자원", "소비자원", "피해구제", "kca", "korea consumer agency"},
}

// agencyContact is the first contact filed with the jurisdiction's body.
func agencyContact(f casefile.Full) (casefile.Contact, bool) {
	for _, c := range f.Contacts {
		dept := strings.ToLower(c.Department + " " + c.Rep)
		for _, w := range agencyWords[f.Jurisdiction] {
			if strings.Contains(dept, w) {
				return c, true
			}
		}
	}
	return casefile.Contact{}, false
}

func (b *builder) deadlines() {
	f := b.f
	escalate := b.t("next_escalate", f.ID)
	switch f.Jurisdiction {
	case casefile.JurisdictionUK:
		if len(f.Contacts) == 0 {
			return
		}
		first := casefile.DateOf(f.Contacts[0].At.In(b.loc))
		b.add(RuleUKFinalResponse, UID(f.ID, "", 0, "uk-final-response"), 0, first.AddDays(ukFinalResponseDays),
			b.t("uk_final", b.date(first)), escalate, b.ticketsLine(), b.t("src_uk"), b.t("check_rules"))
	case casefile.JurisdictionUS:
		c, ok := agencyContact(f)
		if !ok {
			return
		}
		filed := casefile.DateOf(c.At.In(b.loc))
		b.add(RuleUSCFPBResponse, UID(f.ID, "contact", c.ID, "cfpb-response"), c.ID, filed.AddDays(usCFPBResponseDays),
			b.t("us_cfpb", b.date(filed)), escalate, b.ticketsLine(), b.t("src_us"), b.t("check_rules"))
	case casefile.JurisdictionEU:
		if f.PurchaseDate.IsZero() {
			return
		}
		b.add(RuleEUWithdrawal, UID(f.ID, "", 0, "eu-withdrawal"), 0, f.PurchaseDate.AddDays(euWithdrawalDays),
			b.t("eu_withdrawal", b.date(f.PurchaseDate)), b.t("next_show", f.ID),
			b.t("from_delivery"), b.t("src_eu"), b.t("check_rules"))
	case casefile.JurisdictionKR:
		if !f.PurchaseDate.IsZero() {
			b.add(RuleKRWithdrawal, UID(f.ID, "", 0, "kr-withdrawal"), 0, f.PurchaseDate.AddDays(krWithdrawalDays),
				b.t("kr_withdrawal", b.date(f.PurchaseDate)), b.t("next_show", f.ID),
				b.t("from_delivery"), b.t("src_kr_withdrawal"), b.t("check_rules"))
		}
		if c, ok := agencyContact(f); ok {
			filed := casefile.DateOf(c.At.In(b.loc))
			b.add(RuleKRAgency, UID(f.ID, "contact", c.ID, "kca-handling"), c.ID, filed.AddDays(krAgencyDays),
				b.t("kr_agency", b.date(filed)), escalate, b.ticketsLine(), b.t("src_kr_agency"), b.t("check_rules"))
		}
	}
}
