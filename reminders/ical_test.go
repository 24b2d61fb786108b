package reminders

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"github.com/redress-cli/redress/casefile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// exportedAt is the fixed clock of the golden exports.
var exportedAt = time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)

// englishCase has user text with every character iCalendar must escape
// (commas, semicolons, a backslash, a newline), an emoji, a timed promise
// and an account reference that must not appear.
func englishCase() casefile.Full {
	f := baseCase()
	f.Title = `Refund, "X100"; headphones \ case`
	f.Company = "Acme Ltd."
	f.Jurisdiction, f.Kind = casefile.JurisdictionEU, casefile.KindRefund
	f.PurchaseDate = day(2026, 11, 20)
	f.ReturnWindowEnd = day(2026, 12, 2)
	f.Contacts = []casefile.Contact{
		{ID: 1, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 21, 10), Rep: "Anna", Department: "billing"},
		{ID: 2, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 23, 9), Summary: "sent the receipt; asked for a date"},
	}
	f.Tickets = []casefile.Ticket{{ID: 1, CaseID: 3, ContactID: id(1), Number: "A-1234", Label: "refund", Expected: day(2026, 11, 28)}}
	p1 := pending(1, day(2026, 11, 27))
	p1.Text, p1.ContactID = "refund 49.90 EUR to my card, in full; no store credit", id(1)
	p2 := pending(2, casefile.DateTime(at(2026, 11, 24, 15)))
	p2.Text, p2.By = "email the return label\nto me 📦 (backslash \\ kept)", ""
	f.Promises = []casefile.Promise{p1, p2}
	f.Refs = []casefile.AccountRef{{ID: 1, CaseID: 3, Label: "order number", Value: "ORD-2026-114821"}}
	return f
}

func koreanCase() casefile.Full {
	f := baseCase()
	f.ID = 4
	f.Lang, f.Title, f.Company = "ko", "무선 헤드폰 환불 요청 (반품 후 2주째 환불 없음)", "에이크미 코리아 주식회사"
	f.Jurisdiction, f.Kind = casefile.JurisdictionKR, casefile.KindRefund
	f.PurchaseDate = day(2026, 11, 20)
	f.WarrantyEnd = day(2027, 11, 20)
	f.Contacts = []casefile.Contact{
		{ID: 7, CaseID: 4, Channel: casefile.ChannelCall, At: at(2026, 11, 21, 10), Rep: "김민수", Department: "고객센터"},
		{ID: 8, CaseID: 4, Channel: casefile.ChannelWebForm, At: at(2026, 11, 23, 9), Department: "한국소비자원", Summary: "피해구제 신청서 제출, 영수증과 사진 첨부"},
	}
	f.Tickets = []casefile.Ticket{{ID: 3, CaseID: 4, ContactID: id(7), Number: "접수-2026-0042"}}
	p := casefile.Promise{ID: 9, CaseID: 4, ContactID: id(7), Text: "카드 결제 59,000원 전액 취소; 영업일 기준 3일 안에 처리 🙏",
		By: "김민수", Due: day(2026, 11, 27), Status: casefile.PromisePending}
	f.Promises = []casefile.Promise{p}
	f.Refs = []casefile.AccountRef{{ID: 2, CaseID: 4, Label: "주문번호", Value: "2026112099887766"}}
	return f
}

func export(t testing.TB, f casefile.Full, opts Options) []byte {
	t.Helper()
	items, _, err := Reconcile(TargetFile, For(f, seoul), nil, exportedAt, seoul)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, items, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the export (run go test ./reminders -run Golden -update to accept):\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	for _, g := range []struct {
		file string
		f    casefile.Full
		opts Options
	}{
		{"en.ics", englishCase(), Options{}},
		{"ko.ics", koreanCase(), Options{}},
		{"en-todo.ics", englishCase(), Options{Todo: true}},
	} {
		t.Run(g.file, func(t *testing.T) {
			out := export(t, g.f, g.opts)
			golden(t, g.file, out)
			checkWellFormed(t, out)
			for _, r := range g.f.Refs {
				if bytes.Contains(out, []byte(r.Value)) || bytes.Contains(out, []byte(r.Masked())) ||
					bytes.Contains(out, []byte(r.Value[len(r.Value)-4:])) || bytes.Contains(out, []byte(r.Label)) {
					t.Errorf("%s carries account reference %q", g.file, r.Label)
				}
			}
		})
	}
}

// checkWellFormed asserts RFC 5545's line rules on a whole file: CRLF
// only, no line over 75 octets, every line valid UTF-8 (so no fold split a
// character), and that go-ical reads it back.
func checkWellFormed(t testing.TB, b []byte) *ical.Calendar {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatalf("file does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Fatalf("line %d is %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Fatalf("line %d splits a UTF-8 character: %q", i+1, line)
		}
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the export: %v", err)
	}
	return cal
}

