/* SPDX-License-Identifier: MIT */
/*
 * Predicate-writing integer compares: cmp/cmp4 (A6 register, A7 against
 * r0 with the parallel types, A8 imm8) and the I-unit tests tbit/tnat
 * (I16/I17), plus tf (I30) for disassembly.
 *
 * Every (relation, operand form, compare type) gets its own tiny
 * executor, generated below, so the run loop pays no switch at run time.
 * The predicate-update rules follow the SDM pseudo-code for cmp/tbit:
 *   none   : NaT source -> p1 = p2 = 0, else p1 = rel, p2 = !rel
 *   unc    : as none, and p1 = p2 = 0 when qp is false (IF_ALWAYS)
 *   and    : NaT or !rel -> p1 = p2 = 0, else unchanged
 *   or     : !NaT and rel -> p1 = p2 = 1, else unchanged
 *   or.andcm: !NaT and rel -> p1 = 1, p2 = 0, else unchanged
 * p1 == p2 is an Illegal Operation fault (only when the instruction would
 * execute: qp true, or always for .unc).
 */
#include <stdio.h>

#include "alu.h"
#include "cpu.h"
#include "ia64/bits.h"
#include "insn.h"

enum ctype { CT_NONE, CT_UNC, CT_AND, CT_OR, CT_ORANDCM, CT_NR };

static inline int pw_none(struct cpu *c, const struct insn *in, bool nat, bool rel)
{
	pr_set(c, in->p1, !nat && rel);
	pr_set(c, in->p2, !nat && !rel);
	return X_NEXT;
}

static inline int pw_unc(struct cpu *c, const struct insn *in, bool nat, bool rel)
{
	if (!pr_get(c, in->qp)) {
		pr_set(c, in->p1, 0);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	return pw_none(c, in, nat, rel);
}

static inline int pw_and(struct cpu *c, const struct insn *in, bool nat, bool rel)
{
	if (nat || !rel) {
		pr_set(c, in->p1, 0);
		pr_set(c, in->p2, 0);
	}
	return X_NEXT;
}

static inline int pw_or(struct cpu *c, const struct insn *in, bool nat, bool rel)
{
	if (!nat && rel) {
		pr_set(c, in->p1, 1);
		pr_set(c, in->p2, 1);
	}
	return X_NEXT;
}

static inline int pw_orandcm(struct cpu *c, const struct insn *in, bool nat, bool rel)
{
	if (!nat && rel) {
		pr_set(c, in->p1, 1);
		pr_set(c, in->p2, 0);
	}
	return X_NEXT;
}

/* Operand fetch: register-register, or imm (A8; 0 for the A7 r0 forms). */
#define GET_RR								\
	uint64_t a = gr_get(c, in->r2), b = gr_get(c, in->r3);		\
	bool nat = gr_nat(c, in->r2) | gr_nat(c, in->r3)
#define GET_IR								\
	uint64_t a = (uint64_t)in->imm, b = gr_get(c, in->r3);		\
	bool nat = gr_nat(c, in->r3)

/* One executor per compare type for a (form, relation) pair, and the
 * table the decoder indexes by enum ctype. */
#define CMP_SET(tag, GET, REL)						\
static int tag##_none(struct cpu *c, const struct insn *in)		\
{ GET; return pw_none(c, in, nat, (REL)); }				\
static int tag##_unc(struct cpu *c, const struct insn *in)		\
{ GET; return pw_unc(c, in, nat, (REL)); }				\
static int tag##_and(struct cpu *c, const struct insn *in)		\
{ GET; return pw_and(c, in, nat, (REL)); }				\
static int tag##_or(struct cpu *c, const struct insn *in)		\
{ GET; return pw_or(c, in, nat, (REL)); }				\
static int tag##_oac(struct cpu *c, const struct insn *in)		\
{ GET; return pw_orandcm(c, in, nat, (REL)); }				\
static const exec_fn tag[CT_NR] = {					\
	[CT_NONE] = tag##_none, [CT_UNC] = tag##_unc, [CT_AND] = tag##_and, \
	[CT_OR] = tag##_or, [CT_ORANDCM] = tag##_oac,			\
};

#define S64(x) ((int64_t)(x))
#define S32(x) ((int32_t)(uint32_t)(x))
#define U32(x) ((uint32_t)(x))

enum crel { CR_EQ, CR_NE, CR_LT, CR_LTU, CR_GT, CR_LE, CR_GE, CR_NR };

CMP_SET(rr8_eq, GET_RR, a == b)
CMP_SET(rr8_ne, GET_RR, a != b)
CMP_SET(rr8_lt, GET_RR, S64(a) < S64(b))
CMP_SET(rr8_ltu, GET_RR, a < b)
CMP_SET(ir8_eq, GET_IR, a == b)
CMP_SET(ir8_ne, GET_IR, a != b)
CMP_SET(ir8_lt, GET_IR, S64(a) < S64(b))
CMP_SET(ir8_ltu, GET_IR, a < b)
CMP_SET(ir8_gt, GET_IR, S64(a) > S64(b))
CMP_SET(ir8_le, GET_IR, S64(a) <= S64(b))
CMP_SET(ir8_ge, GET_IR, S64(a) >= S64(b))
CMP_SET(rr4_eq, GET_RR, U32(a) == U32(b))
CMP_SET(rr4_ne, GET_RR, U32(a) != U32(b))
CMP_SET(rr4_lt, GET_RR, S32(a) < S32(b))
CMP_SET(rr4_ltu, GET_RR, U32(a) < U32(b))
CMP_SET(ir4_eq, GET_IR, U32(a) == U32(b))
CMP_SET(ir4_ne, GET_IR, U32(a) != U32(b))
CMP_SET(ir4_lt, GET_IR, S32(a) < S32(b))
CMP_SET(ir4_ltu, GET_IR, U32(a) < U32(b))
CMP_SET(ir4_gt, GET_IR, S32(a) > S32(b))
CMP_SET(ir4_le, GET_IR, S32(a) <= S32(b))
CMP_SET(ir4_ge, GET_IR, S32(a) >= S32(b))

/* [cmp4][imm-or-r0 form][relation] -> executors per type.  The
 * register-register form never uses gt/le/ge (A7 compares against r0
 * are executed as the imm form with imm = 0). */
static const exec_fn *const cmp_fns[2][2][CR_NR] = {
	{ { [CR_EQ] = rr8_eq, [CR_NE] = rr8_ne, [CR_LT] = rr8_lt, [CR_LTU] = rr8_ltu },
	  { [CR_EQ] = ir8_eq, [CR_NE] = ir8_ne, [CR_LT] = ir8_lt, [CR_LTU] = ir8_ltu,
	    [CR_GT] = ir8_gt, [CR_LE] = ir8_le, [CR_GE] = ir8_ge } },
	{ { [CR_EQ] = rr4_eq, [CR_NE] = rr4_ne, [CR_LT] = rr4_lt, [CR_LTU] = rr4_ltu },
	  { [CR_EQ] = ir4_eq, [CR_NE] = ir4_ne, [CR_LT] = ir4_lt, [CR_LTU] = ir4_ltu,
	    [CR_GT] = ir4_gt, [CR_LE] = ir4_le, [CR_GE] = ir4_ge } },
};

/* insn.b: operand form for the printer */
enum { CF_RR, CF_IMM, CF_R0 };

static void dis_cmp(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	if (in->b == CF_IMM)
		snprintf(buf, n, "p%u,p%u=%lld,r%u", in->p1, in->p2,
			 (long long)in->imm, in->r3);
	else
		snprintf(buf, n, "p%u,p%u=r%u,r%u", in->p1, in->p2,
			 in->b == CF_R0 ? 0 : in->r2, in->r3);
}

#define CMP_OPS(w, r) {							\
	[CT_NONE] = { w "." r, dis_cmp },				\
	[CT_UNC] = { w "." r ".unc", dis_cmp },				\
	[CT_AND] = { w "." r ".and", dis_cmp },				\
	[CT_OR] = { w "." r ".or", dis_cmp },				\
	[CT_ORANDCM] = { w "." r ".or.andcm", dis_cmp } }
