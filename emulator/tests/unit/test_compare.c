/* SPDX-License-Identifier: MIT */
/*
 * Integer compares (A6-A8) and tbit/tnat (I16/I17): relations, cmp4
 * 32-bit semantics, the five compare types with and without NaT sources,
 * qp handling of .unc, the r0 forms, imm8 forms and p1 == p2.  Expected
 * predicate values follow the SDM's cmp/tbit/tnat pseudo-code.
 */
#include "test/harness.h"
#include "test_alu_util.h"

#include "ia64/regs.h"

enum { OP_LT = 0xc, OP_LTU = 0xd, OP_EQ = 0xe };

/* A6/A7: register form (tb = 1 selects the r0 relations). */
static uint64_t a6(unsigned op, unsigned cmp4, unsigned tb, unsigned ta, unsigned c,
		   unsigned p1, unsigned p2, unsigned r2, unsigned r3)
{
	return F(op, 37) | F(tb, 36) | F(cmp4, 34) | F(ta, 33) | F(p2, 27) | F(r3, 20) |
	       F(r2, 13) | F(c, 12) | F(p1, 6);
}

/* A8: imm8 form */
static uint64_t a8(unsigned op, unsigned cmp4, unsigned ta, unsigned c,
		   unsigned p1, unsigned p2, int imm8, unsigned r3)
{
	return F(op, 37) | F((imm8 >> 7) & 1, 36) | F(2 | cmp4, 34) | F(ta, 33) | F(p2, 27) |
	       F(r3, 20) | F(imm8 & 0x7f, 13) | F(c, 12) | F(p1, 6);
}

/* I16/I17: tbit (y = 0) / tnat (y = 1) */
static uint64_t i16(unsigned tb, unsigned ta, unsigned c, unsigned y,
		    unsigned p1, unsigned p2, unsigned r3, unsigned pos)
{
	return F(5, 37) | F(tb, 36) | F(ta, 33) | F(p2, 27) | F(r3, 20) | F(pos, 14) |
	       F(y, 13) | F(c, 12) | F(p1, 6);
}

static void setp(bool a, bool b)
{
	pr_set(&tc, 6, a);
	pr_set(&tc, 7, b);
}

#define PP(a, b) do { CHECK_EQ(pr_get(&tc, 6), a); CHECK_EQ(pr_get(&tc, 7), b); } while (0)

