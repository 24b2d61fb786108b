//go:build sqlite_fts5 || fts5 || libsqlite3

package casefile

// fts5Built says whether go-sqlite3 was compiled with FTS5 (full-text
// search), which the case file's search index needs. With libsqlite3 the
// system SQLite decides; Open's error mapping catches one without FTS5.
const fts5Built = true
