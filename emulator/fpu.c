/* SPDX-License-Identifier: MIT */
/*
 * F-unit executors for the scalar operations (SDM Vol. 3 instruction
 * pages): the fma family, xma, fselect, fcmp, fclass, fmin/fmax family,
 * fmerge/fmix/fsxt/fswap/fpack/logical ops, fcvt, and the status-field
 * instructions fsetc/fclrf/fchkf, plus the glue every FP executor shares
 * (register checks, fault/trap raising, fpsr flag updates).
 *
 * Operand fields (decode_f.c): r1 = f1, r2 = f2, r3 = f3, r4 = f4,
 * p1/p2 = predicate targets, a = status field (sf), b = precision selector
 * (enum fp_pcsel) or a per-op variant, imm2 = fclass9 / fsetc masks /
 * break immediate, imm = fchkf displacement.
 */
#include "cpu.h"
#include "fp.h"
#include "fp_fast.h"
#include "fp_internal.h"
#include "insn.h"
#include "interrupt.h"

/*
 * ISR.code for FP Faults: one bit per half, priority swa > v > z > d
 * (v=1, d=2, z=4); scalar ops and the high half use bits 3:0, the low
 * half of a parallel op bits 7:4.  FP Traps: o/u/i/fpa at bits 11-14 for
 * scalar ops and the high half, bits 7-10 for the low half.
 */
#define ISR_TRAP_O		0x0800
#define ISR_TRAP_U		0x1000
#define ISR_TRAP_I		0x2000
#define ISR_TRAP_FPA		0x4000
#define ISR_LO_HALF_SHIFT	4

/* --- shared glue ------------------------------------------------------------ */

static int reg_disabled(const struct cpu *c, unsigned f)
{
	if (f == FNOREG || f < 2)
		return 0;
	return (c->psr & (f < 32 ? PSR_DFL : PSR_DFH)) != 0;
}

int fpu_enter(struct cpu *c, unsigned f1, unsigned a, unsigned b, unsigned d,
	      int *rv)
{
	const unsigned regs[4] = { f1, a, b, d };
	unsigned i;

	if (f1 != FNOREG && f1 < 2) {
		*rv = cpu_illegal_op(c);
		return 1;
	}
	if (!(c->psr & (PSR_DFL | PSR_DFH)))	/* the common case */
		return 0;
	for (i = 0; i < 4; i++) {
		if (reg_disabled(c, regs[i])) {
			*rv = cpu_disabled_fp(c, regs[i]);
			return 1;
		}
	}
	return 0;
}

void fpu_env(struct cpu *c, struct fp_env *e, unsigned sf, enum fp_pcsel pc)
{
	fp_env_init(e, c->ar[AR_FPSR], sf, pc);
}

static unsigned fault_code(const struct fp_env *e)
{
	unsigned f = e->flags & e->enabled & FPE_FAULTS;

	if (f & FPE_V)
		return FPE_V;
	if (f & FPE_Z)
		return FPE_Z;
	return f & FPE_D;
}

int fpu_faults(struct cpu *c, const struct fp_env *lo, const struct fp_env *hi,
	       int *rv)
{
	struct fault f = { .vector = IVT_FP_FAULT };
	unsigned code;

	if (!((lo->flags & lo->enabled) | (hi ? hi->flags & hi->enabled : 0)))
		return 0;
	if (hi)		/* parallel: high half in 3:0, low half in 7:4 */
		code = fault_code(hi) | fault_code(lo) << ISR_LO_HALF_SHIFT;
	else
		code = fault_code(lo);
	if (!code)
		return 0;
	f.isr = code;
	*rv = cpu_fault(c, &f);
	return 1;
}

static unsigned trap_code(const struct fp_env *e)
{
	unsigned t = e->flags & e->enabled & FPE_TRAPS, code = 0;

	if (!t)
		return 0;
	if (t & FPE_O)
		code |= ISR_TRAP_O;
	if (e->flags & FPE_U && (t & FPE_U))
		code |= ISR_TRAP_U;
	if (t & FPE_I)
		code |= ISR_TRAP_I;
	if (e->fpa)
		code |= ISR_TRAP_FPA;
	return code;
}

