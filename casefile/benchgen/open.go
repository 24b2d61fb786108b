package benchgen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/outfile"
)

// EnvDB names a generated case file to reuse (make bench sets it to its
// cached .bench/cases.db), with the generator's Stats beside it as
// FILE.json. Without it, Open generates the file, which takes seconds.
const EnvDB = "REDRESS_BENCH_DB"

// Open gives Go benchmarks the default case file in dir: a copy of the
// file $REDRESS_BENCH_DB names, or a freshly generated one. A copy, so a
// benchmark can never change the cached file other runs time.
func Open(dir string) (*casefile.Store, Stats, error) {
	path := filepath.Join(dir, "bench.db")
	var st Stats
	if src := os.Getenv(EnvDB); src != "" {
		b, err := os.ReadFile(src + ".json")
		if err != nil {
			return nil, st, fmt.Errorf("%s: %w (the generator's stats belong beside the file)", EnvDB, err)
		}
		if err := json.Unmarshal(b, &st); err != nil {
			return nil, st, fmt.Errorf("%s.json: %w", src, err)
		}
		if err := CopyFile(src, path, false); err != nil {
			return nil, st, err
		}
		s, err := casefile.Open(path)
		return s, st, err
	}
	s, err := casefile.Open(path)
	if err != nil {
		return nil, st, err
	}
	if st, err = Generate(context.Background(), s, Default()); err != nil {
		s.Close()
		return nil, st, err
	}
	return s, st, nil
}

// CopyFile copies src to a new private file dst through the one output
// writer, on disk when it returns; replace lets it stand in for a copy
// already there (a fresh copy before every timed run).
func CopyFile(src, dst string, replace bool) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return outfile.Write(dst, outfile.Options{Force: replace, RegularOnly: true}, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}
