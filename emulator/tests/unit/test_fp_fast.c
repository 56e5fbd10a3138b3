/* SPDX-License-Identifier: MIT */
/*
 * FP core: the edges of the fma fast path (fp_fma_fast, also fp_fma's
 * first step) that random operands almost never reach, checked against
 * host fmal() in the x87 double-extended format (64-bit precision, 15-bit
 * range; glibc's fmal is correctly rounded in every rounding mode):
 *  - an opposite-sign addend one binade above the product with massive
 *    cancellation, for odd products (a bit would be lost by the
 *    alignment: the exact 192-bit path must run) and even ones (the shift
 *    is exact and the 128-bit path may finish);
 *  - significands of all ones that carry into a new leading bit when
 *    rounded up;
 *  - exact cancellation, whose zero sign depends on the rounding mode;
 *  - frcpa's fast path (fx_frcpa) at each software-assistance limit of
 *    the SDM's frcpa definition (as frcpa.c's frcpa_one applies them):
 *    just inside, the table approximation with p2 = 1; on the limit, p2 = 0.
 * The fma executor's flag recording and traps are covered by test_fp_exec.c.
 */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include "../../common/test/harness.h"
#include "cpu.h"
#include "fp.h"
#include "fp_internal.h"
#include "ia64/regs.h"
#include "insn.h"

#define FP_TEST_SEED 0x2545f4914f6cdd1dULL
#include "fp_test_util.h"

static struct fp82 val(unsigned sign, int uexp, uint64_t sig)
{
	struct fp82 f = { sig, (uint32_t)(FP82_EXP_BIAS + uexp), sign };

	return f;
}

static const int host_rc[4] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };

/* fp_fma with sf0 = 64-bit precision, 15-bit range, rc, traps disabled
 * against fmal; returns 1 on a bit-exact match with the same inexact. */
static int check_one(struct fp82 a, struct fp82 b, struct fp82 c, unsigned rc)
{
	uint64_t fpsr = 0x3f | ((uint64_t)3 << SF_PC_SHIFT |
				(uint64_t)rc << SF_RC_SHIFT) << FPSR_SF_SHIFT(0);
	struct fp_env e;
	struct fp82 r, ref;
	long double lr;
	int hinex;

	fesetround(host_rc[rc]);
	feclearexcept(FE_ALL_EXCEPT);
	lr = fmal(to_ld(a), to_ld(b), to_ld(c));
	hinex = !!fetestexcept(FE_INEXACT);
	fesetround(FE_TONEAREST);
	ref = from_ld(lr);
	fp_env_init(&e, fpsr, 0, FP_PC_SF);
	r = fp_fma(&e, a, b, c, 0, 0);
	if (r.sign == ref.sign && r.exp == ref.exp && r.sig == ref.sig &&
	    !!(e.flags & FPE_I) == hinex)
		return 1;
	printf("  rc=%u a=%x:%016llx b=%x:%016llx c=%u:%x:%016llx got %u:%x:%016llx"
	       " ref %u:%x:%016llx I %d/%d\n", rc, a.exp, (unsigned long long)a.sig,
	       b.exp, (unsigned long long)b.sig, c.sign, c.exp,
	       (unsigned long long)c.sig, r.sign, r.exp, (unsigned long long)r.sig,
	       ref.sign, ref.exp, (unsigned long long)ref.sig,
	       !!(e.flags & FPE_I), hinex);
	return 0;
}

/*
 * a, b a few ulps below 2 (product just below 4, top bit of the 128-bit
 * product at bit 127), c = -4 or -4 - ulp: the addend's binade is one
 * above the product's and the difference has at most ~70 significant
 * bits, so a sticky bit from the alignment would reach the rounding.
 */
static void test_cancel_one_binade(int odd)
{
	long i, bad = 0;

	TEST_BEGIN(odd ? "fma: one-binade cancellation, odd product"
		       : "fma: one-binade cancellation, even product");
	for (i = 0; i < 20000; i++) {
		/* the nearer both are to 2, the fewer bits the difference keeps */
		uint64_t da = (rnd64() % 8) * 2, db = (rnd64() % 8) * 2;
		int ea = (int)(rnd64() % 64) - 32, eb = (int)(rnd64() % 64) - 32;
		struct fp82 a = val(0, ea, ~0ULL - da - (odd ? 0 : 1));
		struct fp82 b = val(0, eb, ~0ULL - db);
		struct fp82 c = val(1, ea + eb + 2, (1ULL << 63) + (rnd64() % 2));

		if (i & 1) {	/* both signs of the product/addend pair */
			a.sign = 1;
			c.sign = 0;
		}
		if (bad < 5 && !check_one(a, b, c, (unsigned)(i & 3)))
			bad++;
	}
	CHECK_EQ(bad, 0);
	TEST_END();
}

/* A product of all-ones significands plus a tiny addend: rounding up
 * carries out of the 64-bit significand into the exponent. */