int fpu_done(struct cpu *c, unsigned sf, const struct fp_env *lo,
	     const struct fp_env *hi)
{
	unsigned flags = lo->flags | (hi ? hi->flags : 0), code;
	struct fault f = { .vector = IVT_FP_TRAP, .flags = FF_TRAP };

	c->ar[AR_FPSR] |= (uint64_t)(flags & 0x3f) << (FPSR_SF_SHIFT(sf) + 7);
	if (!((lo->flags & lo->enabled) | (hi ? hi->flags & hi->enabled : 0)))
		return X_NEXT;
	if (hi)		/* parallel: high half at 14:11, low half at 10:7 */
		code = trap_code(hi) | trap_code(lo) >> ISR_LO_HALF_SHIFT;
	else
		code = trap_code(lo);
	if (!code)
		return X_NEXT;
	f.isr = code;
	return cpu_fault(c, &f);
}

/* --- fma family ---------------------------------------------------------------- */

/*
 * Prologue of the three-source forms f1 = op(f3, f4, f2): register and
 * disabled-FP checks, then the operands; a NaTVal source makes f1 NaTVal
 * and ends the instruction.  True when finished, with *rv its result.
 */
static bool enter3(struct cpu *c, const struct insn *in, struct fp82 *a, struct fp82 *b,
		   struct fp82 *d, int *rv)
{
	if (FPU_ENTER(c, in->r1, in->r2, in->r3, in->r4, rv))
		return true;
	*a = fr_get(c, in->r3);
	*b = fr_get(c, in->r4);
	*d = fr_get(c, in->r2);
	if (fp82_is_natval(*a) || fp82_is_natval(*b) || fp82_is_natval(*d)) {
		fr_set(c, in->r1, FP82_NATVAL);
		*rv = X_NEXT;
		return true;
	}
	return false;
}

/* in->b: enum fp_pcsel; variant: negate product / negate addend.  The
 * full path, for everything the fast path in fma_common leaves. */
static __attribute__((noinline)) int fma_full(struct cpu *c, const struct insn *in,
					      unsigned neg_p, unsigned neg_c)
{
	struct fp82 a, b, d;
	struct fp_env e;
	int rv;

	if (enter3(c, in, &a, &b, &d, &rv))
		return rv;
	fpu_env(c, &e, in->a, (enum fp_pcsel)in->b);
	a = fp_fma(&e, a, b, d, neg_p, neg_c | (in->r2 ? 0 : FP_NO_ADDEND));
	if (fpu_faults(c, &e, NULL, &rv))
		return rv;
	fr_set(c, in->r1, a);
	return fpu_done(c, in->a, &e, NULL);
}

/*
 * The fast path: no register fault possible, operands and result the
 * common kind (fp_fast.h), and no trap to take (only i can be raised, and
 * its trap is disabled or i did not occur).  It writes nothing unless it
 * completes, so anything else restarts from scratch in fma_full.
 */
static inline __attribute__((always_inline)) int
fma_common(struct cpu *c, const struct insn *in, unsigned neg_p, unsigned neg_c)
{
	if (fpu_quick_ok(c->psr, in->r1)) {
		uint64_t fpsr = c->ar[AR_FPSR];
		unsigned shift = FPSR_SF_SHIFT(in->a), st;
		struct fp82 r;

		if (fp_fma_fast(fp_fast_env(fpsr, in->a, (enum fp_pcsel)in->b),
				fr_get(c, in->r3), fr_get(c, in->r4), fr_get(c, in->r2),
				neg_p, neg_c | (in->r2 ? 0 : FP_NO_ADDEND), &r, &st)) {
			if (!(st & FP_ST_INEXACT)) {
				fr_set(c, in->r1, r);
				return X_NEXT;
			}
			/* i's trap is enabled unless sf.td or fpsr.traps.id */
			if ((fpsr >> shift & SF_TD) || (fpsr & FPE_I)) {
				fr_set(c, in->r1, r);
				c->ar[AR_FPSR] = fpsr | (uint64_t)FPE_I << (shift + 7);
				return X_NEXT;
			}
		}
	}
	return fma_full(c, in, neg_p, neg_c);
}

