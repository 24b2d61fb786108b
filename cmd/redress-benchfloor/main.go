// Command redress-benchfloor is the floor `make bench` compares redress
// with: for each benchmarked command, a Go program with the same SQLite
// driver (mattn/go-sqlite3, FTS5) that runs the least SQL giving the same
// output, and prints it with fmt, nothing more. redress within 2× of it
// means redress spends its time on the data, not on itself.
//
// It imports no redress package, so its start-up is that of the driver.
// The reminders floors read a table of the reminders stored beforehand
// (redress-benchgen -floor writes it into a copy of the case file), which
// is what one indexed query over stored reminders costs.
//
// Usage: redress-benchfloor COMMAND [ARGS], with the case file in
// $REDRESS_FLOOR_DB (else $REDRESS_DB) and the clock in $REDRESS_NOW.
package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: redress-benchfloor version|list|list-json|show N|search WORD|note N TEXT|promise N TEXT DATE|remind-list|remind-export")
		os.Exit(2)
	}
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	err := run(out, os.Args[1], os.Args[2:])
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "redress-benchfloor:", err)
		os.Exit(1)
	}
}

func run(w *bufio.Writer, cmd string, args []string) error {
	if cmd == "version" {
		fmt.Fprintln(w, "redress-benchfloor")
		return nil
	}
	path := os.Getenv("REDRESS_FLOOR_DB")
	if path == "" {
		path = os.Getenv("REDRESS_DB")
	}
	// As redress opens it: a write is durable before the command ends.
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on&_busy_timeout=10000&_synchronous=FULL&_txlock=immediate")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	switch cmd {
	case "list":
		return list(w, db, " WHERE c.status NOT IN ('resolved', 'closed') ORDER BY c.id DESC LIMIT 51", false)
	case "list-json":
		return list(w, db, " ORDER BY c.id DESC", true)
	case "show":
		return show(w, db, arg(0))
	case "search":
		return search(w, db, arg(0))
	case "note":
		return write(db, `INSERT INTO notes (case_id, kind, text, at) VALUES (?1, 'timeline', ?2, ?3)`, "note",
			`json_object('case_id', ?1, 'kind', 'timeline', 'text', ?2, 'at', ?3)`, arg(0), arg(1), now())
	case "promise":
		return write(db, `INSERT INTO promises (case_id, text, due, created_at) VALUES (?1, ?2, ?3, ?4)`, "promise",
			`json_object('case_id', ?1, 'text', ?2, 'due', ?3, 'created_at', ?4)`, arg(0), arg(1), arg(2), now())
	case "remind-list":
		return remindList(w, db)
	case "remind-export":
		return remindExport(w, db)
	}
	return fmt.Errorf("unknown command %q", cmd)
}

func now() string {
	if s := os.Getenv("REDRESS_NOW"); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return time.Now().UTC().Format(time.RFC3339)
}

