package prep

import (
	"strings"
	"testing"
)

// TestOpeningPicksTheParticle: the Korean opening line says what the
// customer wants with 으로/로 chosen by how it ends (a vowel, a consonant,
// ㄹ, a digit); never "(으)로".
func TestOpeningPicksTheParticle(t *testing.T) {
	f := refundBrokenPromise()
	f.Lang = "ko"
	var b strings.Builder
	for _, outcome := range []string{"전액 환급 처리", "새 제품 교환", "카드 결제 취소 후 환불", "환불 59000", "환불 ORD-7"} {
		f.Outcome = outcome
		out, err := RenderPart("ko", "opening", "direct", NewFacts("ko", f, clock, kst))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(out + "\n")
	}
	goldenFile(t, "opening_direct_ko.txt", b.String())
	if strings.Contains(b.String(), "(으)") {
		t.Error("prints (으)로")
	}
}
