package reply

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

var update = flag.Bool("update", false, "rewrite the golden drafts")

// draftCases are corpus replies answered for a case in each language: a
// golden file per pair holds the grade report and the drafted answer, so
// a change of wording is read in review.
var draftCases = []struct {
	reply string
	c     casefile.Case
}{
	{"en02-refund-asap.txt", casefile.Case{ID: 1, Company: "Acme", Kind: casefile.KindRefund, Amount: "120.00", Currency: "USD",
		Jurisdiction: casefile.JurisdictionUS, Lang: "en", Outcome: "a refund of 120.00 USD to my card", Problem: "I returned the jacket on 2 November and have had no refund"}},
	{"en04-damaged-courier.txt", casefile.Case{ID: 2, Company: "ShopRight", Kind: casefile.KindDamagedItem, Amount: "899.00", Currency: "USD",
		Jurisdiction: casefile.JurisdictionUS, Lang: "en", Outcome: "a replacement television", Problem: "the television arrived with a cracked screen"}},
	{"en08-goodwill-low.txt", casefile.Case{ID: 3, Company: "StayWell Hotels", Kind: casefile.KindCompanyError, Amount: "240.00", Currency: "EUR",
		Jurisdiction: casefile.JurisdictionEU, Lang: "en", Outcome: "a refund of the 240.00 EUR I paid for the room"}},
	{"en13-multipart-damaged.txt", casefile.Case{ID: 4, Company: "HomeGoods", Kind: casefile.KindDamagedItem, Jurisdiction: casefile.JurisdictionUK, Lang: "en",
		Outcome: "a replacement coffee machine"}},
	{"ko02-sequential.txt", casefile.Case{ID: 5, Company: "한빛쇼핑", Kind: casefile.KindRefund, Amount: "32000", Currency: "KRW",
		Jurisdiction: casefile.JurisdictionKR, SaleChannel: casefile.SaleOnline, Lang: "ko", Outcome: "카드 결제 32,000원 취소", Problem: "11월 18일에 반품했는데 아직 환불을 받지 못함"}},
	{"ko03-logistics-blame.txt", casefile.Case{ID: 6, Company: "바른마켓", Kind: casefile.KindDeliveryDelay, Jurisdiction: casefile.JurisdictionKR, Lang: "ko",
		Outcome: "주문한 책상 배송"}},
	{"ko07-point-goodwill.txt", casefile.Case{ID: 7, Company: "오늘의옷", Kind: casefile.KindCompanyError, Amount: "45000", Currency: "KRW",
		Jurisdiction: casefile.JurisdictionKR, Lang: "ko", Outcome: "주문한 색상으로 교환"}},
	{"ko12-eml-euckr-multipart.eml.txt", casefile.Case{ID: 8, Company: "한빛전자", Kind: casefile.KindDefect, Jurisdiction: casefile.JurisdictionKR, Lang: "ko",
		Outcome: "노트북 무상 수리"}},
	{"ko13-eml-euckr-html-qp.eml.txt", casefile.Case{ID: 9, Company: "스마일통신", Kind: casefile.KindBillingError, Amount: "33000", Currency: "KRW",
		Jurisdiction: casefile.JurisdictionKR, Lang: "ko", Outcome: "과다 청구된 33,000원 환급"}},
	{"en05-outage-workaround.txt", casefile.Case{ID: 10, Company: "FastNet", Kind: casefile.KindServiceOutage, Jurisdiction: casefile.JurisdictionUK, Lang: "ko",
		Outcome: "인터넷 회선 복구"}},
}

func TestDraftsGolden(t *testing.T) {
	corpus := map[string]corpusReply{}
	for _, r := range loadCorpus(t) {
		corpus[r.name] = r
	}
	for _, dc := range draftCases {
		r, ok := corpus[dc.reply]
		if !ok {
			t.Fatalf("no corpus reply %s", dc.reply)
		}
		m, err := Parse(r.raw)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Grade(m, casefile.Full{Case: dc.c}, corpusNow, seoul)
		if err != nil {
			t.Fatal(err)
		}
		report, err := Report(dc.c.Lang, res, seoul)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := Draft(dc.c.Lang, res, dc.c, corpusNow, seoul)
		if err != nil {
			t.Fatal(err)
		}
		got := report + "\n----\n" + sc.Text()
		for _, bad := range []string{"<no value>", "(으)", "이(가)", "을(를)", "은(는)", "%!"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: the draft holds %q", dc.reply, bad)
			}
		}
		// Every element the reply lacks is asked for (the workaround only
		// where one makes sense), and the remedy date is named.
		_, remedyBy := AnswerDates(res, dc.c, corpusNow, seoul)
		if !strings.Contains(sc.Body, formatDate(dc.c.Lang, remedyBy)) {
			t.Errorf("%s: the answer does not name the remedy date %v", dc.reply, remedyBy)
		}
		name := filepath.Join("testdata", "drafts", strings.TrimSuffix(strings.TrimSuffix(dc.reply, ".txt"), ".eml")+"."+dc.c.Lang+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(name), 0o755)
			if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if string(want) != got {
			t.Errorf("%s differs from the golden file; run with -update and read the diff:\n%s", name, got)
		}
	}
}

func formatDate(lang string, d casefile.Date) string {
	return prep.FormatDate(lang, d, seoul)
}
