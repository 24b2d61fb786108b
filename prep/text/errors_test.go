package text_test

import (
	"fmt"
	"testing"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/prep/text"
)

// TestErrorsReadAsTheCatalog: casefile's errors hold a catalog key and its
// arguments; once the words room is loaded their Error() is the English
// message, verbs filled, as the commands print it in English.
func TestErrorsReadAsTheCatalog(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{casefile.ErrDamaged, text.Msg("en", "err_damaged")},
		{casefile.NewMessage("reply_too_big", 5), text.Msgf("en", "reply_too_big", 5)},
		{&casefile.MoneyError{Input: "49.90", Kind: "no-currency"}, `"49.90" has no currency: add its code, e.g. EUR`},
		{&casefile.MoneyError{Input: "forty", Kind: "something new"}, `cannot read the amount "forty"`},
		{&casefile.CountError{Field: "return-days", Input: "-3", Max: 365}, `return-days: "-3" is not a whole number from 0 to 365`},
		{&dates.UnreadableError{Input: "next blue"}, `cannot read the date "next blue"`},
		{fmt.Errorf("--due: %w", &dates.UnreadableError{Input: "x"}), `--due: cannot read the date "x"`},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}
