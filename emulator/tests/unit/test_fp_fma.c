/* SPDX-License-Identifier: MIT */
/*
 * FP core: the single-rounding fma against independent references.
 * 64-bit precision, 15-bit exponent range (sf.pc=11, wre=0) is exactly
 * the x87 double-extended format, so host fmal() (correctly rounded in
 * glibc, in every rounding mode) is the reference there, denormals
 * included.  24/53-bit precisions with their own exponent ranges (.s/.d
 * completers) are checked against MPFR with subnormalization.
 */
#include <fenv.h>
#include <math.h>
#include <mpfr.h>
#include <string.h>

#include "../../common/test/harness.h"
#include "fp.h"
#include "fp_internal.h"
#include "ia64/regs.h"

#define FP_TEST_SEED 0x9e3779b97f4a7c15ULL
#include "fp_test_util.h"

/* A random normal register value with unbiased exponent in [lo, hi]. */
static struct fp82 rnd_val(int lo, int hi)
{
	struct fp82 f;

	f.sig = rnd64() | (1ULL << 63);
	if (rnd64() & 1)	/* short significands make exact/tie cases */
		f.sig &= ~0ULL << (rnd64() % 64);
	f.exp = (uint32_t)(FP82_EXP_BIAS + lo + (int)(rnd64() % (uint64_t)(hi - lo + 1)));
	f.sign = rnd64() & 1;
	return f;
}

/* fpsr with sf0 = given pc/rc, wre, traps disabled. */
static uint64_t mk_fpsr(unsigned pc, unsigned rc, unsigned wre)
{
	uint64_t sf = (uint64_t)pc << SF_PC_SHIFT | (uint64_t)rc << SF_RC_SHIFT |
		      (wre ? SF_WRE : 0);

	return 0x3f | sf << FPSR_SF_SHIFT(0);
}

static const int host_rc[4] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };

static int same(struct fp82 a, struct fp82 b)
{
	return a.sign == b.sign && a.exp == b.exp && a.sig == b.sig;
}

static void test_vs_fmal(int lo, int hi, long n, const char *name)
{
	long i, bad = 0;

	TEST_BEGIN(name);
	for (i = 0; i < n; i++) {
		unsigned rc = (unsigned)(i & 3);
		struct fp82 a = rnd_val(lo, hi), b = rnd_val(lo, hi), c;
		struct fp_env e;
		struct fp82 r, ref;
		long double la, lb, lc, lr;
		int hinex;

		if (i % 3 == 0) {	/* c near -a*b: heavy cancellation */
			la = to_ld(a) * to_ld(b);
			c = from_ld(-la);
			c.sig ^= rnd64() & 0xff;
			if (!(c.sig >> 63) || c.exp == 0)
				c = rnd_val(lo, hi);
		} else {
			c = rnd_val(lo + (hi - lo) / 2, hi + (hi - lo) / 2 > 16000 ? 16000 : hi + (hi - lo) / 2);
		}
		la = to_ld(a);
		lb = to_ld(b);
		lc = to_ld(c);
		fesetround(host_rc[rc]);
		feclearexcept(FE_ALL_EXCEPT);
		lr = fmal(la, lb, lc);
		hinex = !!fetestexcept(FE_INEXACT);
		fesetround(FE_TONEAREST);
		ref = from_ld(lr);
		fp_env_init(&e, mk_fpsr(3, rc, 0), 0, FP_PC_SF);
		r = fp_fma(&e, a, b, c, 0, 0);
		/* bit-exact: extended denormals take register exponent 0 like ldfe */
		if (!same(r, ref) ||
		    (!!(e.flags & FPE_I) != hinex && !isinf(lr))) {
			if (bad++ < 5)
				printf("  mismatch rc=%u a=%x:%016llx b=%x:%016llx c=%x:%016llx"
				       " got %u:%x:%016llx ref %u:%x:%016llx I %d/%d\n", rc,
				       a.exp, (unsigned long long)a.sig, b.exp,
				       (unsigned long long)b.sig, c.exp,
				       (unsigned long long)c.sig, r.sign, r.exp,
				       (unsigned long long)r.sig, ref.sign, ref.exp,
				       (unsigned long long)ref.sig, !!(e.flags & FPE_I), hinex);
		}
	}
	CHECK_EQ(bad, 0);
	TEST_END();
}

static const mpfr_rnd_t mp_rc[4] = { MPFR_RNDN, MPFR_RNDD, MPFR_RNDU, MPFR_RNDZ };

static void set_mp(mpfr_t m, struct fp82 f)
{
	struct fp_unp u = fp_unpack(f);

	mpfr_set_ui(m, 0, MPFR_RNDN);
	if (!u.sig)
		return;
	mpfr_set_ui_2exp(m, u.sig, u.exp - 63, MPFR_RNDN);
	if (u.sign)
		mpfr_neg(m, m, MPFR_RNDN);
}

