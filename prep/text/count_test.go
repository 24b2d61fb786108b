package text

import (
	"regexp"
	"strings"
	"testing"
)

// TestCountsAgreeWithTheirNouns: a count is never followed by a noun in
// the wrong number ("1 tickets", "1 promises"): Count picks the singular
// or plural message, and no English catalog line puts a bare %d before a
// plural noun unless it has a _1 sibling or counts only two or more.
func TestCountsAgreeWithTheirNouns(t *testing.T) {
	for _, c := range []struct {
		key  string
		n    int
		want string
	}{
		{"cnt_ticket", 1, "1 ticket"}, {"cnt_ticket", 0, "0 tickets"}, {"cnt_promise", 2, "2 promises"},
		{"cnt_case", 1, "1 case"}, {"cnt_reminder", 1, "1 reminder"}, {"cnt_reminder", 3, "3 reminders"},
	} {
		if got := Count("en", c.key, c.n); got != c.want {
			t.Errorf("Count(en, %s, %d) = %q, want %q", c.key, c.n, got, c.want)
		}
	}
	if got := Count("ko", "cnt_ticket", 1); got != "접수번호 1건" {
		t.Errorf("Count(ko, cnt_ticket, 1) = %q", got)
	}
	recap := Msgf("en", "call_recap", 4, 12, 3, Count("en", "cnt_ticket", 1), Count("en", "cnt_promise", 1), 1)
	if strings.Contains(recap, "1 tickets") || strings.Contains(recap, "1 promises") || !strings.Contains(recap, "1 ticket, 1 promise") {
		t.Errorf("call recap: %q", recap)
	}
	// Lines that may only ever count two or more (the caller says so).
	twoOrMore := map[string]bool{"in_days": true, "extended_again": true, "err_calendars_found": true, "push_several": true,
		"form_select_up_to": true}
	plural := regexp.MustCompile(`%(\[\d\])?d (cases|tickets|promises|reminders|days|notes|steps|calendars|times|contacts|entries|points|answers|channels|options)\b|\(s\)`)
	for key, line := range catalogOf(t, "en", "messages") {
		if plural.MatchString(line) && !twoOrMore[key] && !strings.HasSuffix(key, "_n") {
			t.Errorf("en messages %s puts a count before a plural noun with no singular: %q", key, line)
		}
	}
}

func catalogOf(t *testing.T, lang, name string) map[string]string {
	t.Helper()
	c, err := Catalog(lang, name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
