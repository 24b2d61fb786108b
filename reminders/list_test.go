package reminders

import (
	"testing"

	"github.com/redress-cli/redress/casefile"
)

func TestSelectKeepsOverdueAndTheNextDays(t *testing.T) {
	dated := func(id int64, days int, st Status) Dated {
		return Dated{Reminder: Reminder{EntryID: id, At: casefile.DateOnly(2026, 11, 23).AddDays(days)}, Days: days, Status: st}
	}
	list := []Dated{
		dated(1, -40, StatusOverdue), dated(2, -1, StatusOverdue), dated(3, 0, StatusToday),
		dated(4, 14, StatusUpcoming), dated(5, 15, StatusUpcoming), dated(6, 90, StatusUpcoming),
	}
	ids := func(s Selection) (out []int64) {
		for _, d := range s.Shown {
			out = append(out, d.EntryID)
		}
		return out
	}
	for _, c := range []struct {
		name       string
		all        bool
		days       int
		limit      int
		want       []int64
		later, cut int
	}{
		{"default", false, DefaultDays, 0, []int64{1, 2, 3, 4}, 2, 0},
		{"until today", false, 0, 0, []int64{1, 2, 3}, 3, 0},
		{"until yesterday keeps the overdue", false, -1, 0, []int64{1, 2}, 4, 0},
		{"all", true, 0, 0, []int64{1, 2, 3, 4, 5, 6}, 0, 0},
		{"limit", false, DefaultDays, 3, []int64{1, 2, 3}, 2, 1},
		{"all with a limit", true, 0, 5, []int64{1, 2, 3, 4, 5}, 0, 1},
	} {
		s := Select(list, c.all, c.days, c.limit)
		if got := ids(s); !equal(got, c.want) || s.Later != c.later || s.Cut != c.cut {
			t.Errorf("%s: shown %v later %d cut %d; want %v, %d, %d", c.name, got, s.Later, s.Cut, c.want, c.later, c.cut)
		}
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
