#!/bin/sh
# flat.sh BIN RUN SMALL BIG: issue 19's flatness target. Times `remind
# list` and `remind export` on the 40,000-case file (BIG/cases.db, made
# with BENCH_SCALE=4) against the same commands on the 10,000-case file
# (SMALL/cases.db) in one alternating loop with RUN
# (cmd/redress-benchrun), and prints the medians of the ratios: at most
# 1.3x. Run by `make bench-flat`. Exit status 1 when a ratio is above it.
set -eu

bin=$(realpath "$1") runner=$(realpath "$2") small=$(realpath "$3") big=$(realpath "$4")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The runner copies BIG to $REDRESS_DB and SMALL to $REDRESS_FLOOR_DB
# before the loop, and again before every run of a row that writes.
export REDRESS_DB="$work/big.db" REDRESS_FLOOR_DB="$work/small.db" \
	REDRESS_NOW=2026-11-23T10:00:00Z TZ=UTC LANG=C.UTF-8

"$runner" -runs "${BENCH_RUNS:-20}" -warmup "${BENCH_WARMUP:-3}" -db "$big/cases.db" -floordb "$small/cases.db" \
	-work "$work" -floorlabel "10,000 cases" -floortarget 1.3 <<ROWS
remind list	0	$bin remind list	$bin remind list --db $work/small.db	-
remind export	1	$bin remind export	$bin remind export --db $work/small.db	-
ROWS
