/* SPDX-License-Identifier: MIT */
/*
 * I-unit miscellaneous group: nop.i/hint.i/break.i, chk.s.i, mov to/from
 * br (incl. NaT source), mov pr=r,mask and mov pr.rot, mov r=pr, mov r=ip,
 * and the I-unit AR moves (ar.pfs/lc/ec allowed; others Illegal
 * Operation).  Expected behaviour from the SDM descriptions of each form.
 */
#include "test/harness.h"
#include "test_alu_util.h"

#include "ia64/regs.h"

static uint64_t misc(unsigned x6, uint64_t rest) { return F(x6, 27) | rest; }

static uint64_t mov_to_br(unsigned b1, unsigned r2, unsigned x, unsigned wh, int timm)
{
	return F(7, 33) | F(timm & 0x1ff, 24) | F(x, 22) | F(wh, 20) | F(r2, 13) | F(b1, 6);
}

static uint64_t mov_to_pr(unsigned r2, unsigned s, unsigned m8, unsigned m7)
{
	return F(s, 36) | F(3, 33) | F(m8, 24) | F(r2, 13) | F(m7, 6);
}

static uint64_t mov_pr_rot(unsigned s, uint64_t imm27)
{
	return F(s, 36) | F(2, 33) | F(imm27, 6);
}

static uint64_t chk_s_i(unsigned r2, int disp_bundles)
{
	uint64_t imm = (uint64_t)disp_bundles & 0x1fffff;

	return F(1, 33) | F((imm >> 20) & 1, 36) | F((imm >> 7) & 0x1fff, 20) | F(r2, 13) |
	       F(imm & 0x7f, 6);
}

/* the predicate file as mov r=pr sees it (physical, rrb.pr ignored) */
static uint64_t prs(void)
{
	uint64_t v = 0;
	unsigned i;

	for (i = 0; i < 64; i++)
		v |= (uint64_t)tc.pr[i] << i;
	return v;
}

