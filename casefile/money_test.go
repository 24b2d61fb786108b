package casefile

import (
	"errors"
	"testing"
)

// TestParseMoney: what people type, in both conventions, and exactly what
// is stored, or the refusal and why.
func TestParseMoney(t *testing.T) {
	tests := []struct {
		in     string
		j      Jurisdiction
		number string // "" when refused
		code   string
		kind   string // MoneyError.Kind when refused
	}{
		// EUR, point and comma decimals
		{"49.90 EUR", JurisdictionEU, "49.90", "EUR", ""},
		{"EUR 49.90", JurisdictionEU, "49.90", "EUR", ""},
		{"eur 49.90", JurisdictionEU, "49.90", "EUR", ""},
		{"€49,90", JurisdictionEU, "49.90", "EUR", ""},
		{"49,90 €", JurisdictionEU, "49.90", "EUR", ""},
		{"49,90 EUR", JurisdictionEU, "49.90", "EUR", ""},
		{"1.234,56 EUR", JurisdictionEU, "1234.56", "EUR", ""},
		{"1 234,56 €", JurisdictionEU, "1234.56", "EUR", ""},
		{"1\u00a0234,56\u00a0€", JurisdictionEU, "1234.56", "EUR", ""},
		{"1,234 EUR", JurisdictionEU, "1234.00", "EUR", ""},
		{"1.234 EUR", JurisdictionEU, "1234.00", "EUR", ""},
		{"1,234.56 EUR", JurisdictionEU, "1234.56", "EUR", ""},
		{"1.234.567,89 €", JurisdictionEU, "1234567.89", "EUR", ""},
		{"€5", JurisdictionOther, "5.00", "EUR", ""},
		{"0049.90 EUR", JurisdictionEU, "49.90", "EUR", ""},
		{"1.5,0 EUR", JurisdictionEU, "", "", "unreadable"},
		{"1,2,3 EUR", JurisdictionEU, "", "", "unreadable"},
		{"12,3456 EUR", JurisdictionEU, "", "", "unreadable"},
		{"49.9 EUR", JurisdictionEU, "", "", "unreadable"},
		{"1,234,56 EUR", JurisdictionEU, "", "", "unreadable"},
		{"1.234.56 EUR", JurisdictionEU, "", "", "unreadable"},
		{"1,234.567 EUR", JurisdictionEU, "", "", "unreadable"},
		{"49.90", JurisdictionEU, "", "", "no-currency"},
		{"49.90 XYZ", JurisdictionEU, "", "", "unknown-currency"},
		{"€49.90 GBP", JurisdictionEU, "", "", "two-currencies"},
		{"forty euros", JurisdictionEU, "", "", "unreadable"},
		{"-49.90 EUR", JurisdictionEU, "", "", "unreadable"},
		{"49.90 EUR refund", JurisdictionEU, "", "", "unreadable"},
		// GBP
		{"£20", JurisdictionUK, "20.00", "GBP", ""},
		{"£649.00", JurisdictionUK, "649.00", "GBP", ""},
		{"£1,299.99", JurisdictionUK, "1299.99", "GBP", ""},
		{"20 GBP", JurisdictionOther, "20.00", "GBP", ""},
		{"1.000 TND", JurisdictionOther, "", "", "unsupported-currency"},
		{"649", JurisdictionUK, "649.00", "GBP", ""},
		{"£12.345", JurisdictionUK, "12345.00", "GBP", ""},
		// USD and the shared $
		{"$89.99", JurisdictionUS, "89.99", "USD", ""},
		{"US$89.99", JurisdictionEU, "89.99", "USD", ""},
		{"USD 89.99", JurisdictionOther, "89.99", "USD", ""},
		{"89.99 USD", JurisdictionKR, "89.99", "USD", ""},
		{"$1,049", JurisdictionUS, "1049.00", "USD", ""},
		{"89.99", JurisdictionUS, "89.99", "USD", ""},
		{"$89.99", JurisdictionUK, "", "", "shared-symbol"},
		{"$89.99", JurisdictionOther, "", "", "shared-symbol"},
		{"CA$20", JurisdictionUS, "20.00", "CAD", ""},
		{"$20 CAD", JurisdictionUS, "", "", "two-currencies"},
		{"$20 USD", JurisdictionUK, "20.00", "USD", ""},
		// KRW, with and without Korean number words
		{"₩1,290,000", JurisdictionKR, "1290000", "KRW", ""},
		{"1,290,000원", JurisdictionKR, "1290000", "KRW", ""},
		// other currencies named after the number, as Korean prose does
		{"42파운드", JurisdictionKR, "42.00", "GBP", ""},
		{"189유로", JurisdictionKR, "189.00", "EUR", ""},
		{"89.99달러", JurisdictionKR, "89.99", "USD", ""},
		{"1,290,000 원", JurisdictionOther, "1290000", "KRW", ""},
		{"1290000 KRW", JurisdictionOther, "1290000", "KRW", ""},
		{"KRW 59000", JurisdictionEU, "59000", "KRW", ""},
		{"￦59,000", JurisdictionKR, "59000", "KRW", ""},
		{"59000", JurisdictionKR, "59000", "KRW", ""},
		{"129만원", JurisdictionKR, "1290000", "KRW", ""},
		{"129만 5천원", JurisdictionKR, "1295000", "KRW", ""},
		{"1억 2천만원", JurisdictionKR, "120000000", "KRW", ""},
		{"3천원", JurisdictionKR, "3000", "KRW", ""},
		{"5만 3천 500원", JurisdictionKR, "53500", "KRW", ""},
		{"129만", JurisdictionKR, "1290000", "KRW", ""},
		{"129만 EUR", JurisdictionEU, "", "", "unreadable"},
		{"5천129만원", JurisdictionKR, "51290000", "KRW", ""},
		{"129만 1억원", JurisdictionKR, "", "", "unreadable"},
		{"3만 2만원", JurisdictionKR, "", "", "unreadable"},
		{"15천원", JurisdictionKR, "", "", "unreadable"},
		{"1,290,000.50원", JurisdictionKR, "", "", "decimals"},
		{"1.290.000원", JurisdictionKR, "1290000", "KRW", ""},
		{"", JurisdictionKR, "", "", ""},
	}
	if len(tests) < 40 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		m, err := ParseMoney(tt.in, tt.j)
		if tt.kind != "" {
			var me *MoneyError
			if !errors.As(err, &me) || me.Kind != tt.kind {
				t.Errorf("ParseMoney(%q, %s) = %+v, %v; want a %s refusal", tt.in, tt.j, m, err, tt.kind)
			}
			continue
		}
		if err != nil || m.Number != tt.number || m.Code != tt.code {
			t.Errorf("ParseMoney(%q, %s) = %q %q, %v; want %q %q", tt.in, tt.j, m.Number, m.Code, err, tt.number, tt.code)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct{ number, code, en, ko string }{
		// Korean prose names the currency after the number, as it does
		// won, and leaves off a zero fraction: "42파운드", "189유로".
		{"49.90", "EUR", "€49.90", "49.90유로"},
		{"649.00", "GBP", "£649.00", "649파운드"},
		{"42.00", "GBP", "£42.00", "42파운드"},
		{"89.99", "USD", "$89.99", "89.99달러"},
		{"1290000", "KRW", "₩1,290,000", "1,290,000원"},
		{"1234.56", "EUR", "€1,234.56", "1,234.56유로"},
		{"20.00", "CHF", "CHF 20.00", "20스위스프랑"},
		{"25.50", "CAD", "CA$25.50", "25.50캐나다달러"},
		{"3000", "JPY", "¥3,000", "3,000엔"},
		{"10.00", "SEK", "SEK 10.00", "SEK 10.00"}, // no Korean name in the table: CLDR's symbol
	}
	for _, tt := range tests {
		m := StoredMoney(tt.number, tt.code)
		if got := m.Format("en"); got != tt.en {
			t.Errorf("%s %s in English = %q, want %q", tt.number, tt.code, got, tt.en)
		}
		if got := m.Format("ko"); got != tt.ko {
			t.Errorf("%s %s in Korean = %q, want %q", tt.number, tt.code, got, tt.ko)
		}
		for _, lang := range []string{"en", "ko"} {
			back, err := ParseMoney(m.Format(lang), JurisdictionUS)
			if err != nil || back != m {
				t.Errorf("%q reads back as %+v, %v", m.Format(lang), back, err)
			}
		}
	}
}

// TestStoredMoney: what older files hold is shown as typed, never an error.
func TestStoredMoney(t *testing.T) {
	for _, tt := range []struct{ number, code, shown string }{
		{"49.90", "EUR", "€49.90"},
		{"49.90", "", "49.90"},
		{"4990", "XYZ", "4990 XYZ"},
		{"49.9", "EUR", "49.9 EUR"},
		{"49.90 EUR", "", "49.90 EUR"},
		{"", "", ""},
	} {
		m := StoredMoney(tt.number, tt.code)
		if got := m.Format("en"); got != tt.shown {
			t.Errorf("stored %q %q shows %q, want %q", tt.number, tt.code, got, tt.shown)
		}
		if n, c := m.Stored(); tt.shown != "" && m.Unreadable() != "" && (n+" "+c != tt.number+" "+tt.code && n != tt.shown) {
			t.Errorf("stored %q %q writes back %q %q", tt.number, tt.code, n, c)
		}
	}
}
