/* SPDX-License-Identifier: MIT */
/*
 * Bundle decoding: the 24 architected templates (SDM Vol. 3, Table 3-10),
 * routing each slot to its unit decoder, and the shared "illegal"
 * instruction every decoder falls back to for reserved encodings.
 */
#include <string.h>

#include "bundle.h"
#include "disasm.h"
#include "insn.h"
#include "interrupt.h"

#define T(nm, u0, u1, u2, st) { .name = nm, .unit = { u0, u1, u2 }, .stops = st, .valid = true }
#define M UNIT_M
#define I UNIT_I
#define F UNIT_F
#define B UNIT_B
#define L UNIT_L
#define X UNIT_X

/* Stop bits: 1 = after slot 0, 2 = after slot 1, 4 = after slot 2. */
static const struct bundle_template templates[32] = {
	[0x00] = T("MII", M, I, I, 0), [0x01] = T("MII", M, I, I, 4),
	[0x02] = T("MII", M, I, I, 2), [0x03] = T("MII", M, I, I, 6),
	[0x04] = T("MLX", M, L, X, 0), [0x05] = T("MLX", M, L, X, 4),
	[0x08] = T("MMI", M, M, I, 0), [0x09] = T("MMI", M, M, I, 4),
	[0x0a] = T("MMI", M, M, I, 1), [0x0b] = T("MMI", M, M, I, 5),
	[0x0c] = T("MFI", M, F, I, 0), [0x0d] = T("MFI", M, F, I, 4),
	[0x0e] = T("MMF", M, M, F, 0), [0x0f] = T("MMF", M, M, F, 4),
	[0x10] = T("MIB", M, I, B, 0), [0x11] = T("MIB", M, I, B, 4),
	[0x12] = T("MBB", M, B, B, 0), [0x13] = T("MBB", M, B, B, 4),
	[0x16] = T("BBB", B, B, B, 0), [0x17] = T("BBB", B, B, B, 4),
	[0x18] = T("MMB", M, M, B, 0), [0x19] = T("MMB", M, M, B, 4),
	[0x1c] = T("MFB", M, F, B, 0), [0x1d] = T("MFB", M, F, B, 4),
};

static const struct bundle_template reserved_template = { .name = NULL };

const struct bundle_template *bundle_template(unsigned tmpl)
{
	const struct bundle_template *t = &templates[tmpl & 0x1f];

	return t->valid ? t : &reserved_template;
}

static const struct opdesc op_illegal = { "data8", dis_raw_slot };

void decode_illegal(uint64_t raw, struct insn *in)
{
	memset(in, 0, sizeof(*in));
	in->exec = exec_illegal;
	in->op = &op_illegal;
	in->imm2 = raw;
	/* The slot must fault even if its qp bits name a false predicate:
	 * reserved encodings are illegal regardless of qualification. */
	in->flags = IF_ALWAYS;
}

int exec_illegal(struct cpu *c, const struct insn *in)
{
	(void)in;
	return cpu_illegal_op(c);
}

/* Major opcodes 8-15 in an M or I slot are the A-unit (ALU) space. */
static void decode_slot(unsigned unit, uint64_t raw, struct insn *in)
{
	switch (unit) {
	case UNIT_M:
		if (slot_major(raw) >= 8)
			decode_a(raw, in);
		else
			decode_m(raw, in);
		break;
	case UNIT_I:
		if (slot_major(raw) >= 8)
			decode_a(raw, in);
		else
			decode_i(raw, in);
		break;
	case UNIT_F:
		decode_f(raw, in);
		break;
	case UNIT_B:
		decode_b(raw, in);
		break;
	default:
		decode_illegal(raw, in);
		break;
	}
	in->flags = (uint16_t)((in->flags & ~(0xfu << IF_UNIT_SHIFT)) |
			       (unit << IF_UNIT_SHIFT));
}

/* nop.* and hint.* have no effect whatever their qualifying predicate. */
static bool is_nop(const struct insn *in)
{
	const char *n = in->op ? in->op->name : NULL;

	return n && in->exec != exec_illegal &&
	       (!strncmp(n, "nop.", 4) || !strncmp(n, "hint.", 5));
}

static void build_run_list(struct decoded_bundle *db)
{
	unsigned s, last = db->is_mlx ? 2 : 3;

	db->nrun = 0;
	for (s = 0; s < last; s++) {
		const struct insn *in = &db->slot[s];

		if (is_nop(in))
			continue;
		db->runq[db->nrun] = (in->flags & IF_ALWAYS) ? 0 : in->qp;
		db->run[db->nrun++] = (uint8_t)s;
	}
}

void bundle_decode(const uint8_t bytes[16], struct decoded_bundle *db)
{
	unsigned tmpl = bytes[0] & 0x1f;
	const struct bundle_template *t = bundle_template(tmpl);
	unsigned s;

	memset(db, 0, sizeof(*db));
	db->tmpl = (uint8_t)tmpl;
	db->valid = t->valid;
	db->stops = t->stops;
	if (!t->valid) {
		for (s = 0; s < 3; s++)
			decode_illegal(bundle_slot(bytes, s), &db->slot[s]);
		build_run_list(db);
		return;
	}
	decode_slot(t->unit[0], bundle_slot(bytes, 0), &db->slot[0]);
	if (t->unit[1] == UNIT_L) {
		db->is_mlx = true;
		decode_x(bundle_slot(bytes, 1), bundle_slot(bytes, 2), &db->slot[1]);
		db->slot[1].flags = (uint16_t)(db->slot[1].flags | IF_LONG |
					       (UNIT_X << IF_UNIT_SHIFT));
		db->slot[2] = db->slot[1];
		build_run_list(db);
		return;
	}
	decode_slot(t->unit[1], bundle_slot(bytes, 1), &db->slot[1]);
	decode_slot(t->unit[2], bundle_slot(bytes, 2), &db->slot[2]);
	build_run_list(db);
}
