package casefile

import "strings"

// VersionBefore is the schema version just before the migration whose
// file name contains name: for tests that make a case file as an older
// redress did (whatever number the migration gets).
func VersionBefore(name string) int {
	for _, m := range migrations {
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
