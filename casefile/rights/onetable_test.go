package rights

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// lawInGo is a statute named in a Go string: what belongs in data/*.json
// (the facts) or prep/text (their words). A period alone is not law ("a
// refund in 3 business days" is what a rep says), so it is the name.
var lawInGo = regexp.MustCompile(`(?i)전자상거래법|할부거래법|소비자분쟁해결기준|제\s?\d+조|directive\s*(\(eu\)\s*)?\d{4}/\d+|consumer (rights|contracts|credit) (act|regulations)|fair credit billing|regulation [ez]\b|direct debit guarantee`)

// periodField is a field of a composite literal that holds a length of
// time in days, weeks or months.
var periodField = regexp.MustCompile(`(?i)(days|weeks|months)$`)

// TestOneTableForTheRights: no Go file outside casefile/rights states a
// legal fact. It fails on a string literal naming a statute or a legal
// period, and on a composite literal that ties a jurisdiction to a
// number of days, weeks or months (the shape of the refund clocks prep/reply
// once kept for itself). Test files are left out: they state what they
// expect to see printed.
func TestOneTableForTheRights(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".tools", "testdata", "node_modules":
				return filepath.SkipDir
			}
			if rel, _ := filepath.Rel(root, path); filepath.ToSlash(rel) == "casefile/rights" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil {
					s = n.Value
				}
				if m := lawInGo.FindString(s); m != "" {
					t.Errorf("%s: states the law in Go (%q): put the fact in casefile/rights/data and its words in prep/text", fset.Position(n.Pos()), m)
				}
			case *ast.CompositeLit:
				jurisdiction, period := false, ""
				for _, e := range n.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					key, ok := kv.Key.(*ast.Ident)
					if !ok {
						continue
					}
					if sel, ok := kv.Value.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Jurisdiction") {
						jurisdiction = true
					}
					if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.INT && periodField.MatchString(key.Name) {
						period = key.Name + ": " + lit.Value
					}
				}
				if jurisdiction && period != "" {
					t.Errorf("%s: ties a jurisdiction to a period in Go (%s): put it in casefile/rights/data", fset.Position(n.Pos()), period)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d Go files read from %s", checked, root)
	}
}
