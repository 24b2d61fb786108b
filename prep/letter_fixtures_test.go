package prep

import (
	"github.com/redress-cli/redress/casefile"
)

// The realistic cases of issue 16: one per kind, every jurisdiction at
// least twice, three written in Korean, each rendered for every stage in
// both languages (with refundBrokenPromise and damagedTwoTickets).

// ukCrackedTV: a TV delivered with a cracked screen in the UK; the
// customer has found the Consumer Rights Act's right to reject. Goods
// bought from a shop: no ombudsman, small claims next.
func ukCrackedTV() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 3, Title: "TV arrived with a cracked screen", Company: "Brightside Electrical", Product: "Solaro 55-inch TV",
			Kind: casefile.KindDamagedItem, Problem: "The TV was delivered on 10 November with a crack across the screen.",
			Outcome: "A full refund of £649.00", Amount: "649.00", Currency: "GBP",
			PurchaseDate: casefile.DateOnly(2026, 11, 6), DeliveredDate: casefile.DateOnly(2026, 11, 10),
			Jurisdiction: casefile.JurisdictionUK, Lang: "en", Status: casefile.StatusWaiting, OpenedAt: at(11, 18, 20)},
		Contacts: []casefile.Contact{
			{ID: 11, CaseID: 3, Channel: casefile.ChannelCall, At: at(11, 10, 18), Rep: "Priya", Summary: "said a replacement would be sent"},
			{ID: 12, CaseID: 3, Channel: casefile.ChannelChat, At: at(11, 17, 12), Rep: "Tom"},
		},
		Promises: []casefile.Promise{
			{ID: 11, CaseID: 3, ContactID: ptr(11), Text: "send a replacement TV", By: "Priya", Due: casefile.DateOnly(2026, 11, 14),
				Status: casefile.PromiseBroken, At: at(11, 10, 18), CreatedAt: at(11, 18, 20)},
		},
		Tickets: []casefile.Ticket{{ID: 11, CaseID: 3, ContactID: ptr(12), Number: "BE-77120", At: at(11, 17, 12), CreatedAt: at(11, 18, 20)}},
		Notes: []casefile.Note{
			{ID: 11, CaseID: 3, Kind: casefile.NoteTimeline, Text: "Photographed the crack and the box before the driver left", At: at(11, 10, 9)},
			{ID: 12, CaseID: 3, Kind: casefile.NoteResearch, Text: "Consumer Rights Act: 30 days from delivery to reject faulty goods for a full refund", SourceURL: "https://www.which.co.uk/consumer-rights/regulation/consumer-rights-act-aKJYx8n5KiSl", At: at(11, 18, 21)},
		},
		Refs: []casefile.AccountRef{{ID: 11, CaseID: 3, Label: "order number", Value: "BE-2026-558120", CreatedAt: at(11, 18, 20)}},
	}
}

// euLateEspresso: an espresso machine ordered in the EU that has not come;
// the trader moved its delivery date once (art. 18 applies).
func euLateEspresso() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 4, Title: "Espresso machine never delivered", Company: "Kaffeehaus Direkt", Product: "Barista Pro espresso machine",
			Kind: casefile.KindDeliveryDelay, Problem: "I ordered the machine on 12 October and it has still not been delivered.",
			Amount: "329.00", Currency: "EUR", PurchaseDate: casefile.DateOnly(2026, 10, 12),
			Jurisdiction: casefile.JurisdictionEU, Lang: "en", Status: casefile.StatusWaiting, OpenedAt: at(11, 2, 9)},
		Contacts: []casefile.Contact{
			{ID: 21, CaseID: 4, Channel: casefile.ChannelEmail, At: at(11, 2, 9), Summary: "asked where the order is"},
			{ID: 22, CaseID: 4, Channel: casefile.ChannelCall, At: at(11, 13, 15), Rep: "Jonas"},
		},
		Promises: []casefile.Promise{
			{ID: 21, CaseID: 4, ContactID: ptr(22), Text: "deliver the machine", By: "Jonas", Due: casefile.DateOnly(2026, 11, 27),
				Status: casefile.PromisePending, At: at(11, 13, 15), CreatedAt: at(11, 13, 15)},
		},
		Extensions: []casefile.Extension{{ID: 1, PromiseID: 21, From: casefile.DateOnly(2026, 11, 20), To: casefile.DateOnly(2026, 11, 27), At: at(11, 19, 10)}},
		Refs:       []casefile.AccountRef{{ID: 21, CaseID: 4, Label: "order number", Value: "KD-8841207", CreatedAt: at(11, 2, 9)}},
	}
}

