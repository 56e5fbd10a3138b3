#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end M-unit check: build m_spec_e2e.c for the host and for ia64
# (guest-rt) in two variants -- -O3 with data speculation (ld.a, ld.c) and
# -O3 with selective scheduling and control speculation (ld.s, ldf.s,
# chk.s) -- run both under ia64emu and compare with the host bit for bit.
# Prints "RESULT <pass> <fail> <skip>" like the unit tests.
set -u
here=$(cd "$(dirname "$0")" && pwd)
emu=$here/../..
rt=$emu/guest-rt
export PATH=$HOME/.cache/pvia64/toolchain/bin:$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v ia64-linux-gnu-gcc >/dev/null || [ ! -x "$emu/build/ia64emu" ] ||
   [ ! -f "$rt/Makefile" ]; then
	echo "SKIP m_spec_e2e: no ia64 cross gcc, guest-rt or ia64emu"
	echo "RESULT 0 0 2"
	exit 0
fi
make -s -C "$rt" >/dev/null || { echo "RESULT 0 2 0"; exit 1; }
gcc -O2 -o "$tmp/host" "$here/m_spec_e2e.c" || { echo "RESULT 0 2 0"; exit 1; }
"$tmp/host" > "$tmp/host.out"

spec="-O3 -msched-control-spec -msched-in-control-spec -msched-br-data-spec -msched-ar-data-spec"
pass=0 fail=0
for variant in data control; do
	flags=$spec
	[ "$variant" = control ] && flags="$spec -fselective-scheduling -fselective-scheduling2 -fsel-sched-pipelining"
	if ia64-linux-gnu-gcc $flags -isystem "$rt/include" -c "$here/m_spec_e2e.c" -o "$tmp/$variant.o" &&
	   ia64-linux-gnu-gcc -static -nostdlib -nostartfiles "$rt/build/crt0.o" "$tmp/$variant.o" \
		"$rt/build/librt.a" -lgcc -o "$tmp/$variant" &&
	   timeout 300 "$emu/build/ia64emu" run "$tmp/$variant" > "$tmp/$variant.out" 2> "$tmp/$variant.err" &&
	   cmp -s "$tmp/host.out" "$tmp/$variant.out"; then
		used=$(ia64-linux-gnu-objdump -d "$tmp/$variant.o" |
		       grep -oE '\s(ld[0-9]\.(s|a|sa|c\.[a-z]+)|ldf[sd8e]\.[a-z.]+|chk\.[a-z.]+)' |
		       sort | uniq -c | tr -s ' \n' ' ')
		echo "m_spec_e2e $variant: identical ($used)"
		pass=$((pass + 1))
	else
		echo "m_spec_e2e $variant: FAILED"
		diff "$tmp/host.out" "$tmp/$variant.out" 2>/dev/null | head -10
		head -5 "$tmp/$variant.err" 2>/dev/null
		fail=$((fail + 1))
	fi
done
echo "RESULT $pass $fail 0"
[ "$fail" -eq 0 ]
