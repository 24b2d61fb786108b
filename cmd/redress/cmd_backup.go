package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

type backupOptions struct{ dest string }

func newBackupCmd(a *app) *cobra.Command {
	opts := &backupOptions{}
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the case file safely, even while redress is in use",
		Long: `Write a copy of the case file to FILE with SQLite's online backup: the copy
is one consistent snapshot even while another redress writes, which a
plain file copy is not. FILE is created private (0600) and must not exist
yet; the copy is a case file, open it with --db FILE.`,
		Example: `  redress backup ~/backups/cases-2026-11-23.db
  redress --db ~/backups/cases-2026-11-23.db list --all`,
		Args: exactArgs("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dest = args[0]
			return runBackup(a, opts)
		},
	}
}

func runBackup(a *app, opts *backupOptions) error {
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.Backup(a.ctx, opts.dest); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "backup_done", clean(opts.dest)))
	return nil
}
