package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type exportOptions struct {
	json   bool
	out    outputFlags
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
(0600) file via a temporary one, never over an existing file (unless
--force) nor the case file, and --reveal needs no --force there.`,
		Example: `  redress export --json -o cases.json --reveal
  redress export --json | jq '.cases[].title'`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(a, opts) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON (the only format so far)")
	opts.out.bindPath(cmd, "write to a new FILE instead of stdout (--force: replace it)") // words:ok help text stays English
	opts.reveal.bind(cmd)
	return cmd
}

func runExport(a *app, opts *exportOptions) error {
	if !opts.json {
		return usageErr(w("err_missing", "--json"), w("hint_export_json"))
	}
	toStdout := opts.out.path == "" || opts.out.path == "-"
	if toStdout {
		if err := opts.reveal.check(a); err != nil {
			return err
		}
	}
	now, s, err := a.nowAndStore()
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
	if toStdout {
		return writeJSON(a.stdout, doc)
	}
	if err := a.writeOutput(opts.out.path, opts.reveal.force, func(w io.Writer) error { return writeJSON(w, doc) }); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "exported", count(a.lang, "cnt_case", len(doc.Cases)), clean(opts.out.path)))
	return nil
}
