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
		// josa attaches a Korean particle to variable text, chosen by how
		// the text ends: {{josa "을" .Company}} → "에이크미를", "삼성을".
		"josa": func(particle string, v any) string { return Josa(particle, fmt.Sprint(v)) },
		// msg is a message of the commands' catalog, for the few words a
		// template shares with the commands (kind and status names).
		"msg": func(key string) string { return Msg(lang, key) },
	}
}
