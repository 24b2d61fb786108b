// Package rights is the table of jurisdiction facts, as data embedded in
// the binary: one file per jurisdiction under data/ (uk, eu, us, kr; a
// case under "other" has none). For each, by sector and kind where the law
// differs, the clocks (their length, the event each starts from and what
// its end unlocks), the bodies a case can go to (named in every language,
// where to find them, when they take a case, what they cost), and the
// statutes a letter cites, each with its source.
//
// Clocks is the one computation of which clocks run for a case and when
// they end: reminders, `next`, the call sheet and the scripts all read it,
// so they cannot disagree. redress organises a complaint; it is not legal
// advice, and every text built from this table says to check the rules.
//
// Adding a jurisdiction is one data file here plus its words (the
// reminder line of each clock, clock_<id> in prep/text/<lang>/reminders.txt).
package rights

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/redress-cli/redress/casefile"
)

//go:embed data/*.json
var data embed.FS

// Event is what a clock starts from.
type Event string

const (
	EventPurchase      Event = "purchase"       // the purchase date
	EventDelivery      Event = "delivery"       // the day the goods arrived
	EventStatement     Event = "statement"      // the statement that showed the charge (not recorded)
	EventFirstContact  Event = "first-contact"  // the first contact logged with the company
	EventComplaint     Event = "complaint"      // the formal complaint: the first step at or above "complaint"
	EventFinalResponse Event = "final-response" // the company's final response
	EventFiling        Event = "filing"         // filing with a body (a contact logged with that body)
)

// Events are every event a clock may start from.
var Events = []Event{EventPurchase, EventDelivery, EventStatement, EventFirstContact, EventComplaint, EventFinalResponse, EventFiling}

// Unlock is what the end of a clock means.
const (
	UnlockDeadline = "deadline" // the last day to act (withdraw, reject, report)
	UnlockBody     = "body"     // the body takes the case from that day
	UnlockReply    = "reply"    // the other side's answer is due
)

// Clock is one statutory or regulatory period.
type Clock struct {
	ID      string            `json:"id"`
	Sectors []casefile.Sector `json:"sectors"` // empty: every sector
	Kinds   []casefile.Kind   `json:"kinds"`   // empty: every kind
	Days    int               `json:"days"`
	Months  int               `json:"months"`
	From    Event             `json:"from"`
	// Fallback is an earlier event the clock is counted from when From is
	// not recorded, so the reminder is early rather than late (and says so).
	Fallback  Event  `json:"fallback"`
	FiledWith string `json:"filed_with"` // for From "filing": the body filed with
	Unlocks   string `json:"unlocks"`
	// Distance: the clock is for distance sales (online, phone, mail
	// order); it does not run for a case bought in a shop.
	Distance bool   `json:"distance"`
	Body     string `json:"body"` // the body the clock is about, if any
	Source   string `json:"source"`
}

// Body is somewhere a case can go next.
type Body struct {
	ID        string            `json:"id"`
	Name      map[string]string `json:"name"`
	Address   string            `json:"address"`
	Sectors   []casefile.Sector `json:"sectors"` // empty: every sector
	Takes     map[string]string `json:"takes"`
	Cost      map[string]string `json:"cost"`
	Aliases   []string          `json:"aliases"` // words in a contact's department that mean "filed with this body"
	Ombudsman bool              `json:"ombudsman"`
	// ReportOnly: the body takes reports but resolves no individual case.
	ReportOnly bool `json:"report_only"`
	// SmallClaims: the court's small-claims procedure, named in a letter
	// before action.
	SmallClaims bool   `json:"small_claims"`
	Source      string `json:"source"`
}

