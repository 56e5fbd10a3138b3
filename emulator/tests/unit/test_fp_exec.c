/* SPDX-License-Identifier: MIT */
/*
 * FP unit executors and conversions: memory-format mappings (SDM Vol. 1
 * 5.1.3), xma against __int128 products, the kernel's frcpa-based integer
 * division against host division, frcpa/frsqrta tables and special cases,
 * rounding modes/precisions/flags, fcvt, fcmp/fclass, parallel FP, and the
 * fault paths (FP fault, Disabled FP-Register, write to f1).
 */
#include <stdint.h>
#include <string.h>

#include "../../common/test/harness.h"
#include "cpu.h"
#include "fp.h"
#include "fp_internal.h"
#include "insn.h"
#include "interrupt.h"

#define FP_TEST_SEED 0x243f6a8885a308d3ULL
#include "fp_test_util.h"

static struct cpu cpu;
static unsigned last_vector, last_isr, nfaults;

static int hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	last_vector = f->vector;
	last_isr = (unsigned)f->isr;
	nfaults++;
	return X_FAULT;
}

static void reset(void)
{
	memset(&cpu, 0, sizeof(cpu));
	cpu_init_maps(&cpu);
	cpu.ar[AR_FPSR] = FPSR_DEFAULT;
	cpu.fault_hook = hook;
	nfaults = 0;
	last_vector = 0;
}

/* Run one executor with hand-filled fields (decode_f is tested apart). */
static int run(exec_fn fn, unsigned r1, unsigned r2, unsigned r3, unsigned r4,
	       unsigned sf, unsigned b)
{
	struct insn in;

	memset(&in, 0, sizeof(in));
	in.r1 = (uint8_t)r1;
	in.r2 = (uint8_t)r2;
	in.r3 = (uint8_t)r3;
	in.r4 = (uint8_t)r4;
	in.a = (uint8_t)sf;
	in.b = (uint8_t)b;
	in.p1 = 6;
	in.p2 = 7;
	return fn(&cpu, &in);
}

static int same(struct fp82 a, uint32_t sign, uint32_t exp, uint64_t sig)
{
	return a.sign == sign && a.exp == exp && a.sig == sig;
}

static uint64_t sf_flags(unsigned sf)
{
	return (cpu.ar[AR_FPSR] >> (FPSR_SF_SHIFT(sf) + 7)) & 0x3f;
}

static void test_conversions(void)
{
	uint8_t m[16];
	unsigned i;

	TEST_BEGIN("memory format -> register (SDM 5.1.3)");
	CHECK(same(fp_from_single(0x3f800000), 0, 0xffff, 1ULL << 63));
	CHECK(same(fp_from_single(0xc0400000), 1, 0x10000, 0xc000000000000000ULL));
	CHECK(same(fp_from_single(0x00000001), 0, 0xff81, 1ULL << 40));
	CHECK(same(fp_from_single(0x7f800000), 0, 0x1ffff, 1ULL << 63));
	CHECK(same(fp_from_single(0xffc00000), 1, 0x1ffff, 0xc000000000000000ULL));
	CHECK(same(fp_from_single(0x80000000), 1, 0, 0));
	CHECK(same(fp_from_double(0x3ff0000000000000ULL), 0, 0xffff, 1ULL << 63));
	CHECK(same(fp_from_double(0x0000000000000001ULL), 0, 0xfc01, 1ULL << 11));
	CHECK(same(fp_from_sig(12345), 0, 0x1003e, 12345));
	CHECK(same(fp_from_exp_gr(0x2ffff), 1, 0xffff, 1ULL << 63));
	CHECK_EQ(fp_to_exp_gr(fp_from_exp_gr(0x3abcd)), 0x3abcd);
	TEST_END();

	TEST_BEGIN("register -> memory and round trips");
	CHECK_EQ(fp_to_single(FP82_ONE), 0x3f800000);
	CHECK_EQ(fp_to_double(FP82_ONE), 0x3ff0000000000000ULL);
	/* an integer bit of 0 stores a zero exponent */
	CHECK_EQ(fp_to_single(fp_from_single(0x00012345)), 0x00012345);
	for (i = 0; i < 200000; i++) {
		uint32_t s = (uint32_t)rnd64();
		uint64_t d = rnd64();

		if (fp_to_single(fp_from_single(s)) != s ||
		    fp_to_double(fp_from_double(d)) != d)
			break;
	}
	CHECK_EQ(i, 200000);
	for (i = 0; i < 100000; i++) {
		struct fp82 f = { rnd64(), (uint32_t)(rnd64() & 0x1ffff), (uint32_t)(rnd64() & 1) }, g;

		fp_to_spill(f, m);
		g = fp_from_spill(m);
		if (!same(g, f.sign, f.exp, f.sig))
			break;
	}
	CHECK_EQ(i, 100000);
	/* 80-bit: 1.0 is 3fff 8000000000000000 */
	fp_to_ext(FP82_ONE, m);
	CHECK_EQ(m[9], 0x3f);
	CHECK_EQ(m[8], 0xff);
	CHECK_EQ(m[7], 0x80);
	CHECK(same(fp_from_ext(m), 0, 0xffff, 1ULL << 63));
	TEST_END();
}

