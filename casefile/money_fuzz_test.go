package casefile

import "testing"

// FuzzParseMoney: no input panics, and an amount that was read formats, in
// English and in Korean, to text that reads back as the same amount, and
// survives the case file's two columns unchanged.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"49.90 EUR", "€49,90", "1.234,56 EUR", "1 234,56 €", "£20", "$89.99", "US$89.99",
		"₩1,290,000", "1,290,000원", "129만원", "129만 5천원", "1억 2천만원", "1,2,3", "12,3456", "1.5,0", "CHF 20",
		"0.00 EUR", "99999999999999 JPY", "¥500", "5천129만원", "만원", "$", "원", "1,000.00원"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, j := range Jurisdictions {
			m, err := ParseMoney(s, j)
			if err != nil || m.IsZero() {
				continue
			}
			for _, lang := range Langs {
				out := m.Format(lang)
				back, err := ParseMoney(out, JurisdictionUS)
				if err != nil || back != m {
					t.Fatalf("%q (%s) = %+v formats in %s as %q, which reads back as %+v, %v", s, j, m, lang, out, back, err)
				}
			}
			if n, c := m.Stored(); StoredMoney(n, c) != m {
				t.Fatalf("%q = %+v does not survive the case file: %q %q", s, m, n, c)
			}
		}
	})
}