int fx_fma(struct cpu *c, const struct insn *in)
{
	return fma_common(c, in, 0, 0);
}

int fx_fms(struct cpu *c, const struct insn *in)
{
	return fma_common(c, in, 0, 1);
}

int fx_fnma(struct cpu *c, const struct insn *in)
{
	return fma_common(c, in, 1, 0);
}

/* xma: integer multiply-add on significands; in->b: 0 l, 2 hu, 3 h. */
int fx_xma(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b, d;
	uint64_t r;
	int rv;

	if (enter3(c, in, &a, &b, &d, &rv))
		return rv;
	if (in->b == 0) {
		r = a.sig * b.sig + d.sig;
	} else if (in->b == 2) {
		unsigned __int128 p = (unsigned __int128)a.sig * b.sig + d.sig;

		r = (uint64_t)(p >> 64);
	} else {
		__int128 p = (__int128)(int64_t)a.sig * (int64_t)b.sig +
			     (int64_t)d.sig;

		r = (uint64_t)((unsigned __int128)p >> 64);
	}
	fr_set(c, in->r1, fp_intval(r));
	return X_NEXT;
}

/* fselect f1 = f3, f4, f2: bits of f3 where f2 is 1, of f4 where 0. */
int fx_fselect(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b, m;
	int rv;

	if (enter3(c, in, &a, &b, &m, &rv))
		return rv;
	fr_set(c, in->r1, fp_intval((a.sig & m.sig) | (b.sig & ~m.sig)));
	return X_NEXT;
}

/* --- compare and classify -------------------------------------------------------- */

