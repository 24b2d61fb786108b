// Command redress-benchrun times redress side by side with its floor
// (cmd/redress-benchfloor) and with Taskwarrior, as `make bench` runs it
// (cmd/redress-benchgen/bench.sh writes the rows).
//
// Each row of standard input is one benchmarked command, tab-separated:
//
//	name  writes  redress-command  floor-command  taskwarrior-command
//
// (a command is words, split as a shell would split them, with single
// or double quotes; "-" when there is none). The three commands of a row
// run in one alternating loop, round after round, in a rotating order, so
// a burst of load on the shared machine falls on all of them alike. For
// each round the ratios redress/floor and redress/Taskwarrior are taken,
// and the table shows their medians, with the medians of the times and
// the peak memory (the largest maximum resident set of any run).
//
// A row that writes (writes = 1) gets fresh copies before every run of
// each command: the case file (-db to $REDRESS_DB), the floor's file
// (-floordb to $REDRESS_FLOOR_DB) and Taskwarrior's data folder
// (-taskdata to $TASKDATA), outside the timing, so no run sees what an
// earlier one wrote. The other rows read copies made once.
//
// The exit status is 1 when a target is missed: redress more than 2× its
// floor, less than 10× faster than Taskwarrior, or above 40 MiB.
//
// With -floorlabel and -floortarget the second command is not the floor
// but anything redress is compared with: `make bench-flat` runs redress on
// the 40,000-case file against redress on the 10,000-case file, at most
// 1.3× (cmd/redress-benchgen/flat.sh).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/redress-cli/redress/casefile/benchgen"
)

const (
	floorTarget = 2.0  // redress / floor at most
	taskTarget  = 0.1  // redress / Taskwarrior at most
	memTarget   = 40.0 // MiB
)

type config struct {
	runs, warmup       int
	floorLabel         string  // what the second command is
	floorTarget        float64 // redress / it at most
	db, floorDB, tasks string  // pristine copies
	work               string  // where the copies go
}

type row struct {
	name   string
	writes bool
	cmds   [3][]string // redress, floor, Taskwarrior; nil when there is none
}

func main() {
	var c config
	flag.IntVar(&c.runs, "runs", 20, "timed rounds per row")
	flag.IntVar(&c.warmup, "warmup", 3, "untimed rounds first")
	flag.StringVar(&c.db, "db", "", "the pristine case file")
	flag.StringVar(&c.floorDB, "floordb", "", "the pristine case file of the floor (with its stored reminders)")
	flag.StringVar(&c.tasks, "taskdata", "", "the pristine Taskwarrior data folder")
	flag.StringVar(&c.work, "work", "", "a folder for the working copies")
	flag.StringVar(&c.floorLabel, "floorlabel", "floor", "what the second command of a row is, for the table")
	flag.Float64Var(&c.floorTarget, "floortarget", floorTarget, "redress / the second command at most")
	flag.Parse()
	rows, err := readRows(os.Stdin)
	if err == nil {
		var missed bool
		missed, err = run(c, rows, os.Stdout)
		if err == nil && missed {
			os.Exit(1)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "redress-benchrun:", err)
		os.Exit(2)
	}
}

func readRows(r io.Reader) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("row %q: want 5 tab-separated fields, got %d", line, len(f))
		}
		rw := row{name: f[0], writes: f[1] == "1"}
		for i, s := range f[2:] {
			if s == "-" {
				continue
			}
			words, err := splitWords(s)
			if err != nil {
				return nil, fmt.Errorf("row %q: %w", f[0], err)
			}
			rw.cmds[i] = words
		}
		rows = append(rows, rw)
	}
	return rows, sc.Err()
}

// splitWords splits s into words as sh would, for plain words and
// single- or double-quoted ones (no escapes, no expansion).
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}

// sample is one timed run.
type sample struct {
	d      time.Duration
	maxKiB int64
}

