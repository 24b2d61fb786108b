package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

// clean makes user text safe to print on a terminal: escape sequences
// (colours, OSC 8 links, OSC 52 clipboard writes) are removed, and so are
// other control characters and bidi overrides that could make text lie
// about what it says. Newlines and tabs become spaces: every field prints
// on its own line. JSON output keeps the text verbatim instead.
func clean(s string) string {
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, s)
}

// cleanBlock is clean for multi-line output (sheets, scripts, letters):
// each line is made safe and the line breaks are kept.
func cleanBlock(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = clean(l)
	}
	return strings.Join(lines, "\n")
}

func isBidiControl(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// writeJSON prints v as indented JSON with a final newline; HTML is not
// escaped, so "<" and "&" in user text stay readable.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// fmtDate and fmtShortDate are prep's date formats, used for every date
// the commands print.
func fmtDate(lang string, d casefile.Date, loc *time.Location) string {
	return prep.FormatDate(lang, d, loc)
}

func fmtShortDate(lang string, d casefile.Date, now time.Time, loc *time.Location) string {
	return prep.FormatShortDate(lang, d, now, loc)
}

// fmtTime prints a moment as a short date and time.
func fmtTime(lang string, t time.Time, now time.Time, loc *time.Location) string {
	return fmtShortDate(lang, casefile.DateTime(t), now, loc)
}

// relDays says how far a date is from today: "today", "in 3 days",
// "3 days overdue" (or "passed" for non-promises, via the overdue key).
func relDays(lang string, d casefile.Date, now time.Time, loc *time.Location, pastKey string) string {
	n := d.DaysUntil(now, loc)
	switch {
	case n == 0:
		return msg(lang, "today")
	case n == 1:
		return msg(lang, "tomorrow")
	case n > 1:
		return msgf(lang, "in_days", n)
	case n == -1:
		return msgf(lang, pastKey+"_1", -n)
	default:
		return msgf(lang, pastKey+"_n", -n)
	}
}

// table prints rows (after header, unless it is nil) in aligned columns, measuring display width (Korean
// characters take two columns). Two spaces separate columns; the last
// column is not padded. lipgloss/table was tried first, but it draws
// borders and truncates to the terminal; a call sheet wants plain columns
// that paste cleanly into an email.
func table(w io.Writer, header []string, rows [][]string) {
	all := rows
	if header != nil {
		all = append([][]string{header}, rows...)
	}
	cols := 0
	for _, r := range all {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for _, r := range all {
		for i, c := range r {
			if i < cols-1 {
				widths[i] = max(widths[i], runewidth.StringWidth(c))
			}
		}
	}
	for _, r := range all {
		var b strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(runewidth.FillRight(c, widths[i]))
			b.WriteString("  ")
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// refValue is how an account reference is shown: masked unless revealed.
func refValue(r casefile.AccountRef, reveal bool) string {
	if reveal {
		return r.Value
	}
	return r.Masked()
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
