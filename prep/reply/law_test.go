package reply

import (
	"slices"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
	"github.com/redress-cli/redress/prep/text"
)

// TestRefundPeriodComesFromTheTable: the legal refund date a reply is
// held to is the rights table's (kr-ecommerce-18: 3 business days),
// counted from the recorded return when the statute counts from it, else
// from the reply; a shop sale has none (the statute is for distance
// sales); the answer words it with the table's length and, in Korean, the
// return date without a bracket inside its bracket.
func TestRefundPeriodComesFromTheTable(t *testing.T) {
	var raw []byte
	for _, r := range loadCorpus(t) {
		if r.name == "ko02-sequential.txt" {
			raw = r.raw
		}
	}
	m, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	base := casefile.Case{ID: 5, Company: "한빛쇼핑", Kind: casefile.KindRefund, Amount: "32000", Currency: "KRW",
		Jurisdiction: casefile.JurisdictionKR, SaleChannel: casefile.SaleOnline, Lang: "ko", Outcome: "카드 결제 32,000원 취소"}
	for _, c := range []struct {
		name     string
		edit     func(*casefile.Case)
		due      casefile.Date // zero: no law
		sentence string
	}{
		// The reply has no date: counted from now, Mon 23 Nov.
		{"return not recorded", func(*casefile.Case) {}, casefile.DateOnly(2026, 11, 26),
			"판매자는 상품을 돌려받은 날부터 3영업일 이내에 환급해야 합니다. 따라서 늦어도 2026년 11월 26일(목)까지"},
		// Wed 18 Nov + 3 business days: Thu, Fri, Mon.
		{"returned Wednesday", func(c *casefile.Case) { c.ReturnedDate = casefile.DateOnly(2026, 11, 18) }, casefile.DateOnly(2026, 11, 23),
			"판매자는 상품을 돌려받은 날(2026년 11월 18일)부터 3영업일 이내에 환급해야 합니다. 따라서 늦어도 2026년 11월 23일(월)까지"},
		{"bought in a shop", func(c *casefile.Case) { c.SaleChannel = casefile.SaleShop }, casefile.Date{}, ""},
		{"a defect, not a refund", func(c *casefile.Case) { c.Kind = casefile.KindDefect }, casefile.Date{}, ""},
	} {
		cs := base
		c.edit(&cs)
		res, err := Grade(m, casefile.Full{Case: cs}, corpusNow, seoul)
		if err != nil {
			t.Fatal(err)
		}
		if res.LawDue != c.due {
			t.Errorf("%s: the law's date is %s, want %s", c.name, res.LawDue, c.due)
		}
		sc, err := Draft("ko", res, cs, corpusNow, seoul)
		if err != nil {
			t.Fatal(err)
		}
		if c.sentence != "" && !strings.Contains(sc.Body, c.sentence) {
			t.Errorf("%s: the answer lacks %q:\n%s", c.name, c.sentence, sc.Body)
		}
		if c.sentence == "" && strings.Contains(sc.Body, "전자상거래법") {
			t.Errorf("%s: the answer cites a law that does not apply:\n%s", c.name, sc.Body)
		}
	}
}

// TestEveryRefundPeriodHasItsWords: every statute of the rights table
// with a period has its law_<id> part in every language's answer.
func TestEveryRefundPeriodHasItsWords(t *testing.T) {
	tables, err := rights.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for j, tb := range tables {
		for _, st := range tb.Statutes {
			if st.WithinDays == 0 {
				continue
			}
			n++
			for _, lang := range text.Langs {
				names, err := text.DefinedNames(lang, answerTemplate)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Contains(names, "law_"+st.ID) {
					t.Errorf("%s: statute %s has a period but no law_%s in %s/%s.tmpl", j, st.ID, st.ID, lang, answerTemplate)
				}
			}
		}
	}
	if n < 3 {
		t.Errorf("only %d statutes give a refund period; kr-ecommerce-18, eu-crd and uk-ccr do", n)
	}
}
