/* SPDX-License-Identifier: MIT */
/*
 * X-unit decoder (SDM Vol. 3, 4.7): the long-immediate instructions of an
 * MLX bundle, which use the L slot (slot 1) as extra immediate bits and
 * the X slot (slot 2) for the opcode: movl, brl, brl.call, break.x,
 * nop.x and hint.x.
 */
#include <string.h>

#include "branch.h"
#include "cpu.h"
#include "disasm.h"
#include "insn.h"
#include "interrupt.h"

static int exec_movl(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, in->imm2, false);
	return X_NEXT;
}

static int exec_break_x(struct cpu *c, const struct insn *in)
{
	return cpu_break(c, in->imm2);
}

static int exec_nop_x(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
	return X_NEXT;
}

static void dis_movl(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	buf[0] = 0;
	dis_cat(buf, n, "r%u=", in->r1);
	dis_imm_hex(buf, n, in->imm2);
}


static const struct opdesc op_movl = { "movl", dis_movl };
static const struct opdesc op_break_x = { "break.x", dis_only_imm2 };
static const struct opdesc op_nop_x = { "nop.x", dis_only_imm2 };
static const struct opdesc op_hint_x = { "hint.x", dis_only_imm2 };
static const struct opdesc op_brl_short[4] = {
	{ "brl.few", dis_only_target }, { "brl.few.clr", dis_only_target },
	{ "brl.many", dis_only_target }, { "brl.many.clr", dis_only_target },
};
static const struct opdesc op_brl[16] = DIS_HINT16("brl.cond", dis_only_target);
static const struct opdesc op_brl_call[16] = DIS_HINT16("brl.call", dis_call_target);

static void set(struct insn *in, uint64_t xraw, exec_fn fn, const struct opdesc *op)
{
	memset(in, 0, sizeof(*in));
	in->exec = fn;
	in->op = op;
	in->qp = (uint8_t)slot_bits(xraw, 0, 6);
}

/* brl target: imm60 = i{36} : imm39 (L slot bits 2-40) : imm20b, in bundles. */
static int64_t brl_disp(uint64_t lraw, uint64_t xraw)
{
	uint64_t v = slot_bits(xraw, 13, 20) | (slot_bits(lraw, 2, 39) << 20) |
		     (slot_bits(xraw, 36, 1) << 59);

	return ia64_sext(v, 60) * 16;
}

void decode_x(uint64_t lraw, uint64_t xraw, struct insn *in)
{
	unsigned h = (unsigned)(slot_bits(xraw, 33, 2) * 4 + slot_bits(xraw, 12, 1) * 2 +
				slot_bits(xraw, 35, 1));
	unsigned x6, x3;

	switch (slot_major(xraw)) {
	case 0:
		/* X1/X5: imm62 = imm41 (L) : i{36} : imm20a{25:6}. */
		x3 = (unsigned)slot_bits(xraw, 33, 3);
		x6 = (unsigned)slot_bits(xraw, 27, 6);
		if (x3 != 0 || x6 > 1) {
			decode_illegal(xraw, in);
			return;
		}
		if (x6 == 0)
			set(in, xraw, exec_break_x, &op_break_x);
		else
			set(in, xraw, exec_nop_x,
			    slot_bits(xraw, 26, 1) ? &op_hint_x : &op_nop_x);
		in->imm2 = slot_bits(xraw, 6, 20) | (slot_bits(xraw, 36, 1) << 20) |
			   (lraw << 21);
		return;
	case 6:
		/* X2 movl: imm64 = i : imm41 : ic : imm5c : imm9d : imm7b. */
		if (slot_bits(xraw, 20, 1)) {
			decode_illegal(xraw, in);
			return;
		}
		set(in, xraw, exec_movl, &op_movl);
		in->r1 = (uint8_t)slot_bits(xraw, 6, 7);
		in->imm2 = slot_bits(xraw, 13, 7) | (slot_bits(xraw, 27, 9) << 7) |
			   (slot_bits(xraw, 22, 5) << 16) | (slot_bits(xraw, 21, 1) << 21) |
			   (lraw << 22) | (slot_bits(xraw, 36, 1) << 63);
		return;
	case 0xc:
		/* X3 brl: btype must be 0. */
		if (slot_bits(xraw, 6, 3)) {
			decode_illegal(xraw, in);
			return;
		}
		if (!slot_bits(xraw, 0, 6) && h < 4)
			set(in, xraw, exec_br_cond, &op_brl_short[h]);
		else
			set(in, xraw, exec_br_cond, &op_brl[h]);
		in->a = BT_COND;
		in->imm = brl_disp(lraw, xraw);
		in->flags |= IF_BRANCH;
		return;
	case 0xd:
		set(in, xraw, exec_br_call, &op_brl_call[h]);
		in->r1 = (uint8_t)slot_bits(xraw, 6, 3);
		in->imm = brl_disp(lraw, xraw);
		in->flags |= IF_BRANCH;
		return;
	default:
		decode_illegal(xraw, in);
		return;
	}
}
