/* SPDX-License-Identifier: MIT */
/*
 * Bit-field and shift instructions: extr/extr.u, dep.z (reg/imm), dep
 * (imm1 and I15), shrp, variable shl/shr/shr.u, popcnt, mux1 (every
 * permutation), mux2, zxt/sxt, czx.  Expected values follow the SDM
 * pseudo-code, including fields that run past bit 63 and shift counts
 * above 63.
 */
#include "test/harness.h"
#include "test_alu_util.h"

#include "ia64/regs.h"

static uint64_t extr(bool sign, unsigned r1, unsigned r3, unsigned pos, unsigned len)
{
	return F(5, 37) | F(1, 34) | F(len - 1, 27) | F(r3, 20) | F(pos, 14) | F(sign, 13) |
	       F(r1, 6);
}

static uint64_t depz(unsigned r1, unsigned r2, unsigned pos, unsigned len)
{
	return F(5, 37) | F(1, 34) | F(1, 33) | F(len - 1, 27) | F(63 - pos, 20) | F(r2, 13) |
	       F(r1, 6);
}

static uint64_t depz_imm(unsigned r1, int imm8, unsigned pos, unsigned len)
{
	return F(5, 37) | F((imm8 >> 7) & 1, 36) | F(1, 34) | F(1, 33) | F(len - 1, 27) |
	       F(1, 26) | F(63 - pos, 20) | F(imm8 & 0x7f, 13) | F(r1, 6);
}

static uint64_t dep_imm(unsigned r1, unsigned one, unsigned r3, unsigned pos, unsigned len)
{
	return F(5, 37) | F(one, 36) | F(3, 34) | F(1, 33) | F(len - 1, 27) | F(r3, 20) |
	       F(63 - pos, 14) | F(r1, 6);
}

static uint64_t dep(unsigned r1, unsigned r2, unsigned r3, unsigned pos, unsigned len)
{
	return F(4, 37) | F(63 - pos, 31) | F(len - 1, 27) | F(r3, 20) | F(r2, 13) | F(r1, 6);
}

static uint64_t shrp(unsigned r1, unsigned r2, unsigned r3, unsigned count)
{
	return F(5, 37) | F(3, 34) | F(count, 27) | F(r3, 20) | F(r2, 13) | F(r1, 6);
}

/* major 7 */
static uint64_t mm7(unsigned za, unsigned zb, unsigned x2a, unsigned x2b, unsigned x2c,
		    unsigned r1, unsigned r2, unsigned r3)
{
	return F(7, 37) | F(za, 36) | F(x2a, 34) | F(zb, 33) | F(x2c, 30) | F(x2b, 28) |
	       F(r3, 20) | F(r2, 13) | F(r1, 6);
}

static uint64_t i29(unsigned x6, unsigned r1, unsigned r3)
{
	return F(x6, 27) | F(r3, 20) | F(r1, 6);
}

