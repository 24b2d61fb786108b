package prep

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/internal/lazyre"
)

// Readiness of one tip before the call.
type Readiness string

const (
	Done    Readiness = "done"
	Missing Readiness = "missing"
	Warning Readiness = "warning"
)

// Item is one line of the readiness list: a tip, how ready it is, why
// (a message key in text/<lang>/check.tmpl with its values) and the
// command that fills what is missing.
type Item struct {
	Tip    int       `json:"tip"`
	Status Readiness `json:"status"`
	Key    string    `json:"message"`
	N      int       `json:"n,omitempty"`    // a count or a number of days for the message
	Text   string    `json:"text,omitempty"` // a date or a word for the message
	Fix    string    `json:"fix,omitempty"`
}

// Ready reports whether nothing is missing (warnings do not block).
func Ready(items []Item) bool {
	for _, it := range items {
		if it.Status == Missing {
			return false
		}
	}
	return true
}

// Problem statements longer than this are hard to say in one breath (tip 3).
const (
	maxProblemWords       = 60
	maxProblemKoreanChars = 150
)

// actionWords make an outcome concrete: what should happen. A number (an
// amount or a date) does too.
var actionWords = lazyre.New(`(?i)\b(refund|replace|replacement|repair|cancel|credit|revers|compensat|deliver|fix|exchange|return|waive|remov|reimburs|pay|restor|correct|send)|환불|교환|수리|취소|환급|배송|보상|반품|철회|해지|감면|면제|정정|지급|발송|복구`)

// Check is the readiness list: each of the nine tips done, missing or
// worth a warning, as of now.
func Check(f casefile.Full, now time.Time, loc *time.Location) []Item {
	c, p := f.Case, f.Prep
	id := c.ID
	fix := func(step int) string {
		return fmt.Sprintf("redress prep %d --step %d" /* words:ok a command */, id, step)
	}
	var items []Item
	add := func(it Item) { items = append(items, it) }

	// 1. Research.
	research, tried, timeline := 0, 0, 0
	for _, n := range f.Notes {
		switch n.Kind {
		case casefile.NoteResearch:
			research++
		case casefile.NoteTried:
			tried++
		default:
			timeline++
		}
	}
	if research+tried == 0 {
		add(Item{Tip: 1, Status: Missing, Key: "research_missing", Fix: fix(1)})
	} else {
		add(Item{Tip: 1, Status: Done, Key: "research_done", N: research + tried})
	}

	// 2. Prepare: timeline, references, what is at hand.
	switch {
	case timeline == 0:
		add(Item{Tip: 2, Status: Missing, Key: "timeline_missing", Fix: fix(2)})
	case len(f.Refs) == 0:
		add(Item{Tip: 2, Status: Missing, Key: "refs_missing", Fix: fix(2)})
	case p.HaveReceipt == "" || p.HaveSecret == "":
		add(Item{Tip: 2, Status: Missing, Key: "at_hand_missing", Fix: fix(2)})
	case p.HaveReceipt == "no":
		add(Item{Tip: 2, Status: Warning, Key: "no_receipt", Fix: fix(2)})
	case p.HaveSecret == "no":
		add(Item{Tip: 2, Status: Warning, Key: "no_secret", Fix: fix(2)})
	default:
		add(Item{Tip: 2, Status: Done, Key: "prepared", N: timeline})
	}

	// 3. Clear and thorough, not long.
	switch {
	case strings.TrimSpace(c.Problem) == "":
		add(Item{Tip: 3, Status: Missing, Key: "problem_missing", Fix: fix(3)})
	case strings.TrimSpace(c.Outcome) == "":
		add(Item{Tip: 3, Status: Missing, Key: "outcome_missing", Fix: fix(3)})
	case tooLong(c.Problem):
		add(Item{Tip: 3, Status: Warning, Key: "problem_long", N: len(strings.Fields(c.Problem)), Fix: fix(3)})
	case Vague(c.Outcome):
		add(Item{Tip: 3, Status: Warning, Key: "outcome_vague", Fix: fix(3)})
	default:
		add(Item{Tip: 3, Status: Done, Key: "clear"})
	}

	// 4. Empathy: an opening line.
	if strings.TrimSpace(p.OpeningLine) == "" {
		add(Item{Tip: 4, Status: Missing, Key: "opening_missing", Fix: fix(4)})
	} else {
		add(Item{Tip: 4, Status: Done, Key: "opening_done"})
	}

	// 5. Policy: the windows, and how close their ends are.
	add(policyItem(c, p, now, loc, fix(5)))

	// 6. Escalate when refused.
	if p.EscalateTrigger == "" {
		add(Item{Tip: 6, Status: Missing, Key: "trigger_missing", Fix: fix(6)})
	} else {
		add(Item{Tip: 6, Status: Done, Key: "trigger_done", Text: p.EscalateTrigger})
	}

	// 7. Record the conversation.
	if p.WillRecord == "" {
		add(Item{Tip: 7, Status: Missing, Key: "record_missing", Fix: fix(7)})
	} else {
		add(Item{Tip: 7, Status: Done, Key: "record_" + p.WillRecord})
	}

	// 8. Get updates: what to ask before hanging up.
	if len(p.Ask) == 0 {
		add(Item{Tip: 8, Status: Missing, Key: "ask_missing", Fix: fix(8)})
	} else {
		add(Item{Tip: 8, Status: Done, Key: "ask_done", N: len(p.Ask)})
	}

	// 9. Don't back down: other channels.
	channels := 0
	for _, ch := range []string{p.ChannelEmail, p.ChannelChat, p.ChannelSocial, p.ChannelReview, p.ChannelRegulator} {
		if strings.TrimSpace(ch) != "" {
			channels++
		}
	}
	if channels == 0 {
		add(Item{Tip: 9, Status: Missing, Key: "channels_missing", Fix: fix(9)})
	} else {
		add(Item{Tip: 9, Status: Done, Key: "channels_done", N: channels})
	}
	return items
}