func TestEncodedTextRoundTrips(t *testing.T) {
	f := englishCase()
	cal := checkWellFormed(t, export(t, f, Options{}))
	want := map[string]Reminder{}
	for _, r := range For(f, seoul) {
		want[r.UID] = r
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d", len(events), len(want))
	}
	for _, e := range events {
		uid, _ := e.Props.Text(ical.PropUID)
		r, ok := want[uid]
		if !ok {
			t.Fatalf("unexpected UID %s", uid)
		}
		summary, err := e.Props.Text(ical.PropSummary)
		if err != nil || summary != r.Summary {
			t.Errorf("%s summary %q (%v), want %q", uid, summary, err, r.Summary)
		}
		desc, err := e.Props.Text(ical.PropDescription)
		if err != nil || desc != r.Description {
			t.Errorf("%s description %q (%v), want %q", uid, desc, err, r.Description)
		}
		start, err := e.DateTimeStart(seoul)
		if err != nil || !start.Equal(r.At.Time(seoul)) {
			t.Errorf("%s starts %v (%v), want %v", uid, start, err, r.At.Time(seoul))
		}
		if len(e.Children) != 1 || e.Children[0].Name != ical.CompAlarm {
			t.Errorf("%s has no VALARM", uid)
		}
	}
}

func TestDateOnlyIsAllDayAndTimedIsUTC(t *testing.T) {
	out := string(export(t, englishCase(), Options{}))
	for _, want := range []string{
		"DTEND;VALUE=DATE:20261128\r\n", // go-ical writes properties in name order
		"DTSTART;VALUE=DATE:20261127\r\n",
		"DTSTART:20261124T060000Z\r\n", // 15:00 in Seoul
		"DTEND:20261124T063000Z\r\n",
		"TRIGGER:PT9H\r\n",
		"TRIGGER:-PT30M\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
}

func TestEscaping(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a, b; c", `a\, b\; c`},
		{`back\slash`, `back\\slash`},
		{"two\nlines", `two\nlines`},
		{"windows\r\nline and old mac\rline", `windows\nline and old mac\nline`},
		{"bell\a and nul\x00 dropped, tab\tkept", "bell and nul dropped\\, tab\tkept"},
		{"emoji 📦🙏 and 한국어", "emoji 📦🙏 and 한국어"},
		{"bad utf-8 \xff", "bad utf-8 \uFFFD"},
	}
	for _, tt := range tests {
		p := ical.NewProp(ical.PropSummary)
		p.SetText(Text(tt.in))
		if p.Value != tt.want {
			t.Errorf("%q encodes as %q, want %q", tt.in, p.Value, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	// 70 ASCII octets then Hangul (3 octets each): the first cut must move
	// back to 75 - (75-70)%3 = 73 octets rather than split a syllable.
	line := "SUMMARY:" + strings.Repeat("x", 62) + strings.Repeat("가", 30)
	out := string(Fold([]byte(line + "\r\n")))
	parts := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(parts[0]) != 73 {
		t.Errorf("first line %d octets, want 73", len(parts[0]))
	}
	for i, p := range parts {
		if len(p) > 75 || !utf8.ValidString(p) || (i > 0 && !strings.HasPrefix(p, " ")) {
			t.Errorf("bad folded line %d: %q", i, p)
		}
	}
	if unfolded := strings.ReplaceAll(out, "\r\n ", ""); unfolded != line+"\r\n" {
		t.Errorf("unfolding does not give the line back: %q", unfolded)
	}
	if short := "VERSION:2.0\r\n"; string(Fold([]byte(short))) != short {
		t.Errorf("a short line changed")
	}
	if exact := strings.Repeat("y", 75) + "\r\n"; string(Fold([]byte(exact))) != exact {
		t.Errorf("a 75-octet line was folded")
	}
}

func TestReconcile(t *testing.T) {
	f := englishCase()
	t1 := exportedAt
	items1, save1, err := Reconcile(TargetFile, For(f, seoul), nil, t1, seoul)
	if err != nil {
		t.Fatal(err)
	}
	if len(save1) != len(items1) {
		t.Fatalf("first export saves %d of %d", len(save1), len(items1))
	}
	for _, it := range items1 {
		if it.Sequence != 0 || !it.Modified.Equal(t1) || it.Cancelled {
			t.Fatalf("first export item %+v", it)
		}
	}

	// No change: the same SEQUENCE and DTSTAMP, nothing to save, so the
	// second file is byte-identical to the first.
	t2 := t1.Add(24 * time.Hour)
	items2, save2, err := Reconcile(TargetFile, For(f, seoul), save1, t2, seoul)
	if err != nil {
		t.Fatal(err)
	}
	if len(save2) != 0 {
		t.Errorf("an unchanged export saves %d records", len(save2))
	}
	var b1, b2 bytes.Buffer
	Encode(&b1, items1, Options{})
	Encode(&b2, items2, Options{})
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Errorf("an unchanged export differs")
	}

	// Promise 1 moves to Monday, promise 2 is kept: promise 1's two
	// reminders change (SEQUENCE 1, new stamps), promise 2's are exported
	// once as cancelled, everything else stays as it was.
	f.Promises[0].Due = day(2026, 11, 30)
	f.Promises = f.Promises[:1]
	t3 := t2.Add(time.Hour)
	items3, save3, err := Reconcile(TargetFile, For(f, seoul), save1, t3, seoul)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, it := range items3 {
		s := "same"
		switch {
		case it.Cancelled && it.Sequence == 1 && it.Modified.Equal(t3):
			s = "cancelled"
		case it.Sequence == 1 && it.Modified.Equal(t3):
			s = "changed"
		case it.Sequence != 0 || !it.Modified.Equal(t1):
			s = "wrong"
		}
		state[it.UID] = s
	}
	want := map[string]string{
		"case-3-promise-1-due@redress": "changed", "case-3-promise-1-followup@redress": "changed",
		"case-3-promise-2-due@redress": "cancelled", "case-3-promise-2-followup@redress": "cancelled",
	}
	for uid, s := range state {
		if w := want[uid]; w != "" && s != w || w == "" && s != "same" {
			t.Errorf("%s is %s, want %s", uid, s, map[bool]string{true: w, false: "same"}[w != ""])
		}
	}
	if len(save3) != 4 {
		t.Errorf("saved %d records, want the 4 that changed", len(save3))
	}

	// The next export no longer mentions the cancelled reminders.
	merged := mergeRecords(save1, save3)
	items4, _, err := Reconcile(TargetFile, For(f, seoul), merged, t3.Add(time.Hour), seoul)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items4 {
		if it.Cancelled || strings.Contains(it.UID, "promise-2") {
			t.Errorf("%s exported again after its cancellation", it.UID)
		}
	}

	// A reminder that comes back continues its SEQUENCE above the
	// cancellation, so calendars accept it as newer.
	f.Promises = append(f.Promises, pending(2, day(2026, 12, 4)))
	items5, _, err := Reconcile(TargetFile, For(f, seoul), merged, t3.Add(2*time.Hour), seoul)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items5 {
		if it.UID == "case-3-promise-2-due@redress" && (it.Sequence != 2 || it.Cancelled) {
			t.Errorf("returning reminder: %+v", it)
		}
	}
}

func mergeRecords(old, changed []casefile.ExportRecord) []casefile.ExportRecord {
	byUID := map[string]casefile.ExportRecord{}
	for _, r := range old {
		byUID[r.UID] = r
	}
	for _, r := range changed {
		byUID[r.UID] = r
	}
	var out []casefile.ExportRecord
	for _, r := range byUID {
		out = append(out, r)
	}
	return out
}

// FuzzEncode feeds arbitrary user text into every field a reminder shows:
// encoding must not fail or panic, and the output must keep the line rules
// and read back with go-ical to the same text; and it must be the bytes
// go-ical's own encoder writes.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "a, b; c\\d\ne", "📦🙏 한국어 텍스트", "\r\n\r", "\x00\x1b[31m", "\xff\xfe",
		strings.Repeat("가", 100), strings.Repeat("😀", 40), "\\n\\,", "\u202e\u200f"} {
		f.Add(s, s, "A-1234")
	}
	f.Fuzz(func(t *testing.T, title, text, ticket string) {
		c := baseCase()
		c.Title, c.Company = title, text
		c.Tickets = []casefile.Ticket{{ID: 1, CaseID: 3, Number: ticket, Expected: day(2026, 12, 1)}}
		p := pending(1, day(2026, 11, 27))
		p.Text, p.By = text, title
		c.Promises = []casefile.Promise{p}
		out := export(t, c, Options{})
		items, _, err := Reconcile(TargetFile, For(c, seoul), nil, exportedAt, seoul)
		if err != nil {
			t.Fatal(err)
		}
		if want := goICal(t, items, Options{}); !bytes.Equal(out, want) {
			t.Fatalf("Encode differs from go-ical:\n%q\nwant:\n%q", out, want)
		}
		cal := checkWellFormed(t, out)
		rs := For(c, seoul)
		byUID := map[string]Reminder{}
		for _, r := range rs {
			byUID[r.UID] = r
		}
		for _, e := range cal.Events() {
			uid, _ := e.Props.Text(ical.PropUID)
			summary, err := e.Props.Text(ical.PropSummary)
			if err != nil || summary != Text(byUID[uid].Summary) {
				t.Fatalf("%s summary %q (%v), want %q", uid, summary, err, Text(byUID[uid].Summary))
			}
			desc, err := e.Props.Text(ical.PropDescription)
			if err != nil || desc != Text(byUID[uid].Description) {
				t.Fatalf("%s description %q (%v)", uid, desc, err)
			}
		}
	})
}