int main(void)
{
	const uint64_t V = 0x123456789abcdef0ULL;

	TEST_BEGIN("extr / extr.u");
	t_reset();
	setr(3, V, 0);
	CHECK_EQ(run_r1('I', extr(0, 1, 3, 4, 8), 1), 0xef);
	CHECK_EQ(run_r1('I', extr(1, 1, 3, 4, 8), 1), 0xffffffffffffffefULL);
	CHECK_EQ(run_r1('I', extr(1, 1, 3, 0, 64), 1), V);
	CHECK_EQ(run_r1('I', extr(0, 1, 3, 8, 56), 1), V >> 8);	/* shr.u */
	setr(3, 0xf234000000000000ULL, 0);
	CHECK_EQ(run_r1('I', extr(0, 1, 3, 60, 8), 1), 0xf);		/* len clipped to 4 */
	CHECK_EQ(run_r1('I', extr(1, 1, 3, 60, 8), 1), (uint64_t)-1);
	setr(3, 0x7234000000000000ULL, 0);
	CHECK_EQ(run_r1('I', extr(1, 1, 3, 60, 8), 1), 7);
	setr(3, V, 1);
	run_slot('I', extr(0, 1, 3, 4, 8));
	CHECK(natr(1));
	TEST_END();

	TEST_BEGIN("dep.z register and imm8");
	t_reset();
	setr(2, 0xabc, 0);
	CHECK_EQ(run_r1('I', depz(1, 2, 4, 8), 1), 0xbc0);
	setr(2, 0xff, 0);
	CHECK_EQ(run_r1('I', depz(1, 2, 60, 8), 1), 0xf000000000000000ULL);
	CHECK_EQ(run_r1('I', depz(1, 2, 0, 64), 1), 0xff);		/* shl 0 */
	CHECK_EQ(run_r1('I', depz_imm(1, -1, 8, 8), 1), 0xff00);
	CHECK_EQ(run_r1('I', depz_imm(1, 127, 0, 4), 1), 0xf);
	CHECK_EQ(run_r1('I', depz_imm(1, -128, 60, 8), 1), 0);	/* 0x80 << 60 clipped */
	setr(2, 1, 1);
	run_slot('I', depz(1, 2, 4, 8));
	CHECK(natr(1));
	run_slot('I', depz_imm(1, 1, 4, 8));
	CHECK(!natr(1));
	TEST_END();

	TEST_BEGIN("dep imm1 and I15 dep");
	t_reset();
	setr(3, 0, 0);
	CHECK_EQ(run_r1('I', dep_imm(1, 1, 3, 4, 4), 1), 0xf0);
	setr(3, ~0ULL, 0);
	CHECK_EQ(run_r1('I', dep_imm(1, 0, 3, 60, 8), 1), 0x0fffffffffffffffULL);
	CHECK_EQ(run_r1('I', dep_imm(1, 0, 3, 0, 64), 1), 0);
	setr(2, 5, 0);
	setr(3, 0xffff, 0);
	CHECK_EQ(run_r1('I', dep(1, 2, 3, 4, 4), 1), 0xff5f);
	setr(2, 0xffff, 0);
	setr(3, 0, 0);
	CHECK_EQ(run_r1('I', dep(1, 2, 3, 62, 16), 1), 0xc000000000000000ULL);
	setr(2, 0x1234, 1);
	run_slot('I', dep(1, 2, 3, 0, 16));
	CHECK(natr(1));
	CHECK_EQ(getr(1), 0x1234);
	TEST_END();

	TEST_BEGIN("shrp");
	t_reset();
	setr(2, 0x1122334455667788ULL, 0);
	setr(3, 0x99aabbccddeeff00ULL, 0);
	CHECK_EQ(run_r1('I', shrp(1, 2, 3, 8), 1), 0x8899aabbccddeeffULL);
	CHECK_EQ(run_r1('I', shrp(1, 2, 3, 0), 1), 0x99aabbccddeeff00ULL);
	CHECK_EQ(run_r1('I', shrp(1, 2, 3, 63), 1), 0x22446688aaccef11ULL);
	TEST_END();

	TEST_BEGIN("variable shl/shr/shr.u, counts above 63");
	t_reset();
	setr(2, 1, 0);
	setr(3, 63, 0);
	CHECK_EQ(run_r1('I', mm7(1, 1, 0, 0, 1, 1, 2, 3), 1), 0x8000000000000000ULL);
	setr(3, 64, 0);
	CHECK_EQ(run_r1('I', mm7(1, 1, 0, 0, 1, 1, 2, 3), 1), 0);
	setr(3, 0x8000000000000000ULL, 0);
	setr(2, 200, 0);
	CHECK_EQ(run_r1('I', mm7(1, 1, 0, 2, 0, 1, 2, 3), 1), ~0ULL);		/* shr */
	setr(2, 4, 0);
	CHECK_EQ(run_r1('I', mm7(1, 1, 0, 2, 0, 1, 2, 3), 1), 0xf800000000000000ULL);
	CHECK_EQ(run_r1('I', mm7(1, 1, 0, 0, 0, 1, 2, 3), 1), 0x0800000000000000ULL);
	setr(2, 64, 0);
	CHECK_EQ(run_r1('I', mm7(1, 1, 0, 0, 0, 1, 2, 3), 1), 0);		/* shr.u */
	setr(2, 4, 1);
	run_slot('I', mm7(1, 1, 0, 0, 0, 1, 2, 3));
	CHECK(natr(1));
	TEST_END();

	TEST_BEGIN("popcnt");
	t_reset();
	setr(3, 0, 0);
	CHECK_EQ(run_r1('I', mm7(0, 1, 1, 1, 2, 1, 0, 3), 1), 0);
	setr(3, ~0ULL, 0);
	CHECK_EQ(run_r1('I', mm7(0, 1, 1, 1, 2, 1, 0, 3), 1), 64);
	setr(3, 0x8000000000000001ULL, 0);
	CHECK_EQ(run_r1('I', mm7(0, 1, 1, 1, 2, 1, 0, 3), 1), 2);
	TEST_END();

	TEST_BEGIN("mux1 permutations");
	t_reset();
	setr(2, 0x8877665544332211ULL, 0);
	CHECK_EQ(run_r1('I', mm7(0, 0, 3, 2, 2, 1, 2, 0x0), 1), 0x1111111111111111ULL);
	CHECK_EQ(run_r1('I', mm7(0, 0, 3, 2, 2, 1, 2, 0x8), 1), 0x8844662277335511ULL);
	CHECK_EQ(run_r1('I', mm7(0, 0, 3, 2, 2, 1, 2, 0x9), 1), 0x8844773366225511ULL);
	CHECK_EQ(run_r1('I', mm7(0, 0, 3, 2, 2, 1, 2, 0xa), 1), 0x8866442277553311ULL);
	CHECK_EQ(run_r1('I', mm7(0, 0, 3, 2, 2, 1, 2, 0xb), 1), 0x1122334455667788ULL);
	CHECK_EQ(run_slot('I', mm7(0, 0, 3, 2, 2, 1, 2, 0x5)), X_FAULT);	/* reserved */
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	TEST_END();

	TEST_BEGIN("mux2");
	t_reset();
	setr(2, 0x4444333322221111ULL, 0);
	CHECK_EQ(run_r1('I', mm7(0, 1, 3, 2, 2, 1, 2, 0x1b), 1), 0x1111222233334444ULL);
	CHECK_EQ(run_r1('I', mm7(0, 1, 3, 2, 2, 1, 2, 0x00), 1), 0x1111111111111111ULL);
	CHECK_EQ(run_r1('I', mm7(0, 1, 3, 2, 2, 1, 2, 0xe4), 1), 0x4444333322221111ULL);
	setr(2, 0, 1);
	run_slot('I', mm7(0, 1, 3, 2, 2, 1, 2, 0xe4));
	CHECK(natr(1));
	TEST_END();

	TEST_BEGIN("zxt / sxt");
	t_reset();
	setr(3, 0xffffffff80008080ULL, 0);
	CHECK_EQ(run_r1('I', i29(0x10, 1, 3), 1), 0x80);
	CHECK_EQ(run_r1('I', i29(0x11, 1, 3), 1), 0x8080);
	CHECK_EQ(run_r1('I', i29(0x12, 1, 3), 1), 0x80008080);
	CHECK_EQ(run_r1('I', i29(0x14, 1, 3), 1), 0xffffffffffffff80ULL);
	CHECK_EQ(run_r1('I', i29(0x15, 1, 3), 1), 0xffffffffffff8080ULL);
	CHECK_EQ(run_r1('I', i29(0x16, 1, 3), 1), 0xffffffff80008080ULL);
	setr(3, 0x7f, 0);
	CHECK_EQ(run_r1('I', i29(0x14, 1, 3), 1), 0x7f);
	TEST_END();

	TEST_BEGIN("czx");
	t_reset();
	setr(3, 0x1100ffffffffffffULL, 0);
	CHECK_EQ(run_r1('I', i29(0x18, 1, 3), 1), 1);		/* czx1.l */
	CHECK_EQ(run_r1('I', i29(0x1c, 1, 3), 1), 6);		/* czx1.r */
	setr(3, 0xffffffffffff00ffULL, 0);
	CHECK_EQ(run_r1('I', i29(0x1c, 1, 3), 1), 1);
	CHECK_EQ(run_r1('I', i29(0x18, 1, 3), 1), 6);
	setr(3, ~0ULL, 0);
	CHECK_EQ(run_r1('I', i29(0x18, 1, 3), 1), 8);
	CHECK_EQ(run_r1('I', i29(0x1c, 1, 3), 1), 8);
	CHECK_EQ(run_r1('I', i29(0x19, 1, 3), 1), 4);
	CHECK_EQ(run_r1('I', i29(0x1d, 1, 3), 1), 4);
	setr(3, 0, 0);
	CHECK_EQ(run_r1('I', i29(0x18, 1, 3), 1), 0);
	CHECK_EQ(run_r1('I', i29(0x1d, 1, 3), 1), 0);
	setr(3, 0x0000ffff00ffffffULL, 0);
	CHECK_EQ(run_r1('I', i29(0x19, 1, 3), 1), 0);		/* czx2.l */
	CHECK_EQ(run_r1('I', i29(0x1d, 1, 3), 1), 3);		/* czx2.r */
	setr(3, 0x00ff00ff00ff00ffULL, 0);
	CHECK_EQ(run_r1('I', i29(0x19, 1, 3), 1), 4);
	TEST_END();

	TEST_BEGIN("reserved I encodings");
	t_reset();
	CHECK_EQ(run_slot('I', F(1, 37)), X_FAULT);			/* major 1 */
	CHECK_EQ(run_slot('I', F(5, 37) | F(2, 34)), X_FAULT);		/* major 5 x2 = 2 */
	CHECK_EQ(run_slot('I', i29(0x13, 1, 3)), X_FAULT);
	CHECK_EQ(run_slot('I', mm7(1, 1, 0, 0, 1, 1, 2, 3) | F(1, 32)), X_FAULT);	/* ve */
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	TEST_END();

	return test_report();
}