static void test_xma(void)
{
	unsigned i, bad = 0;

	TEST_BEGIN("xma.l/h/hu vs __int128");
	reset();
	for (i = 0; i < 100000; i++) {
		uint64_t a = rnd64(), b = rnd64(), d = rnd64();
		unsigned __int128 u = (unsigned __int128)a * b + d;
		__int128 s = (__int128)(int64_t)a * (int64_t)b + (int64_t)d;

		if (i & 1) {
			a >>= rnd64() % 64;
			d = 0;
			u = (unsigned __int128)a * b;
			s = (__int128)(int64_t)a * (int64_t)b;
		}
		fr_set(&cpu, 8, fp_from_sig(a));
		fr_set(&cpu, 9, fp_from_sig(b));
		fr_set(&cpu, 10, fp_from_sig(d));
		run(fx_xma, 6, 10, 8, 9, 0, 0);
		bad += fr_get(&cpu, 6).sig != (uint64_t)u || fr_get(&cpu, 6).exp != 0x1003e;
		run(fx_xma, 6, 10, 8, 9, 0, 2);
		bad += fr_get(&cpu, 6).sig != (uint64_t)(u >> 64);
		run(fx_xma, 6, 10, 8, 9, 0, 3);
		bad += fr_get(&cpu, 6).sig != (uint64_t)((unsigned __int128)s >> 64);
	}
	CHECK_EQ(bad, 0);
	/* NaTVal propagates */
	fr_set(&cpu, 8, FP82_NATVAL);
	run(fx_xma, 6, 10, 8, 9, 0, 0);
	CHECK(fp82_is_natval(fr_get(&cpu, 6)));
	TEST_END();
}

/*
 * Unsigned 64-bit division the way the kernel does it: convert with
 * fcvt.xuf (fnorm), frcpa, two Newton-Raphson refinements in sf1
 * (64-bit precision, widest range), a final correction and fcvt.fxu.trunc.
 */
static uint64_t fp_div(uint64_t a, uint64_t b, int is_signed)
{
	enum { FA = 8, FB = 9, Y = 10, Q = 11, E = 12, R = 13, T = 14 };

	fr_set(&cpu, FA, fp_from_sig(a));
	fr_set(&cpu, FB, fp_from_sig(b));
	if (is_signed) {
		run(fx_fcvt_xf, FA, FA, 0, 0, 0, 0);	/* fcvt.xf */
		run(fx_fcvt_xf, FB, FB, 0, 0, 0, 0);
	} else {
		run(fx_fma, FA, 0, FA, 1, 1, FP_PC_SF);	/* fcvt.xuf.s1 */
		run(fx_fma, FB, 0, FB, 1, 1, FP_PC_SF);
	}
	{
		struct insn in;

		memset(&in, 0, sizeof(in));
		in.r1 = Y;
		in.r2 = FA;
		in.r3 = FB;
		in.p2 = 6;
		in.a = 1;
		fx_frcpa(&cpu, &in);			/* frcpa.s1 y,p6 = a,b */
	}
	if (pr_get(&cpu, 6)) {
		run(fx_fma, Q, 0, FA, Y, 1, FP_PC_SF);	/* q0 = a*y */
		run(fx_fnma, E, 1, FB, Y, 1, FP_PC_SF);	/* e = 1 - b*y */
		run(fx_fma, Q, Q, E, Q, 1, FP_PC_SF);	/* q1 = q0 + e*q0 */
		run(fx_fma, T, 0, E, E, 1, FP_PC_SF);	/* e2 = e*e */
		run(fx_fma, Y, Y, E, Y, 1, FP_PC_SF);	/* y1 = y + e*y */
		run(fx_fma, Q, Q, T, Q, 1, FP_PC_SF);	/* q2 = q1 + e2*q1 */
		run(fx_fma, Y, Y, T, Y, 1, FP_PC_SF);	/* y2 = y1 + e2*y1 */
		run(fx_fnma, R, FA, FB, Q, 1, FP_PC_SF);	/* r = a - b*q2 */
		run(fx_fma, Q, Q, R, Y, 1, FP_PC_SF);	/* q3 = q2 + r*y2 */
		run(fx_fcvt_fx, Q, Q, 0, 0, 1, is_signed ? 2 : 3);	/* .trunc.s1 */
	} else {
		run(fx_fcvt_fx, Q, Y, 0, 0, 1, is_signed ? 2 : 3);
	}
	return fr_get(&cpu, Q).sig;
}

