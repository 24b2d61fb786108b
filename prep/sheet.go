package prep

import (
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
	"github.com/redress-cli/redress/prep/text"
)

// Sheet is the one-page call sheet: what to have in front of you during
// the call, in the order you need it.
type Sheet struct {
	Facts
	Opening        string       `json:"opening"`
	SupervisorLine string       `json:"supervisor_line"`
	Trigger        string       `json:"escalate_trigger"` // casefile.Trigger*, or ""
	WillRecord     string       `json:"will_record"`      // yes, no or ""
	RecordLine     string       `json:"record_line"`
	ReadbackLine   string       `json:"readback_line"`
	Ask            []string     `json:"ask"` // casefile.AskKeys chosen, in order
	Policy         []PolicyDate `json:"policy"`
	PolicyDocs     string       `json:"policy_docs"`
	AtHand         []AtHand     `json:"at_hand"`
	Channels       []Channel    `json:"channels"`
	Phone          string       `json:"phone"`         // the company's phone number, or ""
	Hours          string       `json:"hours"`         // when that line is open, or ""
	EarlierNotes   int          `json:"earlier_notes"` // timeline bullets left off the sheet to keep it one page
	Markdown       bool         `json:"-"`             // set by RenderSheet

	// The briefing: how long it has lasted (from the first event, not the
	// day the case was typed in), which contact the call will be, how many
	// promises broke or moved, the deadline that matters most, and the
	// lines to say in the case's language (SpeakLang): "this is my 4th
	// contact" and the answers to the fob-offs most often heard for the
	// case's kind.
	SpeakLang   string    `json:"speak_lang"`
	FirstEvent  string    `json:"first_event"`
	DaysSince   int       `json:"days_since"`
	NextContact int       `json:"next_contact"` // the call about to be made is this contact
	Extended    int       `json:"extended"`     // promises whose date the company moved
	Deadline    *Deadline `json:"deadline,omitempty"`
	NthLine     string    `json:"nth_line"` // "I've already contacted you 3 times about this…", or ""
	Counters    []Counter `json:"counters"`
}

// Deadline is the deadline that matters most on the sheet: the earliest
// still ahead of the return window, the clocks of the rights table (the
// right to reject, withdrawal, the day an ombudsman takes the case).
type Deadline struct {
	Date  string      `json:"date"`
	Left  int         `json:"days_left"`
	State WindowState `json:"state"`
	Label string      `json:"label"`
	Rule  string      `json:"rule"` // the clock's id, or "return_by"
}

// PolicyDate is a dated line of the policy section.
type PolicyDate struct {
	Key   string      `json:"key"`             // purchased, return_by, warranty_to, clock
	Label string      `json:"label,omitempty"` // for a clock of the rights table: what ends that day
	Rule  string      `json:"rule,omitempty"`  // for a clock: its id, as in remind list and next
	Date  string      `json:"date"`
	State WindowState `json:"state"`
	Left  int         `json:"days_left"`
}

// AtHand is one thing to have at hand, and whether you have it.
type AtHand struct {
	Key    string `json:"key"` // receipt, photos, secret
	Answer string `json:"answer"`
}

// Channel is another way to reach the company or a body above it.
type Channel struct {
	Key   string `json:"key"` // email, chat, social, review, regulator
	Value string `json:"value"`
}

// sheetTimeline is how many timeline bullets fit on the one-page sheet;
// the most recent are kept.
const sheetTimeline = 6

// SheetParts is what the sheet reads of a case, for Store.FullParts:
// every part but the notes of what happened, of which it prints the
// newest sheetTimeline entries and counts the rest (and the first: how
// long it has lasted). Its data holds every research and tried note.
// TestSheetReadsOnlyItsParts fails when the sheet uses a part this does
// not name.
var SheetParts = casefile.Parts{Contacts: true, Promises: true, Tickets: true, Refs: true, Prep: true,
	Escalations: true, Evidence: true, Extensions: true, Notes: sheetTimeline, Research: true, Tried: true, FirstNote: true}

// NewSheet assembles the call sheet of f in lang. Account references are
// masked unless reveal; lines the customer has not written yet come from
// the templates in text/<lang>/lines.tmpl.
func NewSheet(lang string, f casefile.Full, now time.Time, loc *time.Location, reveal bool) (Sheet, error) {
	return NewSheetSpeaking(lang, lang, f, len(f.Notes), now, loc, reveal)
}

// NewSheetSpeaking is NewSheet with the lines to say in speak, the
// language of the call (the case's own, whatever the interface speaks),
// for f holding at least SheetParts of a case with notes notes in all.
func NewSheetSpeaking(lang, speak string, f casefile.Full, notes int, now time.Time, loc *time.Location, reveal bool) (Sheet, error) {
	return newSheet(lang, speak, f, notes, now, loc, reveal, SheetParts)
}

