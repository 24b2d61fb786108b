package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
)

// hostile is user text that tries to take over a terminal: a screen
// clear, a colour, an OSC 8 link, an OSC 52 clipboard write, a carriage
// return that overprints, bidi overrides and isolates, and a C1 CSI.
const hostile = "evil\x1b[2J\x1b[31mred\x1b]8;;http://x.example\x07link\x1b]8;;\x07\x1b]52;c;aGVsbG8=\x07\rover\u202eabc\u2067iso\u2069\u009b31m"

// hostileName is hostile as a file name (no "/").
var hostileName = strings.ReplaceAll(hostile, "/", "_")

// rawRef is an account reference that must never be printed unmasked
// without --reveal.
const rawRef = "9876543210"

type exposure struct {
	args   []string
	code   int  // the exit code wanted
	json   bool // the output is JSON: user text verbatim, checked by decoding
	reveal bool // the output may show rawRef
}

// everyCommand runs every command (and the error paths that echo what
// the user typed) over a case whose every text field is hostile. A command
// that is not listed here fails TestEveryCommandIsExposureTested, so a
// new command is checked for terminal safety and leaks from its first day.
func everyCommand(dir string) []exposure {
	h := hostile
	export := filepath.Join(dir, "export.json")
	// A company's reply whose every sentence, signature and ticket carry
	// hostile text; the grade quotes them and the draft names the case.
	replyFile := filepath.Join(dir, "reply.txt")
	os.WriteFile(replyFile, []byte("Hello,\n\nI'm sorry "+h+" happened to you. Your refund "+h+" will reach you by friday.\n"+
		"Our courier is responsible "+h+". Your ticket number is AB-"+h+"-12345.\n\nKind regards,\nAnna "+h+"\n"), 0o600)
	return []exposure{
		{args: []string{"new", "--title", h, "--company", h, "--product", h, "--problem", h, "--outcome", h, "--fallback", h}},
		{args: []string{"new", "--title", h, "--json"}, json: true},
		{args: []string{"edit", "1", "--fallback", h}},
		{args: []string{"note", "1", h, "--kind", "research", "--url", h}},
		{args: []string{"contact", "1", "--channel", "call", "--rep", h, "--department", h, "--summary", h, "--ticket", h, "--promise", h + "@friday"}},
		{args: []string{"ticket", "1", h, "--label", h, "--expected", "friday"}},
		{args: []string{"promise", "1", h, "--due", "friday", "--by", h}},
		{args: []string{"promise", "kept", "1"}},
		{args: []string{"promise", "broken", "2"}},
		{args: []string{"promise", "cancel", "1"}},
		{args: []string{"ref", "1", h, "ACCT-77\x1b[2J"}},
		{args: []string{"attach", "1", filepath.Join(dir, hostileName+".gif"), "--note", h}},
		{args: []string{"evidence", "1"}},
		{args: []string{"evidence", "1", "--json"}, json: true},
		{args: []string{"evidence", "get", "1", "-o", filepath.Join(dir, "copy"+hostileName+".gif")}},
		{args: []string{"dossier", "1", "-o", filepath.Join(dir, "dossier"+hostileName+".html")}},
		{args: []string{"list"}},
		{args: []string{"list", "--all", "--company", h}},
		{args: []string{"list", "--json"}, json: true},
		{args: []string{"show", "1"}},
		{args: []string{"show", "1", "--json"}, json: true},
		{args: []string{"show", "1", "--reveal", "--force"}, reveal: true},
		{args: []string{"search", "evil"}},
		{args: []string{"search", rawRef[len(rawRef)-4:]}}, // a reference is found by what its mask shows
		{args: []string{"search", "account"}},
		{args: []string{"search", "evil", "--json"}, json: true},
		{args: []string{"search", h}},
		{args: []string{"export", "--json"}, json: true},
		{args: []string{"export", "--json", "-o", export}},
		{args: []string{"export", "--json", "--reveal", "--force"}, json: true, reveal: true},
		{args: []string{"--db", filepath.Join(dir, "copy.db"), "import", export}, code: 1}, // masked refs: refused
		{args: []string{"backup", filepath.Join(dir, "backup"+hostileName+".db")}},
		{args: []string{"prep", "1", "--finding", h, "--url", h, "--tried", h, "--event", "2 Nov: " + h, "--account", h + "=" + rawRef}},
		{args: []string{"prep", "1", "--problem", h, "--outcome", h, "--opening", h, "--docs", h, "--supervisor-line", h,
			"--record", "yes", "--record-line", h, "--email", h, "--chat", h, "--social", h, "--review", h, "--regulator", h}},
		{args: []string{"prep", "1", "--check"}, code: 3},
		{args: []string{"prep", "1", "--check", "--json"}, code: 3}, // no user text in it: scanned as human output
		{args: []string{"edit", "1", "--phone", h, "--hours", h}},
		{args: []string{"sheet", "1"}},
		{args: []string{"sheet", "1", "--format", "md"}},
		{args: []string{"sheet", "1", "--format", "json"}, json: true},
		{args: []string{"call", "1", "--rep", h + " (" + h + ")", "--ticket", h, "--promise", h + "@friday", "--note", h, "--refused", h}},
		{args: []string{"call", "1", "--resume", "--end", "--confirmed"}},
		{args: []string{"readback", "1"}},
		{args: []string{"readback", "1", "--json"}, json: true},
		{args: []string{"script", "1", "followup"}},
		{args: []string{"script", "1", "social", "--format", "md"}},
		{args: []string{"escalate", "1", "supervisor", "--note", h}},
		{args: []string{"next", "1"}},
		{args: []string{"reply", "1", replyFile}},
		{args: []string{"reply", "1", replyFile, "--record"}},
		{args: []string{"remind", "list"}},
		{args: []string{"remind", "list", "--json"}, json: true},
		// The .ics itself is a file format with CRLF lines, checked by the
		// reminders tests; what reaches the terminal is the summary line.
		{args: []string{"remind", "export", "-o", filepath.Join(dir, "followups.ics")}},
		{args: []string{"remind", "push", "--url", "http://127.0.0.1:1/" + hostileName}, code: 2},
		{args: []string{"close", "2", "--outcome", h}},
		{args: []string{"reopen", "2"}},
		{args: []string{"evidence", "delete", "1"}},
		// Corrections, the history and undo: every old and new value is
		// user text, and a reference value is masked in each of them.
		{args: []string{"note", "edit", "2", "--text", h + "!"}},
		{args: []string{"contact", "edit", "1", "--summary", h + "!"}},
		{args: []string{"ticket", "edit", "2", "--label", h + "!"}},
		{args: []string{"promise", "edit", "2", "--text", h + "!"}},
		{args: []string{"promise", "extend", "3", "--due", "2026-12-31", "--by", h, "--note", h}},
		{args: []string{"ref", "edit", "1", "--label", h + "!"}},
		{args: []string{"ref", "edit", "2", "--value", rawRef}},
		{args: []string{"escalate", "edit", "1", "--note", h + "!"}},
		{args: []string{"history", "1"}},
		{args: []string{"history", "1", "--json"}, json: true},
		{args: []string{"undo"}},
		{args: []string{"undo", "--case", "1"}},
		{args: []string{"note", "delete", "2"}},
		{args: []string{"ticket", "delete", "2"}},
		{args: []string{"promise", "delete", "2"}},
		{args: []string{"ref", "delete", "1"}},
		{args: []string{"escalate", "delete", "1"}},
		{args: []string{"contact", "delete", "1"}, code: 1},
		{args: []string{"contact", "delete", "1", "--with-entries"}},
		{args: []string{"undo"}},
		{args: []string{"import", "--merge", export}, code: 1}, // masked refs: refused with a hint
		{args: []string{"restore", filepath.Join(dir, "backup"+hostileName+".db")}},
		{args: []string{"restore", filepath.Join(dir, hostileName+".missing")}, code: 1},
		// Error messages that quote what was typed.
		{args: []string{"edit", "1", "--kind", h}, code: 2},
		{args: []string{"show", h}, code: 2},
		{args: []string{"promise", "1", "x", "--due", h}, code: 2},
		{args: []string{"contact", "1", "--channel", h}, code: 2},
		{args: []string{"note", "1", "x", "--kind", h}, code: 2},
		{args: []string{"list", "--status", h}, code: 2},
		{args: []string{"ref", "1", "PIN" + h, rawRef}, code: 2},
		{args: []string{"import", filepath.Join(dir, h+".json")}, code: 1},
		{args: []string{"attach", "1", filepath.Join(dir, h+".missing")}, code: 1},
		{args: []string{"--db", filepath.Join(dir, hostileName+".txt"), "list"}, code: 1}, // not a case file
		{args: []string{h}, code: 1},
	}
}

