package text

import "testing"

// TestJosa: the particle after names and amounts ending in a vowel, a
// consonant, ㄹ, a digit and a bracket, as a careful writer picks it.
func TestJosa(t *testing.T) {
	for _, c := range []struct{ particle, word, want string }{
		// a vowel
		{"이", "에이크미", "에이크미가"}, {"은", "에이크미", "에이크미는"}, {"을", "에이크미", "에이크미를"},
		{"과", "에이크미", "에이크미와"}, {"으로", "에이크미", "에이크미로"},
		// a consonant
		{"가", "삼성전자", "삼성전자가"}, {"를", "한국소비자원", "한국소비자원을"}, {"는", "쿠팡", "쿠팡은"},
		{"와", "쿠팡", "쿠팡과"}, {"로", "쿠팡", "쿠팡으로"}, {"이/가", "김민준", "김민준이"},
		// ㄹ: a final consonant, but (으)로 takes 로
		{"로", "서울", "서울로"}, {"(으)로", "11번가 몰", "11번가 몰로"}, {"을", "서울", "서울을"}, {"이", "호텔", "호텔이"},
		// digits, read in Korean
		{"을", "59,000원", "59,000원을"}, {"을", "49.90", "49.90을"}, {"가", "A-1234", "A-1234가"},
		{"을", "ORD-1", "ORD-1을"}, {"로", "ORD-1", "ORD-1로"}, {"로", "ORD-3", "ORD-3으로"},
		{"가", "ORD-2", "ORD-2가"}, {"이", "10", "10이"}, {"가", "59000", "59000이"},
		{"로", "1000", "1000으로"}, {"를", "120000", "120000을"}, {"는", "5", "5는"},
		{"로", "7", "7로"}, {"은", "8", "8은"},
		// brackets and quotes: the word before the aside, the quoted text
		{"이", "한국소비자원(KCA)", "한국소비자원(KCA)이"}, {"가", "에이크미(Acme)", "에이크미(Acme)가"},
		{"을", "“카드 환불”", "“카드 환불”을"}, {"로", "[회사 주소]", "[회사 주소]로"},
		// Latin names
		{"이", "Acme", "Acme가"}, {"이", "Amazon", "Amazon이"}, {"로", "PayPal", "PayPal로"},
		{"을", "CFPB", "CFPB를"}, {"이", "FCA", "FCA가"}, {"를", "KCA", "KCA를"}, {"으로", "IBM", "IBM으로"},
	} {
		if got := Josa(c.particle, c.word); got != c.want {
			t.Errorf("Josa(%q, %q) = %q, want %q", c.particle, c.word, got, c.want)
		}
	}
}