// write inserts one entry and its line in the case file's history (as
// redress keeps every change), in one transaction. row is the entry as
// the history stores it, in SQL over the same arguments.
func write(db *sql.DB, insert, kind, row string, args ...any) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.Exec(insert, args...)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO history (change, case_id, at, command, kind, entry_id, new)
		VALUES ((SELECT coalesce(max(change), 0) + 1 FROM history), ?1, ?`+fmt.Sprint(len(args)+2)+`, ?`+fmt.Sprint(len(args)+3)+`,
			?`+fmt.Sprint(len(args)+3)+`, ?`+fmt.Sprint(len(args)+1)+`, `+row+`)`, append(args, id, now(), kind)...); err != nil {
		return err
	}
	return tx.Commit()
}

// list is `list` (the newest 50 open cases and their next promise) and
// `list --all --limit 0 --json` (every case, every field).
func list(w *bufio.Writer, db *sql.DB, tail string, asJSON bool) error {
	rows, err := db.Query(`SELECT c.id, c.title, c.company, c.product, c.kind, c.problem, c.outcome, c.fallback, c.amount,
			c.currency, c.purchase_date, c.return_window_end, c.warranty_end, c.jurisdiction, c.lang, c.status,
			c.opened_at, c.closed_at, c.final_outcome, c.no_reply_days,
			(SELECT count(*) FROM promises p WHERE p.case_id = c.id AND p.status = 'pending'),
			coalesce(n.id, 0), coalesce(n.text, ''), coalesce(n.due, '')
		FROM cases c LEFT JOIN promises n ON n.id =
			(SELECT p.id FROM promises p WHERE p.case_id = c.id AND p.status = 'pending' ORDER BY p.due, p.id LIMIT 1)` + tail)
	if err != nil {
		return err
	}
	defer rows.Close()
	var enc *json.Encoder
	if asJSON {
		enc = json.NewEncoder(w)
		enc.SetIndent("  ", "  ")
		w.WriteString("[\n")
	}
	first := true
	for rows.Next() {
		var c struct {
			ID                                                        int64
			Title, Company, Product, Kind, Problem, Outcome, Fallback string
			Amount, Currency, Purchase, Return, Warranty, Juris       string
			Lang, Status, Opened, Closed, Final                       string
			NoReplyDays, Pending, NextID                              int64
			NextText, NextDue                                         string
		}
		if err := rows.Scan(&c.ID, &c.Title, &c.Company, &c.Product, &c.Kind, &c.Problem, &c.Outcome, &c.Fallback,
			&c.Amount, &c.Currency, &c.Purchase, &c.Return, &c.Warranty, &c.Juris, &c.Lang, &c.Status, &c.Opened,
			&c.Closed, &c.Final, &c.NoReplyDays, &c.Pending, &c.NextID, &c.NextText, &c.NextDue); err != nil {
			return err
		}
		if !asJSON {
			fmt.Fprintf(w, "%d  %s  %s  %s  %s %s\n", c.ID, c.Title, c.Company, c.Status, c.NextText, c.NextDue)
			continue
		}
		if !first {
			w.WriteString("  ,")
		}
		first = false
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	if asJSON {
		w.WriteString("]\n")
	}
	return rows.Err()
}

// show is `show N`: the case and every entry of its timeline.
func show(w *bufio.Writer, db *sql.DB, id string) error {
	var title, company, status, problem, outcome, opened string
	if err := db.QueryRow(`SELECT title, company, status, problem, outcome, opened_at FROM cases WHERE id = ?`, id).
		Scan(&title, &company, &status, &problem, &outcome, &opened); err != nil {
		return err
	}
	fmt.Fprintf(w, "#%s %s\n%s · %s · opened %s\nProblem: %s\nOutcome: %s\n", id, title, company, status, opened, problem, outcome)
	for _, q := range []string{
		`SELECT at, concat_ws(' ', channel, rep, department, summary) FROM contacts WHERE case_id = ? ORDER BY at, id`,
		`SELECT due, concat_ws(' ', text, by_rep, status) FROM promises WHERE case_id = ? ORDER BY due, id`,
		`SELECT created_at, concat_ws(' ', number, label, expected) FROM tickets WHERE case_id = ? ORDER BY created_at, id`,
		`SELECT at, text FROM notes WHERE case_id = ? ORDER BY at, id`,
		`SELECT created_at, label || ' •••• ' || substr(value, -4) FROM account_refs WHERE case_id = ? ORDER BY id`,
	} {
		rows, err := db.Query(q, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var at, text string
			if err := rows.Scan(&at, &text); err != nil {
				rows.Close()
				return err
			}
			fmt.Fprintf(w, "  %s  %s\n", at, text)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// search is `search WORD`, ranked as redress ranks (bm25 among the newest
// matches and the newest entries of each kind), in the fewest statements:
// the word spelled out as index words, the ranking, the snippets.
func search(w *bufio.Writer, db *sql.DB, word string) error {
	conn := db
	if _, err := conn.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, search, 'row')`); err != nil {
		return err
	}
	folded := strings.ToLower(word)
	rows, err := conn.Query(`SELECT '"' || term || '"' FROM temp.v WHERE term >= ? AND term <= ? LIMIT 33`, folded, folded+"\U0010FFFF")
	if err != nil {
		return err
	}
	var terms []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		terms = append(terms, t)
	}
	rows.Close()
	q := "(" + strings.Join(terms, " OR ") + ")"
	windows := `WITH found(id, score, lo, hi) AS (
		SELECT *, rowid, 9223372036854775807 FROM (SELECT rowid, bm25(search) FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 2000)`
	for _, k := range [][2]string{{"cases", "1, 6"}, {"contacts", "2"}, {"promises", "3"}, {"tickets", "4"}, {"notes", "5"}} {
		windows += fmt.Sprintf(`
		UNION ALL SELECT * FROM (SELECT rowid, bm25(search), ((SELECT max(id) FROM %[1]s) - 500) * 8 AS lo, (SELECT max(id) FROM %[1]s) * 8 + 7 AS hi
			FROM search WHERE search MATCH ?1 AND rowid BETWEEN lo AND hi AND rowid %% 8 IN (%[2]s))`, k[0], k[1])
	}
	windows += `) SELECT id, min(score) AS score, lo, hi FROM found GROUP BY id ORDER BY score, id DESC LIMIT 20`
	rows, err = conn.Query(windows, q)
	if err != nil {
		return err
	}
	// The hits of each window get their snippets from a read of that
	// window's rowids only, in rank order.
	type window struct{ lo, hi int64 }
	var order []int64
	ids := map[window][]int64{}
	for rows.Next() {
		var id, l, h int64
		var score float64
		if err := rows.Scan(&id, &score, &l, &h); err != nil {
			rows.Close()
			return err
		}
		order = append(order, id)
		win := window{l, h}
		if l == h || h == 9223372036854775807 {
			win = window{0, h} // the newest matches: one window, from the lowest hit up
		}
		ids[win] = append(ids[win], id)
	}
	rows.Close()
	lines := map[int64]string{}
	for win, list := range ids {
		lo := win.lo
		if lo == 0 {
			lo = list[0]
			for _, id := range list {
				lo = min(lo, id)
			}
		}
		js, _ := json.Marshal(list)
		rows, err = conn.Query(`SELECT s.rowid, c.id, c.title, c.status, snippet(search, 0, '[', ']', '…', 12)
			FROM search s JOIN cases c ON c.id = s.case_id
			WHERE search MATCH ?1 AND s.rowid BETWEEN ?2 AND ?3 AND +s.rowid IN (SELECT value FROM json_each(?4))`, q, lo, win.hi, string(js))
		if err != nil {
			return err
		}
		for rows.Next() {
			var rowid, caseID int64
			var title, status, snippet string
			if err := rows.Scan(&rowid, &caseID, &title, &status, &snippet); err != nil {
				rows.Close()
				return err
			}
			lines[rowid] = fmt.Sprintf("#%d %s (%s)\n    %s\n", caseID, title, status, snippet)
		}
		rows.Close()
	}
	for _, id := range order {
		w.WriteString(lines[id])
	}
	return nil
}

