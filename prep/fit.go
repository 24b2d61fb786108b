package prep

import (
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/redress-cli/redress/prep/text"
)

// Fitting the text sheet to a screen. The sheet template marks each of
// its sections that may be summarised with {{section "KEY"}} at the start
// of the section; the sheet is wrapped at the terminal's width at word
// boundaries, and when it is still longer than the screen the marked
// sections are replaced, in the order of sheetFold, by their one-line
// summary (the template part "summary_KEY", which names the command that
// shows what was left out) until the sheet fits.

// SheetLines is the height the text sheet fits: one 40-row screen.
const SheetLines = 40

// sectionMark starts the line {{section}} writes; it never survives into
// output (the ASCII record separator is not text anyone types).
const sectionMark = text.SectionMark

// sheetFold is the order sections are summarised in when the sheet is too
// long: what a customer needs least while on the phone first (the policy,
// with a return window about to close, last). The lines to say (opening,
// supervisor, read-back) are never folded. Once the sheet fits, folded
// sections that fit again after all are put back, most needed first.
var sheetFold = []string{"channels", "recording", "timeline", "counters", "ask", "policy"}

// section is one block of the rendered sheet.
type section struct {
	key   string   // "" for a block that is never summarised
	lines []string // as rendered, before wrapping
}

// splitSections cuts rendered text at the section marks.
func splitSections(out string) []section {
	var secs []section
	cur := section{}
	for _, line := range strings.Split(out, "\n") {
		if key, ok := strings.CutPrefix(line, sectionMark); ok {
			secs = append(secs, cur)
			cur = section{key: key}
			continue
		}
		cur.lines = append(cur.lines, line)
	}
	return append(secs, cur)
}

// stripSections removes the section marks (formats that do not fit).
func stripSections(out string) string {
	var b strings.Builder
	for _, s := range splitSections(out) {
		if len(s.lines) > 0 {
			b.WriteString(strings.Join(s.lines, "\n"))
			b.WriteString("\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// fitSections wraps every section at width and, while the whole is longer
// than height lines (0: no limit), replaces the next section of sheetFold
// with its summary; then it puts back what fits after all.
func fitSections(lang string, id int64, secs []section, width, height int) (string, error) {
	full := make([][]string, len(secs))
	short := make([][]string, len(secs))
	for i, s := range secs {
		full[i] = strings.Split(wrapLines(strings.Join(s.lines, "\n"), width), "\n")
		if s.key == "" {
			continue
		}
		sum, err := RenderPart(lang, "sheet", "summary_"+s.key, struct {
			ID    int64
			Items int
		}{id, sectionItems(s.lines)})
		if err != nil {
			return "", err
		}
		// Keep the blank line that separates the section from the one
		// before it.
		if len(s.lines) > 0 && s.lines[0] == "" {
			short[i] = []string{""}
		}
		short[i] = append(short[i], summaryLines(strings.TrimSpace(sum), width)...)
	}
	folded := map[string]bool{}
	total := func() int {
		n := 0
		for i, s := range secs {
			if folded[s.key] && s.key != "" {
				n += len(short[i])
			} else {
				n += len(full[i])
			}
		}
		return n
	}
	var order []string
	for _, key := range sheetFold {
		if height <= 0 || total() <= height {
			break
		}
		folded[key] = true
		order = append(order, key)
	}
	for i := len(order) - 1; i >= 0; i-- {
		folded[order[i]] = false
		if total() > height {
			folded[order[i]] = true
		}
	}
	var lines []string
	for i, s := range secs {
		if folded[s.key] && s.key != "" {
			lines = append(lines, short[i]...)
		} else {
			lines = append(lines, full[i]...)
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n", nil
}

// sectionItems counts the lines under a section's heading.
func sectionItems(lines []string) int {
	items, heading := 0, false
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
		case !heading:
			heading = true
		default:
			items++
		}
	}
	return items
}

// summaryLines lays out "WHAT: N things → command": on one line when it
// fits, else the command on a line of its own, so a command is never cut.
func summaryLines(sum string, width int) []string {
	if runewidth.StringWidth(sum) <= width {
		return []string{sum}
	}
	text, cmd, ok := strings.Cut(sum, " → ")
	if !ok {
		return strings.Split(wrapLines(sum, width), "\n")
	}
	return append(strings.Split(wrapLines(text, width), "\n"), "  → "+cmd)
}
