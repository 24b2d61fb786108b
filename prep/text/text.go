// Package text is the one room for redress's words: every sentence a user
// reads, per language, in the folders en/, ko/, … beside this file.
//
//   - <lang>/messages.txt and <lang>/reminders.txt are message catalogs:
//     short lines as `key = "Go-quoted string"`, with fmt verbs for the
//     variable parts (messages of the commands, errors and hints, form
//     labels, names of kinds, statuses and jurisdictions; reminder lines).
//   - <lang>/*.tmpl are text/template files for the longer texts: the call
//     sheet, the checklist, scripts and letters. They run with
//     missingkey=error, so a hole fails a test instead of printing
//     "<no value>".
//
// One loader reads both, one parity test (parity_test.go) checks that every
// language has the same keys, the same templates and blocks, and the same
// format verbs. Adding a language is one folder here plus its date wording
// (dates.go) and its grammar helpers, if it has particles (korean.go).
package text

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
)

//go:embed */*
var files embed.FS

// Langs are the languages redress speaks, English first: one folder each.
var Langs = func() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err)
	}
	langs := []string{"en"}
	for _, e := range entries {
		if _, err := fs.Stat(files, e.Name()+"/messages.txt"); err == nil && e.IsDir() && e.Name() != "en" {
			langs = append(langs, e.Name())
		}
	}
	return langs
}()

// Supported reports whether lang has a folder of words.
func Supported(lang string) bool { return slices.Contains(Langs, lang) }

// Lang returns lang if redress speaks it, else English.
func Lang(lang string) string {
	if Supported(lang) {
		return lang
	}
	return "en"
}

// Catalogs are the message files of every language.
var Catalogs = []string{"messages", "reminders"}

var (
	catMu   sync.Mutex
	catalog = map[string]map[string]string{} // "lang/name" → key → format
)

// Catalog returns the messages of one catalog file of lang, parsed on first
// use.
func Catalog(lang, name string) (map[string]string, error) {
	key := lang + "/" + name
	catMu.Lock()
	defer catMu.Unlock()
	if m, ok := catalog[key]; ok {
		return m, nil
	}
	src, err := files.ReadFile(path.Join(lang, name+".txt"))
	if err != nil {
		return nil, fmt.Errorf("no catalog %s for language %q", name, lang)
	}
	m, err := parseCatalog(src)
	if err != nil {
		return nil, fmt.Errorf("catalog %s: %w", key, err)
	}
	catalog[key] = m
	return m, nil
}

// parseCatalog reads `key = "quoted"` lines; blank lines and lines starting
// with # are comments. A key given twice is an error, so a merge that adds
// the same key on two branches is caught.
func parseCatalog(src []byte) (map[string]string, error) {
	// One string for the whole file, and keys and texts cut from it (a
	// text without an escape is a slice of it): reading a catalog is
	// part of every command's start-up (issue 19).
	rest := string(src)
	m := make(map[string]string, strings.Count(rest, "\n")+1)
	for n := 1; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("line %d: want key = \"text\"", n)
		}
		k = strings.TrimSpace(k)
		s, err := strconv.Unquote(strings.TrimSpace(v))
		if err != nil || k == "" || strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("line %d: want key = \"text\"", n)
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("line %d: key %s given twice", n, k)
		}
		m[k] = s
	}
	return m, nil
}

// Get returns the message key of catalog name in lang, falling back to
// English. A key missing from English is a bug the catalog tests catch
// (TestEveryKeyUsedInGoExists); it panics rather than print a hole.
func Get(lang, name, key string) string {
	if m, err := Catalog(Lang(lang), name); err == nil {
		if s, ok := m[key]; ok {
			return s
		}
	}
	if m, err := Catalog("en", name); err == nil {
		if s, ok := m[key]; ok {
			return s
		}
	}
	panic("redress: no message " + name + "/" + key)
}

// Has reports whether catalog name of lang has key.
func Has(lang, name, key string) bool {
	m, err := Catalog(Lang(lang), name)
	if err != nil {
		return false
	}
	_, ok := m[key]
	return ok
}

// Msg is a message of the commands' catalog ("messages") in lang.
func Msg(lang, key string) string { return Get(lang, "messages", key) }

// Msgf is Msg with its verbs filled.
func Msgf(lang, key string, args ...any) string { return fmt.Sprintf(Msg(lang, key), args...) }

// Count is n with its noun in the right number: the message key_1 when n
// is 1, else key_n ("1 ticket", "3 tickets"; "접수번호 1건").
func Count(lang, key string, n int) string { return Countf(lang, key, n, n) }

