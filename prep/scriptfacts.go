package prep

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// ScriptFacts is what the stage templates render from: the case's Facts
// plus the escalation history and the wording that depends on the
// scenario kind and the jurisdiction, rendered once from text/<lang>/parts.tmpl
// so every stage words a fact the same way.
type ScriptFacts struct {
	Facts
	LetterFacts
	Stage Stage
	Today string // the date of a letter: "23 November 2026", "2026년 11월 23일(월)"

	// Addressee is who reads the text: "company" (the calls, the chaser,
	// the complaint), "issuer" (the card issuer or bank), "regulator" or
	// "public". Where it is not the company, the problem is restated in
	// the third person (DetailThird) and nothing written to the company
	// is pasted in.
	Addressee string
	// DetailThird is Detail as told to someone other than the company.
	DetailThird string

	LastRep     string     // the rep of the latest contact that named one, or ""
	Steps       []StepFact // escalation steps taken, oldest first
	CurrentStep string     // the highest step taken, "frontline" before any

	Complained    string // date the formal complaint was sent (first step at rung 3 or above), or ""
	Ombudsman     string // the ombudsman of the case's jurisdiction and sector, named, or "" (none: a UK shop)
	OmbudsmanFrom string // the day the ombudsman takes the case (rights.Opens), or ""
	OmbudsmanOpen bool   // that day has come (8 weeks after the complaint, or a final response)
	FinalResponse bool   // the company sent its final response
	FollowupBy    string // reply deadline in a follow-up: 7 days from today, as letters write dates
	ReplyBy       string // reply deadline in a formal letter: 14 days from today, as letters write dates

	Request       string      // what the customer asks for: their outcome, else the kind's usual ask
	KindWant      string      // the kind's usual ask, never the customer's own words (social posts)
	Detail        string      // a kind-specific sentence: photos of the damage, the statement line, …
	DisputeReason string      // the kind's reason for a card dispute
	Evidence      string      // "- " lines of what the customer can show
	Events        []EventFact // the case's history, oldest first (not for the social stage)
	History       string      // Events as "- " lines, dated
	RefLines      string      // "label: [label •••• 1234]" lines, placeholders for the full value
	NextBody      string      // the body the case goes to next in its jurisdiction
	Disclaimer    string      // "check the current rules; this is not legal advice"
	Statutes      []string    // what a letter may cite for this sector and kind (rights.Statutes), in lang
	Readback      string      // the read-back line of the latest contact
}

// StepFact is an escalation step as templates see it.
type StepFact struct {
	Step, Answer, Note, At string
}

// Days a company gets to answer: a week for a chaser, two for a formal
// letter (the reasonable time Which? suggests before going to the
// ombudsman is about 14 days; see jurisdictions.md).
const (
	followupDays = 7
	replyDays    = rights.ReplyDays
)

// NewScriptFacts prepares the facts of f for one stage in lang, as of now.
// Account reference values that appear in the case's own text are masked
// first; for the social stage they are removed, and so are every account
// reference, ticket number and person's name: a public post carries none.
func NewScriptFacts(lang string, stage Stage, f casefile.Full, now time.Time, loc *time.Location) (ScriptFacts, error) {
	return newScriptFacts(lang, stage, f, now, loc, &placeholders{}, casefile.Everything)
}

