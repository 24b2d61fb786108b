package prep

import "github.com/redress-cli/redress/prep/text"

// TextFile returns a data file kept beside the templates, text/<lang>/<name>
// (word lists and patterns that belong to a language, such as the signs a
// company's reply is graded by), so that they move with the words.
func TextFile(lang, name string) ([]byte, error) { return text.File(lang, name) }
