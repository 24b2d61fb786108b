package text

import "github.com/redress-cli/redress/casefile"

// The errors of casefile and the packages over it carry a catalog key and
// its arguments (casefile.Message and the typed errors); their Error() is
// the English message of this catalog.
func init() {
	casefile.Say = func(key string, args ...any) string { return Msgf("en", key, args...) }
}
