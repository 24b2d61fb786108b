package reminders

import (
	"sort"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Clock is a deadline that runs on a case whatever the company does: a
// statutory or regulator clock of its jurisdiction, or the end of its
// return window or warranty, with the source of the figure where the law
// or a regulator sets it.
type Clock struct {
	Rule    Rule          `json:"rule"`
	At      casefile.Date `json:"at"`
	Summary string        `json:"summary"`
	Source  string        `json:"source"` // "" for the store's own windows
}

// clockSources are the rules that are clocks, with the key of the
// sentence that names their source.
var clockSources = map[Rule]string{
	RuleReturnEnd:       "",
	RuleWarrantyEnd:     "",
	RuleUKFinalResponse: "src_uk",
	RuleUSCFPBResponse:  "src_us",
	RuleEUWithdrawal:    "src_eu",
	RuleKRWithdrawal:    "src_kr_withdrawal",
	RuleKRAgency:        "src_kr_agency",
}

// Clocks are the clocks of a case, soonest first, in its language. Unlike
// reminders they are given for a closed case too: a dossier of a closed
// case still shows which clocks ran.
func Clocks(f casefile.Full, loc *time.Location) []Clock {
	b := builder{f: f, loc: loc, lang: lang(f.Lang), tx: texts[lang(f.Lang)]}
	b.window(f.ReturnWindowEnd, RuleReturnBefore, RuleReturnEnd, "return-window", "return")
	b.window(f.WarrantyEnd, RuleWarrantyBefore, RuleWarrantyEnd, "warranty", "warranty")
	b.deadlines()
	var out []Clock
	for _, r := range b.out {
		key, ok := clockSources[r.Rule]
		if !ok {
			continue
		}
		c := Clock{Rule: r.Rule, At: r.At, Summary: r.Summary}
		if key != "" {
			c.Source = b.t(key)
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Time(loc).Before(out[j].At.Time(loc)) })
	return out
}
