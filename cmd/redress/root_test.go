package main

import (
	"os"
	"slices"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestCommandTable: each entry of commands names the command its
// constructor builds, every command of the tree is in the table, and a
// command line that names one builds that one alone, with the same flags
// and subcommands as in the whole tree.
func TestCommandTable(t *testing.T) {
	a := newApp(nil, nil, nil, os.Getenv)
	full := newRootCmd(a, "")
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	for _, sub := range full.Commands() {
		if n := sub.Name(); n != "help" && n != "completion" && !slices.Contains(names, n) {
			t.Errorf("command %q is not in the commands table, so `redress %s` would not find it", n, n)
		}
	}
	for _, c := range commands {
		if got := c.build(a).Name(); got != c.name {
			t.Errorf("commands names %q, its constructor builds %q", c.name, got)
			continue
		}
		if got := commandNamed([]string{c.name, "1"}); got != c.name {
			t.Errorf("commandNamed(%q …) = %q", c.name, got)
		}
		alone := newRootCmd(a, c.name)
		if len(alone.Commands()) != 1 || alone.Commands()[0].Name() != c.name {
			t.Errorf("newRootCmd(%q) built %d commands", c.name, len(alone.Commands()))
			continue
		}
		want, _, err := full.Find([]string{c.name})
		if err != nil {
			t.Fatal(err)
		}
		if got, w := shape(alone.Commands()[0]), shape(want); !slices.Equal(got, w) {
			t.Errorf("%s built alone differs from the whole tree:\n%v\n%v", c.name, got, w)
		}
	}
	if v := newRootCmd(a, commandNamed([]string{"--version"})); len(v.Commands()) != 0 {
		t.Errorf("--version built %d commands", len(v.Commands()))
	}
	for _, args := range [][]string{nil, {"--version", "list"}, {"--db", "x", "list"}, {"help", "list"}, {"__complete", "li"}, {"lst"}, {"completion", "bash"}} {
		if got := commandNamed(args); got != "" {
			t.Errorf("commandNamed(%q) = %q, want every command built", args, got)
		}
	}
}

// shape lists a command's path, group and flags, and its subcommands'.
func shape(c *cobra.Command) []string {
	out := []string{c.CommandPath() + " group=" + c.GroupID}
	c.LocalFlags().VisitAll(func(f *pflag.Flag) { out = append(out, c.Name()+" --"+f.Name+" "+f.Value.Type()) })
	for _, sub := range c.Commands() {
		out = append(out, shape(sub)...)
	}
	return out
}
