package casefile

import (
	"regexp"
	"strings"
	"testing"
)

// planQuery is one query of list, show, search or the reminders, named by
// what runs it. The SQL comes from the constants and builders the code
// itself runs, never a copy, so a changed query is the one checked.
type planQuery struct {
	name string
	sql  string
	// scans are the tables this query may scan in full, each with why.
	scans map[string]string
}

func planQueries(t *testing.T) []planQuery {
	t.Helper()
	list := func(f ListFilter) string {
		q, _, err := listQuery(f)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	// list walks the cases newest first, reading each case's promises by
	// index, and stops at its limit (50 by default): a scan in rowid order
	// that ends early, not a read of the whole table. With --limit 0 it
	// is the whole table because every case is printed.
	listScan := map[string]string{"cases": "newest first up to the limit, or every case when all are listed"}
	active, activeContacts, activePromises, activeTickets, _ := activeQueries(0)
	one, oneContacts, onePromises, oneTickets, _ := activeQueries(7)
	activeEscalations, _ := activeEscalationsQuery(0)
	overdue, window, later := listRemindersQueries(false, " AND ?3 = 0")
	overdueCase, windowCase, _ := listRemindersQueries(true, " AND case_id = ?3")
	recordLive, recordDropped := recordQueries(" AND ?2 = 0", " AND ?2 = 0")
	recordLiveCase, _ := recordQueries(" AND r.case_id = ?2", " AND case_id = ?2")
	return []planQuery{
		{name: "list", sql: list(ListFilter{Limit: 51}), scans: listScan},
		{name: "list --all", sql: list(ListFilter{All: true, Limit: 51}), scans: listScan},
		{name: "list --all --limit 0", sql: list(ListFilter{All: true}), scans: listScan},
		{name: "list --status", sql: list(ListFilter{Status: StatusWaiting, Limit: 51})},
		{name: "list --company", sql: list(ListFilter{Company: "acme", Limit: 51})},
		{name: "show: case", sql: qCase},
		{name: "show: contacts", sql: contactsQuery(contactsOfCase)},
		{name: "show: promises", sql: promisesQuery(promisesOfCase)},
		{name: "show: tickets", sql: qCaseTickets},
		{name: "show: notes", sql: qCaseNotes},
		{name: "sheet, script: newest notes", sql: qNewestNotes},
		{name: "sheet, script: count of notes", sql: qCountNotes},
		{name: "show: refs", sql: qCaseRefs},
		{name: "show: evidence", sql: evidenceQuery(evidenceOfCase)},
		{name: "show: prep", sql: qCasePrep},
		{name: "show: prep steps", sql: qCasePrepSteps},
		{name: "show: extensions", sql: qCaseExtensions},
		{name: "history", sql: "SELECT " + historyColumns + " FROM history WHERE " + qCaseHistory},
		{name: "undo: last change", sql: undoQuery + " AND case_id = ? ORDER BY change DESC LIMIT 1"},
		// found and top are the candidates of the ranking, bounded by
		// construction: TestSearchPlanIsBounded checks each read of the
		// index behind them.
		{name: "search: rank", sql: qSearchRank, scans: map[string]string{
			"found": "at most searchNewest + 5 × searchPerKind candidates"}},
		{name: "search: snippets", sql: qSearchHits, scans: map[string]string{
			"json_each": "the hits' rowids, at most the limit"}},
		// A label is matched anywhere in it (LIKE '%…%'), which no B-tree
		// index can answer; account references are a few per case and
		// outside the full-text index on purpose (a snippet must never
		// show one). BENCHMARKS.md gives the cost.
		{name: "search: refs", sql: qSearchRefs, scans: map[string]string{"account_refs": "label substring match"}},
		{name: "reminders: cases", sql: active},
		{name: "reminders: contacts", sql: activeContacts},
		{name: "reminders: promises", sql: activePromises},
		{name: "reminders: tickets", sql: activeTickets},
		{name: "reminders: escalations", sql: activeEscalations},
		{name: "reminders --case: case", sql: one},
		{name: "reminders --case: contacts", sql: oneContacts},
		{name: "reminders --case: promises", sql: onePromises},
		{name: "reminders --case: tickets", sql: oneTickets},
		{name: "remind list: overdue", sql: overdue},
		{name: "remind list: window", sql: window},
		{name: "remind list: overdue, counted", sql: cappedCount(overdue, DefaultCountCap)},
		{name: "remind list: window, counted", sql: cappedCount(window, DefaultCountCap)},
		{name: "remind list --case: overdue", sql: overdueCase},
		{name: "remind list --case: window", sql: windowCase},
		{name: "remind list: later, counted", sql: cappedCount(later, DefaultCountCap)},
		// export writes every stored reminder, soonest first: it reads
		// the whole table in the order of its index, by design.
		{name: "remind export: rows", sql: exportRowsQuery(" AND ?2 = 0"), scans: map[string]string{"case_reminders": "every reminder is exported"}},
		{name: "remind export --case: rows", sql: exportRowsQuery(" AND r.case_id = ?2")},
		{name: "remind export: dropped", sql: droppedQuery(" AND ?2 = 0")},
		{name: "remind export: record", sql: recordLive, scans: map[string]string{"case_reminders": "every reminder is exported"}},
		{name: "remind export --case: record", sql: recordLiveCase},
		{name: "remind export: cancel", sql: recordDropped},
		{name: "reminders: export state", sql: exportRecordsQuery(0)},
		{name: "reminders --case: export state", sql: exportRecordsQuery(7)},
	}
}

// aliasRe finds "FROM table alias" and "JOIN table alias", so a plan line
// about alias c can be traced to table cases.
var aliasRe = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?`)

// scanRe is a plan line that reads a table or an index from end to end.
// "SEARCH" lines (an index lookup) are what a query should be made of.
var scanRe = regexp.MustCompile(`^SCAN (\w+)(.*)$`)

// TestQueryPlans runs EXPLAIN QUERY PLAN over every query of list, show,
// search and the reminders and fails on a full scan of a table, which on
// a case file of 10,000 cases and 200,000 notes is what makes a command
// slow. A scan of a covering index counts too: it still reads every entry.
// Allowed: the full-text table when the scan is its MATCH lookup (FTS5
// shows every virtual-table access as SCAN; idxStr "M" is the MATCH
// constraint, which reads the index, not the table), and the scans a query
// lists with its reason. The planner's choice depends on the schema, not
// the rows (redress never runs ANALYZE), so an empty case file gives the
// plans a large one gets.
func TestQueryPlans(t *testing.T) {
	s := openTemp(t)
	for _, q := range planQueries(t) {
		scans, plan := fullScans(t, s, q)
		for _, sc := range scans {
			t.Errorf("%s: full scan of %s; plan:\n  %s\nquery:\n%s", q.name, sc, strings.Join(plan, "\n  "), q.sql)
		}
	}
}

// TestQueryPlansCatchAScan makes sure the check above can fail: a note
// found by its text, a covering-index scan, and the full-text table read
// without MATCH are all full scans.
func TestQueryPlansCatchAScan(t *testing.T) {
	s := openTemp(t)
	for _, q := range []planQuery{
		{name: "notes by text", sql: "SELECT id FROM notes n WHERE n.text = ?"},
		{name: "contacts by date", sql: "SELECT case_id, at FROM contacts ORDER BY case_id"},
		{name: "search without MATCH", sql: "SELECT rowid FROM search WHERE case_id = ?"},
		{name: "allowed elsewhere, not here", sql: qSearchRefs},
	} {
		if scans, plan := fullScans(t, s, q); len(scans) == 0 {
			t.Errorf("%s: no full scan found in plan:\n  %s", q.name, strings.Join(plan, "\n  "))
		}
	}
}

// fullScans explains q and returns the tables it scans in full that q
// does not allow, and the plan.
func fullScans(t *testing.T, s *Store, q planQuery) (scans, plan []string) {
	t.Helper()
	aliases := map[string]string{}
	for _, m := range aliasRe.FindAllStringSubmatch(q.sql, -1) {
		aliases[m[1]] = m[1]
		if m[2] != "" && !isKeyword(m[2]) {
			aliases[m[2]] = m[1]
		}
	}
	args := make([]any, paramCount(q.sql))
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+q.sql, args...)
	if err != nil {
		t.Fatalf("%s: %v\n%s", q.name, err, q.sql)
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	for _, line := range plan {
		m := scanRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		table := aliases[m[1]]
		if table == "" {
			table = m[1]
		}
		switch {
		case table == "search" && strings.HasPrefix(m[2], " VIRTUAL TABLE INDEX ") &&
			strings.Contains(m[2][strings.Index(m[2], ":")+1:], "M"):
			continue
		case q.scans[table] != "":
			continue
		}
		scans = append(scans, table+" ("+line+")")
	}
	return scans, plan
}

// numberedRe is a numbered parameter (?1); a query that uses them may use
// each more than once.
var numberedRe = regexp.MustCompile(`\?(\d+)`)

// paramCount is how many arguments q takes.
func paramCount(q string) int {
	n := 0
	for _, m := range numberedRe.FindAllStringSubmatch(q, -1) {
		n = max(n, atoi(m[1]))
	}
	if n > 0 {
		return n
	}
	return strings.Count(q, "?")
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// ftsAccessRe is a read of the full-text table in a plan: FTS5 reports
// its choice as idxNum:idxStr. In idxNum, 0x40 says FTS5 returns the
// rows in rowid order itself (so a LIMIT stops the read early); in
// idxStr, "M" is the MATCH, "=" a rowid, "<" and ">" a rowid range.
var ftsAccessRe = regexp.MustCompile(`^SCAN (\w+) VIRTUAL TABLE INDEX (\d+):(\S*)$`)

// TestSearchPlanIsBounded checks that search reads a bounded number of
// matches whatever the word: every read of the full-text index is in
// rowid order under a LIMIT, a rowid range, or one rowid. A read with
// MATCH alone would visit every match (50,000 for "refund" in the bench
// file), which is what ranking all matches with bm25 did.
func TestSearchPlanIsBounded(t *testing.T) {
	s := openTemp(t)
	check := func(name, q string) (unbounded []string) {
		_, plan := fullScans(t, s, planQuery{name: name, sql: q, scans: map[string]string{"found": "-", "top": "-", "search": "-", "s": "-"}})
		reads := 0
		for _, line := range plan {
			m := ftsAccessRe.FindStringSubmatch(line)
			if m == nil || m[1] != "search" && m[1] != "s" {
				continue
			}
			reads++
			idxNum, idxStr := atoi(m[2]), m[3]
			ordered := idxNum&0x40 != 0
			ranged := strings.Contains(idxStr, "<") && strings.Contains(idxStr, ">")
			one := strings.Contains(idxStr, "=")
			if !ordered && !ranged && !one {
				unbounded = append(unbounded, line)
			}
		}
		if reads == 0 {
			t.Fatalf("%s: no read of the full-text index in plan:\n  %s", name, strings.Join(plan, "\n  "))
		}
		return unbounded
	}
	for name, q := range map[string]string{"rank": qSearchRank, "snippets": qSearchHits} {
		if u := check(name, q); len(u) > 0 {
			t.Errorf("search %s reads every match: %v", name, u)
		}
	}
	// The check can fail: the ranking it replaced read every match.
	old := `SELECT s.rowid, c.id, snippet(search, 0, '[', ']', '…', 12)
		FROM search s JOIN cases c ON c.id = s.case_id WHERE search MATCH ? ORDER BY rank LIMIT ?`
	if u := check("bm25 over all matches", old); len(u) == 0 {
		t.Error("ranking every match was not caught")
	}
}

func isKeyword(w string) bool {
	switch strings.ToUpper(w) {
	case "WHERE", "ON", "LEFT", "JOIN", "ORDER", "GROUP", "LIMIT", "USING":
		return true
	}
	return false
}
