#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run test programs that end with "RESULT <pass> <fail> <skip>" and print
# one summary line for the suite.  A program that crashes or prints no
# RESULT line counts as one failure.
set -u
suite=$1; shift
p=0 f=0 s=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -v '^RESULT ' | grep -E '^(FAIL|SKIP|not ok)' || true
	res=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -1)
	if [ -z "$res" ]; then
		echo "FAIL $t: no RESULT line (exit $rc)"
		printf '%s\n' "$out" | tail -5
		f=$((f + 1)); continue
	fi
	set -- $res
	p=$((p + $2)) f=$((f + $3)) s=$((s + $4))
	if [ "$rc" -ne 0 ] && [ "$3" -eq 0 ]; then
		echo "FAIL $t: exit $rc"; f=$((f + 1))
	fi
done
printf '%s: %d passed, %d failed, %d skipped\n' "$suite" "$p" "$f" "$s"
[ "$f" -eq 0 ]
