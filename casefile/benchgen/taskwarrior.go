package benchgen

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// TaskCounts says what WriteTasks wrote.
type TaskCounts struct {
	Tasks, Pending, Annotations int
}

// task is one Taskwarrior task as `task import` reads it.
type task struct {
	UUID        string       `json:"uuid"`
	Description string       `json:"description"`
	Status      string       `json:"status"`
	Entry       string       `json:"entry"`
	End         string       `json:"end,omitempty"`
	Due         string       `json:"due,omitempty"`
	Project     string       `json:"project,omitempty"`
	Tags        []string     `json:"tags,omitempty"`
	Annotations []annotation `json:"annotations,omitempty"`
}

type annotation struct {
	Entry       string `json:"entry"`
	Description string `json:"description"`
}

// TaskUUID is the Taskwarrior uuid of a case's task, so the benchmark can
// name the task of a case without asking Taskwarrior.
func TaskUUID(caseID int64) string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", caseID)
}

// WriteTasks writes the case file behind db as Taskwarrior tasks, one
// JSON object a line for `task import`: the same data for the side-by-side
// benchmark. One task per case (its title, the company as project, the
// kind as tag; completed when the case is closed or resolved, due at its
// next pending promise when open), and an annotation for every contact,
// promise, ticket and note, at the moment it happened. Taskwarrior keys
// annotations by the second, so one that would share a second with
// another of its task is moved a second later rather than lost.
func WriteTasks(ctx context.Context, db *sql.DB, out io.Writer) (TaskCounts, error) {
	var n TaskCounts
	rows, err := db.QueryContext(ctx, `SELECT c.id, c.title, c.company, c.kind, c.status, c.opened_at, c.closed_at,
			(SELECT min(p.due) FROM promises p WHERE p.case_id = c.id AND p.status = 'pending')
		FROM cases c ORDER BY c.id`)
	if err != nil {
		return n, err
	}
	type caseRow struct {
		t   task
		due sql.NullString
	}
	var cases []caseRow
	byID := map[int64]int{}
	for rows.Next() {
		var id int64
		var c caseRow
		var kind, status, opened, closed string
		if err := rows.Scan(&id, &c.t.Description, &c.t.Project, &kind, &status, &opened, &closed, &c.due); err != nil {
			rows.Close()
			return n, err
		}
		c.t.UUID, c.t.Entry = TaskUUID(id), twTime(opened)
		c.t.Status = "pending"
		if status == "closed" || status == "resolved" {
			c.t.Status, c.t.End = "completed", twTime(closed)
		} else if c.due.Valid {
			c.t.Due = twTime(c.due.String)
		}
		c.t.Project, c.t.Tags = projectName(c.t.Project), []string{kind}
		byID[id] = len(cases)
		cases = append(cases, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return n, err
	}
	entries, err := db.QueryContext(ctx, `
		SELECT case_id, at, concat_ws(' ', channel, rep, department, summary) FROM contacts
		UNION ALL SELECT case_id, created_at, 'promise: ' || text || ' due ' || due FROM promises
		UNION ALL SELECT case_id, created_at, 'ticket ' || concat_ws(' ', number, label) FROM tickets
		UNION ALL SELECT case_id, at, text FROM notes`)
	if err != nil {
		return n, err
	}
	seen := map[int64]map[string]bool{}
	for entries.Next() {
		var id int64
		var at, text string
		if err := entries.Scan(&id, &at, &text); err != nil {
			entries.Close()
			return n, err
		}
		i, ok := byID[id]
		if !ok {
			continue
		}
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			entries.Close()
			return n, fmt.Errorf("case %d: %w", id, err)
		}
		if seen[id] == nil {
			seen[id] = map[string]bool{}
		}
		key := t.UTC().Format(twLayout)
		for seen[id][key] {
			t = t.Add(time.Second)
			key = t.UTC().Format(twLayout)
		}
		seen[id][key] = true
		cases[i].t.Annotations = append(cases[i].t.Annotations, annotation{Entry: key, Description: text})
		n.Annotations++
	}
	entries.Close()
	if err := entries.Err(); err != nil {
		return n, err
	}
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range cases {
		if err := enc.Encode(c.t); err != nil {
			return n, err
		}
		n.Tasks++
		if c.t.Status == "pending" {
			n.Pending++
		}
	}
	return n, w.Flush()
}

const twLayout = "20060102T150405Z"

// twTime turns a stored date or RFC 3339 time into Taskwarrior's form.
func twTime(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(twLayout)
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format(twLayout)
	}
	return ""
}

// projectName is a company as a Taskwarrior project: no spaces or dots
// (a dot makes a sub-project).
func projectName(company string) string {
	return strings.NewReplacer(" ", "_", ".", "_").Replace(company)
}
