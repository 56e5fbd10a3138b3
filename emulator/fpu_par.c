/* SPDX-License-Identifier: MIT */
/*
 * Parallel FP executors (SDM Vol. 1 5.3.x "Parallel FP"): a register's
 * significand holds two single-precision values, high half bits 63:32 and
 * low half bits 31:0.  Each half is widened to the register format, run
 * through the same core as the scalar forms with 24-bit precision and the
 * 8-bit exponent range, and narrowed back; the result register gets the
 * integer exponent 0x1003e and a positive sign.
 */
#include "cpu.h"
#include "fp.h"
#include "fp_internal.h"
#include "insn.h"

/* f0 reads as +0.0 and f1 as +1.0 in both halves (1.0 is not a pair). */
struct fp82 fpu_read_half(struct cpu *c, unsigned f, int hi)
{
	uint64_t sig;

	if (f == 1)
		return fp_from_single(0x3f800000);
	sig = fr_get(c, f).sig;
	return fp_from_single((uint32_t)(hi ? sig >> 32 : sig));
}

static int any_natval(struct cpu *c, unsigned a, unsigned b, unsigned d)
{
	return fp82_is_natval(fr_get(c, a)) ||
	       (b != FNOREG && fp82_is_natval(fr_get(c, b))) ||
	       (d != FNOREG && fp82_is_natval(fr_get(c, d)));
}

static void write_pair(struct cpu *c, unsigned f1, uint32_t hi, uint32_t lo)
{
	fr_set(c, f1, fp_intval((uint64_t)hi << 32 | lo));
}

/*
 * Prologue of the arithmetic forms on f2 and, unless FNOREG, b and d:
 * register and disabled-FP checks, NaTVal propagation, then one FP
 * environment per half (their flags are merged by fpu_done).  True when
 * the instruction is already finished, with *rv its result.
 */
static bool par_begin(struct cpu *c, const struct insn *in, unsigned b, unsigned d,
		      struct fp_env *lo, struct fp_env *hi, int *rv)
{
	if (FPU_ENTER(c, in->r1, in->r2, b, d, rv))
		return true;
	if (any_natval(c, in->r2, b, d)) {
		fr_set(c, in->r1, FP82_NATVAL);
		*rv = X_NEXT;
		return true;
	}
	fpu_env(c, lo, in->a, FP_PC_PAR);
	*hi = *lo;
	return false;
}

/* Epilogue: FP faults of either half, else the pair r[1]:r[0] and traps. */
static int par_end(struct cpu *c, const struct insn *in, struct fp_env *lo, struct fp_env *hi,
		   const uint32_t r[2])
{
	int rv;

	if (fpu_faults(c, lo, hi, &rv))
		return rv;
	write_pair(c, in->r1, r[1], r[0]);
	return fpu_done(c, in->a, lo, hi);
}

/* fpma/fpms/fpnma f1 = f3 * f4 +- f2 per half; in->b: 0 ma, 1 ms, 2 nma. */
int fx_fpma(struct cpu *c, const struct insn *in)
{
	struct fp_env lo, hi;
	uint32_t r[2];
	int rv, h;

	if (par_begin(c, in, in->r3, in->r4, &lo, &hi, &rv))
		return rv;
	for (h = 0; h < 2; h++) {
		struct fp82 res = fp_fma(h ? &hi : &lo,
					 fpu_read_half(c, in->r3, h),
					 fpu_read_half(c, in->r4, h),
					 fpu_read_half(c, in->r2, h),
					 in->b == 2,
					 (in->b == 1) | (in->r2 ? 0 : FP_NO_ADDEND));

		r[h] = fp_to_single(res);
	}
	return par_end(c, in, &lo, &hi, r);
}

/* fpmin/fpmax/fpamin/fpamax: per half, as the scalar forms. */
int fx_fpminmax(struct cpu *c, const struct insn *in)
{
	struct fp_env lo, hi;
	uint32_t r[2];
	int rv, h;

	if (par_begin(c, in, in->r3, FNOREG, &lo, &hi, &rv))
		return rv;
	for (h = 0; h < 2; h++) {
		struct fp_env *e = h ? &hi : &lo, scratch;
		struct fp82 a = fpu_read_half(c, in->r2, h), b = fpu_read_half(c, in->r3, h);
		struct fp82 x = a, y = b;
		enum fp_class ca = fp_classify(a), cb = fp_classify(b);
		int pick_a;

		if (ca >= FPC_QNAN || cb >= FPC_QNAN)
			e->flags |= FPE_V;
		else if (ca == FPC_UNORM || cb == FPC_UNORM)
			e->flags |= FPE_D;
		if (in->b >= 2)
			x.sign = y.sign = 0;
		scratch = *e;
		pick_a = (in->b & 1) ? fp_compare(&scratch, y, x, FREL_LT)
				     : fp_compare(&scratch, x, y, FREL_LT);
		r[h] = fp_to_single(pick_a ? a : b);
	}
	return par_end(c, in, &lo, &hi, r);
}

/* fpcmp: in->b 0-3 eq lt le unord, 4-7 their negations (neq nlt nle ord). */
int fx_fpcmp(struct cpu *c, const struct insn *in)
{
	struct fp_env lo, hi;
	uint32_t r[2];
	int rv, h;

	if (par_begin(c, in, in->r3, FNOREG, &lo, &hi, &rv))
		return rv;
	for (h = 0; h < 2; h++) {
		int t = fp_compare(h ? &hi : &lo, fpu_read_half(c, in->r2, h),
				   fpu_read_half(c, in->r3, h),
				   (enum fp_rel)(in->b & 3));

		if (in->b & 4)
			t = !t;
		r[h] = t ? 0xffffffffu : 0;
	}
	return par_end(c, in, &lo, &hi, r);
}

/* fpmerge.s/.ns/.se on the raw halves; in->b: 0 s, 1 ns, 2 se. */
int fx_fpmerge(struct cpu *c, const struct insn *in)
{
	struct fp82 a, b;
	uint64_t sign, keep;
	int rv;

	if (FPU_ENTER(c, in->r1, in->r2, in->r3, FNOREG, &rv))
		return rv;
	a = fr_get(c, in->r2);
	b = fr_get(c, in->r3);
	if (fp82_is_natval(a) || fp82_is_natval(b)) {
		fr_set(c, in->r1, FP82_NATVAL);
		return X_NEXT;
	}
	sign = 0x8000000080000000ULL;
	keep = in->b == 2 ? 0xff800000ff800000ULL : sign;
	fr_set(c, in->r1, fp_intval(((in->b == 1 ? ~a.sig : a.sig) & keep) |
				    (b.sig & ~keep)));
	return X_NEXT;
}

/* fpcvt.fx/fxu(.trunc): each half to a 32-bit integer; b as fcvt.fx. */
int fx_fpcvt(struct cpu *c, const struct insn *in)
{
	struct fp_env lo, hi;
	uint32_t r[2];
	int rv, h;

	if (par_begin(c, in, FNOREG, FNOREG, &lo, &hi, &rv))
		return rv;
	for (h = 0; h < 2; h++)
		r[h] = (uint32_t)fp_to_int(h ? &hi : &lo, fpu_read_half(c, in->r2, h),
					   !(in->b & 1), (in->b >> 1) & 1, 32);
	return par_end(c, in, &lo, &hi, r);
}
