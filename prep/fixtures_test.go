package prep

import (
	"time"

	"github.com/redress-cli/redress/casefile"
)

// The clock and zone every prep test renders at: Monday 23 November 2026,
// 10:00 in Seoul (a fixed zone, so the tests need no tz database).
var (
	kst   = time.FixedZone("KST", 9*3600)
	clock = time.Date(2026, 11, 23, 10, 0, 0, 0, kst)
)

func at(month time.Month, day, hour int) time.Time {
	return time.Date(2026, month, day, hour, 0, 0, 0, kst)
}

func ptr(id int64) *int64 { return &id }

// refundBrokenPromise is the first golden case: a refund in the EU with
// one broken promise and one pending, an order number the customer also
// typed into the problem, and no escalation yet.
func refundBrokenPromise() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 1, Title: "Refund for headphones", Company: "Acme", Product: "X100 headphones",
			Kind: casefile.KindRefund, Problem: "I returned the headphones on 5 Nov (order ORD-2026-114821) and have had no refund.",
			Outcome: "Refund of 49.90 EUR to my card", Fallback: "Store credit of 60 EUR", Amount: "49.90", Currency: "EUR",
			PurchaseDate: casefile.DateOnly(2026, 11, 2), ReturnWindowEnd: casefile.DateOnly(2026, 12, 2),
			Jurisdiction: casefile.JurisdictionEU, Lang: "en", Status: casefile.StatusWaiting, OpenedAt: at(11, 6, 9)},
		Contacts: []casefile.Contact{
			{ID: 1, CaseID: 1, Channel: casefile.ChannelCall, At: at(11, 10, 14), DurationS: 1500, Rep: "Anna", Department: "billing", Summary: "agreed to refund"},
			{ID: 2, CaseID: 1, Channel: casefile.ChannelChat, At: at(11, 20, 11), Rep: "Ben"},
		},
		Promises: []casefile.Promise{
			{ID: 1, CaseID: 1, ContactID: ptr(1), Text: "refund 49.90 EUR to my card", By: "Anna", Due: casefile.DateOnly(2026, 11, 17),
				Status: casefile.PromiseBroken, At: at(11, 10, 14), CreatedAt: at(11, 10, 14)},
			{ID: 2, CaseID: 1, ContactID: ptr(2), Text: "call me back with an update", By: "Ben", Due: casefile.DateOnly(2026, 11, 27),
				Status: casefile.PromisePending, At: at(11, 20, 11), CreatedAt: at(11, 20, 11)},
		},
		Tickets: []casefile.Ticket{{ID: 1, CaseID: 1, ContactID: ptr(1), Number: "A-1234", Label: "refund",
			Expected: casefile.DateOnly(2026, 11, 15), At: at(11, 10, 14), CreatedAt: at(11, 10, 14)}},
		Notes: []casefile.Note{
			{ID: 1, CaseID: 1, Kind: casefile.NoteTimeline, Text: "Returned the headphones by post", At: at(11, 5, 0)},
			{ID: 2, CaseID: 1, Kind: casefile.NoteResearch, Text: "FAQ: refunds within 14 days of the return", SourceURL: "https://acme.example/faq", At: at(11, 20, 0)},
		},
		Refs: []casefile.AccountRef{{ID: 1, CaseID: 1, Label: "order number", Value: "ORD-2026-114821", CreatedAt: at(11, 6, 9)}},
	}
}

// damagedTwoTickets is the second golden case: a damaged delivery in
// Korea, in Korean, with two tickets from two contacts, a broken promise,
// an overdue one, a supervisor step, and no outcome typed (so the kind's
// usual ask is used).
func damagedTwoTickets() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 2, Title: "전자레인지 파손 배송", Company: "한빛전자", Product: "전자레인지 MW-200",
			Kind: casefile.KindDamagedItem, Problem: "배송된 전자레인지의 문 유리가 깨져 있었습니다.",
			Amount: "189000", Currency: "KRW", PurchaseDate: casefile.DateOnly(2026, 11, 1),
			Jurisdiction: casefile.JurisdictionKR, Lang: "ko", Status: casefile.StatusEscalated, OpenedAt: at(11, 3, 9)},
		Contacts: []casefile.Contact{
			{ID: 3, CaseID: 2, Channel: casefile.ChannelCall, At: at(11, 3, 10), Rep: "김민수", Summary: "교환 약속"},
			{ID: 4, CaseID: 2, Channel: casefile.ChannelCall, At: at(11, 12, 15), Rep: "이서연", Department: "고객만족팀"},
		},
		Promises: []casefile.Promise{
			{ID: 3, CaseID: 2, ContactID: ptr(3), Text: "교환 제품 발송", By: "김민수", Due: casefile.DateOnly(2026, 11, 10),
				Status: casefile.PromiseBroken, At: at(11, 3, 10), CreatedAt: at(11, 3, 10)},
			{ID: 4, CaseID: 2, ContactID: ptr(4), Text: "파손 제품 회수 기사 방문", By: "이서연", Due: casefile.DateOnly(2026, 11, 20),
				Status: casefile.PromisePending, At: at(11, 12, 15), CreatedAt: at(11, 12, 15)},
		},
		Tickets: []casefile.Ticket{
			{ID: 2, CaseID: 2, ContactID: ptr(3), Number: "HB-5521", Label: "파손 접수", At: at(11, 3, 10), CreatedAt: at(11, 3, 10)},
			{ID: 3, CaseID: 2, ContactID: ptr(4), Number: "HB-5630", Label: "교환", Expected: casefile.DateOnly(2026, 11, 20), At: at(11, 12, 15), CreatedAt: at(11, 12, 15)},
		},
		Notes: []casefile.Note{
			{ID: 3, CaseID: 2, Kind: casefile.NoteTimeline, Text: "파손 사진 6장 촬영", At: at(11, 2, 0)},
		},
		Refs: []casefile.AccountRef{{ID: 2, CaseID: 2, Label: "주문번호", Value: "2026110100457", CreatedAt: at(11, 3, 9)}},
		Escalations: []casefile.Escalation{
			{ID: 1, CaseID: 2, Step: casefile.StepSupervisor, Note: "이서연 팀장과 통화", At: at(11, 12, 15)},
		},
	}
}

// goldenCases are the full cases every stage is rendered for (the others
// are in letter_fixtures_test.go).
var goldenCases = []struct {
	name string
	full func() casefile.Full
}{
	{"refund-broken-promise", refundBrokenPromise},
	{"damaged-two-tickets", damagedTwoTickets},
	{"uk-cracked-tv", ukCrackedTV},
	{"eu-late-espresso", euLateEspresso},
	{"us-duplicate-charge", usDuplicateCharge},
	{"uk-gym-direct-debit", ukGymDirectDebit},
	{"us-wrong-jacket", usWrongJacket},
	{"kr-laptop-repair", krLaptopRepair},
	{"kr-internet-outage", krInternetOutage},
	{"kr-online-refund", krOnlineRefund},
}
