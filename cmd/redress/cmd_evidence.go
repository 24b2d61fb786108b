package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

type evidenceOptions struct {
	caseID int64
	json   bool
}

func newEvidenceCmd(a *app) *cobra.Command {
	opts := &evidenceOptions{}
	cmd := &cobra.Command{
		Use:   "evidence CASE",
		Short: "List the evidence kept with a case; get or delete one",
		Long: `List the files attached to a case with 'redress attach': number, date,
name, media type, size and the start of the SHA-256 (--json prints every
field, the full "sha256" among them).

'redress evidence get ID -o FILE' writes a copy back to a new private
file; 'redress evidence delete ID' removes one from the case file.`,
		Example: `  redress evidence 3
  redress evidence 3 --json
  redress evidence get 7 -o receipt.pdf
  redress evidence delete 7`,
		Args: exactArgs("CASE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			return runEvidence(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.AddCommand(newEvidenceGetCmd(a), newEvidenceDeleteCmd(a))
	return cmd
}

func runEvidence(a *app, opts *evidenceOptions) error {
	now, s, err := a.nowAndStore()
	if err != nil {
		return err
	}
	list, err := s.EvidenceOf(a.ctx, opts.caseID)
	if err != nil {
		return err
	}
	if opts.json {
		return writeJSON(a.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(a.stdout, msgf(a.lang, "evidence_none", opts.caseID))
		return nil
	}
	rows := make([][]string, len(list))
	for i, e := range list {
		name := clean(e.Name)
		if e.Note != "" {
			name += " · " + clean(e.Note)
		}
		rows[i] = []string{fmt.Sprint(e.ID), fmtShortDate(a.lang, casefile.DateOf(e.At.In(a.loc)), now, a.loc), name,
			e.MediaType, casefile.HumanSize(e.Size), e.SHA256[:12] + "…"}
	}
	table(a.stdout, []string{msg(a.lang, "col_case"), msg(a.lang, "col_when"), msg(a.lang, "col_file"),
		msg(a.lang, "col_type"), msg(a.lang, "col_size"), "SHA-256"}, rows)
	return nil
}

type evidenceGetOptions struct {
	id     int64
	output string
}

func newEvidenceGetCmd(a *app) *cobra.Command {
	opts := &evidenceGetOptions{}
	cmd := &cobra.Command{
		Use:   "get ID -o FILE",
		Short: "Write a copy of one piece of evidence to a new file",
		Long: `Write the content of evidence ID to FILE, a new private (0600) file: never
over an existing file. The content is checked against its SHA-256 first.`,
		Example: `  redress evidence get 7 -o receipt.pdf`,
		Args:    exactArgs("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.id, err = idArg("evidence", args[0]); err != nil {
				return err
			}
			return runEvidenceGet(a, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "the new file to write (required)")
	return cmd
}

func runEvidenceGet(a *app, opts *evidenceGetOptions) error {
	if opts.output == "" {
		return usageErr(w("err_missing", "-o FILE"), w("hint_usage", "redress evidence get ID -o FILE" /* words:ok a command */))
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	e, data, err := s.EvidenceFile(a.ctx, opts.id)
	if err != nil {
		return err
	}
	if err := a.writeOutput(opts.output, false, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "evidence_written", e.ID, clean(e.Name), clean(opts.output)))
	return nil
}

type evidenceDeleteOptions struct{ id int64 }

func newEvidenceDeleteCmd(a *app) *cobra.Command {
	opts := &evidenceDeleteOptions{}
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Remove one piece of evidence from the case file",
		Long: `Remove evidence ID from its case. Its content leaves the case file too,
unless another piece of evidence has the same content.`,
		Example: `  redress evidence delete 7`,
		Args:    exactArgs("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.id, err = idArg("evidence", args[0]); err != nil {
				return err
			}
			return runEvidenceDelete(a, opts)
		},
	}
}

func runEvidenceDelete(a *app, opts *evidenceDeleteOptions) error {
	s, err := a.open()
	if err != nil {
		return err
	}
	e, err := s.DeleteEvidence(a.ctx, opts.id)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, msgf(a.lang, "evidence_deleted", e.ID, clean(e.Name), e.CaseID))
	return nil
}
