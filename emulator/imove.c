/* SPDX-License-Identifier: MIT */
/*
 * I-unit miscellaneous group, major opcode 0 (SDM formats I19-I29):
 * break.i/nop.i/hint.i, chk.s.i, mov to/from branch registers, mov to
 * predicates (mask and rotating forms), mov from pr/ip, and the I-unit
 * application-register moves (ar.pfs/lc/ec; ar.c enforces which ARs the
 * I unit may name).  zxt/sxt/czx (I29) are decoded by shift.c.
 */
#include <stdio.h>

#include "alu.h"
#include "ar.h"
#include "cpu.h"
#include "disasm.h"
#include "ia64/bits.h"
#include "insn.h"
#include "interrupt.h"

/* ---------------------------------------------------------------- */
/* Executors                                                         */
/* ---------------------------------------------------------------- */

/*
 * The mov pr forms operate "as if CFM.rrb.pr were zero" (SDM mov pr):
 * they see the physical predicate file, not the rotated logical names,
 * so they bypass pmap.
 */
static uint64_t pr_phys_all(const struct cpu *c)
{
	uint64_t v = 1;			/* p0 */
	unsigned i;

	for (i = 1; i < 64; i++)
		v |= (uint64_t)(c->pr[i] & 1) << i;
	return v;
}

static void pr_phys_set(struct cpu *c, uint64_t v, uint64_t mask)
{
	unsigned i;

	for (i = 1; i < 64; i++)
		if ((mask >> i) & 1)
			c->pr[i] = (v >> i) & 1;
}

static int x_nop_i(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
	return X_NEXT;
}

static int x_break_i(struct cpu *c, const struct insn *in)
{
	return cpu_break(c, (uint64_t)in->imm);
}

/* chk.s.i: a NaT in r2 means the speculation failed: branch to the
 * recovery code (IP-relative, imm). */
static int x_chk_s_i(struct cpu *c, const struct insn *in)
{
	if (!gr_nat(c, in->r2))
		return X_NEXT;
	c->ip = (c->ip + (uint64_t)in->imm) & ~0xfULL;
	c->slot = 0;
	return X_JUMP;
}

/* mov b1=r2 (hints ignored); b1 is in r1. */
static int x_mov_to_br(struct cpu *c, const struct insn *in)
{
	if (gr_nat(c, in->r2))
		return cpu_nat_consumption(c, 0);
	c->br[in->r1] = gr_get(c, in->r2);
	return X_NEXT;
}

/* mov r1=b2; b2 is in r2. */
static int x_mov_from_br(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, c->br[in->r2], false);
	return X_NEXT;
}

/* mov pr=r2,mask17: mask pre-expanded in imm2 (p0 never written). */
static int x_mov_to_pr(struct cpu *c, const struct insn *in)
{
	if (gr_nat(c, in->r2))
		return cpu_nat_consumption(c, 0);
	pr_phys_set(c, gr_get(c, in->r2), in->imm2);
	return X_NEXT;
}

/* mov pr.rot=imm44: writes p16-p63 only. */
static int x_mov_to_pr_rot(struct cpu *c, const struct insn *in)
{
	pr_phys_set(c, (uint64_t)in->imm, ~0xffffULL);
	return X_NEXT;
}

static int x_mov_from_pr(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, pr_phys_all(c), false);
	return X_NEXT;
}

/* mov r1=ip: the address of the bundle holding this instruction. */
static int x_mov_from_ip(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, c->ip, false);
	return X_NEXT;
}

/* AR number in insn.a */
static int x_mov_to_ar(struct cpu *c, const struct insn *in)
{
	return ar_write_nat(c, in->a, true, gr_get(c, in->r2), gr_nat(c, in->r2));
}

static int x_mov_to_ar_imm(struct cpu *c, const struct insn *in)
{
	return ar_write(c, in->a, true, (uint64_t)in->imm);
}

