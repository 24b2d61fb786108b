package casefile

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// A case file of the schema before superseded opens with each stored
// due-day reminder carrying its follow-up's start, every other row none,
// and the rows kept under their stamp (no rebuild).
func TestSupersededFilledOnUpgrade(t *testing.T) {
	s, _ := upgraded(t, "reminder_superseded", `UPDATE case_reminders_stamp SET stamp = 'UTC/x rules-2/y';
		INSERT INTO case_reminders (uid, case_id, rule, entry_id, at, start, listed_overdue, lang, summary, description, next, hash) VALUES
		('case-1-promise-1-due@f.redress', 1, 'promise-due', 1, '2026-11-27', 1000, 1, 'en', 's', 'd', 'n', 'h1'),
		('case-1-promise-1-followup@f.redress', 1, 'promise-followup', 1, '2026-11-30', 2000, 1, 'en', 's', 'd', 'n', 'h2'),
		('case-1-promise-2-due@f.redress', 1, 'promise-due', 2, '2026-12-01', 3000, 1, 'en', 's', 'd', 'n', 'h3'),
		('case-1-ticket-1-expected@f.redress', 1, 'ticket-expected', 1, '2026-12-02', 4000, 1, 'en', 's', 'd', 'n', 'h4')`)
	rows, err := s.db.Query(`SELECT uid, superseded FROM case_reminders ORDER BY start`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var uid string
		var sup int64
		if err := rows.Scan(&uid, &sup); err != nil {
			t.Fatal(err)
		}
		if sup == math.MaxInt64 {
			got = append(got, uid+" none")
		} else {
			got = append(got, fmt.Sprintf("%s %d", uid, sup))
		}
	}
	want := "case-1-promise-1-due@f.redress 2000, case-1-promise-1-followup@f.redress none, " +
		"case-1-promise-2-due@f.redress none, case-1-ticket-1-expected@f.redress none"
	if strings.Join(got, ", ") != want {
		t.Fatalf("after the upgrade:\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
	var stamp string
	if err := s.db.QueryRow(`SELECT stamp FROM case_reminders_stamp`).Scan(&stamp); err != nil || stamp != "UTC/x rules-2/y" {
		t.Fatalf("stamp %q (%v): the upgrade should keep the rows, not rebuild them", stamp, err)
	}
}

// The count of the overdue rows a screenful leaves out reads the small
// index of the overdue rows alone: no row of the table, and no lookup of
// each due-day row's follow-up.
func TestRemindListOverdueCountReadsOnlyItsIndex(t *testing.T) {
	s := openTemp(t)
	overdue, _, _ := listRemindersQueries(true, " AND ?3 = 0")
	q := planQuery{name: "remind list: overdue, counted", sql: cappedCount(overdue, DefaultCountCap)}
	scans, plan := fullScans(t, s, q)
	// The count stops at the cap: a subquery with a LIMIT, read as it
	// is made (the co-routine), around the one search of the index.
	var reads []string
	for _, line := range plan {
		if !strings.HasPrefix(line, "CO-ROUTINE (subquery-") && !strings.HasPrefix(line, "SCAN (subquery-") {
			reads = append(reads, line)
		}
	}
	if len(scans) > 0 || len(reads) != 1 || reads[0] != "SEARCH r USING COVERING INDEX case_reminders_overdue (start<?)" {
		t.Fatalf("plan:\n  %s\nquery:\n%s", strings.Join(plan, "\n  "), q.sql)
	}
}
