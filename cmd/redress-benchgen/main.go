// Command redress-benchgen writes the large case file `make bench` times
// the commands on: 10,000 cases, 200,000 notes and tens of thousands of
// contacts, promises, tickets and account references, English and
// Korean, from a fixed seed. It prints what it wrote as JSON on stdout
// (the bench script reads the heavy case number from it). With -tasks it
// also writes the same cases as Taskwarrior tasks for `task import`, and
// -scale N grows every table N times (40,000 cases with -scale 4).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
	"github.com/redress-cli/redress/casefile/outfile"
	"github.com/redress-cli/redress/reminders"
)

func main() {
	cfg := benchgen.Default()
	out := flag.String("o", "", "case file to write (must not exist)")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	flag.IntVar(&cfg.Cases, "cases", cfg.Cases, "number of cases")
	flag.IntVar(&cfg.Notes, "notes", cfg.Notes, "number of notes")
	scale := flag.Int("scale", 1, "grow every table this many times")
	tasks := flag.String("tasks", "", "also write the cases as Taskwarrior tasks (JSON lines) to FILE")
	floor := flag.String("floor", "", "instead, copy the case file FLOOR to -o and store its reminders at -now in it, for redress-benchfloor")
	nowFlag := flag.String("now", "", "the clock of -floor (RFC 3339)")
	flag.Parse()
	if *floor != "" && *out != "" {
		now, err := time.Parse(time.RFC3339, *nowFlag)
		if err == nil {
			err = writeFloor(*floor, *out, now)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "redress-benchgen:", err)
			os.Exit(1)
		}
		return
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: redress-benchgen -o FILE [-seed N] [-cases N] [-notes N] [-scale N] [-tasks FILE]")
		os.Exit(2)
	}
	if err := run(*out, *tasks, cfg.Scaled(*scale)); err != nil {
		fmt.Fprintln(os.Stderr, "redress-benchgen:", err)
		os.Exit(1)
	}
}

func run(path, tasks string, cfg benchgen.Config) error {
	// A half-written file from an earlier run would add to, not replace,
	// the rows: refuse it rather than benchmark the wrong data.
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists; remove it first", path)
	}
	start := time.Now()
	s, err := casefile.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := benchgen.Generate(context.Background(), s, cfg)
	if err != nil {
		return err
	}
	// Store the reminders, as the first reminders command would, in this
	// zone (make bench runs with TZ=UTC, as its commands do): a timed run
	// on a fresh copy then finds them current instead of building them.
	s.UseReminderRules(reminders.Stored(time.Local))
	if err := s.RefreshReminders(context.Background()); err != nil {
		return err
	}
	// Fold the WAL into the main file, so the first timed command does not
	// pay for a checkpoint.
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "redress-benchgen: wrote %s in %.1fs\n", path, time.Since(start).Seconds())
	if tasks != "" {
		if err := writeTasks(s, tasks); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(st)
}

func writeTasks(s *casefile.Store, path string) error {
	var n benchgen.TaskCounts
	err := outfile.Write(path, outfile.Options{RegularOnly: true}, func(w io.Writer) error {
		var err error
		n, err = benchgen.WriteTasks(context.Background(), s.DB(), w)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "redress-benchgen: wrote %d tasks (%d pending) with %d annotations to %s\n", n.Tasks, n.Pending, n.Annotations, path)
	return nil
}
