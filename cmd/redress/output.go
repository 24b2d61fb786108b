package main

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile/outfile"
)

// outputFlags are -o/--output and --force, the same on every command that
// writes a file.
type outputFlags struct {
	path  string
	force bool
}

func (o *outputFlags) bind(cmd *cobra.Command, usage string) {
	o.bindPath(cmd, usage)
	cmd.Flags().BoolVar(&o.force, "force", false, "replace FILE if it exists (never the case file)")
}

// bindPath is -o/--output alone, for a command whose --force is already
// there (export: --reveal's).
func (o *outputFlags) bindPath(cmd *cobra.Command, usage string) {
	cmd.Flags().StringVarP(&o.path, "output", "o", "", usage)
}

// createOutput opens path through the one output writer: new files 0600
// via a temporary file, never through a symlink, never over an existing
// file without --force, never over the case file; "-" is stdout.
func (a *app) createOutput(path string, force bool) (*outfile.File, error) {
	f, err := outfile.Create(path, a.outputOptions(force))
	if err != nil {
		return nil, a.outputErr(err)
	}
	return f, nil
}

func (a *app) outputOptions(force bool) outfile.Options {
	return outfile.Options{Force: force, Protect: []string{a.dbPath()}, Stdout: a.stdout}
}

// writeOutput writes path in one go with write; see createOutput.
func (a *app) writeOutput(path string, force bool, write func(io.Writer) error) error {
	if err := outfile.Write(path, a.outputOptions(force), write); err != nil {
		return a.outputErr(err)
	}
	return nil
}

// outputErr words a refusal or failure of the output writer.
func (a *app) outputErr(err error) error {
	var oe *outfile.Error
	if !errors.As(err, &oe) {
		return err
	}
	p := clean(oe.Path)
	switch {
	case errors.Is(err, outfile.ErrExists):
		return failErr(w("out_exists", p), w("out_exists_hint"))
	case errors.Is(err, outfile.ErrSymlink):
		return failErr(w("out_symlink", p), w("out_symlink_hint"))
	case errors.Is(err, outfile.ErrProtected):
		return failErr(w("out_protected", p), w("out_protected_hint"))
	case errors.Is(err, outfile.ErrNotFile):
		return failErr(w("out_not_file", p), nohint)
	}
	return failErr(w("out_cannot_write", p, lowerFirst(outfile.Describe(err))), w("out_nothing_written"))
}