// usDuplicateCharge: a duplicate charge on a US credit card (the FCBA
// and the card issuer apply), refused once by the first agent.
func usDuplicateCharge() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 5, Title: "Charged twice for one order", Company: "Northwind Outfitters", Product: "hiking boots",
			Kind: casefile.KindBillingError, Problem: "My credit card was charged $89.99 twice for one order on 3 November.",
			Outcome: "Reverse the duplicate charge of $89.99", Amount: "89.99", Currency: "USD", Sector: casefile.SectorCard,
			PurchaseDate: casefile.DateOnly(2026, 11, 3),
			Jurisdiction: casefile.JurisdictionUS, Lang: "en", Status: casefile.StatusEscalated, OpenedAt: at(11, 9, 9)},
		Contacts: []casefile.Contact{
			{ID: 31, CaseID: 5, Channel: casefile.ChannelChat, At: at(11, 9, 9), Rep: "Kayla", Summary: "said the second charge is a pending authorisation"},
			{ID: 32, CaseID: 5, Channel: casefile.ChannelCall, At: at(11, 19, 16), Rep: "Marcus", Department: "billing"},
		},
		Tickets: []casefile.Ticket{{ID: 31, CaseID: 5, ContactID: ptr(32), Number: "NW-300518", Label: "billing review", At: at(11, 19, 16), CreatedAt: at(11, 19, 16)}},
		Notes: []casefile.Note{
			{ID: 31, CaseID: 5, Kind: casefile.NoteTimeline, Text: "Both charges posted on my statement", At: at(11, 8, 8)},
		},
		Escalations: []casefile.Escalation{
			{ID: 31, CaseID: 5, Step: casefile.StepFrontline, Answer: casefile.AnswerRefused, Note: "said it will drop off by itself", At: at(11, 19, 16)},
		},
		Refs: []casefile.AccountRef{{ID: 31, CaseID: 5, Label: "card", Value: "4111111111114821", CreatedAt: at(11, 9, 9)}},
	}
}

// ukGymDirectDebit: a gym kept collecting by direct debit after the
// customer cancelled (the Direct Debit Guarantee applies); a supervisor
// refused, and a formal complaint went in.
func ukGymDirectDebit() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 6, Title: "Gym still charging after I cancelled", Company: "FitLife Gyms", Product: "gym membership",
			Kind: casefile.KindCancellation, Problem: "I cancelled my membership on 30 September, but £45.00 was taken again on 1 November.",
			Outcome: "Refund the £45.00 taken after I cancelled", Amount: "45.00", Currency: "GBP", Sector: casefile.SectorBankDebit,
			Jurisdiction: casefile.JurisdictionUK, Lang: "en", Status: casefile.StatusEscalated, OpenedAt: at(11, 3, 9)},
		Contacts: []casefile.Contact{
			{ID: 41, CaseID: 6, Channel: casefile.ChannelVisit, At: at(11, 3, 18), Rep: "Dean", Summary: "said cancellations need 60 days' notice"},
			{ID: 42, CaseID: 6, Channel: casefile.ChannelCall, At: at(11, 6, 12), Rep: "Sarah", Department: "membership team"},
			{ID: 43, CaseID: 6, Channel: casefile.ChannelEmail, At: at(11, 9, 10)},
		},
		Promises: []casefile.Promise{
			{ID: 41, CaseID: 6, ContactID: ptr(42), Text: "refund the £45.00", By: "Sarah", Due: casefile.DateOnly(2026, 11, 13),
				Status: casefile.PromiseBroken, At: at(11, 6, 12), CreatedAt: at(11, 6, 12)},
		},
		Tickets: []casefile.Ticket{{ID: 41, CaseID: 6, ContactID: ptr(42), Number: "FL-2291", At: at(11, 6, 12), CreatedAt: at(11, 6, 12)}},
		Notes: []casefile.Note{
			{ID: 41, CaseID: 6, Kind: casefile.NoteTimeline, Text: "Cancelled in writing at reception and kept the form", At: at(9, 30, 17)},
		},
		Escalations: []casefile.Escalation{
			{ID: 41, CaseID: 6, Step: casefile.StepSupervisor, Answer: casefile.AnswerRefused, Note: "Sarah's manager said the notice period applies", At: at(11, 6, 12)},
			{ID: 42, CaseID: 6, Step: casefile.StepComplaint, At: at(11, 9, 10)},
		},
		Refs: []casefile.AccountRef{{ID: 41, CaseID: 6, Label: "membership number", Value: "FL-00918273", CreatedAt: at(11, 3, 9)}},
	}
}