// newSheet is NewSheetSpeaking building what the parts p hold.
func newSheet(lang, speak string, f casefile.Full, notes int, now time.Time, loc *time.Location, reveal bool, p casefile.Parts) (Sheet, error) {
	if speak == "" {
		speak = lang
	}
	facts := NewFacts(lang, f, now, loc)
	said := facts
	if speak != lang {
		said = NewFacts(speak, f, now, loc)
	}
	if reveal {
		for i, r := range f.Refs {
			facts.Refs[i].Masked = r.Value
		}
	}
	var err error
	if facts.Enclosed, err = Enclosed(lang, facts.Attached); err != nil {
		return Sheet{}, err
	}
	pr := f.Prep
	s := Sheet{Facts: facts, Trigger: pr.EscalateTrigger, WillRecord: pr.WillRecord, PolicyDocs: pr.PolicyDocs,
		Ask: pr.Ask, Opening: pr.OpeningLine, SupervisorLine: pr.SupervisorLine, RecordLine: pr.RecordLine,
		Phone: f.Case.Phone, Hours: f.Case.Hours}
	if len(s.Ask) == 0 {
		s.Ask = casefile.AskKeys // tip 8 applies to every call, chosen or not
	}
	// The lines to say name the remedy the letters ask for, worded in
	// the language of the call.
	lf, err := NewLetterFacts(speak, f, now, loc)
	if err != nil {
		return s, err
	}
	lines := struct {
		Facts
		LetterFacts
	}{said, lf}
	for _, l := range []struct {
		dst        *string
		file, part string
	}{{&s.Opening, "opening", "calm"}, {&s.SupervisorLine, "lines", "supervisor"}, {&s.RecordLine, "lines", "record"}} {
		if strings.TrimSpace(*l.dst) == "" {
			if *l.dst, err = RenderPart(speak, l.file, l.part, lines); err != nil {
				return s, err
			}
		}
	}
	if s.ReadbackLine, err = sheetReadback(said, lf.Remedy); err != nil {
		return s, err
	}
	c := f.Case
	for _, d := range []struct {
		key  string
		date casefile.Date
	}{{"purchased", c.PurchaseDate}, {"return_by", c.ReturnWindowEnd}, {"warranty_to", c.WarrantyEnd}} {
		if d.date.IsZero() {
			continue
		}
		pd := PolicyDate{Key: d.key, Date: FormatDate(lang, d.date, loc)}
		if d.key != "purchased" {
			pd.State, pd.Left = Window(d.date, now, loc)
		}
		s.Policy = append(s.Policy, pd)
	}
	// The clocks of the rights table that are still running: the same
	// computation as remind list and next (rights.Clocks).
	for _, d := range rights.Clocks(f, loc) {
		if d.Clock.Unlocks != rights.UnlockDeadline || d.End.DaysUntil(now, loc) < 0 {
			continue
		}
		pd := PolicyDate{Key: "clock", Rule: d.Clock.ID, Date: FormatDate(lang, d.End, loc),
			Label: fmt.Sprintf(text.Get(lang, "reminders", "clock_"+d.Clock.ID), text.FormatAsideDate(lang, d.Start, loc), "")}
		pd.State, pd.Left = Window(d.End, now, loc)
		s.Policy = append(s.Policy, pd)
	}
	for _, a := range []AtHand{{"receipt", pr.HaveReceipt}, {"photos", pr.HavePhotos}, {"secret", pr.HaveSecret}} {
		if a.Answer != "" {
			s.AtHand = append(s.AtHand, a)
		}
	}
	for _, ch := range []Channel{{"email", pr.ChannelEmail}, {"chat", pr.ChannelChat}, {"social", pr.ChannelSocial},
		{"review", pr.ChannelReview}, {"regulator", pr.ChannelRegulator}} {
		if strings.TrimSpace(ch.Value) != "" {
			s.Channels = append(s.Channels, ch)
		}
	}
	// What happened: every dated event (notes, contacts, tickets,
	// promises, steps) in the order it happened, worded as letters word
	// it; the purchase is under policy already. Only the newest
	// sheetTimeline are worded; the notes not read are earlier than they
	// are (SheetParts), and counted with the rest left off.
	ef := f
	if !reveal {
		ef = scrubRefs(f, casefile.Mask)
	}
	var happened []EventFact
	for _, e := range events(lang, ef, NewFacts(lang, ef, now, loc), loc) {
		if e.Kind != "bought" {
			happened = append(happened, e)
		}
	}
	if n := len(happened) + notes - len(f.Notes); n > sheetTimeline {
		s.EarlierNotes = n - sheetTimeline
		happened = happened[max(0, len(happened)-sheetTimeline):]
	}
	s.Timeline = nil
	for _, e := range happened {
		e.Own = true
		text, err := execute(lang, "parts", "event", e, nil)
		if err != nil {
			return s, err
		}
		s.Timeline = append(s.Timeline, NoteFact{Text: strings.TrimSpace(text), At: e.At})
	}
	return s, s.brief(lang, speak, f, now, loc, p)
}

