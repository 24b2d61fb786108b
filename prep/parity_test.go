package prep

import (
	"reflect"
	"testing"
)

// English and Korean must offer the same templates with the same parts,
// so no language falls back to a missing text at run time.
func TestTemplatesHaveTheSameKeysInEveryLanguage(t *testing.T) {
	en, err := TemplateNames("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs[1:] {
		other, err := TemplateNames(lang)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(en, other) {
			t.Fatalf("templates differ: en %v, %s %v", en, lang, other)
		}
		for _, name := range en {
			a, err := DefinedNames("en", name)
			if err != nil {
				t.Fatal(err)
			}
			b, err := DefinedNames(lang, name)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: en defines %v, %s defines %v", name, a, lang, b)
			}
		}
	}
}
