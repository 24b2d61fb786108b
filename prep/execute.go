package prep

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"text/template"
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
// file text/<lang>/<file>.tmpl. With ph set, it runs on a clone whose
// orPlaceholder records into ph; the cached template stays untouched, so
// concurrent renders do not share a recorder.
func execute(lang, file, define string, data any, ph *placeholders) (string, error) {
	t, err := load(lang, file)
	if err != nil {
		return "", err
	}
	if ph != nil {
		if t, err = t.Clone(); err != nil {
			return "", err
		}
		t.Funcs(template.FuncMap{"orPlaceholder": ph.or})
	}
	if define != "" {
		if t = t.Lookup(define); t == nil {
			return "", fmt.Errorf("template %s/%s has no block %q", lang, file, define)
		}
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("template %s/%s: %w", lang, file, err)
	}
	return b.String(), nil
}

var (
	trailingSpace = regexp.MustCompile(`[ \t]+\n`)
	blankRuns     = regexp.MustCompile(`\n{3,}`)
	doubleSpace   = regexp.MustCompile(`([^ \n]) {2,}`)
)

// tidy removes what optional sentences leave behind when they are left
// out: trailing spaces, runs of blank lines, double spaces inside a line.
// Indentation at the start of a line is kept.
func tidy(s string) string {
	s = doubleSpace.ReplaceAllString(s, "$1 ")
	s = trailingSpace.ReplaceAllString(s, "\n")
	s = blankRuns.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}