#define CMP_REL_OPS(w) {						\
	[CR_EQ] = CMP_OPS(w, "eq"), [CR_NE] = CMP_OPS(w, "ne"),		\
	[CR_LT] = CMP_OPS(w, "lt"), [CR_LTU] = CMP_OPS(w, "ltu"),	\
	[CR_GT] = CMP_OPS(w, "gt"), [CR_LE] = CMP_OPS(w, "le"),		\
	[CR_GE] = CMP_OPS(w, "ge") }

static const struct opdesc cmp_ops[2][CR_NR][CT_NR] = {
	CMP_REL_OPS("cmp"), CMP_REL_OPS("cmp4"),
};

/* Major 0xc/0xd/0xe select lt/ltu/eq for the normal types and
 * and/or/or.andcm for the parallel ones. */
static const uint8_t major_rel[3] = { CR_LT, CR_LTU, CR_EQ };
static const uint8_t major_par[3] = { CT_AND, CT_OR, CT_ORANDCM };
/* A7 (tb = 1): ta:c select the relation against r0. */
static const uint8_t a7_rel[4] = { CR_GT, CR_LE, CR_GE, CR_LT };

static void finish(struct insn *in, unsigned ctype)
{
	if (ctype == CT_UNC)
		in->flags |= IF_ALWAYS;
	if (in->p1 == in->p2)
		in->exec = exec_ai_illegal;
}

