// Package casefile is the domain of a complaint and its storage: a Case and
// what happens to it (contacts, promises, tickets, notes, account
// references), kept in one SQLite case file. It knows nothing of terminals,
// templates or calendars.
package casefile

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is the scenario of a complaint; it adjusts the wording of scripts.
type Kind string

const (
	KindRefund        Kind = "refund"
	KindDamagedItem   Kind = "damaged-item"
	KindDeliveryDelay Kind = "delivery-delay"
	KindBillingError  Kind = "billing-error"
	KindCancellation  Kind = "cancellation"
	KindDefect        Kind = "defect"
	KindServiceOutage Kind = "service-outage"
	KindCompanyError  Kind = "company-error"
	KindOther         Kind = "other"
)

// Kinds lists every scenario kind in the order forms offer them.
var Kinds = []Kind{KindRefund, KindDamagedItem, KindDeliveryDelay, KindBillingError,
	KindCancellation, KindDefect, KindServiceOutage, KindCompanyError, KindOther}

// Status is where a case stands.
type Status string

const (
	StatusPreparing Status = "preparing"
	StatusOpen      Status = "open"
	StatusWaiting   Status = "waiting"
	StatusEscalated Status = "escalated"
	StatusResolved  Status = "resolved"
	StatusClosed    Status = "closed"
)

// Statuses lists every status, active ones first.
var Statuses = []Status{StatusPreparing, StatusOpen, StatusWaiting, StatusEscalated, StatusResolved, StatusClosed}

// Active reports whether the case still needs the customer's attention.
func (s Status) Active() bool { return s != StatusResolved && s != StatusClosed }

// Jurisdiction selects the escalation bodies and statutory clocks.
type Jurisdiction string

const (
	JurisdictionKR    Jurisdiction = "kr"
	JurisdictionUS    Jurisdiction = "us"
	JurisdictionUK    Jurisdiction = "uk"
	JurisdictionEU    Jurisdiction = "eu"
	JurisdictionOther Jurisdiction = "other"
)

// Jurisdictions lists every jurisdiction.
var Jurisdictions = []Jurisdiction{JurisdictionKR, JurisdictionUS, JurisdictionUK, JurisdictionEU, JurisdictionOther}

// Sector is the trade a complaint is about: it chooses the clocks and the
// bodies of the rights table (a UK bank has an ombudsman, a UK shop none).
type Sector string

const (
	SectorGoods     Sector = "goods"
	SectorServices  Sector = "services"
	SectorTelecoms  Sector = "telecoms"
	SectorEnergy    Sector = "energy"
	SectorFinancial Sector = "financial"
	SectorCard      Sector = "card"       // a purchase or charge on a credit card
	SectorBankDebit Sector = "bank-debit" // a debit from a bank account or debit card
	SectorTravel    Sector = "travel"
)

// Sectors lists every sector.
var Sectors = []Sector{SectorGoods, SectorServices, SectorTelecoms, SectorEnergy, SectorFinancial,
	SectorCard, SectorBankDebit, SectorTravel}

// Langs are the languages redress speaks; a case's language chooses the
// language of its scripts and read-back summary.
var Langs = []string{"en", "ko"}

// Channel is how a contact happened.
type Channel string

const (
	ChannelCall    Channel = "call"
	ChannelChat    Channel = "chat"
	ChannelEmail   Channel = "email"
	ChannelVisit   Channel = "visit"
	ChannelLetter  Channel = "letter"
	ChannelSocial  Channel = "social"
	ChannelWebForm Channel = "web-form"
)

// Channels lists every contact channel.
var Channels = []Channel{ChannelCall, ChannelChat, ChannelEmail, ChannelVisit, ChannelLetter, ChannelSocial, ChannelWebForm}

// PromiseStatus is what became of a promise.
type PromiseStatus string

const (
	PromisePending   PromiseStatus = "pending"
	PromiseKept      PromiseStatus = "kept"
	PromiseBroken    PromiseStatus = "broken"
	PromiseCancelled PromiseStatus = "cancelled"
)

// NoteKind separates the timeline bullets from research and attempts.
type NoteKind string

const (
	NoteTimeline NoteKind = "timeline"
	NoteResearch NoteKind = "research"
	NoteTried    NoteKind = "tried"
	// NoteRefusal is a "no" heard during a call; refusals count toward the
	// escalation trigger set in prep.
	NoteRefusal NoteKind = "refusal"
)

// NoteKinds lists every note kind.
var NoteKinds = []NoteKind{NoteTimeline, NoteResearch, NoteTried, NoteRefusal}

