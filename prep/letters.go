package prep

import (
	"fmt"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// letterFacts is what the executive letter, the letter before action and
// the notices render from: the script facts, plus the law of the rights
// table that applies to the case (by statute id), the notice this stage
// words, and the small-claims procedure a letter before action names.
type letterFacts struct {
	ScriptFacts
	// Law is the cite of every statute that applies to the case, by id
	// ("uk-cra-risk"): a template cites one only where the table says it
	// applies, and says nothing where it does not.
	Law map[string]string

	NoticeLaw   string // the id of the statute the notice relies on ("us-reg-e")
	NoticeCite  string // that statute, cited
	NoticeUntil string // the last day to send it, or ""
	NoticeEarly bool   // NoticeUntil counted from the purchase: the delivery day is not recorded

	SmallClaims        string // the small-claims procedure, named, or ""
	SmallClaimsAddress string

	// FirstEvent is the day the case began (the purchase, the first note
	// or contact, whichever came first) and DaysSince the days since then.
	FirstEvent string
	DaysSince  int
	Delivered  string // the day the goods arrived, or ""

	Item      string // the purchase as a short block (letterparts.tmpl "item")
	Contacted string // how often the company was asked, without result ("contacted")
}

// ErrNotice is returned when a notice's script is asked for a case the
// rights table says it does not fit (State none), or after its window
// closed (State closed, Until the last day) or before it opens.
type ErrNotice struct {
	Stage Stage
	State rights.NoticeState
	Until casefile.Date
}

func (e *ErrNotice) Error() string {
	return fmt.Sprintf("notice %s is %s" /* words:ok mapped to err_notice_* */, e.Stage, e.State)
}

func newLetterFacts(sf ScriptFacts, stage Stage, f casefile.Full, now time.Time, loc *time.Location) (letterFacts, error) {
	x := letterFacts{ScriptFacts: sf, Law: map[string]string{}}
	lang := sf.Lang
	for _, st := range rights.Statutes(f) {
		x.Law[st.ID] = st.Cite[lang]
	}
	if IsNotice(stage) {
		nd, state := rights.NoticeFor(f, string(stage), now, loc)
		if state != rights.NoticeOpen {
			return x, &ErrNotice{Stage: stage, State: state, Until: nd.Until}
		}
		x.NoticeLaw, x.NoticeCite = nd.Statute.ID, nd.Statute.Cite[lang]
		x.NoticeUntil = FormatDate(lang, nd.Until, loc)
		x.NoticeEarly = nd.Early
	}
	if b, ok := rights.SmallClaims(f); ok {
		x.SmallClaims, x.SmallClaimsAddress = b.Name[lang], b.Address
	}
	if first, ok := firstEvent(f, loc); ok {
		x.FirstEvent = FormatDate(lang, first, loc)
		x.DaysSince = -first.DaysUntil(now, loc)
	}
	x.Delivered = FormatDate(lang, f.DeliveredDate, loc)
	for _, p := range []struct {
		dst  *string
		name string
	}{{&x.Item, "item"}, {&x.Contacted, "contacted"}} {
		out, err := execute(lang, "letterparts", p.name, x, nil)
		if err != nil {
			return x, err
		}
		*p.dst = strings.TrimSpace(out)
	}
	return x, nil
}

// firstEvent is the day the case began: the earliest of the purchase,
// the delivery, a timeline note and a contact (the day it was typed in
// only when nothing else is dated).
func firstEvent(f casefile.Full, loc *time.Location) (casefile.Date, bool) {
	var first casefile.Date
	see := func(d casefile.Date) {
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	see(f.PurchaseDate)
	see(f.DeliveredDate)
	for _, n := range f.Notes {
		if n.Kind != casefile.NoteResearch {
			see(casefile.DateOf(n.At.In(loc)))
		}
	}
	for _, c := range f.Contacts {
		see(casefile.DateOf(c.At.In(loc)))
	}
	if first.IsZero() && !f.OpenedAt.IsZero() {
		see(casefile.DateOf(f.OpenedAt.In(loc)))
	}
	return first, !first.IsZero()
}
