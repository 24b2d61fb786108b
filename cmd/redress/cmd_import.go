package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type importOptions struct{ file string }

func newImportCmd(a *app) *cobra.Command {
	opts := &importOptions{}
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Read back cases written by 'redress export --json --reveal'",
		Long: `Store every case of an export document (FILE, or - for stdin) in the case
file, keeping every field and number. It is all or nothing: a malformed
document, one from a newer redress, one with masked references, or one
whose case numbers already exist in the case file is refused and nothing
is written. To restore an export, import it into a new case file.`,
		Example: `  redress --db restored.db import cases.json`,
		Args:    exactArgs("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runImport(a, opts)
		},
	}
}

func runImport(a *app, opts *importOptions) error {
	var r io.Reader = a.stdin
	if opts.file != "-" {
		f, err := os.Open(opts.file)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	// The document is read and checked before the case file is opened, so
	// a bad document does not even create an empty case file.
	doc, err := casefile.DecodeExport(r)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.file, err)
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	n, err := s.Import(a.ctx, doc)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.file, err)
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "imported", n, clean(opts.file)))
	return nil
}
