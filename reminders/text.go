package reminders

import (
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

// texts are the words of reminders, per case language. They are short
// lines, not letters, so they live here rather than in prep's templates;
// English and Korean have the same keys, and a test checks it. Every
// reminder ends with the command to run next.
var texts = map[string]map[string]string{
	"en": {
		"case":              "Case %d: %s",
		"case_company":      "Case %d: %s (%s)",
		"promised_by":       "%s promised by %s",
		"ticket_one":        "ticket %s",
		"ticket_many":       "tickets %s",
		"tickets_line":      "Tickets: %s",
		"promise_line":      "Promise: %s, due %s",
		"promise_line_by":   "Promise: %s, by %s, due %s",
		"contact_line":      "Last contact: %s",
		"check":             "Check: %s",
		"follow_up":         "Follow up: %s (was due %s)",
		"chase":             "Chase: %s was broken on %s; send the follow-up",
		"ticket_label":      "%s (%s)",
		"ticket_due":        "Check ticket %s: expected today",
		"return_before":     "Return window ends in 3 days (%s)",
		"return_end":        "Last day of the return window",
		"warranty_before":   "Warranty ends in 3 days (%s)",
		"warranty_end":      "Last day of the warranty",
		"no_reply":          "No reply to your %s of %s (%d days)",
		"ch_email":          "email",
		"ch_letter":         "letter",
		"ch_web-form":       "web form",
		"uk_final":          "8 weeks since your complaint of %s: you can go to the ombudsman",
		"us_cfpb":           "CFPB complaint of %s: the company's response is due (15 days)",
		"eu_withdrawal":     "Last day to withdraw from the purchase of %s (14 days)",
		"kr_withdrawal":     "Last day to withdraw from the online purchase of %s (7 days)",
		"kr_agency":         "Korea Consumer Agency application of %s: 30-day handling period ends",
		"from_delivery":     "Counted from the purchase date; the law counts from delivery, which may be later.",
		"src_uk":            "Source: FCA Handbook DISP 1.6 (final response within 8 weeks).",
		"src_us":            "Source: CFPB Company Portal Manual, section 8.1 (response within 15 days).",
		"src_eu":            "Source: Directive 2011/83/EU, art. 9 (14-day withdrawal period).",
		"src_kr_withdrawal": "Source: 전자상거래법 art. 17 (7-day withdrawal period).",
		"src_kr_agency":     "Source: 소비자기본법 art. 58 (settlement recommendation within 30 days).",
		"check_rules":       "Check the current rules: redress is not legal advice.",
		"next":              "Next: %s",
		"next_settle":       "redress promise kept %d (or: redress promise broken %d, then redress script %d followup)",
		"next_followup":     "redress script %d followup",
		"next_ticket":       "redress script %d followup",
		"next_escalate":     "redress script %d escalate",
		"next_show":         "redress show %d",
	},
	"ko": {
		"case":              "사건 %d: %s",
		"case_company":      "사건 %d: %s (%s)",
		"promised_by":       "%s (%s 약속)",
		"ticket_one":        "접수번호 %s",
		"ticket_many":       "접수번호 %s",
		"tickets_line":      "접수번호: %s",
		"promise_line":      "약속: %s, 기한 %s",
		"promise_line_by":   "약속: %s, 담당 %s, 기한 %s",
		"contact_line":      "마지막 연락: %s",
		"check":             "확인: %s",
		"follow_up":         "후속 연락: %s (기한 %s)",
		"chase":             "재촉: %s — %s에 어긴 약속입니다. 후속 연락을 보내세요",
		"ticket_label":      "%s (%s)",
		"ticket_due":        "접수번호 %s 확인: 오늘 처리 예정",
		"return_before":     "반품 기한 3일 전 (%s)",
		"return_end":        "반품 기한 마지막 날",
		"warranty_before":   "보증 기한 3일 전 (%s)",
		"warranty_end":      "보증 기한 마지막 날",
		"no_reply":          "%[2]s에 보낸 %[1]s에 답이 없습니다 (%[3]d일)",
		"ch_email":          "이메일",
		"ch_letter":         "편지",
		"ch_web-form":       "웹 문의",
		"uk_final":          "%s 민원 후 8주: 옴부즈맨에 제기할 수 있습니다",
		"us_cfpb":           "%s CFPB 민원: 회사 답변 기한 (15일)",
		"eu_withdrawal":     "%s 구매의 청약철회 마지막 날 (14일)",
		"kr_withdrawal":     "%s 온라인 구매의 청약철회 마지막 날 (7일)",
		"kr_agency":         "%s 한국소비자원 피해구제 신청: 30일 처리 기간 종료",
		"from_delivery":     "구입일부터 셉니다. 법은 배송일부터 세므로 더 늦을 수 있습니다.",
		"src_uk":            "근거: FCA Handbook DISP 1.6 (8주 안에 최종 답변).",
		"src_us":            "근거: CFPB Company Portal Manual 8.1 (15일 안에 답변).",
		"src_eu":            "근거: 지침 2011/83/EU 제9조 (14일 청약철회 기간).",
		"src_kr_withdrawal": "근거: 전자상거래법 제17조 (7일 청약철회 기간).",
		"src_kr_agency":     "근거: 소비자기본법 제58조 (30일 안에 합의 권고).",
		"check_rules":       "현행 규정을 확인하세요. redress는 법률 자문이 아닙니다.",
		"next":              "다음 단계: %s",
		"next_settle":       "redress promise kept %d (이행되지 않았으면 redress promise broken %d, 그다음 redress script %d followup)",
		"next_followup":     "redress script %d followup",
		"next_ticket":       "redress script %d followup",
		"next_escalate":     "redress script %d escalate",
		"next_show":         "redress show %d",
	},
}

func lang(l string) string {
	if _, ok := texts[l]; ok {
		return l
	}
	return "en"
}

func formatDate(l string, d casefile.Date, loc *time.Location) string {
	return prep.FormatDate(lang(l), d, loc)
}