static uint64_t fp_udiv(uint64_t a, uint64_t b)
{
	return fp_div(a, b, 0);
}

/* Remainder the kernel's way: xma.l r = q * (-b) + a. */
static uint64_t fp_smod(int64_t a, int64_t b)
{
	uint64_t q = fp_div((uint64_t)a, (uint64_t)b, 1);

	fr_set(&cpu, 11, fp_from_sig(q));
	fr_set(&cpu, 9, fp_from_sig(-(uint64_t)b));
	fr_set(&cpu, 8, fp_from_sig((uint64_t)a));
	run(fx_xma, 11, 8, 11, 9, 0, 0);
	return fr_get(&cpu, 11).sig;
}

static void test_division(void)
{
	unsigned i, bad = 0;

	TEST_BEGIN("kernel-style frcpa integer division vs host");
	reset();
	for (i = 0; i < 300000; i++) {
		uint64_t a = rnd64() >> (rnd64() % 64), b = rnd64() >> (rnd64() % 64);

		if (!b)
			b = 1;
		if (fp_udiv(a, b) != a / b && bad++ < 5)
			printf("  %llu / %llu = %llu\n", (unsigned long long)a,
			       (unsigned long long)b, (unsigned long long)fp_udiv(a, b));
	}
	CHECK_EQ(fp_udiv(~0ULL, 1), ~0ULL);
	CHECK_EQ(fp_udiv(~0ULL, 3), ~0ULL / 3);
	CHECK_EQ(fp_udiv(5, 7), 0);
	CHECK_EQ(bad, 0);
	TEST_END();

	TEST_BEGIN("kernel-style signed division and remainder vs host");
	reset();
	bad = 0;
	for (i = 0; i < 300000; i++) {
		int64_t a = (int64_t)rnd64() >> (rnd64() % 64);
		int64_t b = (int64_t)rnd64() >> (rnd64() % 64);

		if (!b || (a == INT64_MIN && b == -1))
			b = 3;
		if (fp_div((uint64_t)a, (uint64_t)b, 1) != (uint64_t)(a / b) ||
		    fp_smod(a, b) != (uint64_t)(a % b)) {
			if (bad++ < 5)
				printf("  %lld / %lld\n", (long long)a, (long long)b);
		}
	}
	CHECK_EQ(fp_div((uint64_t)INT64_MIN, 1, 1), (uint64_t)INT64_MIN);
	CHECK_EQ(fp_div((uint64_t)-7, 2, 1), (uint64_t)-3);
	CHECK_EQ(bad, 0);
	TEST_END();
}

