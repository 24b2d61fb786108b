package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/outfile"
	"github.com/redress-cli/redress/reminders"
)

type remindOptions struct {
	caseID      int64
	json        bool
	out         outputFlags
	todo        bool
	noCancelled bool
	url         string
	user        string
	passwordEnv string
	insecure    bool
	create      bool
}

func newRemindCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "remind",
		Short: "Follow-up reminders: list them, export them to a calendar, push them by CalDAV",
		Long: `Reminders come from the case file: a promise on its due date and, if still
pending, the next working day; a ticket's expected date; 3 days before and on
the last day of a return window or warranty; an email, letter or web form with
no reply after the case's --no-reply-days (default 5); and the statutory
clocks of the case's jurisdiction. Each says the command to run next.

A closed case has none; a kept or cancelled promise drops its reminders, and
the next export or push cancels them in the calendar.`,
		Example: `  redress remind list
  redress remind export -o followups.ics
  REDRESS_CALDAV_PASSWORD=... redress remind push --url https://dav.example.com/ --user me`,
		GroupID: "case",
	}
	cmd.AddCommand(newRemindListCmd(a), newRemindExportCmd(a), newRemindPushCmd(a))
	return cmd
}

func caseFlag(cmd *cobra.Command, opts *remindOptions) {
	cmd.Flags().Int64Var(&opts.caseID, "case", 0, "only this case")
}

// remindListOptions are list's own flags beside the shared ones.
type remindListOptions struct {
	remindOptions
	all   bool
	until string
	limit int
}

func newRemindListCmd(a *app) *cobra.Command {
	opts := &remindListOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Overdue reminders and those of the next 14 days, soonest first",
		Long: `List the overdue reminders whose cause is still open (a pending promise, an
unanswered letter) and those of today and the next 14 days, soonest first.
Overdue rows start with "!". At most 50 rows, overdue first, unless --limit
says otherwise (--limit 0 shows all). A last line counts what is not shown:
--limit 0 shows every row up to the last day, --until DATE shows the days up
to DATE, --all every day (with --limit 0, every reminder).

--json prints an array of the same reminders, up to the same limit; each has "uid", "case_id",
"rule", "entry_id", "at" (a date or an RFC 3339 time), "summary",
"description", "next" (the command to run), "status" ("upcoming", "today",
"overdue") and "days" (from today; negative when overdue).`,
		Example: `  redress remind list
  redress remind list --until 2027-01-31
  redress remind list --all --limit 20
  redress remind list --limit 0 --json
  redress remind list --case 3 --json`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runRemindList(a, opts) },
	}
	caseFlag(cmd, &opts.remindOptions)
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&opts.all, "all", false, "every reminder, however far out")
	cmd.Flags().StringVar(&opts.until, "until", "", "reminders up to this day (default: the next 14 days)")
	cmd.Flags().IntVar(&opts.limit, "limit", defaultListLimit, "most reminders to show, overdue first (0: all)")
	return cmd
}

// reminders returns every stored reminder (of one case when caseID > 0),
// soonest first: what push sends.
func (a *app) reminders(caseID int64) ([]reminders.Reminder, time.Time, error) {
	now, err := a.now()
	if err != nil {
		return nil, now, err
	}
	if caseID < 0 {
		return nil, now, usageErr(w("err_case_number"), w("hint_list_all"))
	}
	s, err := a.open()
	if err != nil {
		return nil, now, err
	}
	stored, err := s.StoredReminders(a.ctx, caseID)
	if err != nil {
		return nil, now, err
	}
	rs := make([]reminders.Reminder, len(stored))
	for i, r := range stored {
		rs[i] = reminders.FromStored(r)
	}
	return rs, now, nil
}

