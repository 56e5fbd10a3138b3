/* SPDX-License-Identifier: MIT */
/*
 * Semaphores against the SDM (Vol. 3 cmpxchg, xchg, fetchadd): compare
 * with the zero-extended value against all 64 bits of ar.ccv, the failed
 * compare leaving memory alone, the eight fetchadd increments and size
 * wrap-around, the alignment and NaT faults, and the unimplemented
 * 16-byte forms.
 */
#include <stdio.h>
#include <string.h>

#include "insn.h"
#include "test/harness.h"
#include "test_mem_ops_util.h"

#define A	(FAKE_BASE + 0x200)

/* M16: op 4, m = 0, x = 1. */
static uint64_t sema(unsigned x6, unsigned r1, unsigned r3, unsigned r2)
{
	return enc_m(4, 0, x6, 0, 1, r3, r2, r1);
}

/* M17 fetchadd: inc3 = s{15} i2b{14:13}. */
static uint64_t fetchadd(unsigned x6, unsigned r1, unsigned r3, int inc)
{
	unsigned s = inc < 0, mag = (unsigned)(inc < 0 ? -inc : inc);
	unsigned i2b = mag == 16 ? 0 : mag == 8 ? 1 : mag == 4 ? 2 : 3;

	return enc_m(4, 0, x6, 0, 1, r3, (s << 2) | i2b, r1);
}

int main(void)
{
	static const int incs[8] = { -16, -8, -4, -1, 1, 4, 8, 16 };
	struct cpu c;
	unsigned i;

	TEST_BEGIN("cmpxchg8.acq succeeds when memory equals ar.ccv");
	fake_reset(&c);
	poke(A, 8, 0x1111);
	c.ar[AR_CCV] = 0x1111;
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 0x2222, false);
	CHECK_EQ(run_m(&c, sema(0x03, 8, 2, 3)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), 0x1111);
	CHECK_EQ(peek(A, 8), 0x2222);
	TEST_END();

	TEST_BEGIN("cmpxchg4.rel fails: memory unchanged, r1 = old value");
	fake_reset(&c);
	poke(A, 8, 0xaaaaaaaa00000005ULL);
	c.ar[AR_CCV] = 6;
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 0x77, false);
	CHECK_EQ(run_m(&c, sema(0x06, 8, 2, 3)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), 5);
	CHECK_EQ(peek(A, 8), 0xaaaaaaaa00000005ULL);
	TEST_END();

	TEST_BEGIN("cmpxchg1 compares the zero-extended byte with all of ar.ccv");
	fake_reset(&c);
	poke(A, 1, 0x80);
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 0x1ff, false);
	c.ar[AR_CCV] = 0xffffffffffffff80ULL;	/* low byte equal, upper bits not */
	CHECK_EQ(run_m(&c, sema(0x00, 8, 2, 3)), X_NEXT);
	CHECK_EQ(peek(A, 1), 0x80);
	CHECK_EQ(gr_get(&c, 8), 0x80);
	c.ar[AR_CCV] = 0x80;
	CHECK_EQ(run_m(&c, sema(0x00, 8, 2, 3)), X_NEXT);
	CHECK_EQ(peek(A, 2), 0x00ff);		/* only one byte stored */
	TEST_END();

	TEST_BEGIN("xchg2 swaps, r1 zero-extended");
	fake_reset(&c);
	poke(A, 4, 0x5555fffe);
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 0x123456789abcULL, false);
	CHECK_EQ(run_m(&c, sema(0x09, 8, 2, 3)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), 0xfffe);
	CHECK_EQ(peek(A, 4), 0x55559abc);
	TEST_END();

	TEST_BEGIN("fetchadd4/8 with every allowed increment");
	for (i = 0; i < 8; i++) {
		fake_reset(&c);
		poke(A, 8, 1000);
		gr_set(&c, 2, A, false);
		CHECK_EQ(run_m(&c, fetchadd(0x12, 8, 2, incs[i])), X_NEXT);
		CHECK_EQ(gr_get(&c, 8), 1000);
		CHECK_EQ(peek(A, 8), (uint64_t)(1000 + incs[i]));
		CHECK_EQ(run_m(&c, fetchadd(0x17, 9, 2, incs[i])), X_NEXT);
		CHECK_EQ(gr_get(&c, 9), (uint64_t)(1000 + incs[i]));
		CHECK_EQ(peek(A, 8), (uint64_t)(1000 + 2 * incs[i]));
	}
	TEST_END();

	TEST_BEGIN("fetchadd4 wraps within 32 bits");
	fake_reset(&c);
	poke(A, 8, 0x00000007ffffffffULL);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, fetchadd(0x16, 8, 2, 1)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), 0xffffffffULL);
	CHECK_EQ(peek(A, 8), 0x0000000700000000ULL);
	poke(A, 4, 0);
	CHECK_EQ(run_m(&c, fetchadd(0x12, 8, 2, -1)), X_NEXT);
	CHECK_EQ(peek(A, 8), 0x00000007ffffffffULL);
	TEST_END();

	TEST_BEGIN("unaligned semaphore: Unaligned Reference, nothing written");
	fake_reset(&c);
	poke(A, 8, 0);
	gr_set(&c, 2, A + 2, false);
	gr_set(&c, 3, ~0ULL, false);
	CHECK_EQ(run_m(&c, sema(0x0a, 8, 2, 3)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_UNALIGNED);
	CHECK_EQ(last_fault.ifa, A + 2);
	CHECK_EQ(peek(A, 8), 0);
	TEST_END();

	TEST_BEGIN("NaT address or NaT value: NaT Consumption");
	fake_reset(&c);
	gr_set(&c, 2, A, true);
	CHECK_EQ(run_m(&c, fetchadd(0x13, 8, 2, 1)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(last_fault.isr & (ISR_R | ISR_W), ISR_R | ISR_W);
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 1, true);
	CHECK_EQ(run_m(&c, sema(0x0b, 8, 2, 3)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	TEST_END();

	TEST_BEGIN("semaphore to an unmapped page faults with r and w");
	fake_reset(&c);
	gr_set(&c, 2, 0x7000000ULL, false);
	CHECK_EQ(run_m(&c, sema(0x0b, 8, 2, 3)), X_FAULT);
	CHECK_EQ(last_fault.isr & (ISR_R | ISR_W), ISR_R | ISR_W);
	TEST_END();

	TEST_BEGIN("ld16/st16/cmp8xchg16 are not implemented: Illegal Operation");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, sema(0x28, 8, 2, 0)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(run_m(&c, sema(0x30, 0, 2, 3)), X_FAULT);
	CHECK_EQ(run_m(&c, sema(0x20, 8, 2, 3)), X_FAULT);
	CHECK_EQ(nfaults, 3);
	TEST_END();

	TEST_BEGIN("cmpxchg to r0: Illegal Operation, memory untouched");
	fake_reset(&c);
	poke(A, 8, 4);
	c.ar[AR_CCV] = 4;
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 5, false);
	CHECK_EQ(run_m(&c, sema(0x03, 0, 2, 3)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(peek(A, 8), 4);
	TEST_END();
	return test_report();
}
