package casefile

import (
	"database/sql"
	"strings"
)

// VersionBefore is the schema version just before the migration whose
// file name contains name: for tests that make a case file as an older
// redress did (whatever number the migration gets).
func VersionBefore(name string) int {
	for _, m := range migrations() {
		if strings.Contains(m.name, name) {
			return m.version - 1
		}
	}
	panic("no migration " + name)
}

// SetMaxImport lowers the import limit for a test.
func SetMaxImport(n int) (restore func()) {
	old := maxImport
	maxImport = n
	return func() { maxImport = old }
}

// DropStoredReminders undoes the migration of stored reminders, for a test
// that makes a file as an older redress left it.
func DropStoredReminders(db *sql.DB) error {
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'case_reminders_%'`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		if _, err := db.Exec(`DROP TRIGGER ` + n); err != nil {
			return err
		}
	}
	_, err = db.Exec(`DROP TABLE case_reminders; DROP TABLE case_reminders_stamp; DROP TABLE case_reminders_dirty`)
	return err
}