// newScriptFacts is NewScriptFacts building what the parts p hold: the
// history (Events, History) only from every note.
func newScriptFacts(lang string, stage Stage, f casefile.Full, now time.Time, loc *time.Location, ph *placeholders, p casefile.Parts) (ScriptFacts, error) {
	public := stage == StageSocial
	if public {
		f = scrubRefs(f, func(string) string { return "…" })
		f.Refs, f.Tickets = nil, nil
		for i := range f.Contacts {
			f.Contacts[i].Rep = ""
		}
		for i := range f.Promises {
			f.Promises[i].By = ""
		}
	} else {
		f = scrubRefs(f, casefile.Mask)
	}
	f.Problem = sentence(f.Problem)
	today := casefile.DateOf(now.In(loc))
	x := ScriptFacts{
		Facts: newFacts(lang, f, now, loc, true), Stage: stage,
		LetterFacts: newLetterFacts(lang, f, now, loc),
		Addressee:   addressee(stage),
		Today:       FormatLetterDate(lang, today, loc),
		FollowupBy:  FormatLetterDate(lang, today.AddDays(followupDays), loc),
		ReplyBy:     FormatLetterDate(lang, today.AddDays(replyDays), loc),
		CurrentStep: string(casefile.StepFrontline),
	}
	if x.Addressee == "issuer" && x.RemedyPromise != 0 {
		// The trader's promise does not bind the card issuer or bank.
		x.LetterFacts.setDue(lang, x.LetterFacts.unpromised, now, loc)
	}
	for _, c := range f.Contacts {
		if c.Rep != "" {
			x.LastRep = c.Rep
		}
	}
	top := 0
	for _, e := range f.Escalations {
		x.Steps = append(x.Steps, StepFact{Step: string(e.Step), Answer: string(e.Answer), Note: e.Note,
			At: FormatLetterDate(lang, casefile.DateOf(e.At.In(loc)), loc)})
		if r := e.Step.Rung(); r >= top {
			top, x.CurrentStep = r, string(e.Step)
		}
		if e.Answer == casefile.AnswerFinal {
			x.FinalResponse = true
		}
	}
	if at, ok := rights.ComplainedAt(f); ok {
		x.Complained = FormatLetterDate(lang, casefile.DateOf(at.In(loc)), loc)
	}
	// The ombudsman, and when it takes the case, from the rights table:
	// the same clocks the reminders put on the calendar.
	if ob, ok := rights.Ombudsman(f); ok {
		x.Ombudsman = ob.Name[lang]
		if open, ok := rights.Opens(rights.Clocks(f, loc), ob.ID); ok {
			x.OmbudsmanFrom = FormatLetterDate(lang, open, loc)
			x.OmbudsmanOpen = open.DaysUntil(now, loc) <= 0
		}
	}
	x.Statutes = x.Cites

	kind := string(f.Kind)
	if kind == "" {
		kind = string(casefile.KindOther)
	}
	jur := string(f.Jurisdiction)
	if jur == "" {
		jur = string(casefile.JurisdictionOther)
	}
	var err error
	part := func(dst *string, name string) {
		if err != nil {
			return
		}
		var s string
		s, err = execute(lang, "parts", name, x, ph)
		*dst = strings.TrimSpace(s)
	}
	part(&x.KindWant, "want-"+kind)
	part(&x.Detail, "detail-"+kind)
	part(&x.DetailThird, "detail-third")
	part(&x.DisputeReason, "dispute-"+kind)
	part(&x.Evidence, "evidence-"+kind)
	part(&x.NextBody, "next-body-"+jur)
	part(&x.Disclaimer, "disclaimer")
	if !public && p.Notes == casefile.AllNotes {
		x.Events = events(lang, f, x.Facts, loc)
		if x.Addressee != "company" {
			for i := range x.Events {
				x.Events[i].Own = true // "they promised", told to someone else
			}
		}
		part(&x.History, "history")
	}
	if !public {
		part(&x.RefLines, "refs")
	}
	if err == nil {
		err = x.LetterFacts.word(lang, x.Facts, ph)
	}
	if err != nil {
		return x, err
	}
	if x.Enclosed, err = Enclosed(lang, x.Attached); err != nil {
		return x, err
	}
	x.Request = strings.TrimSpace(f.Outcome)
	if x.Request == "" {
		x.Request = x.KindWant
	}
	if !public {
		if x.Readback, err = readbackOf(x.Facts, 0, x.Remedy, ph); err != nil {
			return x, err
		}
	}
	return x, nil
}

// addressee is who reads a stage: see ScriptFacts.Addressee.
func addressee(s Stage) string {
	switch s {
	case StageChargeback:
		return "issuer"
	case StageRegulator:
		return "regulator"
	case StageSocial:
		return "public"
	}
	return "company"
}

// scrubRefs returns a copy of f in which every account reference value
// that the customer also typed into the case's free text (an order number
// in the problem, say) is replaced with hide(value), so no script can carry
// one unmasked. Values of four characters or fewer are left alone: they
// would match ordinary words and numbers, and Mask hides them whole anyway.
func scrubRefs(f casefile.Full, hide func(string) string) casefile.Full {
	var pairs []string
	for _, r := range f.Refs {
		if len([]rune(r.Value)) > 4 {
			pairs = append(pairs, r.Value, hide(r.Value))
		}
	}
	// The entry slices are copied even when nothing is replaced: callers
	// change the copy (the social stage drops names) and the case they
	// passed in must stay as it was.
	rp := strings.NewReplacer(pairs...)
	c := f.Case
	for _, s := range []*string{&c.Title, &c.Company, &c.Product, &c.Problem, &c.Outcome, &c.Fallback} {
		*s = rp.Replace(*s)
	}
	out := f
	out.Case = c
	out.Contacts = append([]casefile.Contact(nil), f.Contacts...)
	for i := range out.Contacts {
		ct := &out.Contacts[i]
		ct.Rep, ct.Department, ct.Summary = rp.Replace(ct.Rep), rp.Replace(ct.Department), rp.Replace(ct.Summary)
	}
	out.Promises = append([]casefile.Promise(nil), f.Promises...)
	for i := range out.Promises {
		out.Promises[i].Text, out.Promises[i].By = rp.Replace(out.Promises[i].Text), rp.Replace(out.Promises[i].By)
	}
	out.Tickets = append([]casefile.Ticket(nil), f.Tickets...)
	for i := range out.Tickets {
		out.Tickets[i].Number, out.Tickets[i].Label = rp.Replace(out.Tickets[i].Number), rp.Replace(out.Tickets[i].Label)
	}
	out.Notes = append([]casefile.Note(nil), f.Notes...)
	for i := range out.Notes {
		out.Notes[i].Text, out.Notes[i].SourceURL = rp.Replace(out.Notes[i].Text), rp.Replace(out.Notes[i].SourceURL)
	}
	out.Escalations = append([]casefile.Escalation(nil), f.Escalations...)
	for i := range out.Escalations {
		out.Escalations[i].Note = rp.Replace(out.Escalations[i].Note)
	}
	return out
}
