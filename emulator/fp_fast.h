/* SPDX-License-Identifier: MIT */
/*
 * The fma fast path of the FP unit, inline so the F-unit executors (fpu.c)
 * run it without a call and without passing register values through
 * memory; fp_fma (fp.c) runs the same code as its first step, so every
 * test of fp_fma covers it.
 *
 * It takes the overwhelmingly common operands: a and b normal, c normal
 * or a true zero (no NaTVal/NaN/inf/unorm, hence no v/d/z), computes
 * a*b exactly in 128 bits, adds c in a 128-bit window when no bit can be
 * lost where it matters, and rounds when the result lands inside the
 * exponent range.  Anything else returns 0 untouched so the full path
 * decides.
 */
#ifndef EMU_FP_FAST_H
#define EMU_FP_FAST_H

#include "fp_internal.h"

static inline struct fp82 fp82_make(unsigned sign, uint32_t exp, uint64_t sig)
{
	struct fp82 r = { sig, exp, sign };

	return r;
}

/* Shift right keeping a pure sticky bit 0 (see u192_shr_sticky). */
static inline __attribute__((always_inline)) unsigned __int128 shr128_sticky(unsigned __int128 v, int s)
{
	unsigned __int128 r;

	if (s <= 0)
		return v;
	if (s >= 128)
		return v != 0;
	r = v >> s;
	if (v << (128 - s))
		r |= 1;
	return r;
}

/*
 * The common fma case in 128 bits: product prod (value prod * 2^(pexp -
 * 126)) plus addend sig csig, exponent cexp (bit 63 set).  Both are
 * aligned with their top bit at bit 127; the smaller one is shifted right
 * with a sticky bit.  Bits are only lost when the exponents differ by at
 * least 2 in the direction that leaves the sum's top bit at >= 126, so the
 * sticky bit stays far below the rounding position.  The one case that
 * could cancel massively after losing a bit (an opposite-sign addend
 * exactly one binade above the product) is done here only when the
 * shifted-out product bit is 0, i.e. the shift is exact.
 *
 * Returns 0 when the 192-bit path must run, FMA_EXACT_ZERO for exact
 * cancellation, else FMA_SUM with the normalized sum (top bit 127) in
 * *sum, its sign and the exponent of its top bit.
 */
enum fma_sum_kind { FMA_WIDE, FMA_SUM, FMA_EXACT_ZERO };

static inline __attribute__((always_inline)) int
fma_sum128(unsigned __int128 prod, int pexp, unsigned sp, uint64_t csig,
	   int cexp, unsigned sc, unsigned __int128 *sum_out, unsigned *sign_out,
	   int *ex_out)
{
	unsigned __int128 cw = (unsigned __int128)csig << 64, sum;
	int pe = pexp + 1, d, ex, m;	/* prod top bit at 127: value in [2^pe, 2^pe+1) */
	unsigned sign;

	if (!(prod >> 127)) {
		prod <<= 1;
		pe--;
	}
	d = pe - cexp;
	if (sp == sc) {
		unsigned __int128 big = d >= 0 ? prod : cw;

		sum = big + (d >= 0 ? shr128_sticky(cw, d) : shr128_sticky(prod, -d));
		ex = d >= 0 ? pe : cexp;
		sign = sp;
		if (sum < big) {		/* carry out of bit 127 */
			sum = (sum >> 1) | (sum & 1) | (unsigned __int128)1 << 127;
			ex++;
		}
	} else if (d >= 1) {
		sum = prod - shr128_sticky(cw, d);
		ex = pe;
		sign = sp;
	} else if (d <= -2 || (d == -1 && !(prod & 1))) {
		sum = cw - shr128_sticky(prod, -d);
		ex = cexp;
		sign = sc;
	} else if (d == 0) {
		if (prod == cw)		/* exact cancellation */
			return FMA_EXACT_ZERO;
		sum = prod > cw ? prod - cw : cw - prod;
		sign = prod > cw ? sp : sc;
		ex = pe;
	} else {
		return FMA_WIDE;
	}
	m = 127 - (sum >> 64 ? __builtin_clzll((uint64_t)(sum >> 64))
			     : 64 + __builtin_clzll((uint64_t)sum));
	*sum_out = sum << (127 - m);
	*ex_out = ex - (127 - m);
	*sign_out = sign;
	return FMA_SUM;
}

/* A normal register value: integer bit set, exponent neither 0 (a
 * double-extended denormal) nor the inf/NaN exponent. */
