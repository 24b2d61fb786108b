package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

type backupOptions struct{ out outputFlags }

func newBackupCmd(a *app) *cobra.Command {
	opts := &backupOptions{}
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the case file safely, even while redress is in use",
		Long: `Write a copy of the case file to FILE with SQLite's online backup: the copy
is one consistent snapshot even while another redress writes, which a
plain file copy is not. The copy is made under a temporary name beside
FILE, checked, and only then put in place, so an interrupted backup leaves
nothing under FILE. FILE is created private (0600) and must not exist yet
(--force replaces it; never the case file itself); the copy is a case file
with the same file id, open it with --db FILE.`,
		Example: `  redress backup ~/backups/cases-2026-11-23.db
  redress --db ~/backups/cases-2026-11-23.db list --all`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.out.path != "" {
				return exactArgs()(cmd, args)
			}
			return exactArgs("FILE")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.out.path = args[0]
			}
			return runBackup(a, opts)
		},
	}
	opts.out.bind(cmd, "the backup file (the same as the FILE argument)") // words:ok help text stays English
	return cmd
}

func runBackup(a *app, opts *backupOptions) error {
	s, err := a.open()
	if err != nil {
		return err
	}
	if err := s.Backup(a.ctx, opts.out.path, a.outputOptions(opts.out.force)); err != nil {
		return a.outputErr(err)
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "backup_done", clean(opts.out.path)))
	return nil
}