// Statute is what a letter cites for a sector or kind.
type Statute struct {
	ID        string            `json:"id"`
	Sectors   []casefile.Sector `json:"sectors"`
	Kinds     []casefile.Kind   `json:"kinds"`
	MinAmount string            `json:"min_amount"` // applies above (UK s. 75: over) or from this amount
	MaxAmount string            `json:"max_amount"`
	Currency  string            `json:"currency"`
	Cite      map[string]string `json:"cite"`
	// WithinDays is the time the statute gives the trader to put it right
	// (Korean art. 18: a refund within 3 business days), which a letter
	// asks for when it is shorter than its usual 14 days; 0: none.
	WithinDays   int  `json:"within_days"`
	BusinessDays bool `json:"business_days"` // WithinDays counts Monday to Friday
	// From is the event WithinDays counts from: "return" (the day the
	// trader got the goods back, casefile.Case.ReturnedDate), which a
	// case may not record, or "" for the day of the letter (or of the
	// company's reply that `redress reply` answers). prep's letters and
	// prep/reply both count from this field; neither states a period.
	From string `json:"from"`
	// Distance: the statute is for distance sales; it applies only to a
	// case recorded as bought online (casefile.SaleOnline).
	Distance bool   `json:"distance"`
	Source   string `json:"source"`
}

// Table is the facts of one jurisdiction.
type Table struct {
	Jurisdiction casefile.Jurisdiction `json:"jurisdiction"`
	Clocks       []Clock               `json:"clocks"`
	Bodies       []Body                `json:"bodies"`
	Statutes     []Statute             `json:"statutes"`
	Notices      []Notice              `json:"notices"`
}

// Notice is a letter the law gives its own force, sent to the trader (or
// the card issuer, or the bank) while a right can be used: the short-term
// right to reject, a withdrawal, an additional period for delivery, a
// billing-error notice, a Section 75 claim. ID is the script that words
// it (prep's stage of the same name).
type Notice struct {
	ID      string            `json:"id"`
	Sectors []casefile.Sector `json:"sectors"`
	Kinds   []casefile.Kind   `json:"kinds"`
	// Within is the clock the notice must be sent before the end of; After
	// a clock whose end makes it due (a delivery 30 days late). Neither:
	// the notice can be sent whenever its statute applies.
	Within string `json:"within"`
	After  string `json:"after"`
	// Undelivered: only while the goods have not arrived.
	Undelivered bool   `json:"undelivered"`
	Statute     string `json:"statute"` // the statute it relies on (must apply to the case)
	Source      string `json:"source"`
}

// A table is decoded the first time it is asked for, each file on its
// own: a command reads the one table of its case's jurisdiction, and
// decoding all four cost `promise` half a millisecond (issue 19).
var decoded sync.Map // file name → *decoding

type decoding struct {
	once sync.Once
	t    *Table
	err  error
}

// decode returns the table in data/name, decoded once.
func decode(name string) (*Table, error) {
	v, _ := decoded.LoadOrStore(name, &decoding{})
	d := v.(*decoding)
	d.once.Do(func() {
		src, err := data.ReadFile(path.Join("data", name))
		if err != nil {
			d.err = err
			return
		}
		var t Table
		dec := json.NewDecoder(bytes.NewReader(src))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&t); err != nil {
			d.err = fmt.Errorf("rights/%s: %w", name, err)
			return
		}
		d.t = &t
	})
	return d.t, d.err
}

// WriteSource writes the bytes of every data file, in name order, to w:
// what a stamp of the rules hashes, without decoding the tables (the
// decoding cost `remind list` 0.3 ms on every run; issue 19).
func WriteSource(w io.Writer) error {
	entries, err := fs.ReadDir(data, "data")
	if err != nil {
		return err
	}
	for _, e := range entries {
		src, err := data.ReadFile(path.Join("data", e.Name()))
		if err != nil {
			return err
		}
		io.WriteString(w, e.Name()+"\n")
		if _, err := w.Write(src); err != nil {
			return err
		}
	}
	return nil
}

// Load reads every data file; a file that does not parse is an error,
// which the tests catch before a user does.
func Load() (map[casefile.Jurisdiction]*Table, error) {
	entries, err := fs.ReadDir(data, "data")
	if err != nil {
		return nil, err
	}
	tables := map[casefile.Jurisdiction]*Table{}
	for _, e := range entries {
		t, err := decode(e.Name())
		if err != nil {
			return nil, err
		}
		tables[t.Jurisdiction] = t
	}
	return tables, nil
}

// For is the table of a jurisdiction, or nil (for "other"): the file
// named after it (TestEveryFileLoads checks every file is).
func For(j casefile.Jurisdiction) *Table {
	name := string(j) + ".json"
	if _, err := fs.Stat(data, path.Join("data", name)); err != nil || j == "" {
		return nil
	}
	t, err := decode(name)
	if err != nil {
		panic(err) // the embedded data is checked by TestEveryFileLoads
	}
	return t
}

