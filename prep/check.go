package prep

import "strings"

// RenderCheck prints the readiness list in lang.
func RenderCheck(lang string, items []Item) (string, error) {
	out, err := Render(lang, "check", struct {
		Items []Item
		Ready bool
	}{items, Ready(items)})
	return strings.TrimLeft(out, "\n"), err
}
