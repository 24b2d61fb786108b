#!/bin/sh
# bench.sh BIN FLOOR RUN DIR: time redress side by side with its floor
# (FLOOR, cmd/redress-benchfloor) and Taskwarrior holding the same data,
# with RUN (cmd/redress-benchrun), and print a table of the medians of the
# pairwise ratios. Run by `make bench`, which builds the programs and
# fills DIR: cases.db (the generated case file), cases.db.json (the
# generator's stats), floor.db (the same file with its reminders stored,
# for the floor) and task/ (Taskwarrior's data after `task import`).
#
# Every command runs against working copies in a temporary folder; a
# command that writes (note, promise, remind export's state, call) gets
# fresh copies before every run, so no run sees what another wrote. The
# clock is fixed (REDRESS_NOW), so overdue and upcoming are the same on
# every machine and every day. Taskwarrior runs with its own rc and data
# in that folder: no confirmation, no hooks, no colour, nothing verbose.
#
# Exit status: 0 when every target is met, 1 when one is missed (the table
# says which), so `make bench` fails loudly on a regression.
set -eu

bin=$(realpath "$1") floor=$(realpath "$2") runner=$(realpath "$3") dir=$(realpath "$4")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stat() { sed -n "s/.*\"$1\": *\([0-9]*\).*/\1/p" "$dir/cases.db.json"; }
# The heavy case (the open case with the most notes) and an ordinary one
# (the median number of notes), see benchgen.Stats.
H=$(stat Heavy) O=$(stat Ordinary)

export REDRESS_DB="$work/cases.db" REDRESS_FLOOR_DB="$work/floor.db" \
	REDRESS_NOW=2026-11-23T10:00:00Z TZ=UTC LANG=C.UTF-8 \
	TASKRC="$work/taskrc" TASKDATA="$work/task"
cat >"$TASKRC" <<RC
data.location=$TASKDATA
confirmation=off
verbose=nothing
hooks=off
color=off
RC
mkdir -p "$TASKDATA"
cp "$dir"/task/*.data "$TASKDATA"/
# The task of the ordinary case, by its working-set number (task N info).
T=$(task _get "$(printf "00000000-0000-4000-8000-%012d" "$O").id")
[ -n "$T" ] && [ "$T" -gt 0 ] || { echo "bench.sh: no Taskwarrior task for case $O" >&2; exit 2; }

note="Called again, they said the refund is on its way"
# One row per command: the redress arguments, 1 if it writes, then the
# redress, floor and Taskwarrior commands ("-": none). The pairs are the
# issue's: list and task list, show and task N info, note and task N
# annotate, promise and task add, search and task /WORD/ list, list
# --all --limit 0 --json and task export, remind list and task due.any:
# list, remind export and task export. The heavy case's show, sheet,
# script and call have no counterpart and are timed for memory and the
# record.
"$runner" -runs "${BENCH_RUNS:-20}" -warmup "${BENCH_WARMUP:-3}" -db "$dir/cases.db" -floordb "$dir/floor.db" -taskdata "$dir/task" -work "$work" <<ROWS
--version	0	$bin --version	$floor version	-
list	0	$bin list	$floor list	task list
show $O	0	$bin show $O	$floor show $O	task $T info
note $O "…"	1	$bin note $O "$note"	$floor note $O "$note"	task $T annotate "$note"
promise $O "call me back" --due friday --by Anna	1	$bin promise $O "call me back" --due friday --by Anna	$floor promise $O "call me back" 2026-11-27	task add "call me back" due:friday
search refund	0	$bin search refund	$floor search refund	task /refund/ list
search 환불	0	$bin search 환불	$floor search 환불	task /환불/ list
list --all --limit 0 --json	0	$bin list --all --limit 0 --json	$floor list-json	task export
remind list	0	$bin remind list	$floor remind-list	task due.any: list
remind export	1	$bin remind export	$floor remind-export	task export
show $H	0	$bin show $H	$floor show $H	-
sheet $H	0	$bin sheet $H	-	-
script $H followup	0	$bin script $H followup	-	-
call $H --note "…"	1	$bin call $H --note "they are checking with the warehouse"	-	-
ROWS
