package prep

import (
	"strings"
	"text/template"

	"github.com/redress-cli/redress/internal/lazyre"
	"github.com/redress-cli/redress/prep/text"
)

// placeholders records the bracketed blanks a script leaves for the user
// to fill ("[your name]"), so the command can list them. Recording at the
// orPlaceholder call is exact: brackets the user typed themselves in the
// case are not mistaken for blanks.
type placeholders struct {
	seen map[string]bool
	list []string
}

func (p *placeholders) or(placeholder, v string) string {
	if strings.TrimSpace(v) != "" {
		return v
	}
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if !p.seen[placeholder] {
		p.seen[placeholder] = true
		p.list = append(p.list, placeholder)
	}
	return "[" + placeholder + "]"
}

// execute runs one block (or, with define "", the body) of the template
// file text/<lang>/<file>.tmpl. With ph set, orPlaceholder records into ph
// (on a clone: the cached template stays untouched).
func execute(lang, file, define string, data any, ph *placeholders) (string, error) {
	var extra template.FuncMap
	if ph != nil {
		extra = template.FuncMap{"orPlaceholder": ph.or}
	}
	return text.Execute(lang, file, define, data, extra)
}

var (
	trailingSpace = lazyre.New(`[ \t]+\n`)
	blankRuns     = lazyre.New(`\n{3,}`)
	doubleSpace   = lazyre.New(`([^ \n]) {2,}`)
	// A sentence that ends on a name ending in a full stop ("Summit Gear
	// Co.") gets one full stop, not two; an ellipsis stays.
	doubleStop = lazyre.New(`([^.])\.\.([\s"”]|$)`)
)

// tidy removes what optional sentences leave behind when they are left
// out: trailing spaces, runs of blank lines, double spaces inside a line.
// Indentation at the start of a line is kept.
func tidy(s string) string {
	s = doubleSpace().ReplaceAllString(s, "$1 ")
	s = doubleStop().ReplaceAllString(s, "$1.$2")
	s = trailingSpace().ReplaceAllString(s, "\n")
	s = blankRuns().ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}