// brief fills the briefing of the sheet from the parts p: see Sheet.
func (s *Sheet) brief(lang, speak string, f casefile.Full, now time.Time, loc *time.Location, p casefile.Parts) error {
	s.SpeakLang = speak
	lf := newLetterFacts(lang, f, now, loc)
	s.FirstEvent, s.DaysSince = FormatDate(lang, firstEvent(f, loc), loc), lf.DaysSince
	s.NextContact = len(f.Contacts) + 1
	for _, p := range s.Promises {
		if len(p.Earlier) > 0 {
			s.Extended++
		}
	}
	// The deadline that matters: the earliest still ahead.
	consider := func(d casefile.Date, label, rule string) {
		if d.IsZero() || d.DaysUntil(now, loc) < 0 {
			return
		}
		if s.Deadline != nil && s.Deadline.Left <= d.DaysUntil(now, loc) {
			return
		}
		st, left := Window(d, now, loc)
		s.Deadline = &Deadline{Date: FormatDate(lang, d, loc), Left: left, State: st, Label: label, Rule: rule}
	}
	consider(f.ReturnWindowEnd, text.Get(lang, "reminders", "return_end"), "return_by")
	t := rights.For(f.Jurisdiction)
	for _, d := range rights.Clocks(f, loc) {
		if d.Clock.Unlocks == rights.UnlockReply {
			continue
		}
		body := ""
		if b, ok := t.Body(d.Clock.Body); ok {
			body = b.Name[lang]
		}
		consider(d.End, fmt.Sprintf(text.Get(lang, "reminders", "clock_"+d.Clock.ID), text.FormatAsideDate(lang, d.Start, loc), body), d.Clock.ID)
	}
	// The lines to say, in the language of the call.
	if len(f.Contacts) > 0 {
		sf, err := newScriptFacts(speak, StageOpening, f, now, loc, &placeholders{}, p)
		if err != nil {
			return err
		}
		nf, err := newNoticeFacts(sf, StageOpening, f, now, loc)
		if err != nil {
			return err
		}
		line, err := execute(speak, "counters", "nth-contact", nf, nil)
		if err != nil {
			return err
		}
		s.NthLine = strings.TrimSpace(line)
	}
	all, err := counters(speak, f, now, loc, p)
	if err != nil {
		return err
	}
	s.Counters = FirstCounters(f.Kind, all)
	return nil
}

// SheetFormats are the formats RenderSheet writes (json is the caller's).
var SheetFormats = []string{"text", "md"}

// RenderSheet prints the sheet as plain text, SheetWidth columns wide and
// at most SheetLines lines long, or as Markdown.
func RenderSheet(lang, format string, s Sheet) (string, error) {
	return RenderSheetSize(lang, format, s, SheetWidth, SheetLines)
}

// RenderSheetSize prints the sheet as plain text wrapped at width columns
// at word boundaries and, when height is above 0, fitted to height lines
// by summarising sections (fit.go); or as Markdown, which is neither
// wrapped nor cut.
func RenderSheetSize(lang, format string, s Sheet, width, height int) (string, error) {
	s.Markdown = format == "md"
	out, err := Render(lang, "sheet", s)
	if err != nil {
		return "", err
	}
	if format == "md" {
		return stripSections(out), nil
	}
	return fitSections(lang, s.ID, splitSections(out), width, height)
}

// SheetWidth is the width the text sheet is wrapped to when no terminal
// says otherwise.
const SheetWidth = 80

// wrapLines wraps every line longer than width display columns (Korean
// characters take two) at spaces, indenting continuations like the line.
func wrapLines(s string, width int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		indent := hangingIndent(line, width)
		for runewidth.StringWidth(line) > width {
			cut := breakAt(line, width)
			out = append(out, strings.TrimRight(line[:cut], " "))
			line = strings.Repeat(" ", indent) + strings.TrimLeft(line[cut:], " ")
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// hangingIndent is where the continuations of a wrapped line start: under
// the value of a "Label    value" line, else two columns in from the
// line's own indent (a quote, a bullet); never past a third of the width.
func hangingIndent(line string, width int) int {
	lead := len(line) - len(strings.TrimLeft(line, " "))
	if lead == 0 {
		if i := strings.Index(line, "  "); i > 0 {
			if col := runewidth.StringWidth(line[:i]) + len(line[i:]) - len(strings.TrimLeft(line[i:], " ")); col <= width/3 {
				return col
			}
		}
	}
	return min(lead, width/4) + 2
}

// breakAt finds the byte index to break line at: the last space within
// width columns, or a hard break at width when there is none.
func breakAt(line string, width int) int {
	w, lastSpace, hard := 0, -1, len(line)
	for i, r := range line {
		rw := runewidth.RuneWidth(r)
		if w+rw > width {
			hard = i
			break
		}
		if r == ' ' && i > 0 {
			lastSpace = i
		}
		w += rw
	}
	if lastSpace > 0 && strings.TrimSpace(line[:lastSpace]) != "" {
		return lastSpace
	}
	return hard
}
