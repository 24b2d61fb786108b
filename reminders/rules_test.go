package reminders

import (
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

var seoul = mustLoad("Asia/Seoul")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func day(y int, m time.Month, d int) casefile.Date { return casefile.DateOnly(y, m, d) }

func id(n int64) *int64 { return &n }

// at is a moment in Seoul, the tests' zone.
func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, seoul) }

func baseCase() casefile.Full {
	return casefile.Full{Case: casefile.Case{ID: 3, Title: "Refund for headphones", Company: "Acme",
		Jurisdiction: casefile.JurisdictionOther, Lang: "en", Status: casefile.StatusOpen,
		OpenedAt: at(2026, 11, 1, 9), NoReplyDays: 5}}
}

func pending(id int64, due casefile.Date) casefile.Promise {
	return casefile.Promise{ID: id, CaseID: 3, Text: "refund 49 EUR", By: "Anna", Due: due, Status: casefile.PromisePending}
}

// got lists reminders as "UID DATE" lines, the form the table expects.
func got(rs []Reminder) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.UID+" "+r.At.String())
	}
	return out
}

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(f *casefile.Full)
		loc  *time.Location
		want []string
	}{
		{"promise due on a Friday: follow-up on Monday", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 11, 27))}
		}, seoul, []string{
			"case-3-promise-7-due@redress 2026-11-27",
			"case-3-promise-7-followup@redress 2026-11-30",
		}},
		{"due on a Saturday: follow-up on Monday", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 11, 28))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-11-28", "case-3-promise-7-followup@redress 2026-11-30"}},
		{"due on a Sunday: follow-up on Monday", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 11, 29))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-11-29", "case-3-promise-7-followup@redress 2026-11-30"}},
		{"due on a Thursday: follow-up on Friday", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 11, 26))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-11-26", "case-3-promise-7-followup@redress 2026-11-27"}},
		{"month end: Monday 30 Nov follows up Tuesday 1 Dec", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 11, 30))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-11-30", "case-3-promise-7-followup@redress 2026-12-01"}},
		{"year end: Thursday 31 Dec follows up Friday 1 Jan", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 12, 31))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-12-31", "case-3-promise-7-followup@redress 2027-01-01"}},
		{"leap day: Monday 28 Feb 2028 follows up on the 29th", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2028, 2, 28))}
		}, seoul, []string{"case-3-promise-7-due@redress 2028-02-28", "case-3-promise-7-followup@redress 2028-02-29"}},
		{"leap day itself follows up on 1 March", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2028, 2, 29))}
		}, seoul, []string{"case-3-promise-7-due@redress 2028-02-29", "case-3-promise-7-followup@redress 2028-03-01"}},
		{"a due date already past still reminds (the list shows it overdue)", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, day(2026, 10, 2))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-10-02", "case-3-promise-7-followup@redress 2026-10-05"}},
		{"timed promise: due at its moment, follow-up by its day in the user's zone", func(f *casefile.Full) {
			// Fri 27 Nov 05:00 in Seoul is still Thursday in UTC.
			f.Promises = []casefile.Promise{pending(7, casefile.DateTime(time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC)))}
		}, seoul, []string{"case-3-promise-7-due@redress 2026-11-26T20:00:00Z", "case-3-promise-7-followup@redress 2026-11-30"}},
		{"the same timed promise seen from UTC follows up on Friday", func(f *casefile.Full) {
			f.Promises = []casefile.Promise{pending(7, casefile.DateTime(time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC)))}
		}, time.UTC, []string{"case-3-promise-7-due@redress 2026-11-26T20:00:00Z", "case-3-promise-7-followup@redress 2026-11-27"}},
		{"kept and cancelled promises drop their reminders; a broken one is chased the next working day", func(f *casefile.Full) {
			for i, st := range []casefile.PromiseStatus{casefile.PromiseKept, casefile.PromiseBroken, casefile.PromiseCancelled} {
				p := pending(int64(i+1), day(2026, 12, 1))
				p.Status = st
				f.Promises = append(f.Promises, p)
			}
		}, seoul, []string{"case-3-promise-2-chase@redress 2026-12-02"}},
		{"a promise marked broken on a Friday is chased on Monday", func(f *casefile.Full) {
			p := pending(2, day(2026, 11, 25))
			p.Status = casefile.PromiseBroken
			settled := at(2026, 11, 27, 15)
			p.SettledAt = &settled
			f.Promises = []casefile.Promise{p}
		}, seoul, []string{"case-3-promise-2-chase@redress 2026-11-30"}},
		{"a contact after a promise was marked broken is the chase", func(f *casefile.Full) {
			p := pending(2, day(2026, 11, 25))
			p.Status = casefile.PromiseBroken
			settled := at(2026, 11, 27, 15)
			p.SettledAt = &settled
			f.Promises = []casefile.Promise{p}
			f.Contacts = []casefile.Contact{{ID: 9, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 30, 9)}}
		}, seoul, nil},
		{"ticket with an expected date: that day", func(f *casefile.Full) {
			f.Tickets = []casefile.Ticket{{ID: 5, CaseID: 3, Number: "A-1234", Expected: day(2026, 11, 28)}, {ID: 6, CaseID: 3, Number: "B-9"}}
		}, seoul, []string{"case-3-ticket-5-expected@redress 2026-11-28"}},
		{"return window: 3 days before across a month end, and on the day", func(f *casefile.Full) {
			f.ReturnWindowEnd = day(2026, 12, 2)
		}, seoul, []string{"case-3-return-window-before@redress 2026-11-29", "case-3-return-window-end@redress 2026-12-02"}},
		{"warranty ending 2 March in a leap year: 3 days before is 28 Feb", func(f *casefile.Full) {
			f.WarrantyEnd = day(2028, 3, 2)
		}, seoul, []string{"case-3-warranty-before@redress 2028-02-28", "case-3-warranty-end@redress 2028-03-02"}},
		{"warranty ending 3 March in a leap year: 3 days before is the leap day", func(f *casefile.Full) {
			f.WarrantyEnd = day(2028, 3, 3)
		}, seoul, []string{"case-3-warranty-before@redress 2028-02-29", "case-3-warranty-end@redress 2028-03-03"}},
		{"email with no reply: 5 days later by default", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-contact-4-no-reply@redress 2026-11-28"}},
		{"letter with no reply: the case's own wait", func(f *casefile.Full) {
			f.NoReplyDays = 10
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelLetter, At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-contact-4-no-reply@redress 2026-12-03"}},
		{"web form sent late in the evening counts from its day in the user's zone", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelWebForm, At: at(2026, 11, 23, 23)}}
		}, seoul, []string{"case-3-contact-4-no-reply@redress 2026-11-28"}},
		{"a later contact is the reply: no reminder", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 20, 10)},
				{ID: 5, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 23, 10)}}
		}, seoul, nil},
		{"the company's own email waits for no reply from anyone", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 20, 10), FromCompany: true}}
		}, seoul, nil},
		{"the company's emailed reply answers the customer's email", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 18, 10)},
				{ID: 5, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 20, 10), FromCompany: true}}
		}, seoul, nil},
		{"after the company's reply, the customer's answer to it is the one that waits", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 18, 10)},
				{ID: 5, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 20, 10), FromCompany: true},
				{ID: 6, CaseID: 3, Channel: casefile.ChannelLetter, At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-contact-6-no-reply@redress 2026-11-28"}},
		{"a post on social media after an email answers nothing: the email still waits", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelEmail, At: at(2026, 11, 23, 10)},
				{ID: 5, CaseID: 3, Channel: casefile.ChannelSocial, At: at(2026, 11, 24, 10)}}
		}, seoul, []string{"case-3-contact-4-no-reply@redress 2026-11-28"}},
		{"calls and chats wait for no written reply", func(f *casefile.Full) {
			f.Contacts = []casefile.Contact{{ID: 5, CaseID: 3, Channel: casefile.ChannelChat, At: at(2026, 11, 23, 10)}}
		}, seoul, nil},
		{"UK bank: the ombudsman 8 weeks after the formal complaint, and the reply due in 2 weeks", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind, f.Sector = casefile.JurisdictionUK, casefile.KindBillingError, casefile.SectorFinancial
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 2, 10)}}
			f.Escalations = []casefile.Escalation{{ID: 1, CaseID: 3, Step: casefile.StepComplaint, At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-reply-due@redress 2026-12-07", "case-3-uk-fos-8-weeks@redress 2027-01-18"}},
		{"UK shop: no ombudsman; reject 30 days and cancel 14 days from delivery", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind = casefile.JurisdictionUK, casefile.KindDamagedItem
			f.PurchaseDate, f.DeliveredDate = day(2026, 11, 1), day(2026, 11, 4)
			f.Escalations = []casefile.Escalation{{ID: 1, CaseID: 3, Step: casefile.StepComplaint, At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-uk-cancel@redress 2026-11-18", "case-3-uk-reject@redress 2026-12-04", "case-3-reply-due@redress 2026-12-07"}},
		{"UK without a complaint yet: no clock", func(f *casefile.Full) {
			f.Jurisdiction, f.Sector = casefile.JurisdictionUK, casefile.SectorFinancial
		}, seoul, nil},
		{"US: CFPB response 15 days after filing", func(f *casefile.Full) {
			f.Jurisdiction, f.Sector = casefile.JurisdictionUS, casefile.SectorFinancial
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 2, 10)},
				{ID: 5, CaseID: 3, Channel: casefile.ChannelCall, Department: "CFPB", At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-contact-5-cfpb-response@redress 2026-12-08", "case-3-contact-5-cfpb-final@redress 2027-01-22"}},
		{"US without a CFPB complaint: no clock", func(f *casefile.Full) {
			f.Jurisdiction = casefile.JurisdictionUS
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 2, 10)}}
		}, seoul, nil},
		{"EU: 14-day withdrawal from the purchase date when the delivery is not recorded", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind = casefile.JurisdictionEU, casefile.KindRefund
			f.PurchaseDate = day(2026, 11, 20)
		}, seoul, []string{"case-3-eu-withdrawal@redress 2026-12-04"}},
		{"EU withdrawal over the leap day, from delivery", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind = casefile.JurisdictionEU, casefile.KindRefund
			f.PurchaseDate, f.DeliveredDate = day(2028, 2, 10), day(2028, 2, 20)
		}, seoul, []string{"case-3-eu-withdrawal@redress 2028-03-05"}},
		{"Korea: 7-day withdrawal and the consumer agency's 30 days", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind = casefile.JurisdictionKR, casefile.KindRefund
			f.PurchaseDate = day(2026, 11, 26)
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelCall, Department: "한국소비자원", At: at(2026, 11, 23, 10)}}
		}, seoul, []string{"case-3-kr-withdrawal@redress 2026-12-03", "case-3-contact-4-kca-handling@redress 2026-12-23"}},
		{"Korea: an online purchase delivered 5 days later: 7 days from delivery", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind = casefile.JurisdictionKR, casefile.KindRefund
			f.PurchaseDate, f.DeliveredDate = day(2026, 11, 2), day(2026, 11, 7)
		}, seoul, []string{"case-3-kr-withdrawal@redress 2026-11-14"}},
		{"a shop without a goods kind or a sector gets no withdrawal clock", func(f *casefile.Full) {
			f.Jurisdiction, f.Kind = casefile.JurisdictionKR, casefile.KindCompanyError
			f.PurchaseDate = day(2026, 11, 2)
		}, seoul, nil},
		{"other jurisdictions have no statutory clock", func(f *casefile.Full) {
			f.PurchaseDate = day(2026, 11, 26)
			f.Contacts = []casefile.Contact{{ID: 4, CaseID: 3, Channel: casefile.ChannelCall, Department: "CFPB", At: at(2026, 11, 23, 10)}}
		}, seoul, nil},
		{"a closed case has no reminders", func(f *casefile.Full) {
			f.Status = casefile.StatusClosed
			f.Promises = []casefile.Promise{pending(7, day(2026, 11, 27))}
			f.ReturnWindowEnd = day(2026, 12, 2)
		}, seoul, nil},
		{"a resolved case has none either", func(f *casefile.Full) {
			f.Status = casefile.StatusResolved
			f.Tickets = []casefile.Ticket{{ID: 5, CaseID: 3, Number: "A-1234", Expected: day(2026, 11, 28)}}
		}, seoul, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := baseCase()
			tt.edit(&f)
			rs := For(f, tt.loc)
			g := got(rs)
			if strings.Join(g, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got\n  %s\nwant\n  %s", strings.Join(g, "\n  "), strings.Join(tt.want, "\n  "))
			}
			for _, r := range rs {
				if !strings.HasPrefix(r.Next, "redress ") || !strings.Contains(r.Description, r.Next) {
					t.Errorf("%s does not name the next command: next %q, description %q", r.UID, r.Next, r.Description)
				}
			}
		})
	}
}

