package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
)

// Shell completion: every positional argument is completed from what its
// place in the command's usage line names (CASE, STAGE, STEP, PROMISE), so
// a new command gets completion by naming its arguments; flags with a
// fixed set of values complete those values. Candidates that need the
// case file open it only when it exists (completion never creates one)
// and any error yields no candidates: a TAB never prints an error.

// completionLimit caps the cases or promises offered at one TAB.
const completionLimit = 100

func addCompletions(a *app, root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.ValidArgsFunction == nil && c.Runnable() {
			places := argPlaces(c.Use)
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if len(args) >= len(places) {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return a.completePlace(cmd, places[len(args)], toComplete)
			}
		}
		for flag, values := range map[string]func() []string{
			"kind": func() []string {
				if c.Name() == "note" {
					return []string{string(casefile.NoteTimeline), string(casefile.NoteResearch), string(casefile.NoteTried)}
				}
				return a.kindCandidates()
			},
			"jurisdiction": func() []string { return a.jurisdictionCandidates() },
			"language":     func() []string { return []string{"en", "ko"} },
			"channel":      func() []string { return casefileStrings(casefile.Channels) },
			"status":       func() []string { return casefileStrings(casefile.Statuses) },
		} {
			if c.Flags().Lookup(flag) != nil {
				values := values
				_ = c.RegisterFlagCompletionFunc(flag, func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
					a.completionLang(cmd)
					return withPrefix(values(), toComplete), cobra.ShellCompDirectiveNoFileComp
				})
			}
		}
		if c.Flags().Lookup("case") != nil {
			_ = c.RegisterFlagCompletionFunc("case", func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				return a.completePlace(cmd, "CASE", toComplete)
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	_ = root.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"en", "ko"}, cobra.ShellCompDirectiveNoFileComp
	})
}

// argPlaces reads the positional argument names from a usage line:
// "escalate CASE STEP" gives CASE, STEP; flags and [options] end it.
func argPlaces(use string) []string {
	fields := strings.Fields(use)
	var places []string
	for _, f := range fields[1:] {
		if strings.HasPrefix(f, "-") || strings.HasPrefix(f, "[") {
			break
		}
		places = append(places, strings.TrimSuffix(f, "..."))
	}
	return places
}

func (a *app) completePlace(cmd *cobra.Command, place, toComplete string) ([]string, cobra.ShellCompDirective) {
	a.completionLang(cmd)
	var out []string
	switch place {
	case "CASE":
		out = a.caseCandidates(cmd.Name() == "reopen")
	case "STAGE":
		for _, st := range prep.Stages {
			p, err := prep.StagePurpose(a.lang, st)
			out = append(out, candidate(string(st), p, err))
		}
	case "STEP":
		for _, st := range casefile.Steps {
			out = append(out, string(st)+"\t"+msg(a.lang, "step_"+string(st)))
		}
	case "PROMISE":
		out = a.promiseCandidates()
	case "FILE", "DIR":
		return nil, cobra.ShellCompDirectiveDefault
	}
	return withPrefix(out, toComplete), cobra.ShellCompDirectiveNoFileComp
}

// completionLang sets the language from the command line being completed
// (the root's pre-run does not run for it); a bad --lang falls back.
func (a *app) completionLang(cmd *cobra.Command) {
	flag := ""
	if f := cmd.Flag("lang"); f != nil {
		flag = f.Value.String()
	}
	if a.resolveLang(flag) != nil {
		_ = a.resolveLang("")
	}
}

// completionStore opens the case file for completion: only if it exists,
// and never with an error shown.
func (a *app) completionStore() *casefile.Store {
	if _, err := os.Stat(a.dbPath()); err != nil {
		return nil
	}
	s, err := a.open()
	if err != nil {
		return nil
	}
	return s
}

func (a *app) caseCandidates(all bool) []string {
	s := a.completionStore()
	if s == nil {
		return nil
	}
	cases, err := s.List(a.ctx, casefile.ListFilter{All: all, Limit: completionLimit})
	if err != nil {
		return nil
	}
	var out []string
	for _, c := range cases {
		desc := c.Title
		if c.Company != "" {
			desc += " · " + c.Company
		}
		out = append(out, strconv.FormatInt(c.ID, 10)+"\t"+oneLine(desc))
	}
	return out
}

func (a *app) promiseCandidates() []string {
	s := a.completionStore()
	if s == nil {
		return nil
	}
	ps, err := s.PendingPromises(a.ctx, completionLimit)
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%d\t%s", p.ID, oneLine(msgf(a.lang, "complete_promise", p.CaseID, p.Text, p.Due.String()))))
	}
	return out
}

func (a *app) kindCandidates() []string {
	var out []string
	for _, k := range casefile.Kinds {
		out = append(out, string(k)+"\t"+msg(a.lang, "kind_"+string(k)))
	}
	return out
}

func (a *app) jurisdictionCandidates() []string {
	var out []string
	for _, j := range casefile.Jurisdictions {
		out = append(out, string(j)+"\t"+msg(a.lang, "jurisdiction_"+string(j)))
	}
	return out
}

func casefileStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func candidate(value, desc string, err error) string {
	if err != nil || desc == "" {
		return value
	}
	return value + "\t" + oneLine(desc)
}

// oneLine makes user text safe as a completion description: one line, no
// tabs or control sequences.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(clean(s)), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

func withPrefix(cands []string, prefix string) []string {
	if prefix == "" {
		return cands
	}
	var out []string
	for _, c := range cands {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}
