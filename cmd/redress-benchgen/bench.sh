#!/bin/sh
# bench.sh BIN DB STATS: time whole redress commands on the generated case
# file DB with hyperfine and print a table of medians, peak memory and the
# issue 8 target of each. Run by `make bench`, which builds BIN, generates
# DB (a pristine copy is cached) and STATS (the generator's JSON).
#
# Every command runs against a fresh copy of DB, so the writes (`note`,
# `promise`, `remind export`'s state) of one run never change what the next
# benchmark reads. The clock is fixed (REDRESS_NOW), so overdue and
# upcoming are the same on every machine and every day.
#
# Exit status: 0 when every target is met, 1 when one is missed (the table
# says which), so `make bench` fails loudly on a regression.
set -eu

bin=$1 db=$2 stats=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The heavy case: the open case with the most notes (see benchgen.Stats).
N=$(sed -n 's/.*"Heavy": *\([0-9]*\).*/\1/p' "$stats")

export REDRESS_DB="$work/cases.db" REDRESS_NOW=2026-11-23T10:00:00Z TZ=UTC LANG=C.UTF-8
cp "$db" "$REDRESS_DB"

# The commands, one a line: the issue 8 target in ms (a read or write of
# one case 10, list 10, search 20, export of all reminders 50; `remind
# list` has no target of its own there, so it gets DESIGN.md's bar for
# every command, 20), a tab, then the arguments.
# The call-log row is a scripted call with one line: it opens the call and
# stores the line, so it measures a little more than one Enter does
# (BenchmarkCallLine measures that alone).
commands=$(cat <<ROWS
3	--version
10	list
10	list --all --json
10	show $N
20	search refund
20	search 환불
10	note $N "Called again, they said the refund is on its way"
10	promise $N "call me back" --due 2026-12-01 --by Anna
10	sheet $N
10	script $N followup
10	call $N --note "they are checking with the warehouse"
20	remind list
50	remind export
ROWS
)

# Peak memory target, in KiB (40 MiB).
mem_target=40960

# A Markdown table, so it pastes into BENCHMARKS.md as it is.
echo '| command | median ms | target ms | peak MiB | target MiB | |'
echo '| --- | ---: | ---: | ---: | ---: | --- |'
echo "$commands" | while IFS='	' read -r target args; do
	# Warm up so the file is in the page cache and `remind export` has its
	# export state: what a person's second run of the day sees.
	# (JSON, not CSV: a command with a comma in its text breaks CSV columns.)
	hyperfine --style none --shell=none --warmup 3 --min-runs 20 \
		--export-json "$work/h.json" "$bin $args" >/dev/null 2>"$work/err" </dev/null ||
		{ cat "$work/err" >&2; exit 1; }
	median=$(sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | awk '{ printf "%.1f", $1 * 1000 }')
	peak=0
	for _ in 1 2 3; do
		# shellcheck disable=SC2086 # args are words, split on purpose
		kib=$(eval "/usr/bin/time -f %M \"\$bin\" $args" 2>&1 >/dev/null </dev/null | tail -n 1)
		[ "$kib" -gt "$peak" ] && peak=$kib
	done
	verdict=ok
	if awk -v m="$median" -v t="$target" 'BEGIN { exit !(m > t) }' || [ "$peak" -gt "$mem_target" ]; then
		verdict=MISSED
		echo missed >>"$work/missed"
	fi
	printf '| `%s` | %s | %s | %.1f | 40 | %s |\n' "$args" "$median" "$target" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$verdict"
done
[ ! -e "$work/missed" ]