// Body returns the body with this id, or false.
func (t *Table) Body(id string) (Body, bool) {
	if t != nil {
		for _, b := range t.Bodies {
			if b.ID == id {
				return b, true
			}
		}
	}
	return Body{}, false
}

// Sector is the case's sector: the one recorded, else the one its kind
// implies (goods for a refund, a damaged or late item and a defect;
// services for a cancellation or an outage), else none: a clock or body
// limited to sectors then does not apply, since redress never claims a
// right it cannot tell the case has.
func Sector(c casefile.Case) casefile.Sector {
	if c.Sector != "" {
		return c.Sector
	}
	switch c.Kind {
	case casefile.KindRefund, casefile.KindDamagedItem, casefile.KindDeliveryDelay, casefile.KindDefect:
		return casefile.SectorGoods
	case casefile.KindCancellation, casefile.KindServiceOutage:
		return casefile.SectorServices
	}
	return ""
}

func applies[S ~string, K ~string](sectors []S, kinds []K, sector S, kind K) bool {
	return (len(sectors) == 0 || slices.Contains(sectors, sector)) && (len(kinds) == 0 || slices.Contains(kinds, kind))
}

// Applies reports whether a body is open to a case of this sector.
func (b Body) Applies(sector casefile.Sector) bool {
	return len(b.Sectors) == 0 || slices.Contains(b.Sectors, sector)
}

// Due is a clock running on a case.
type Due struct {
	Clock Clock         `json:"clock"`
	Start casefile.Date `json:"start"`      // the day the clock started
	From  Event         `json:"start_from"` // the event it was counted from
	// Early: counted from the clock's fallback, an earlier event than the
	// law names (the purchase, when the delivery day is not recorded).
	Early   bool          `json:"early"`
	End     casefile.Date `json:"end"`                // the last day, or the day the body takes the case
	EntryID int64         `json:"entry_id,omitempty"` // the contact that filed with a body
}

// Clocks are the clocks running on a case, in the order of the table.
func Clocks(f casefile.Full, loc *time.Location) []Due {
	t := For(f.Jurisdiction)
	if t == nil {
		return nil
	}
	sector := Sector(f.Case)
	var out []Due
	for _, c := range t.Clocks {
		if !applies(c.Sectors, c.Kinds, sector, f.Kind) || c.Distance && f.SaleChannel == casefile.SaleShop {
			continue
		}
		start, id, ok := eventDate(t, f, c.From, c.FiledWith, loc)
		from, early := c.From, false
		if !ok && c.Fallback != "" {
			start, id, ok = eventDate(t, f, c.Fallback, "", loc)
			from, early = c.Fallback, true
		}
		if !ok {
			continue
		}
		out = append(out, Due{Clock: c, Start: start, From: from, Early: early, End: c.end(start), EntryID: id})
	}
	return out
}