func runRemindList(a *app, opts *remindListOptions) error {
	if opts.limit < 0 {
		return usageErr(w("err_limit_remind"), nohint)
	}
	if opts.all && opts.until != "" {
		return usageErr(w("err_all_until"), w("hint_all_until"))
	}
	now, err := a.now()
	if err != nil {
		return err
	}
	if opts.caseID < 0 {
		return usageErr(w("err_case_number"), w("hint_list_all"))
	}
	days := reminders.DefaultDays
	if opts.until != "" {
		// Read as the case's dates are with --case; otherwise the
		// locale says how 1/12 reads.
		r := a.dateReader(now, "")
		if opts.caseID > 0 {
			if r, err = a.caseDates(opts.caseID); err != nil {
				return err
			}
		}
		until, err := r.Parse(opts.until)
		if err != nil {
			return fmt.Errorf("--until: %w", err)
		}
		days = until.DaysUntil(now, a.loc)
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	// One range of the stored reminders' index: the overdue ones still
	// listed, and those from today to the last day shown, up to the limit;
	// the rest is only counted.
	today := casefile.DateOf(now.In(a.loc))
	rg := casefile.ReminderRange{
		CaseID: opts.caseID, From: today.Time(a.loc).Unix(), To: casefile.NoEnd,
		Now: now.Unix(), Tomorrow: today.AddDays(1).Time(a.loc).Unix(),
		Limit: opts.limit, Brief: !opts.json,
	}
	if !opts.all {
		rg.To = today.AddDays(max(days, -1) + 1).Time(a.loc).Unix()
	}
	var rs []reminders.Reminder
	left, err := s.ListReminders(a.ctx, rg, func(r casefile.StoredReminder) error {
		rs = append(rs, reminders.FromStored(r))
		return nil
	})
	if err != nil {
		return err
	}
	sel := reminders.Select(reminders.Upcoming(rs, now, a.loc), opts.all, days, 0)
	sel.Cut += left.Cut
	sel.Later += left.Later
	if opts.json {
		list := sel.Shown
		if list == nil {
			list = []reminders.Dated{}
		}
		return writeJSON(a.stdout, list)
	}
	l := a.lang
	last := fmtShortDate(l, casefile.DateOf(now.In(a.loc)).AddDays(days), now, a.loc)
	switch {
	case len(sel.Shown) == 0 && sel.Later == 0:
		fmt.Fprintln(a.stdout, msg(l, "remind_none"))
		return nil
	case len(sel.Shown) == 0:
		fmt.Fprintln(a.stdout, msgf(l, "remind_none_until", last))
	default:
		printReminders(a, sel.Shown, now)
	}
	// One last line says what is not shown, and how to see it; when a
	// count stopped at its cap, that there are at least the cap (a sum of
	// capped counts would read as exact).
	many := casefile.DefaultCountCap
	switch {
	case left.AtLeast && sel.Cut > 0 && sel.Later > 0:
		fmt.Fprintln(a.stdout, msgf(l, "remind_not_shown_many", many, last))
	case left.AtLeast && sel.Cut > 0:
		fmt.Fprintln(a.stdout, msgf(l, "remind_cut_many", many))
	case left.AtLeast && sel.Later > 0:
		fmt.Fprintln(a.stdout, msgf(l, "remind_after_many", many, last))
	case sel.Cut > 0 && sel.Later > 0:
		fmt.Fprintln(a.stdout, msgf(l, "remind_not_shown", sel.Cut+sel.Later, sel.Later, last))
	case sel.Cut > 0:
		fmt.Fprintln(a.stdout, countf(l, "remind_cut", sel.Cut, sel.Cut))
	case sel.Later > 0:
		fmt.Fprintln(a.stdout, countf(l, "remind_after", sel.Later, sel.Later, last))
	}
	return nil
}

// printReminders prints the table of remind list.
func printReminders(a *app, list []reminders.Dated, now time.Time) {
	l := a.lang
	width, fit := a.termWidth()
	rows := make([][]string, 0, len(list))
	for _, d := range list {
		when := fmtShortDate(l, d.At, now, a.loc) + " (" + relDays(l, d.At, now, a.loc, "overdue") + ")"
		if d.Status == reminders.StatusOverdue {
			when = "! " + when
		}
		summary := clean(d.Summary)
		if !fit {
			summary = truncate(summary, 60)
		}
		rows = append(rows, []string{when, fmt.Sprint(d.CaseID), summary, clean(d.Next)})
	}
	header := []string{msg(l, "col_when"), msg(l, "col_case"), msg(l, "col_reminder"), msg(l, "col_run")}
	if !fit {
		table(a.stdout, header, rows) // into a pipe: whole rows
		return
	}
	// On a terminal every row fits: the reminder is shortened (--json has
	// it whole); when even then the command to run would not fit beside
	// it, the command goes on its own line under its reminder.
	fixed := 0
	for i := range header {
		if i != 2 {
			w := displayWidth(header[i])
			for _, r := range rows {
				w = max(w, displayWidth(r[i]))
			}
			fixed += w + 2
		}
	}
	if width-fixed >= 20 {
		fitColumn(header, rows, 2, width)
		table(a.stdout, header, rows)
		return
	}
	short := make([][]string, len(rows))
	for i, r := range rows {
		short[i] = r[:3]
	}
	fitColumn(header[:3], short, 2, width)
	var b strings.Builder
	table(&b, header[:3], short)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	fmt.Fprintln(a.stdout, lines[0])
	for i, r := range rows {
		fmt.Fprintln(a.stdout, lines[i+1])
		fmt.Fprintln(a.stdout, runewidth.Truncate("    → "+r[3], width, "…"))
	}
}

func newRemindExportCmd(a *app) *cobra.Command {
	opts := &remindOptions{}
	cmd := &cobra.Command{
		Use:   "export [-o FILE]",
		Short: "Write the reminders as an iCalendar (.ics) file",
		Long: `Write every reminder as an iCalendar file that any calendar imports: one
event per reminder, all-day for a date and in UTC for a time of day, each with
an alarm, its case, company, tickets and the command to run next. Account
references are never written, not even masked.

UIDs are stable and carry the case file's own id, so importing a newer
export updates the events instead of duplicating them, and two case files
never touch each other's events. A reminder that changed gets a higher
SEQUENCE, and one that was dropped (promise kept, case closed) is written
once as cancelled to each FILE: every FILE keeps its own record of what it
was sent. Standard output and pipes keep none, so they get no cancellations.
--no-cancelled leaves cancellations out (calcurse imports them as live
events; re-import into an empty calcurse calendar instead).

-o FILE is written 0600 via a temporary file; an existing FILE is replaced
only when it is an earlier redress export, or with --force, and never the
case file. --todo writes to-dos instead of events (many calendars ignore
to-dos on import). Without -o the file goes to standard output.`,
		Example: `  redress remind export -o followups.ics
  redress remind export --case 3 --todo > case3.ics`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runRemindExport(a, opts) },
	}
	caseFlag(cmd, opts)
	opts.out.bind(cmd, "write to FILE instead of standard output") // words:ok help text stays English
	cmd.Flags().BoolVar(&opts.todo, "todo", false, "write VTODO to-dos instead of VEVENT events")
	cmd.Flags().BoolVar(&opts.noCancelled, "no-cancelled", false, "leave out the cancelled reminders (for calcurse, which imports them as live)")
	return cmd
}

