package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type listOptions struct {
	all     bool
	status  string
	company string
	limit   int
	json    bool
}

func newListCmd(a *app) *cobra.Command {
	opts := &listOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List cases with their next promise; overdue ones are marked",
		Long: `List cases, newest first. Each row shows the next pending promise, marked
with "!" when it is overdue. Open cases only, unless --all or --status.
The newest 50 only, unless --limit says otherwise (--limit 0 lists all):
a list to read on the phone, not a file of years of cases; a last line
says when there are more. --json prints the same cases.

--json prints an array of cases; each has every case field plus
"pending_promises" (a count), "next_promise" (a promise or null) and
"overdue" (true when the next promise is past due).`,
		Example: `  redress list
  redress list --all --company Acme
  redress list --status waiting --json
  redress list --all --limit 0 --json > cases.json`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runList(a, opts) },
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "include resolved and closed cases")
	cmd.Flags().StringVar(&opts.status, "status", "", "only cases with this status")
	cmd.Flags().StringVar(&opts.company, "company", "", "only cases with this company (any case)")
	cmd.Flags().IntVar(&opts.limit, "limit", defaultListLimit, "most cases to show, newest first (0: all)")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	return cmd
}

// defaultListLimit keeps `list` to a screenful: on a file of 10,000 cases,
// printing 6,000 open ones took 80 ms and nobody reads them during a call.
const defaultListLimit = 50

// listRow is one case in `list --json`.
type listRow struct {
	casefile.Summary
	Overdue bool `json:"overdue"`
	// NextDeadline is the soonest return-window or warranty end to come.
	NextDeadline *casefile.Deadline `json:"next_deadline"`
}

func runList(a *app, opts *listOptions) error {
	now, err := a.now()
	if err != nil {
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	if opts.limit < 0 {
		return usageErr(w("err_limit_list"), nohint)
	}
	f := casefile.ListFilter{All: opts.all, Status: casefile.Status(opts.status), Company: opts.company}
	if opts.json {
		f.Limit = opts.limit
		return listJSON(a, s, f, now)
	}
	if opts.limit > 0 {
		f.Limit = opts.limit + 1 // one more, to know whether there are more
	}
	l := a.lang
	// On a terminal every row fits its width: title and company get a
	// share of it, the next promise the rest ('show' and --json have the
	// full text). Into a pipe, rows keep their text.
	width, fit := a.termWidth()
	titleMax, companyMax := 32, 16
	if fit {
		titleMax, companyMax = min(titleMax, max(12, width/4)), min(companyMax, max(8, width/8))
	}
	// The table aligns its columns to the widest cell, so it holds the
	// cells of every row (not the cases) until the last one is read.
	var rows [][]string
	more := false
	err = s.EachListed(a.ctx, f, func(c *casefile.Summary) error {
		if opts.limit > 0 && len(rows) == opts.limit {
			more = true
			return nil
		}
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), truncate(clean(c.Title), titleMax), truncate(clean(c.Company), companyMax),
			msg(l, "st_"+string(c.Status)), nextPromiseCell(a, c, now)})
		return nil
	})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		if opts.all || opts.status != "" || opts.company != "" {
			fmt.Fprintln(a.stdout, msg(a.lang, "no_cases_filter"))
		} else {
			fmt.Fprintln(a.stdout, msg(a.lang, "no_cases"))
		}
		return nil
	}
	header := []string{msg(l, "col_case"), msg(l, "col_title"), msg(l, "col_company"), msg(l, "col_status"), msg(l, "col_next")}
	if fit {
		fitColumn(header, rows, len(header)-1, width)
	}
	table(a.stdout, header, rows)
	if more {
		fmt.Fprintln(a.stdout, msgf(l, "list_more", opts.limit))
	}
	return nil
}

