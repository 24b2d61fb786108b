package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/emersion/go-webdav"
	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/dates"
	"github.com/redress-cli/redress/reminders"
)

type remindOptions struct {
	caseID      int64
	json        bool
	output      string
	todo        bool
	url         string
	user        string
	passwordEnv string
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
Overdue rows start with "!". A last line counts the reminders further out:
--until DATE shows them up to that day, --all shows every one. --limit N
shows the soonest N.

--json prints an array of the same reminders; each has "uid", "case_id",
"rule", "entry_id", "at" (a date or an RFC 3339 time), "summary",
"description", "next" (the command to run), "status" ("upcoming", "today",
"overdue") and "days" (from today; negative when overdue).`,
		Example: `  redress remind list
  redress remind list --until 2027-01-31
  redress remind list --all --limit 20
  redress remind list --case 3 --json`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runRemindList(a, opts) },
	}
	caseFlag(cmd, &opts.remindOptions)
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&opts.all, "all", false, "every reminder, however far out")
	cmd.Flags().StringVar(&opts.until, "until", "", "reminders up to this day (default: the next 14 days)")
	cmd.Flags().IntVar(&opts.limit, "limit", 0, "most reminders to show, soonest first (0: no limit)")
	return cmd
}

func (a *app) reminders(caseID int64) ([]reminders.Reminder, time.Time, error) {
	now, err := a.now()
	if err != nil {
		return nil, now, err
	}
	if caseID < 0 {
		return nil, now, usageErr("--case must be a case number", "'redress list --all' shows the case numbers")
	}
	s, err := a.open()
	if err != nil {
		return nil, now, err
	}
	// One case at a time: the reminders are kept, the cases are not.
	var rs []reminders.Reminder
	err = s.EachActiveCase(a.ctx, caseID, func(f casefile.Full) error {
		rs = reminders.Append(rs, f, a.loc)
		return nil
	})
	if err != nil {
		return nil, now, err
	}
	reminders.Sort(rs, a.loc)
	return rs, now, nil
}

func runRemindList(a *app, opts *remindListOptions) error {
	if opts.limit < 0 {
		return usageErr("--limit must be 0 (no limit) or more", "")
	}
	if opts.all && opts.until != "" {
		return usageErr("--all and --until cannot be used together", "--all shows every reminder; --until DATE those up to that day")
	}
	rs, now, err := a.reminders(opts.caseID)
	if err != nil {
		return err
	}
	days := reminders.DefaultDays
	if opts.until != "" {
		until, err := dates.Parse(opts.until, now, a.loc)
		if err != nil {
			return fmt.Errorf("--until: %w", err)
		}
		days = until.DaysUntil(now, a.loc)
	}
	sel := reminders.Select(reminders.Upcoming(rs, now, a.loc), opts.all, days, opts.limit)
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
		rows := make([][]string, 0, len(sel.Shown))
		for _, d := range sel.Shown {
			when := fmtShortDate(l, d.At, now, a.loc) + " (" + relDays(l, d.At, now, a.loc, "overdue") + ")"
			if d.Status == reminders.StatusOverdue {
				when = "! " + when
			}
			rows = append(rows, []string{when, fmt.Sprint(d.CaseID), truncate(clean(d.Summary), 60), clean(d.Next)})
		}
		table(a.stdout, []string{msg(l, "col_when"), msg(l, "col_case"), msg(l, "col_reminder"), msg(l, "col_run")}, rows)
	}
	if sel.Cut > 0 {
		fmt.Fprintln(a.stdout, msgf(l, "remind_cut", len(sel.Shown), sel.Cut))
	}
	if sel.Later > 0 {
		fmt.Fprintln(a.stdout, msgf(l, "remind_later", sel.Later, last))
	}
	return nil
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

UIDs are stable, so importing a newer export updates the events instead of
duplicating them; a reminder that changed gets a higher SEQUENCE, and one
that was dropped (promise kept, case closed) is written once as cancelled.
--todo writes to-dos instead of events (many calendars ignore to-dos on
import). Without -o the file goes to standard output.`,
		Example: `  redress remind export -o followups.ics
  redress remind export --case 3 --todo > case3.ics`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runRemindExport(a, opts) },
	}
	caseFlag(cmd, opts)
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().BoolVar(&opts.todo, "todo", false, "write VTODO to-dos instead of VEVENT events")
	return cmd
}

