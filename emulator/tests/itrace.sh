#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The instruction trace (boot --itrace WHEN[,COUNT] --trace FILE): boot the
# kernel for a bounded number of slots and check that the trace starts
# exactly at the trigger (a symbol, an address, a slot count), holds COUNT
# slot lines with consecutive per-CPU slot numbers, names the symbols as
# System.map does, and that its disassembly matches objdump's for the
# traced addresses.  Usage: itrace.sh [vmlinux].
# Prints "RESULT <passed> <failed> <skipped>"; non-zero exit on failure.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
emu=$here/build/ia64emu
vmlinux=${1:-${PVIA64_CACHE:-$HOME/.cache/pvia64}/kernel/build/vmlinux}
map=$(dirname "$vmlinux")/System.map
tmp=$(mktemp -d); [ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
p=0 f=0 s=0

check() {	# check NAME STATUS
	if [ "$2" = 0 ]; then p=$((p + 1)); else echo "FAIL itrace: $1"; f=$((f + 1)); fi
}
if [ ! -f "$vmlinux" ] || [ ! -f "$map" ]; then
	echo "SKIP itrace: no $vmlinux (or its System.map)"
	echo "RESULT 0 0 1"
	exit 0
fi

# run NAME ARGS...: a boot limited to 30M slots (start_kernel is reached
# after ~0.2M) with the trace in $tmp/NAME.
run() {
	local name=$1; shift
	"$emu" boot "$vmlinux" --append "console=ttyS0" --max-slots 30000000 \
		--trace "$tmp/$name" "$@" </dev/null >/dev/null 2>"$tmp/$name.err"
	echo $? > "$tmp/$name.rc"
}
slots() { grep -c '^cpu[0-9]* #' "$tmp/$1"; }
first() { grep -m1 '^cpu[0-9]* #' "$tmp/$1"; }

run sym --itrace start_kernel,500
check "symbol: run ends at --max-slots (4)" "$([ "$(cat "$tmp/sym.rc")" = 4 ]; echo $?)"
check "symbol: 500 slot lines" "$([ "$(slots sym)" = 500 ]; echo $?)"
check "symbol: first slot is start_kernel+0x0 slot 0" \
	"$(first sym | grep -qE '\.0 <start_kernel\+0x0> '; echo $?)"
check "symbol: the trace says when it ends" "$(grep -qx 'itrace: done' "$tmp/sym"; echo $?)"
# slot numbers: each line's # is the previous + 1 (one CPU runs here)
check "symbol: consecutive slot numbers" "$(awk '/^cpu0 #/ { n = substr($2, 2) + 0;
	if (seen && n != last + 1) bad = 1; last = n; seen = 1 } END { exit bad }' "$tmp/sym"; echo $?)"

addr=$(awk '$3 == "start_kernel" { print $1 }' "$map")
run addr --itrace "0x$addr,10"
check "address: same start as the symbol" \
	"$([ "$(first addr | cut -d' ' -f3-)" = "$(first sym | cut -d' ' -f3-)" ]; echo $?)"

n=$(first sym | sed -E 's/^cpu0 #([0-9]+) .*/\1/')
run count --itrace "$n,20"
check "slot count: starts at the same slot" "$([ "$(first count)" = "$(first sym)" ]; echo $?)"

run map --itrace start_kernel,500 --system-map "$map"
check "System.map names: same trace" "$(cmp -s <(grep '^cpu' "$tmp/map") <(grep '^cpu' "$tmp/sym"); echo $?)"

# The traced instructions are the ones objdump shows at those addresses.
# objdump prints "[MII]" etc. and the qualifying predicate; compare the
# instruction text of the first 60 slot lines.
stop=$(python3 -c "print(hex(0x$addr + 0x400))")
ia64-linux-gnu-objdump -d --no-show-raw-insn --start-address="0x$addr" \
	--stop-address="$stop" "$vmlinux" 2>/dev/null >"$tmp/objdump" || true
if [ -s "$tmp/objdump" ]; then
	python3 - "$tmp/sym" "$tmp/objdump" <<'PY' >"$tmp/cmp"
import re, sys
# objdump: "<addr>: [MII] insn;;" with slot 1 at +6 and slot 2 at +0xc
ref = {}
for line in open(sys.argv[2]):
    m = re.match(r'\s*([0-9a-f]+):\s*(?:\[\w+\])?\s*(\S.*)$', line)
    if not m or (int(m.group(1), 16) & 15) not in (0, 6, 12):
        continue
    a = int(m.group(1), 16)
    ref[(a & ~15, (a & 15) // 6)] = m.group(2)

def norm(t):
    t = re.sub(r'\s*<[^>]*>', '', t.split(';;')[0])
    return re.sub(r'0x(?=[0-9a-f]{9})', '', re.sub(r'\s+', ' ', t)).strip()

n = 0
for line in open(sys.argv[1]):
    m = re.match(r'cpu\d+ #\d+ ([0-9a-f]+)\.(\d) <[^>]*> [ -] (.*)$', line)
    key = m and (int(m.group(1), 16), int(m.group(2)))
    if not m or key not in ref:
        continue
    n += 1
    if norm(m.group(3)) != norm(ref[key]):
        print('mismatch %x.%d: %r vs objdump %r' % (key + (m.group(3), ref[key])))
print('compared %d' % n)
PY
	check "disassembly matches objdump ($(tail -1 "$tmp/cmp"))" \
		"$(! grep -q mismatch "$tmp/cmp" && ! grep -qx 'compared 0' "$tmp/cmp"; echo $?)"
	grep mismatch "$tmp/cmp" | head -3
else
	echo "SKIP itrace: no ia64-linux-gnu-objdump"; s=$((s + 1))
fi

echo "RESULT $p $f $s"
[ $f -eq 0 ]
