package prep

import (
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep/text"
)

// FormatDate prints a date with its weekday (text.FormatDate).
func FormatDate(lang string, d casefile.Date, loc *time.Location) string {
	return text.FormatDate(lang, d, loc)
}

// FormatShortDate is FormatDate without the year when it is now's year.
func FormatShortDate(lang string, d casefile.Date, now time.Time, loc *time.Location) string {
	return text.FormatShortDate(lang, d, now, loc)
}

// FormatLetterDate is a date as letters write it (text.FormatLetterDate).
func FormatLetterDate(lang string, d casefile.Date, loc *time.Location) string {
	return text.FormatLetterDate(lang, d, loc)
}
