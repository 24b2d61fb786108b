package text

import (
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/casefile"
)

// Funcs are the helpers every template of lang may use.
func Funcs(lang string) template.FuncMap {
	return template.FuncMap{
		// date formats a casefile.Date with its weekday in the language.
		"date": func(d casefile.Date, loc *time.Location) string { return FormatDate(lang, d, loc) },
		// asideDate formats a date inside a bracketed aside (FormatAsideDate:
		// in Korean without the weekday's own brackets).
		"asideDate": func(d casefile.Date, loc *time.Location) string { return FormatAsideDate(lang, d, loc) },
		// day formats a stored date ("2026-12-02") with its weekday.
		"day": func(s string) string {
			d, err := casefile.ParseStoredDate(s)
			if err != nil {
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
		// section marks the start of a sheet section that fitting the
		// sheet to a screen may summarise ("" ends one); see prep/fit.go.
		"section": func(key string) string { return "\n" + SectionMark + key },
		// label turns "Return by    Thu 26 Nov" (a label padded to line
		// up on a terminal) into "Return by: Thu 26 Nov", for Markdown.
		"label": func(s string) string {
			if i := strings.Index(s, "  "); i > 0 {
				return s[:i] + ": " + strings.TrimLeft(s[i:], " ")
			}
			return s
		},
		"px":  HTMLFuncs["px"],
		"add": HTMLFuncs["add"],
		"sub": HTMLFuncs["sub"],
		// josa attaches a Korean particle to variable text, chosen by how
		// the text ends: {{josa "을" .Company}} → "에이크미를", "삼성을".
		"josa": func(particle string, v any) string { return Josa(particle, fmt.Sprint(v)) },
		// josaOr is josa where the text may be a Latin name whose reading
		// is not sure: {{josaOr "과" "측" .Company}} → "쿠팡과", "PeakFit 측과".
		"josaOr": func(particle, noun string, v any) string { return JosaOr(particle, noun, fmt.Sprint(v)) },
		// times says a count of times or an order in native Korean
		// numbers: {{times 2 "번"}} → "두 번", {{times 1 "번째"}} → "첫 번째".
		"times": func(n int, counter string) string { return Times(n, counter) },
		// msg is a message of the commands' catalog, for the few words a
		// template shares with the commands (kind and status names).
		"msg": func(key string) string { return Msg(lang, key) },
	}
}

// SectionMark starts the line {{section}} writes; it never survives into
// output (prep's sheet fitting removes it).
const SectionMark = "\x1esection:"

// HTMLFuncs are the helpers of the dossier's HTML template (the picture's
// coordinates); the text templates know them too, so the parity test can
// read the file.
var HTMLFuncs = map[string]any{
	// px prints a coordinate of the timeline picture.
	"px":  func(v float64) string { return fmt.Sprintf("%.1f", v) },
	"add": func(a, b float64) float64 { return a + b },
	"sub": func(a, b float64) float64 { return a - b },
}
