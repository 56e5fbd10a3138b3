/* SPDX-License-Identifier: MIT */
/*
 * B-unit decoder (SDM Vol. 3, 4.5): IP-relative and indirect branches,
 * calls and returns, the modulo-loop branches, branch predict, and the
 * miscellaneous B-unit operations (cover, clrrrb, rfi, bsw, epc, break,
 * nop, hint).  Mnemonics follow objdump's spelling, including its
 * "br.few"/"br.many" short form of an unpredicated br.cond.sptk.
 */
#include <string.h>

#include "branch.h"
#include "cpu.h"
#include "disasm.h"
#include "insn.h"

static void dis_b2(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	buf[0] = 0;
	dis_cat(buf, n, "b%u", in->r2);
}

static void dis_call_ind(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	buf[0] = 0;
	dis_cat(buf, n, "b%u=b%u", in->r1, in->r2);
}

/* brp: target (ip-relative, imm) or b2, then the tag address (ip + imm2). */
static void dis_brp_rel(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	buf[0] = 0;
	dis_target(buf, n, ip, in->imm);
	dis_cat(buf, n, ",");
	dis_target(buf, n, ip, (int64_t)in->imm2);
}

static void dis_brp_ind(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	buf[0] = 0;
	dis_cat(buf, n, "b%u,", in->r2);
	dis_target(buf, n, ip, (int64_t)in->imm2);
}

static const struct opdesc op_br_short[4] = {
	{ "br.few", dis_only_target }, { "br.few.clr", dis_only_target },
	{ "br.many", dis_only_target }, { "br.many.clr", dis_only_target },
};
static const struct opdesc op_br_short_ind[4] = {
	{ "br.few", dis_b2 }, { "br.few.clr", dis_b2 },
	{ "br.many", dis_b2 }, { "br.many.clr", dis_b2 },
};
static const struct opdesc op_br_cond[16] = DIS_HINT16("br.cond", dis_only_target);
static const struct opdesc op_br_wexit[16] = DIS_HINT16("br.wexit", dis_only_target);
static const struct opdesc op_br_wtop[16] = DIS_HINT16("br.wtop", dis_only_target);
static const struct opdesc op_br_cloop[16] = DIS_HINT16("br.cloop", dis_only_target);
static const struct opdesc op_br_cexit[16] = DIS_HINT16("br.cexit", dis_only_target);
static const struct opdesc op_br_ctop[16] = DIS_HINT16("br.ctop", dis_only_target);
static const struct opdesc op_br_call[16] = DIS_HINT16("br.call", dis_call_target);
static const struct opdesc op_br_cond_ind[16] = DIS_HINT16("br.cond", dis_b2);
static const struct opdesc op_br_ia[16] = DIS_HINT16("br.ia", dis_b2);
static const struct opdesc op_br_ret[16] = DIS_HINT16("br.ret", dis_b2);
static const struct opdesc op_br_call_ind[16] = DIS_HINT16("br.call", dis_call_ind);

static const struct opdesc op_break_b = { "break.b", dis_only_imm2 };
static const struct opdesc op_nop_b = { "nop.b", dis_only_imm2 };
static const struct opdesc op_hint_b = { "hint.b", dis_only_imm2 };
static const struct opdesc op_cover = { "cover", NULL };
static const struct opdesc op_clrrrb = { "clrrrb", NULL };
static const struct opdesc op_clrrrb_pr = { "clrrrb.pr", NULL };
static const struct opdesc op_rfi = { "rfi", NULL };
static const struct opdesc op_bsw0 = { "bsw.0", NULL };
static const struct opdesc op_bsw1 = { "bsw.1", NULL };
static const struct opdesc op_epc = { "epc", NULL };
static const struct opdesc op_vmsw0 = { "vmsw.0", NULL };
static const struct opdesc op_vmsw1 = { "vmsw.1", NULL };

/* brp whether hints (B6/B7): sptk, loop, dptk, exit; ".imp" when ih. */
static const struct opdesc op_brp_rel[8] = {
	{ "brp.sptk", dis_brp_rel }, { "brp.sptk.imp", dis_brp_rel },
	{ "brp.loop", dis_brp_rel }, { "brp.loop.imp", dis_brp_rel },
	{ "brp.dptk", dis_brp_rel }, { "brp.dptk.imp", dis_brp_rel },
	{ "brp.exit", dis_brp_rel }, { "brp.exit.imp", dis_brp_rel },
};
static const struct opdesc op_brp_ind[8] = {
	{ "brp.sptk", dis_brp_ind }, { "brp.sptk.imp", dis_brp_ind },
	{ "brp.loop", dis_brp_ind }, { "brp.loop.imp", dis_brp_ind },
	{ "brp.dptk", dis_brp_ind }, { "brp.dptk.imp", dis_brp_ind },
	{ "brp.exit", dis_brp_ind }, { "brp.exit.imp", dis_brp_ind },
};
static const struct opdesc op_brp_ret[8] = {
	{ "brp.ret.sptk", dis_brp_ind }, { "brp.ret.sptk.imp", dis_brp_ind },
	{ "brp.ret.loop", dis_brp_ind }, { "brp.ret.loop.imp", dis_brp_ind },
	{ "brp.ret.dptk", dis_brp_ind }, { "brp.ret.dptk.imp", dis_brp_ind },
	{ "brp.ret.exit", dis_brp_ind }, { "brp.ret.exit.imp", dis_brp_ind },
};

