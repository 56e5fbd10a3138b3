#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Random-encoding check of the A and I unit decoders: builds an object of
# random 41-bit slots (MII bundles: I slots biased to the I/A major
# opcodes; MMI bundles: A-unit majors in M slots) and runs the decode
# oracle (ia64emu dis vs ia64-linux-gnu-objdump) over it.  Reserved
# encodings must come out as objdump's "data8", every other slot with
# objdump's exact text.
#   ai_fuzz.sh [bundles] [seed]     (defaults: 20000, 1)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-20000} seed=${2:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$n" "$seed" > "$tmp/fz.s" <<'PY'
import random, sys
n, seed = int(sys.argv[1]), int(sys.argv[2])
random.seed(seed)
nop = 1 << 27                      # nop.m / nop.i 0
majors_i = [0, 4, 5, 7, 8, 9, 0xc, 0xd, 0xe]
def slot(majors):
    return random.getrandbits(37) | (random.choice(majors) << 37)
print("\t.text")
for k in range(n):
    if k % 3 == 0:                 # MMI: A-unit ops in both M slots
        v = 8 | (slot(range(8, 16)) << 5) | (slot(range(8, 16)) << 46) | (nop << 87)
    elif k % 3 == 1:               # MII: I/A majors
        v = 0 | (nop << 5) | (slot(majors_i) << 46) | (slot(majors_i) << 87)
    else:                          # MII: any major
        v = 0 | (nop << 5) | (random.getrandbits(41) << 46) | (random.getrandbits(41) << 87)
    print("\tdata8 0x%016x, 0x%016x" % (v & ((1 << 64) - 1), v >> 64))
PY
ia64-linux-gnu-as -o "$tmp/fz.o" "$tmp/fz.s"
make -s -C "$here" build/ia64emu >/dev/null
exec "$here/tests/decode-oracle.sh" "$tmp/fz.o"
