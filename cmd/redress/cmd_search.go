package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

type searchOptions struct {
	text   string
	limit  int
	json   bool
	reveal revealFlags
}

func newSearchCmd(a *app) *cobra.Command {
	opts := &searchOptions{}
	cmd := &cobra.Command{
		Use:   "search TEXT...",
		Short: "Find cases by any word in their text, best match first",
		Long: `Search every case's free text: titles, problems, outcomes, contacts,
promises, tickets and notes. Every word must appear; each word also
matches longer words that start with it, so "환불" finds "환불을" and
"refund" finds "refunded". An exact account reference (or its label)
finds its case too; the reference is shown masked unless --reveal.

--json prints an array of hits: "case_id", "title", "company", "status",
"source" (case, contact, promise, ticket, note or ref), "source_id",
"snippet" (matched words in [brackets]) and, for refs, "ref".`,
		Example: `  redress search refund card
  redress search 환불
  redress search A-1234 --json`,
		Args: minArgs("TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.text = strings.Join(args, " ")
			return runSearch(a, opts)
		},
	}
	cmd.Flags().IntVar(&opts.limit, "limit", 20, "most hits to show")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	opts.reveal.bind(cmd)
	return cmd
}

func runSearch(a *app, opts *searchOptions) error {
	if err := opts.reveal.check(a); err != nil {
		return err
	}
	if opts.limit < 1 {
		return usageErr(w("err_limit_search"), nohint)
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	hits, err := s.Search(a.ctx, opts.text, opts.limit)
	if err != nil {
		return err
	}
	for _, h := range hits {
		if h.Ref != nil && !opts.reveal.on {
			h.Ref.Value = h.Ref.Masked()
		}
	}
	if opts.json {
		return writeJSON(a.stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(a.stdout, msgf(a.lang, "no_hits", opts.text))
		return nil
	}
	for _, h := range hits {
		what := clean(h.Snippet)
		if h.Ref != nil {
			what = msgf(a.lang, "hit_ref", clean(h.Ref.Label), clean(h.Ref.Value))
		}
		fmt.Fprintln(a.stdout, msgf(a.lang, "search_case_line", h.CaseID, truncate(clean(h.Title), 40),
			msg(a.lang, "st_"+string(h.Status)), h.Source))
		fmt.Fprintln(a.stdout, "    "+what)
	}
	return nil
}
