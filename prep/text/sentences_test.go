package text

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNoSentenceOutsideTheWords is the check that every user-visible
// sentence lives here, in a catalog or a template, and not in a Go string
// literal elsewhere. It reads every non-test Go file of the module and
// reports a literal that reads as words (two words of letters, or any
// Hangul):
//
//   - anywhere in package main (cmd/redress), except the help text cobra
//     prints (the Use, Short, Long and Example fields of a cobra.Command,
//     and the usage string of a flag definition), which stays English;
//   - elsewhere, when it is passed to a function that prints or makes an
//     error (fmt.Errorf, errors.New, fmt's Print and Sprint families,
//     io.WriteString), or set as a field that carries a message (Msg,
//     Message, Detail, Reason, Hint).
//
// The escape hatch is a comment `words:ok <why>` on the same line or the
// line above, for words that are not prose: a MIME type, an SQL statement,
// a regular expression, an error no user sees because the command maps it
// to a message of the catalog. Each use says why.
func TestNoSentenceOutsideTheWords(t *testing.T) {
	root := moduleRoot(t)
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			switch {
			case rel == "prep/text", strings.HasPrefix(d.Name(), "."), d.Name() == "testdata",
				// the benchmark generator writes made-up case data, not messages;
				// the floor and the runner of make bench print SQL output and a
				// table for developers, not redress's words
				rel == "casefile/benchgen", rel == "cmd/redress-benchgen",
				rel == "cmd/redress-benchfloor", rel == "cmd/redress-benchrun":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		found = append(found, sentencesIn(t, root, rel)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Error(f)
	}
	if len(found) > 0 {
		t.Logf("move these into prep/text/<lang>/*.txt (or mark a literal that is not prose with // words:ok <why>)")
	}
}

var prose = regexp.MustCompile(`\p{Hangul}|[A-Za-z]{2,}[ ,;]+['"(A-Za-z]{2,}`)

// messageFields are struct fields that carry a message to the user.
var messageFields = map[string]bool{"Msg": true, "Message": true, "Detail": true, "Reason": true, "Hint": true}

// printers are the calls whose string arguments reach a user.
var printers = map[string]bool{
	"fmt.Errorf": true, "errors.New": true, "fmt.Sprintf": true, "fmt.Sprint": true, "fmt.Sprintln": true,
	"fmt.Printf": true, "fmt.Println": true, "fmt.Print": true,
	"fmt.Fprintf": true, "fmt.Fprintln": true, "fmt.Fprint": true, "io.WriteString": true,
}

func sentencesIn(t *testing.T, root, rel string) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(root, rel), nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ok := map[int]bool{} // lines covered by a words:ok comment
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, "words:ok") {
				l := fset.Position(c.Pos()).Line
				ok[l], ok[l+1] = true, true
			}
		}
	}
	skip := map[ast.Node]bool{} // literals that are help text or checked elsewhere
	var out []string
	report := func(lit *ast.BasicLit) {
		if lit.Kind != token.STRING || skip[lit] {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || !prose.MatchString(s) {
			return
		}
		pos := fset.Position(lit.Pos())
		if ok[pos.Line] {
			return
		}
		out = append(out, rel+":"+strconv.Itoa(pos.Line)+": "+lit.Value)
	}
	main := f.Name.Name == "main"
	ast.Inspect(f, func(n ast.Node) bool {
		if call, isCall := n.(*ast.CallExpr); isCall {
			out = append(out, missingKeys(fset, rel, f.Name.Name, call)...)
		}
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.IMPORT {
				return false
			}
		case *ast.KeyValueExpr: // cobra.Command{Short: "..."}, FileError{Detail: "..."}
			if id, isID := n.Key.(*ast.Ident); isID && main {
				switch id.Name {
				case "Use", "Short", "Long", "Example", "Deprecated":
					return false
				}
			}
			if id, isID := n.Key.(*ast.Ident); isID && !main && messageFields[id.Name] {
				if lit, isLit := n.Value.(*ast.BasicLit); isLit {
					report(lit)
				}
			}
		case *ast.CallExpr:
			name := callName(n.Fun)
			if main && isFlagDef(name) {
				return false // a flag's usage string is help text
			}
			if !main && printers[name] {
				for _, a := range n.Args {
					ast.Inspect(a, func(m ast.Node) bool {
						if lit, isLit := m.(*ast.BasicLit); isLit {
							report(lit)
						}
						return true
					})
				}
			}
		case *ast.BasicLit:
			if main {
				report(n)
			}
		}
		return true
	})
	return out
}

// keyArg says which argument of a call names a catalog key, and in which
// catalog: w("err_missing", …), msg(lang, "today"), a.msgf("hint", …),
// text.Msg(lang, …) and the reminder builder's b.t("case", …).
func keyArg(pkg, name string) (int, string) {
	switch {
	case pkg == "main" && (name == "w" || name == ".msg" || name == ".msgf"):
		return 0, "messages"
	case pkg == "main" && (name == "msg" || name == "msgf"):
		return 1, "messages"
	case name == "text.Msg" || name == "text.Msgf":
		return 1, "messages"
	case pkg == "reminders" && name == ".t":
		return 0, "reminders"
	}
	return -1, ""
}

// missingKeys reports a catalog key named in Go that English lacks: the
// words would panic in front of a user instead of failing here.
func missingKeys(fset *token.FileSet, rel, pkg string, call *ast.CallExpr) []string {
	i, cat := keyArg(pkg, callName(call.Fun))
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	lit, ok := call.Args[i].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	key, _ := strconv.Unquote(lit.Value)
	if Has("en", cat, key) {
		return nil
	}
	return []string{rel + ":" + strconv.Itoa(fset.Position(lit.Pos()).Line) + ": no key " + lit.Value + " in en/" + cat + ".txt"}
}

func callName(fun ast.Expr) string {
	switch fn := fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			return x.Name + "." + fn.Sel.Name
		}
		return "." + fn.Sel.Name
	case *ast.Ident:
		return fn.Name
	}
	return ""
}

// isFlagDef: pflag's StringVarP, BoolVar, IntP, … (the last argument is
// the usage text).
func isFlagDef(name string) bool {
	i := strings.LastIndexByte(name, '.')
	m := name[i+1:]
	for _, typ := range []string{"String", "Bool", "Int", "Int64", "StringSlice", "StringArray", "Duration", "Count", "Float64", "Var"} {
		if strings.HasPrefix(m, typ) && (m == typ || m == typ+"P" || m == typ+"Var" || m == typ+"VarP") {
			return true
		}
	}
	return m == "VarP" || m == "MarkDeprecated"
}

func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}
