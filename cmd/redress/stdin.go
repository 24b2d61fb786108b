package main

import (
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// "-" as a long text reads it from stdin, so a note or a problem longer
// than a command line, or kept in a file, can be passed:
//
//	redress note 3 - < call-notes.txt
//	pbpaste | redress edit 3 --problem -

// stdinTextFlags are the flags whose value "-" means "read stdin".
var stdinTextFlags = []string{"problem", "outcome", "fallback", "summary", "note"}

// maxStdinText bounds a text read from stdin (1 MiB): a note, not a file.
const maxStdinText = 1 << 20

// readDashFlags replaces a "-" given to one of stdinTextFlags with stdin.
func (a *app) readDashFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if err != nil || f.Value.String() != "-" || !oneOfStrings(f.Name, stdinTextFlags) {
			return
		}
		var text string
		if text, err = a.stdinText("--" + f.Name); err == nil {
			err = f.Value.Set(text)
		}
	})
	return err
}

// stdinText reads the whole of stdin as one text, trimmed; what names the
// text for the messages. Stdin can give one text per command.
func (a *app) stdinText(what string) (string, error) {
	if a.stdinTaken != "" {
		return "", usageErr(w("err_stdin_twice", a.stdinTaken, what), w("hint_stdin_twice"))
	}
	a.stdinTaken = what
	b, err := io.ReadAll(io.LimitReader(a.stdin, maxStdinText+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxStdinText {
		return "", usageErr(w("err_stdin_long", what), nohint)
	}
	text := strings.TrimSpace(string(b))
	if text == "" {
		return "", usageErr(w("err_stdin_empty", what), w("hint_stdin_empty"))
	}
	return text, nil
}

func oneOfStrings(s string, list []string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// onInterrupt runs fn and exits with exitCancelled when the user presses
// Ctrl-C, until the returned stop is called. For commands that wait on a
// person for a long time (a live call), so the interruption can say how to
// go on instead of just vanishing.
func (a *app) onInterrupt(fn func()) (stop func()) {
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, os.Interrupt)
	go func() {
		select {
		case <-sig:
			fn()
			os.Exit(exitCancelled)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
