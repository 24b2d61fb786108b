// Package prep turns a case into what the customer reads and says: the
// nine-tip checklist, the call sheet, the read-back summary and the
// escalation scripts and letters. Everything here is a pure function of a
// case and a clock; the wording lives in the words package, prep/text.
package prep

import (
	"text/template"

	"github.com/redress-cli/redress/prep/text"
)

// Langs are the languages every template exists in.
var Langs = text.Langs

// Render executes the template text/<lang>/<name>.tmpl with data.
func Render(lang, name string, data any) (string, error) { return text.Render(lang, name, data) }

// RenderPart executes one {{define}} block of text/<lang>/<file>.tmpl.
func RenderPart(lang, file, part string, data any) (string, error) {
	return text.RenderPart(lang, file, part, data)
}

// TemplateNames lists the templates of a language.
func TemplateNames(lang string) ([]string, error) { return text.TemplateNames(lang) }

// DefinedNames lists the {{define}} blocks of one template file.
func DefinedNames(lang, name string) ([]string, error) { return text.DefinedNames(lang, name) }

func load(lang, name string) (*template.Template, error) { return text.Load(lang, name) }
