package prep

import (
	"strings"
	"testing"
)

// TestOpeningPicksTheParticle: the Korean opening line says what the
// customer wants, the amount followed by 을/를 chosen by how it is read
// (a digit, won, a currency symbol), the product by how it ends; never a
// raw "(으)로" or "을(를)".
func TestOpeningPicksTheParticle(t *testing.T) {
	f := refundBrokenPromise()
	f.Lang = "ko"
	var b strings.Builder
	for _, tc := range []struct{ outcome, amount, currency, product string }{
		{"전액 환급 처리", "59000", "KRW", "운동화"},
		{"새 제품 교환", "12", "EUR", "전자레인지"},
		{"카드 결제 취소 후 환불", "10000", "KRW", "X100"},
		{"무상 수리", "3", "USD", "노트북"},
		{"환불", "", "", "ORD-7"},
	} {
		f.Outcome, f.Amount, f.Currency, f.Product = tc.outcome, tc.amount, tc.currency, tc.product
		sf, err := NewScriptFacts("ko", StageOpening, f, clock, kst)
		if err != nil {
			t.Fatal(err)
		}
		out, err := RenderPart("ko", "opening", "direct", sf)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(out + "\n")
	}
	goldenFile(t, "opening_direct_ko.txt", b.String())
	if strings.Contains(b.String(), "(으)") || strings.Contains(b.String(), "(를)") {
		t.Error("prints a raw particle")
	}
}
