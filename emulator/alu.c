/* SPDX-License-Identifier: MIT */
/*
 * Integer ALU executors, formats A1-A5 (SDM Vol. 3: add, sub, addp4,
 * and, andcm, or, xor, shladd, shladdp4, adds, addl and the imm8 forms).
 * The result's NaT is the OR of the source registers' NaTs; immediates
 * never carry a NaT.  Counts and immediates were pre-computed at decode.
 */
#include "alu.h"
#include "cpu.h"

/* Register-register form: r1 = EXPR(a = GR[r2], b = GR[r3]). */
#define ALU_RR(name, expr)						\
int name(struct cpu *c, const struct insn *in)				\
{									\
	uint64_t a = gr_get(c, in->r2), b = gr_get(c, in->r3);		\
	gr_set(c, in->r1, (expr), gr_nat(c, in->r2) | gr_nat(c, in->r3)); \
	return X_NEXT;							\
}

/* Immediate form: r1 = EXPR(a = imm, b = GR[r3]). */
#define ALU_IR(name, expr)						\
int name(struct cpu *c, const struct insn *in)				\
{									\
	uint64_t a = (uint64_t)in->imm, b = gr_get(c, in->r3);		\
	gr_set(c, in->r1, (expr), gr_nat(c, in->r3));			\
	return X_NEXT;							\
}

/* addp4/shladdp4: 32-bit sum, region bits 62:61 copied from GR[r3]{31:30}. */
static inline uint64_t p4(uint64_t sum, uint64_t base)
{
	return (sum & 0xffffffffULL) | (((base >> 30) & 3) << 61);
}

ALU_RR(x_add, a + b)
ALU_RR(x_add1, a + b + 1)
ALU_RR(x_sub, a - b)
ALU_RR(x_sub1, a - b - 1)
ALU_RR(x_addp4, p4(a + b, b))
ALU_RR(x_and, a & b)
ALU_RR(x_andcm, a & ~b)
ALU_RR(x_or, a | b)
ALU_RR(x_xor, a ^ b)
ALU_RR(x_shladd, (a << in->a) + b)
ALU_RR(x_shladdp4, p4((a << in->a) + b, b))

ALU_IR(x_sub_imm, a - b)
ALU_IR(x_and_imm, a & b)
ALU_IR(x_andcm_imm, a & ~b)
ALU_IR(x_or_imm, a | b)
ALU_IR(x_xor_imm, a ^ b)
ALU_IR(x_add_imm, a + b)
ALU_IR(x_addp4_imm, p4(a + b, b))

/* addl r1=imm22,r0: a constant, never NaT. */
int x_mov_imm(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, (uint64_t)in->imm, false);
	return X_NEXT;
}

/* adds r1=0,r3: a register copy including its NaT. */
int x_mov_gr(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, gr_get(c, in->r3), gr_nat(c, in->r3));
	return X_NEXT;
}