func TestPromiseWording(t *testing.T) {
	f := baseCase()
	f.Contacts = []casefile.Contact{{ID: 1, CaseID: 3, Channel: casefile.ChannelCall, At: at(2026, 11, 23, 10), Rep: "Anna"}}
	f.Tickets = []casefile.Ticket{{ID: 2, CaseID: 3, ContactID: id(1), Number: "A-1234"}, {ID: 3, CaseID: 3, Number: "Z-1"}}
	p := pending(7, day(2026, 11, 27))
	p.Text, p.ContactID = "refund of 49 EUR", id(1)
	f.Promises = []casefile.Promise{p}
	f.Refs = []casefile.AccountRef{{ID: 1, CaseID: 3, Label: "order number", Value: "ORD-2026-114821"}}
	rs := For(f, seoul)
	if rs[0].Summary != "Check: refund of 49 EUR promised by Anna, ticket A-1234" {
		t.Errorf("due summary %q", rs[0].Summary)
	}
	if rs[1].Summary != "Follow up: refund of 49 EUR promised by Anna, ticket A-1234 (was due Fri 27 Nov 2026)" {
		t.Errorf("follow-up summary %q", rs[1].Summary)
	}
	wantDesc := "Case 3: Refund for headphones (Acme)\n" +
		"Promise: refund of 49 EUR, by Anna, due Fri 27 Nov 2026\n" +
		"Tickets: A-1234, Z-1\n" +
		"Next: redress script 3 followup"
	if rs[1].Description != wantDesc {
		t.Errorf("follow-up description\n%s\nwant\n%s", rs[1].Description, wantDesc)
	}
	if rs[0].Next != "redress promise kept 7 (or: redress promise broken 7, then redress script 3 followup)" {
		t.Errorf("due next %q", rs[0].Next)
	}
	for _, r := range rs {
		for _, s := range []string{r.Summary, r.Description} {
			if strings.Contains(s, "114821") || strings.Contains(s, "order number") {
				t.Errorf("%s leaks an account reference: %q", r.UID, s)
			}
		}
	}
}

