package main

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/redress-cli/redress/prep"
)

// TestEveryPrepFieldHasAFlag: `redress prep` binds a flag for every answer
// of prep's step table, with its step and help line, and no other answer
// flag (only --step, --check and --json are the command's own).
func TestEveryPrepFieldHasAFlag(t *testing.T) {
	cmd := newPrepCmd(newApp(nil, nil, nil, os.Getenv))
	for _, st := range prep.Steps {
		for _, fd := range st.Fields {
			f := cmd.Flags().Lookup(fd.Flag)
			if f == nil {
				t.Errorf("no --%s", fd.Flag)
				continue
			}
			if want := msg("en", fd.Help); !strings.HasSuffix(f.Usage, want) || !strings.HasPrefix(f.Usage, string(rune('0'+st.N))+": ") {
				t.Errorf("--%s: help %q, want step %d and %q", fd.Flag, f.Usage, st.N, want)
			}
		}
	}
	n := 0
	cmd.Flags().VisitAll(func(*pflag.Flag) { n++ })
	if want := len(prep.StepOfFlag) + 3; n != want {
		t.Errorf("%d flags, want the table's %d and --step, --check, --json", n, len(prep.StepOfFlag))
	}
}
