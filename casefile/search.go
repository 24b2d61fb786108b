package casefile

import (
	"context"
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
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '-' && r != '_' || unicode.IsSymbol(r)
	}) {
		w = strings.Trim(w, "-_")
		if w == "" {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"*`)
	}
	return strings.Join(terms, " ")
}

const (
	// qSearch ranks the matches with bm25; ORDER BY rank lets FTS5 sort
	// them itself and compute the snippet for the returned rows only,
	// where ORDER BY bm25(search) made a snippet for every match first.
	qSearch = `SELECT s.rowid, c.id, c.title, c.company, c.status,
			snippet(search, 0, '[', ']', '…', 12)
		FROM search s JOIN cases c ON c.id = s.case_id
		WHERE search MATCH ? ORDER BY rank LIMIT ?`
	// qSearchRefs finds a reference by its label, or by the four last
	// characters its mask shows (so only of a value of 8 or more): never
	// by a whole value, which would confirm a guessed card number.
	qSearchRefs = `SELECT r.id, r.case_id, r.label, r.value, c.title, c.company, c.status
		FROM account_refs r JOIN cases c ON c.id = r.case_id
		WHERE (length(r.value) >= 8 AND substr(r.value, -4) = ?) OR r.label LIKE ? ORDER BY r.id LIMIT ?`
)

// Search finds cases whose free text matches every word of text, best
// match first (bm25), at most limit hits.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	q := ftsQuery(text)
	if q == "" {
		return nil, &InvalidError{Field: "search", Reason: "nothing to search for", Allowed: "one or more words"}
	}
	rows, err := s.db.QueryContext(ctx, qSearch, q, limit)
	if err != nil {
		return nil, s.fileError(err)
	}
	defer rows.Close()
	hits := []Hit{}
	for rows.Next() {
		var h Hit
		var rowid int64
		if err := rows.Scan(&rowid, &h.CaseID, &h.Title, &h.Company, &h.Status, &h.Snippet); err != nil {
			return nil, err
		}
		h.Source, h.SourceID = searchSources[rowid%8], rowid/8
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()

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
