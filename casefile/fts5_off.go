//go:build !(sqlite_fts5 || fts5 || libsqlite3)

package casefile

// fts5Built is false: go-sqlite3 was compiled without FTS5 (no
// -tags sqlite_fts5), so the case file's search index cannot be opened.
const fts5Built = false
