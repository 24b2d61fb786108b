package text

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestParity is the one parity test of every language file: the same
// catalogs with the same keys, each message with the same format verbs for
// the same arguments, and the same template files with the same {{define}}
// blocks, as English.
func TestParity(t *testing.T) {
	if len(Langs) < 2 || Langs[0] != "en" {
		t.Fatalf("languages: %v", Langs)
	}
	enCats, err := CatalogNames("en")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(enCats, []string{"messages", "reminders"}) || !slices.Equal(enCats, sorted(Catalogs)) {
		t.Errorf("en catalogs %v, Catalogs %v", enCats, Catalogs)
	}
	enTmpl, err := TemplateNames("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs[1:] {
		cats, err := CatalogNames(lang)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(cats, enCats) {
			t.Errorf("%s catalogs %v, en %v", lang, cats, enCats)
		}
		for _, name := range enCats {
			en, err := Catalog("en", name)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Catalog(lang, name)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range slices.Sorted(maps.Keys(en)) {
				v, ok := m[k]
				if !ok {
					t.Errorf("%s/%s has no %q", lang, name, k)
					continue
				}
				if a, b := verbs(en[k]), verbs(v); a != b {
					t.Errorf("%s/%s %s: verbs %s, en %s", lang, name, k, b, a)
				}
			}
			for k := range m {
				if _, ok := en[k]; !ok {
					t.Errorf("%s/%s has %q that English lacks", lang, name, k)
				}
			}
		}
		enData, _ := DataFiles("en")
		if data, _ := DataFiles(lang); !slices.Equal(data, enData) {
			t.Errorf("%s data files %v, en %v", lang, data, enData)
		}
		names, err := TemplateNames(lang)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(names, enTmpl) {
			t.Errorf("%s templates %v, en %v", lang, names, enTmpl)
			continue
		}
		for _, n := range enTmpl {
			want, err := DefinedNames("en", n)
			if err != nil {
				t.Fatal(err)
			}
			got, err := DefinedNames(lang, n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s/%s defines %v, en defines %v", lang, n, got, want)
			}
		}
	}
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

var directive = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// verbs describes the directives of a format as "arg:verb" per argument,
// so "%[2]d … %[1]s" and "%s … %d" compare by the argument each verb takes.
func verbs(format string) string {
	byArg := map[int]string{}
	next := 1
	for _, m := range directive.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		if !strings.Contains(byArg[next], m[2]) { // an argument may be used twice
			byArg[next] += m[2]
		}
		next++
	}
	out := ""
	for _, k := range slices.Sorted(maps.Keys(byArg)) {
		out += fmt.Sprintf("%d:%s ", k, byArg[k])
	}
	return out
}

func TestVerbs(t *testing.T) {
	if a, b := verbs("사건 %[2]d의 %[1]d번 통화"), verbs("Call %d on case %d"); a != b {
		t.Errorf("%s != %s", a, b)
	}
	if a, b := verbs("%s of %d"), verbs("%d의 %s"); a == b {
		t.Errorf("swapped verbs compare equal: %s", a)
	}
	if v := verbs("100%% %q"); v != "1:q " {
		t.Errorf("verbs = %q", v)
	}
}

func TestCatalogRejectsDuplicatesAndBadLines(t *testing.T) {
	if _, err := parseCatalog([]byte("a = \"x\"\na = \"y\"\n")); err == nil {
		t.Error("a key given twice was accepted")
	}
	if _, err := parseCatalog([]byte("a = x\n")); err == nil {
		t.Error("an unquoted value was accepted")
	}
	m, err := parseCatalog([]byte("# comment\n\nask = \"언제까지입니까? \"\n"))
	if err != nil || m["ask"] != "언제까지입니까? " {
		t.Errorf("got %q, %v", m, err)
	}
}

var (
	bothForms = regexp.MustCompile(`\(으\)|이\(가\)|을\(를\)|은\(는\)|과\(와\)|\(이\)|\(을\)|\(은\)|\(과\)|\(가\)|\(를\)|\(는\)|\(와\)`)
	// a particle right after a format verb, in a catalog
	verbParticle = regexp.MustCompile(`%(?:\[\d+\])?[sdvq](?:이|가|은|는|을|를|과|와|로|으로)(?:[\s,.!?)」]|$)`)
	// a particle right after a template action that prints a field
	fieldParticle = regexp.MustCompile(`\{\{-?\s*\.[A-Za-z.]+\s*-?\}\}(?:이|가|은|는|을|를|과|와|로|으로)(?:[\s,.!?)」]|$)`)
	// a particle after a quotation that ends in variable text: the
	// particle reads the quoted text ('redress next 3'으로), so it varies
	quotedParticle = regexp.MustCompile(`(?:\}\}|%(?:\[\d+\])?[sdqv])['"’”」]+(?:이|가|은|는|을|를|과|와|로|으로)(?:[\s,.!?)」]|$)`)
)

// TestKoreanParticlesComeFromTheHelper: no Korean file prints both forms
// of a particle ("(으)로", "이(가)") or a fixed particle after variable
// text; those go through josa (korean.go).
func TestKoreanParticlesComeFromTheHelper(t *testing.T) {
	for _, kind := range []struct {
		list func(string) ([]string, error)
		ext  string
		re   *regexp.Regexp
	}{{CatalogNames, ".txt", verbParticle}, {TemplateNames, ".tmpl", fieldParticle}} {
		names, err := kind.list("ko")
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			src, err := Source("ko", n+kind.ext)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range regexp.MustCompile("\n").Split(string(src), -1) {
				if strings.HasPrefix(strings.TrimSpace(line), "#") && kind.ext == ".txt" {
					continue // a comment of a catalog
				}
				if m := bothForms.FindString(line); m != "" {
					t.Errorf("ko/%s%s:%d prints %q", n, kind.ext, i+1, m)
				}
				if m := quotedParticle.FindString(line); m != "" {
					t.Errorf("ko/%s%s:%d has a fixed particle after a quotation ending in variable text: %q", n, kind.ext, i+1, m)
				}
				if m := kind.re.FindString(line); m != "" {
					t.Errorf("ko/%s%s:%d has a fixed particle after variable text: %q", n, kind.ext, i+1, m)
				}
			}
		}
	}
}