static void test_carry_out(void)
{
	long i, bad = 0;

	TEST_BEGIN("fma: round-up carry out of 64 bits");
	for (i = 0; i < 4000; i++) {
		int ea = (int)(rnd64() % 64) - 32;
		struct fp82 a = val(rnd64() & 1, ea, ~0ULL);
		struct fp82 b = val(0, 0, 1ULL << 63);	/* 1.0 */
		struct fp82 c = val(rnd64() & 1, ea - 64 - (int)(rnd64() % 3),
				    (1ULL << 63) | rnd64());

		if (bad < 5 && !check_one(a, b, c, (unsigned)(i & 3)))
			bad++;
	}
	CHECK_EQ(bad, 0);
	TEST_END();
}

/* a*b - a*b is exactly zero: +0, or -0 when rounding down. */
static void test_exact_zero(void)
{
	long i, bad = 0;

	TEST_BEGIN("fma: exact cancellation sign");
	for (i = 0; i < 4000; i++) {
		struct fp82 a = val(rnd64() & 1, (int)(rnd64() % 40) - 20,
				    (1ULL << 63) | rnd64() << 32);
		struct fp82 b = val(rnd64() & 1, (int)(rnd64() % 40) - 20,
				    (1ULL << 63) | rnd64() << 32);
		struct fp82 c = from_ld(-(to_ld(a) * to_ld(b)));

		if (bad < 5 && !check_one(a, b, c, (unsigned)(i & 3)))
			bad++;
	}
	CHECK_EQ(bad, 0);
	TEST_END();
}

static struct cpu cpu;

/* frcpa.s0 f6, p7 = f8, f9 with a = sig_a * 2^(ea - bias - 63) etc.;
 * sf0 has wre so software-assisted quotients stay representable. */
static int frcpa_p2(uint32_t ea, uint32_t eb, uint64_t sb, struct fp82 *res)
{
	struct fp82 a = { 1ULL << 63, ea, 0 }, b = { sb, eb, 0 };
	struct insn in;

	memset(&cpu, 0, sizeof(cpu));
	cpu_init_maps(&cpu);
	cpu.ar[AR_FPSR] = 0x3f | (uint64_t)(3 << SF_PC_SHIFT | SF_WRE) << FPSR_SF_SHIFT(0);
	memset(&in, 0, sizeof(in));
	in.r1 = 6;
	in.r2 = 8;
	in.r3 = 9;
	in.p2 = 7;
	fr_set(&cpu, 8, a);
	fr_set(&cpu, 9, b);
	pr_set(&cpu, 7, 0);
	fx_frcpa(&cpu, &in);
	*res = fr_get(&cpu, 6);
	return pr_get(&cpu, 7);
}

static void test_frcpa_limits(void)
{
	const uint32_t bias = FP82_EXP_BIAS;
	struct fp82 r;

	TEST_BEGIN("frcpa fast path at the software-assistance limits");
	/* numerator exponent: above 64 approximates, 64 is assisted */
	CHECK_EQ(frcpa_p2(65, bias, 1ULL << 63, &r), 1);
	/* 1/1.0: table entry 0 = 0x3fc, exponent 0x1fffd - bias */
	CHECK_EQ(r.sig, 1ULL << 63 | 0x3fcULL << 53);
	CHECK_EQ(r.exp, 0x1fffd - bias);
	CHECK_EQ(frcpa_p2(64, bias, 1ULL << 63, &r), 0);
	/* the exact quotient 2^(64 - bias) in the 17-bit range */
	CHECK_EQ(r.sig, 1ULL << 63);
	CHECK_EQ(r.exp, 64);
	/* divisor exponent: 2 * bias - 2 is assisted */
	CHECK_EQ(frcpa_p2(2 * bias - 3, 2 * bias - 3, 1ULL << 63, &r), 1);
	CHECK_EQ(frcpa_p2(2 * bias - 2, 2 * bias - 2, 1ULL << 63, &r), 0);
	/* exponent difference: bias is assisted, bias - 1 is not */
	CHECK_EQ(frcpa_p2(100 + bias - 1, 100, 1ULL << 63, &r), 1);
	CHECK_EQ(frcpa_p2(100 + bias, 100, 1ULL << 63, &r), 0);
	/* ... and 2 - bias is assisted, 3 - bias is not */
	CHECK_EQ(frcpa_p2(2 * bias - 3 + 3 - bias, 2 * bias - 3, 1ULL << 63, &r), 1);
	CHECK_EQ(frcpa_p2(2 * bias - 3 + 2 - bias, 2 * bias - 3, 1ULL << 63, &r), 0);
	/* an unnormal divisor is not for the fast path: same answer as its
	 * normalized value (approximation, p2 = 1) */
	CHECK_EQ(frcpa_p2(bias, bias + 1, 1ULL << 62, &r), 1);
	CHECK_EQ(r.sig, 1ULL << 63 | 0x3fcULL << 53);
	TEST_END();
}

int main(void)
{
	test_frcpa_limits();
	test_cancel_one_binade(1);
	test_cancel_one_binade(0);
	test_carry_out();
	test_exact_zero();
	return test_report();
}
