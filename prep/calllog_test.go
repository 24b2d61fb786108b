package prep

import (
	"testing"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		in               string
		kind             LineKind
		text, dept, date string
		bad              string
	}{
		{"", LineEmpty, "", "", "", ""},
		{"rep Anna (billing)", LineRep, "Anna", "billing", "", ""},
		{"r Anna", LineRep, "Anna", "", "", ""},
		{"담당 김민수 (환불팀)", LineRep, "김민수", "환불팀", "", ""},
		{"t A-1234", LineTicket, "A-1234", "", "", ""},
		{"ticket A-1234 by 12/5", LineTicket, "A-1234", "", "2026-12-05", ""},
		{"t B-9 by someday", LineTicket, "B-9", "", "", "by someday"},
		{"접수 C-77 금요일까지", LineTicket, "C-77", "", "2026-11-27", ""},
		{"p refund 49 EUR to card by friday", LinePromise, "refund 49 EUR to card", "", "2026-11-27", ""},
		{"promise call me back tomorrow 3pm", LinePromise, "call me back", "", "2026-11-24T06:00:00Z", ""},
		{"p 카드로 환불 다음 주 금요일까지", LinePromise, "카드로 환불", "", "2026-12-04", ""},
		{"약속 문자 안내 3일 후", LinePromise, "문자 안내", "", "2026-11-26", ""},
		{"p refund 49 EUR", LinePromise, "refund 49 EUR", "", "", ""},
		{"p send a label by the time it suits them", LinePromise, "send a label", "", "", "the time it suits them"},
		{"n said the warehouse is slow", LineNote, "said the warehouse is slow", "", "", ""},
		{"x said no to a refund", LineRefusal, "said no to a refund", "", "", ""},
		{"거절 환불 불가", LineRefusal, "환불 불가", "", "", ""},
		{"hold", LineHold, "", "", "", ""},
		{"BACK", LineBack, "", "", "", ""},
		{"?", LineHelp, "", "", "", ""},
		{"?3", LineCounter, "3", "", "", ""},
		{"? parts", LineCounter, "parts", "", "", ""},
		{"도움말 4", LineCounter, "4", "", "", ""},
		{"end", LineEnd, "", "", "", ""},
		{"끝", LineEnd, "", "", "", ""},
		{"she said they will call", LineUnknown, "she said they will call", "", "", ""},
	}
	for _, tt := range tests {
		l := ParseLine(tt.in, now, seoul)
		if l.Kind != tt.kind || l.Text != tt.text || l.Department != tt.dept || l.Date.String() != tt.date {
			t.Errorf("ParseLine(%q) = %+v (date %s), want %s %q %q %s", tt.in, l, l.Date, tt.kind, tt.text, tt.dept, tt.date)
		}
		if tt.bad != "" && l.BadDate == "" {
			t.Errorf("ParseLine(%q): no BadDate", tt.in)
		}
	}
}