func runRemindExport(a *app, opts *remindOptions) error {
	now, err := a.now()
	if err != nil {
		return err
	}
	if opts.caseID < 0 {
		return usageErr(w("err_case_number"), w("hint_list_all"))
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	force := opts.out.force
	if opts.out.path != "" && !force && reminders.IsOwnExport(opts.out.path) {
		// A file redress exported before holds nothing the user wrote:
		// exporting again to it is the normal way to update it.
		force = true
	}
	var f *outfile.File
	if opts.out.path != "" {
		if f, err = a.createOutput(opts.out.path, force); err != nil {
			return err
		}
		defer f.Abort()
	}
	// The export state belongs to one destination: the absolute path of
	// a regular file. A pipe or stdout keeps none, so looking at the
	// export (remind export | less) uses up nothing.
	var target string
	if f != nil && f.Kind() != outfile.KindStream {
		target, err = reminders.FileTarget(opts.out.path, opts.todo)
		if err != nil {
			return err
		}
	}
	// One transaction: the stored reminders, streamed soonest first beside
	// the target's record of each (by UID and hash, in SQL), then the new
	// record, all of one snapshot. Nothing is held but the few reminders
	// to cancel.
	e, err := s.BeginExport(a.ctx, target, opts.caseID)
	if err != nil {
		return err
	}
	defer e.End()
	dropped, err := e.Dropped(a.ctx)
	if err != nil {
		return err
	}
	cancels, err := reminders.Cancellations(dropped, now, a.loc)
	if err != nil {
		return err
	}
	if opts.noCancelled {
		cancels = nil
	}
	var out io.Writer = a.stdout
	if f != nil {
		out = f
	}
	st := reminders.NewStream(out, reminders.Options{Todo: opts.todo, Name: "redress"})
	err = e.Rows(a.ctx, func(r casefile.ExportRow) error {
		it := reminders.ExportItem(r, now)
		for len(cancels) > 0 && reminders.Before(cancels[0], it, a.loc) {
			st.Add(cancels[0])
			cancels = cancels[1:]
		}
		st.Add(it)
		return nil
	})
	if err != nil {
		return err
	}
	cancelled := len(dropped)
	if opts.noCancelled {
		cancelled = 0
	}
	for _, it := range cancels {
		st.Add(it)
	}
	if st.Count() == 0 {
		fmt.Fprintln(a.stderr, msg(a.lang, "remind_nothing"))
		if _, err := e.Record(a.ctx, now); err != nil {
			return err
		}
		return e.Commit()
	}
	if err := st.Close(); err != nil {
		return a.outputErr(err)
	}
	if f != nil {
		if err := f.Commit(); err != nil {
			return a.outputErr(err)
		}
	}
	// The state is saved only once the file is written: a failed write
	// leaves the next export to send the same changes again.
	changed, err := e.Record(a.ctx, now)
	if err != nil {
		return err
	}
	if err := e.Commit(); err != nil {
		return err
	}
	if target == "" {
		changed = st.Count() - cancelled // a stream keeps no record: all of it is new to it
	}
	where := clean(opts.out.path)
	if where == "" || where == "-" {
		where = msg(a.lang, "stdout")
	}
	fmt.Fprintln(a.stderr, msgf(a.lang, "remind_exported", count(a.lang, "cnt_reminder", st.Count()-cancelled), changed, cancelled, where))
	return nil
}

// defaultPasswordEnv is where push looks for the CalDAV password when
// --password-env is not given. There is deliberately no --password flag:
// a password on the command line lands in shell history and in ps.
const defaultPasswordEnv = "REDRESS_CALDAV_PASSWORD"

func newRemindPushCmd(a *app) *cobra.Command {
	opts := &remindOptions{}
	cmd := &cobra.Command{
		Use:   "push --url URL [--user USER] [--password-env VAR]",
		Short: "Put the reminders into a CalDAV calendar",
		Long: `Put every reminder into a CalDAV calendar (Nextcloud, Radicale, Fastmail,
iCloud, …): each is created or updated by its UID, unchanged ones are left
alone, and dropped ones are deleted. --url is the calendar's address, or the
server's when the account has only one calendar. The calendar must exist;
--create makes the one --url names (MKCALENDAR). Each event is recorded as
it is sent, so a push that was interrupted (Ctrl-C, a dropped line) resumes
where it stopped.

The password is read from the environment variable named by --password-env
(default ` + defaultPasswordEnv + `); it is never a flag nor part of --url,
so it stays out of shell history and the process list. It is sent only to
the host and port of --url (a redirect elsewhere is refused), and over
plain http only to this machine unless --insecure.`,
		Example: `  export REDRESS_CALDAV_PASSWORD=...
  redress remind push --url https://dav.example.com/calendars/me/personal/ --user me`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Ctrl-C stops the push between two events; what was sent
			// is recorded, so the next push resumes.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			a.ctx = ctx
			return runRemindPush(a, opts)
		},
	}
	caseFlag(cmd, opts)
	cmd.Flags().StringVar(&opts.url, "url", "", "CalDAV calendar or server address (required)")
	cmd.Flags().StringVar(&opts.user, "user", "", "user name")
	cmd.Flags().StringVar(&opts.passwordEnv, "password-env", "", "environment variable holding the password (default "+defaultPasswordEnv+")")
	cmd.Flags().BoolVar(&opts.create, "create", false, "create the calendar named by --url if it does not exist")
	cmd.Flags().BoolVar(&opts.insecure, "insecure", false, "allow a password over plain http to another machine")
	return cmd
}

