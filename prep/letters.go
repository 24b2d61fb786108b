package prep

import (
	"fmt"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// noticeFacts is what the executive letter, the letter before action and
// the notices render from: the script facts, plus the law of the rights
// table that applies to the case (by statute id), the notice this stage
// words, and the small-claims procedure a letter before action names.
type noticeFacts struct {
	ScriptFacts
	// TraderCites are the statutes that bind the trader, cited: a letter
	// before action leaves out the ones that are claims against the card
	// issuer or the bank (s. 75, the FCBA, Regulation E, the Direct Debit
	// Guarantee, the instalment defence).
	TraderCites []string
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

	Delivered     string // the day the goods arrived, or "" (as letters write dates)
	Bought        string // the day of the purchase, or ""
	LastContacted string // the day of the latest contact, or ""

	LatestTicket  string // the number of the latest ticket, or ""
	NextContactNo int    // the contact about to be made: contacts so far + 1

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

func newNoticeFacts(sf ScriptFacts, stage Stage, f casefile.Full, now time.Time, loc *time.Location) (noticeFacts, error) {
	x := noticeFacts{ScriptFacts: sf, Law: map[string]string{}}
	lang := sf.Lang
	for _, st := range rights.Statutes(f) {
		x.Law[st.ID] = st.Cite[lang]
		if !againstPayer(st) {
			x.TraderCites = append(x.TraderCites, st.Cite[lang])
		}
	}
	if IsNotice(stage) {
		nd, state := rights.NoticeFor(f, string(stage), now, loc)
		if state != rights.NoticeOpen {
			return x, &ErrNotice{Stage: stage, State: state, Until: nd.Until}
		}
		x.NoticeLaw, x.NoticeCite = nd.Statute.ID, nd.Statute.Cite[lang]
		x.NoticeUntil = FormatLetterDate(lang, nd.Until, loc)
		x.NoticeEarly = nd.Early
	}
	if b, ok := rights.SmallClaims(f); ok {
		x.SmallClaims, x.SmallClaimsAddress = b.Name[lang], b.Address
	}
	x.Delivered = FormatLetterDate(lang, f.DeliveredDate, loc)
	x.Bought = FormatLetterDate(lang, f.PurchaseDate, loc)
	x.NextContactNo = len(f.Contacts) + 1
	if n := len(sf.Tickets); n > 0 {
		x.LatestTicket = sf.Tickets[n-1].Number
	}
	if n := len(f.Contacts); n > 0 {
		x.LastContacted = FormatLetterDate(lang, casefile.DateOf(f.Contacts[n-1].At.In(loc)), loc)
	}
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

// againstPayer reports whether a statute gives a claim against the one
// who carried the payment (a card issuer, a bank) rather than the trader:
// it applies only to card payments and bank debits.
func againstPayer(st rights.Statute) bool {
	if len(st.Sectors) == 0 {
		return false
	}
	for _, s := range st.Sectors {
		if s != casefile.SectorCard && s != casefile.SectorBankDebit {
			return false
		}
	}
	return true
}
