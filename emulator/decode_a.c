/* SPDX-License-Identifier: MIT */
/*
 * A-unit decoder (SDM Vol. 3, 4.2): major opcodes 8-15 in M and I slots.
 * Decodes the integer ALU formats A1-A5 here and hands the compare
 * (A6-A8) and multimedia ALU (A9/A10) spaces to compare.c and
 * multimedia.c.  Also holds the operand printers shared by all A/I
 * formats, spelled the way ia64-linux-gnu-objdump prints them.
 */
#include <stdio.h>
#include <string.h>

#include "alu.h"
#include "cpu.h"
#include "disasm.h"
#include "ia64/bits.h"
#include "insn.h"
#include "interrupt.h"

/* ---------------------------------------------------------------- */
/* Operand printers                                                  */
/* ---------------------------------------------------------------- */

void dis_r1_r2_r3(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,r%u", in->r1, in->r2, in->r3);
}

void dis_r1_r3_r2(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,r%u", in->r1, in->r3, in->r2);
}

void dis_r1_r3(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u", in->r1, in->r3);
}

void dis_r1_imm_r3(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=%lld,r%u", in->r1, (long long)in->imm, in->r3);
}

void dis_r1_r2_a(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%u", in->r1, in->r2, in->a);
}

void dis_r1_r3_a(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%u", in->r1, in->r3, in->a);
}

void dis_r1_r2_r3_a(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,r%u,%u", in->r1, in->r2, in->r3, in->a);
}

static void dis_r1_r2_r3_one(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,r%u,1", in->r1, in->r2, in->r3);
}

/* shladd r1=r2,count,r3 */
static void dis_r1_r2_a_r3(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%u,r%u", in->r1, in->r2, in->a, in->r3);
}

static void dis_r1_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=%lld", in->r1, (long long)in->imm);
}

int exec_ai_illegal(struct cpu *c, const struct insn *in)
{
	(void)in;
	return cpu_illegal_op(c);
}

/* ---------------------------------------------------------------- */
/* A1-A3: major 8, x2a = 0, ve = 0; indexed by x4:x2b                */
/* ---------------------------------------------------------------- */

enum a_kind { K_NONE, K_RR, K_RR1, K_SHL, K_IMM8 };

struct a_ent {
	exec_fn exec;
	struct opdesc op;
	enum a_kind kind;
};

#define AX(x4, x2b) (((x4) << 2) | (x2b))

static const struct a_ent a1_tab[64] = {
	[AX(0, 0)] = { x_add, { "add", dis_r1_r2_r3 }, K_RR },
	[AX(0, 1)] = { x_add1, { "add", dis_r1_r2_r3_one }, K_RR1 },
	[AX(1, 0)] = { x_sub1, { "sub", dis_r1_r2_r3_one }, K_RR1 },
	[AX(1, 1)] = { x_sub, { "sub", dis_r1_r2_r3 }, K_RR },
	[AX(2, 0)] = { x_addp4, { "addp4", dis_r1_r2_r3 }, K_RR },
	[AX(3, 0)] = { x_and, { "and", dis_r1_r2_r3 }, K_RR },
	[AX(3, 1)] = { x_andcm, { "andcm", dis_r1_r2_r3 }, K_RR },
	[AX(3, 2)] = { x_or, { "or", dis_r1_r2_r3 }, K_RR },
	[AX(3, 3)] = { x_xor, { "xor", dis_r1_r2_r3 }, K_RR },
	[AX(4, 0)] = { x_shladd, { "shladd", dis_r1_r2_a_r3 }, K_SHL },
	[AX(4, 1)] = { x_shladd, { "shladd", dis_r1_r2_a_r3 }, K_SHL },
	[AX(4, 2)] = { x_shladd, { "shladd", dis_r1_r2_a_r3 }, K_SHL },
	[AX(4, 3)] = { x_shladd, { "shladd", dis_r1_r2_a_r3 }, K_SHL },
	[AX(6, 0)] = { x_shladdp4, { "shladdp4", dis_r1_r2_a_r3 }, K_SHL },
	[AX(6, 1)] = { x_shladdp4, { "shladdp4", dis_r1_r2_a_r3 }, K_SHL },
	[AX(6, 2)] = { x_shladdp4, { "shladdp4", dis_r1_r2_a_r3 }, K_SHL },
	[AX(6, 3)] = { x_shladdp4, { "shladdp4", dis_r1_r2_a_r3 }, K_SHL },
	[AX(9, 1)] = { x_sub_imm, { "sub", dis_r1_imm_r3 }, K_IMM8 },
	[AX(0xb, 0)] = { x_and_imm, { "and", dis_r1_imm_r3 }, K_IMM8 },
	[AX(0xb, 1)] = { x_andcm_imm, { "andcm", dis_r1_imm_r3 }, K_IMM8 },
	[AX(0xb, 2)] = { x_or_imm, { "or", dis_r1_imm_r3 }, K_IMM8 },
	[AX(0xb, 3)] = { x_xor_imm, { "xor", dis_r1_imm_r3 }, K_IMM8 },
};