// Countf is Count for messages that say more than the number: args fill
// the verbs of key_1 or key_n, whichever n picks.
func Countf(lang, key string, n int, args ...any) string {
	if n == 1 {
		return Msgf(lang, key+"_1", args...)
	}
	return Msgf(lang, key+"_n", args...)
}

// Templates.

var (
	parseMu sync.Mutex
	parsed  = map[string]*template.Template{}
)

// Render executes the template <lang>/<name>.tmpl with data.
func Render(lang, name string, data any) (string, error) {
	return Execute(lang, name, "", data, nil)
}

// RenderPart executes one {{define}} block of <lang>/<file>.tmpl.
func RenderPart(lang, file, part string, data any) (string, error) {
	return Execute(lang, file, part, data, nil)
}

// Execute runs one block (or, with define "", the body) of the template
// file <lang>/<file>.tmpl. With extra set, it runs on a clone with those
// functions replaced (a recorder of placeholders, say); the cached template
// stays untouched, so concurrent renders share nothing.
func Execute(lang, file, define string, data any, extra template.FuncMap) (string, error) {
	t, err := Load(lang, file)
	if err != nil {
		return "", err
	}
	if extra != nil {
		if t, err = t.Clone(); err != nil {
			return "", err
		}
		t.Funcs(extra)
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

// sharedParts is the template file whose blocks every template can use.
const sharedParts = "parts"

// Load parses <lang>/<name>.tmpl on first use, one file at a time: a
// command that prints one script pays for that script and the shared
// parts only.
func Load(lang, name string) (*template.Template, error) {
	key := lang + "/" + name
	parseMu.Lock()
	defer parseMu.Unlock()
	if t, ok := parsed[key]; ok {
		return t, nil
	}
	src, err := files.ReadFile(path.Join(lang, name+".tmpl"))
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
	t = template.New(name).Option("missingkey=error").Funcs(Funcs(lang)).Funcs(template.FuncMap{"part": part})
	// Every template may use the shared blocks of parts.tmpl (the remedy
	// sentence, the law, the sign-off); a block of its own by the same
	// name wins, as it is parsed after them.
	if name != sharedParts {
		shared, err := files.ReadFile(path.Join(lang, sharedParts+".tmpl"))
		if err == nil {
			if _, err := t.Parse(string(shared)); err != nil {
				return nil, fmt.Errorf("template %s/%s: %w", lang, sharedParts, err)
			}
		}
	}
	if _, err = t.Parse(string(src)); err != nil {
		return nil, fmt.Errorf("template %s: %w", key, err)
	}
	parsed[key] = t
	return t, nil
}

// TemplateNames lists the templates of a language (file names without
// .tmpl), sorted.
func TemplateNames(lang string) ([]string, error) {
	return names(lang, ".tmpl")
}

// CatalogNames lists the catalog files of a language, sorted.
func CatalogNames(lang string) ([]string, error) {
	all, err := names(lang, ".txt")
	var out []string
	for _, n := range all {
		if slices.Contains(Catalogs, n) {
			out = append(out, n)
		}
	}
	return out, err
}

// DataFiles lists the other files of a language (with their extension):
// word lists and patterns that belong to a language, such as the signs a
// company's reply is graded by (reply_signs.txt). File reads one.
func DataFiles(lang string) ([]string, error) {
	entries, err := fs.ReadDir(files, lang)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".tmpl") && !slices.Contains(Catalogs, strings.TrimSuffix(n, ".txt")) {
			out = append(out, n)
		}
	}
	return out, nil
}

// File returns a data file of a language, <lang>/<name>.
func File(lang, name string) ([]byte, error) {
	b, err := files.ReadFile(path.Join(lang, name))
	if err != nil {
		return nil, fmt.Errorf("no text file %s for language %q", name, lang)
	}
	return b, nil
}

func names(lang, ext string) ([]string, error) {
	entries, err := fs.ReadDir(files, lang)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ext) {
			out = append(out, strings.TrimSuffix(e.Name(), ext))
		}
	}
	sort.Strings(out)
	return out, nil
}

// DefinedNames lists the {{define}} blocks of one template file.
func DefinedNames(lang, name string) ([]string, error) {
	t, err := Load(lang, name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range t.Templates() {
		if d.Name() != name {
			out = append(out, d.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// Source returns the raw text of <lang>/<file>, for the parity test.
func Source(lang, file string) ([]byte, error) { return files.ReadFile(path.Join(lang, file)) }
