#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Random M-unit slots (major opcodes 0-7) in MMI bundles, wrapped into an
# ELF with objcopy and compared slot by slot with objdump by
# tests/decode-oracle.sh.  Encodings objdump reads differently from the SDM
# revision this emulator implements are normalized away before the
# comparison, since no real code contains them:
#   - reserved hint values (objdump accepts .d1/.d2 only in some forms);
#   - the unused register field of the no-update forms (bits 19:13 of
#     M1/M6/M13 and ld16, 12:6 of M4/M9/M14/M15 and st16), reused by
#     later processors for an extra hint bit and lfetch.count;
#   - op 1 x6 0x20 (the later dahr move);
#   - hint.m imm bits 5:4 (binutils skips them in its immediate layout).
# Usage: m_fuzz_dis.py [count] [seed]   (needs build/ia64emu)
import os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NOP = 0x00008000000


def normalize(r):
    op = r >> 37
    x6 = (r >> 30) & 0x3f
    m = (r >> 36) & 1
    x = (r >> 27) & 1
    if op in (4, 5, 6, 7):
        hint = (r >> 28) & 3
        r &= ~(3 << 28)
        r |= (0 if hint in (0, 2) else 3) << 28
        no_update_load = op in (4, 6) and m == 0 and x == 0 and x6 < 0x30
        if no_update_load:
            r &= ~(0x7f << 13)
        if op in (4, 6) and m == 0 and x == 0 and x6 >= 0x30:
            r &= ~(0x7f << 6)
        if 0x2c <= x6 <= 0x2f and (op == 7 or (op == 6 and x == 0)):
            r &= ~(0x7f << 6)           # lfetch post-increment forms
        if op == 4 and m == 0 and x == 1 and x6 in (0x28, 0x2c):
            r &= ~(0x7f << 13)          # ld16
        if op == 4 and m == 0 and x == 1 and x6 in (0x30, 0x34):
            r &= ~(0x7f << 6)           # st16
    if op == 1 and ((r >> 33) & 7) == 0 and ((r >> 27) & 0x3f) == 0x20:
        r &= ~(0x3f << 27)
    if op == 0 and ((r >> 33) & 7) == 0 and ((r >> 27) & 0xf) == 1 and ((r >> 31) & 3) == 0:
        r &= ~(3 << 10)
    return r


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    blob = bytearray()
    for _ in range(count):
        r = normalize(((rnd.randrange(8)) << 37) | (rnd.getrandbits(37) & ~0x3f))
        blob += (0x08 | (r << 5) | (NOP << 46) | (NOP << 87)).to_bytes(16, "little")
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "fuzz.bin")
        elf = os.path.join(tmp, "fuzz.o")
        open(raw, "wb").write(blob)
        subprocess.run(["ia64-linux-gnu-objcopy", "-I", "binary", "-O", "elf64-ia64-little",
                        "-B", "ia64", "--rename-section",
                        ".data=.text,contents,alloc,load,readonly,code", raw, elf], check=True)
        return subprocess.run(["bash", os.path.join(HERE, "..", "decode-oracle.sh"), elf]).returncode


if __name__ == "__main__":
    sys.exit(main())
