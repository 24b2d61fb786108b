package prep

import (
	"fmt"
	"path"
)

// TextFile returns a data file kept beside the templates, text/<lang>/<name>
// (word lists and patterns that belong to a language, such as the signs a
// company's reply is graded by), so that they move with the words.
func TextFile(lang, name string) ([]byte, error) {
	b, err := textFS.ReadFile(path.Join("text", lang, name))
	if err != nil {
		return nil, fmt.Errorf("no text file %s for language %q", name, lang)
	}
	return b, nil
}
