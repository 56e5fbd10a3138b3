/* SPDX-License-Identifier: MIT */
/*
 * The zero-entry ALAT (SDM Vol. 1 4.4.5.3 leaves the size to the
 * implementation): chk.a always branches to its recovery code (IP-relative
 * imm21 * 16 from the bundle), ld.c/ldf.c always reload, invala and
 * invala.e change nothing, and every recovery is counted.
 */
#include <stdio.h>
#include <string.h>

#include "insn.h"
#include "test/harness.h"
#include "test_mem_ops_util.h"

/* M22/M23: op 0, x3 = 4..7, s{36} imm20b{32:13}, r1{12:6}. */
static uint64_t chk_a(unsigned x3, unsigned r1, int64_t bundles)
{
	uint64_t u = (uint64_t)bundles & 0x1fffff;

	return ((uint64_t)(u >> 20) << 36) | ((uint64_t)x3 << 33) |
	       ((u & 0xfffff) << 13) | ((uint64_t)r1 << 6);
}

int main(void)
{
	struct cpu c;
	struct insn in;
	unsigned x3;

	TEST_BEGIN("chk.a.nc/.clr (GR and FR) always branch forward and back");
	for (x3 = 4; x3 <= 7; x3++) {
		fake_reset(&c);
		c.ip = 0x10000;
		c.slot = 2;
		CHECK_EQ(run_m(&c, chk_a(x3, 8, 5)), X_JUMP);
		CHECK_EQ(c.ip, 0x10000 + 5 * 16);
		CHECK_EQ(c.slot, 0);
		CHECK_EQ(run_m(&c, chk_a(x3, 8, -0x100000)), X_JUMP);
		CHECK_EQ(c.ip, 0x10000 + 5 * 16 - 0x1000000);
		CHECK_EQ(c.counters[CNT_ALAT_MISS], 2);
	}
	TEST_END();

	TEST_BEGIN("chk.a is marked as a branch for the slot loop");
	decode_m(chk_a(5, 8, 1), &in);
	CHECK(in.flags & IF_BRANCH);
	TEST_END();

	TEST_BEGIN("invala / invala.e leave registers and memory alone");
	fake_reset(&c);
	gr_set(&c, 8, 0x1234, true);
	CHECK_EQ(run_m(&c, (1ULL << 31) | (0ULL << 27)), X_NEXT);		/* invala */
	CHECK_EQ(run_m(&c, (1ULL << 31) | (2ULL << 27) | (8 << 6)), X_NEXT);	/* invala.e r8 */
	CHECK_EQ(run_m(&c, (1ULL << 31) | (3ULL << 27) | (8 << 6)), X_NEXT);	/* invala.e f8 */
	CHECK_EQ(gr_get(&c, 8), 0x1234);
	CHECK(gr_nat(&c, 8));
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("ld.a then ld.c.nc: the check reloads the new value");
	fake_reset(&c);
	poke(FAKE_BASE, 4, 10);
	gr_set(&c, 2, FAKE_BASE, false);
	CHECK_EQ(run_m(&c, enc_m(4, 0, 0x0a, 0, 0, 2, 0, 8)), X_NEXT);	/* ld4.a */
	poke(FAKE_BASE, 4, 11);		/* a store the ALAT would have seen */
	CHECK_EQ(run_m(&c, enc_m(4, 0, 0x26, 0, 0, 2, 0, 8)), X_NEXT);	/* ld4.c.nc */
	CHECK_EQ(gr_get(&c, 8), 11);
	CHECK_EQ(c.counters[CNT_ALAT_MISS], 1);
	TEST_END();
	return test_report();
}
