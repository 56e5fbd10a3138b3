/* SPDX-License-Identifier: MIT */
/*
 * Integer ALU (A1-A5): results, NaT propagation, r0 and qp handling and
 * reserved encodings.  Expected values follow the SDM definitions of add,
 * sub, addp4, and/andcm/or/xor, shladd(p4), adds and addl.
 */
#include "test/harness.h"
#include "test_alu_util.h"

#include "ia64/regs.h"

static uint64_t a1(unsigned x4, unsigned x2b, unsigned r1, unsigned r2, unsigned r3)
{
	return F(8, 37) | F(x4, 29) | F(x2b, 27) | F(r3, 20) | F(r2, 13) | F(r1, 6);
}

static uint64_t a3(unsigned x4, unsigned x2b, unsigned r1, int imm8, unsigned r3)
{
	return F(8, 37) | F((imm8 >> 7) & 1, 36) | F(x4, 29) | F(x2b, 27) | F(r3, 20) |
	       F(imm8 & 0x7f, 13) | F(r1, 6);
}

static uint64_t a4(unsigned x2a, unsigned r1, int imm14, unsigned r3)
{
	return F(8, 37) | F((imm14 >> 13) & 1, 36) | F(x2a, 34) | F((imm14 >> 7) & 0x3f, 27) |
	       F(r3, 20) | F(imm14 & 0x7f, 13) | F(r1, 6);
}

static uint64_t a5(unsigned r1, int imm22, unsigned r3)
{
	return F(9, 37) | F((imm22 >> 21) & 1, 36) | F((imm22 >> 7) & 0x1ff, 27) |
	       F((imm22 >> 16) & 0x1f, 22) | F(r3, 20) | F(imm22 & 0x7f, 13) | F(r1, 6);
}

