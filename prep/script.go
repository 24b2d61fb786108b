package prep

import (
	"sort"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Script is one stage rendered for a case: a title, a body, and the
// blanks the customer must fill in before saying or sending it.
type Script struct {
	Stage        Stage
	Lang         string
	Title        string
	Body         string
	Placeholders []string // "your name", "statement line, as printed", … in order of appearance
}

// scriptParts are what every stage reads of a case: its facts word the
// remedy, the law, what is owed and the next step from all of them, the
// findings from the research notes, and how long it has lasted from the
// first note. The case's notes of what happened are read only by the
// stages that print its history.
var scriptParts = casefile.Parts{Contacts: true, Promises: true, Tickets: true, Refs: true,
	Escalations: true, Evidence: true, Extensions: true, Research: true, FirstNote: true}

// historyStages print the case's history (History, Events): every note.
var historyStages = map[Stage]bool{StageComplaint: true, StageChargeback: true, StageRegulator: true}

// ScriptParts is what stage reads of a case, for Store.FullParts; its
// facts build no history for a stage that prints none.
// TestScriptsReadOnlyTheirParts fails when a stage's template uses a part
// this does not name.
func ScriptParts(stage Stage) casefile.Parts {
	p := scriptParts
	if historyStages[stage] {
		p.Notes = casefile.AllNotes
	}
	return p
}

// RenderScript renders stage for the case f in lang, as of now; f holds at
// least ScriptParts(stage). Account references appear masked (in letters,
// as a placeholder to fill with the full value), and not at all in the
// social stage.
func RenderScript(lang string, stage Stage, f casefile.Full, now time.Time, loc *time.Location) (Script, error) {
	return renderScript(lang, stage, f, now, loc, ScriptParts(stage))
}

// renderScript is RenderScript building the facts of the parts p.
func renderScript(lang string, stage Stage, f casefile.Full, now time.Time, loc *time.Location, p casefile.Parts) (Script, error) {
	if _, err := ParseStage(string(stage)); err != nil {
		return Script{}, err
	}
	ph := &placeholders{}
	sf, err := newScriptFacts(lang, stage, f, now, loc, ph, p)
	if err != nil {
		return Script{}, err
	}
	// The executive letter, the letter before action and the notices also
	// see the law by statute, the notice's window and small claims.
	lf, err := newNoticeFacts(sf, stage, f, now, loc)
	if err != nil {
		return Script{}, err
	}
	title, err := execute(lang, string(stage), "title", lf, ph)
	if err != nil {
		return Script{}, err
	}
	body, err := execute(lang, string(stage), "", lf, ph)
	if err != nil {
		return Script{}, err
	}
	sc := Script{Stage: stage, Lang: lang, Title: strings.TrimSpace(title), Body: tidy(body)}
	// The shared parts are rendered for every stage, so a blank they
	// recorded counts only if this stage printed it; blanks are listed in
	// the order the user meets them.
	out := sc.Title + "\n" + sc.Body
	for _, p := range ph.list {
		if strings.Contains(out, "["+p+"]") {
			sc.Placeholders = append(sc.Placeholders, p)
		}
	}
	sort.SliceStable(sc.Placeholders, func(i, j int) bool {
		return strings.Index(out, "["+sc.Placeholders[i]+"]") < strings.Index(out, "["+sc.Placeholders[j]+"]")
	})
	return sc, nil
}

// Text is the script as plain text: the title, a blank line, the body.
func (s Script) Text() string { return s.Title + "\n\n" + s.Body + "\n" }

// Markdown is the script as Markdown: the title as a heading. Bodies are
// written so they read the same in both (paragraphs, "- " lists).
func (s Script) Markdown() string { return "# " + s.Title + "\n\n" + s.Body + "\n" }
