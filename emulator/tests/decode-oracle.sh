#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Decode oracle: compare `ia64emu dis` with `ia64-linux-gnu-objdump -d`
# slot by slot for every executable section of an IA-64 ELF file.
# Only cosmetic differences are normalized: whitespace, and objdump's
# "<symbol+off>" annotation of addresses ("40 <f+0x10>" -> "0x40", the
# form objdump itself prints when no symbol is known).  Mnemonics,
# completers, operands, predicates and stops must match exactly.
# Prints mismatches grouped by mnemonic class and the line
#   decode: N passed, M failed, 0 skipped
# and exits non-zero on any mismatch.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
emu=${IA64EMU:-$here/build/ia64emu}
objdump=${OBJDUMP:-ia64-linux-gnu-objdump}
elf=${1:?usage: decode-oracle.sh <elf>}
max_show=${ORACLE_SHOW:-5}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$objdump" -d -z "$elf" > "$tmp/ref" || { echo "decode-oracle: objdump failed"; exit 2; }
"$emu" dis "$elf" > "$tmp/our" || { echo "decode-oracle: ia64emu dis failed"; exit 2; }

python3 - "$tmp/ref" "$tmp/our" "$max_show" <<'PY'
import re, sys
from collections import defaultdict

ref_path, our_path, max_show = sys.argv[1], sys.argv[2], int(sys.argv[3])
line_re = re.compile(r'^\s*([0-9a-f]+):\t([0-9a-f ]+)\t(.*)$')
sym_re = re.compile(r'\b([0-9a-f]+) <[^>]*>')

sec_re = re.compile(r'^Disassembly of section (.*):$')

# Keyed by (section, address): sections of a relocatable object all
# start at address 0.
def slots(path):
    out = {}
    sec = ''
    with open(path, errors='replace') as f:
        for ln in f:
            ln = ln.rstrip('\n')
            s = sec_re.match(ln)
            if s:
                sec = s.group(1)
                continue
            m = line_re.match(ln)
            if not m:
                continue      # headers, symbol lines, MLX byte-only lines
            text = sym_re.sub(lambda g: '0x' + g.group(1), m.group(3))
            text = ' '.join(text.split())
            out[(sec, int(m.group(1), 16))] = text
    return out

ref, our = slots(ref_path), slots(our_path)

def mclass(t):
    t = re.sub(r'^\[[^\]]*\] ', '', t)
    t = re.sub(r'^\(p\d+\) ', '', t)
    return t.split(' ')[0].split('.')[0] or '?'

passed = failed = 0
bad = defaultdict(list)
for addr in sorted(ref):
    r, o = ref[addr], our.get(addr)
    if o == r:
        passed += 1
    else:
        failed += 1
        bad[mclass(r)].append((addr, r, o))
for cls in sorted(bad, key=lambda k: -len(bad[k])):
    print('mismatch class %-12s %d' % (cls, len(bad[cls])))
    for addr, r, o in bad[cls][:max_show]:
        print('  %s %x: objdump: %s' % (addr[0], addr[1], r))
        print('  %s  ia64emu: %s' % (' ' * len('%s %x' % addr), o if o is not None else '<missing>'))
print('decode: %d passed, %d failed, 0 skipped' % (passed, failed))
sys.exit(1 if failed or not passed else 0)
PY
