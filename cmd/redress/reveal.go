package main

import "github.com/spf13/cobra"

// revealFlags are --reveal and --force, for commands that can print
// account references in full.
type revealFlags struct{ on, force bool }

func (r *revealFlags) bind(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&r.on, "reveal", false, "show account references in full (masked by default)")
	cmd.Flags().BoolVar(&r.force, "force", false, "with --reveal: allow it when output is not a terminal")
}

// check refuses --reveal into a pipe or file unless --force: a revealed
// account number in a log file or a pasted transcript is a leak.
func (r *revealFlags) check(a *app) error {
	if r.on && !r.force && !a.stdoutIsTerminal() {
		return usageErr(w("err_reveal"), w("hint_reveal"))
	}
	return nil
}
