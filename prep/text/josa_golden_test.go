package text

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
)

var update = flag.Bool("update", false, "rewrite testdata/josa.golden")

// TestJosaGolden renders the josa template function after names and
// amounts ending in a vowel, a consonant, ㄹ, a digit and a bracket, with
// every particle a template uses, and compares the lines with
// testdata/josa.golden, which a Korean reader has checked.
func TestJosaGolden(t *testing.T) {
	tmpl := template.Must(template.New("josa").Funcs(Funcs("ko")).Parse(
		`{{josa "이" .}} · {{josa "은" .}} · {{josa "을" .}} · {{josa "과" .}} · {{josa "으로" .}}` + "\n"))
	var b strings.Builder
	for _, word := range []string{
		"에이크미", "김민지", // a vowel
		"쿠팡", "삼성전자 서비스센터", "김민준", // a consonant
		"11번가 몰", "서울", // ㄹ
		"59,000원", "49.90", "A-1234", "ORD-7", "ORD-10", "120000", // digits, read in Korean
		"한국소비자원(KCA)", "「카드 환불」", // a bracket, a quote
		"Acme", "PayPal", "CFPB", // Latin
	} {
		if err := tmpl.Execute(&b, word); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join("testdata", "josa.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("josa differs from %s:\n%s", path, b.String())
	}
}
