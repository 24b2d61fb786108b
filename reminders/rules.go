// Package reminders turns a case into follow-up reminders (a promise due,
// a ticket's expected date, a return window or warranty ending, a letter
// with no reply, a statutory deadline) and gets them into a calendar: an
// iCalendar file or a CalDAV push.
//
// The rules are pure functions of a case: the same case gives the same
// reminders with the same UIDs whenever they are computed, so a calendar
// that imports a new export updates its events instead of duplicating
// them. The clock only decides what is overdue (Upcoming) and stamps
// exports (Reconcile).
package reminders

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep/text"
)

// Rule names why a reminder exists; it is part of the UID.
type Rule string

const (
	RulePromiseDue      Rule = "promise-due"
	RulePromiseFollowUp Rule = "promise-followup"
	RulePromiseChase    Rule = "promise-chase"
	RuleTicketExpected  Rule = "ticket-expected"
	RuleReturnBefore    Rule = "return-window-before"
	RuleReturnEnd       Rule = "return-window-end"
	RuleWarrantyBefore  Rule = "warranty-before"
	RuleWarrantyEnd     Rule = "warranty-end"
	RuleNoReply         Rule = "no-reply"
	// and RuleReplyDue, and one rule per clock of the rights table,
	// named by the clock's id ("kr-withdrawal", "uk-fos-8-weeks").
)

// Reminder is one follow-up on one day (all-day) or at one moment.
type Reminder struct {
	UID     string        `json:"uid"`
	CaseID  int64         `json:"case_id"`
	Rule    Rule          `json:"rule"`
	EntryID int64         `json:"entry_id,omitempty"` // the promise, ticket or contact it comes from
	At      casefile.Date `json:"at"`
	Lang    string        `json:"lang"`
	Summary string        `json:"summary"`
	// Description carries the case title, company, ticket numbers, the
	// promise text and Next, one fact per line. Never an account reference.
	Description string `json:"description"`
	Next        string `json:"next"` // the command to run next
	// opensBody: a clock whose end lets the case go to a body, so it
	// stays on the list, overdue, until the customer goes. Set by the
	// builder from the rights table, or read back from the stored row;
	// not part of the content an export records.
	opensBody bool
}

// UID is the part of a reminder's calendar UID before the "@": stable per
// case, rule and the entry it comes from, e.g. "case-3-promise-7-due". The
// builder adds the case file's domain (UIDDomain).
func UID(caseID int64, entry string, entryID int64, what string) string {
	if entry == "" {
		return fmt.Sprintf("case-%d-%s", caseID, what)
	}
	return fmt.Sprintf("case-%d-%s-%d-%s", caseID, entry, entryID, what)
}

// UIDDomain is the part of every UID after the "@": "<file id>.redress",
// so that two case files (two people on one family calendar, or one
// person with a second --db) never update or delete each other's events.
// A case not read from a case file (no file id) gets plain "redress".
func UIDDomain(fileID string) string {
	if fileID == "" {
		return "redress"
	}
	return fileID + ".redress"
}

// writtenChannels are the contacts that wait for a written reply.
var writtenChannels = map[casefile.Channel]bool{
	casefile.ChannelEmail: true, casefile.ChannelLetter: true, casefile.ChannelWebForm: true,
}

// spokenChannels are the contacts where the company answered there and
// then: one of them after a written contact is its answer.
var spokenChannels = map[casefile.Channel]bool{
	casefile.ChannelCall: true, casefile.ChannelChat: true, casefile.ChannelVisit: true,
}

// For returns the reminders of one case, soonest first. A resolved or
// closed case has none; a pending promise makes its due and follow-up
// reminders, a broken one a reminder to chase it, a kept or cancelled one
// none. Date-times are placed on
// days in loc, the user's zone.
func For(f casefile.Full, loc *time.Location) []Reminder {
	rs := build(f, loc)
	Sort(rs, loc)
	return rs
}

// build makes the reminders of one case not read from a case file (UIDs
// in plain "@redress"), in no particular order.
func build(f casefile.Full, loc *time.Location) []Reminder { return buildIn(f, loc, "") }