func runRemindExport(a *app, opts *remindOptions) error {
	rs, now, err := a.reminders(opts.caseID)
	if err != nil {
		return err
	}
	// Events and to-dos are two calendars as far as a client is concerned,
	// so each keeps its own export state.
	target := reminders.TargetFile
	if opts.todo {
		target += " todo"
	}
	s := a.store
	prev, err := s.ExportRecords(a.ctx, target, opts.caseID)
	if err != nil {
		return err
	}
	items, save, err := reminders.Reconcile(target, rs, prev, now, a.loc)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		fmt.Fprintln(a.stderr, msg(a.lang, "remind_nothing"))
		return nil
	}
	// Streamed to its destination, not built in memory first.
	encode := func(w io.Writer) error {
		return reminders.Encode(w, items, reminders.Options{Todo: opts.todo, Name: "redress"})
	}
	if opts.output == "" || opts.output == "-" {
		if err := encode(a.stdout); err != nil {
			return err
		}
	} else if err := writeFileAtomic(opts.output, encode); err != nil {
		return failErr("cannot write "+opts.output+": "+unwrapPathError(err), "")
	}
	// The state is saved only once the file is written: a failed write
	// leaves the next export to send the same changes again.
	if err := s.SaveExportRecords(a.ctx, save); err != nil {
		return err
	}
	changed, cancelled := counts(items, save)
	where := opts.output
	if where == "" || where == "-" {
		where = msg(a.lang, "stdout")
	}
	fmt.Fprintln(a.stderr, msgf(a.lang, "remind_exported", len(items)-cancelled, changed, cancelled, where))
	return nil
}

// counts says how many exported items changed since the last export and
// how many are cancellations.
func counts(items []reminders.Item, save []casefile.ExportRecord) (changed, cancelled int) {
	for _, it := range items {
		if it.Cancelled {
			cancelled++
		}
	}
	return len(save) - cancelled, cancelled
}

// writeFileAtomic writes the file next to its destination and renames it,
// so a calendar watching the file never reads half of it.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func unwrapPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
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
iCloud, …): each is created or updated by its UID, and dropped ones are
deleted. --url is the calendar's address, or the server's when the account
has only one calendar. The password is read from the environment variable
named by --password-env (default ` + defaultPasswordEnv + `); it is never
a flag, so it stays out of shell history and the process list.`,
		Example: `  export REDRESS_CALDAV_PASSWORD=...
  redress remind push --url https://dav.example.com/calendars/me/personal/ --user me`,
		Args: exactArgs(),
		RunE: func(cmd *cobra.Command, _ []string) error { return runRemindPush(a, opts) },
	}
	caseFlag(cmd, opts)
	cmd.Flags().StringVar(&opts.url, "url", "", "CalDAV calendar or server address (required)")
	cmd.Flags().StringVar(&opts.user, "user", "", "user name")
	cmd.Flags().StringVar(&opts.passwordEnv, "password-env", "", "environment variable holding the password (default "+defaultPasswordEnv+")")
	return cmd
}

func runRemindPush(a *app, opts *remindOptions) error {
	if strings.TrimSpace(opts.url) == "" {
		return usageErr("missing --url", "e.g. --url https://dav.example.com/calendars/me/personal/")
	}
	envName := opts.passwordEnv
	if envName == "" {
		envName = defaultPasswordEnv
	}
	password := a.getenv(envName)
	if opts.passwordEnv != "" && password == "" {
		return usageErr(envName+" is empty or not set", "export "+envName+"=... before running push")
	}
	if opts.user != "" && password == "" {
		return usageErr("no password for "+opts.user, "put it in "+defaultPasswordEnv+", or name another variable with --password-env")
	}
	rs, now, err := a.reminders(opts.caseID)
	if err != nil {
		return err
	}
	var hc webdav.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	if opts.user != "" {
		hc = webdav.HTTPClientWithBasicAuth(hc, opts.user, password)
	}
	remote, err := reminders.Connect(a.ctx, hc, opts.url)
	if err != nil {
		var nc *reminders.NoCalendarError
		if errors.As(err, &nc) && len(nc.Found) > 0 {
			return usageErr(nc.Error(), "pass one of them as --url: "+strings.Join(nc.Found, ", "))
		}
		return failErr("CalDAV: "+err.Error(), "check --url and --user")
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
	res, err := remote.Push(a.ctx, items, reminders.Options{})
	if err != nil {
		return failErr("CalDAV: "+err.Error(), "nothing was recorded; run push again")
	}
	if err := a.store.SaveExportRecords(a.ctx, save); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, msgf(a.lang, "remind_pushed", remote.URL, res.Put, res.Deleted))
	return nil
}
