package prep

import (
	"time"

	"github.com/redress-cli/redress/casefile"
)

// The cases of the letters and notices (issue 16): one per right-specific
// notice, each set so that, on the test clock (23 Nov 2026), the notice is
// open, as a consumer adviser would meet them. Dates are relative to the
// clock so a reader can count the days.

// noticeDay is a date n days before the test clock.
func noticeDay(n int) casefile.Date { return casefile.DateOf(clock.AddDate(0, 0, -n).In(kst)) }

func noticeAt(n, hour int) time.Time {
	d := clock.AddDate(0, 0, -n)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, kst)
}

type letterCase struct {
	name string
	full func() casefile.Full
	// opens are the notice stages that apply on the clock's day.
	opens []Stage
}

var letterCases = []letterCase{
	{"uk-tv-cracked", ukTVCracked, []Stage{StageReject, StageWithdraw}},
	{"eu-late-delivery", euLateDelivery, []Stage{StageDeliverBy}},
	{"kr-withdraw", krWithdraw, []Stage{StageWithdraw}},
	{"us-card-billing", usCardBilling, []Stage{StageBillingError}},
	{"uk-card-s75", ukCardS75, []Stage{StageSection75}},
	{"uk-direct-debit", ukDirectDebit, []Stage{StageDirectDebit}},
}

// A TV delivered with a cracked screen 2 days ago; one call, one ticket.
func ukTVCracked() casefile.Full {
	c1 := int64(1)
	return casefile.Full{
		Case: casefile.Case{ID: 11, Title: "TV arrived with a cracked screen", Company: "Brightway Electricals",
			Product: "Vista 55-inch TV", Kind: casefile.KindDamagedItem, Sector: casefile.SectorGoods,
			Problem: "The screen was cracked when I unpacked it", Amount: "649.00", Currency: "GBP",
			PurchaseDate: noticeDay(5), DeliveredDate: noticeDay(2), Jurisdiction: casefile.JurisdictionUK,
			Lang: "en", Status: casefile.StatusOpen, OpenedAt: noticeAt(2, 20)},
		Contacts: []casefile.Contact{{ID: 1, CaseID: 11, Channel: casefile.ChannelCall, At: noticeAt(1, 10), Rep: "Gary",
			Summary: "said the courier is to blame"}},
		Tickets: []casefile.Ticket{{ID: 1, CaseID: 11, ContactID: &c1, Number: "BW-58812", At: noticeAt(1, 10), CreatedAt: noticeAt(1, 10)}},
		Notes:   []casefile.Note{{ID: 1, CaseID: 11, Kind: casefile.NoteTimeline, Text: "Photographed the crack before the courier left", At: noticeAt(2, 15)}},
	}
}

// A coat ordered 40 days ago from a German shop, never delivered; two
// promises broken.
func euLateDelivery() casefile.Full {
	c1, c2 := int64(1), int64(2)
	return casefile.Full{
		Case: casefile.Case{ID: 12, Title: "Coat never delivered", Company: "Nordmode GmbH", Product: "Alpine down jacket",
			Kind: casefile.KindDeliveryDelay, Problem: "The jacket has not arrived", Amount: "189.00", Currency: "EUR",
			PurchaseDate: noticeDay(40), Jurisdiction: casefile.JurisdictionEU, Lang: "en", Status: casefile.StatusWaiting,
			OpenedAt: noticeAt(20, 9)},
		Contacts: []casefile.Contact{
			{ID: 1, CaseID: 12, Channel: casefile.ChannelChat, At: noticeAt(20, 9), Rep: "Lena"},
			{ID: 2, CaseID: 12, Channel: casefile.ChannelEmail, At: noticeAt(9, 9), Rep: "Jonas"}},
		Promises: []casefile.Promise{
			{ID: 1, CaseID: 12, ContactID: &c1, Text: "dispatch the jacket", By: "Lena", Due: noticeDay(15), Status: casefile.PromiseBroken, At: noticeAt(20, 9)},
			{ID: 2, CaseID: 12, ContactID: &c2, Text: "deliver the jacket", By: "Jonas", Due: noticeDay(3), Status: casefile.PromiseBroken, At: noticeAt(9, 9)}},
	}
}

