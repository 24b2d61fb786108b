package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type restoreOptions struct{ from string }

func newRestoreCmd(a *app) *cobra.Command {
	opts := &restoreOptions{}
	return &cobra.Command{
		Use:   "restore BACKUP",
		Short: "Put a backup back in place of the case file, keeping the current one",
		Long: `Replace the case file with BACKUP, a file written by 'redress backup'.

BACKUP is checked first (a redress case file, not from a newer redress,
intact); then the current case file is copied beside itself as
NAME-before-restore-DATE.db, and only then replaced, in one step. Nothing
is overwritten: if the copy cannot be written, the case file is left as
it was. BACKUP itself is only read.`,
		Example: `  redress restore ~/backups/cases-2026-11-23.db
  redress --db ~/work.db restore ~/backups/work-2026-11-01.db`,
		Args: exactArgs("BACKUP"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.from = args[0]
			return runRestore(a, opts)
		},
	}
}

func runRestore(a *app, opts *restoreOptions) error {
	now, err := a.now()
	if err != nil {
		return err
	}
	// The backup is checked before the case file is opened, so a bad one
	// does not even create an empty case file.
	if err := casefile.CheckBackup(a.ctx, opts.from); err != nil {
		return failErrOf(a, err, w("hint_restore_check"))
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	// A free name for the copy: a second restore in the same second gets
	// "-2", never the first one's copy.
	stamp := now.Format("20060102-150405")
	keep := casefile.KeepPath(s.Path(), stamp)
	for n := 2; exists(keep); n++ {
		keep = casefile.KeepPath(s.Path(), fmt.Sprintf("%s-%d", stamp, n))
	}
	if err := s.Restore(a.ctx, opts.from, keep); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "restored", clean(opts.from)))
	fmt.Fprintln(a.stdout, msgf(a.lang, "restore_kept", clean(keep)))
	return nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
