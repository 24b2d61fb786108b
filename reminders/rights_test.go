package reminders

import (
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
	"testing"

	"github.com/redress-cli/redress/casefile/rights"
	"github.com/redress-cli/redress/prep/text"
)

// TestEveryClockHasItsWords: a clock added to a rights file without its
// reminder line, in every language, fails here rather than in a calendar.
func TestEveryClockHasItsWords(t *testing.T) {
	tables, err := rights.Load()
	if err != nil {
		t.Fatal(err)
	}
	for j, tb := range tables {
		for _, c := range tb.Clocks {
			for _, lang := range text.Langs {
				if !text.Has(lang, catalog, "clock_"+c.ID) {
					t.Errorf("%s: clock %s has no clock_%s in %s/reminders.txt", j, c.ID, c.ID, lang)
				}
				if c.Fallback != "" && !text.Has(lang, catalog, "early_"+string(c.Fallback)) {
					t.Errorf("%s: clock %s falls back to %s, and %s/reminders.txt has no early_%s", j, c.ID, c.Fallback, lang, c.Fallback)
				}
			}
		}
	}
}

// TestRemindersDoNotImportPrep: reminders and prep are siblings (both over
// the case, both using the words package); neither imports the other.
func TestRemindersDoNotImportPrep(t *testing.T) {
	for _, imp := range importsOf(t, ".") {
		if imp == "github.com/redress-cli/redress/prep" {
			t.Fatal("reminders imports prep")
		}
	}
}

func importsOf(t *testing.T, dir string) []string {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, imp := range f.Imports {
				out = append(out, strings.Trim(imp.Path.Value, `"`))
			}
		}
	}
	return out
}
