package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/olebedev/when/rules"
)

// koreanRuleMakers make the rules that teach when the Korean phrases
// people use for due dates, in the order they apply.
// when takes a match's span from its first capture to its last, so each
// pattern is one outer group ending in an empty group "()".
// Go's \W is ASCII-only, so these rules do not demand word boundaries; the
// phrases are distinctive enough without them.
// They are made on first use (see parser), not at start-up: compiling
// their expressions would cost every command, including those that read
// no date.
var koreanRuleMakers = []func() rules.Rule{koCasualDay, koWorkingDays, koAfter, koWeekOf, koBareWeekday,
	koRelativeMonthDay, koMonthDay, koNamedMonthEnd, koMonthEnd, koClock}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

var koWeekdays = map[string]time.Weekday{"일": time.Sunday, "월": time.Monday, "화": time.Tuesday,
	"수": time.Wednesday, "목": time.Thursday, "금": time.Friday, "토": time.Saturday}

// 오늘, 내일, 모레, 글피, 어제.
func koCasualDay() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((오늘|내일|모레|글피|어제|그저께|그제))()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			days := map[string]int{"오늘": 0, "내일": 1, "모레": 2, "글피": 3, "어제": -1, "그제": -2, "그저께": -2}[m.Captures[1]]
			c.Duration = time.Duration(days) * 24 * time.Hour
			return true, nil
		},
	}
}

// N일 후, N일 뒤, N주 후, N개월 뒤, N일 이내, N일 안에.
func koAfter() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((\d+)\s*(일|주일?|개월|달)\s*(?:후|뒤|이내|안에|내))()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			n, err := strconv.Atoi(m.Captures[1])
			if err != nil || n > 3660 {
				return false, nil
			}
			switch m.Captures[2] {
			case "일":
				c.Duration = time.Duration(n) * 24 * time.Hour
			case "주", "주일":
				c.Duration = time.Duration(n) * 7 * 24 * time.Hour
			default: // 개월, 달: calendar months, clamped to the month's last day
				target := time.Date(ref.Year(), ref.Month()+time.Month(n), 1, 12, 0, 0, 0, ref.Location())
				last := target.AddDate(0, 1, -1).Day()
				day := ref.Day()
				if day > last {
					day = last
				}
				c.Duration = daysTo(ref, time.Date(target.Year(), target.Month(), day, 12, 0, 0, 0, ref.Location()))
			}
			return true, nil
		},
	}
}

// 이번 주 금요일, 다음 주 금요일, 다다음 주 월요일: weeks run Monday to
// Sunday, as on Korean calendars.
func koWeekOf() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((이번|다음|다다음|지난)\s*주\s*([월화수목금토일])요일)()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			weeks := map[string]int{"이번": 0, "다음": 1, "다다음": 2, "지난": -1}[m.Captures[1]]
			wd := koWeekdays[m.Captures[2]]
			sinceMonday := (int(ref.Weekday()) + 6) % 7
			offset := (int(wd) + 6) % 7
			c.Duration = time.Duration(-sinceMonday+7*weeks+offset) * 24 * time.Hour
			return true, nil
		},
	}
}

// 금요일, 금요일까지: the next such day after today.
func koBareWeekday() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((?:^|[^주\s]\s*|\s)([월화수목금토일])요일)()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			if c.Duration != 0 { // 다음 주 금요일 already placed it
				return false, nil
			}
			diff := (int(koWeekdays[m.Captures[1]]) - int(ref.Weekday()) + 7) % 7
			if diff == 0 {
				diff = 7
			}
			c.Duration = time.Duration(diff) * 24 * time.Hour
			return true, nil
		},
	}
}