int main(void)
{
	t_reset();

	TEST_BEGIN("nop.i / hint.i change nothing");
	setr(1, 5, 0);
	CHECK_EQ(run_slot('I', misc(1, F(1, 36) | F(0xfffff, 6))), X_NEXT);
	CHECK_EQ(run_slot('I', misc(1, F(1, 26))), X_NEXT);
	CHECK_EQ(getr(1), 5);
	TEST_END();

	TEST_BEGIN("break.i raises Break with the immediate");
	CHECK_EQ(run_slot('I', misc(0, F(1, 36) | F(0x12345, 6))), X_FAULT);
	CHECK_EQ(t_vector, IVT_BREAK);
	CHECK_EQ(t_iim, 0x112345);
	TEST_END();

	TEST_BEGIN("mov to/from br");
	setr(9, 0xa000000000001230ULL, 0);
	CHECK_EQ(run_slot('I', mov_to_br(1, 9, 0, 1, 0)), X_NEXT);
	CHECK_EQ(tc.br[1], 0xa000000000001230ULL);
	CHECK_EQ(run_slot('I', mov_to_br(0, 9, 1, 0, 5)), X_NEXT);	/* mov.ret.sptk */
	CHECK_EQ(tc.br[0], 0xa000000000001230ULL);
	setr(9, 1, 1);
	CHECK_EQ(run_slot('I', mov_to_br(2, 9, 0, 1, 0)), X_FAULT);
	CHECK_EQ(t_vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(tc.br[2], 0);
	CHECK_EQ(run_slot('I', mov_to_br(2, 9, 0, 3, 0)), X_FAULT);	/* wh = 3 reserved */
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	tc.br[6] = 0x1234;
	setr(8, 0, 1);
	CHECK_EQ(run_r1('I', misc(0x31, F(6, 13) | F(8, 6)), 8), 0x1234);
	CHECK(!natr(8));
	TEST_END();

	TEST_BEGIN("mov pr=r2,mask17");
	t_reset();
	setr(9, ~0ULL, 0);
	run_slot('I', mov_to_pr(9, 0, 0xff, 0x7f));	/* p1-p15 */
	CHECK_EQ(prs(), 0xffffULL);
	setr(9, 0, 0);
	run_slot('I', mov_to_pr(9, 0, 0, 0x02));	/* p2 only */
	CHECK_EQ(prs(), 0xfffbULL);
	setr(9, 0xffffffff00000000ULL, 0);
	run_slot('I', mov_to_pr(9, 1, 0, 0));		/* p16-p63 */
	CHECK_EQ(prs(), 0xffffffff0000fffbULL);
	setr(9, 0, 0);
	run_slot('I', mov_to_pr(9, 1, 0xff, 0x7f));	/* everything but p0 */
	CHECK_EQ(prs(), 1);
	setr(9, ~0ULL, 1);
	CHECK_EQ(run_slot('I', mov_to_pr(9, 1, 0xff, 0x7f)), X_FAULT);
	CHECK_EQ(t_vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(prs(), 1);
	TEST_END();

	TEST_BEGIN("mov pr.rot=imm44 writes p16-p63 only");
	t_reset();
	pr_set(&tc, 5, 1);
	run_slot('I', mov_pr_rot(0, 0x5));
	CHECK_EQ(prs(), 0x50021ULL);
	run_slot('I', mov_pr_rot(1, 0));		/* sign: p43-p63 */
	CHECK_EQ(prs(), 0xfffff80000000021ULL);
	TEST_END();

	TEST_BEGIN("mov pr forms ignore rrb.pr (physical predicates)");
	t_reset();
	tc.cfm |= (uint64_t)1 << 32;			/* rrb.pr = 1 */
	cpu_remap(&tc);
	run_slot('I', mov_pr_rot(0, 0x1));		/* physical p16 */
	CHECK_EQ(pr_get(&tc, 63), 1);			/* logical p63 = physical p16 */
	CHECK_EQ(pr_get(&tc, 16), 0);
	CHECK_EQ(run_r1('I', misc(0x33, F(8, 6)), 8), 0x10001ULL);
	pr_set(&tc, 16, 1);				/* physical p17 */
	CHECK_EQ(run_r1('I', misc(0x33, F(8, 6)), 8), 0x30001ULL);
	setr(9, 0, 0);
	run_slot('I', mov_to_pr(9, 1, 0, 0));		/* clear p16-p63 */
	CHECK_EQ(pr_get(&tc, 16), 0);
	CHECK_EQ(pr_get(&tc, 63), 0);
	TEST_END();

	TEST_BEGIN("mov r=pr, mov r=ip");
	t_reset();
	pr_set(&tc, 63, 1);
	pr_set(&tc, 7, 1);
	CHECK_EQ(run_r1('I', misc(0x33, F(8, 6)), 8), 0x8000000000000081ULL);
	tc.ip = 0xa000000000012340ULL;
	CHECK_EQ(run_r1('I', misc(0x30, F(8, 6)), 8), 0xa000000000012340ULL);
	TEST_END();

	TEST_BEGIN("I-unit AR moves");
	t_reset();
	setr(9, 77, 0);
	CHECK_EQ(run_slot('I', misc(0x2a, F(AR_LC, 20) | F(9, 13))), X_NEXT);
	CHECK_EQ(run_r1('I', misc(0x32, F(AR_LC, 20) | F(8, 6)), 8), 77);
	CHECK_EQ(run_slot('I', misc(0x0a, F(1, 36) | F(AR_EC, 20) | F(0x7f, 13))), X_NEXT);
	CHECK_EQ(run_r1('I', misc(0x32, F(AR_EC, 20) | F(8, 6)), 8), 0x3f);	/* 6-bit ec */
	CHECK_EQ(run_slot('I', misc(0x0a, F(AR_LC, 20) | F(5, 13))), X_NEXT);
	CHECK_EQ(run_r1('I', misc(0x32, F(AR_LC, 20) | F(8, 6)), 8), 5);
	CHECK_EQ(run_slot('I', misc(0x2a, F(AR_K0, 20) | F(9, 13))), X_FAULT);	/* M-only */
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	setr(9, 1, 1);
	CHECK_EQ(run_slot('I', misc(0x2a, F(AR_LC, 20) | F(9, 13))), X_FAULT);
	CHECK_EQ(t_vector, IVT_NAT_CONSUMPTION);
	TEST_END();

	TEST_BEGIN("chk.s.i branches only on a NaT");
	t_reset();
	tc.ip = 0x10000;
	tc.slot = 1;
	setr(9, 0, 0);
	CHECK_EQ(run_slot('I', chk_s_i(9, -3)), X_NEXT);
	CHECK_EQ(tc.ip, 0x10000);
	setr(9, 0, 1);
	CHECK_EQ(run_slot('I', chk_s_i(9, -3)), X_JUMP);
	CHECK_EQ(tc.ip, 0x10000 - 0x30);
	CHECK_EQ(tc.slot, 0);
	CHECK_EQ(run_slot('I', chk_s_i(9, 0x7ffff)), X_JUMP);
	CHECK_EQ(tc.ip, 0x10000 - 0x30 + 0x7ffff0);
	TEST_END();

	TEST_BEGIN("reserved misc encodings");
	CHECK_EQ(run_slot('I', F(5, 33)), X_FAULT);
	CHECK_EQ(run_slot('I', misc(0x20, 0)), X_FAULT);
	CHECK_EQ(t_vector, IVT_GENERAL_EXCEPTION);
	TEST_END();

	return test_report();
}
