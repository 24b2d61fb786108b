package casefile

import (
	"context"
	"testing"
)

// Issue 15, problem 11: search confirmed a guessed full card number, a
// five-character reference was masked to show four of its characters,
// and "online banking login pw" or "security answer" were accepted.
func TestReferencesGiveNothingAway(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := Case{Title: "Card charged twice", OpenedAt: t0}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for _, r := range []AccountRef{
		{CaseID: c.ID, Label: "card number", Value: "4111111111114821", CreatedAt: t0},
		{CaseID: c.ID, Label: "member id", Value: "AB123", CreatedAt: t0},
	} {
		if err := s.AddRef(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]int{
		"4111111111114821": 0, // a whole value is never confirmed
		"111114821":        0,
		"4821":             1, // what the mask shows finds it
		"card number":      1,
		"AB123":            0,
		"B123":             0, // the mask of a 5-character value shows 2
		"member":           1,
	} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		refs := 0
		for _, h := range hits {
			if h.Source == "ref" {
				refs++
			}
		}
		if refs != want {
			t.Errorf("search %q found %d references, want %d", q, refs, want)
		}
	}
	for v, want := range map[string]string{
		"4111111111114821": "•••• 4821",
		"AB123":            "•••• 23",
		"12345678":         "•••• 5678",
		"1234567":          "•••• 567",
		"abcd":             "•••• cd",
		"abc":              "••••",
		"a":                "••••",
		"주문번호하나둘셋넷":        "•••• 나둘셋넷",
	} {
		if got := Mask(v); got != want {
			t.Errorf("Mask(%q) = %q, want %q", v, got, want)
		}
	}
	for _, label := range []string{"PIN", "card PIN1234", "online banking login pw", "security answer", "Security Question",
		"memorable word", "보안카드 번호", "보안카드번호", "OTP", "otp code", "passcode", "비밀번호", "인증번호", "CVV2",
		"mother's maiden name", "one-time password", "PINcode", "passwordhint", "PINevil"} {
		if !secretLabel(label) {
			t.Errorf("%q is not taken for a secret", label)
		}
	}
	for _, label := range []string{"shipping number", "order number", "account number", "customer id", "주문번호",
		"opinion ref", "spinner serial", "helpdesk ticket", "카드 번호", "pink card number"} {
		if secretLabel(label) {
			t.Errorf("%q is taken for a secret", label)
		}
	}
}