// remindList is `remind list`: one indexed range query over the stored
// reminders of the floor table (overdue first, then the next 14 days, the
// first 50 as redress shows by default) and a count of the rest.
func remindList(w *bufio.Writer, db *sql.DB) error {
	const limit = 50
	rows, err := db.Query(`SELECT day, days, case_id, summary, next FROM bench_floor_reminders
		WHERE shown = 1 AND day <= ? ORDER BY day, seq LIMIT ?`, floorDay(14), limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var day, summary, next string
		var days, caseID int64
		if err := rows.Scan(&day, &days, &caseID, &summary, &next); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s (%s)  %d  %s  %s\n", day, strconv.FormatInt(days, 10), caseID, summary, next)
		n++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n < limit {
		return nil
	}
	// Counted up to a cap, as redress counts what a screenful leaves out
	// (casefile.DefaultCountCap, 100; this program imports no redress package).
	var all int
	if err := db.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM bench_floor_reminders WHERE shown = 1 LIMIT ?)`,
		n+100).Scan(&all); err != nil {
		return err
	}
	fmt.Fprintf(w, "(%d more)\n", all-n)
	return nil
}

// floorDay is the local date n days after REDRESS_NOW's.
func floorDay(n int) string {
	t, err := time.Parse(time.RFC3339, os.Getenv("REDRESS_NOW"))
	if err != nil {
		t = time.Now()
	}
	return t.Local().AddDate(0, 0, n).Format("2006-01-02")
}

// remindExport is `remind export`: the stored events in date order, and
// the export state brought up to date by uid and hash, in SQL.
func remindExport(w *bufio.Writer, db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.Query(`SELECT r.ics FROM bench_floor_reminders r ORDER BY r.seq`)
	if err != nil {
		return err
	}
	w.WriteString("BEGIN:VCALENDAR\r\nCALSCALE:GREGORIAN\r\nPRODID:-//redress//redress//EN\r\nVERSION:2.0\r\n")
	for rows.Next() {
		var ics string
		if err := rows.Scan(&ics); err != nil {
			rows.Close()
			return err
		}
		w.WriteString(ics)
	}
	rows.Close()
	w.WriteString("END:VCALENDAR\r\n")
	if _, err := tx.Exec(`INSERT INTO reminder_exports (target, uid, case_id, content, hash, last_modified)
		SELECT 'file', r.uid, r.case_id, r.content, r.hash, ? FROM bench_floor_reminders r
		WHERE true ON CONFLICT (target, uid) DO UPDATE SET content = excluded.content, hash = excluded.hash,
			sequence = sequence + 1, last_modified = excluded.last_modified WHERE hash <> excluded.hash`, now()); err != nil {
		return err
	}
	return tx.Commit()
}
