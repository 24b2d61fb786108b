package benchgen

import "database/sql"

// writer holds one prepared INSERT per table, so 300,000 rows cost one
// statement compile each, not one per row. The column lists are those of
// casefile/migrations; the search index is filled by the schema's own
// triggers, exactly as when a user adds an entry. A promise or ticket is
// said (at) when it is typed (created_at).
type writer struct {
	cas, prep, ref, contact, promise, ticket, note *sql.Stmt
}

func newWriter(tx *sql.Tx) (*writer, error) {
	w := &writer{}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.cas, `INSERT INTO cases (id, title, company, product, kind, problem, outcome, fallback, amount, currency,
			purchase_date, return_window_end, warranty_end, jurisdiction, lang, status, opened_at, closed_at,
			final_outcome, no_reply_days) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.prep, `INSERT INTO case_prep (case_id, have_receipt, have_photos, have_secret, opening_line,
			return_days, warranty_months, escalate_trigger) VALUES (?,?,?,?,?,?,?,?)`},
		{&w.ref, `INSERT INTO account_refs (case_id, label, value, created_at) VALUES (?,?,?,?)`},
		{&w.contact, `INSERT INTO contacts (case_id, channel, at, duration_s, rep, department, summary, ended_at)
			VALUES (?,?,?,?,?,?,?,?)`},
		{&w.promise, `INSERT INTO promises (case_id, contact_id, text, by_rep, due, status, confirmed, created_at, settled_at, at)
			VALUES (?,?,?,?,?,?,?,?,?,?8)`},
		{&w.ticket, `INSERT INTO tickets (case_id, contact_id, number, label, expected, created_at, at) VALUES (?,?,?,?,?,?,?6)`},
		{&w.note, `INSERT INTO notes (case_id, contact_id, kind, text, source_url, at) VALUES (?,?,?,?,?,?)`},
	} {
		stmt, err := tx.Prepare(p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.dst = stmt
	}
	return w, nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.cas, w.prep, w.ref, w.contact, w.promise, w.ticket, w.note} {
		if s != nil {
			s.Close()
		}
	}
}
