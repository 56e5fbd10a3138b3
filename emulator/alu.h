/* SPDX-License-Identifier: MIT */
/*
 * Internal contract of the A-unit and I-unit implementation: the sub-
 * decoders each mechanism file provides to decode_a.c / decode_i.c, the
 * operand printers they share, and the executors the decoders point
 * struct insn at.
 *
 * Field conventions used by every A/I executor (see insn.h):
 *   r1 = destination GR, r2/r3 = source GRs as the SDM names them,
 *   p1/p2 = predicate targets, imm = sign-extended immediate,
 *   a/b = small pre-computed counts (shift count, pos, len),
 *   imm2 = pre-computed mask or second immediate.
 */
#ifndef EMU_ALU_H
#define EMU_ALU_H

#include <stddef.h>
#include <stdint.h>

#include "insn.h"

struct cpu;

/* --- sub-decoders (return with *in filled, or via decode_illegal) ---- */
void decode_cmp(uint64_t raw, struct insn *in);		/* A6-A8, major 0xc-0xe */
void decode_tbit(uint64_t raw, struct insn *in);	/* I16/I17/I30, major 5 x2=0 */
void decode_mm_a(uint64_t raw, struct insn *in);	/* A9/A10, major 8 x2a=1 */
void decode_mm_i(uint64_t raw, struct insn *in);	/* I1-I9, major 7 */
void decode_shift(uint64_t raw, struct insn *in);	/* I10-I15, majors 4/5 */
void decode_misc_i(uint64_t raw, struct insn *in);	/* I19-I29, major 0 */

/* --- shared operand printers (decode_a.c) --------------------------- */
void dis_r1_r2_r3(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_r1_r3_r2(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_r1_r3(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_r1_imm_r3(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_r1_r2_a(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_r1_r3_a(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_r1_r2_r3_a(const struct insn *in, uint64_t ip, char *buf, size_t n);

/* Illegal-Operation executor for encodings objdump still spells as an
 * instruction (p1 == p2 compares, ...): keeps the disassembly while the
 * execution faults. */
int exec_ai_illegal(struct cpu *c, const struct insn *in);

/* --- alu.c: A1-A5 --------------------------------------------------- */
int x_add(struct cpu *, const struct insn *);
int x_add1(struct cpu *, const struct insn *);
int x_sub(struct cpu *, const struct insn *);
int x_sub1(struct cpu *, const struct insn *);
int x_addp4(struct cpu *, const struct insn *);
int x_and(struct cpu *, const struct insn *);
int x_andcm(struct cpu *, const struct insn *);
int x_or(struct cpu *, const struct insn *);
int x_xor(struct cpu *, const struct insn *);
int x_shladd(struct cpu *, const struct insn *);
int x_shladdp4(struct cpu *, const struct insn *);
int x_sub_imm(struct cpu *, const struct insn *);
int x_and_imm(struct cpu *, const struct insn *);
int x_andcm_imm(struct cpu *, const struct insn *);
int x_or_imm(struct cpu *, const struct insn *);
int x_xor_imm(struct cpu *, const struct insn *);
int x_add_imm(struct cpu *, const struct insn *);	/* adds, addl */
int x_addp4_imm(struct cpu *, const struct insn *);
int x_mov_imm(struct cpu *, const struct insn *);	/* addl r1=imm,r0 */
int x_mov_gr(struct cpu *, const struct insn *);	/* adds r1=0,r3 */

/* --- shift.c: I5/I7 variable shifts, I10-I15, I9, I29, I3/I4 -------- */
int x_shl_var(struct cpu *, const struct insn *);
int x_shr_var(struct cpu *, const struct insn *);
int x_shru_var(struct cpu *, const struct insn *);
int x_popcnt(struct cpu *, const struct insn *);
int x_mux(struct cpu *, const struct insn *);		/* byte permutation in imm2 */
int x_mux1_brcst(struct cpu *, const struct insn *);
void decode_ext_i29(uint64_t raw, unsigned x6, struct insn *in);	/* zxt/sxt/czx */

#endif
