package reminders

import (
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep/text"
)

// The words of reminders are the catalog "reminders" of the words package
// (prep/text/<lang>/reminders.txt). Every reminder ends with the command
// to run next.
const catalog = "reminders"

func lang(l string) string { return text.Lang(l) }

func formatDate(l string, d casefile.Date, loc *time.Location) string {
	return text.FormatDate(lang(l), d, loc)
}

// formatAsideDate is a date inside a bracketed aside, as the clock lines
// put their start ("(2026년 11월 20일부터 7일)"): without a weekday in
// brackets of its own, as the call sheet writes the same lines.
func formatAsideDate(l string, d casefile.Date, loc *time.Location) string {
	return text.FormatAsideDate(lang(l), d, loc)
}
