package benchgen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/redress-cli/redress/casefile"
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
		if err := CopyFile(src, path); err != nil {
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

// CopyFile copies the case file src to dst, a new private file (an
// existing one is an error): benchmarks and the floor program run on
// copies, so no run changes the cached file the next one times.
func CopyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