static void test_frcpa(void)
{
	struct insn in;
	struct fp82 r;

	TEST_BEGIN("frcpa/frsqrta tables (SDM entries)");
	CHECK_EQ(fp_recip_table(0), 0x3fc);
	CHECK_EQ(fp_recip_table(4), 0x3dd);
	CHECK_EQ(fp_recip_table(43), 0x2d7);
	CHECK_EQ(fp_recip_table(128), 0x154);
	CHECK_EQ(fp_recip_table(255), 0x001);
	CHECK_EQ(fp_rsqrt_table(0), 0x1a5);
	CHECK_EQ(fp_rsqrt_table(127), 0x001);
	CHECK_EQ(fp_rsqrt_table(128), 0x3fc);
	CHECK_EQ(fp_rsqrt_table(131), 0x3e5);
	CHECK_EQ(fp_rsqrt_table(255), 0x1aa);
	TEST_END();

	TEST_BEGIN("frcpa results and special cases");
	reset();
	memset(&in, 0, sizeof(in));
	in.r1 = 6;
	in.r2 = 8;
	in.r3 = 9;
	in.p2 = 7;
	/* 1/3: index 0x80 -> 0x154, exponent 0x1fffd - 0x10000 */
	fr_set(&cpu, 8, FP82_ONE);
	fr_set(&cpu, 9, fp_from_single(0x40400000));
	fx_frcpa(&cpu, &in);
	r = fr_get(&cpu, 6);
	CHECK(same(r, 0, 0xfffd, 1ULL << 63 | 0x154ULL << 53));
	CHECK(pr_get(&cpu, 7));
	/* x/0: infinity, z flag, p2 = 0 */
	fr_set(&cpu, 9, FP82_ZERO);
	fx_frcpa(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 0, 0x1ffff, 1ULL << 63));
	CHECK(!pr_get(&cpu, 7));
	CHECK(sf_flags(0) & FPE_Z);
	/* 0/0: real indefinite, v flag */
	fr_set(&cpu, 8, FP82_ZERO);
	fx_frcpa(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 1, 0x1ffff, 0xc000000000000000ULL));
	CHECK(sf_flags(0) & FPE_V);
	/* finite/inf: zero with the xor sign */
	fr_set(&cpu, 8, fp_from_single(0xbf800000));
	fr_set(&cpu, 9, fp_from_single(0x7f800000));
	fx_frcpa(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 1, 0, 0));
	CHECK(!pr_get(&cpu, 7));
	/* qp false clears p2 */
	pr_set(&cpu, 7, 1);
	in.qp = 5;
	pr_set(&cpu, 5, 0);
	fx_frcpa(&cpu, &in);
	CHECK(!pr_get(&cpu, 7));
	in.qp = 0;
	/* NaTVal */
	fr_set(&cpu, 8, FP82_NATVAL);
	fx_frcpa(&cpu, &in);
	CHECK(fp82_is_natval(fr_get(&cpu, 6)));
	/* huge quotient: software-assistance case delivers the quotient */
	fr_set(&cpu, 8, fp_from_exp_gr(0x1fff0));
	fr_set(&cpu, 9, fp_from_exp_gr(0x00010));
	fx_frcpa(&cpu, &in);
	CHECK(!pr_get(&cpu, 7));
	CHECK(fr_get(&cpu, 6).exp == 0x1ffff);	/* overflows the range */
	TEST_END();

	TEST_BEGIN("frsqrta");
	reset();
	memset(&in, 0, sizeof(in));
	in.r1 = 6;
	in.r3 = 9;
	in.p2 = 7;
	/* 4.0 = biased 0x10001: index 128 | 0, exponent 0xfffe - 1 */
	fr_set(&cpu, 9, fp_from_single(0x40800000));
	fx_frsqrta(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 0, 0xfffd, 1ULL << 63 | 0x3fcULL << 53));
	/* 2.0 = biased 0x10000: index 0, exponent 0xfffe */
	fr_set(&cpu, 9, fp_from_single(0x40000000));
	fx_frsqrta(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 0, 0xfffe, 1ULL << 63 | 0x1a5ULL << 53));
	CHECK(pr_get(&cpu, 7));
	fr_set(&cpu, 9, fp_from_single(0xbf800000));	/* -1: invalid */
	fx_frsqrta(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 1, 0x1ffff, 0xc000000000000000ULL));
	CHECK(!pr_get(&cpu, 7));
	fr_set(&cpu, 9, fp_from_single(0x80000000));	/* -0 -> -0 */
	fx_frsqrta(&cpu, &in);
	CHECK(same(fr_get(&cpu, 6), 1, 0, 0));
	TEST_END();
}