func (c Clock) end(start casefile.Date) casefile.Date {
	d := start.AddDays(c.Days)
	if c.Months != 0 {
		t := start.Time(time.UTC)
		m := time.Date(t.Year(), t.Month()+time.Month(c.Months), 1, 0, 0, 0, 0, time.UTC)
		day := min(t.Day(), time.Date(m.Year(), m.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
		d = casefile.DateOnly(m.Year(), m.Month(), day).AddDays(c.Days)
	}
	return d
}

// eventDate is the day an event happened on the case, if it is recorded.
func eventDate(t *Table, f casefile.Full, e Event, filedWith string, loc *time.Location) (casefile.Date, int64, bool) {
	day := func(at time.Time) casefile.Date { return casefile.DateOf(at.In(loc)) }
	switch e {
	case EventPurchase:
		return f.PurchaseDate, 0, !f.PurchaseDate.IsZero()
	case EventDelivery:
		return f.DeliveredDate, 0, !f.DeliveredDate.IsZero()
	case EventFirstContact:
		if len(f.Contacts) > 0 {
			return day(f.Contacts[0].At), f.Contacts[0].ID, true
		}
	case EventComplaint:
		if at, ok := ComplainedAt(f); ok {
			return day(at), 0, true
		}
	case EventFinalResponse:
		for _, es := range f.Escalations {
			if es.Answer == casefile.AnswerFinal {
				return day(es.At), 0, true
			}
		}
	case EventFiling:
		b, ok := t.Body(filedWith)
		if !ok {
			return casefile.Date{}, 0, false
		}
		for _, c := range f.Contacts {
			dept := strings.ToLower(c.Department + " " + c.Rep)
			for _, w := range b.Aliases {
				if strings.Contains(dept, w) {
					return day(c.At), c.ID, true
				}
			}
		}
	}
	return casefile.Date{}, 0, false
}

// ComplainedAt is when the formal complaint went in: the first escalation
// step at "complaint" or above. The ombudsman clocks run from it (the day
// the case file can prove; the firm may have counted from an earlier
// call, so this is never too early).
func ComplainedAt(f casefile.Full) (time.Time, bool) {
	for _, e := range f.Escalations {
		if e.Step.Rung() >= casefile.StepComplaint.Rung() {
			return e.At, true
		}
	}
	return time.Time{}, false
}

// Ombudsman is the ombudsman a case can go to in its sector, if its
// jurisdiction and sector have one (a UK bank does, a UK shop does not).
func Ombudsman(f casefile.Full) (Body, bool) {
	t := For(f.Jurisdiction)
	if t == nil {
		return Body{}, false
	}
	sector := Sector(f.Case)
	for _, b := range t.Bodies {
		if b.Ombudsman && sector != "" && b.Applies(sector) {
			return b, true
		}
	}
	return Body{}, false
}

// Opens is when a body takes the case: the earliest end of the clocks that
// unlock it (8 weeks after the complaint, or the final response).
func Opens(dues []Due, body string) (casefile.Date, bool) {
	var first casefile.Date
	for _, d := range dues {
		if d.Clock.Unlocks == UnlockBody && d.Clock.Body == body && (first.IsZero() || d.End.Before(first)) {
			first = d.End
		}
	}
	return first, !first.IsZero()
}

// Statutes are the statutes that apply to a case, in the table's order.
func Statutes(f casefile.Full) []Statute {
	t := For(f.Jurisdiction)
	if t == nil {
		return nil
	}
	sector := Sector(f.Case)
	var out []Statute
	for _, s := range t.Statutes {
		if applies(s.Sectors, s.Kinds, sector, f.Kind) && s.amountFits(f.Amount, f.Currency) &&
			(!s.Distance || f.SaleChannel == casefile.SaleOnline) {
			out = append(out, s)
		}
	}
	return out
}

// amountFits: a statute with an amount range applies only when the case's
// amount is known, in that currency, and inside it.
func (s Statute) amountFits(amount, currency string) bool {
	if s.MinAmount == "" && s.MaxAmount == "" {
		return true
	}
	if !strings.EqualFold(currency, s.Currency) {
		return false
	}
	v, ok := new(big.Rat).SetString(strings.ReplaceAll(strings.TrimSpace(amount), ",", ""))
	if !ok {
		return false
	}
	if s.MinAmount != "" {
		lo, _ := new(big.Rat).SetString(s.MinAmount)
		if v.Cmp(lo) < 0 || (s.Currency == "GBP" && v.Cmp(lo) == 0) { // s. 75: over £100
			return false
		}
	}
	if s.MaxAmount != "" {
		hi, _ := new(big.Rat).SetString(s.MaxAmount)
		if v.Cmp(hi) > 0 {
			return false
		}
	}
	return true
}

// ReplyDays is how long a written step (a formal complaint, a letter to
// the executive, a public post) gets for an answer before the next step:
// the "reasonable time" Which? suggests before going to the ombudsman.
const ReplyDays = 14

// ReplyDue is the day a written step's answer is due, if the case is
// waiting for one: 14 days after the highest step at "complaint" or above
// was reached. `next` waits until then and the reminders put it on the
// calendar, from this one computation.
func ReplyDue(f casefile.Full, loc *time.Location) (casefile.Date, casefile.Step, bool) {
	var reached time.Time
	var step casefile.Step
	rung := 0
	for _, e := range f.Escalations {
		if r := e.Step.Rung(); r > rung {
			rung, reached, step = r, e.At, e.Step
		}
	}
	if rung < casefile.StepComplaint.Rung() || rung >= casefile.TopRung {
		return casefile.Date{}, "", false
	}
	return casefile.DateOf(reached.In(loc)).AddDays(ReplyDays), step, true
}

// NoticeDue is a notice the case can use today, and until when.
type NoticeDue struct {
	Notice  Notice        `json:"notice"`
	Statute Statute       `json:"statute"`
	Until   casefile.Date `json:"until"` // the last day to send it; zero when no clock limits it
	Early   bool          `json:"early"` // Until counted from the purchase: the delivery day is not recorded
}

// NoticeState says whether a notice can be sent on a day.
type NoticeState string

const (
	NoticeOpen   NoticeState = "open"    // it applies and can be sent today
	NoticeClosed NoticeState = "closed"  // its window has ended
	NoticeNotYet NoticeState = "not-yet" // the clock it waits for is still running
	NoticeNone   NoticeState = "none"    // the law behind it does not apply to the case
)

// Notices are the notices of the case's jurisdiction that can be sent on
// the day now falls on: its sector and kind fit, its statute applies, the
// clock it must beat has not ended (or the clock it waits for has).
func Notices(f casefile.Full, now time.Time, loc *time.Location) []NoticeDue {
	t := For(f.Jurisdiction)
	if t == nil {
		return nil
	}
	var out []NoticeDue
	seen := map[string]bool{}
	for _, n := range t.Notices {
		if seen[n.ID] {
			continue
		}
		if nd, st := NoticeFor(f, n.ID, now, loc); st == NoticeOpen {
			seen[n.ID] = true
			out = append(out, nd)
		}
	}
	return out
}

// NoticeFor is the notice id of the case's jurisdiction as it stands on
// the day now falls on: open, closed (with the day it closed in Until),
// not yet due, or not for this case at all.
func NoticeFor(f casefile.Full, id string, now time.Time, loc *time.Location) (NoticeDue, NoticeState) {
	t := For(f.Jurisdiction)
	if t == nil {
		return NoticeDue{}, NoticeNone
	}
	sector := Sector(f.Case)
	statutes := Statutes(f)
	dues := Clocks(f, loc)
	clock := func(id string) (Due, bool) {
		for _, d := range dues {
			if d.Clock.ID == id {
				return d, true
			}
		}
		return Due{}, false
	}
	best, state := NoticeDue{}, NoticeNone
	for _, n := range t.Notices {
		if n.ID != id || sector == "" || !applies(n.Sectors, n.Kinds, sector, f.Kind) {
			continue
		}
		i := slices.IndexFunc(statutes, func(s Statute) bool { return s.ID == n.Statute })
		if i < 0 {
			continue
		}
		nd := NoticeDue{Notice: n, Statute: statutes[i]}
		if n.Undelivered && !f.DeliveredDate.IsZero() {
			best, state = nd, NoticeClosed
			continue
		}
		if n.Within != "" {
			d, ok := clock(n.Within)
			if !ok {
				continue // the day it counts from is not recorded
			}
			nd.Until, nd.Early = d.End, d.Early
			if d.End.DaysUntil(now, loc) < 0 {
				best, state = nd, NoticeClosed
				continue
			}
		}
		if n.After != "" {
			d, ok := clock(n.After)
			if !ok || d.End.DaysUntil(now, loc) >= 0 {
				best, state = nd, NoticeNotYet
				continue
			}
		}
		return nd, NoticeOpen
	}
	return best, state
}

// SmallClaims is the small-claims procedure of the case's jurisdiction,
// if the table names one for its sector.
func SmallClaims(f casefile.Full) (Body, bool) {
	t := For(f.Jurisdiction)
	if t == nil {
		return Body{}, false
	}
	sector := Sector(f.Case)
	for _, b := range t.Bodies {
		if b.SmallClaims && (sector == "" || b.Applies(sector)) {
			return b, true
		}
	}
	return Body{}, false
}

// NoticeWithin is the notice that must be sent before the clock id ends
// (the CRA rejection before uk-reject), or "".
func (t *Table) NoticeWithin(clock string) string {
	if t != nil {
		for _, n := range t.Notices {
			if n.Within == clock {
				return n.ID
			}
		}
	}
	return ""
}