static int x_mov_from_ar(struct cpu *c, const struct insn *in)
{
	uint64_t v;
	int r = ar_read(c, in->a, true, &v);

	if (r == X_NEXT)
		gr_set(c, in->r1, v, false);
	return r;
}

/* ---------------------------------------------------------------- */
/* Operand printers                                                  */
/* ---------------------------------------------------------------- */

static void dis_imm21(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	buf[0] = 0;
	dis_imm_hex(buf, n, (uint64_t)in->imm);
}

static void dis_chk(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	snprintf(buf, n, "r%u,", in->r2);
	dis_target(buf, n, ip, in->imm);
}

/* mov b1=r2[,tag]: objdump shows the tag for every spelling except the
 * hint-less plain "mov" (insn.b = 1 when the tag is shown). */
static void dis_to_br(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	snprintf(buf, n, "b%u=r%u", in->r1, in->r2);
	if (in->b) {
		dis_cat(buf, n, ",");
		dis_target(buf, n, ip, in->imm);
	}
}

static void dis_from_br(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=b%u", in->r1, in->r2);
}

static void dis_to_pr(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "pr=r%u,0x%llx", in->r2, (unsigned long long)in->imm2);
}

static void dis_to_pr_rot(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "pr.rot=0x%llx", (unsigned long long)in->imm);
}

static void dis_from_pr(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=pr", in->r1);
}

static void dis_from_ip(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=ip", in->r1);
}

static void dis_to_ar(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	char tmp[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "%s=r%u", dis_ar_name(in->a, tmp), in->r2);
}

static void dis_to_ar_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	char tmp[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "%s=%lld", dis_ar_name(in->a, tmp), (long long)in->imm);
}

static void dis_from_ar(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	char tmp[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "r%u=%s", in->r1, dis_ar_name(in->a, tmp));
}

/* ---------------------------------------------------------------- */
/* Decoding                                                          */
/* ---------------------------------------------------------------- */

enum misc_kind { MK_NONE, MK_IMM21, MK_AR_IMM, MK_AR, MK_EXT, MK_PLAIN };

struct misc_ent {
	exec_fn exec;
	struct opdesc op;
	enum misc_kind kind;
};

/* x3 = 0: indexed by x6 (I19, I22, I25-I29) */
static const struct misc_ent misc_x6[64] = {
	[0x00] = { x_break_i, { "break.i", dis_imm21 }, MK_IMM21 },
	[0x0a] = { x_mov_to_ar_imm, { "mov.i", dis_to_ar_imm }, MK_AR_IMM },
	/* I29 zxt/sxt/czx: shift.c fills these in */
#define EXT { NULL, { NULL, NULL }, MK_EXT }
	[0x10] = EXT, [0x11] = EXT, [0x12] = EXT, [0x14] = EXT, [0x15] = EXT,
	[0x16] = EXT, [0x18] = EXT, [0x19] = EXT, [0x1c] = EXT, [0x1d] = EXT,
#undef EXT
	[0x2a] = { x_mov_to_ar, { "mov.i", dis_to_ar }, MK_AR },
	[0x30] = { x_mov_from_ip, { "mov", dis_from_ip }, MK_PLAIN },
	[0x31] = { x_mov_from_br, { "mov", dis_from_br }, MK_PLAIN },
	[0x32] = { x_mov_from_ar, { "mov.i", dis_from_ar }, MK_AR },
	[0x33] = { x_mov_from_pr, { "mov", dis_from_pr }, MK_PLAIN },
};

static const struct opdesc op_nop_i = { "nop.i", dis_imm21 };
static const struct opdesc op_hint_i = { "hint.i", dis_imm21 };
static const struct opdesc op_chk_s_i = { "chk.s.i", dis_chk };
static const struct opdesc op_to_pr = { "mov", dis_to_pr };
static const struct opdesc op_to_pr_rot = { "mov", dis_to_pr_rot };