static void test_rounding(void)
{
	struct fp82 one_ulp = { 1ULL << 63 | 1, 0xffff, 0 };	/* 1 + 2^-63 */
	struct fp82 half_ulp = { 1ULL << 63, 0xffff - 64, 0 };	/* 2^-64 */

	TEST_BEGIN("rounding modes, precision, flags");
	reset();
	fr_set(&cpu, 8, FP82_ONE);
	fr_set(&cpu, 9, half_ulp);
	/* 1 + 2^-64 in sf0 (RN, 64 bits): tie to even -> 1, inexact */
	run(fx_fma, 6, 9, 8, 1, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0xffff, 1ULL << 63));
	CHECK(sf_flags(0) & FPE_I);
	/* 1 + 2^-63 + 2^-64: tie -> even rounds up to 1 + 2^-62 */
	fr_set(&cpu, 8, one_ulp);
	run(fx_fma, 6, 9, 8, 1, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0xffff, 1ULL << 63 | 2));
	/* sf2 with rc = +inf: 1 + 2^-64 -> 1 + 2^-63 */
	cpu.ar[AR_FPSR] |= (uint64_t)RC_UP << (FPSR_SF_SHIFT(2) + SF_RC_SHIFT);
	fr_set(&cpu, 8, FP82_ONE);
	run(fx_fma, 6, 9, 8, 1, 2, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0xffff, 1ULL << 63 | 1));
	/* .s: 1 + 2^-24 rounds to 1 (tie, even); .d keeps it */
	fr_set(&cpu, 9, fp_from_single(0x33800000));	/* 2^-24 */
	run(fx_fma, 6, 9, 8, 1, 0, FP_PC_S);
	CHECK(same(fr_get(&cpu, 6), 0, 0xffff, 1ULL << 63));
	run(fx_fma, 6, 9, 8, 1, 0, FP_PC_D);
	CHECK(same(fr_get(&cpu, 6), 0, 0xffff, 1ULL << 63 | 1ULL << 39));
	/* .s overflow: 2^127 * 4 -> +inf, o and i */
	cpu.ar[AR_FPSR] = FPSR_DEFAULT;
	fr_set(&cpu, 8, fp_from_single(0x7f000000));
	fr_set(&cpu, 9, fp_from_single(0x40800000));
	run(fx_fma, 6, 0, 8, 9, 0, FP_PC_S);
	CHECK(same(fr_get(&cpu, 6), 0, 0x1ffff, 1ULL << 63));
	CHECK((sf_flags(0) & (FPE_O | FPE_I)) == (FPE_O | FPE_I));
	/* .s underflow: 2^-126 * 0.75 -> denormal at exponent 0xff81, u and i
	 * only when inexact: exact here, so no u */
	cpu.ar[AR_FPSR] = FPSR_DEFAULT;
	fr_set(&cpu, 8, fp_from_single(0x00800000));
	fr_set(&cpu, 9, fp_from_single(0x3f400000));
	run(fx_fma, 6, 0, 8, 9, 0, FP_PC_S);
	CHECK(same(fr_get(&cpu, 6), 0, 0xff81, 0x6000000000000000ULL));
	CHECK(!(sf_flags(0) & FPE_U));
	/* extended-range denormal result: canonical register exponent 0 */
	{
		struct fp82 tiny = { 1ULL << 63, 0xc001, 0 };	/* 2^-16382 */
		struct fp82 half = { 1ULL << 63, 0xfffe, 0 };	/* 0.5 */

		fr_set(&cpu, 8, tiny);
		fr_set(&cpu, 9, half);
		run(fx_fma, 6, 0, 8, 9, 0, FP_PC_SF);
		CHECK(same(fr_get(&cpu, 6), 0, 0, 1ULL << 62));
	}
	/* fnorm of setf.sig 5 (unnormal): 5.0 normalized, d flag */
	fr_set(&cpu, 8, fp_from_sig(5));
	run(fx_fma, 6, 0, 8, 1, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0x10001, 0xa000000000000000ULL));
	CHECK(sf_flags(0) & FPE_D);
	/* x - x = +0 in RN, -0 in RM */
	fr_set(&cpu, 8, FP82_ONE);
	run(fx_fms, 6, 8, 8, 1, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0, 0));
	cpu.ar[AR_FPSR] |= (uint64_t)RC_DOWN << (FPSR_SF_SHIFT(3) + SF_RC_SHIFT);
	run(fx_fms, 6, 8, 8, 1, 3, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 1, 0, 0));
	/* fmpy (f2 = f0 is not added): -1 * 0 = -0; with f2 = +0 real: +0 */
	fr_set(&cpu, 8, fp_from_single(0xbf800000));
	run(fx_fma, 6, 0, 8, 0, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 1, 0, 0));
	fr_set(&cpu, 10, FP82_ZERO);
	run(fx_fma, 6, 10, 8, 0, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0, 0));
	/* inf - inf: indefinite and v; SNaN operand: quieted, v */
	cpu.ar[AR_FPSR] = FPSR_DEFAULT;
	fr_set(&cpu, 8, fp_from_single(0x7f800000));
	run(fx_fms, 6, 8, 8, 1, 0, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 1, 0x1ffff, 0xc000000000000000ULL));
	fr_set(&cpu, 8, fp_from_single(0x7f800001));
	run(fx_fma, 6, 0, 8, 1, 1, FP_PC_SF);
	CHECK(same(fr_get(&cpu, 6), 0, 0x1ffff, 0xc000010000000000ULL));
	CHECK(sf_flags(1) & FPE_V);
	/* NaN propagation priority: f4, then f2, then f3 */
	fr_set(&cpu, 8, fp_from_single(0x7fc00001));
	fr_set(&cpu, 9, fp_from_single(0x7fc00002));
	fr_set(&cpu, 10, fp_from_single(0x7fc00003));
	run(fx_fma, 6, 10, 8, 9, 0, FP_PC_SF);
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0x7fc00002);
	run(fx_fma, 6, 10, 8, 1, 0, FP_PC_SF);
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0x7fc00003);
	run(fx_fma, 6, 0, 8, 1, 0, FP_PC_SF);
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0x7fc00001);
	TEST_END();
}

