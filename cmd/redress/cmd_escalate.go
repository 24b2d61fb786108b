package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

type escalateOptions struct {
	caseID  int64
	step    string
	note    string
	at      string
	refused bool
	final   bool
}

func newEscalateCmd(a *app) *cobra.Command {
	opts := &escalateOptions{}
	cmd := &cobra.Command{
		Use:   "escalate CASE STEP",
		Short: "Record an escalation step you took, with its date",
		Long: `Record a step on the escalation ladder:

  frontline → supervisor → complaint → executive or public → regulator or chargeback

with the date it was taken (today unless --at). Record the company's answer
at a step with --refused (they said no) or --final-response (their final
word; in the UK it opens the ombudsman at once). 'redress next' decides
from these steps which one is due.

A step above the frontline marks an open case "escalated".`,
		Example: `  redress escalate 3 frontline --refused --note "said refunds take 60 days"
  redress escalate 3 supervisor --note "spoke to Maria, team lead"
  redress escalate 3 complaint --at 2026-11-20
  redress escalate 3 complaint --final-response`,
		Args: exactArgs("CASE", "STEP"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			opts.step = strings.ToLower(strings.TrimSpace(args[1]))
			return runEscalate(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.note, "note", "", "what happened at this step")
	cmd.Flags().StringVar(&opts.at, "at", "", "when the step was taken (default: now)")
	cmd.Flags().BoolVar(&opts.refused, "refused", false, "the company refused your request at this step")
	cmd.Flags().BoolVar(&opts.final, "final-response", false, "the company sent its final response")
	addCorrections(a, cmd, "escalation")
	return cmd
}

func runEscalate(a *app, opts *escalateOptions) error {
	step := casefile.Step(opts.step)
	if err := casefile.ValidStep(step); err != nil { // before the file is opened
		return err
	}
	answer := casefile.AnswerNone
	switch {
	case opts.refused && opts.final:
		return usageErr(w("err_refused_and_final"), w("hint_refused_and_final"))
	case opts.refused:
		answer = casefile.AnswerRefused
	case opts.final:
		answer = casefile.AnswerFinal
	}
	_, at, err := a.nowAndAt(opts.caseID, opts.at)
	if err != nil {
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	e := casefile.Escalation{CaseID: opts.caseID, Step: step, Answer: answer, Note: opts.note, At: at}
	if err := s.AddEscalation(a.ctx, &e); err != nil {
		return err
	}
	name, err := prep.StepName(a.lang, e.Step)
	if err != nil {
		return err
	}
	line := msgf(a.lang, "escalation_added", e.ID, e.CaseID, name, fmtDate(a.lang, casefile.DateOf(e.At.In(a.loc)), a.loc))
	switch answer {
	case casefile.AnswerRefused:
		line += " · " + msg(a.lang, "ans_refused")
	case casefile.AnswerFinal:
		line += " · " + msg(a.lang, "ans_final")
	}
	fmt.Fprintln(a.stdout, line)
	fmt.Fprintln(a.stderr, msgf(a.lang, "next_hint", e.CaseID))
	return nil
}
