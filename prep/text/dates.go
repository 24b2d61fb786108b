package text

import (
	"fmt"
	"time"

	"github.com/redress-cli/redress/casefile"
)

var koWeekday = [...]string{"일", "월", "화", "수", "목", "금", "토"}

// FormatDate prints a date with its weekday, so a misread date is caught on
// the spot: "Mon 14 Dec 2026" / "2026년 12월 14일(월)", plus the time of day
// for date-times. A new language adds its wording here.
func FormatDate(lang string, d casefile.Date, loc *time.Location) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time(loc)
	var s string
	if lang == "ko" {
		s = fmt.Sprintf("%d년 %d월 %d일(%s)", t.Year(), t.Month(), t.Day(), koWeekday[t.Weekday()])
	} else {
		s = t.Format("Mon 2 Jan 2006")
	}
	if d.HasTime() {
		s += " " + t.Format("15:04")
	}
	return s
}

// FormatShortDate is FormatDate without the year when it is now's year,
// for tables and timelines.
func FormatShortDate(lang string, d casefile.Date, now time.Time, loc *time.Location) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time(loc)
	if t.Year() != now.In(loc).Year() {
		return FormatDate(lang, d, loc)
	}
	var s string
	if lang == "ko" {
		s = fmt.Sprintf("%d월 %d일(%s)", t.Month(), t.Day(), koWeekday[t.Weekday()])
	} else {
		s = t.Format("Mon 2 Jan")
	}
	if d.HasTime() {
		s += " " + t.Format("15:04")
	}
	return s
}

// FormatLetterDate is how a letter writes a date: "14 December 2026" in
// English (no weekday, as letters are dated), "2026년 12월 14일(월)" in
// Korean, where the weekday is usual in a deadline.
func FormatLetterDate(lang string, d casefile.Date, loc *time.Location) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time(loc)
	if lang == "ko" {
		return fmt.Sprintf("%d년 %d월 %d일(%s)", t.Year(), t.Month(), t.Day(), koWeekday[t.Weekday()])
	}
	return t.Format("2 January 2006")
}