static void test_convert_compare(void)
{
	struct insn in;

	TEST_BEGIN("fcvt.fx/fxu/xf");
	reset();
	fr_set(&cpu, 8, fp_from_single(0x40200000));	/* 2.5 */
	run(fx_fcvt_fx, 6, 8, 0, 0, 0, 0);
	CHECK_EQ(fr_get(&cpu, 6).sig, 2);		/* RN: tie to even */
	fr_set(&cpu, 8, fp_from_single(0xc0600000));	/* -3.5 */
	run(fx_fcvt_fx, 6, 8, 0, 0, 0, 0);
	CHECK_EQ(fr_get(&cpu, 6).sig, (uint64_t)-4);
	run(fx_fcvt_fx, 6, 8, 0, 0, 0, 2);		/* trunc */
	CHECK_EQ(fr_get(&cpu, 6).sig, (uint64_t)-3);
	run(fx_fcvt_fx, 6, 8, 0, 0, 0, 1);		/* fxu of negative: invalid */
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x8000000000000000ULL);
	CHECK(sf_flags(0) & FPE_V);
	fr_set(&cpu, 8, fp_from_double(0x43f0000000000000ULL));	/* 2^64 */
	run(fx_fcvt_fx, 6, 8, 0, 0, 0, 3);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x8000000000000000ULL);
	fr_set(&cpu, 8, fp_from_sig((uint64_t)-7));
	run(fx_fcvt_xf, 6, 8, 0, 0, 0, 0);
	CHECK(same(fr_get(&cpu, 6), 1, 0x10001, 0xe000000000000000ULL));
	TEST_END();

	TEST_BEGIN("fcmp and fclass");
	reset();
	memset(&in, 0, sizeof(in));
	in.r2 = 8;
	in.r3 = 9;
	in.p1 = 6;
	in.p2 = 7;
	fr_set(&cpu, 8, FP82_ZERO);
	fr_set(&cpu, 9, fp_from_single(0x80000000));	/* +0 == -0 */
	in.b = FREL_EQ;
	fx_fcmp(&cpu, &in);
	CHECK(pr_get(&cpu, 6) && !pr_get(&cpu, 7));
	fr_set(&cpu, 9, fp_from_single(0x7fc00000));	/* QNaN */
	fx_fcmp(&cpu, &in);
	CHECK(!pr_get(&cpu, 6) && pr_get(&cpu, 7));
	CHECK(!(sf_flags(0) & FPE_V));			/* eq is quiet */
	in.b = FREL_LT;
	fx_fcmp(&cpu, &in);
	CHECK(sf_flags(0) & FPE_V);			/* lt signals */
	in.b = FREL_UNORD;
	fx_fcmp(&cpu, &in);
	CHECK(pr_get(&cpu, 6));
	/* .unc with qp false clears both */
	in.qp = 5;
	in.flags = IF_ALWAYS;
	fx_fcmp(&cpu, &in);
	CHECK(!pr_get(&cpu, 6) && !pr_get(&cpu, 7));
	in.qp = 0;
	in.flags = 0;
	/* fclass: @qnan; NaTVal matches only bit 8 */
	in.r2 = 9;
	in.imm2 = 0x081;
	fx_fclass(&cpu, &in);
	CHECK(pr_get(&cpu, 6));
	in.imm2 = 0x042;		/* @snan (sign bits ignored): no */
	fx_fclass(&cpu, &in);
	CHECK(!pr_get(&cpu, 6));
	fr_set(&cpu, 8, FP82_NATVAL);
	in.r2 = 8;
	in.imm2 = 0x100;
	fx_fclass(&cpu, &in);
	CHECK(pr_get(&cpu, 6));
	in.imm2 = 0x0ff;
	fx_fclass(&cpu, &in);
	CHECK(!pr_get(&cpu, 6));
	fr_set(&cpu, 8, fp_from_sig(3));		/* unnormal */
	in.imm2 = 0x009;
	fx_fclass(&cpu, &in);
	CHECK(pr_get(&cpu, 6));
	/* @snan / @qnan ignore the sign bits (gas encodes @qnan as 0x80) */
	fr_set(&cpu, 8, fp_from_single(0xffc00000));
	in.imm2 = 0x080;
	fx_fclass(&cpu, &in);
	CHECK(pr_get(&cpu, 6));
	/* setf.sig 0 is a pseudo-zero: @unorm, not @zero */
	fr_set(&cpu, 8, fp_from_sig(0));
	in.imm2 = 0x007;
	fx_fclass(&cpu, &in);
	CHECK(!pr_get(&cpu, 6));
	in.imm2 = 0x00b;
	fx_fclass(&cpu, &in);
	CHECK(pr_get(&cpu, 6));
	TEST_END();
}