/* .s / .d precisions with their exponent ranges, denormals via MPFR. */
static void test_vs_mpfr(enum fp_pcsel pc, unsigned prec, int emax, unsigned wre,
			 long n, const char *name)
{
	mpfr_t ma, mb, mc, mr;
	long i, bad = 0;
	mpfr_exp_t old_emin = mpfr_get_emin(), old_emax = mpfr_get_emax();

	TEST_BEGIN(name);
	mpfr_inits2(64, ma, mb, mc, (mpfr_ptr)0);
	mpfr_init2(mr, prec);
	for (i = 0; i < n; i++) {
		unsigned rc = (unsigned)(i & 3);
		int lo = -(emax / 2) - 10, hi = emax / 2 + 2;
		struct fp82 a = rnd_val(lo, hi), b = rnd_val(lo, hi), c = rnd_val(2 * lo, emax - 1);
		/* MPFR needs every input inside the current exponent range */
		struct fp_env e;
		struct fp82 r, ref;
		int t;

		if (i % 4 == 0)
			c.sign ^= 1;
		set_mp(ma, a);
		set_mp(mb, b);
		set_mp(mc, c);
		/* MPFR exponents: value = m * 2^e with m in [0.5, 1) */
		mpfr_set_emin(-(emax - 1) - (int)prec + 2);
		mpfr_set_emax(emax + 1);
		t = mpfr_fma(mr, ma, mb, mc, mp_rc[rc]);
		t = mpfr_subnormalize(mr, t, mp_rc[rc]);
		mpfr_set_emin(old_emin);
		mpfr_set_emax(old_emax);
		fp_env_init(&e, mk_fpsr(3, rc, wre), 0, pc);
		r = fp_fma(&e, a, b, c, 0, 0);
		if (mpfr_inf_p(mr)) {
			ref.exp = FP82_EXP_MAX;
			ref.sig = 1ULL << 63;
			ref.sign = mpfr_signbit(mr) != 0;
		} else if (mpfr_zero_p(mr)) {
			ref.exp = 0;
			ref.sig = 0;
			ref.sign = mpfr_signbit(mr) != 0;
		} else {
			mpfr_exp_t ex;
			mpz_t z;
			int ue;

			mpz_init(z);
			ex = mpfr_get_z_2exp(z, mr);	/* value = z * 2^ex */
			ref.sign = mpz_sgn(z) < 0;
			mpz_abs(z, z);
			ue = (int)(ex + (mpfr_exp_t)mpz_sizeinbase(z, 2) - 1);
			ref.sig = mpz_get_ui(z) << (64 - mpz_sizeinbase(z, 2));
			if (ue < 1 - emax) {	/* denormal: pinned at emin */
				ref.sig >>= (1 - emax) - ue;
				ue = 1 - emax;
			}
			ref.exp = (uint32_t)(ue + FP82_EXP_BIAS);
			mpz_clear(z);
		}
		if (!same(r, ref) || (!!(e.flags & FPE_I) != (t != 0))) {
			if (bad++ < 5)
				printf("  %s mismatch rc=%u got %u:%x:%016llx ref %u:%x:%016llx\n",
				       name, rc, r.sign, r.exp, (unsigned long long)r.sig,
				       ref.sign, ref.exp, (unsigned long long)ref.sig);
		}
	}
	mpfr_clears(ma, mb, mc, mr, (mpfr_ptr)0);
	CHECK_EQ(bad, 0);
	TEST_END();
}

int main(void)
{
	/* FP_TEST_SEED=<n> explores other operand streams */
	if (getenv("FP_TEST_SEED"))
		rng ^= strtoull(getenv("FP_TEST_SEED"), NULL, 0) * 0x9e3779b97f4a7c15ULL;
	test_vs_fmal(-40, 40, 400000, "fma ext vs fmal, moderate exponents");
	test_vs_fmal(-8300, -8000, 300000, "fma ext vs fmal, denormal results");
	test_vs_fmal(8000, 8200, 100000, "fma ext vs fmal, overflow");
	test_vs_mpfr(FP_PC_S, 24, 127, 0, 150000, "fma.s vs mpfr");
	test_vs_mpfr(FP_PC_D, 53, 1023, 0, 150000, "fma.d vs mpfr");
	/* widest range (wre): 17-bit exponents, register denormals at 0x00001 */
	test_vs_mpfr(FP_PC_SF, 64, 65535, 1, 150000, "fma wre vs mpfr");
	test_vs_mpfr(FP_PC_S, 24, 65535, 1, 100000, "fma.s wre vs mpfr");
	return test_report();
}