// buildIn makes the reminders of one case of the case file fileID, in no
// particular order.
func buildIn(f casefile.Full, loc *time.Location, fileID string) []Reminder {
	if !f.Status.Active() {
		return nil
	}
	b := builder{f: f, loc: loc, lang: lang(f.Lang), domain: UIDDomain(fileID)}
	for _, p := range f.Promises {
		switch {
		case p.Status == casefile.PromisePending && !p.Due.IsZero():
			b.promise(p)
		case p.Status == casefile.PromiseBroken:
			b.chase(p)
		}
	}
	for _, t := range f.Tickets {
		if !t.Expected.IsZero() {
			b.ticket(t)
		}
	}
	b.window(f.ReturnWindowEnd, RuleReturnBefore, RuleReturnEnd, "return-window", "return")
	b.window(f.WarrantyEnd, RuleWarrantyBefore, RuleWarrantyEnd, "warranty", "warranty")
	b.noReply()
	b.deadlines()
	return b.out
}

// All returns the reminders of many cases, soonest first.
func All(cases []casefile.Full, loc *time.Location) []Reminder {
	var out []Reminder
	for _, f := range cases {
		out = Append(out, f, loc)
	}
	Sort(out, loc)
	return out
}

// Append adds the reminders of one case to rs, unsorted: for a caller
// that goes through many cases one at a time (casefile's EachActiveCase)
// and sorts once at the end.
func Append(rs []Reminder, f casefile.Full, loc *time.Location) []Reminder {
	return append(rs, build(f, loc)...)
}

// AppendIn is Append for a case of the case file fileID (Store.FileID):
// every UID ends "@<fileID>.redress".
func AppendIn(rs []Reminder, fileID string, f casefile.Full, loc *time.Location) []Reminder {
	return append(rs, buildIn(f, loc, fileID)...)
}

// Sort orders reminders soonest first in loc (an all-day reminder starts
// at midnight there); on the same moment, by case and UID so the order
// (and every export) is the same each time. Each reminder's moment is
// computed once, not at every comparison: placing a date in a zone is
// what made sorting 13,000 reminders slow.
func Sort(rs []Reminder, loc *time.Location) {
	keys := make([]sortKey, len(rs))
	for i := range rs {
		keys[i] = sortKey{at: rs[i].At.Time(loc).UnixNano(), r: rs[i]}
	}
	sortKeys(keys)
	for i := range keys {
		rs[i] = keys[i].r
	}
}

type sortKey struct {
	at int64
	r  Reminder
}

func sortKeys(keys []sortKey) {
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := &keys[i], &keys[j]
		if a.at != b.at {
			return a.at < b.at
		}
		if a.r.CaseID != b.r.CaseID {
			return a.r.CaseID < b.r.CaseID
		}
		return a.r.UID < b.r.UID
	})
}

// NextWorkingDay is the first Monday-to-Friday day after d. Public holidays
// are not known to redress; a follow-up that lands on one is a day early
// for the company, not late for the customer.
func NextWorkingDay(d casefile.Date) casefile.Date {
	d = d.AddDays(1)
	for {
		switch d.Time(time.UTC).Weekday() {
		case time.Saturday, time.Sunday:
			d = d.AddDays(1)
		default:
			return d
		}
	}
}

type builder struct {
	f    casefile.Full
	loc  *time.Location
	lang string
	out  []Reminder
	// domain ends every UID: UIDDomain of the case file's id.
	domain string
	// tickets is ticketsLine, made once: every reminder of a case carries
	// it, and a heavy case has hundreds of tickets.
	tickets *string
	all     []string // every ticket number, made once (ticketsFor)
}

func (b *builder) add(rule Rule, uid string, entryID int64, at casefile.Date, summary, next string, lines ...string) {
	lines = append([]string{b.caseLine()}, lines...)
	lines = append(lines, b.t("next", next))
	b.out = append(b.out, Reminder{UID: uid + "@" + b.domain, CaseID: b.f.ID, Rule: rule, EntryID: entryID, At: at, Lang: b.lang,
		Summary: oneLine(summary), Description: strings.Join(nonEmpty(lines), "\n"), Next: next})
}

func (b *builder) t(key string, args ...any) string {
	return fmt.Sprintf(text.Get(b.lang, catalog, key), args...)
}

func (b *builder) date(d casefile.Date) string { return formatDate(b.lang, d, b.loc) }

