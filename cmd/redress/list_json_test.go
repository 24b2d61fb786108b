package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// `list --json` writes its array one case at a time as the query reads
// them (issue 19: 70 MiB for 10,000 cases when it held them all). What
// it prints must stay byte for byte what encoding the whole array printed:
// scripts compare and parse it.
func TestListJSONStreamsTheSameBytes(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"REDRESS_DB": filepath.Join(dir, "cases.db"), "REDRESS_NOW": "2026-11-23T10:00:00+09:00",
		"REDRESS_LANG": "en", "TZ": "Asia/Seoul"}
	for _, args := range [][]string{
		{"new", "--title", `Refund "now" \ <b>&</b> {[,:]}`, "--company", "Acme", "--amount", "49.90 EUR",
			"--return-by", "2026-12-05", "--problem", "line one\nline two\ttabbed \u2028 sep"},
		{"new", "--title", "환불 요청 — 헤드폰", "--company", "미래전자", "--warranty-until", "2027-03-01", "--status", "waiting"},
		{"new", "--title", "Closed one", "--company", "Acme", "--status", "closed"},
		{"promise", "1", `refund "49 EUR"`, "--due", "2026-11-20", "--by", "Anna"},
		{"promise", "1", "call back", "--due", "2026-12-01"},
		{"promise", "2", "교환 처리", "--due", "2026-11-30"},
	} {
		if code, out := runRedress(env, args...); code != 0 {
			t.Fatalf("%v: %s", args, out)
		}
	}
	s, err := casefile.Open(env["REDRESS_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("KST", 9*3600))
	loc, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		f    casefile.ListFilter
	}{
		{[]string{"list", "--all", "--limit", "0", "--json"}, casefile.ListFilter{All: true}},
		{[]string{"list", "--json"}, casefile.ListFilter{Limit: 50}},
		{[]string{"list", "--all", "--limit", "2", "--json"}, casefile.ListFilter{All: true, Limit: 2}},
		{[]string{"list", "--company", "Nobody", "--json"}, casefile.ListFilter{Company: "Nobody", Limit: 50}},
	} {
		cases, err := s.List(t.Context(), tc.f)
		if err != nil {
			t.Fatal(err)
		}
		rows := make([]listRow, len(cases))
		for i, c := range cases {
			rows[i] = listRow{Summary: c, Overdue: c.NextPromise != nil && c.NextPromise.Due.Overdue(now, loc),
				NextDeadline: c.NextDeadline(now, loc)}
		}
		var want, got bytes.Buffer
		if err := writeJSON(&want, rows); err != nil {
			t.Fatal(err)
		}
		if code, errOut := runRedressTo(env, &got, tc.args...); code != 0 {
			t.Fatalf("%v: %s", tc.args, errOut)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%v printed\n%s\nwant\n%s", tc.args, got.Bytes(), want.Bytes())
		}
	}
}

// indentCompactJSON lays out any JSON the encoder writes as json.Indent
// does: every value, nesting, empty object and array, and string with
// escapes.
func FuzzIndentCompactJSON(f *testing.F) {
	for _, seed := range []string{
		`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[{}],"c":[[],[1,2]]}`, `"x"`, `null`, `12.5e3`, `[true,false,null]`,
		`{"t":"q\"uo,te:{}[]\\","u":"\u2028<>&","k":"환불 요청"}`,
		`{"id":1,"next_promise":{"id":2,"contact_id":null,"due":"2026-11-20"},"next_deadline":null}`,
		`[{"a":"\\\\"},{"b":"\\\""}]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if !json.Valid(in) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, in); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentCompactJSON(nil, compact.Bytes(), "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indentCompactJSON(%s)\n got %s\nwant %s", compact.Bytes(), got, want.Bytes())
		}
	})
}
