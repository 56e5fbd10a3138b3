/* SPDX-License-Identifier: MIT */
/*
 * Reciprocal and reciprocal-square-root approximations (frcpa, frsqrta,
 * fprcpa, fprsqrta; SDM Vol. 3 instruction pages and the fp_ieee_recip /
 * fp_ieee_recip_sqrt definitions).
 *
 * The architected tables give 10 fraction bits of 1/x (indexed by the top
 * 8 fraction bits of the normalized divisor) and of 1/sqrt(x) (indexed by
 * the exponent's low bit and the top 7 fraction bits).  Each entry is the
 * value at the midpoint of its index interval rounded to nearest; we build
 * the tables from that definition with exact integer arithmetic (the unit
 * test checks them against the SDM's printed entries).
 *
 * Inputs the approximation cannot serve (zero/inf/NaN operands, and the
 * extreme-exponent cases for which the SDM asks for software assistance)
 * clear p2 and deliver the final answer: for frcpa's software-assistance
 * cases that is the correctly rounded quotient, which is what the
 * IEEE-compliant FPSWA handler would produce.
 */
#include "cpu.h"
#include "fp.h"
#include "fp_internal.h"
#include "insn.h"

static uint16_t recip_tab[256], rsqrt_tab[256];

/* round(32768 / sqrt(m)) exactly: the n with (2n-1)^2 m <= 4*2^30 < (2n+1)^2 m. */
static unsigned rsqrt_round(uint64_t m)
{
	const uint64_t target = 4ULL << 30;
	unsigned n = 1;

	while ((uint64_t)(2 * n + 1) * (2 * n + 1) * m <= target)
		n++;
	return n;
}

/* Built before main(), so CPU threads only ever read the tables. */
__attribute__((constructor)) static void build_tables(void)
{
	unsigned i;

	for (i = 0; i < 256; i++) {
		/* 1/(1 + (i + 1/2)/256) * 2 * 1024 - 1024, rounded to nearest */
		uint64_t d = 513 + 2 * i;

		recip_tab[i] = (uint16_t)((2 * 1048576ULL + d) / (2 * d) - 1024);
		/* exponent bit 0 set: x in [1,2); clear: x in [2,4) */
		rsqrt_tab[i] = (uint16_t)(rsqrt_round((i >= 128 ? 1 : 2) *
					  (257 + 2 * (uint64_t)(i & 127))) - 1024);
	}
}

unsigned fp_recip_table(unsigned i)
{
	return recip_tab[i & 255];
}

unsigned fp_rsqrt_table(unsigned i)
{
	return rsqrt_tab[i & 255];
}

struct fp82 fp_recip_approx(struct fp82 den)
{
	struct fp82 r;

	r.sig = 1ULL << 63 | (uint64_t)fp_recip_table((unsigned)(den.sig >> 55)) << 53;
	r.exp = 0x1fffd - den.exp;
	r.sign = den.sign;
	return r;
}

struct fp82 fp_rsqrt_approx(struct fp82 root)
{
	struct fp82 r;
	int e = (int)root.exp - FP82_EXP_BIAS;

	r.sig = 1ULL << 63 | (uint64_t)fp_rsqrt_table(
		(root.exp & 1) << 7 | (unsigned)(root.sig >> 56 & 0x7f)) << 53;
	/* arithmetic shift: floor(e / 2) */
	r.exp = (uint32_t)(0xfffe - (e >= 0 ? e / 2 : -((1 - e) / 2)));
	r.sign = 0;
	return r;
}

/* Correctly rounded num/den for finite nonzero operands. */
struct fp82 fp_divide(struct fp_env *e, struct fp82 num, struct fp82 den)
{
	struct fp_unp a = fp_unpack(num), b = fp_unpack(den);
	unsigned __int128 n = (unsigned __int128)a.sig << 64, q, r;
	uint64_t q2, sig, below;
	int exp;

