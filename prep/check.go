package prep

import "strings"

// RenderCheck prints the readiness list in lang, ending with whether the
// case is ready (footer) or not.
func RenderCheck(lang string, items []Item, footer bool) (string, error) {
	out, err := Render(lang, "check", struct {
		Items  []Item
		Ready  bool
		Footer bool
	}{items, Ready(items), footer})
	return strings.Trim(out, "\n") + "\n", err
}