/* Hint index from the common B1/B3/B4 fields: wh{34:33}, p{12}, d{35}. */
static unsigned hint_idx(uint64_t raw)
{
	return (unsigned)(slot_bits(raw, 33, 2) * 4 + slot_bits(raw, 12, 1) * 2 +
			  slot_bits(raw, 35, 1));
}

/* Sign-extended s:imm20b, in bytes (bundle granule). */
static int64_t rel_disp(uint64_t raw)
{
	uint64_t v = slot_bits(raw, 13, 20) | (slot_bits(raw, 36, 1) << 20);

	return ia64_sext(v, 21) * 16;
}

static void set(struct insn *in, uint64_t raw, exec_fn fn, const struct opdesc *op)
{
	memset(in, 0, sizeof(*in));
	in->exec = fn;
	in->op = op;
	in->qp = (uint8_t)slot_bits(raw, 0, 6);
}

/* B1: IP-relative branch, opcode 4. */
static void decode_b1(uint64_t raw, struct insn *in)
{
	unsigned btype = (unsigned)slot_bits(raw, 6, 3), h = hint_idx(raw);
	unsigned qp = (unsigned)slot_bits(raw, 0, 6);

	switch (btype) {
	case 0:
		if (!qp && h < 4)
			set(in, raw, exec_br_cond, &op_br_short[h]);
		else
			set(in, raw, exec_br_cond, &op_br_cond[h]);
		in->a = BT_COND;
		break;
	case 2:
	case 3:
		set(in, raw, exec_br_wtop, btype == 3 ? &op_br_wtop[h] : &op_br_wexit[h]);
		in->a = btype == 3 ? BT_WTOP : BT_WEXIT;
		/* The qualifying predicate is an input, not a guard. */
		in->flags |= IF_ALWAYS;
		break;
	case 5:
		set(in, raw, exec_br_cloop, &op_br_cloop[h]);
		in->a = BT_CLOOP;
		in->qp = 0;
		break;
	case 6:
	case 7:
		set(in, raw, exec_br_ctop, btype == 7 ? &op_br_ctop[h] : &op_br_cexit[h]);
		in->a = btype == 7 ? BT_CTOP : BT_CEXIT;
		in->qp = 0;
		break;
	default:
		decode_illegal(raw, in);
		return;
	}
	in->imm = rel_disp(raw);
	in->flags |= IF_BRANCH;
}

/* B4 (opcode 0, x6 0x20/0x21): indirect branch and return. */
static void decode_b4(uint64_t raw, unsigned x6, struct insn *in)
{
	unsigned btype = (unsigned)slot_bits(raw, 6, 3), h = hint_idx(raw);
	unsigned qp = (unsigned)slot_bits(raw, 0, 6);

	if (x6 == 0x20 && btype == 0) {
		if (!qp && h < 4)
			set(in, raw, exec_br_cond_ind, &op_br_short_ind[h]);
		else
			set(in, raw, exec_br_cond_ind, &op_br_cond_ind[h]);
	} else if (x6 == 0x20 && btype == 1) {
		set(in, raw, exec_br_ia, &op_br_ia[h]);
	} else if (x6 == 0x21 && btype == 4) {
		set(in, raw, exec_br_ret, &op_br_ret[h]);
	} else {
		decode_illegal(raw, in);
		return;
	}
	in->r2 = (uint8_t)slot_bits(raw, 13, 3);
	in->flags |= IF_BRANCH;
}

static void decode_b8(uint64_t raw, unsigned x6, struct insn *in);

/* Opcode 0, B8 miscellaneous and B4 indirect branches. */
static void decode_b_op0(uint64_t raw, struct insn *in)
{
	unsigned x6 = (unsigned)slot_bits(raw, 27, 6);

	if (x6 != 0 && x6 < 0x20) {
		/* B8 operations other than break.b cannot be predicated: the
		 * qp field is ignored (objdump does not show it either). */
		decode_b8(raw, x6, in);
		in->qp = 0;
		return;
	}
	switch (x6) {
	case 0x00:
		set(in, raw, exec_break_b, &op_break_b);
		in->imm2 = slot_bits(raw, 6, 20) | (slot_bits(raw, 36, 1) << 20);
		return;
	case 0x20:
	case 0x21:
		decode_b4(raw, x6, in);
		return;
	default:
		decode_illegal(raw, in);
		return;
	}
}

