/* SPDX-License-Identifier: MIT */
/*
 * I-unit decoder (SDM Vol. 3, 4.3): major opcodes 0-7 of an I slot
 * (8-15 are the A unit, routed by the bundle decoder).  Fills the fields
 * every I format shares and hands each major opcode to the file that
 * implements its mechanism: misc/moves (imove.c), deposit/extract/test
 * bit (shift.c, compare.c) and the multimedia space (multimedia.c).
 */
#include <string.h>

#include "alu.h"
#include "insn.h"

typedef void (*subdecode_fn)(uint64_t raw, struct insn *in);

static const subdecode_fn i_major[8] = {
	[0] = decode_misc_i,
	[4] = decode_shift,
	[5] = decode_shift,
	[7] = decode_mm_i,
};

void decode_i(uint64_t raw, struct insn *in)
{
	subdecode_fn f = slot_major(raw) < 8 ? i_major[slot_major(raw)] : NULL;

	if (!f) {
		decode_illegal(raw, in);
		return;
	}
	decode_common_fields(raw, in);
	f(raw, in);
}
