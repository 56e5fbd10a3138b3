#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# F-unit decode fuzz: 30000 MFI bundles whose F slot is a random 41-bit
# encoding (biased towards the F major opcodes, reserved ones included)
# run through the decode oracle (ia64emu dis vs ia64-linux-gnu-objdump).
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=${1:-11}

printf '\t.text\n{ .mfi\n\tnop.m 0\n\tnop.f 0\n\tnop.i 0\n}\n' > "$tmp/nop.s"
ia64-linux-gnu-as -o "$tmp/nop.o" "$tmp/nop.s" 2>/dev/null &&
ia64-linux-gnu-objcopy -O binary -j .text "$tmp/nop.o" "$tmp/nop.bin" || exit 2
python3 - "$tmp/nop.bin" "$tmp/rand.bin" "$seed" <<'PY'
import random, sys
b = int.from_bytes(open(sys.argv[1], 'rb').read()[:16], 'little')
keep = b & ~(((1 << 41) - 1) << 46)          # template + slots 0 and 2
random.seed(int(sys.argv[3]))
ops = [0, 0, 0, 1, 1, 4, 5, 8, 9, 10, 11, 12, 13, 14, 14, 2, 3, 6, 7, 15]
out = bytearray()
for _ in range(30000):
    raw = random.choice(ops) << 37 | random.getrandbits(37)
    out += (keep | raw << 46).to_bytes(16, 'little')
open(sys.argv[2], 'wb').write(out)
PY
printf '\t.text\n\t.global _start\n_start:\n\t.incbin "%s"\n' "$tmp/rand.bin" > "$tmp/r.s"
ia64-linux-gnu-as -o "$tmp/r.o" "$tmp/r.s" && ia64-linux-gnu-ld -o "$tmp/r.elf" "$tmp/r.o" || exit 2
"$here/../decode-oracle.sh" "$tmp/r.elf"
