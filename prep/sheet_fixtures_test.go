package prep

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

var (
	seoul = time.FixedZone("KST", 9*3600)
	// now is Monday 23 November 2026, 10:00 in Seoul.
	now = time.Date(2026, 11, 23, 10, 0, 0, 0, seoul)
)

func novAt(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, seoul) }

// fullCase is a case with every prep answer given, in English or Korean.
func fullCase(lang string) casefile.Full {
	id := int64(1)
	en := lang == "en"
	pick := func(e, k string) string {
		if en {
			return e
		}
		return k
	}
	f := casefile.Full{
		Case: casefile.Case{SaleChannel: casefile.SaleOnline, ID: 3, Title: pick("Refund for headphones", "헤드폰 환불"), Company: pick("Acme", "에이크미"),
			Product: pick("X100 headphones", "X100 헤드폰"), Kind: casefile.KindRefund,
			Problem:  pick("I returned the headphones on 5 Nov and the refund has not arrived.", "11월 5일에 헤드폰을 반품했는데 아직 환불을 받지 못했습니다."),
			Outcome:  pick("a refund of 49.90 EUR to my card by 27 Nov", "11월 27일까지 카드로 59,000원 환불"),
			Fallback: pick("store credit of 49.90 EUR", "59,000원 적립금"),
			Amount:   pick("49.90", "59000"), Currency: pick("EUR", "KRW"),
			PurchaseDate: casefile.DateOnly(2026, 11, 2), ReturnWindowEnd: casefile.DateOnly(2026, 11, 26),
			WarrantyEnd: casefile.DateOnly(2028, 11, 2), Jurisdiction: casefile.Jurisdiction(pick("eu", "kr")),
			Lang: lang, Status: casefile.StatusOpen, OpenedAt: novAt(20, 9)},
		Contacts: []casefile.Contact{{ID: 1, CaseID: 3, Channel: casefile.ChannelCall, At: novAt(20, 11), DurationS: 900,
			Rep: pick("Anna", "김민수"), Department: pick("billing", "환불팀"), Summary: pick("promised a refund", "환불 약속")}},
		Promises: []casefile.Promise{{ID: 4, CaseID: 3, ContactID: &id, Text: pick("refund 49.90 EUR to my card", "카드로 59,000원 환불"),
			By: pick("Anna", "김민수"), Due: casefile.DateOnly(2026, 11, 22), Status: casefile.PromisePending, At: novAt(20, 11), CreatedAt: novAt(20, 11)}},
		Tickets: []casefile.Ticket{{ID: 2, CaseID: 3, ContactID: &id, Number: "A-1234", Label: pick("refund", "환불"),
			Expected: casefile.DateOnly(2026, 11, 27), At: novAt(20, 11), CreatedAt: novAt(20, 11)}},
		Notes: []casefile.Note{
			{ID: 1, CaseID: 3, Kind: casefile.NoteTimeline, Text: pick("Bought the headphones online", "온라인으로 헤드폰 구입"), At: novAt(2, 0)},
			{ID: 2, CaseID: 3, Kind: casefile.NoteTimeline, Text: pick("Returned them by post, tracking RR123", "우체국 택배로 반품, 송장 RR123"), At: novAt(5, 0)},
			{ID: 3, CaseID: 3, Kind: casefile.NoteResearch, Text: pick("FAQ: refunds within 14 days of the return", "FAQ: 반품 후 14일 이내 환불"), SourceURL: "https://acme.example/faq", At: novAt(19, 0)},
			{ID: 4, CaseID: 3, Kind: casefile.NoteTried, Text: pick("Asked in the web chat", "웹 채팅으로 문의함"), At: novAt(19, 0)},
		},
		Refs: []casefile.AccountRef{{ID: 1, CaseID: 3, Label: pick("order number", "주문번호"), Value: "ORD-2026-114821"}},
		Prep: casefile.Prep{HaveReceipt: "yes", HavePhotos: "no", HaveSecret: "yes",
			OpeningLine: pick("Hello, thanks for your help. I'm calling about a refund for my X100 headphones.", "안녕하세요, 도와주셔서 감사합니다. X100 헤드폰 환불 건으로 전화드렸습니다."),
			ReturnDays:  24, WarrantyMonths: 24, PolicyDocs: pick("receipt, return tracking number", "영수증, 반품 송장번호"),
			EscalateTrigger: casefile.TriggerRefusedTwice, WillRecord: "yes", Ask: casefile.AskKeys,
			ChannelEmail: "support@acme.example", ChannelSocial: "@acme_help",
			ChannelRegulator: pick("European Consumer Centre", "1372 소비자상담센터"),
			Steps:            map[string]string{}},
	}
	return f
}

// goldenFile compares got with testdata/name, or rewrites it with -update.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	checkGolden(t, filepath.Join("testdata", name), got)
}