// usWrongJacket: a US shop sent the wrong size and billed for return
// shipping (a company error; goods, so no CFPB).
func usWrongJacket() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 7, Title: "Wrong size jacket sent", Company: "Summit Gear Co.", Product: "Alpine down jacket",
			Kind: casefile.KindCompanyError, Problem: "I ordered the jacket in size L and received size S.",
			Outcome: "Exchange for size L, with free return shipping", Amount: "189.00", Currency: "USD",
			PurchaseDate: casefile.DateOnly(2026, 11, 4), DeliveredDate: casefile.DateOnly(2026, 11, 9),
			Jurisdiction: casefile.JurisdictionUS, Lang: "en", Status: casefile.StatusWaiting, OpenedAt: at(11, 9, 19)},
		Contacts: []casefile.Contact{
			{ID: 51, CaseID: 7, Channel: casefile.ChannelCall, At: at(11, 10, 11), Rep: "Jordan", Summary: "opened a return"},
		},
		Promises: []casefile.Promise{
			{ID: 51, CaseID: 7, ContactID: ptr(51), Text: "email a prepaid return label", By: "Jordan", Due: casefile.DateOnly(2026, 11, 12),
				Status: casefile.PromiseBroken, At: at(11, 10, 11), CreatedAt: at(11, 10, 11)},
		},
		Tickets: []casefile.Ticket{{ID: 51, CaseID: 7, ContactID: ptr(51), Number: "RT-40917", Label: "return", At: at(11, 10, 11), CreatedAt: at(11, 10, 11)}},
		Refs:    []casefile.AccountRef{{ID: 51, CaseID: 7, Label: "order number", Value: "SG-1193004", CreatedAt: at(11, 9, 19)}},
	}
}

// krLaptopRepair: a laptop under warranty whose repair has taken three
// weeks, waiting for a part (Korean; the dispute standards apply).
func krLaptopRepair() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 8, Title: "노트북 수리 3주째 지연", Company: "누리컴퓨터", Product: "노트북 NB-15",
			Kind: casefile.KindDefect, Problem: "노트북 화면이 켜지지 않아 11월 2일에 서비스센터에 수리를 맡겼는데 3주째 돌려받지 못했습니다.",
			Outcome: "무상 수리 완료, 어렵다면 새 제품으로 교환", Amount: "1290000", Currency: "KRW",
			PurchaseDate: casefile.DateOnly(2026, 8, 20), WarrantyEnd: casefile.DateOnly(2027, 8, 19),
			Jurisdiction: casefile.JurisdictionKR, Lang: "ko", Status: casefile.StatusWaiting, OpenedAt: at(11, 2, 15)},
		Contacts: []casefile.Contact{
			{ID: 61, CaseID: 8, Channel: casefile.ChannelVisit, At: at(11, 2, 14), Rep: "박준호", Department: "강남 서비스센터", Summary: "메인보드 교체 필요"},
			{ID: 62, CaseID: 8, Channel: casefile.ChannelCall, At: at(11, 16, 11), Rep: "최유나", Summary: "부품 입고 대기"},
		},
		Promises: []casefile.Promise{
			{ID: 61, CaseID: 8, ContactID: ptr(61), Text: "수리 완료 후 연락", By: "박준호", Due: casefile.DateOnly(2026, 11, 9),
				Status: casefile.PromiseBroken, At: at(11, 2, 14), CreatedAt: at(11, 2, 15)},
			{ID: 62, CaseID: 8, ContactID: ptr(62), Text: "부품 입고 일정 안내", By: "최유나", Due: casefile.DateOnly(2026, 11, 20),
				Status: casefile.PromisePending, At: at(11, 16, 11), CreatedAt: at(11, 16, 11)},
		},
		Tickets: []casefile.Ticket{{ID: 61, CaseID: 8, ContactID: ptr(61), Number: "NR-118204", Label: "수리 접수", At: at(11, 2, 14), CreatedAt: at(11, 2, 15)}},
		Notes: []casefile.Note{
			{ID: 61, CaseID: 8, Kind: casefile.NoteResearch, Text: "소비자분쟁해결기준: 수리 기간이 1개월을 넘기면 교환 또는 환급", At: at(11, 20, 21)},
		},
	}
}