void decode_cmp(uint64_t raw, struct insn *in)
{
	unsigned m = slot_major(raw) - 0xc;
	unsigned x2 = (unsigned)slot_bits(raw, 34, 2);
	unsigned tb = (unsigned)slot_bits(raw, 36, 1);
	unsigned ta = (unsigned)slot_bits(raw, 33, 1);
	unsigned cbit = (unsigned)slot_bits(raw, 12, 1);
	unsigned w = x2 & 1, rel, ctype, form;

	in->p1 = (uint8_t)slot_bits(raw, 6, 6);
	in->p2 = (uint8_t)slot_bits(raw, 27, 6);
	if (x2 >= 2) {
		form = CF_IMM;
		in->imm = ia64_sext((tb << 7) | slot_bits(raw, 13, 7), 8);
		tb = 0;
	} else {
		form = tb ? CF_R0 : CF_RR;
	}
	if (tb) {
		rel = a7_rel[(ta << 1) | cbit];
		ctype = major_par[m];
		in->imm = 0;
	} else if (!ta) {
		rel = major_rel[m];
		ctype = cbit ? CT_UNC : CT_NONE;
	} else {
		rel = cbit ? CR_NE : CR_EQ;
		ctype = major_par[m];
	}
	in->b = (uint8_t)form;
	in->exec = cmp_fns[w][form != CF_RR][rel][ctype];
	in->op = &cmp_ops[w][rel][ctype];
	finish(in, ctype);
}

/* ---------------------------------------------------------------- */
/* tbit / tnat (I16/I17): major 5, x2 = 0                            */
/* ---------------------------------------------------------------- */

/* The bit to test is pre-computed as a mask in imm2. */
#define GET_TBIT							\
	bool nat = gr_nat(c, in->r3);					\
	bool bit = (gr_get(c, in->r3) & in->imm2) != 0
/* tnat consumes no NaT: the NaT bit itself is the tested value. */
#define GET_TNAT							\
	bool nat = false;						\
	bool bit = gr_nat(c, in->r3)

CMP_SET(tbit_z, GET_TBIT, !bit)
CMP_SET(tbit_nz, GET_TBIT, bit)
CMP_SET(tnat_z, GET_TNAT, !bit)
CMP_SET(tnat_nz, GET_TNAT, bit)

static const exec_fn *const tbit_fns[2][2] = {
	{ tbit_z, tbit_nz }, { tnat_z, tnat_nz },
};

static void dis_tbit(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "p%u,p%u=r%u,%u", in->p1, in->p2, in->r3, in->a);
}

static void dis_tnat(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "p%u,p%u=r%u", in->p1, in->p2, in->r3);
}

static void dis_tf(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "p%u,p%u=%u", in->p1, in->p2, in->a);
}

#define T_OPS(w, z, dis) {						\
	[CT_NONE] = { w "." z, dis }, [CT_UNC] = { w "." z ".unc", dis }, \
	[CT_AND] = { w "." z ".and", dis }, [CT_OR] = { w "." z ".or", dis }, \
	[CT_ORANDCM] = { w "." z ".or.andcm", dis } }

/* [tbit, tnat, tf][z, nz][type] */
static const struct opdesc tbit_ops[3][2][CT_NR] = {
	{ T_OPS("tbit", "z", dis_tbit), T_OPS("tbit", "nz", dis_tbit) },
	{ T_OPS("tnat", "z", dis_tnat), T_OPS("tnat", "nz", dis_tnat) },
	{ T_OPS("tf", "z", dis_tf), T_OPS("tf", "nz", dis_tf) },
};

/* ta:tb -> type; c selects .unc for the normal type, else z/nz. */
static const uint8_t tbit_par[4] = { CT_NONE, CT_AND, CT_OR, CT_ORANDCM };

void decode_tbit(uint64_t raw, struct insn *in)
{
	unsigned ta = (unsigned)slot_bits(raw, 33, 1);
	unsigned tb = (unsigned)slot_bits(raw, 36, 1);
	unsigned cbit = (unsigned)slot_bits(raw, 12, 1);
	unsigned y = (unsigned)slot_bits(raw, 13, 1);
	unsigned kind, ctype, nz;

	in->p1 = (uint8_t)slot_bits(raw, 6, 6);
	in->p2 = (uint8_t)slot_bits(raw, 27, 6);
	ctype = tbit_par[(ta << 1) | tb];
	if (ctype == CT_NONE) {
		ctype = cbit ? CT_UNC : CT_NONE;
		nz = 0;
	} else {
		nz = cbit;
	}
	if (!y) {
		kind = 0;
		in->a = (uint8_t)slot_bits(raw, 14, 6);
		in->imm2 = 1ULL << in->a;
	} else if (!slot_bits(raw, 19, 1)) {
		kind = 1;
	} else {
		kind = 2;
		in->a = (uint8_t)(32 + slot_bits(raw, 14, 5));
	}
	in->op = &tbit_ops[kind][nz][ctype];
	/*
	 * tf (test feature, SDM 2.3) postdates the processor model this
	 * emulator implements (no tf support): Illegal Operation.
	 */
	in->exec = kind == 2 ? exec_ai_illegal : tbit_fns[kind][nz][ctype];
	finish(in, ctype);
}