func runRemindPush(a *app, opts *remindOptions) error {
	l := a.lang
	if strings.TrimSpace(opts.url) == "" {
		return usageErr(w("push_no_url"), w("push_url_example"))
	}
	envName := opts.passwordEnv
	if envName == "" {
		envName = defaultPasswordEnv
	}
	password := a.getenv(envName)
	if opts.passwordEnv != "" && password == "" {
		return usageErr(w("push_env_empty", envName), w("push_env_empty_hint", envName))
	}
	if opts.user != "" && password == "" {
		return usageErr(w("push_no_password", clean(opts.user)), w("push_no_password_hint", defaultPasswordEnv))
	}
	if opts.user == "" {
		password = "" // no user, no Basic auth: the password is not sent
	}
	base, err := reminders.CheckURL(opts.url, password != "", opts.insecure)
	switch {
	case errors.Is(err, reminders.ErrPasswordInURL):
		return usageErr(w("push_url_password"), w("push_url_password_hint", defaultPasswordEnv))
	case errors.Is(err, reminders.ErrInsecure):
		return usageErr(w("push_insecure"), w("push_insecure_hint"))
	case err != nil:
		return usageErr(w("push_not_http"), w("push_url_example"))
	}
	rs, now, err := a.reminders(opts.caseID)
	if err != nil {
		return err
	}
	hc := reminders.NewHTTPClient(base, opts.user, password, 30*time.Second, nil)
	remote, err := reminders.Connect(a.ctx, hc, base.String(), opts.create)
	if err != nil {
		return a.pushErr(err, envName)
	}
	target := "caldav " + remote.URL
	prev, err := a.store.ExportRecords(a.ctx, target, opts.caseID)
	if err != nil {
		return err
	}
	items, save, err := reminders.Reconcile(target, rs, prev, now, a.loc)
	if err != nil {
		return err
	}
	// Each event's record is saved as soon as the server has it, so an
	// interrupted push resumes where it stopped.
	res, err := remote.Push(a.ctx, items, save, reminders.Options{}, func(rec casefile.ExportRecord) error {
		return a.store.SaveExportRecords(context.WithoutCancel(a.ctx), []casefile.ExportRecord{rec})
	})
	if err != nil {
		fmt.Fprintln(a.stderr, msgf(l, "remind_pushed", clean(remote.URL), res.Created, res.Updated, res.Unchanged, res.Deleted))
		return a.pushErr(err, envName)
	}
	fmt.Fprintln(a.stderr, msgf(l, "remind_pushed", clean(remote.URL), res.Created, res.Updated, res.Unchanged, res.Deleted))
	return nil
}