static void test_parallel_and_bits(void)
{
	TEST_BEGIN("parallel FP and bit ops");
	reset();
	/* (1.5, 2.0) * (2.0, -3.0) + (0.5, 1.0) = (3.5, -5.0) */
	fr_set(&cpu, 8, fp_intval(0x3fc0000040000000ULL));
	fr_set(&cpu, 9, fp_intval(0x40000000c0400000ULL));
	fr_set(&cpu, 10, fp_intval(0x3f0000003f800000ULL));
	run(fx_fpma, 6, 10, 8, 9, 0, 0);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x40600000c0a00000ULL);
	CHECK_EQ(fr_get(&cpu, 6).exp, 0x1003e);
	/* f1 reads as 1.0 in both halves: fpmpy by f1 is the identity */
	run(fx_fpma, 6, 0, 8, 1, 0, 0);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x3fc0000040000000ULL);
	/* fpcmp.lt */
	run(fx_fpcmp, 6, 8, 9, 0, 0, 1);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0xffffffff00000000ULL);
	/* fpcvt.fx.trunc of (1.5, 2.0) */
	run(fx_fpcvt, 6, 8, 0, 0, 0, 2);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x0000000100000002ULL);
	/* fmix.lr, fswap.nl, fsxt.r, fmerge.ns */
	fr_set(&cpu, 8, fp_intval(0x1111111122222222ULL));
	fr_set(&cpu, 9, fp_intval(0x33333333c4444444ULL));
	run(fx_fbit, 6, 8, 9, 0, 0, 5);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x11111111c4444444ULL);
	run(fx_fbit, 6, 8, 9, 0, 0, 10);		/* fswap.nl */
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x4444444411111111ULL);
	run(fx_fbit, 6, 8, 9, 0, 0, 11);		/* fswap.nr */
	CHECK_EQ(fr_get(&cpu, 6).sig, 0xc444444491111111ULL);
	run(fx_fbit, 6, 9, 9, 0, 0, 7);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0xffffffffc4444444ULL);
	fr_set(&cpu, 8, FP82_ONE);
	run(fx_fbit, 6, 8, 8, 0, 0, 1);			/* fneg */
	CHECK(same(fr_get(&cpu, 6), 1, 0xffff, 1ULL << 63));
	TEST_END();
}

static void test_misc_ops(void)
{
	struct insn in;

	TEST_BEGIN("fselect, fmin/famax, fpack, fpmerge, fpmin, fprcpa, fprsqrta");
	reset();
	fr_set(&cpu, 8, fp_intval(0x1234567890abcdefULL));
	fr_set(&cpu, 9, fp_intval(0xfedcba0987654321ULL));
	fr_set(&cpu, 10, fp_intval(0xffff0000ffff0000ULL));
	run(fx_fselect, 6, 10, 8, 9, 0, 0);		/* f3 where f2 = 1 */
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x1234ba0990ab4321ULL);
	fr_set(&cpu, 8, fp_from_single(0xc0000000));	/* -2 */
	fr_set(&cpu, 9, fp_from_single(0x3f800000));	/* 1 */
	run(fx_fminmax, 6, 8, 9, 0, 0, 0);		/* fmin -> -2 */
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0xc0000000);
	run(fx_fminmax, 6, 8, 9, 0, 0, 3);		/* famax -> -2 (|-2| > 1) */
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0xc0000000);
	run(fx_fminmax, 6, 8, 9, 0, 0, 2);		/* famin -> 1 */
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0x3f800000);
	fr_set(&cpu, 10, fp_from_single(0x7fc00000));	/* fmin with NaN: f3, v */
	run(fx_fminmax, 6, 10, 9, 0, 0, 0);
	CHECK_EQ(fp_to_single(fr_get(&cpu, 6)), 0x3f800000);
	CHECK(sf_flags(0) & FPE_V);
	run(fx_fbit, 6, 8, 9, 0, 0, 8);			/* fpack */
	CHECK_EQ(fr_get(&cpu, 6).sig, 0xc00000003f800000ULL);
	/* fpmerge.se: sign+exponent of f2 halves, mantissas of f3 halves */
	fr_set(&cpu, 8, fp_intval(0xc0000000bf800000ULL));
	fr_set(&cpu, 9, fp_intval(0x3fc000004049999aULL));
	run(fx_fpmerge, 6, 8, 9, 0, 0, 2);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0xc0400000bfc9999aULL);
	run(fx_fpminmax, 6, 8, 9, 0, 0, 0);		/* fpmin per half */
	CHECK_EQ(fr_get(&cpu, 6).sig, 0xc0000000bf800000ULL);
	/* fprcpa of (2.0, 4.0): 1.table[0] * 2^-2 and 2^-3 as singles, p2 set */
	memset(&in, 0, sizeof(in));
	in.r1 = 6;
	in.r2 = 1;
	in.r3 = 9;
	in.p2 = 7;
	fr_set(&cpu, 9, fp_intval(0x4000000040800000ULL));
	fx_fprcpa(&cpu, &in);
	CHECK_EQ(fr_get(&cpu, 6).sig, 0x3eff80003e7f8000ULL);
	CHECK(pr_get(&cpu, 7));
	/* fprsqrta of (4.0, -1.0): 4.0 -> index 128, exp 2^-2; -1 -> NaN, p2 clear */
	fr_set(&cpu, 9, fp_intval(0x40800000bf800000ULL));
	in.r3 = 9;
	fx_fprsqrta(&cpu, &in);
	CHECK_EQ(fr_get(&cpu, 6).sig >> 32, 0x3eff8000);
	CHECK_EQ((uint32_t)fr_get(&cpu, 6).sig, 0xffc00000);
	CHECK(!pr_get(&cpu, 7));
	TEST_END();

	TEST_BEGIN("fsetc, fclrf, fchkf");
	reset();
	/* fsetc.s1 amask=0x7f omask=0x40 (td) starts from sf0's controls */
	memset(&in, 0, sizeof(in));
	in.a = 1;
	in.imm2 = 0x7f | 0x40 << 8;
	fx_fsetc(&cpu, &in);
	CHECK_EQ((cpu.ar[AR_FPSR] >> FPSR_SF_SHIFT(1)) & 0x7f, 0x40 | 0x0c);
	/* fchkf.s1 branches when sf1 has a flag sf0 lacks */
	cpu.ip = 0x1000;
	in.imm = 0x40;
	CHECK_EQ(fx_fchkf(&cpu, &in), X_NEXT);
	cpu.ar[AR_FPSR] |= (uint64_t)FPE_I << (FPSR_SF_SHIFT(1) + 7);
	CHECK_EQ(fx_fchkf(&cpu, &in), X_JUMP);
	CHECK_EQ(cpu.ip, 0x1040);
	fx_fclrf(&cpu, &in);
	CHECK_EQ(sf_flags(1), 0);
	TEST_END();
}

