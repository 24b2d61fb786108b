package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"golang.org/x/term"
)

// defaultWidth is the width for output that goes to a file or a pipe,
// where no terminal says how wide it is.
const defaultWidth = 80

// termWidth is the width of the terminal stdout goes to. REDRESS_COLUMNS
// sets it, for tests and for a terminal that misreports it; known is
// false when output is not a terminal and the variable is not set: then
// rows are not cut short (a pipe gets the whole text) and text wraps at
// defaultWidth.
func (a *app) termWidth() (width int, known bool) {
	if n := envInt(a.getenv("REDRESS_COLUMNS")); n > 0 {
		return n, true
	}
	if f, ok := a.stdout.(*os.File); ok && a.stdoutIsTerminal() {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w, true
		}
	}
	return defaultWidth, false
}

func envInt(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// formWidth is the width of the terminal the forms draw on (stderr).
func (a *app) formWidth() int {
	if n := envInt(a.getenv("REDRESS_COLUMNS")); n > 0 {
		return n
	}
	if f, ok := a.stderr.(*os.File); ok && isTerminal(f) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return defaultWidth
}

// fitColumn shortens the cells of column flex so that every row of a
// table (two spaces between columns, as table prints) fits width
// columns; the other columns keep their text. The column keeps at least
// minFlex columns, so a very narrow terminal gets long rows rather than
// empty cells.
func fitColumn(header []string, rows [][]string, flex, width int) {
	const minFlex = 12
	cols := len(header)
	widths := make([]int, cols)
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			if i < cols {
				widths[i] = max(widths[i], displayWidth(c))
			}
		}
	}
	other := 0
	for i, w := range widths {
		if i != flex {
			other += w
		}
	}
	room := max(width-other-2*(cols-1), minFlex)
	for _, r := range rows {
		if flex < len(r) && displayWidth(r[flex]) > room {
			r[flex] = runewidth.Truncate(r[flex], room, "…")
		}
	}
}