func (b *builder) caseLine() string {
	if b.f.Company == "" {
		return b.t("case", b.f.ID, b.f.Title)
	}
	return b.t("case_company", b.f.ID, b.f.Title, b.f.Company)
}

// ticketsFor are the ticket numbers that belong with a promise: those from
// the same contact, or else every ticket of the case.
func (b *builder) ticketsFor(contactID *int64) []string {
	var same []string
	for _, t := range b.f.Tickets {
		if contactID != nil && t.ContactID != nil && *t.ContactID == *contactID {
			same = append(same, t.Number)
		}
	}
	if len(same) > 0 {
		return same
	}
	if b.all == nil {
		b.all = []string{}
		for _, t := range b.f.Tickets {
			b.all = append(b.all, t.Number)
		}
	}
	return b.all
}

func (b *builder) ticketsPhrase(numbers []string) string {
	switch len(numbers) {
	case 0:
		return ""
	case 1:
		return b.t("ticket_one", numbers[0])
	default:
		return b.t("ticket_many", strings.Join(numbers, ", "))
	}
}

func (b *builder) ticketsLine() string {
	if b.tickets == nil {
		line := b.makeTicketsLine()
		b.tickets = &line
	}
	return *b.tickets
}

func (b *builder) makeTicketsLine() string {
	var n []string
	for _, t := range b.f.Tickets {
		n = append(n, t.Number)
	}
	if len(n) == 0 {
		return ""
	}
	return b.t("tickets_line", strings.Join(n, ", "))
}

func (b *builder) promise(p casefile.Promise) {
	what := p.Text
	if p.By != "" {
		what = b.t("promised_by", p.Text, p.By)
	}
	if tk := b.ticketsPhrase(b.ticketsFor(p.ContactID)); tk != "" {
		what += ", " + tk
	}
	promiseLine := b.t("promise_line", p.Text, b.date(p.Due))
	if p.By != "" {
		promiseLine = b.t("promise_line_by", p.Text, p.By, b.date(p.Due))
	}
	b.add(RulePromiseDue, UID(b.f.ID, "promise", p.ID, "due"), p.ID, p.Due,
		b.t("check", what), b.t("next_settle", p.ID, p.ID, b.f.ID),
		promiseLine, b.ticketsLine())
	// The follow-up: the first working day after the due day. A timed
	// promise ("by 3 pm Friday") is followed up on the next working day
	// all the same, as an all-day reminder: it is a day to chase, not a
	// moment.
	follow := NextWorkingDay(p.Due.Day(b.loc))
	b.add(RulePromiseFollowUp, UID(b.f.ID, "promise", p.ID, "followup"), p.ID, follow,
		b.t("follow_up", what, b.date(p.Due)), b.t("next_followup", b.f.ID),
		promiseLine, b.ticketsLine())
}

// chase reminds, on the first working day after a promise was marked
// broken, to send the follow-up: a broken promise must not just vanish
// from the calendar. Any contact recorded after it was marked broken is
// the chase, and drops the reminder.
func (b *builder) chase(p casefile.Promise) {
	broken := p.Due.Day(b.loc)
	var since time.Time
	if p.SettledAt != nil {
		since = *p.SettledAt
		broken = casefile.DateOf(p.SettledAt.In(b.loc))
	}
	for _, c := range b.f.Contacts {
		if !since.IsZero() && c.At.After(since) {
			return
		}
	}
	if broken.IsZero() {
		return
	}
	what := p.Text
	if p.By != "" {
		what = b.t("promised_by", p.Text, p.By)
	}
	b.add(RulePromiseChase, UID(b.f.ID, "promise", p.ID, "chase"), p.ID, NextWorkingDay(broken),
		b.t("chase", what, b.date(broken)), b.t("next_followup", b.f.ID),
		b.ticketsLine())
}

func (b *builder) ticket(t casefile.Ticket) {
	label := t.Number
	if t.Label != "" {
		label = b.t("ticket_label", t.Number, t.Label)
	}
	b.add(RuleTicketExpected, UID(b.f.ID, "ticket", t.ID, "expected"), t.ID, t.Expected,
		b.t("ticket_due", label), b.t("next_ticket", b.f.ID),
		b.ticketsLine())
}

