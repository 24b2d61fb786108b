package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// The last line of remind list counts what it leaves out up to 100, and
// past that says "100 or more" in either language: a screenful costs the
// same in a case file of any size.
func TestRemindListCountsUpToAHundred(t *testing.T) {
	env := map[string]string{"REDRESS_DB": filepath.Join(t.TempDir(), "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00", "TZ": "Asia/Seoul"}
	if code, out := runRedress(env, "new", "--title", "Many promises", "--company", "Acme"); code != 0 {
		t.Fatal(out)
	}
	add := func(n int) {
		for i := range n {
			if code, out := runRedress(env, "promise", "1", fmt.Sprintf("promise %d", i), "--due", "2026-11-25"); code != 0 {
				t.Fatal(out)
			}
		}
	}
	last := func(lang string) string {
		code, out := runRedress(env, "remind", "list", "--lang", lang)
		if code != 0 {
			t.Fatal(out)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		return lines[len(lines)-1]
	}
	add(40) // two reminders each: 80 rows, 30 left out
	if got, want := last("en"), "(30 more not shown; --limit 0 shows them all)"; got != want {
		t.Errorf("under the cap: %q, want %q", got, want)
	}
	add(50) // 180 rows, 130 left out
	for lang, want := range map[string]string{
		"en": "(100 or more not shown; --limit 0 shows them all)",
		"ko": "(100개 이상 더 있음; --limit 0으로 전부 볼 수 있습니다)",
	} {
		if got := last(lang); got != want {
			t.Errorf("%s, past the cap: %q, want %q", lang, got, want)
		}
	}
}