	q = n / b.sig;
	r = n % b.sig;
	q2 = (uint64_t)(((unsigned __int128)(uint64_t)r << 64) / b.sig);
	r = ((unsigned __int128)(uint64_t)r << 64) % b.sig;
	if (q >> 64) {
		sig = (uint64_t)(q >> 1);
		below = (uint64_t)(q & 1) << 63 | q2 >> 1 | (q2 & 1) | (r != 0);
		exp = a.exp - b.exp;
	} else {
		sig = (uint64_t)q;
		below = q2 | (r != 0);
		exp = a.exp - b.exp - 1;
	}
	return fp_round(e, a.sign ^ b.sign, sig, below, exp);
}

static struct fp82 signed_zero(unsigned s)
{
	struct fp82 r = { 0, 0, s };

	return r;
}

static struct fp82 signed_inf(unsigned s)
{
	struct fp82 r = { 1ULL << 63, FP82_EXP_MAX, s };

	return r;
}

/*
 * The cases frcpa and fprcpa answer without the table (SDM frcpa
 * pseudo-code): NaN operands, the invalid inf/inf and 0/0, division by
 * zero, then the exact infinite and zero quotients.  a is the dividend, b
 * the divisor; denormal says whether an operand raises the D flag (the
 * scalar and parallel forms define it differently).  True with *res set.
 */
static bool frcpa_special(struct fp_env *e, struct fp82 a, struct fp82 b, bool denormal,
			  struct fp82 *res)
{
	enum fp_class ca = fp_classify(a), cb = fp_classify(b);

	if (ca == FPC_UNSUP || cb == FPC_UNSUP) {
		e->flags |= FPE_V;
		*res = FP82_QNAN_INDEF;
		return true;
	}
	if (ca >= FPC_QNAN || cb >= FPC_QNAN) {
		if (ca == FPC_SNAN || cb == FPC_SNAN)
			e->flags |= FPE_V;
		*res = fp_quiet(ca >= FPC_QNAN ? a : b);
		return true;
	}
	if ((ca == FPC_INF && cb == FPC_INF) || (ca == FPC_ZERO && cb == FPC_ZERO)) {
		e->flags |= FPE_V;
		*res = FP82_QNAN_INDEF;
		return true;
	}
	if (ca != FPC_INF && cb == FPC_ZERO) {
		e->flags |= FPE_Z;
		*res = signed_inf(a.sign ^ b.sign);
		return true;
	}
	if (denormal)
		e->flags |= FPE_D;
	if (ca == FPC_INF) {
		*res = signed_inf(a.sign ^ b.sign);
		return true;
	}
	if (cb == FPC_INF || ca == FPC_ZERO) {
		*res = signed_zero(a.sign ^ b.sign);
		return true;
	}
	return false;
}

/*
 * frcpa's decision for one scalar pair: returns 1 (p2 set, *res is the
 * table approximation), 0 (special operands: *res is the final IEEE
 * result) or -1 (software-assistance case: *res is the quotient rounded
 * in `q`'s environment, p2 clear).  Flags go to e.
 *
 * The SDM sends unnormal operands to software assistance together with
 * the exponent-limit cases.  An unnormal divisor only needs normalizing
 * for the table lookup, so as long as the limits hold after normalizing
 * we return the approximation and let the Newton-Raphson sequence finish
 * the IEEE quotient in its own precision (e.g. fma.s.s0 for float) --
 * delivering an extended quotient there would bypass the final rounding
 * to the program's precision.
 */
static int frcpa_one(struct fp_env *e, struct fp_env *q, struct fp82 a,
		     struct fp82 b, struct fp82 *res)
{
	struct fp82 na, nb;
	int est;

	if (frcpa_special(e, a, b, fp_unorm_operand(a) || fp_unorm_operand(b), res))
		return 0;
	/* fp_normalize can take an exponent below 1: compare as ints */
	na = fp_normalize(a);
	nb = fp_normalize(b);
	est = (int32_t)na.exp - (int32_t)nb.exp;
	if ((int32_t)nb.exp >= 2 * FP82_EXP_BIAS - 2 || (int32_t)nb.exp <= 0 ||
	    est >= FP82_EXP_BIAS || est <= 2 - FP82_EXP_BIAS ||
	    (int32_t)na.exp <= 64) {
		*res = fp_divide(q, a, b);
		e->flags |= q->flags;
		return -1;
	}
	*res = fp_recip_approx(nb);
	return 1;
}

/* Both operands normal and inside frcpa_one's exponent limits: the
 * approximation, with nothing else to decide. */
