#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build ai_guest.c with the ia64 cross gcc (-O0, -O2, -O3) against
# guest-rt and run it on the user-mode runner.  Prints one line per level
# and "ai-guest: N passed, M failed"; exit status non-zero on failure.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
cache=${PVIA64_CACHE:-$HOME/.cache/pvia64}
export PATH=$cache/toolchain/bin:$PATH
emu=${IA64EMU:-$here/build/ia64emu}
rt=$here/guest-rt
make -s -C "$here" build/ia64emu >/dev/null || exit 2
make -s -C "$rt" >/dev/null || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
p=0 f=0
for o in 0 2 3; do
	if ! ia64-linux-gnu-gcc -O$o -w -static -nostdlib -nostartfiles -isystem "$rt/include" \
		-o "$tmp/g$o" "$rt/build/crt0.o" "$here/tests/asm/ai_guest.c" \
		"$rt/build/librt.a" -lgcc; then
		echo "ai-guest -O$o: does not build"; f=$((f + 1)); continue
	fi
	if out=$(timeout 60 "$emu" run "$tmp/g$o" 2>&1); then
		p=$((p + 1))
	else
		f=$((f + 1))
	fi
	echo "-O$o: $(printf '%s\n' "$out" | tail -1)"
done
echo "ai-guest: $p passed, $f failed"
[ "$f" -eq 0 ]