/* mov b1=r2 spellings: [x (ret)][wh: sptk, none, dptk][ih (imp)] */
static const struct opdesc op_to_br[2][3][2] = {
	{ { { "mov.sptk", dis_to_br }, { "mov.sptk.imp", dis_to_br } },
	  { { "mov", dis_to_br }, { "mov.imp", dis_to_br } },
	  { { "mov.dptk", dis_to_br }, { "mov.dptk.imp", dis_to_br } } },
	{ { { "mov.ret.sptk", dis_to_br }, { "mov.ret.sptk.imp", dis_to_br } },
	  { { "mov.ret", dis_to_br }, { "mov.ret.imp", dis_to_br } },
	  { { "mov.ret.dptk", dis_to_br }, { "mov.ret.dptk.imp", dis_to_br } } },
};

static void decode_x3_0(uint64_t raw, struct insn *in)
{
	unsigned x6 = (unsigned)slot_bits(raw, 27, 6);
	const struct misc_ent *e = &misc_x6[x6];

	switch (e->kind) {
	case MK_NONE:
		if (x6 != 0x01)
			break;
		/* nop.i / hint.i (y = bit 26) */
		in->imm = (int64_t)((slot_bits(raw, 36, 1) << 20) | slot_bits(raw, 6, 20));
		in->exec = x_nop_i;
		in->op = slot_bits(raw, 26, 1) ? &op_hint_i : &op_nop_i;
		return;
	case MK_EXT:
		decode_ext_i29(raw, x6, in);
		return;
	case MK_IMM21:
		in->imm = (int64_t)((slot_bits(raw, 36, 1) << 20) | slot_bits(raw, 6, 20));
		break;
	case MK_AR_IMM:
		in->a = (uint8_t)slot_bits(raw, 20, 7);
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 7) | slot_bits(raw, 13, 7), 8);
		break;
	case MK_AR:
		in->a = (uint8_t)slot_bits(raw, 20, 7);
		break;
	case MK_PLAIN:
		if (x6 == 0x31)
			in->r2 = (uint8_t)slot_bits(raw, 13, 3);
		break;
	}
	if (!e->exec) {
		decode_illegal(raw, in);
		return;
	}
	in->exec = e->exec;
	in->op = &e->op;
}

void decode_misc_i(uint64_t raw, struct insn *in)
{
	unsigned x3 = (unsigned)slot_bits(raw, 33, 3);
	unsigned wh;

	switch (x3) {
	case 0:
		decode_x3_0(raw, in);
		return;
	case 1:		/* I20 chk.s.i r2,target25 */
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 20) | (slot_bits(raw, 20, 13) << 7) |
				    slot_bits(raw, 6, 7), 21) * 16;
		in->exec = x_chk_s_i;
		in->op = &op_chk_s_i;
		in->flags |= IF_BRANCH;
		return;
	case 2:		/* I24 mov pr.rot=imm44 */
		in->imm = (int64_t)((uint64_t)ia64_sext((slot_bits(raw, 36, 1) << 27) |
							slot_bits(raw, 6, 27), 28) << 16);
		in->exec = x_mov_to_pr_rot;
		in->op = &op_to_pr_rot;
		return;
	case 3:		/* I23 mov pr=r2,mask17 */
		in->imm2 = (uint64_t)ia64_sext((slot_bits(raw, 36, 1) << 16) |
					       (slot_bits(raw, 24, 8) << 8) |
					       (slot_bits(raw, 6, 7) << 1), 17);
		in->exec = x_mov_to_pr;
		in->op = &op_to_pr;
		return;
	case 7:		/* I21 mov b1=r2,tag13 */
		wh = (unsigned)slot_bits(raw, 20, 2);
		if (wh == 3)
			break;
		in->r1 = (uint8_t)slot_bits(raw, 6, 3);
		in->imm = ia64_sext(slot_bits(raw, 24, 9), 9) * 16;
		in->exec = x_mov_to_br;
		in->op = &op_to_br[slot_bits(raw, 22, 1)][wh][slot_bits(raw, 23, 1)];
		in->b = in->op != &op_to_br[0][1][0];
		return;
	default:
		break;
	}
	decode_illegal(raw, in);
}
