package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type importOptions struct {
	file  string
	merge bool
}

func newImportCmd(a *app) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Read back cases written by 'redress export --json --reveal'",
		Long: `Store every case of an export document (FILE, or - for stdin) in the case
file, keeping every field and number. It is all or nothing: a malformed
document, one from a newer redress, one with masked references, or one
whose case numbers already exist in the case file is refused and nothing
is written. To restore an export, import it into a new case file.

--merge adds the export's cases to a case file that already has cases:
each case and entry gets a new number (the next free one), every link
between them (a promise's contact, a note's call) follows, and the new
case numbers are printed.`,
		Example: `  redress --db restored.db import cases.json
  redress import --merge cases-from-laptop.json`,
		Args: exactArgs("FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runImport(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.merge, "merge", false, "add the cases under new numbers beside the cases already in the case file")
	return cmd
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
	old := make([]int64, len(doc.Cases))
	for i, f := range doc.Cases {
		old[i] = f.ID
	}
	var renumbered map[int64]int64
	if opts.merge {
		renumbered, err = s.ImportMerge(a.ctx, doc)
	} else {
		_, err = s.Import(a.ctx, doc)
	}
	var ie *casefile.ImportError
	switch {
	case errors.Is(err, casefile.ErrMaskedRefs) && errors.As(err, &ie) && len(ie.Args) == 1:
		return failErr(w("err_import_masked", opts.file, ie.Args[0]), w("hint_import_masked"))
	case err != nil:
		return fmt.Errorf("%s: %w", opts.file, err)
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "imported", count(a.lang, "cnt_case", len(doc.Cases)), clean(opts.file)))
	for _, id := range old {
		if n, ok := renumbered[id]; ok {
			fmt.Fprintln(a.stdout, "  "+msgf(a.lang, "imported_as", id, n))
		}
	}
	return nil
}