// listJSON writes the cases as one JSON array, each element encoded as
// the query reads it, so memory stays flat however many cases the file
// holds. The bytes are writeJSON's of the whole array: "[]" when empty,
// else each element on lines of its own, indented by two spaces.
func listJSON(a *app, s *casefile.Store, f casefile.ListFilter, now time.Time) error {
	bw := bufio.NewWriterSize(a.stdout, 64<<10)
	var elem bytes.Buffer
	var out []byte
	enc := json.NewEncoder(&elem)
	enc.SetEscapeHTML(false)
	n := 0
	var row listRow // one for every case: the encoder keeps nothing of it
	err := s.EachListed(a.ctx, f, func(c *casefile.Summary) error {
		elem.Reset()
		row = listRow{Summary: *c, Overdue: c.NextPromise != nil && c.NextPromise.Due.Overdue(now, a.loc),
			NextDeadline: c.NextDeadline(now, a.loc)}
		if err := enc.Encode(&row); err != nil {
			return err
		}
		if n == 0 {
			out = append(out[:0], "[\n  "...)
		} else {
			out = append(out[:0], ",\n  "...)
		}
		n++
		out = indentCompactJSON(out, bytes.TrimSuffix(elem.Bytes(), []byte("\n")), "  ")
		_, err := bw.Write(out)
		return err
	})
	if err != nil {
		bw.Flush()
		return err
	}
	if n == 0 {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	return bw.Flush()
}

// indentCompactJSON appends src, compact JSON as encoding/json writes it,
// laid out as json.Indent(dst, src, prefix, "  ") lays it out. It does in
// one pass over the bytes what json.Indent does through its full syntax
// checker, which was a third of the time of listing 10,000 cases; src
// comes from the encoder, so it needs no checking.
func indentCompactJSON(dst, src []byte, prefix string) []byte {
	const indent = "  "
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	depth := 0
	open := false // just after '{' or '[': a newline is due unless it closes at once
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open {
			open = false
			if c == '}' || c == ']' {
				depth--
				dst = append(dst, c)
				continue
			}
			newline(depth)
		}
		switch c {
		case '"':
			// To the closing quote: the first one after i not escaped by
			// an odd number of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src) - 1
					break
				}
				j += k
				bs := 0
				for src[j-1-bs] == '\\' {
					bs++
				}
				if bs%2 == 0 {
					break
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			depth++
			open = true
		case '}', ']':
			depth--
			newline(depth)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func nextPromiseCell(a *app, c *casefile.Summary, n time.Time) string {
	p := c.NextPromise
	if p == nil {
		// With no promise pending, the next deadline is what to watch.
		if d := c.NextDeadline(n, a.loc); d != nil {
			return msg(a.lang, d.What) + " " + fmtShortDate(a.lang, d.Date, n, a.loc) + " (" + relDays(a.lang, d.Date, n, a.loc, "passed") + ")"
		}
		return "-"
	}
	cell := truncate(clean(p.Text), 40) + " · "
	if raw := p.Due.Unreadable(); raw != "" {
		cell += msgf(a.lang, "due", msgf(a.lang, "date_unreadable_short", clean(raw)))
	} else if p.Due.IsZero() { // said in a call, its date still to ask for
		cell += msg(a.lang, "no_due")
	} else {
		cell += msgf(a.lang, "due", fmtShortDate(a.lang, p.Due, n, a.loc)) + " (" + relDays(a.lang, p.Due, n, a.loc, "overdue") + ")"
	}
	if p.Due.Overdue(n, a.loc) {
		cell = "! " + cell
	}
	if c.Pending > 1 {
		cell += " " + msgf(a.lang, "pending_more", c.Pending-1)
	}
	return cell
}

// truncate shortens s to n display columns (a Korean character takes
// two) with an ellipsis, so one long title cannot push the promise column
// off the screen.
func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	// Only the first n columns are kept: measure a prefix, not a whole
	// long line (a heavy case's reminder lists dozens of tickets): when a
	// prefix is already wider than n, cutting it cuts s the same way.
	if cut := runePrefix(s, n+8); len(cut) < len(s) && displayWidth(cut) > n {
		s = cut
	}
	if displayWidth(s) <= n {
		return s
	}
	if _, ok := plainWidth(s); ok {
		// As runewidth.Truncate cuts it: the runes that fit in n columns
		// less the ellipsis's.
		room, w := n-displayWidth("…"), 0
		for i, r := range s {
			rw := 1
			switch {
			case r >= 0xAC00 && r <= 0xD7A3:
				rw = 2
			case r >= 0x7f:
				rw = runewidth.RuneWidth(r)
			}
			if w+rw > room {
				return s[:i] + "…"
			}
			w += rw
		}
	}
	return runewidth.Truncate(s, n, "…")
}

// runePrefix is the first n runes of s.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