// exposureExempt are commands with no user data in their output.
var exposureExempt = map[string]bool{"help": true, "completion": true, "man": true}

func TestEveryCommandIsExposureTested(t *testing.T) {
	tested := map[string]bool{}
	for _, e := range everyCommand(t.TempDir()) {
		for i := range e.args {
			tested[strings.Join(e.args[:i+1], " ")] = true
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			path := strings.TrimPrefix(sub.CommandPath(), "redress ")
			if exposureExempt[strings.Fields(path)[0]] || sub.Hidden {
				continue
			}
			if sub.Runnable() && !tested[path] {
				t.Errorf("command %q is not in everyCommand: add it with hostile input, so its output is checked for terminal control and leaked references", path)
			}
			walk(sub)
		}
	}
	walk(newRootCmd(newApp(nil, nil, nil, os.Getenv), ""))
}

// TestNoTerminalControlNoLeak runs everyCommand and checks every byte it
// prints: human output has no escape, control or bidi character from the
// user's text, JSON keeps that text verbatim, and the account reference
// appears nowhere in full unless --reveal was given.
func TestNoTerminalControlNoLeak(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"REDRESS_DB": filepath.Join(dir, "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00", "NO_COLOR": "1"}
	getenv := func(k string) string { return env[k] }
	redress := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr, getenv)
		return stdout.String(), stderr.String(), code
	}
	must(t, os.WriteFile(filepath.Join(dir, hostileName+".txt"), []byte(strings.Repeat("not a database ", 20)), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, hostileName+".gif"), []byte("GIF89a a photo"), 0o600))
	for _, setup := range [][]string{
		{"new", "--title", hostile, "--company", hostile, "--product", hostile, "--problem", hostile, "--outcome", hostile, "--fallback", hostile},
		{"new", "--title", "second"},
		{"ref", "1", "account number", rawRef},
		{"note", "1", hostile},
	} {
		if _, stderr, code := redress(setup...); code != 0 {
			t.Fatalf("%v: %s", setup[0], stderr)
		}
	}
	for _, e := range everyCommand(dir) {
		name := shortArgs(e.args)
		stdout, stderr, code := redress(e.args...)
		if code != e.code {
			t.Errorf("redress %s: exit %d, want %d\n%s", name, code, e.code, stderr)
		}
		if !e.reveal && strings.Contains(stdout+stderr, rawRef) {
			t.Errorf("redress %s printed the account reference in full:\n%s%s", name, stdout, stderr)
		}
		if e.json {
			if !strings.Contains(decodeStrings(t, stdout), hostile) {
				t.Errorf("redress %s: JSON does not keep the user's text verbatim", name)
			}
			if bad := controlIn(stderr); bad != "" {
				t.Errorf("redress %s: stderr has %s", name, bad)
			}
			continue
		}
		if bad := controlIn(stdout + stderr); bad != "" {
			t.Errorf("redress %s: output has %s:\n%q", name, bad, stdout+stderr)
		}
		if e.code == 0 && stdout+stderr == "" {
			t.Errorf("redress %s printed nothing; the check would prove nothing", name)
		}
	}
}

// controlIn names the first character in s that could control a
// terminal or reorder text: C0 controls but newline, DEL, C1 controls,
// and bidi controls.
func controlIn(s string) string {
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || isBidiControl(r)) {
			return "the control character " + strings.Trim(jsonQuote(string(r)), `"`)
		}
	}
	return ""
}

func jsonQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

// decodeStrings decodes a JSON document and returns all its strings,
// joined, so that a test can look for a value wherever it sits.
func decodeStrings(t *testing.T, doc string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v)
			b.WriteByte(0)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return b.String()
}
