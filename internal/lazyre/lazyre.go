// Package lazyre holds regular expressions compiled on first use.
//
// Every redress command loads every package, and a package-level
// regexp.MustCompile runs at start-up whether the command needs it or not:
// `redress --version` used to compile the call log's, the letters' and the
// reply grader's expressions before printing one line (issue 19).
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr the first time it is called
// and returns the same *regexp.Regexp every time. An invalid expr panics
// on that first call, as regexp.MustCompile does.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
