package prep

import "testing"

// TestEnclosedWordsTheEvidence: photos are counted, other files named by
// their note, else their file name, in each language.
func TestEnclosedWordsTheEvidence(t *testing.T) {
	photo := EvidenceFact{Name: "IMG_1.jpg", Image: true}
	conf := EvidenceFact{Name: "mail.eml", Note: "order confirmation"}
	scan := EvidenceFact{Name: "invoice.pdf"}
	for _, tt := range []struct {
		lang string
		es   []EvidenceFact
		want string
	}{
		{"en", nil, ""},
		{"en", []EvidenceFact{photo}, "a photo"},
		{"en", []EvidenceFact{photo, photo, conf, photo}, "3 photos, order confirmation"},
		{"en", []EvidenceFact{conf, scan}, "order confirmation, invoice.pdf"},
		{"ko", []EvidenceFact{photo, photo, photo, {Name: "m.eml", Note: "주문 확인서"}}, "사진 3장, 주문 확인서"},
		{"ko", []EvidenceFact{scan}, "invoice.pdf"},
	} {
		got, err := Enclosed(tt.lang, tt.es)
		if err != nil || got != tt.want {
			t.Errorf("%s %v: %q, %v; want %q", tt.lang, tt.es, got, err, tt.want)
		}
	}
}