// 무선 청소기, 3일 전 배송, 단순 변심이 아니라 흡입력 불량: 청약철회 기간 안.
func krWithdraw() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 13, Title: "무선 청소기 환불", Company: "한빛몰", Product: "무선 청소기 V8",
			Kind: casefile.KindRefund, Problem: "받은 청소기의 흡입력이 광고와 달리 약합니다", Amount: "289000", Currency: "KRW",
			PurchaseDate: noticeDay(6), DeliveredDate: noticeDay(3), Jurisdiction: casefile.JurisdictionKR, Lang: "ko",
			Status: casefile.StatusOpen, OpenedAt: noticeAt(2, 9)},
		Contacts: []casefile.Contact{{ID: 1, CaseID: 13, Channel: casefile.ChannelCall, At: noticeAt(2, 11), Rep: "박서연",
			Summary: "부품 입고까지 기다려 달라고 함"}},
		Refs: []casefile.AccountRef{{ID: 1, CaseID: 13, Label: "주문번호", Value: "HB20261117-0042"}},
	}
}

// A duplicate card charge 20 days ago; the merchant said refunds take two
// billing cycles.
func usCardBilling() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 14, Title: "Charged twice for a gym membership", Company: "PeakFit", Kind: casefile.KindBillingError,
			Sector: casefile.SectorCard, Problem: "My card was charged twice for the same month", Amount: "79.99", Currency: "USD",
			Outcome: "reversal of the duplicate charge of $79.99", PurchaseDate: noticeDay(20), Jurisdiction: casefile.JurisdictionUS,
			Lang: "en", Status: casefile.StatusOpen, OpenedAt: noticeAt(10, 9)},
		Contacts: []casefile.Contact{{ID: 1, CaseID: 14, Channel: casefile.ChannelCall, At: noticeAt(10, 9), Rep: "Tasha"}},
		Refs:     []casefile.AccountRef{{ID: 1, CaseID: 14, Label: "card", Value: "4111111111114821"}},
	}
}

// A sofa paid for on a credit card, never made: the trader stopped answering.
func ukCardS75() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 15, Title: "Sofa paid for, never made", Company: "Comfy Living Ltd", Product: "a three-seat sofa",
			Kind: casefile.KindCompanyError, Sector: casefile.SectorCard, Problem: "The trader took my money and has not made the sofa",
			Amount: "1200.00", Currency: "GBP", PurchaseDate: noticeDay(70), Jurisdiction: casefile.JurisdictionUK, Lang: "en",
			Status: casefile.StatusEscalated, OpenedAt: noticeAt(30, 9)},
		Contacts: []casefile.Contact{
			{ID: 1, CaseID: 15, Channel: casefile.ChannelCall, At: noticeAt(30, 9), Rep: "Dean"},
			{ID: 2, CaseID: 15, Channel: casefile.ChannelEmail, At: noticeAt(16, 9)},
			{ID: 3, CaseID: 15, Channel: casefile.ChannelCall, At: noticeAt(4, 9)}},
		Escalations: []casefile.Escalation{{ID: 1, CaseID: 15, Step: casefile.StepSupervisor, Answer: casefile.AnswerRefused, At: noticeAt(4, 9)}},
	}
}

// A gym took a Direct Debit after the membership was cancelled.
func ukDirectDebit() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 16, Title: "Direct Debit taken after cancelling", Company: "FitHub", Kind: casefile.KindCancellation,
			Sector: casefile.SectorBankDebit, Problem: "FitHub took a payment after I had cancelled my membership",
			Amount: "42.00", Currency: "GBP", PurchaseDate: noticeDay(12), Jurisdiction: casefile.JurisdictionUK, Lang: "en",
			Status: casefile.StatusOpen, OpenedAt: noticeAt(8, 9)},
		Contacts: []casefile.Contact{{ID: 1, CaseID: 16, Channel: casefile.ChannelCall, At: noticeAt(8, 9), Rep: "Mo"}},
	}
}