func policyItem(c casefile.Case, p casefile.Prep, now time.Time, loc *time.Location, fix string) Item {
	if c.PurchaseDate.IsZero() && c.ReturnWindowEnd.IsZero() && c.WarrantyEnd.IsZero() {
		return Item{Tip: 5, Status: Missing, Key: "policy_missing", Fix: fix}
	}
	// The return window matters first: once it passes, a refund usually
	// turns into a warranty claim.
	for _, w := range []struct {
		end  casefile.Date
		name string
	}{{c.ReturnWindowEnd, "return"}, {c.WarrantyEnd, "warranty"}} {
		state, left := Window(w.end, now, loc)
		switch state {
		case WindowPassed:
			if w.name == "return" && !c.WarrantyEnd.IsZero() {
				if ws, _ := Window(c.WarrantyEnd, now, loc); ws != WindowPassed {
					continue // the warranty still stands; say so below
				}
			}
			return Item{Tip: 5, Status: Warning, Key: w.name + "_passed", N: -left, Text: w.end.String()}
		case WindowLastDay:
			return Item{Tip: 5, Status: Warning, Key: w.name + "_today", Text: w.end.String()}
		case WindowEnding:
			return Item{Tip: 5, Status: Warning, Key: w.name + "_ending", N: left, Text: w.end.String()}
		}
	}
	return Item{Tip: 5, Status: Done, Key: "policy_done"}
}

// tooLong reports a problem statement too long to say in one breath: over
// 60 words, or over 150 characters in Korean (whose words are longer units).
func tooLong(s string) bool {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) >= 0 {
		return utf8.RuneCountInString(strings.TrimSpace(s)) > maxProblemKoreanChars
	}
	return len(strings.Fields(s)) > maxProblemWords
}

// Vague reports a desired outcome that names no action, amount or date,
// such as "sort it out" or "잘 해결해 주세요".
func Vague(outcome string) bool {
	if strings.IndexFunc(outcome, unicode.IsDigit) >= 0 {
		return false
	}
	return !actionWords().MatchString(outcome)
}
