package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/huh"
	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/prep"
	"github.com/redress-cli/redress/prep/reply"
)

type replyOptions struct {
	caseID int64
	file   string // "" or "-": stdin
	record bool
	json   bool
	lang   string // --lang when given on this command line (the answer's language), else the case's
	format string
	to     string
	force  bool
}

func newReplyCmd(a *app) *cobra.Command {
	opts := &replyOptions{}
	cmd := &cobra.Command{
		Use:   "reply CASE [FILE|-]",
		Short: "Grade the company's reply and draft your answer to it",
		Long: `Read the company's reply (a saved .eml mail, pasted or piped text, or a chat
transcript; English or Korean; UTF-8 or EUC-KR) and grade it against the five
elements of a good answer: the impact acknowledged, a date, a solution in the
meantime, a follow-up with who and when, and written confirmation. Each verdict
shows the sentence it rests on. Signs of a bad answer (blaming a courier or
supplier, "as soon as possible", "our policy" without saying which, a gesture
instead of what is owed) are named, and what is offered is compared with the
case's amount and, where redress knows it, the law.

It then drafts your answer, in the case's language: thanks for what the reply
gives, a request for exactly what it lacks, and a date for the remedy.

The dates, ticket numbers and sender it reads are offered as entries: with
--record they are stored as an email (or chat) contact dated by the mail's own
Date header, with its promises and tickets, in one go. Without --record a
terminal asks about each entry; when input is not a terminal nothing is stored.`,
		Example: `  redress reply 3 answer.eml
  pbpaste | redress reply 3
  redress reply 3 answer.eml --record
  redress reply 3 chat.txt --json
  redress reply 3 answer.eml --to answer.md --format md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErr(w("err_missing_arg", w("arg_CASE")), w("hint_usage", cmd.UseLine()))
			}
			if len(args) > 2 {
				return usageErr(w("err_too_many_args"), w("hint_usage_quote", cmd.UseLine()))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("lang") {
				opts.lang = a.lang
			}
			var err error
			if opts.caseID, err = caseArg(args[0]); err != nil {
				return err
			}
			if len(args) == 2 {
				opts.file = args[1]
			}
			return runReply(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.record, "record", false, "store the reply as a contact with the promises and tickets read from it")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the grade, the evidence and the entries as JSON")
	cmd.Flags().StringVar(&opts.format, "format", "text", "the answer as text or md (Markdown)")
	cmd.Flags().StringVar(&opts.to, "to", "", "write the answer to FILE (mode 0600) instead of stdout")
	cmd.Flags().StringVarP(&opts.to, "output", "o", "", "the same as --to")
	cmd.Flags().BoolVar(&opts.force, "force", false, "replace FILE if it exists (never the case file)")
	return cmd
}

// replyJSON is what --json prints.
type replyJSON struct {
	CaseID int64 `json:"case_id"`
	reply.Result
	Answer struct {
		Lang         string   `json:"lang"`
		Title        string   `json:"title"`
		Body         string   `json:"body"`
		Placeholders []string `json:"placeholders"`
	} `json:"answer"`
	Recorded *recorded `json:"recorded"`
}

type recorded struct {
	ContactID  int64   `json:"contact_id"`
	PromiseIDs []int64 `json:"promise_ids"`
	TicketIDs  []int64 `json:"ticket_ids"`
}

func runReply(a *app, opts *replyOptions) error {
	if opts.format != "text" && opts.format != "md" {
		return usageErr(w("err_unknown_format", opts.format), w("hint_format_text_md"))
	}
	fromStdin := opts.file == "" || opts.file == "-"
	if fromStdin && a.stdinIsTerminal() {
		return usageErr(w("reply_no_input"), w("reply_no_input_hint"))
	}
	m, err := readReply(a, opts.file)
	if err != nil {
		return err
	}
	f, now, err := a.loadCase(opts.caseID)
	if err != nil {
		return err
	}
	res, err := reply.Grade(m, f, now, a.loc)
	if err != nil {
		return err
	}
	lang := f.Lang
	if opts.lang != "" {
		lang = opts.lang
	}
	if lang == "" {
		lang = a.lang
	}
	sc, err := reply.Draft(lang, res, f.Case, now, a.loc)
	if err != nil {
		return err
	}

	// What to store: everything with --record; on a terminal, what the
	// user says yes to; otherwise nothing.
	var rec *recorded
	switch {
	case opts.record:
		rec, err = recordReply(a, f.Case, m, res, now, res.Promises, res.Tickets)
	case !fromStdin && a.canPrompt() && !opts.json:
		rec, err = askAndRecord(a, f.Case, m, res, now)
	}
	if err != nil {
		return err
	}

	if opts.json {
		out := replyJSON{CaseID: f.ID, Result: res, Recorded: rec}
		out.Answer.Lang, out.Answer.Title, out.Answer.Body, out.Answer.Placeholders = sc.Lang, sc.Title, sc.Body, sc.Placeholders
		if out.Answer.Placeholders == nil {
			out.Answer.Placeholders = []string{}
		}
		if opts.to != "" {
			if err := writeAnswer(a, sc, opts.format, opts.to, opts.force); err != nil {
				return err
			}
		}
		return writeJSON(a.stdout, out)
	}
	report, err := reply.Report(a.lang, res, a.loc)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, cleanBlock(strings.TrimRight(report, "\n")))
	fmt.Fprintln(a.stdout)
	if opts.to == "" {
		fmt.Fprintln(a.stdout, msg(a.lang, "reply_answer_follows"))
		fmt.Fprintln(a.stdout)
	}
	if err := writeAnswer(a, sc, opts.format, opts.to, opts.force); err != nil {
		return err
	}
	switch {
	case rec != nil:
		fmt.Fprintln(a.stderr, msgf(a.lang, "reply_recorded", rec.ContactID, f.ID, len(rec.PromiseIDs), len(rec.TicketIDs)))
	case !opts.record && (len(res.Promises) > 0 || len(res.Tickets) > 0):
		fmt.Fprintln(a.stderr, msgf(a.lang, "reply_not_recorded", f.ID))
	}
	return nil
}

// readReply reads the reply from FILE, or stdin for "" and "-", refusing
// a file too big to be a reply before reading any of it.
func readReply(a *app, file string) (reply.Message, error) {
	var r io.Reader = a.stdin
	if file != "" && file != "-" {
		fi, err := os.Stat(file)
		if err != nil {
			return reply.Message{}, failErr(w("err_cannot_read", file, lowerFirst(errors.Unwrap(err).Error())), nohint)
		}
		if fi.IsDir() {
			return reply.Message{}, failErr(w("reply_is_dir", file), nohint)
		}
		if fi.Mode().IsRegular() && fi.Size() > reply.MaxSize {
			return reply.Message{}, replyInputErr(a, reply.ErrTooBig)
		}
		fh, err := os.Open(file)
		if err != nil {
			return reply.Message{}, failErr(w("err_cannot_read", file, lowerFirst(errors.Unwrap(err).Error())), nohint)
		}
		defer fh.Close()
		r = fh
	}
	m, err := reply.Read(r)
	if err != nil {
		return m, replyInputErr(a, err)
	}
	return m, nil
}

// replyInputErr words the reasons a reply cannot be read.
func replyInputErr(a *app, err error) error {
	keys := map[error]string{reply.ErrEmpty: "reply_empty", reply.ErrBinary: "reply_binary", reply.ErrTooBig: "reply_too_big",
		reply.ErrNoText: "reply_no_text", reply.ErrBadMail: "reply_bad_mail"}
	for e, k := range keys {
		if errors.Is(err, e) {
			if k == "reply_too_big" {
				return failErr(w(k, reply.MaxSize>>20), w("reply_input_hint"))
			}
			return failErr(w(k), w("reply_input_hint"))
		}
	}
	return err
}

// askAndRecord asks, entry by entry, what to keep; the contact is stored
// when the user keeps it, with the entries they said yes to.
func askAndRecord(a *app, c casefile.Case, m reply.Message, res reply.Result, now time.Time) (*recorded, error) {
	keep := true
	fields := []huh.Field{huh.NewConfirm().Title(msg(a.lang, "reply_ask_contact")).Value(&keep)}
	keepP := make([]bool, len(res.Promises))
	for i, p := range res.Promises {
		keepP[i] = true
		fields = append(fields, huh.NewConfirm().Title(msgf(a.lang, "reply_ask_promise", clean(p.Text), fmtDate(a.lang, p.Due, a.loc))).Value(&keepP[i]))
	}
	keepT := make([]bool, len(res.Tickets))
	for i, t := range res.Tickets {
		keepT[i] = true
		fields = append(fields, huh.NewConfirm().Title(msgf(a.lang, "reply_ask_ticket", clean(t))).Value(&keepT[i]))
	}
	if err := a.runForm(fields...); err != nil {
		return nil, err
	}
	if !keep {
		return nil, nil
	}
	var ps []reply.Promise
	for i, p := range res.Promises {
		if keepP[i] {
			ps = append(ps, p)
		}
	}
	var ts []string
	for i, t := range res.Tickets {
		if keepT[i] {
			ts = append(ts, t)
		}
	}
	return recordReply(a, c, m, res, now, ps, ts)
}

// recordReply stores the reply as one contact with its promises and
// tickets, in one transaction, dated by the mail's Date header (else now).
func recordReply(a *app, c casefile.Case, m reply.Message, res reply.Result, now time.Time, ps []reply.Promise, ts []string) (*recorded, error) {
	at := now
	if res.Sent != nil {
		at = *res.Sent
	}
	ch := casefile.ChannelEmail
	if res.Form == reply.FormChat {
		ch = casefile.ChannelChat
	}
	summary := m.Subject
	if summary == "" {
		summary = msg(a.lang, "reply_summary")
	}
	contact := casefile.Contact{CaseID: c.ID, Channel: ch, At: at, Rep: res.Sender, Summary: summary, FromCompany: true}
	var tickets []*casefile.Ticket
	for _, t := range ts {
		tickets = append(tickets, &casefile.Ticket{Number: t, CreatedAt: now})
	}
	var promises []*casefile.Promise
	for _, p := range ps {
		promises = append(promises, &casefile.Promise{Text: p.Text, By: res.Sender, Due: p.Due, CreatedAt: now})
	}
	s, err := a.open()
	if err != nil {
		return nil, err
	}
	if err := s.AddContactWith(a.ctx, &contact, tickets, promises); err != nil {
		return nil, err
	}
	rec := &recorded{ContactID: contact.ID, PromiseIDs: []int64{}, TicketIDs: []int64{}}
	for _, p := range promises {
		rec.PromiseIDs = append(rec.PromiseIDs, p.ID)
	}
	for _, t := range tickets {
		rec.TicketIDs = append(rec.TicketIDs, t.ID)
	}
	return rec, nil
}

// writeAnswer prints the drafted answer, or writes it to a file through
// the one output writer, and lists the blanks to fill on stderr.
func writeAnswer(a *app, sc prep.Script, format, to string, force bool) error {
	out := sc.Text()
	if format == "md" {
		out = sc.Markdown()
	}
	out = cleanBlock(out)
	if to != "" {
		if err := a.writeOutput(to, force, func(w io.Writer) error { _, err := io.WriteString(w, out); return err }); err != nil {
			return err
		}
		fmt.Fprintln(a.stderr, msgf(a.lang, "script_written", clean(to)))
	} else {
		fmt.Fprint(a.stdout, out)
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