func TestKoreanWording(t *testing.T) {
	f := baseCase()
	f.Lang, f.Title, f.Company = "ko", "헤드폰 환불", "에이크미"
	p := pending(7, day(2026, 11, 27))
	p.Text, p.By = "카드로 환불", "김민수"
	f.Promises = []casefile.Promise{p}
	rs := For(f, seoul)
	if rs[0].Summary != "확인: 카드로 환불 (김민수 약속)" {
		t.Errorf("summary %q", rs[0].Summary)
	}
	if !strings.Contains(rs[1].Description, "기한 2026년 11월 27일(금)") || !strings.Contains(rs[1].Description, "다음 단계: redress script 3 followup") {
		t.Errorf("description %q", rs[1].Description)
	}
}

func TestUpcoming(t *testing.T) {
	f := baseCase()
	f.Jurisdiction = casefile.JurisdictionEU
	f.PurchaseDate = day(2026, 10, 1) // withdrawal ended 15 Oct: history, not on the list
	f.Promises = []casefile.Promise{pending(1, day(2026, 11, 20)), pending(2, day(2026, 11, 23)),
		pending(3, casefile.DateTime(at(2026, 11, 23, 9)))}
	f.ReturnWindowEnd = day(2026, 12, 2)
	now := at(2026, 11, 23, 10)
	var g []string
	for _, d := range Upcoming(For(f, seoul), now, seoul) {
		g = append(g, d.UID+" "+string(d.Status))
	}
	want := []string{
		// Promise 1 was due Friday; its follow-up (Monday, today) replaces it.
		"case-3-promise-1-followup@redress today",
		"case-3-promise-2-due@redress today",
		"case-3-promise-3-due@redress overdue", // 09:00 today has passed
		"case-3-promise-2-followup@redress upcoming",
		"case-3-promise-3-followup@redress upcoming",
		"case-3-return-window-before@redress upcoming",
		"case-3-return-window-end@redress upcoming",
	}
	if strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n  %s\nwant\n  %s", strings.Join(g, "\n  "), strings.Join(want, "\n  "))
	}
}