static inline int frcpa_plain(struct fp82 a, struct fp82 b)
{
	int est = (int)a.exp - (int)b.exp;

	return (a.sig >> 63) && (b.sig >> 63) &&
	       a.exp > 64 && a.exp < FP82_EXP_MAX &&
	       b.exp > 0 && b.exp < 2 * FP82_EXP_BIAS - 2 &&
	       est < FP82_EXP_BIAS && est > 2 - FP82_EXP_BIAS;
}

int fx_frcpa(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b, r;
	struct fp_env e, q;
	int rv, p;

	if (!pr_get(c, in->qp)) {
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	a = fr_get(c, in->r2);
	b = fr_get(c, in->r3);
	/*
	 * The common case: normal operands well inside the limits of
	 * frcpa_one, so no flag, no fault and the table approximation with
	 * p2 set.  (Normal operands need no normalizing.)
	 */
	if (fpu_quick_ok(c->psr, in->r1) && frcpa_plain(a, b)) {
		fr_set(c, in->r1, fp_recip_approx(b));
		pr_set(c, in->p2, 1);
		return X_NEXT;
	}
	if (FPU_ENTER(c, in->r1, in->r2, in->r3, FNOREG, &rv))
		return rv;
	if (fp82_is_natval(a) || fp82_is_natval(b)) {
		fr_set(c, in->r1, FP82_NATVAL);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	fpu_env(c, &e, in->a, FP_PC_EXT17);	/* pc_none: 64 bits, 17-bit range */
	fpu_env(c, &q, in->a, FP_PC_SF);	/* slow-path quotient: sf's pc/wre */
	p = frcpa_one(&e, &q, a, b, &r);
	if (fpu_faults(c, &e, NULL, &rv))
		return rv;
	if (p < 0)
		c->counters[CNT_FP_SWA]++;
	fr_set(c, in->r1, r);
	pr_set(c, in->p2, p > 0);
	return fpu_done(c, in->a, &e, NULL);
}

static int frsqrta_one(struct fp_env *e, struct fp82 a, struct fp82 *res)
{
	enum fp_class ca = fp_classify(a);

	if (ca == FPC_UNSUP || (ca == FPC_INF && a.sign) ||
	    (a.sign && (ca == FPC_NORM || ca == FPC_UNORM))) {
		e->flags |= FPE_V;
		*res = FP82_QNAN_INDEF;
		return 0;
	}
	if (ca >= FPC_QNAN) {
		if (ca == FPC_SNAN)
			e->flags |= FPE_V;
		*res = fp_quiet(a);
		return 0;
	}
	if (fp_unorm_operand(a))
		e->flags |= FPE_D;
	if (ca == FPC_ZERO || ca == FPC_INF) {
		/* the architected result is the operand itself (+-0, +inf) */
		*res = ca == FPC_ZERO ? signed_zero(a.sign) : a;
		return 0;
	}
	*res = fp_rsqrt_approx(fp_normalize(a));
	return 1;
}

int fx_frsqrta(struct cpu *c, const struct insn *in)
{
	struct fp82 a, r;
	struct fp_env e;
	int rv, p;

	if (!pr_get(c, in->qp)) {
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	if (FPU_ENTER(c, in->r1, in->r3, FNOREG, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r3);
	if (fp82_is_natval(a)) {
		fr_set(c, in->r1, FP82_NATVAL);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	fpu_env(c, &e, in->a, FP_PC_EXT17);	/* pc_none: 64 bits, 17-bit range */
	p = frsqrta_one(&e, a, &r);
	if (fpu_faults(c, &e, NULL, &rv))
		return rv;
	fr_set(c, in->r1, r);
	pr_set(c, in->p2, p);
	return fpu_done(c, in->a, &e, NULL);
}

/* --- parallel forms: each half is a single-precision value ------------------ */

#define SGL_BIAS	127

static int fprcpa_half(struct fp_env *e, struct fp82 a, struct fp82 b, uint32_t *out)
{
	enum fp_class ca = fp_classify(a), cb = fp_classify(b);
	struct fp82 r, na, nb;
	int est, pred = 1;

	if (frcpa_special(e, a, b, ca == FPC_UNORM || cb == FPC_UNORM, &r)) {
		*out = fp_to_single(r);
		return 0;
	}
	if (cb == FPC_UNORM) {		/* 1/denormal is not representable */
		*out = fp_to_single(signed_inf(b.sign));
		return 0;
	}
	if ((int)b.exp >= FP82_EXP_BIAS + SGL_BIAS - 2) {
		*out = fp_to_single(signed_zero(b.sign));
		return 0;
	}
	na = fp_normalize(a);
	nb = b;
	est = (int)na.exp - (int)nb.exp;
	if (est >= SGL_BIAS || est <= 2 - SGL_BIAS ||
	    (int)na.exp <= 24 + FP82_EXP_BIAS - SGL_BIAS)
		pred = 0;
	r = fp_recip_approx(nb);
	*out = fp_to_single(r);
	return pred;
}

int fx_fprcpa(struct cpu *c, const struct insn *in)
{
	struct fp_env lo, hi;
	uint32_t rh, rl;
	int rv, ph, pl;

	if (!pr_get(c, in->qp)) {
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	if (FPU_ENTER(c, in->r1, in->r2, in->r3, FNOREG, &rv))
		return rv;
	if (fp82_is_natval(fr_get(c, in->r2)) || fp82_is_natval(fr_get(c, in->r3))) {
		fr_set(c, in->r1, FP82_NATVAL);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	fpu_env(c, &hi, in->a, FP_PC_PAR);
	lo = hi;
	ph = fprcpa_half(&hi, fpu_read_half(c, in->r2, 1), fpu_read_half(c, in->r3, 1), &rh);
	pl = fprcpa_half(&lo, fpu_read_half(c, in->r2, 0), fpu_read_half(c, in->r3, 0), &rl);
	if (fpu_faults(c, &lo, &hi, &rv))
		return rv;
	fr_set(c, in->r1, fp_intval((uint64_t)rh << 32 | rl));
	pr_set(c, in->p2, ph && pl);
	return fpu_done(c, in->a, &lo, &hi);
}

static int fprsqrta_half(struct fp_env *e, struct fp82 a, uint32_t *out)
{
	enum fp_class ca = fp_classify(a);
	struct fp82 n;

	if (ca >= FPC_QNAN) {
		if (ca == FPC_SNAN)
			e->flags |= FPE_V;
		*out = fp_to_single(fp_quiet(a));
		return 0;
	}
	if (a.sign && ca != FPC_ZERO) {
		e->flags |= FPE_V;
		*out = fp_to_single(FP82_QNAN_INDEF);
		return 0;
	}
	if (ca == FPC_UNORM)
		e->flags |= FPE_D;
	if (ca == FPC_ZERO) {
		*out = fp_to_single(signed_inf(a.sign));
		return 0;
	}
	if (ca == FPC_INF) {
		*out = 0;
		return 0;
	}
	n = fp_normalize(a);
	*out = fp_to_single(fp_rsqrt_approx(n));
	return (int)n.exp > FP82_EXP_BIAS - SGL_BIAS + 24;
}

int fx_fprsqrta(struct cpu *c, const struct insn *in)
{
	struct fp_env lo, hi;
	uint32_t rh, rl;
	int rv, ph, pl;

	if (!pr_get(c, in->qp)) {
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	if (FPU_ENTER(c, in->r1, in->r3, FNOREG, FNOREG, &rv))
		return rv;
	if (fp82_is_natval(fr_get(c, in->r3))) {
		fr_set(c, in->r1, FP82_NATVAL);
		pr_set(c, in->p2, 0);
		return X_NEXT;
	}
	fpu_env(c, &hi, in->a, FP_PC_PAR);
	lo = hi;
	ph = fprsqrta_half(&hi, fpu_read_half(c, in->r3, 1), &rh);
	pl = fprsqrta_half(&lo, fpu_read_half(c, in->r3, 0), &rl);
	if (fpu_faults(c, &lo, &hi, &rv))
		return rv;
	fr_set(c, in->r1, fp_intval((uint64_t)rh << 32 | rl));
	pr_set(c, in->p2, ph && pl);
	return fpu_done(c, in->a, &lo, &hi);
}