int main(void)
{
	TEST_BEGIN("normal relations, signed vs unsigned");
	t_reset();
	setr(2, (uint64_t)-1, 0);
	setr(3, 1, 0);
	setp(0, 1);
	run_slot('A', a6(OP_LT, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(1, 0);
	run_slot('A', a6(OP_LTU, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(0, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(0, 1);
	setr(3, (uint64_t)-1, 0);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(1, 0);
	TEST_END();

	TEST_BEGIN("cmp4 looks at the low 32 bits only");
	t_reset();
	setr(2, 0x80000000ULL, 0);		/* 32-bit: -2^31 */
	setr(3, 0, 0);
	run_slot('A', a6(OP_LT, 1, 0, 0, 0, 6, 7, 2, 3));
	PP(1, 0);
	run_slot('A', a6(OP_LT, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(0, 1);
	setr(2, 0xffffffff00000001ULL, 0);
	setr(3, 2, 0);
	run_slot('A', a6(OP_LTU, 1, 0, 0, 0, 6, 7, 2, 3));
	PP(1, 0);
	run_slot('A', a6(OP_LTU, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(0, 1);
	setr(2, 0x100000005ULL, 0);
	setr(3, 5, 0);
	run_slot('A', a6(OP_EQ, 1, 0, 0, 0, 6, 7, 2, 3));
	PP(1, 0);
	TEST_END();

	TEST_BEGIN("NaT source: normal type clears both");
	t_reset();
	setr(2, 1, 1);
	setr(3, 1, 0);
	setp(1, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 6, 7, 2, 3));
	PP(0, 0);
	TEST_END();

	TEST_BEGIN(".unc with a false qp clears both; normal leaves them");
	t_reset();
	setr(2, 1, 0);
	setr(3, 1, 0);
	pr_set(&tc, 5, 0);
	setp(1, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 6, 7, 2, 3) | 5);
	PP(1, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 1, 6, 7, 2, 3) | 5);
	PP(0, 0);
	pr_set(&tc, 5, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 1, 6, 7, 2, 3) | 5);
	PP(1, 0);
	TEST_END();

	TEST_BEGIN("and type");
	t_reset();
	setr(2, 3, 0);
	setr(3, 3, 0);
	setp(1, 1);
	run_slot('A', a6(OP_LT, 0, 0, 1, 0, 6, 7, 2, 3));	/* cmp.eq.and: true */
	PP(1, 1);
	run_slot('A', a6(OP_LT, 0, 0, 1, 1, 6, 7, 2, 3));	/* cmp.ne.and: false */
	PP(0, 0);
	setp(1, 1);
	setr(2, 3, 1);
	run_slot('A', a6(OP_LT, 0, 0, 1, 0, 6, 7, 2, 3));	/* NaT: clears */
	PP(0, 0);
	TEST_END();

	TEST_BEGIN("or type");
	t_reset();
	setr(2, 3, 0);
	setr(3, 4, 0);
	setp(0, 0);
	run_slot('A', a6(OP_LTU, 0, 0, 1, 0, 6, 7, 2, 3));	/* cmp.eq.or: false */
	PP(0, 0);
	run_slot('A', a6(OP_LTU, 0, 0, 1, 1, 6, 7, 2, 3));	/* cmp.ne.or: true */
	PP(1, 1);
	setp(0, 0);
	setr(3, 4, 1);
	run_slot('A', a6(OP_LTU, 0, 0, 1, 1, 6, 7, 2, 3));	/* NaT: unchanged */
	PP(0, 0);
	TEST_END();

	TEST_BEGIN("or.andcm type");
	t_reset();
	setr(2, 3, 0);
	setr(3, 3, 0);
	setp(0, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 1, 1, 6, 7, 2, 3));	/* ne: false */
	PP(0, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 1, 0, 6, 7, 2, 3));	/* eq: true */
	PP(1, 0);
	setp(0, 1);
	setr(2, 3, 1);
	run_slot('A', a6(OP_EQ, 0, 0, 1, 0, 6, 7, 2, 3));
	PP(0, 1);
	TEST_END();

	TEST_BEGIN("A7 relations against r0");
	t_reset();
	setr(3, (uint64_t)-5, 0);
	setp(1, 1);
	run_slot('A', a6(OP_LT, 0, 1, 0, 0, 6, 7, 0, 3));	/* gt.and: 0 > -5 */
	PP(1, 1);
	run_slot('A', a6(OP_LT, 0, 1, 1, 1, 6, 7, 0, 3));	/* lt.and: 0 < -5 */
	PP(0, 0);
	run_slot('A', a6(OP_LTU, 0, 1, 0, 1, 6, 7, 0, 3));	/* le.or: 0 <= -5 */
	PP(0, 0);
	run_slot('A', a6(OP_LTU, 0, 1, 1, 0, 6, 7, 0, 3));	/* ge.or: 0 >= -5 */
	PP(1, 1);
	setp(0, 1);
	run_slot('A', a6(OP_EQ, 0, 1, 1, 0, 6, 7, 0, 3));	/* ge.or.andcm */
	PP(1, 0);
	setr(3, 0x100000000ULL, 0);
	setp(0, 0);
	run_slot('A', a6(OP_LTU, 1, 1, 1, 1, 6, 7, 0, 3));	/* cmp4.lt.or: 0 < 0 */
	PP(0, 0);
	run_slot('A', a6(OP_LTU, 0, 1, 1, 1, 6, 7, 0, 3));	/* cmp.lt.or: 0 < 2^32 */
	PP(1, 1);
	TEST_END();

	TEST_BEGIN("imm8 forms");
	t_reset();
	setr(3, (uint64_t)-128, 0);
	run_slot('A', a8(OP_LT, 0, 0, 0, 6, 7, -128, 3));
	PP(0, 1);
	setr(3, (uint64_t)-127, 0);
	run_slot('A', a8(OP_LT, 0, 0, 0, 6, 7, -128, 3));
	PP(1, 0);
	setr(3, 5, 0);
	run_slot('A', a8(OP_LTU, 0, 0, 0, 6, 7, -1, 3));	/* 2^64-1 < 5: false */
	PP(0, 1);
	setr(3, 0xabcd00000007ULL, 0);
	run_slot('A', a8(OP_EQ, 1, 0, 0, 6, 7, 7, 3));
	PP(1, 0);
	run_slot('A', a8(OP_EQ, 0, 0, 0, 6, 7, 7, 3));
	PP(0, 1);
	setp(1, 1);
	run_slot('A', a8(OP_LT, 0, 1, 1, 6, 7, 7, 3));		/* cmp.ne.and 7: true */
	PP(1, 1);
	setr(3, 7, 0);
	run_slot('A', a8(OP_LT, 0, 1, 1, 6, 7, 7, 3));		/* now false */
	PP(0, 0);
	TEST_END();

	TEST_BEGIN("p0 target ignored; p1 == p2 is Illegal Operation");
	t_reset();
	setr(2, 1, 0);
	setr(3, 2, 0);
	run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 0, 7, 2, 3));
	CHECK_EQ(pr_get(&tc, 0), 1);
	CHECK_EQ(pr_get(&tc, 7), 1);
	CHECK_EQ(run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 6, 6, 2, 3)), X_FAULT);
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	pr_set(&tc, 5, 0);
	CHECK_EQ(run_slot('A', a6(OP_EQ, 0, 0, 0, 0, 6, 6, 2, 3) | 5), X_NEXT);
	CHECK_EQ(run_slot('A', a6(OP_EQ, 0, 0, 0, 1, 6, 6, 2, 3) | 5), X_FAULT); /* .unc */
	TEST_END();

	TEST_BEGIN("tbit");
	t_reset();
	setr(3, 0x8000000000000001ULL, 0);
	run_slot('I', i16(0, 0, 0, 0, 6, 7, 3, 63));		/* tbit.z: bit set */
	PP(0, 1);
	run_slot('I', i16(0, 0, 0, 0, 6, 7, 3, 1));
	PP(1, 0);
	pr_set(&tc, 5, 0);
	setp(1, 1);
	run_slot('I', i16(0, 0, 1, 0, 6, 7, 3, 0) | 5);		/* .unc, qp false */
	PP(0, 0);
	setp(1, 1);
	run_slot('I', i16(1, 0, 1, 0, 6, 7, 3, 0));		/* tbit.nz.and: set */
	PP(1, 1);
	run_slot('I', i16(1, 0, 0, 0, 6, 7, 3, 0));		/* tbit.z.and: false */
	PP(0, 0);
	run_slot('I', i16(0, 1, 1, 0, 6, 7, 3, 63));		/* tbit.nz.or */
	PP(1, 1);
	setp(0, 1);
	run_slot('I', i16(1, 1, 0, 0, 6, 7, 3, 5));		/* tbit.z.or.andcm */
	PP(1, 0);
	TEST_END();

	TEST_BEGIN("tbit with a NaT source");
	t_reset();
	setr(3, 1, 1);
	setp(1, 1);
	run_slot('I', i16(0, 0, 0, 0, 6, 7, 3, 0));
	PP(0, 0);
	setp(0, 0);
	run_slot('I', i16(0, 1, 1, 0, 6, 7, 3, 0));		/* or: unchanged */
	PP(0, 0);
	setp(1, 1);
	run_slot('I', i16(1, 0, 1, 0, 6, 7, 3, 0));		/* and: cleared */
	PP(0, 0);
	TEST_END();

	TEST_BEGIN("tnat tests the NaT bit and consumes nothing");
	t_reset();
	setr(3, 0, 1);
	run_slot('I', i16(0, 0, 0, 1, 6, 7, 3, 0));		/* tnat.z */
	PP(0, 1);
	setp(0, 0);
	run_slot('I', i16(0, 1, 1, 1, 6, 7, 3, 0));		/* tnat.nz.or */
	PP(1, 1);
	setr(3, 0, 0);
	run_slot('I', i16(0, 0, 0, 1, 6, 7, 3, 0));
	PP(1, 0);
	CHECK_EQ(run_slot('I', i16(0, 0, 0, 1, 6, 6, 3, 0)), X_FAULT);	/* p1 == p2 */
	CHECK_EQ(run_slot('I', i16(0, 0, 0, 1, 6, 7, 3, 0) | F(1, 19)), X_FAULT); /* tf */
	TEST_END();

	return test_report();
}