static inline int is_normal(struct fp82 f)
{
	return (f.sig >> 63) && f.exp - 1u < FP82_EXP_MAX - 1u;
}

/*
 * What the fast path needs of a status field and precision selector,
 * looked up by fp_fast_env (table built in fp.c from fp_env_init, so the
 * two cannot disagree); the exponent range is [1 - emax, emax].
 */
struct fp_fastenv {
	uint8_t prec;		/* 24, 53 or 64 */
	uint8_t rc;		/* enum fp_rc */
	int32_t emax;
};
extern struct fp_fastenv fp_fast_tab[5][128];	/* [pcsel][sf controls] */

static inline struct fp_fastenv fp_fast_env(uint64_t fpsr, unsigned sf,
					    enum fp_pcsel pc)
{
	return fp_fast_tab[pc][(fpsr >> FPSR_SF_SHIFT(sf)) & 0x7f];
}

/* fp_fma_fast's *status: the result is inexact / its significand was
 * incremented by the rounding (ISR.fpa). */
#define FP_ST_INEXACT	1u
#define FP_ST_FPA	2u

/*
 * fp_round for a normalized sig whose rounded result lands inside the
 * exponent range (no overflow/underflow handling needed): returns 0 when
 * it does not.
 */
static inline __attribute__((always_inline)) int
round_fast(struct fp_fastenv fe, unsigned sign, uint64_t sig, uint64_t below,
	   int exp, struct fp82 *out, unsigned *status)
{
	unsigned p = fe.prec, drop = 64 - p, up;
	uint64_t kept, guard, rest, inexact;

	if (drop) {
		kept = sig >> drop;
		guard = sig >> (drop - 1) & 1;
		rest = (sig & ((1ULL << (drop - 1)) - 1)) | below;
	} else {
		kept = sig;
		guard = below >> 63;
		rest = below << 1;
	}
	inexact = guard | rest;
	switch (fe.rc) {
	case RC_NEAREST:
		up = guard && (rest || (kept & 1));
		break;
	case RC_DOWN:
		up = inexact && sign;
		break;
	case RC_UP:
		up = inexact && !sign;
		break;
	default:
		up = 0;
		break;
	}
	kept += up;
	if (drop) {
		if (kept >> p) {	/* carried into a new leading bit */
			kept >>= 1;
			exp++;
		}
		kept <<= drop;
	} else if (up && !kept) {	/* 64-bit carry out */
		kept = 1ULL << 63;
		exp++;
	}
	if (exp > fe.emax || exp < 1 - fe.emax)
		return 0;
	*status = (inexact ? FP_ST_INEXACT : 0) | (up ? FP_ST_FPA : 0);
	*out = fp82_make(sign, (uint32_t)(exp + FP82_EXP_BIAS), kept);
	return 1;
}

/*
 * fp_fma for the common operands (see the top of this file) whose result
 * needs no overflow/underflow handling: returns 1 with the result in *out
 * and FP_ST_* in *status (no other flag can arise), or 0 with nothing
 * written when the full path (fp_fma) must decide.
 */
static inline __attribute__((always_inline)) int
fp_fma_fast(struct fp_fastenv fe, struct fp82 a, struct fp82 b, struct fp82 c,
	    unsigned neg_p, unsigned neg_c, struct fp82 *out, unsigned *status)
{
	unsigned sp = a.sign ^ b.sign ^ neg_p, sc = (c.sign ^ neg_c) & 1, sign;
	int pexp = (int)a.exp + (int)b.exp - 2 * FP82_EXP_BIAS, ex;
	unsigned __int128 prod, sum;

	if (!is_normal(a) || !is_normal(b))
		return 0;
	prod = (unsigned __int128)a.sig * b.sig;
	if (c.sig == 0 && c.exp == 0) {
		/* a true zero addend (or f0) leaves the product's value */
		sum = prod;
		ex = pexp + 1;
		if (!(sum >> 127)) {
			sum <<= 1;
			ex--;
		}
		sign = sp;
	} else if (is_normal(c)) {
		switch (fma_sum128(prod, pexp, sp, c.sig, (int)c.exp - FP82_EXP_BIAS,
				   sc, &sum, &sign, &ex)) {
		case FMA_SUM:
			break;
		case FMA_EXACT_ZERO:
			*out = fp82_make(fe.rc == RC_DOWN, 0, 0);
			*status = 0;
			return 1;
		default:
			return 0;
		}
	} else {
		return 0;
	}
	return round_fast(fe, sign, (uint64_t)(sum >> 64), (uint64_t)sum, ex,
			  out, status);
}

#endif