// Case is one complaint. Optional fields are empty strings or zero Dates.
type Case struct {
	ID           int64  `json:"id"`
	Title        string `json:"title"`
	Company      string `json:"company"`
	Product      string `json:"product"`
	Kind         Kind   `json:"kind"`
	Problem      string `json:"problem"`
	Outcome      string `json:"outcome"`
	Fallback     string `json:"fallback"`
	Amount       string `json:"amount"`
	Currency     string `json:"currency"`
	PurchaseDate Date   `json:"purchase_date"`
	// DeliveredDate is the day the goods arrived; the law counts most
	// consumer clocks from it (empty: unknown).
	DeliveredDate Date `json:"delivered_date"`
	// Sector says which rules and bodies apply where the kind does not
	// tell it (empty: from the kind; see rights.SectorOf).
	Sector          Sector       `json:"sector"`
	ReturnWindowEnd Date         `json:"return_window_end"`
	WarrantyEnd     Date         `json:"warranty_end"`
	Jurisdiction    Jurisdiction `json:"jurisdiction"`
	Lang            string       `json:"lang"`
	Status          Status       `json:"status"`
	OpenedAt        time.Time    `json:"opened_at"`
	ClosedAt        *time.Time   `json:"closed_at"`
	FinalOutcome    string       `json:"final_outcome"`
	// NoReplyDays is how long to wait for a reply to an email, letter or
	// web form before a reminder to chase it (default 5).
	NoReplyDays int `json:"no_reply_days"`
	// Phone and Hours are how to reach the company by phone: its number
	// and opening hours as the user wrote them ("Mon-Fri 9-18").
	Phone string `json:"phone"`
	Hours string `json:"hours"`
}

// DefaultNoReplyDays is the wait for a written reply when none is set.
const DefaultNoReplyDays = 5

// Contact is one call, chat, email, visit, letter or post.
type Contact struct {
	ID         int64      `json:"id"`
	CaseID     int64      `json:"case_id"`
	Channel    Channel    `json:"channel"`
	At         time.Time  `json:"at"`
	DurationS  int64      `json:"duration_s"`
	Rep        string     `json:"rep"`
	Department string     `json:"department"`
	Summary    string     `json:"summary"`
	EndedAt    *time.Time `json:"ended_at"`   // nil while a live call is still open
	HoldS      int64      `json:"hold_s"`     // seconds on hold
	HoldSince  *time.Time `json:"hold_since"` // set while on hold
	// FromCompany: the company sent it (a reply by email, letter or
	// chat); otherwise the customer did, or it was a call both spoke in.
	FromCompany bool `json:"from_company"`
}

// Promise is something the company said it would do, by a date.
type Promise struct {
	ID        int64  `json:"id"`
	CaseID    int64  `json:"case_id"`
	ContactID *int64 `json:"contact_id"`
	Text      string `json:"text"`
	By        string `json:"by"`
	// Due is the date it is due now (after any extension); zero while a
	// promise said in a live call waits for its date.
	Due       Date          `json:"due"`
	Status    PromiseStatus `json:"status"`
	Confirmed bool          `json:"confirmed"`
	// At is when it was said: the time of its contact, or --at.
	At        time.Time  `json:"at"`
	CreatedAt time.Time  `json:"created_at"` // when it was typed
	SettledAt *time.Time `json:"settled_at"`
}

// Extension is more time the company asked for on a promise: its due date
// moved From one date To a later one. A promise's extensions, oldest
// first, are every date it was given.
type Extension struct {
	ID        int64     `json:"id"`
	CaseID    int64     `json:"case_id"`
	PromiseID int64     `json:"promise_id"`
	From      Date      `json:"from"`
	To        Date      `json:"to"`
	By        string    `json:"by"`
	Note      string    `json:"note"`
	At        time.Time `json:"at"`
}

// Ticket is a reference number the company gave.
type Ticket struct {
	ID        int64     `json:"id"`
	CaseID    int64     `json:"case_id"`
	ContactID *int64    `json:"contact_id"`
	Number    string    `json:"number"`
	Label     string    `json:"label"`
	Expected  Date      `json:"expected"`
	At        time.Time `json:"at"`         // when it was given
	CreatedAt time.Time `json:"created_at"` // when it was typed
}

// Note is a timeline bullet, a research finding or something already tried.
type Note struct {
	ID        int64     `json:"id"`
	CaseID    int64     `json:"case_id"`
	ContactID *int64    `json:"contact_id"`
	Kind      NoteKind  `json:"kind"`
	Text      string    `json:"text"`
	SourceURL string    `json:"source_url"`
	At        time.Time `json:"at"`
}

// AccountRef is an identifier the agent will ask for (order number,
// account number, customer id). There is deliberately no field for a PIN or
// password: secrets are never stored.
type AccountRef struct {
	ID        int64     `json:"id"`
	CaseID    int64     `json:"case_id"`
	Label     string    `json:"label"`
	Value     string    `json:"value"`
	CreatedAt time.Time `json:"created_at"`
}

// Masked returns the value as shown by default: the last four characters
// behind dots ("•••• 4821"); values of four characters or fewer are hidden
// whole, since their last four would be all of them.
func (r AccountRef) Masked() string { return Mask(r.Value) }

// Mask hides an identifier but for its last characters: at most half of
// them and never more than four ("•••• 4821"), so a short reference is
// not given away by its own mask.
func Mask(v string) string {
	n := utf8.RuneCountInString(v)
	show := MaskShows(n)
	if show == 0 {
		return "••••"
	}
	r := []rune(v)
	return "•••• " + string(r[n-show:])
}

