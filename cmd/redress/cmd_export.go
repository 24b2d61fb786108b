package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type exportOptions struct {
	json   bool
	output string
	reveal revealFlags
}

func newExportCmd(a *app) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --json [-o FILE]",
		Short: "Write every case, with every field, as one JSON document",
		Long: `Write every case and everything that happened to it as one JSON document:
{"format": "redress-export", "version": 1, "schema", "exported_at",
"refs_masked", "cases": [...]}, each case as 'redress show --json' prints it.
'redress import' reads it back.

Account references are masked unless --reveal, and a masked export cannot
be imported (the values are not in it). -o FILE writes a new private
(0600) file, and --reveal needs no --force there.`,
		Example: `  redress export --json -o cases.json --reveal
  redress export --json | jq '.cases[].title'`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(a, opts) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON (the only format so far)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to a new file instead of stdout")
	opts.reveal.bind(cmd)
	return cmd
}

func runExport(a *app, opts *exportOptions) error {
	if !opts.json {
		return usageErr("missing --json", "JSON is the only export format so far: redress export --json")
	}
	if opts.output == "" {
		if err := opts.reveal.check(a); err != nil {
			return err
		}
	}
	now, err := a.now()
	if err != nil {
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	doc, err := s.ExportAll(a.ctx, now)
	if err != nil {
		return err
	}
	if !opts.reveal.on {
		doc.RefsMasked = true
		for i := range doc.Cases {
			for j := range doc.Cases[i].Refs {
				doc.Cases[i].Refs[j].Value = doc.Cases[i].Refs[j].Masked()
			}
			casefile.MaskHistory(doc.Cases[i].History)
		}
	}
	if opts.output == "" {
		return writeJSON(a.stdout, doc)
	}
	if err := writeNewFile(opts.output, func(w *bufio.Writer) error { return writeJSON(w, doc) }); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "exported", len(doc.Cases), clean(opts.output)))
	return nil
}

// writeNewFile creates path (0600, never over an existing file), writes it
// with write and syncs it; on any failure the partial file is removed.
func writeNewFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return failErr(path+" already exists", "choose a new name; nothing was written")
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = errors.Join(f.Chmod(0o600), write(w), w.Flush(), f.Sync())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