/* in->b: enum fp_rel; IF_ALWAYS is set for .unc. */
int fx_fcmp(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b;
	struct fp_env e;
	int rv, r;

	if (!pr_get(c, in->qp)) {	/* only reached for .unc */
		if (in->p1 == in->p2)
			return cpu_illegal_op(c);
		pr_set(c, in->p1, 0);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	if (in->p1 == in->p2)		/* any form, when qp is true */
		return cpu_illegal_op(c);
	if (FPU_ENTER(c, FNOREG, in->r2, in->r3, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r2);
	b = fr_get(c, in->r3);
	if (fp82_is_natval(a) || fp82_is_natval(b)) {
		pr_set(c, in->p1, 0);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	fpu_env(c, &e, in->a, FP_PC_SF);
	r = fp_compare(&e, a, b, (enum fp_rel)in->b);
	if (fpu_faults(c, &e, NULL, &rv))
		return rv;
	pr_set(c, in->p1, r);
	pr_set(c, in->p2, !r);
	return fpu_done(c, in->a, &e, NULL);
}

/* fclass.m: in->imm2 = fclass9.  NaTVal is a class of its own here. */
int fx_fclass(struct cpu *c, const struct insn *in)
{
	int rv, r;

	if (!pr_get(c, in->qp)) {
		if (in->p1 == in->p2)
			return cpu_illegal_op(c);
		pr_set(c, in->p1, 0);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	if (in->p1 == in->p2)		/* any form, when qp is true */
		return cpu_illegal_op(c);
	if (FPU_ENTER(c, FNOREG, in->r2, FNOREG, FNOREG, &rv))
		return rv;
	r = fp_class_match(fr_get(c, in->r2), (unsigned)in->imm2);
	pr_set(c, in->p1, r);
	pr_set(c, in->p2, !r);
	return X_NEXT;
}

/* --- fmin/fmax/famin/famax (in->b: 0 min, 1 max, 2 amin, 3 amax) ---------- */

int fx_fminmax(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b, x, y;
	struct fp_env e;
	enum fp_class ca, cb;
	int rv, pick_a;

	if (FPU_ENTER(c, in->r1, in->r2, in->r3, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r2);
	b = fr_get(c, in->r3);
	if (fp82_is_natval(a) || fp82_is_natval(b)) {
		fr_set(c, in->r1, FP82_NATVAL);
		return X_NEXT;
	}
	fpu_env(c, &e, in->a, FP_PC_SF);
	ca = fp_classify(a);
	cb = fp_classify(b);
	/* an ordered comparison: any NaN or unsupported operand is invalid */
	if (ca >= FPC_QNAN || cb >= FPC_QNAN)
		e.flags |= FPE_V;
	else if (fp_unorm_operand(a) || fp_unorm_operand(b))
		e.flags |= FPE_D;
	if (fpu_faults(c, &e, NULL, &rv))
		return rv;
	x = a;
	y = b;
	if (in->b >= 2)
		x.sign = y.sign = 0;
	{
		struct fp_env scratch = e;

		if (in->b & 1)		/* max: b < a ? a : b */
			pick_a = fp_compare(&scratch, y, x, FREL_LT);
		else			/* min: a < b ? a : b */
			pick_a = fp_compare(&scratch, x, y, FREL_LT);
	}
	fr_set(c, in->r1, pick_a ? a : b);
	return fpu_done(c, in->a, &e, NULL);
}

/* --- sign/exponent merges and bitwise significand ops ---------------------------- */

enum fbit_op {
	FB_MERGE_S, FB_MERGE_NS, FB_MERGE_SE, FB_MIX_L, FB_MIX_R, FB_MIX_LR,
	FB_SXT_L, FB_SXT_R, FB_PACK, FB_SWAP, FB_SWAP_NL, FB_SWAP_NR,
	FB_AND, FB_ANDCM, FB_OR, FB_XOR,
};

static uint64_t hi32(uint64_t v) { return v >> 32; }
static uint64_t lo32(uint64_t v) { return v & 0xffffffffULL; }

static struct fp82 bitop(enum fbit_op op, struct fp82 a, struct fp82 b)
{
	struct fp82 r;

	switch (op) {
	case FB_MERGE_S:
		r = b;
		r.sign = a.sign;
		return r;
	case FB_MERGE_NS:
		r = b;
		r.sign = !a.sign;
		return r;
	case FB_MERGE_SE:
		r = a;
		r.sig = b.sig;
		return r;
	case FB_MIX_L:
		return fp_intval(hi32(a.sig) << 32 | hi32(b.sig));
	case FB_MIX_R:
		return fp_intval(lo32(a.sig) << 32 | lo32(b.sig));
	case FB_MIX_LR:
		return fp_intval(hi32(a.sig) << 32 | lo32(b.sig));
	case FB_SXT_L:
		return fp_intval((a.sig >> 63 ? 0xffffffff00000000ULL : 0) | hi32(b.sig));
	case FB_SXT_R:
		return fp_intval((a.sig >> 31 & 1 ? 0xffffffff00000000ULL : 0) | lo32(b.sig));
	case FB_PACK:
		return fp_intval((uint64_t)fp_to_single(a) << 32 | fp_to_single(b));
	/* fswap: the pair {f2 left, f3 right} swapped; .nl/.nr negate the
	 * resulting left/right value */
	case FB_SWAP:
		return fp_intval(lo32(b.sig) << 32 | hi32(a.sig));
	case FB_SWAP_NL:
		return fp_intval((lo32(b.sig) ^ 0x80000000ULL) << 32 | hi32(a.sig));
	case FB_SWAP_NR:
		return fp_intval(lo32(b.sig) << 32 | (hi32(a.sig) ^ 0x80000000ULL));
	case FB_AND:
		return fp_intval(a.sig & b.sig);
	case FB_ANDCM:
		return fp_intval(a.sig & ~b.sig);
	case FB_OR:
		return fp_intval(a.sig | b.sig);
	default:
		return fp_intval(a.sig ^ b.sig);
	}
}

/* in->b: enum fbit_op; f1 = op(f2, f3). */
int fx_fbit(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b;
	int rv;

	if (FPU_ENTER(c, in->r1, in->r2, in->r3, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r2);
	b = fr_get(c, in->r3);
	if (fp82_is_natval(a) || fp82_is_natval(b))
		fr_set(c, in->r1, FP82_NATVAL);
	else
		fr_set(c, in->r1, bitop((enum fbit_op)in->b, a, b));
	return X_NEXT;
}

/* --- conversions -------------------------------------------------------------------- */

/* fcvt.fx/fxu(.trunc): in->b bit 0 unsigned, bit 1 trunc. */
int fx_fcvt_fx(struct cpu *c, const struct insn *in)
{
	struct fp82 a;
	struct fp_env e;
	uint64_t v;
	int rv;

	if (FPU_ENTER(c, in->r1, in->r2, FNOREG, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r2);
	if (fp82_is_natval(a)) {
		fr_set(c, in->r1, FP82_NATVAL);
		return X_NEXT;
	}
	fpu_env(c, &e, in->a, FP_PC_SF);
	v = fp_to_int(&e, a, !(in->b & 1), (in->b >> 1) & 1, 64);
	if (fpu_faults(c, &e, NULL, &rv))
		return rv;
	fr_set(c, in->r1, fp_intval(v));
	return fpu_done(c, in->a, &e, NULL);
}

/* fcvt.xf: signed 64-bit integer significand -> exact floating value. */
int fx_fcvt_xf(struct cpu *c, const struct insn *in)
{
	struct fp82 a, r = FP82_ZERO;
	uint64_t mag;
	int rv, n;

	if (FPU_ENTER(c, in->r1, in->r2, FNOREG, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r2);
	if (fp82_is_natval(a)) {
		fr_set(c, in->r1, FP82_NATVAL);
		return X_NEXT;
	}
	if (a.sig) {
		r.sign = (uint32_t)(a.sig >> 63);
		mag = r.sign ? -a.sig : a.sig;
		n = __builtin_clzll(mag);
		r.sig = mag << n;
		r.exp = FP82_EXP_INT - (uint32_t)n;
	}
	fr_set(c, in->r1, r);
	return X_NEXT;
}

/* --- status-field instructions -------------------------------------------------------- */

#define SF_CONTROLS	0x7fULL
#define SF_FLAGS	(0x3fULL << 7)

/* fsetc: sf.controls = (sf0.controls & amask7) | omask7; imm2 = amask | omask << 8. */
int fx_fsetc(struct cpu *c, const struct insn *in)
{
	unsigned shift = FPSR_SF_SHIFT(in->a);
	/* the SDM starts from sf0's controls whichever field is written */
	uint64_t ctl = (c->ar[AR_FPSR] >> FPSR_SF_SHIFT(0)) & SF_CONTROLS;
	uint64_t amask = in->imm2 & 0x7f, omask = (in->imm2 >> 8) & 0x7f;

	ctl = (ctl & amask) | omask;
	c->ar[AR_FPSR] = (c->ar[AR_FPSR] & ~(SF_CONTROLS << shift)) | ctl << shift;
	return X_NEXT;
}

int fx_fclrf(struct cpu *c, const struct insn *in)
{
	c->ar[AR_FPSR] &= ~(SF_FLAGS << FPSR_SF_SHIFT(in->a));
	return X_NEXT;
}

/* fchkf: branch when sf has flags sf0 lacks, or flags whose trap is enabled. */
int fx_fchkf(struct cpu *c, const struct insn *in)
{
	uint64_t fpsr = c->ar[AR_FPSR];
	uint64_t flags = (fpsr >> (FPSR_SF_SHIFT(in->a) + 7)) & 0x3f;
	uint64_t flags0 = (fpsr >> (FPSR_SF_SHIFT(0) + 7)) & 0x3f;
	uint64_t enabled = ~fpsr & FPSR_TRAP_MASK;	/* fpsr.traps only, not sf.td */

	if ((flags & ~flags0) || (flags & enabled)) {
		c->ip += (uint64_t)in->imm;
		c->slot = 0;
		return X_JUMP;
	}
	return X_NEXT;
}

int fx_nop(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
	return X_NEXT;
}

int fx_break(struct cpu *c, const struct insn *in)
{
	return cpu_break(c, in->imm2);
}
