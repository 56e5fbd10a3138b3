#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end FP check: build f_e2e.c for the host and for ia64 (guest-rt),
# run the ia64 binary under ia64emu and diff the two outputs bit for bit.
# Prints "RESULT <pass> <fail> <skip>" like the unit tests.
set -u
here=$(cd "$(dirname "$0")" && pwd)
emu=$here/../..
rt=$emu/guest-rt
export PATH=$HOME/.cache/pvia64/toolchain/bin:$PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v ia64-linux-gnu-gcc >/dev/null || [ ! -x "$emu/build/ia64emu" ]; then
	echo "SKIP f_e2e: no ia64 cross gcc or ia64emu"
	echo "RESULT 0 0 1"
	exit 0
fi
make -s -C "$rt" >/dev/null || { echo "RESULT 0 1 0"; exit 1; }
gcc -O2 -ffp-contract=off -fno-math-errno -o "$tmp/host" "$here/f_e2e.c" &&
ia64-linux-gnu-gcc -O2 -ffp-contract=off -minline-sqrt-max-throughput -fno-math-errno -isystem "$rt/include" -c "$here/f_e2e.c" -o "$tmp/g.o" &&
ia64-linux-gnu-gcc -static -nostdlib -nostartfiles "$rt/build/crt0.o" "$tmp/g.o" \
	"$rt/build/librt.a" -lgcc -o "$tmp/guest" || { echo "RESULT 0 1 0"; exit 1; }
"$tmp/host" > "$tmp/host.out"
timeout 600 "$emu/build/ia64emu" run "$tmp/guest" > "$tmp/guest.out" 2> "$tmp/guest.err"
lines=$(wc -l < "$tmp/host.out")
bad=$(diff "$tmp/host.out" "$tmp/guest.out" | grep -c '^<')
if [ "$bad" -eq 0 ] && [ "$lines" -gt 0 ]; then
	echo "f_e2e: $lines lines identical"
	echo "RESULT 1 0 0"
else
	diff "$tmp/host.out" "$tmp/guest.out" | head -10
	echo "f_e2e: $bad of $lines lines differ"
	echo "RESULT 0 1 0"
	exit 1
fi