static void decode_b8(uint64_t raw, unsigned x6, struct insn *in)
{

	switch (x6) {
	case 0x02:
		set(in, raw, exec_cover, &op_cover);
		return;
	case 0x04:
	case 0x05:
		set(in, raw, exec_clrrrb, x6 == 5 ? &op_clrrrb_pr : &op_clrrrb);
		in->a = x6 == 5;
		return;
	case 0x08:
		set(in, raw, exec_rfi, &op_rfi);
		in->flags |= IF_BRANCH | IF_SERIALIZE | IF_PRIV;
		return;
	case 0x0c:
	case 0x0d:
		set(in, raw, exec_bsw, x6 == 0x0d ? &op_bsw1 : &op_bsw0);
		in->a = x6 == 0x0d;
		in->flags |= IF_PRIV;
		return;
	case 0x10:
		set(in, raw, exec_epc, &op_epc);
		return;
	case 0x18:
	case 0x19:
		/* vmsw: no virtualization extension, so Illegal Operation
		 * (the decoded form keeps objdump's spelling). */
		set(in, raw, exec_illegal, x6 == 0x19 ? &op_vmsw1 : &op_vmsw0);
		return;
	default:
		decode_illegal(raw, in);
		return;
	}
}

/* Opcode 2: nop.b/hint.b (B9) and indirect branch predict (B7). */
static void decode_b_op2(uint64_t raw, struct insn *in)
{
	unsigned x6 = (unsigned)slot_bits(raw, 27, 6);
	unsigned h = (unsigned)(slot_bits(raw, 3, 2) * 2 + slot_bits(raw, 35, 1));

	switch (x6) {
	case 0x00:
	case 0x01:
		set(in, raw, exec_nop_b, x6 ? &op_hint_b : &op_nop_b);
		in->imm2 = slot_bits(raw, 6, 20) | (slot_bits(raw, 36, 1) << 20);
		return;
	case 0x10:
	case 0x11:
		/* B7 only has the sptk and dptk whether hints. */
		if (slot_bits(raw, 3, 1)) {
			decode_illegal(raw, in);
			return;
		}
		set(in, raw, exec_nop_b, x6 == 0x11 ? &op_brp_ret[h] : &op_brp_ind[h]);
		in->r2 = (uint8_t)slot_bits(raw, 13, 3);
		in->imm2 = (uint64_t)(ia64_sext(slot_bits(raw, 6, 7) |
						(slot_bits(raw, 33, 2) << 7), 9) * 16);
		in->qp = 0;
		return;
	default:
		decode_illegal(raw, in);
		return;
	}
}

void decode_b(uint64_t raw, struct insn *in)
{
	unsigned h;

	switch (slot_major(raw)) {
	case 0:
		decode_b_op0(raw, in);
		return;
	case 1: {
		/* B5: indirect call; only the odd 3-bit whether hints exist. */
		unsigned wh = (unsigned)slot_bits(raw, 32, 3);

		if (!(wh & 1)) {
			decode_illegal(raw, in);
			return;
		}
		h = (wh >> 1) * 4 + (unsigned)slot_bits(raw, 12, 1) * 2 +
		    (unsigned)slot_bits(raw, 35, 1);
		set(in, raw, exec_br_call_ind, &op_br_call_ind[h]);
		in->r1 = (uint8_t)slot_bits(raw, 6, 3);
		in->r2 = (uint8_t)slot_bits(raw, 13, 3);
		in->flags |= IF_BRANCH;
		return;
	}
	case 2:
		decode_b_op2(raw, in);
		return;
	case 4:
		decode_b1(raw, in);
		return;
	case 5:
		set(in, raw, exec_br_call, &op_br_call[hint_idx(raw)]);
		in->r1 = (uint8_t)slot_bits(raw, 6, 3);
		in->imm = rel_disp(raw);
		in->flags |= IF_BRANCH;
		return;
	case 7:
		/* B6: IP-relative branch predict: target, tag = t2e:timm7a. */
		h = (unsigned)(slot_bits(raw, 3, 2) * 2 + slot_bits(raw, 35, 1));
		set(in, raw, exec_nop_b, &op_brp_rel[h]);
		in->imm = rel_disp(raw);
		in->imm2 = (uint64_t)(ia64_sext(slot_bits(raw, 6, 7) |
						(slot_bits(raw, 33, 2) << 7), 9) * 16);
		in->qp = 0;
		return;
	default:
		decode_illegal(raw, in);
		return;
	}
}