// pushErr words what went wrong talking to the CalDAV server, never with
// the password, and says what to do.
func (a *app) pushErr(err error, envName string) error {
	var nc *reminders.NoCalendarError
	var re *reminders.RedirectError
	switch {
	case errors.Is(err, context.Canceled):
		return &cliError{code: exitCancelled, msg: w("push_cancelled")}
	case errors.As(err, &nc) && nc.Missing != "":
		return failErr(w("push_missing_calendar", clean(nc.Missing)), w("push_missing_calendar_hint"))
	case errors.As(err, &nc) && len(nc.Found) > 0:
		return usageErr(w("push_several", len(nc.Found)), w("push_several_hint", clean(strings.Join(nc.Found, ", "))))
	case errors.As(err, &nc):
		return failErr(w("push_no_calendar"), w("push_missing_calendar_hint"))
	case errors.Is(err, reminders.ErrUnauthorized):
		return failErr(w("push_unauthorized"), w("push_unauthorized_hint", envName))
	case errors.As(err, &re):
		return failErr(w("push_redirect", clean(re.From), clean(re.To)), w("push_redirect_hint"))
	case errors.Is(err, reminders.ErrTooLarge):
		return failErr(w("push_too_large"), nohint)
	}
	return failErr(caldavWords(err), w("push_retry_hint"))
}

// caldavWords says which step of talking to the server failed, in words,
// with the server's own error after them.
func caldavWords(err error) words {
	var ce *reminders.CalDAVError
	if errors.As(err, &ce) {
		var m *casefile.Message
		if errors.As(ce.Err, &m) { // redress's own reason (too many redirects), in the user's language
			return w("err_caldav_step", w("caldav_"+ce.Step), w(m.Key, m.Args...))
		}
		return w("err_caldav_step", w("caldav_"+ce.Step), ce.Err.Error())
	}
	return w("err_caldav", lowerFirst(err.Error()))
}
