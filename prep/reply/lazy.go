package reply

import (
	"regexp"
	"sync"
)

// lazy is a regular expression compiled on its first use, not at start-up:
// every run of redress loads this package, few read a reply.
func lazy(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
