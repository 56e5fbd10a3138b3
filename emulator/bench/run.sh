#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Emulator throughput: builds the benchmark programs with the ia64 cross
# gcc and guest-rt, runs them on `ia64emu run`, and prints
#   bench emu-loop: <N> slots/s
#   bench emu-mixed: <N> slots/s
# (retired instruction slots per second of CPU time spent in the run loop,
# which stays meaningful on a shared, loaded machine).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${PVIA64_CACHE:-$HOME/.cache/pvia64}
toolchain=${PVIA64_TOOLCHAIN:-$cache/toolchain}
export PATH=$toolchain/bin:$PATH
make -s -C "$here" build/ia64emu >/dev/null
make -s -C "$here/guest-rt" >/dev/null
out=$here/build/bench
mkdir -p "$out"
rt=$here/guest-rt
for b in loop mixed; do
	ia64-linux-gnu-gcc -O2 -static -nostdlib -nostartfiles -isystem "$rt/include" \
		-o "$out/$b" "$rt/build/crt0.o" "$here/bench/$b.c" "$rt/build/librt.a" -lgcc
	stats=$(IA64EMU_STATS=1 "$here/build/ia64emu" run "$out/$b" 2>&1 >/dev/null | grep 'slots in')
	set -- $stats
	# "ia64emu: <slots> slots in <sec> s ..."
	awk -v n="$2" -v s="$5" -v b="$b" 'BEGIN { printf "bench emu-%s: %.0f slots/s\n", b, (s > 0 ? n / s : 0) }'
done
