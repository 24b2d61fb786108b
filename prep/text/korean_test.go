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

// TestJosaAfterLatinNames: brand-like words take the particle Koreans say
// after them, read as Koreans pronounce them (재킷을, 피크핏과, 월마트가,
// 애플은, 케이티는), and a reading with known exceptions is not called sure.
func TestJosaAfterLatinNames(t *testing.T) {
	for _, c := range []struct {
		particle, word, want string
		sure                 bool
	}{
		{"을", "Alpine down jacket", "Alpine down jacket을", false}, // 재킷
		{"과", "PeakFit", "PeakFit과", false},                       // 피크핏
		{"이", "Walmart", "Walmart가", false},                       // 월마트
		{"은", "Apple", "Apple은", false},                           // 애플
		{"을", "Google", "Google을", false},                         // 구글
		{"는", "KT", "KT는", true},                                  // 케이티
		{"과", "LG", "LG와", true},                                  // 엘지
		{"이", "IBM", "IBM이", true},                                // 아이비엠
		{"로", "Dell", "Dell로", true},                              // 델
		{"을", "Samsung", "Samsung을", true},                        // 삼성
		{"이", "Amazon", "Amazon이", true},                          // 아마존
		{"는", "Costco", "Costco는", true},                          // 코스트코
		{"를", "Hyundai", "Hyundai를", true},                        // 현대
		{"가", "eBay", "eBay가", true},                              // 이베이
		{"와", "Netflix", "Netflix와", true},                        // 넷플릭스
		{"을", "Ford", "Ford를", false},                             // 포드
		{"는", "Adidas", "Adidas는", true},                          // 아디다스
		{"이", "Nike", "Nike가", false},                             // 나이키
		{"을", "iPhone", "iPhone을", false},                         // 아이폰
		{"과", "Acme", "Acme와", false},                             // 애크미
		{"이", "Microsoft", "Microsoft가", false},                   // 마이크로소프트
		{"을", "Magic Keyboard", "Magic Keyboard를", false},         // 키보드
		{"으로", "Best Buy", "Best Buy로", true},                     // 베스트 바이
		{"이", "Zara", "Zara가", true},                              // 자라
		{"을", "Summit Gear", "Summit Gear를", true},                // 기어
		{"과", "FitLife Gyms", "FitLife Gyms와", true},              // 짐스
		{"을", "TV", "TV를", true},                                  // 티브이
		{"이", "Brightside Electrical", "Brightside Electrical이", true},
	} {
		if got := Josa(c.particle, c.word); got != c.want {
			t.Errorf("Josa(%q, %q) = %q, want %q", c.particle, c.word, got, c.want)
		}
		if got := Sure(c.word); got != c.sure {
			t.Errorf("Sure(%q) = %v, want %v", c.word, got, c.sure)
		}
	}
	if got := JosaOr("과", "측", "PeakFit"); got != "PeakFit 측과" {
		t.Errorf("JosaOr after an unsure name: %q", got)
	}
	if got := JosaOr("과", "측", "쿠팡"); got != "쿠팡과" {
		t.Errorf("JosaOr after Hangul: %q", got)
	}
}

func TestTimesSaysCountsInNativeKorean(t *testing.T) {
	for _, c := range []struct {
		n       int
		counter string
		want    string
	}{
		{1, "번", "한 번"}, {2, "번", "두 번"}, {3, "차례", "세 차례"}, {4, "번", "네 번"},
		{1, "번째", "첫 번째"}, {2, "번째", "두 번째"}, {10, "번째", "열 번째"},
		{11, "번", "11번"}, {0, "번", "0번"},
	} {
		if got := Times(c.n, c.counter); got != c.want {
			t.Errorf("Times(%d, %q) = %q, want %q", c.n, c.counter, got, c.want)
		}
	}
}
