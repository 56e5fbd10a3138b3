#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The per-function profile (boot --profile FILE): the slots it charges add
# up to exactly the slots the machine retired, the run retires the same
# number of slots as without the profile (it only observes), functions are
# named as in the vmlinux (a function rather than a linker label at the
# same address), and the table is sorted.  Usage: profile.sh [vmlinux].
# Prints "RESULT <passed> <failed> <skipped>"; non-zero exit on failure.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
emu=$here/build/ia64emu
vmlinux=${1:-${PVIA64_CACHE:-$HOME/.cache/pvia64}/kernel/build/vmlinux}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
p=0 f=0

check() {	# check NAME STATUS
	if [ "$2" = 0 ]; then p=$((p + 1)); else echo "FAIL profile: $1"; f=$((f + 1)); fi
}
if [ ! -f "$vmlinux" ]; then
	echo "SKIP profile: no $vmlinux"
	echo "RESULT 0 0 1"
	exit 0
fi

args=(--append "console=ttyS0" --max-slots 20000000)
IA64EMU_STATS=1 "$emu" boot "$vmlinux" "${args[@]}" </dev/null >/dev/null 2>"$tmp/plain.err"
IA64EMU_STATS=1 "$emu" boot "$vmlinux" "${args[@]}" --profile "$tmp/prof" </dev/null >/dev/null \
	2>"$tmp/prof.err"
slots() { sed -nE 's/^ia64emu: .*; ([0-9]+) slots in .*/\1/p' "$1" | head -1; }
plain=$(slots "$tmp/plain.err") profiled=$(slots "$tmp/prof.err")
check "the profile run retires the same slots ($profiled vs $plain)" \
	"$([ -n "$plain" ] && [ "$plain" = "$profiled" ]; echo $?)"
sum=$(awk '!/^#/ { s += $1 } END { print s }' "$tmp/prof")
check "charged slots add up to the run's ($sum)" "$([ "$sum" = "$profiled" ]; echo $?)"
check "header gives the same total" "$(grep -q "^# .*(total $profiled slots)" "$tmp/prof"; echo $?)"
check "sorted by slots" "$(awk '!/^#/ && !/\(no symbol\)$/ { if (seen && $1 > last) bad = 1; last = $1; seen = 1 }
	END { exit bad }' "$tmp/prof"; echo $?)"
check "start_kernel was charged" "$(grep -q ' start_kernel$' "$tmp/prof"; echo $?)"
check "functions, not linker labels, name their addresses" \
	"$(! grep -qE ' (__lock_text_start|__cpuidle_text_end|_stext)$' "$tmp/prof"; echo $?)"
echo "RESULT $p $f 0"
[ $f -eq 0 ]
