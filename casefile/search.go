package casefile

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hit is one search match. Source says what matched: case, contact,
// promise, ticket, note, or ref (an account reference whose label or last
// four characters were searched; its value is never put in Snippet).
type Hit struct {
	CaseID   int64  `json:"case_id"`
	Title    string `json:"title"`
	Company  string `json:"company"`
	Status   Status `json:"status"`
	Source   string `json:"source"`
	SourceID int64  `json:"source_id"`
	Snippet  string `json:"snippet"`
	// Ref is set when Source is "ref", so callers can mask it.
	Ref *AccountRef `json:"ref,omitempty"`
}

var searchSources = map[int64]string{1: "case", 2: "contact", 3: "promise", 4: "ticket", 5: "note", 6: "prep"}

// ftsQuery turns what a person types into an FTS5 query: every word must
// appear, each as a prefix (so 환불 finds 환불을 and refund finds refunded),
// and FTS5 syntax characters are quoted rather than interpreted.
func ftsQuery(text string) string {
	var terms []string
	for _, w := range searchWords(text) {
		terms = append(terms, prefixTerm(w))
	}
	return strings.Join(terms, " ")
}

func searchWords(text string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '-' && r != '_' || unicode.IsSymbol(r)
	}) {
		if w = strings.Trim(w, "-_"); w != "" {
			words = append(words, w)
		}
	}
	return words
}

