package reminders

import (
	"sort"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
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

// Clocks are the clocks of a case, soonest first, in its language: the
// ends of its return window and warranty, and every clock of the rights
// table that runs on it (rights.Clocks, the computation the reminders,
// next and the scripts read). Unlike reminders they are given for a closed
// case too: a dossier of a closed case still shows which clocks ran.
func Clocks(f casefile.Full, loc *time.Location) []Clock {
	b := builder{f: f, loc: loc, lang: lang(f.Lang)}
	b.window(f.ReturnWindowEnd, RuleReturnBefore, RuleReturnEnd, "return-window", "return")
	b.window(f.WarrantyEnd, RuleWarrantyBefore, RuleWarrantyEnd, "warranty", "warranty")
	b.deadlines()
	sources := map[Rule]string{RuleReturnEnd: "", RuleWarrantyEnd: ""}
	for _, d := range rights.Clocks(f, loc) {
		sources[Rule(d.Clock.ID)] = b.t("source", strings.TrimSuffix(d.Clock.Source, "."))
	}
	var out []Clock
	for _, r := range b.out {
		src, ok := sources[r.Rule]
		if !ok {
			continue
		}
		out = append(out, Clock{Rule: r.Rule, At: r.At, Summary: r.Summary, Source: src})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Time(loc).Before(out[j].At.Time(loc)) })
	return out
}