// MaskShows is how many trailing characters Mask shows of a value of n
// characters: none of a value shorter than 4.
func MaskShows(n int) int {
	if n < 4 {
		return 0
	}
	return min(4, n/2)
}

// Full is a case with everything that happened to it.
type Full struct {
	Case
	Contacts []Contact    `json:"contacts"`
	Promises []Promise    `json:"promises"`
	Tickets  []Ticket     `json:"tickets"`
	Notes    []Note       `json:"notes"`
	Refs     []AccountRef `json:"refs"`
	Prep     Prep         `json:"prep"`
	// Escalations are the ladder steps taken, oldest first.
	Escalations []Escalation `json:"escalations"`
	// Evidence is the files kept with the case (without their content),
	// oldest first.
	Evidence []Evidence `json:"evidence"`
	// Extensions are the promises' extensions, oldest first.
	Extensions []Extension `json:"extensions"`
	// History is every change to the case, oldest first. Export carries
	// it; Store.Full leaves it out (see Store.History).
	History []HistoryEntry `json:"history,omitempty"`
}

// ExtensionsOf returns the extensions of promise id, oldest first.
func (f Full) ExtensionsOf(id int64) []Extension {
	var out []Extension
	for _, e := range f.Extensions {
		if e.PromiseID == id {
			out = append(out, e)
		}
	}
	return out
}

// Validate checks the fields a person types, so that a bad value is refused
// before anything is written.
func (c *Case) Validate() error {
	if err := checkLimits(c); err != nil {
		return err
	}
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" {
		return &InvalidError{Field: "title", Problem: "empty"}
	}
	if c.Kind == "" {
		c.Kind = KindOther
	}
	if !oneOf(c.Kind, Kinds) {
		return &InvalidError{Field: "kind", Problem: "unknown", Args: []any{c.Kind}, Allowed: join(Kinds)}
	}
	if c.Jurisdiction == "" {
		c.Jurisdiction = JurisdictionOther
	}
	if !oneOf(c.Jurisdiction, Jurisdictions) {
		return &InvalidError{Field: "jurisdiction", Problem: "unknown", Args: []any{c.Jurisdiction}, Allowed: join(Jurisdictions)}
	}
	if c.Sector != "" && !oneOf(c.Sector, Sectors) {
		return &InvalidError{Field: "sector", Problem: "unknown", Args: []any{c.Sector}, Allowed: join(Sectors)}
	}
	if c.Status == "" {
		c.Status = StatusOpen
	}
	if !oneOf(c.Status, Statuses) {
		return &InvalidError{Field: "status", Problem: "unknown", Args: []any{c.Status}, Allowed: join(Statuses)}
	}
	if c.Lang == "" {
		c.Lang = "en"
	}
	if !oneOf(c.Lang, Langs) {
		return &InvalidError{Field: "lang", Problem: "unknown", Args: []any{c.Lang}, Allowed: join(Langs)}
	}
	if c.NoReplyDays == 0 {
		c.NoReplyDays = DefaultNoReplyDays
	}
	if c.NoReplyDays < 1 || c.NoReplyDays > 365 {
		return &InvalidError{Field: "no-reply-days", Problem: "out-of-range", Args: []any{c.NoReplyDays}, Allowed: "1–365"}
	}
	c.normalizeMoney()
	return nil
}

// Money reads the case's amount: an exact decimal and its currency, or,
// for a value an older redress stored unread ("49.90" with no currency),
// that value as typed.
func (c Case) Money() Money { return StoredMoney(c.Amount, c.Currency) }

// SetMoney stores m as the case's amount (the zero Money clears it).
func (c *Case) SetMoney(m Money) { c.Amount, c.Currency = m.Stored() }

// normalizeMoney writes a readable amount in its one stored form
// ("1,049.90" "eur" becomes "1049.90" "EUR"). A value that cannot be read
// for sure is left as it is: files from older versions hold such values
// and must still open, show and save; commands read what people type
// with ParseMoney, which never lets one through.
func (c *Case) normalizeMoney() {
	m := StoredMoney(c.Amount, strings.ToUpper(c.Currency))
	if m.Unreadable() != "" && strings.TrimSpace(c.Currency) != "" { // never a currency it had to infer
		if read, err := ParseMoney(c.Amount+" "+c.Currency, JurisdictionOther); err == nil {
			m = read
		}
	}
	if m.Unreadable() == "" {
		c.SetMoney(m)
	}
}

func oneOf[T comparable](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

func join[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

// ValidChannel reports whether c names a contact channel.
func ValidChannel(c Channel) error {
	if !oneOf(c, Channels) {
		return &InvalidError{Field: "channel", Problem: "unknown", Args: []any{c}, Allowed: join(Channels)}
	}
	return nil
}

// ValidNoteKind reports whether k names a note kind.
func ValidNoteKind(k NoteKind) error {
	if !oneOf(k, NoteKinds) {
		return &InvalidError{Field: "note-kind", Problem: "unknown", Args: []any{k}, Allowed: join(NoteKinds)}
	}
	return nil
}