// krInternetOutage: home internet down for days (Korean; telecoms, so the
// Telecommunications Dispute Mediation Committee).
func krInternetOutage() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 9, Title: "인터넷 장애 보상", Company: "한결텔레콤", Product: "기가 인터넷",
			Kind: casefile.KindServiceOutage, Problem: "11월 11일부터 15일까지 닷새 동안 집 인터넷이 끊겼습니다.",
			Outcome: "장애 기간 요금 감면", Amount: "33000", Currency: "KRW", Sector: casefile.SectorTelecoms,
			Jurisdiction: casefile.JurisdictionKR, Lang: "ko", Status: casefile.StatusWaiting, OpenedAt: at(11, 11, 20)},
		Contacts: []casefile.Contact{
			{ID: 71, CaseID: 9, Channel: casefile.ChannelCall, At: at(11, 11, 20), Rep: "정하늘", Summary: "기사 방문 예약"},
			{ID: 72, CaseID: 9, Channel: casefile.ChannelCall, At: at(11, 16, 10), Rep: "오민재"},
		},
		Promises: []casefile.Promise{
			{ID: 71, CaseID: 9, ContactID: ptr(72), Text: "요금 감면 여부 회신", By: "오민재", Due: casefile.DateOnly(2026, 11, 25),
				Status: casefile.PromisePending, At: at(11, 16, 10), CreatedAt: at(11, 16, 10)},
		},
		Tickets: []casefile.Ticket{{ID: 71, CaseID: 9, ContactID: ptr(71), Number: "HG-0458812", Label: "장애 접수", At: at(11, 11, 20), CreatedAt: at(11, 11, 20)}},
		Notes: []casefile.Note{
			{ID: 71, CaseID: 9, Kind: casefile.NoteTimeline, Text: "인터넷 연결 끊김", At: at(11, 11, 8)},
			{ID: 72, CaseID: 9, Kind: casefile.NoteTimeline, Text: "기사 방문 후 복구", At: at(11, 15, 17)},
		},
		Refs: []casefile.AccountRef{{ID: 71, CaseID: 9, Label: "고객번호", Value: "HG-55102938", CreatedAt: at(11, 11, 20)}},
	}
}

// krOnlineRefund: an online clothes order returned within 7 days and not
// refunded (Korean; art. 18: 3 business days).
func krOnlineRefund() casefile.Full {
	return casefile.Full{
		Case: casefile.Case{ID: 10, Title: "반품한 코트 환불 지연", Company: "모아몰", Product: "울 코트",
			Kind: casefile.KindRefund, Problem: "11월 9일에 코트를 반품했고 판매자가 11월 12일에 받았는데 아직 환불되지 않았습니다.",
			Amount: "89000", Currency: "KRW", PurchaseDate: casefile.DateOnly(2026, 11, 3), DeliveredDate: casefile.DateOnly(2026, 11, 5),
			Jurisdiction: casefile.JurisdictionKR, Lang: "ko", Status: casefile.StatusWaiting, OpenedAt: at(11, 16, 9)},
		Contacts: []casefile.Contact{
			{ID: 81, CaseID: 10, Channel: casefile.ChannelChat, At: at(11, 16, 9), Rep: "김지은", Summary: "환불 처리 중이라는 답변"},
		},
		Promises: []casefile.Promise{
			{ID: 81, CaseID: 10, ContactID: ptr(81), Text: "89,000원 환불", By: "김지은", Due: casefile.DateOnly(2026, 11, 19),
				Status: casefile.PromiseBroken, At: at(11, 16, 9), CreatedAt: at(11, 16, 9)},
		},
		Notes: []casefile.Note{
			{ID: 81, CaseID: 10, Kind: casefile.NoteTimeline, Text: "반품 상품 판매자 도착 확인", At: at(11, 12, 15)},
		},
		Refs: []casefile.AccountRef{{ID: 81, CaseID: 10, Label: "주문번호", Value: "MA20261103-7781", CreatedAt: at(11, 16, 9)}},
	}
}
