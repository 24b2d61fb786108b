package prep

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
)

// SearchPhrases suggests what to type into a search engine before the
// call (tip 1), built from the case's company, product, kind and problem.
func SearchPhrases(lang string, f casefile.Full, now time.Time, loc *time.Location) ([]string, error) {
	out, err := Render(lang, "research", NewFacts(lang, f, now, loc))
	if err != nil {
		return nil, err
	}
	var phrases []string
	for _, l := range strings.Split(out, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			phrases = append(phrases, l)
		}
	}
	return phrases, nil
}

// RegulatorSuggestion names the body to try for the case's jurisdiction
// (tip 9), or "" when redress knows none.
func RegulatorSuggestion(lang string, j casefile.Jurisdiction) (string, error) {
	return RenderPart(lang, "research", "regulator_"+string(j), regulatorData{})
}

type regulatorData struct{ Ombudsman string }

// RegulatorFor is RegulatorSuggestion for one case: in a sector with an
// ombudsman it is named, and where there is none (a UK shop) none is.
func RegulatorFor(lang string, f casefile.Full) (string, error) {
	var d regulatorData
	if ob, ok := rights.Ombudsman(f); ok {
		d.Ombudsman = ob.Name[lang]
	}
	return RenderPart(lang, "research", "regulator_"+string(f.Jurisdiction), d)
}
