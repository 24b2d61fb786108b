package reminders

// Independent checks of the exports, by the programs calendar users rely
// on: Python's icalendar, Mozilla's ical.js and calcurse. They are never
// skipped: a missing tool fails the run and says how to install it
// (`make tools` does it all).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// debianPython is Debian's interpreter, where python3-icalendar lives: a
// python3 earlier on PATH (pyenv, a venv) would not see that package, and
// PyPI is not reachable to install it there.
const debianPython = "/usr/bin/python3"

func need(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("%s is not installed: run 'make tools' (it installs python3-icalendar, calcurse, radicale and ical.js)", tool)
	}
	return path
}

func icalJSDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".tools", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "ical.js", "package.json")); err != nil {
		t.Fatalf("ical.js is not installed in .tools/node_modules: run 'make tools'")
	}
	return dir
}

// parsed is one event or to-do as a validator reads it back.
type parsed struct {
	UID         string `json:"uid"`
	Summary     string `json:"summary"`
	Description string `json:"description"`
	Start       string `json:"start"`
	Status      string `json:"status"`
	Sequence    int    `json:"sequence"`
	Alarms      int    `json:"alarms"`
}

// expected is what every parser must read from items: the same text, dates,
// statuses and sequence numbers redress meant.
func expected(items []Item, todo bool) []parsed {
	var out []parsed
	for _, it := range items {
		p := parsed{UID: it.UID, Summary: Text(it.Summary), Description: Text(it.Description),
			Start: it.At.String(), Status: "CONFIRMED", Sequence: it.Sequence, Alarms: 1}
		if todo {
			p.Status = "NEEDS-ACTION"
		}
		if it.Cancelled {
			p.Status, p.Alarms = "CANCELLED", 0
		}
		out = append(out, p)
	}
	sortParsed(out)
	return out
}

func sortParsed(ps []parsed) { sort.Slice(ps, func(i, j int) bool { return ps[i].UID < ps[j].UID }) }

func readBack(t *testing.T, cmd *exec.Cmd) []parsed {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	var ps []parsed
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var p parsed
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("%s printed %q: %v", cmd.Args[0], line, err)
		}
		ps = append(ps, p)
	}
	return ps
}

// updatedExport is a second export of englishCase after promise 1 moved
// to Monday and promise 2 was kept: changed, unchanged and cancelled
// events in one file.
func updatedExport(t *testing.T) ([]Item, []Item) {
	t.Helper()
	f := englishCase()
	first, saved, err := Reconcile(TargetFile, For(f, seoul), nil, exportedAt, seoul)
	if err != nil {
		t.Fatal(err)
	}
	f.Promises[0].Due = day(2026, 11, 30)
	f.Promises = f.Promises[:1]
	second, _, err := Reconcile(TargetFile, For(f, seoul), saved, exportedAt.Add(26*time.Hour), seoul)
	if err != nil {
		t.Fatal(err)
	}
	return first, second
}

func TestValidatorsReadEveryExport(t *testing.T) {
	python, node := need(t, debianPython), need(t, "node")
	modules := icalJSDir(t)
	_, updated := updatedExport(t)
	cases := []struct {
		name  string
		items []Item
		opts  Options
	}{
		{"en", reconcileFresh(t, englishCase()), Options{}},
		{"ko", reconcileFresh(t, koreanCase()), Options{}},
		{"en-todo", reconcileFresh(t, englishCase()), Options{Todo: true}},
		{"en-updated", updated, Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), c.name+".ics")
			var buf bytes.Buffer
			if err := Encode(&buf, c.items, c.opts); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			want := expected(c.items, c.opts.Todo)
			py := readBack(t, exec.Command(python, filepath.Join("testdata", "validate_icalendar.py"), file))
			if !reflect.DeepEqual(py, want) {
				t.Errorf("Python icalendar reads\n%s\nwant\n%s", show(py), show(want))
			}
			js := exec.Command(node, filepath.Join("testdata", "validate_icaljs.mjs"), file)
			js.Env = append(os.Environ(), "ICALJS_DIR="+modules)
			if got := readBack(t, js); !reflect.DeepEqual(got, want) {
				t.Errorf("ical.js reads\n%s\nwant\n%s", show(got), show(want))
			}
		})
	}
}

