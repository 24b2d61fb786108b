package reply

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/korean"

	"github.com/redress-cli/redress/casefile"
)

func corpusMail(t *testing.T, name string) Message {
	t.Helper()
	data, err := os.ReadFile("testdata/corpus/" + name)
	if err != nil {
		t.Fatal(err)
	}
	_, raw, _ := bytes.Cut(data, []byte("---\n"))
	m, err := Parse(raw)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func TestMailEncodings(t *testing.T) {
	for _, tc := range []struct {
		file, from, subject, date string
		has                       []string
		hasNot                    []string
	}{
		// multipart/alternative, text/plain in base64 (preferred to the HTML part).
		{"en13-multipart-damaged.txt", "Rachel Moore", "Your damaged coffee machine - case HG-30417", "2026-11-25T14:40:00Z",
			[]string{"I'm so sorry that your coffee machine arrived with a cracked water tank", "A written confirmation of the replacement is attached"},
			[]string{"<p>", "=\n", "SGVsbG8"}},
		// HTML only, quoted-printable with soft line breaks and =3D.
		{"en12-html-outage.txt", "StreamMax Support", "Re: Service interruption [Ticket #448120]", "2026-11-24T09:15:00Z",
			[]string{"working to restore the service as quickly as possible.", "While we fix it, you can still watch on the mobile app, which is not affected."},
			[]string{"font-family", "<", "=3D", "wor=\n"}},
		// EUC-KR, multipart/alternative in base64, encoded-word headers.
		{"ko12-eml-euckr-multipart.eml.txt", "한지우", "[한빛전자] 수리 진행 안내", "2026-11-24T01:12:00Z",
			[]string{"수리는 12월 3일까지 완료하여 댁으로 보내 드리겠습니다.", "수리 접수번호는 AS-4471023입니다."}, []string{"<p>", "\ufffd"}},
		// EUC-KR, HTML only, quoted-printable; Q-encoded subject.
		{"ko13-eml-euckr-html-qp.eml.txt", "Smile Telecom", "요금 안내", "2026-11-26T07:30:00Z",
			[]string{"협력업체 시스템 오류로 발생한 것으로 확인되었습니다.", "본 메일은 발신 전용입니다."}, []string{"td{", "<", "\ufffd", "=B0"}},
		// EUC-KR text/plain in base64.
		{"ko14-eml-euckr-repeat.eml.txt", "오세훈", "연체료 취소 안내", "2026-11-25T02:05:00Z",
			[]string{"12월 1일까지 잘못 부과된 연체료 15,000원을 취소하고"}, []string{"\ufffd"}},
	} {
		m := corpusMail(t, tc.file)
		if m.Form != FormMail || m.From != tc.from || m.Subject != tc.subject || m.Date.UTC().Format(time.RFC3339) != tc.date {
			t.Errorf("%s: form %s, from %q, subject %q, date %s", tc.file, m.Form, m.From, m.Subject, m.Date.UTC().Format(time.RFC3339))
		}
		for _, s := range tc.has {
			if !strings.Contains(m.Text, s) {
				t.Errorf("%s: text lacks %q:\n%s", tc.file, s, m.Text)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(m.Text, s) {
				t.Errorf("%s: text holds %q:\n%s", tc.file, s, m.Text)
			}
		}
	}
}

// A UTF-8 text/plain mail in quoted-printable, CRLF line ends, with the
// customer's own mail quoted below: the quote is not graded.
func TestQuotedPrintableAndQuotedHistory(t *testing.T) {
	raw := "From: Anna Fischer <anna@acme.example>\r\nDate: Tue, 24 Nov 2026 09:00:00 +0100\r\nSubject: Re: refund\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"Hello,\r\n\r\nThe refund of =E2=82=AC49.90 will reach your card within 3 business days=\r\n.\r\n\r\nAnna Fischer\r\n\r\n" +
		"On Mon, 23 Nov 2026 at 10:00, Customer <me@example.com> wrote:\r\n> I will call you tomorrow if nothing happens.\r\n"
	m, err := Parse([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "The refund of €49.90 will reach your card within 3 business days.") {
		t.Fatalf("quoted-printable not decoded:\n%s", m.Text)
	}
	res, err := Grade(m, casefile.Full{Case: casefile.Case{Amount: "49.90", Currency: "EUR", Kind: casefile.KindRefund}}, corpusNow, seoul)
	if err != nil {
		t.Fatal(err)
	}
	if res.Element(Followup).Found {
		t.Errorf("the customer's quoted mail was graded as the company's follow-up: %q", res.Element(Followup).Sentence)
	}
	// 3 business days from Tue 24 Nov (the Date header, not the clock).
	if len(res.Promises) != 1 || res.Promises[0].Due.String() != "2026-11-27" {
		t.Errorf("promises %+v, want one due 2026-11-27", res.Promises)
	}
	if res.Sender != "Anna Fischer" {
		t.Errorf("sender %q", res.Sender)
	}
}

func TestBadInput(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	noText := "From: shop@example.com\r\nTo: me@example.com\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename=invoice.pdf\r\n\r\nJVBERi0xLjQK\r\n--X--\r\n"
	for _, tc := range []struct {
		name string
		in   io.Reader
		want error
	}{
		{"empty", strings.NewReader(""), ErrEmpty},
		{"blank", strings.NewReader(" \n\r\n\t\n"), ErrEmpty},
		{"binary", bytes.NewReader(png), ErrBinary},
		{"random bytes", bytes.NewReader([]byte{0xff, 0xfe, 0xfd, 0x80, 0x81, 0xc0, 0xc1, 0xf5}), ErrBinary},
		{"too big", io.LimitReader(zeroes{}, MaxSize+1), ErrTooBig},
		{"no text part", strings.NewReader(noText), ErrNoText},
	} {
		if _, err := Read(tc.in); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

type zeroes struct{}

func (zeroes) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// Plain text saved by Korean Windows (EUC-KR, no headers), and a chat
// line that looks like a header but is not a mail.
func TestPlainTextAndChat(t *testing.T) {
	euc, err := korean.EUCKR.NewEncoder().Bytes([]byte("고객님, 환불은 3영업일 이내에 처리됩니다.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(euc)
	if err != nil || m.Text != "고객님, 환불은 3영업일 이내에 처리됩니다." || m.Form != FormText {
		t.Fatalf("EUC-KR text: %q, %v", m.Text, err)
	}
	m, err = Parse([]byte("Support: We will refund you within 5 business days.\nYou: thanks\n"))
	if err != nil || m.Form != FormText {
		t.Fatalf("chat read as %s: %v", m.Form, err)
	}
	res, _ := Grade(m, casefile.Full{}, corpusNow, seoul)
	if res.Form != FormChat || !res.Element(Date).Found {
		t.Errorf("chat: form %s, date %+v", res.Form, res.Element(Date))
	}
}

func TestHTMLText(t *testing.T) {
	got := HTMLText(`<html><head><title>x</title><style>p{color:red}</style><script>alert(1)</script></head>` +
		`<body><p>Dear&nbsp;customer,</p><p>Refund&nbsp;by <b>Friday</b> &amp; a call<br>tomorrow.</p><table><tr><td>Ref</td><td>AB-1234</td></tr></table>`)
	got = normalize(got)
	want := "Dear customer,\n\nRefund by Friday & a call\ntomorrow.\n\nRef\nAB-1234"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