static const struct opdesc op_adds = { "adds", dis_r1_imm_r3 };
static const struct opdesc op_addp4i = { "addp4", dis_r1_imm_r3 };
static const struct opdesc op_addl = { "addl", dis_r1_imm_r3 };
static const struct opdesc op_mov_gr = { "mov", dis_r1_r3 };
static const struct opdesc op_mov_imm = { "mov", dis_r1_imm };

static void decode_alu(uint64_t raw, struct insn *in)
{
	unsigned x2a = (unsigned)slot_bits(raw, 34, 2);
	unsigned ve = (unsigned)slot_bits(raw, 33, 1);
	const struct a_ent *e;

	if (x2a == 1) {
		decode_mm_a(raw, in);
		return;
	}
	if (ve) {
		decode_illegal(raw, in);
		return;
	}
	if (x2a >= 2) {
		/* A4: adds / addp4 with imm14 = s:imm6d:imm7b */
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 13) |
				    (slot_bits(raw, 27, 6) << 7) |
				    slot_bits(raw, 13, 7), 14);
		if (x2a == 3) {
			in->exec = x_addp4_imm;
			in->op = &op_addp4i;
		} else if (in->imm == 0) {
			in->exec = x_mov_gr;		/* objdump: mov r1=r3 */
			in->op = &op_mov_gr;
		} else {
			in->exec = x_add_imm;
			in->op = &op_adds;
		}
		return;
	}
	e = &a1_tab[slot_bits(raw, 27, 6)];
	if (e->kind == K_NONE) {
		decode_illegal(raw, in);
		return;
	}
	in->exec = e->exec;
	in->op = &e->op;
	if (e->kind == K_SHL)
		in->a = (uint8_t)(slot_bits(raw, 27, 2) + 1);	/* count2 + 1 */
	else if (e->kind == K_IMM8)
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 7) |
				    slot_bits(raw, 13, 7), 8);
}

/* A5: addl r1=imm22,r3 with r3 in r0-r3 */
static void decode_addl(uint64_t raw, struct insn *in)
{
	in->r3 = (uint8_t)slot_bits(raw, 20, 2);
	/* imm22 = s:imm5c:imm9d:imm7b */
	in->imm = ia64_sext((slot_bits(raw, 36, 1) << 21) |
			    (slot_bits(raw, 22, 5) << 16) |
			    (slot_bits(raw, 27, 9) << 7) |
			    slot_bits(raw, 13, 7), 22);
	if (in->r3 == 0) {
		in->exec = x_mov_imm;			/* objdump: mov r1=imm */
		in->op = &op_mov_imm;
	} else {
		in->exec = x_add_imm;
		in->op = &op_addl;
	}
}

typedef void (*subdecode_fn)(uint64_t raw, struct insn *in);

static const subdecode_fn a_major[16] = {
	[0x8] = decode_alu,
	[0x9] = decode_addl,
	[0xc] = decode_cmp,
	[0xd] = decode_cmp,
	[0xe] = decode_cmp,
};

void decode_a(uint64_t raw, struct insn *in)
{
	subdecode_fn f = a_major[slot_major(raw)];

	if (!f) {
		decode_illegal(raw, in);
		return;
	}
	decode_common_fields(raw, in);
	f(raw, in);
}
