// Package prep turns a case into what the customer reads and says: the
// nine-tip checklist, the call sheet, the read-back summary and the
// escalation scripts and letters. Everything here is a pure function of a
// case and a clock; the wording lives in templates under text/<lang>/.
package prep

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/casefile"
)

// Langs are the languages every template exists in.
var Langs = []string{"en", "ko"}

//go:embed text
var textFS embed.FS

// templates are parsed on first use, one file at a time: a command that
// prints one script pays for that script only.
var (
	parseMu sync.Mutex
	parsed  = map[string]*template.Template{}
)

// Render executes the template text/<lang>/<name>.tmpl with data. Templates
// run with missingkey=error, so a hole fails a test instead of printing
// "<no value>".
func Render(lang, name string, data any) (string, error) {
	t, err := load(lang, name)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("template %s/%s: %w", lang, name, err)
	}
	return b.String(), nil
}

func load(lang, name string) (*template.Template, error) {
	key := lang + "/" + name
	parseMu.Lock()
	defer parseMu.Unlock()
	if t, ok := parsed[key]; ok {
		return t, nil
	}
	src, err := textFS.ReadFile(path.Join("text", lang, name+".tmpl"))
	if err != nil {
		return nil, fmt.Errorf("no template %s for language %q", name, lang)
	}
	// "part" runs a {{define}} of the same file chosen at run time (a
	// message key), which text/template's {{template}} cannot do.
	var t *template.Template
	part := func(block string, data any) (string, error) {
		d := t.Lookup(block)
		if d == nil {
			return "", fmt.Errorf("template %s has no part %q", key, block)
		}
		var b bytes.Buffer
		err := d.Execute(&b, data)
		return b.String(), err
	}
	t, err = template.New(name).Option("missingkey=error").Funcs(funcs(lang)).Funcs(template.FuncMap{"part": part}).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", key, err)
	}
	parsed[key] = t
	return t, nil
}

// TemplateNames lists the templates of a language (file names without
// .tmpl), sorted; the key-parity test compares them across languages.
func TemplateNames(lang string) ([]string, error) {
	entries, err := fs.ReadDir(textFS, path.Join("text", lang))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmpl") {
			names = append(names, strings.TrimSuffix(e.Name(), ".tmpl"))
		}
	}
	sort.Strings(names)
	return names, nil
}

// DefinedNames lists the {{define}} blocks of one template file, so the
// parity test can also compare the pieces inside a file.
func DefinedNames(lang, name string) ([]string, error) {
	t, err := load(lang, name)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, d := range t.Templates() {
		if d.Name() != name {
			names = append(names, d.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// funcs are the helpers every template may use.
func funcs(lang string) template.FuncMap {
	return template.FuncMap{
		"px":  htmlFuncs["px"],
		"add": htmlFuncs["add"],
		"sub": htmlFuncs["sub"],
		// date formats a casefile.Date with its weekday in the language.
		"date": func(d casefile.Date, loc *time.Location) string { return FormatDate(lang, d, loc) },
		// day formats a stored date ("2026-12-02") with its weekday.
		"day": func(s string) string {
			d, err := casefile.ParseStoredDate(s)
			if err != nil || d.Unreadable() != "" {
				return s
			}
			return FormatDate(lang, d, time.UTC)
		},
		// short cuts s to at most n display columns, ending in "…", so one
		// long bullet cannot push the sheet past one screen.
		"short": func(n int, s string) string {
			if runewidth.StringWidth(s) <= n {
				return s
			}
			return runewidth.Truncate(s, n, "…")
		},
		// section marks the start of a sheet section that fitting the
		// sheet to a screen may summarise ("" ends one); see fit.go.
		"section": func(key string) string { return "\n" + sectionMark + key },
		// label turns "Return by    Thu 26 Nov" (a label padded to line
		// up on a terminal) into "Return by: Thu 26 Nov", for Markdown.
		"label": func(s string) string {
			if i := strings.Index(s, "  "); i > 0 {
				return s[:i] + ": " + strings.TrimLeft(s[i:], " ")
			}
			return s
		},
		// mask hides all but the last four characters of a reference.
		"mask": casefile.Mask,
		// join joins strings with sep.
		"join": func(sep string, s []string) string { return strings.Join(s, sep) },
		// orPlaceholder returns v, or the bracketed placeholder the user is
		// told to fill when v is empty (never "<no value>").
		"orPlaceholder": func(placeholder, v string) string {
			if strings.TrimSpace(v) == "" {
				return "[" + placeholder + "]"
			}
			return v
		},
	}
}

// RenderPart executes one {{define}} block of text/<lang>/<file>.tmpl.
func RenderPart(lang, file, part string, data any) (string, error) {
	t, err := load(lang, file)
	if err != nil {
		return "", err
	}
	d := t.Lookup(part)
	if d == nil {
		return "", fmt.Errorf("template %s/%s has no part %q", lang, file, part)
	}
	var b bytes.Buffer
	if err := d.Execute(&b, data); err != nil {
		return "", fmt.Errorf("template %s/%s %s: %w", lang, file, part, err)
	}
	return b.String(), nil
}