// 12월 5일, 2026년 12월 5일. Without a year, the nearest such date.
func koMonthDay() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일)()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			mo, d := atoi(m.Captures[2]), atoi(m.Captures[3])
			y := ref.Year()
			if m.Captures[1] != "" {
				y = atoi(m.Captures[1])
			}
			if !validDay(y, mo, d) && (m.Captures[1] != "" || !validDay(y+1, mo, d)) {
				return false, nil
			}
			target := nearest(y, mo, d, m.Captures[1] != "", ref, false).Time(ref.Location())
			c.Duration = daysTo(ref, target)
			return true, nil
		},
	}
}

// 월말, 이달 말, 이번 달 말, 다음 달 말.
func koMonthEnd() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((월말|이달\s*말|이번\s*달\s*말|다음\s*달\s*말))()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			ahead := 0
			if m.Captures[1][0] == "다"[0] {
				ahead = 1
			}
			c.Duration = daysTo(ref, lastOfMonth(ref, ahead))
			return true, nil
		},
	}
}

// 오후 3시, 오전 10시 30분, 3시 반, 15시, 정오.
func koClock() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((?:(오전|오후)\s*)?(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분|\s*(반))?|(정오))()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			h, mi := atoi(m.Captures[2]), atoi(m.Captures[3])
			if m.Captures[4] != "" {
				mi = 30
			}
			if m.Captures[5] != "" {
				h, mi = 12, 0
			}
			if m.Captures[1] == "오후" && h < 12 {
				h += 12
			}
			if m.Captures[1] == "오전" && h == 12 {
				h = 0
			}
			if h > 23 || mi > 59 {
				return false, nil
			}
			c.Hour, c.Minute = &h, &mi
			zero := 0
			c.Second = &zero
			return true, nil
		},
	}
}

// 3영업일 후, 영업일 기준 3일, 3 영업일 안에: working days, Monday to Friday.
func koWorkingDays() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((?:영업일\s*기준\s*(\d+)\s*일|(\d+)\s*영업일)\s*(?:후|뒤|이내|안에|내)?)()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			n := atoi(m.Captures[1] + m.Captures[2])
			if n < 1 || n > 3660 {
				return false, nil
			}
			c.Duration = daysTo(ref, addWorkingDays(ref, n))
			return true, nil
		},
	}
}

// 내년 3월 2일, 올해 12월 5일, 다음 달 5일, 이번 달 25일.
func koRelativeMonthDay() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((?:(내년|올해|작년)\s*(\d{1,2})\s*월|(다음\s*달|이번\s*달|이달|지난\s*달))\s*(\d{1,2})\s*일)()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			y, mo, d := ref.Year(), int(ref.Month()), atoi(m.Captures[4])
			named := atoi(m.Captures[2])
			if m.Captures[2] != "" && (named < 1 || named > 12) {
				return false, nil
			}
			switch strings.Join(strings.Fields(m.Captures[1]+m.Captures[3]), "") {
			case "내년":
				y, mo = y+1, named
			case "올해":
				mo = named
			case "작년":
				y, mo = y-1, named
			case "다음달":
				mo++
			case "지난달":
				mo--
			}
			first := time.Date(y, time.Month(mo), 1, 12, 0, 0, 0, ref.Location())
			if !validDay(first.Year(), int(first.Month()), d) {
				return false, nil
			}
			c.Duration = daysTo(ref, time.Date(first.Year(), first.Month(), d, 12, 0, 0, 0, ref.Location()))
			return true, nil
		},
	}
}

// 12월 말, 2027년 1월 말: the last day of that month, this year or, once
// it has passed, next year.
func koNamedMonthEnd() rules.Rule {
	return &rules.F{
		RegExp: regexp.MustCompile(`((?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*말)()`),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, ref time.Time) (bool, error) {
			mo := atoi(m.Captures[2])
			if mo < 1 || mo > 12 {
				return false, nil
			}
			y := ref.Year()
			if m.Captures[1] != "" {
				y = atoi(m.Captures[1])
			} else if mo < int(ref.Month()) {
				y++
			}
			last := time.Date(y, time.Month(mo)+1, 0, 12, 0, 0, 0, ref.Location())
			c.Duration = daysTo(ref, last)
			return true, nil
		},
	}
}
