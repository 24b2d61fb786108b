// Command redress-benchgen writes the large case file `make bench` times
// the commands on: 10,000 cases, 200,000 notes and tens of thousands of
// contacts, promises, tickets and account references, English and
// Korean, from a fixed seed. It prints what it wrote as JSON on stdout
// (the bench script reads the heavy case number from it).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
)

func main() {
	cfg := benchgen.Default()
	out := flag.String("o", "", "case file to write (must not exist)")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	flag.IntVar(&cfg.Cases, "cases", cfg.Cases, "number of cases")
	flag.IntVar(&cfg.Notes, "notes", cfg.Notes, "number of notes")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: redress-benchgen -o FILE [-seed N] [-cases N] [-notes N]")
		os.Exit(2)
	}
	if err := run(*out, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "redress-benchgen:", err)
		os.Exit(1)
	}
}

func run(path string, cfg benchgen.Config) error {
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
	// Fold the WAL into the main file, so the first timed command does not
	// pay for a checkpoint.
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "redress-benchgen: wrote %s in %.1fs\n", path, time.Since(start).Seconds())
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(st)
}