func run(c config, rows []row, out io.Writer) (missed bool, err error) {
	paths := workPaths(c)
	if err := fresh(c, paths, -1); err != nil {
		return false, err
	}
	fmt.Fprintf(out, "| command | Taskwarrior | redress ms | %[1]s ms | ×%[1]s (≤ %[2]g) | Taskwarrior ms | ÷Taskwarrior (≤ 0.1) | peak MiB (≤ 40) | met |\n", c.floorLabel, c.floorTarget)
	fmt.Fprintln(out, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
	for _, rw := range rows {
		var all [3][]sample
		var ratios [2][]float64
		for round := range c.warmup + c.runs {
			var took [3]sample
			for k := range 3 {
				i := (round + k) % 3 // rotate who goes first
				if rw.cmds[i] == nil {
					continue
				}
				if rw.writes {
					if err := fresh(c, paths, i); err != nil {
						return false, err
					}
				}
				s, err := timeRun(rw.cmds[i])
				if err != nil {
					return false, fmt.Errorf("%s: %w", rw.name, err)
				}
				took[i] = s
			}
			if round < c.warmup {
				continue
			}
			for i := range 3 {
				if rw.cmds[i] != nil {
					all[i] = append(all[i], took[i])
				}
			}
			if rw.cmds[1] != nil {
				ratios[0] = append(ratios[0], float64(took[0].d)/float64(took[1].d))
			}
			if rw.cmds[2] != nil {
				ratios[1] = append(ratios[1], float64(took[0].d)/float64(took[2].d))
			}
		}
		ok := true
		cell := func(i int) string {
			if rw.cmds[i] == nil {
				return "–"
			}
			return fmt.Sprintf("%.1f", ms(all[i]))
		}
		ratio := func(j int, target float64) string {
			if len(ratios[j]) == 0 {
				return "–"
			}
			m := median(ratios[j])
			if m > target {
				ok = false
				return fmt.Sprintf("**%.3f**", m)
			}
			return fmt.Sprintf("%.3f", m)
		}
		rf, rt := ratio(0, c.floorTarget), ratio(1, taskTarget)
		peak := float64(peakKiB(all[0])) / 1024
		mem := fmt.Sprintf("%.1f", peak)
		if peak > memTarget {
			ok = false
			mem = "**" + mem + "**"
		}
		verdict := "yes"
		if !ok {
			verdict, missed = "**no**", true
		}
		task := "–"
		if rw.cmds[2] != nil {
			task = "`" + display(rw.cmds[2]) + "`"
		}
		fmt.Fprintf(out, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s |\n", rw.name, task, cell(0), cell(1), rf, cell(2), rt, mem, verdict)
	}
	return missed, nil
}

// display is a command as the table shows it: a long quoted argument (a
// note's text) as "…".
func display(argv []string) string {
	words := slices.Clone(argv)
	for i, w := range words {
		if strings.Contains(w, " ") {
			words[i] = `"…"`
			if len(w) < 16 {
				words[i] = `"` + w + `"`
			}
		}
	}
	return strings.Join(words, " ")
}

type workCopies struct{ db, floorDB, tasks string }

func workPaths(c config) workCopies {
	return workCopies{db: os.Getenv("REDRESS_DB"), floorDB: os.Getenv("REDRESS_FLOOR_DB"), tasks: os.Getenv("TASKDATA")}
}

// fresh replaces the working copy command which (0 redress, 1 floor, 2
// Taskwarrior) uses with the pristine one; all of them when which is -1.
func fresh(c config, p workCopies, which int) error {
	for i, f := range [][2]string{{c.db, p.db}, {c.floorDB, p.floorDB}} {
		if f[0] == "" || f[1] == "" || which >= 0 && which != i {
			continue
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(f[1] + suffix)
		}
		if err := benchgen.CopyFile(f[0], f[1], true); err != nil {
			return err
		}
	}
	if c.tasks != "" && p.tasks != "" && (which < 0 || which == 2) {
		if err := os.RemoveAll(p.tasks); err != nil {
			return err
		}
		if err := os.MkdirAll(p.tasks, 0o700); err != nil {
			return err
		}
		entries, err := os.ReadDir(c.tasks)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := benchgen.CopyFile(filepath.Join(c.tasks, e.Name()), filepath.Join(p.tasks, e.Name()), true); err != nil {
				return err
			}
		}
	}
	return nil
}

// timeRun runs argv with no input and its output thrown away, and returns
// its wall time and peak memory. A failed command stops the benchmark:
// timing an error message would measure nothing.
func timeRun(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, stderr.String())
	}
	var kib int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		kib = ru.Maxrss // KiB on Linux
	}
	return sample{d: d, maxKiB: kib}, nil
}

func ms(s []sample) float64 {
	ds := make([]float64, len(s))
	for i, x := range s {
		ds[i] = float64(x.d) / float64(time.Millisecond)
	}
	return median(ds)
}

func peakKiB(s []sample) int64 {
	var m int64
	for _, x := range s {
		m = max(m, x.maxKiB)
	}
	return m
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}