static void test_faults(void)
{
	TEST_BEGIN("FP fault, disabled FP, f1 target");
	reset();
	/* invalid enabled (vd = 0): SNaN operand faults, f6 untouched */
	cpu.ar[AR_FPSR] = FPSR_DEFAULT & ~1ULL;
	fr_set(&cpu, 6, FP82_ONE);
	fr_set(&cpu, 8, fp_from_single(0x7f800001));
	CHECK_EQ(run(fx_fma, 6, 0, 8, 1, 0, FP_PC_SF), X_FAULT);
	CHECK_EQ(last_vector, 0x5c00);
	CHECK_EQ(last_isr & 1, 1);
	CHECK(same(fr_get(&cpu, 6), 0, 0xffff, 1ULL << 63));
	/* inexact enabled: result written, then an FP trap */
	cpu.ar[AR_FPSR] = FPSR_DEFAULT & ~0x20ULL;
	fr_set(&cpu, 8, fp_from_single(0x40400000));
	fr_set(&cpu, 9, fp_from_single(0x3eaaaaab));
	CHECK_EQ(run(fx_fma, 6, 0, 8, 9, 0, FP_PC_S), X_FAULT);
	CHECK_EQ(last_vector, 0x5d00);
	CHECK_EQ(last_isr & 0x7800, 0x2000);		/* i, not o/u */
	CHECK(fr_get(&cpu, 6).exp == 0xffff);
	/* overflow enabled (od = 0): unbounded result, exponent mod 2^17 */
	cpu.ar[AR_FPSR] = FPSR_DEFAULT & ~0x08ULL;
	fr_set(&cpu, 8, fp_from_single(0x7f000000));
	fr_set(&cpu, 9, fp_from_single(0x40800000));
	CHECK_EQ(run(fx_fma, 6, 0, 8, 9, 0, FP_PC_S), X_FAULT);
	CHECK_EQ(last_vector, 0x5d00);
	CHECK_EQ(last_isr & 0x7800, 0x0800);
	CHECK(same(fr_get(&cpu, 6), 0, 0x10080, 1ULL << 63));
	/* psr.dfh: f32 is disabled */
	reset();
	cpu.psr |= PSR_DFH;
	CHECK_EQ(run(fx_fma, 32, 0, 8, 1, 0, FP_PC_SF), X_FAULT);
	CHECK_EQ(last_vector, 0x5500);
	/* writing f1 is an Illegal Operation */
	reset();
	CHECK_EQ(run(fx_fma, 1, 0, 8, 1, 0, FP_PC_SF), X_FAULT);
	CHECK_EQ(last_vector, IVT_GENERAL_EXCEPTION);
	TEST_END();
}

int main(void)
{
	test_conversions();
	test_xma();
	test_division();
	test_frcpa();
	test_rounding();
	test_convert_compare();
	test_parallel_and_bits();
	test_misc_ops();
	test_faults();
	return test_report();
}
