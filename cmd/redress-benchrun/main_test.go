package main

import (
	"slices"
	"strings"
	"testing"
)

func TestReadRows(t *testing.T) {
	in := "# a comment\n" +
		"note 8\t1\t/bin/redress note 8 \"Called again, they said so\"\t/bin/floor note 8 'it''s'\ttask 3 annotate \"Called again, they said so\"\n" +
		"sheet 860\t0\t/bin/redress sheet 860\t-\t-\n"
	rows, err := readRows(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !rows[0].writes || rows[1].writes {
		t.Fatalf("rows = %+v", rows)
	}
	if got := rows[0].cmds[0]; !slices.Equal(got, []string{"/bin/redress", "note", "8", "Called again, they said so"}) {
		t.Errorf("redress command = %q", got)
	}
	if got := rows[0].cmds[1]; !slices.Equal(got, []string{"/bin/floor", "note", "8", "its"}) {
		t.Errorf("floor command = %q", got)
	}
	if rows[1].cmds[1] != nil || rows[1].cmds[2] != nil {
		t.Errorf("a row without floor or Taskwarrior has commands: %+v", rows[1])
	}
	if got := display(rows[0].cmds[2]); got != `task 3 annotate "…"` {
		t.Errorf("display = %s", got)
	}
	if _, err := readRows(strings.NewReader("only\ttwo\n")); err == nil {
		t.Error("a row with two fields was accepted")
	}
	if _, err := readRows(strings.NewReader("a\t0\tredress 'open\t-\t-\n")); err == nil {
		t.Error("an unclosed quote was accepted")
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {nil, 0}} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