// window makes the two reminders of a last day: three days before, so
// there is time to act, and on the day.
func (b *builder) window(end casefile.Date, before, on Rule, uidPart, key string) {
	if end.IsZero() {
		return
	}
	day := end.Day(b.loc)
	next := b.t("next_show", b.f.ID)
	b.add(before, UID(b.f.ID, "", 0, uidPart+"-before"), 0, day.AddDays(-3),
		b.t(key+"_before", b.date(day)), next, b.ticketsLine())
	b.add(on, UID(b.f.ID, "", 0, uidPart+"-end"), 0, day,
		b.t(key+"_end"), next, b.ticketsLine())
}

// noReply reminds to chase an email, letter or web form the customer sent
// that nothing has answered: a contact from the company (a recorded
// reply) or a call, chat or visit, where the company spoke, after it is
// the answer. A written contact the company sent waits for nobody, and
// a later one the customer sent is the one that waits, so only the
// customer's last unanswered written contact can qualify.
func (b *builder) noReply() {
	var last *casefile.Contact
	for i, c := range b.f.Contacts {
		switch {
		case c.FromCompany || spokenChannels[c.Channel]:
			last = nil
		case writtenChannels[c.Channel]:
			last = &b.f.Contacts[i]
		}
	}
	if last == nil {
		return
	}
	days := b.f.NoReplyDays
	if days <= 0 {
		days = casefile.DefaultNoReplyDays
	}
	sent := casefile.DateOf(last.At.In(b.loc))
	b.add(RuleNoReply, UID(b.f.ID, "contact", last.ID, "no-reply"), last.ID, sent.AddDays(days),
		b.t("no_reply", b.t("ch_"+string(last.Channel)), b.date(sent), days), b.t("next_followup", b.f.ID),
		b.summaryLine(*last), b.ticketsLine())
}

func (b *builder) summaryLine(c casefile.Contact) string {
	if c.Summary == "" {
		return ""
	}
	return b.t("contact_line", c.Summary)
}

// oneLine joins the lines of a summary: it is a title, and calendar
// clients refuse a line break in one (calcurse skips such an event on
// import: "line break in summary"). The description keeps its lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}

func nonEmpty(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// Status says where a reminder stands on a day.
type Status string

const (
	StatusUpcoming Status = "upcoming"
	StatusToday    Status = "today"
	StatusOverdue  Status = "overdue"
)

// Dated is a reminder with where it stands at a moment.
type Dated struct {
	Reminder
	Status Status `json:"status"`
	Days   int    `json:"days"` // days from today: 0 today, -2 two days ago
}

// actionable rules stay on the list after their day, as overdue, because
// their cause is still open (the promise is still pending, the letter is
// still unanswered). A window or a statutory date that has passed is
// history: it drops off the list, but stays in the calendar.
// So do the day a written step's answer was due, and the day a body (an
// ombudsman) took the case, until the customer goes there.
var actionable = map[Rule]bool{
	RulePromiseDue: true, RulePromiseFollowUp: true, RuleTicketExpected: true, RuleNoReply: true,
	RuleReplyDue: true,
}

// Upcoming returns what a person should see now: every reminder from today
// on, and the actionable ones that are overdue, soonest first. A promise's
// due-day reminder is left out once its follow-up day has come: the
// follow-up says the same thing, louder.
func Upcoming(rs []Reminder, now time.Time, loc *time.Location) []Dated {
	followUpDue := map[int64]bool{}
	for _, r := range rs {
		if r.Rule == RulePromiseFollowUp && r.At.DaysUntil(now, loc) <= 0 {
			followUpDue[r.EntryID] = true
		}
	}
	var out []Dated
	for _, r := range rs {
		n := r.At.DaysUntil(now, loc)
		d := Dated{Reminder: r, Days: n, Status: StatusUpcoming}
		switch {
		case r.Rule == RulePromiseDue && followUpDue[r.EntryID]:
			continue
		case r.At.HasTime() && r.At.Overdue(now, loc), !r.At.HasTime() && n < 0:
			if !actionable[r.Rule] && !r.opensBody {
				continue
			}
			d.Status = StatusOverdue
		case n == 0:
			d.Status = StatusToday
		}
		out = append(out, d)
	}
	return out
}
