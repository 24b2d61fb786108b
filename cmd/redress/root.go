package main

import (
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/redress-cli/redress/casefile"
)

// run is main without os.Exit, so tests call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	// Every write to stdout is checked in one place: a full disk or a
	// closed pipe is an error (exit 1, one line), never a silent success.
	out := &checkedWriter{w: stdout}
	a := newApp(stdin, out, stderr, getenv)
	defer a.close()
	root := newRootCmd(a, commandNamed(args))
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(out)
	root.SetErr(stderr)
	err := root.Execute()
	if out.err != nil {
		err = failErr(w("out_stdout_failed", lowerFirst(unwrapOS(out.err).Error())), nohint)
	}
	if err != nil {
		if a.lang == "" { // cobra refused the arguments before the language was read
			_ = a.resolveLang(langArg(args))
		}
		return a.report(err, stderr)
	}
	return exitOK
}

// langArg is the value of --lang among args, read by hand for the errors
// cobra reports before the flags are parsed.
func langArg(args []string) string {
	for i, arg := range args {
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			return v
		}
		if arg == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""

}

// checkedWriter remembers the first write error and fails every write
// after it, so a command's output stops at the first failure.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// unwrapOS drops the "write /dev/stdout:" of an *os.PathError.
func unwrapOS(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// toolCommands are the commands only a build tool's binary has (built
// with a tag, like man in cmd_man.go), added last.
var toolCommands []func(root *cobra.Command) *cobra.Command

// commands are redress's commands in the order help lists them, each
// with the name it answers to and the help group it belongs to.
//
// They are built only when needed: a command line that names one of them
// (`redress remind list`) builds that one alone, so a command does not pay
// for building the other thirty with their flags, forms and completions
// (0.25 ms and some 120 page faults of a cold start, a tenth of
// `--version`; issue 19). Help, completion, an unknown word or a flag
// first build them all. TestCommandTable checks each name against the
// command its constructor builds.
var commands = []struct {
	name, group string
	build       func(*app) *cobra.Command
}{
	{"new", "case", newNewCmd}, {"prep", "case", newPrepCmd}, {"sheet", "case", newSheetCmd},
	{"list", "case", newListCmd}, {"show", "case", newShowCmd}, {"edit", "case", newEditCmd},
	{"close", "case", newCloseCmd}, {"reopen", "case", newReopenCmd}, {"search", "case", newSearchCmd},
	{"call", "log", newCallCmd}, {"readback", "log", newReadbackCmd}, {"note", "log", newNoteCmd},
	{"contact", "log", newContactCmd}, {"ticket", "log", newTicketCmd}, {"promise", "log", newPromiseCmd},
	{"ref", "log", newRefCmd}, {"attach", "log", newAttachCmd}, {"evidence", "log", newEvidenceCmd},
	{"remind", "", newRemindCmd}, {"script", "", newScriptCmd}, {"escalate", "", newEscalateCmd},
	{"history", "", newHistoryCmd}, {"undo", "", newUndoCmd}, {"next", "", newNextCmd},
	{"dossier", "", newDossierCmd}, {"reply", "", newReplyCmd}, {"backup", "", newBackupCmd},
	{"restore", "", newRestoreCmd}, {"export", "", newExportCmd}, {"import", "", newImportCmd},
}

// commandNamed is the command args start with, when it is one of
// commands; "" (build them all) otherwise. `redress --version` alone
// needs none of them: it gets a name no command has.
func commandNamed(args []string) string {
	if len(args) == 1 && args[0] == "--version" {
		return args[0]
	}
	if len(args) > 0 {
		for _, c := range commands {
			if c.name == args[0] {
				return c.name
			}
		}
	}
	return ""
}

// newRootCmd builds the command tree: every command, or only the one
// named only (see commands).
func newRootCmd(a *app, only string) *cobra.Command {
	var langFlag string
	root := &cobra.Command{
		Use:   "redress",
		Short: "Prepare, log and follow up a complaint to customer service",
		Long: `redress keeps your side of a complaint in one local case file: what happened,
who you spoke to, what they promised and by when. It prepares you for the
call, logs the call, reminds you when a promise is due, and writes the
follow-up or escalation when it is broken.

Nothing leaves this machine unless you export it.`,
		Example: `  redress new --title "Refund for headphones" --company Acme --kind refund
  redress promise 1 "refund 49 EUR to my card" --due friday --by Anna
  redress list
  redress show 1`,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			// What the history records of every change this command makes.
			a.ctx = casefile.WithOrigin(a.ctx, strings.TrimPrefix(cmd.CommandPath(), "redress "), func() time.Time {
				t, _ := a.now()
				return t
			})
			if err := a.resolveLang(langFlag); err != nil {
				return err
			}
			return a.readDashFlags(cmd)
		},
	}
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "case file (default $REDRESS_DB, then $XDG_DATA_HOME/redress/cases.db)")
	root.PersistentFlags().StringVar(&langFlag, "lang", "", "language of the output: en or ko (default $REDRESS_LANG, then $LANG)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &flagError{cmd: cmd.Name(), err: err}
	})
	root.AddGroup(&cobra.Group{ID: "case", Title: "Cases:"}, &cobra.Group{ID: "log", Title: "Recording what happens:"} /* words:ok help text stays English */)
	for _, c := range commands {
		if only == "" || only == c.name {
			sub := c.build(a)
			sub.GroupID = c.group
			root.AddCommand(sub)
		}
	}
	if only == "" {
		for _, c := range toolCommands {
			root.AddCommand(c(root))
		}
	}
	addCompletions(a, root)
	return root
}

// caseArg reads a case number argument.
func caseArg(s string) (int64, error) { return idArg("case", s) }

func idArg(what, s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, usageErr(w("err_id_number", w("what_"+what), s), w("hint_list_all"))
	}
	return n, nil
}

// exactArgs is cobra.ExactArgs with a message that names what is missing.
func exactArgs(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == len(names) {
			return nil
		}
		if len(args) < len(names) {
			return usageErr(w("err_missing_arg", w("arg_"+names[len(args)])), w("hint_usage", cmd.UseLine()))
		}
		return usageErr(w("err_too_many_args"), w("hint_usage_quote", cmd.UseLine()))
	}
}

// minArgs requires the named leading arguments and accepts more (free text).
func minArgs(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= len(names) {
			return nil
		}
		return usageErr(w("err_missing_arg", w("arg_"+names[len(args)])), w("hint_usage", cmd.UseLine()))
	}
}

var errNoChange = usageErr(w("err_nothing_to_change"), nohint)
