package prep

import (
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile"
)

func TestReadback(t *testing.T) {
	refund := NewFacts("en", refundBrokenPromise(), clock, kst)
	damaged := NewFacts("ko", damagedTwoTickets(), clock, kst)
	noContact := refundBrokenPromise()
	noContact.Contacts = nil
	for i := range noContact.Promises {
		noContact.Promises[i].ContactID = nil
		noContact.Promises[i].Status = casefile.PromisePending
	}
	noContact.Promises[0].Due = casefile.DateOnly(2026, 11, 27)
	empty := NewFacts("en", bare(casefile.KindRefund, casefile.JurisdictionEU), clock, kst)
	for _, tc := range []struct {
		name    string
		f       Facts
		contact int64
		want    string
	}{
		{"latest contact: its pending promise, no ticket given in it", refund, 0,
			"To confirm: you will call me back with an update by Fri 27 Nov 2026. The reference is A-1234, and your name is Ben. Is that right?"},
		{"a named contact whose promise later broke: what was agreed is read back", refund, 1,
			"To confirm: you will refund 49.90 EUR to my card by Tue 17 Nov 2026. The reference is A-1234, and your name is Anna. Is that right?"},
		{"Korean, latest contact", damaged, 0,
			"확인차 정리하겠습니다. 「파손 제품 회수 기사 방문」 건은 2026년 11월 20일(금)까지 처리해 주시기로 하셨습니다. 접수번호는 HB-5630, 상담원님 성함은 이서연 님 맞으시죠?"},
		{"Korean, first contact, its promise broken since", damaged, 3,
			"확인차 정리하겠습니다. 「교환 제품 발송」 건은 2026년 11월 10일(화)까지 처리해 주시기로 하셨습니다. 접수번호는 HB-5521, 상담원님 성함은 김민수 님 맞으시죠?"},
		{"no contact: every pending promise and ticket, the rep from the promise", NewFacts("en", noContact, clock, kst), 0,
			"To confirm: you will refund 49.90 EUR to my card by Fri 27 Nov 2026, and you will call me back with an update by Fri 27 Nov 2026. The reference is A-1234, and your name is Anna. Is that right?"},
		{"nothing known: placeholders, no holes", empty, 0,
			"To confirm: you will [what they will do] by [date]. The reference is [ticket number], and your name is [rep's name]. Is that right?"},
	} {
		got, err := Readback(tc.f, tc.contact)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	for _, bad := range []struct {
		f  Facts
		id int64
	}{{refund, 99}, {refund, 3}, {empty, 1}} {
		if _, err := Readback(bad.f, bad.id); err == nil || !strings.Contains(err.Error(), "no contact") {
			t.Errorf("contact %d: err = %v", bad.id, err)
		}
	}
}

// TestReadbackTwoTickets: tickets of one contact are read back together.
func TestReadbackTwoTickets(t *testing.T) {
	f := refundBrokenPromise()
	f.Tickets = append(f.Tickets, casefile.Ticket{ID: 2, CaseID: 1, ContactID: ptr(2), Number: "B-77", At: at(11, 20, 11), CreatedAt: at(11, 20, 11)},
		casefile.Ticket{ID: 3, CaseID: 1, ContactID: ptr(2), Number: "B-78", At: at(11, 20, 11), CreatedAt: at(11, 20, 11)})
	got, err := Readback(NewFacts("en", f, clock, kst), 2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "references are B-77 and B-78, and your name is Ben") {
		t.Errorf("got %s", got)
	}
}
