package benchgen

import (
	"os"
	"path/filepath"
	"testing"
)

// A fresh copy before each timed run replaces the last one; a copy made
// once (the bench file, the floor's file) never replaces anything.
func TestCopyFileReplacesOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "dst")
	if err := os.WriteFile(src, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CopyFile(src, dst, false); err == nil {
		t.Fatal("copied over an existing file without replace")
	}
	if b, _ := os.ReadFile(dst); string(b) != "old" {
		t.Fatalf("a refused copy changed the file: %q", b)
	}
	if err := CopyFile(src, dst, true); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(dst)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("replaced copy: %q, mode %v; want \"new\", 0600", b, st.Mode().Perm())
	}
}
