//go:build redressman

package main

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// The man command is built only into bin/redress-man (`make man` builds
// this package with -tags redressman): cobra/doc and blackfriday, which it
// needs, cost every run of redress their package init and their size.
func init() { toolCommands = append(toolCommands, newManCmd) }

// newManCmd writes man pages for every command (used by `make man`). It is
// hidden: people read the pages, they do not make them.
func newManCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write man pages to DIR",
		Hidden: true,
		Args:   exactArgs("DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return err
			}
			root.DisableAutoGenTag = true
			return doc.GenManTree(root, &doc.GenManHeader{Title: "REDRESS", Section: "1", Source: "redress " + version}, args[0])
		},
	}
}
