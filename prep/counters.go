package prep

import (
	"strconv"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Counter is a counter-line: what a rep commonly says to close a call
// without putting it right ("it's the courier's fault"), and what the
// customer can answer, citing the rights table where a law answers it.
// The words are in text/<lang>/counters.tmpl: "heard-KEY" and "answer-KEY".
type Counter struct {
	Key    string `json:"key"`
	Heard  string `json:"heard"`
	Answer string `json:"answer"`
}

// CounterKeys are the fob-offs redress answers, in the order the call log
// numbers them (?1, ?2, …).
var CounterKeys = []string{"courier", "manufacturer", "billing-cycles", "parts", "policy", "transfer",
	"system", "voucher", "callback", "no-record"}

// counterFirst are the fob-offs most often heard for each kind: the call
// sheet shows these (the call log lists them all).
var counterFirst = map[casefile.Kind][]string{
	casefile.KindRefund:        {"billing-cycles", "voucher", "policy"},
	casefile.KindDamagedItem:   {"courier", "manufacturer", "policy"},
	casefile.KindDeliveryDelay: {"courier", "callback", "policy"},
	casefile.KindBillingError:  {"billing-cycles", "system", "no-record"},
	casefile.KindCancellation:  {"system", "policy", "no-record"},
	casefile.KindDefect:        {"parts", "manufacturer", "policy"},
	casefile.KindServiceOutage: {"callback", "voucher", "system"},
	casefile.KindCompanyError:  {"system", "no-record", "transfer"},
}

// Counters renders every counter-line for the case f in lang, as of now:
// the answers name the case's own facts (the amount, the last contact, the
// ticket) and the law of its jurisdiction where one applies.
func Counters(lang string, f casefile.Full, now time.Time, loc *time.Location) ([]Counter, error) {
	return counters(lang, f, now, loc, casefile.Everything)
}

// counters is Counters building the facts of the parts p.
func counters(lang string, f casefile.Full, now time.Time, loc *time.Location, p casefile.Parts) ([]Counter, error) {
	sf, err := newScriptFacts(lang, StageOpening, f, now, loc, &placeholders{}, p)
	if err != nil {
		return nil, err
	}
	nf, err := newNoticeFacts(sf, StageOpening, f, now, loc)
	if err != nil {
		return nil, err
	}
	out := make([]Counter, 0, len(CounterKeys))
	for _, k := range CounterKeys {
		c := Counter{Key: k}
		if c.Heard, err = execute(lang, "counters", "heard-"+k, nf, nil); err != nil {
			return nil, err
		}
		if c.Answer, err = execute(lang, "counters", "answer-"+k, nf, nil); err != nil {
			return nil, err
		}
		c.Heard, c.Answer = strings.TrimSpace(c.Heard), tidy(c.Answer)
		out = append(out, c)
	}
	return out, nil
}

// FirstCounters are the counter-lines most often needed for the case's
// kind, for the call sheet.
func FirstCounters(kind casefile.Kind, all []Counter) []Counter {
	keys, ok := counterFirst[kind]
	if !ok {
		keys = []string{"policy", "transfer", "callback"}
	}
	var out []Counter
	for _, k := range keys {
		for _, c := range all {
			if c.Key == k {
				out = append(out, c)
			}
		}
	}
	return out
}

// CounterFor finds a counter-line by its number in the call log's list
// ("3") or its key ("parts").
func CounterFor(all []Counter, s string) (Counter, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	for i, c := range all {
		if s == c.Key || s == strconv.Itoa(i+1) {
			return c, true
		}
	}
	return Counter{}, false
}