func reconcileFresh(t *testing.T, f casefile.Full) []Item {
	items, _, err := Reconcile(TargetFile, For(f, seoul), nil, exportedAt, seoul)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func show(ps []parsed) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  %+v\n", p)
	}
	return b.String()
}

// calcurseImport imports file into a fresh calcurse data folder and
// returns what calcurse lists from 1 Nov 2026 for 120 days, one
// "MM/DD/YY summary" line per item.
func calcurseImport(t *testing.T, calcurse, file string) []string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"conf", "data", "tmp"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) string {
		cmd := exec.Command(calcurse, append([]string{"-C", filepath.Join(dir, "conf"), "-D", filepath.Join(dir, "data")}, args...)...)
		cmd.Env = append(os.Environ(), "TMPDIR="+filepath.Join(dir, "tmp"), "HOME="+dir, "TZ=Asia/Seoul")
		out, err := cmd.CombinedOutput()
		if err != nil {
			logs, _ := filepath.Glob(filepath.Join(dir, "tmp", "calcurse_log.*"))
			var detail []byte
			if len(logs) > 0 {
				detail, _ = os.ReadFile(logs[0])
			}
			t.Fatalf("calcurse %s: %v\n%s\n%s", strings.Join(args, " "), err, out, detail)
		}
		return string(out)
	}
	run("-q", "-i", file)
	out := run("-Q", "--from", "11/01/2026", "--days", "120", "--format-apt", " %m\n", "--format-event", " %m\n")
	var items []string
	date := ""
	header := regexp.MustCompile(`^\d\d/\d\d/\d\d:$`)
	for _, line := range strings.Split(out, "\n") {
		switch {
		case header.MatchString(line):
			date = strings.TrimSuffix(line, ":")
		case strings.HasPrefix(line, " "):
			items = append(items, date+" "+strings.TrimSpace(line))
		}
	}
	return items
}

// TestCalcurseImports imports the first export and then the updated one
// into calcurse, a real terminal calendar. calcurse keeps no UIDs, so
// importing into the same data folder twice would double everything
// whatever the file says; the way to use it with redress is a fresh folder
// per import of the latest export (which always carries every current
// reminder). The test shows that each import is complete, that nothing in
// it is doubled, and that the moved promise appears once, on its new day.
// (calcurse also ignores STATUS:CANCELLED, so it lists the kept promise's
// cancelled reminders; CalDAV servers and UID-aware clients drop them:
// see TestRadicalePush.)
func TestCalcurseImports(t *testing.T) {
	calcurse := need(t, "calcurse")
	first, second := updatedExport(t)
	for _, run := range []struct {
		name  string
		items []Item
	}{{"first", first}, {"updated", second}} {
		t.Run(run.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), run.name+".ics")
			var buf bytes.Buffer
			if err := Encode(&buf, run.items, Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			got := calcurseImport(t, calcurse, file)
			var want []string
			for _, it := range run.items {
				want = append(want, it.At.Time(seoul).Format("01/02/06")+" "+it.Summary)
			}
			sort.Strings(got)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("calcurse lists\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
	// The moved promise: once, on Monday 30 Nov, and not on Friday 27 Nov.
	got := calcurseImport(t, calcurse, writeTemp(t, second))
	n := 0
	for _, line := range got {
		if strings.HasPrefix(line, "11/27/26 Check: refund 49.90") {
			t.Errorf("the moved promise is still on its old day: %s", line)
		}
		if strings.HasPrefix(line, "11/30/26 Check: refund 49.90") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the moved promise is listed %d times on its new day", n)
	}
}

func writeTemp(t *testing.T, items []Item) string {
	file := filepath.Join(t.TempDir(), "export.ics")
	var buf bytes.Buffer
	if err := Encode(&buf, items, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}