func prefixTerm(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"*` }

// maxSpelledOut is the most index words a typed prefix is spelled out
// into; a shorter, commoner prefix stays a prefix query.
const maxSpelledOut = 32

// spelledOut is ftsQuery with each word's prefix spelled out as the index
// words it stands for: "refund" becomes ("refund" OR "refunded" OR
// "refunds"). Same matches, but FTS5 reads the words' lists lazily in
// rowid order, where a prefix query merges the lists of every word with
// that prefix into one before returning a row, on each read: for "refund"
// on the bench file that was 2 ms each time, most of a search. A word is
// spelled out only when folding it to the index's form is plain
// lower-casing (ASCII and Hangul, which unicode61's diacritic removal
// leaves alone) and it stands for at most maxSpelledOut index words.
func spelledOut(ctx context.Context, conn *sql.Conn, text string) (string, error) {
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5vocab(main, search, 'row')`); err != nil {
		return "", err
	}
	var out []string
	for _, w := range searchWords(text) {
		folded, ok := simpleFold(w)
		if !ok {
			out = append(out, prefixTerm(w))
			continue
		}
		rows, err := conn.QueryContext(ctx, `SELECT term FROM temp.search_words WHERE term >= ? AND term <= ? LIMIT ?`,
			folded, folded+string(unicode.MaxRune), maxSpelledOut+1)
		if err != nil {
			return "", err
		}
		var terms []string
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				rows.Close()
				return "", err
			}
			terms = append(terms, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
		if len(terms) == 0 || len(terms) > maxSpelledOut {
			out = append(out, prefixTerm(w))
			continue
		}
		out = append(out, "("+strings.Join(terms, " OR ")+")")
	}
	return strings.Join(out, " AND "), nil
}

// simpleFold is w as the index stores it, when that is plain
// lower-casing: w is one token of ASCII letters and digits or Hangul.
func simpleFold(w string) (string, bool) {
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
		default:
			return "", false
		}
	}
	return strings.ToLower(w), true
}

// Search ranks with bm25, but only among a bounded set of matches: bm25
// reads every candidate's size from the index, about 1 µs a match, which
// for "refund" on a 10,000-case file was 50,000 matches and 40 ms. (What
// still reads every match is FTS5 counting the entries of each word for
// bm25's IDF, once per read of the index, about 0.1 µs a match; see
// BENCHMARKS.md.)
// The candidates are the searchNewest matches with the highest rowids
// (all matches, when there are fewer: then the ranking is exact) and the
// matches among the newest searchPerKind entries of each kind. The second
// set is there because a rowid is an entry's number times 8 plus its kind
// (see the triggers in migrations/0001_init.sql): notes, by far the most
// numerous, have the highest rowids, so without it a common word's newest
// matches would all be notes, never a case's own title or a recent
// promise. Each part reads the index in rowid order and stops at its
// bound (TestSearchPlanIsBounded checks it).
const (
	searchNewest  = 2000
	searchPerKind = 500
)

// searchKinds are the tables whose rows the index holds, with the kinds
// (rowid % 8) each one's ids number: the prep row of a case has the
// case's id.
var searchKinds = []struct{ table, kinds string }{
	{"cases", "1, 6"}, {"contacts", "2"}, {"promises", "3"}, {"tickets", "4"}, {"notes", "5"},
}

// qSearchRank picks the hits: ?1 the FTS5 query, ?2 searchNewest, ?3
// searchPerKind, ?4 the number of hits. Each hit comes with the window
// it was found in (w, 0 for the newest matches) and that window's rowid
// range (lo, hi), so its snippet can be made by a read of that range
// only: a lookup of one rowid under MATCH costs as much as reading the
// whole window, because FTS5 merges a prefix's word lists anew for each
// lookup. Equal scores put the newer entry first.
var qSearchRank = func() string {
	var b strings.Builder
	// words:ok SQL
	b.WriteString(`WITH found(id, score, w, lo, hi) AS (
		SELECT *, 0, rowid, 9223372036854775807 FROM (SELECT rowid, bm25(search) FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?2)`)
	for i, k := range searchKinds {
		// words:ok SQL
		fmt.Fprintf(&b, `
		UNION ALL SELECT * FROM (SELECT rowid, bm25(search), %[3]d, ((SELECT max(id) FROM %[1]s) - ?3) * 8 AS lo, (SELECT max(id) FROM %[1]s) * 8 + 7 AS hi
			FROM search WHERE search MATCH ?1 AND rowid BETWEEN lo AND hi AND rowid %% 8 IN (%[2]s))`, k.table, k.kinds, i+1)
	}
	b.WriteString(`
	) SELECT id, min(score) AS score, w, lo, hi FROM found GROUP BY id ORDER BY score, id DESC LIMIT ?4`)
	return b.String()
}()

// qSearchHits makes the snippets of the hits found in one window: ?1 the
// FTS5 query, ?2 and ?3 the window's rowid range, ?4 the hits' rowids as
// a JSON array. The + keeps the rowid list from being handed to FTS5 as
// one lookup per rowid.
const qSearchHits = `SELECT s.rowid, c.id, c.title, c.company, c.status, snippet(search, 0, '[', ']', '…', 12)
	FROM search s JOIN cases c ON c.id = s.case_id
	WHERE search MATCH ?1 AND s.rowid BETWEEN ?2 AND ?3 AND +s.rowid IN (SELECT value FROM json_each(?4))`

const (
	// qSearchRefs finds a reference by its label, or by the four last
	// characters its mask shows (so only of a value of 8 or more): never
	// by a whole value, which would confirm a guessed card number.
	qSearchRefs = `SELECT r.id, r.case_id, r.label, r.value, c.title, c.company, c.status
		FROM account_refs r JOIN cases c ON c.id = r.case_id
		WHERE (length(r.value) >= 8 AND substr(r.value, -4) = ?) OR r.label LIKE ? ORDER BY r.id LIMIT ?`
)

// Search finds cases whose free text matches every word of text, best
// match first (bm25 among the newest matches, see qSearchRank), at most limit
// hits.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	if ftsQuery(text) == "" {
		return nil, &InvalidError{Field: "search", Problem: "empty"}
	}
	hits, err := s.searchIndex(ctx, text, limit)
	if err != nil {
		return nil, err
	}

	// Account references are outside the index (a snippet must never show
	// one); a search for a reference's label, or for the last four
	// characters its mask shows, still finds its case.
	text = strings.TrimSpace(text)
	var last4 any // NULL: matches no value
	if utf8.RuneCountInString(text) == 4 {
		last4 = text
	}
	refRows, err := s.db.QueryContext(ctx, qSearchRefs, last4, "%"+text+"%", limit)
	if err != nil {
		return nil, err
	}
	defer refRows.Close()
	for refRows.Next() && len(hits) < limit {
		var r AccountRef
		h := Hit{Source: "ref"}
		if err := refRows.Scan(&r.ID, &r.CaseID, &r.Label, &r.Value, &h.Title, &h.Company, &h.Status); err != nil {
			return nil, err
		}
		h.CaseID, h.SourceID, h.Ref = r.CaseID, r.ID, &r
		hits = append(hits, h)
	}
	return hits, refRows.Err()
}

// searchIndex runs qSearchRank, then qSearchHits once for each window
// the hits came from, and returns the hits in rank order.
func (s *Store) searchIndex(ctx context.Context, text string, limit int) ([]Hit, error) {
	// One connection: the spelling-out table is a temporary one.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.fileError(err)
	}
	defer conn.Close()
	q, err := spelledOut(ctx, conn, text)
	if err != nil {
		return nil, s.fileError(err)
	}
	rows, err := conn.QueryContext(ctx, qSearchRank, q, searchNewest, searchPerKind, limit)
	if err != nil {
		return nil, s.fileError(err)
	}
	defer rows.Close()
	type window struct {
		lo, hi int64
		ids    []int64
	}
	var order []int64
	windows := map[int]*window{}
	for rows.Next() {
		var id, lo, hi int64
		var score float64
		var w int
		if err := rows.Scan(&id, &score, &w, &lo, &hi); err != nil {
			return nil, err
		}
		order = append(order, id)
		win := windows[w]
		if win == nil {
			win = &window{lo: lo, hi: hi}
			windows[w] = win
		}
		win.lo, win.hi, win.ids = min(win.lo, lo), max(win.hi, hi), append(win.ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	found := make(map[int64]Hit, len(order))
	for _, win := range windows {
		ids, err := json.Marshal(win.ids)
		if err != nil {
			return nil, err
		}
		if err := s.searchSnippets(ctx, conn, q, win.lo, win.hi, string(ids), found); err != nil {
			return nil, err
		}
	}
	hits := make([]Hit, 0, len(order))
	for _, id := range order {
		if h, ok := found[id]; ok {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

func (s *Store) searchSnippets(ctx context.Context, conn *sql.Conn, q string, lo, hi int64, ids string, found map[int64]Hit) error {
	rows, err := conn.QueryContext(ctx, qSearchHits, q, lo, hi, ids)
	if err != nil {
		return s.fileError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h Hit
		var rowid int64
		if err := rows.Scan(&rowid, &h.CaseID, &h.Title, &h.Company, &h.Status, &h.Snippet); err != nil {
			return err
		}
		h.Source, h.SourceID = searchSources[rowid%8], rowid/8
		found[rowid] = h
	}
	return rows.Err()
}
