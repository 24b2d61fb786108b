package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile/rights"
	"github.com/redress-cli/redress/prep"
)

type scriptOptions struct {
	caseID int64
	stage  string
	list   bool
	lang   string // --lang when given on this command line, else "" (the case's language)
	format string
	out    outputFlags
}

func newScriptCmd(a *app) *cobra.Command {
	opts := &scriptOptions{}
	cmd := &cobra.Command{
		Use:   "script CASE STAGE",
		Short: "Print the script or letter for one stage of the complaint",
		Long: `Print what to say or send at one stage of the complaint, built from the
case's own facts: company, amounts, dates, tickets, reps and the promises
that were broken. 'redress script --list' shows the stages.

The script is in the case's language (set with 'new --language' or 'edit
--language'); --lang on this command line overrides it. REDRESS_LANG and
LANG do not: they choose the language redress talks to you in, and the
script is for the company.

Account references are masked ("•••• 4821"); in letters they are blanks to
fill with the full value, and the public post has none at all. Whatever the
case does not know becomes a [bracketed blank], listed on stderr.`,
		Example: `  redress script --list
  redress script 3 followup
  redress script 3 complaint --format md -o complaint.md
  redress script 3 regulator --lang ko`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.list {
				return exactArgs()(cmd, args)
			}
			return exactArgs("CASE", "STAGE")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("lang") {
				opts.lang = a.lang
			}
			if opts.list {
				return runScriptList(a)
			}
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.stage = args[1]
			return runScript(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.list, "list", false, "list the stages with their purpose")
	cmd.Flags().StringVar(&opts.format, "format", "text", "text or md (Markdown)")
	opts.out.bind(cmd, "write the script to a new FILE (mode 0600) instead of stdout") // words:ok help text stays English
	cmd.Flags().StringVar(&opts.out.path, "to", "", "the same as --output")
	return cmd
}

func runScriptList(a *app) error {
	var rows [][]string
	for _, st := range prep.Stages {
		p, err := prep.StagePurpose(a.lang, st)
		if err != nil {
			return err
		}
		rows = append(rows, []string{string(st), p})
	}
	table(a.stdout, nil, rows)
	return nil
}

func runScript(a *app, opts *scriptOptions) error {
	if opts.format != "text" && opts.format != "md" {
		return usageErr(w("err_unknown_format", opts.format), w("hint_format_text_md"))
	}
	stage, err := prep.ParseStage(opts.stage)
	if err != nil {
		return usageErr(w("err_unknown_stage", opts.stage), w("hint_stages", prep.StageNames()))
	}
	f, _, now, err := a.loadParts(opts.caseID, prep.ScriptParts(stage))
	if err != nil {
		return err
	}
	lang := f.Lang
	if opts.lang != "" {
		lang = opts.lang
	}
	sc, err := prep.RenderScript(lang, stage, f, now, a.loc)
	var ne *prep.ErrNotice
	if errors.As(err, &ne) {
		// The rights table does not give this case that notice (today):
		// say so rather than print a law that does not apply.
		switch ne.State {
		case rights.NoticeClosed:
			return failErr(w("err_notice_closed", string(stage), opts.caseID, fmtDate(a.lang, ne.Until, a.loc)), w("hint_notice_next", opts.caseID))
		case rights.NoticeNotYet:
			return failErr(w("err_notice_not_yet", string(stage), opts.caseID), w("hint_notice_next", opts.caseID))
		}
		return failErr(w("err_notice_none", string(stage), opts.caseID), w("hint_notice_next", opts.caseID))
	}
	if err != nil {
		return err
	}
	return writeScript(a, sc, opts.format, opts.out)
}

// writeScript prints a script (or writes it to a file) and lists on
// stderr the blanks the user must fill in before using it.
func writeScript(a *app, sc prep.Script, format string, out outputFlags) error {
	text := sc.Text()
	if format == "md" {
		text = sc.Markdown()
	}
	text = cleanBlock(text)
	if out.path != "" && out.path != "-" {
		// 0600: a letter holds the case's facts, like the case file does.
		err := a.writeOutput(out.path, out.force, func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(a.stderr, msgf(a.lang, "script_written", clean(out.path)))
	} else {
		fmt.Fprint(a.stdout, text)
	}
	if len(sc.Placeholders) > 0 {
		blanks := make([]string, len(sc.Placeholders))
		for i, p := range sc.Placeholders {
			blanks[i] = "[" + clean(p) + "]"
		}
		fmt.Fprintln(a.stderr, msgf(a.lang, "fill_in", strings.Join(blanks, ", ")))
	}
	return nil
}