int main(void)
{
	const uint64_t A = 0xff00ff00ff00ff00ULL, B = 0x0ff00ff00ff00ff0ULL;

	TEST_BEGIN("add/sub and the +1/-1 forms");
	t_reset();
	setr(2, 5, 0);
	setr(3, 7, 0);
	CHECK_EQ(run_r1('A', a1(0, 0, 1, 2, 3), 1), 12);
	CHECK_EQ(run_r1('A', a1(0, 1, 1, 2, 3), 1), 13);
	CHECK_EQ(run_r1('A', a1(1, 1, 1, 2, 3), 1), (uint64_t)-2);
	CHECK_EQ(run_r1('A', a1(1, 0, 1, 2, 3), 1), (uint64_t)-3);
	setr(2, ~0ULL, 0);
	setr(3, 1, 0);
	CHECK_EQ(run_r1('A', a1(0, 0, 1, 2, 3), 1), 0);		/* wraps */
	CHECK(!natr(1));
	TEST_END();

	TEST_BEGIN("addp4 / shladdp4 copy r3{31:30} to bits 62:61");
	t_reset();
	setr(2, 0x10, 0);
	setr(3, 0x00000000c0000010ULL, 0);
	CHECK_EQ(run_r1('A', a1(2, 0, 1, 2, 3), 1), 0x60000000c0000020ULL);
	setr(2, 0x100000000ULL, 0);
	setr(3, 0x1234567840000000ULL, 0);
	CHECK_EQ(run_r1('A', a1(2, 0, 1, 2, 3), 1), 0x2000000040000000ULL);
	setr(2, 0x80000000ULL, 0);
	setr(3, 0x40000010ULL, 0);
	CHECK_EQ(run_r1('A', a1(6, 0, 1, 2, 3), 1), 0x2000000040000010ULL);
	/* addp4 imm14 */
	setr(3, 0xffffffff80000000ULL, 0);
	CHECK_EQ(run_r1('A', a4(3, 1, -1, 3), 1), 0x400000007fffffffULL);
	TEST_END();

	TEST_BEGIN("logical ops");
	t_reset();
	setr(2, A, 0);
	setr(3, B, 0);
	CHECK_EQ(run_r1('A', a1(3, 0, 1, 2, 3), 1), 0x0f000f000f000f00ULL);
	CHECK_EQ(run_r1('A', a1(3, 1, 1, 2, 3), 1), 0xf000f000f000f000ULL);
	CHECK_EQ(run_r1('A', a1(3, 2, 1, 2, 3), 1), 0xfff0fff0fff0fff0ULL);
	CHECK_EQ(run_r1('A', a1(3, 3, 1, 2, 3), 1), 0xf0f0f0f0f0f0f0f0ULL);
	TEST_END();

	TEST_BEGIN("shladd counts 1-4");
	t_reset();
	setr(2, 3, 0);
	setr(3, 100, 0);
	CHECK_EQ(run_r1('A', a1(4, 0, 1, 2, 3), 1), 106);
	CHECK_EQ(run_r1('A', a1(4, 1, 1, 2, 3), 1), 112);
	CHECK_EQ(run_r1('A', a1(4, 2, 1, 2, 3), 1), 124);
	CHECK_EQ(run_r1('A', a1(4, 3, 1, 2, 3), 1), 148);
	TEST_END();

	TEST_BEGIN("imm8 forms");
	t_reset();
	setr(3, 1, 0);
	CHECK_EQ(run_r1('A', a3(9, 1, 1, -128, 3), 1), (uint64_t)-129);
	CHECK_EQ(run_r1('A', a3(9, 1, 1, 127, 3), 1), 126);
	setr(3, 0xf0f0, 0);
	CHECK_EQ(run_r1('A', a3(0xb, 0, 1, -1, 3), 1), 0xf0f0);
	CHECK_EQ(run_r1('A', a3(0xb, 1, 1, -16, 3), 1), 0xffffffffffff0f00ULL);
	TEST_END();

	TEST_BEGIN("andcm/or/xor imm8");
	t_reset();
	setr(3, 0x00ff, 0);
	CHECK_EQ(run_r1('A', a3(0xb, 1, 1, -1, 3), 1), 0xffffffffffffff00ULL);
	CHECK_EQ(run_r1('A', a3(0xb, 2, 1, -128, 3), 1), 0xffffffffffffffffULL);
	CHECK_EQ(run_r1('A', a3(0xb, 3, 1, 0x0f, 3), 1), 0xf0);
	TEST_END();

	TEST_BEGIN("adds imm14 / addl imm22 / mov pseudo-ops");
	t_reset();
	setr(3, 10000, 0);
	CHECK_EQ(run_r1('A', a4(2, 1, -8192, 3), 1), 1808);
	CHECK_EQ(run_r1('A', a4(2, 1, 8191, 3), 1), 18191);
	setr(2, 1, 0);
	CHECK_EQ(run_r1('A', a5(1, -2097152, 2), 1), (uint64_t)-2097151);
	CHECK_EQ(run_r1('A', a5(1, 2097151, 2), 1), 2097152);
	CHECK_EQ(run_r1('A', a5(1, -5, 0), 1), (uint64_t)-5);		/* mov r1=-5 */
	CHECK_EQ(run_r1('A', a5(1, 65501, 0), 1), 65501);
	CHECK_EQ(run_r1('A', a5(1, -32768, 0), 1), (uint64_t)-32768);
	CHECK_EQ(run_r1('A', a5(1, 0x15555, 3), 1), 0x15555 + getr(3));
	setr(40, 0x1234, 1);
	CHECK_EQ(run_r1('A', a4(2, 1, 0, 40), 1), 0x1234);		/* mov r1=r40 */
	CHECK(natr(1));
	TEST_END();

	TEST_BEGIN("NaT propagation");
	t_reset();
	setr(2, 1, 1);
	setr(3, 2, 0);
	run_slot('A', a1(0, 0, 1, 2, 3));
	CHECK(natr(1));
	run_slot('A', a3(0xb, 2, 1, 5, 3));		/* imm form ignores r2 */
	CHECK(!natr(1));
	setr(3, 2, 1);
	run_slot('A', a4(2, 1, 1, 3));
	CHECK(natr(1));
	run_slot('A', a5(1, 7, 0));			/* constant: never NaT */
	CHECK(!natr(1));
	CHECK_EQ(getr(1), 7);
	TEST_END();

	TEST_BEGIN("r0 stays 0, false qp skips");
	t_reset();
	setr(2, 5, 0);
	setr(3, 7, 0);
	run_slot('A', a1(0, 0, 0, 2, 3));
	CHECK_EQ(getr(0), 0);
	CHECK(!natr(0));
	setr(1, 99, 0);
	pr_set(&tc, 6, 0);
	run_slot('A', a1(0, 0, 1, 2, 3) | 6);
	CHECK_EQ(getr(1), 99);
	pr_set(&tc, 6, 1);
	run_slot('A', a1(0, 0, 1, 2, 3) | 6);
	CHECK_EQ(getr(1), 12);
	TEST_END();

	TEST_BEGIN("stacked registers through the frame map");
	t_reset();
	setr(127, 40, 0);
	setr(32, 2, 0);
	CHECK_EQ(run_r1('A', a1(0, 0, 100, 127, 32), 100), 42);
	TEST_END();

	TEST_BEGIN("reserved encodings raise Illegal Operation");
	t_reset();
	CHECK_EQ(run_slot('A', a1(0, 0, 1, 2, 3) | F(1, 33)), X_FAULT);	/* ve = 1 */
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(run_slot('A', a1(5, 0, 1, 2, 3)), X_FAULT);		/* x4 = 5 */
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(run_slot('A', F(0xa, 37)), X_FAULT);			/* major 0xa */
	CHECK_EQ(run_slot('A', F(0xf, 37) | 6), X_FAULT);		/* even with qp false */
	TEST_END();

	return test_report();
}
