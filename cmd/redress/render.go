package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
	if printable(s) {
		return s // the common case: `show` of a heavy case cleans a thousand lines
	}
	return strip(s)
}

// strip is clean the long way, for text that has something to remove.
func strip(s string) string {
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

// printable reports whether clean would leave s as it is: valid UTF-8
// with no control character (C0, DEL, C1), no newline or tab and no bidi
// control, checked byte by byte on the UTF-8 encodings (an escape
// sequence starts with one of those, so ansi.Strip has nothing to do).
// FuzzClean checks it against the long way.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == 0x7f:
			return false
		case c == 0xc2 && s[i+1] < 0xa0: // U+0080–U+009F
			return false
		case c == 0xd8 && s[i+1] == 0x9c: // U+061C
			return false
		case c == 0xe2 && s[i+1] == 0x80 && (s[i+2] == 0x8e || s[i+2] == 0x8f || s[i+2] >= 0xaa && s[i+2] <= 0xae): // U+200E, U+200F, U+202A–U+202E
			return false
		case c == 0xe2 && s[i+1] == 0x81 && s[i+2] >= 0xa6 && s[i+2] <= 0xa9: // U+2066–U+2069
			return false
		}
	}
	return true
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
	if raw := d.Unreadable(); raw != "" {
		return msgf(lang, "date_unreadable", raw) // shown as it is, to be fixed with edit
	}
	return prep.FormatDate(lang, d, loc)
}

func fmtShortDate(lang string, d casefile.Date, now time.Time, loc *time.Location) string {
	if d.Unreadable() != "" {
		return fmtDate(lang, d, loc)
	}
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
	// Each cell's width is measured once; measuring is most of the time of
	// a long table (grapheme clustering in runewidth), so ASCII cells,
	// one column per byte, skip it.
	widths := make([]int, cols)
	cellWidth := make([][]int, len(all))
	for j, r := range all {
		cellWidth[j] = make([]int, len(r))
		for i, c := range r {
			if i < cols-1 {
				cellWidth[j][i] = displayWidth(c)
				widths[i] = max(widths[i], cellWidth[j][i])
			}
		}
	}
	bw := bufio.NewWriter(w)
	var b []byte
	for j, r := range all {
		b = b[:0]
		for i, c := range r {
			if i == len(r)-1 {
				b = append(b, c...)
				break
			}
			b = append(b, c...)
			for pad := widths[i] - cellWidth[j][i] + 2; pad > 0; pad-- {
				b = append(b, ' ')
			}
		}
		bw.Write(bytes.TrimRight(b, " "))
		bw.WriteByte('\n')
	}
	bw.Flush()
}

// displayWidth is the terminal columns s takes: runewidth's measure, with
// printable ASCII (what clean leaves of a control character) counted
// directly.
func displayWidth(s string) int {
	if w, ok := plainWidth(s); ok {
		return w
	}
	return runewidth.StringWidth(s)
}

// plainWidth is the width of s when every rune of it is printable ASCII (1
// column) or a precomposed Hangul syllable (2 columns), which never join
// into a cluster with the next rune: what English and Korean text mostly
// is, measured without grapheme segmentation (a few microseconds a line
// instead of a few hundred). ok is false for any other rune.
func plainWidth(s string) (w int, ok bool) {
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f:
			w++
		case r >= 0xAC00 && r <= 0xD7A3:
			w += 2
		case plainPunct[r]:
			// Ambiguous width: what runewidth says for this terminal.
			w += runewidth.RuneWidth(r)
		default:
			return 0, false
		}
	}
	return w, true
}

// plainPunct are the punctuation redress's own lines use, each one
// character that joins with nothing.
var plainPunct = map[rune]bool{'…': true, '·': true, '→': true, '—': true, '–': true}

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
