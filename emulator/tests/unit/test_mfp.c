/* SPDX-License-Identifier: MIT */
/*
 * FP-register memory and transfer instructions against the SDM (Vol. 1
 * 5.1.3 memory <-> register translation, Vol. 3 ldf/ldfp/stf/setf/getf/
 * lfetch): the formats single, double, integer (ldf8), extended and spill,
 * pairs with their implied post-increment and odd/even rule, NaTVal
 * deferral and consumption, psr.dfl/dfh, and lfetch's (non-)faulting.
 * Expected register images are written from the architected formats:
 * bias 0xffff, explicit integer bit, integers at exponent 0x1003e.
 */
#include <stdio.h>
#include <string.h>

#include "fpreg.h"
#include "insn.h"
#include "test/harness.h"
#include "test_mem_ops_util.h"

#define A	(FAKE_BASE + 0x400)
#define UNMAPPED 0x9000000ULL
#define BIT63	(1ULL << 63)

static uint64_t ldf(unsigned x6, unsigned f1, unsigned r3) { return enc_m(6, 0, x6, 0, 0, r3, 0, f1); }
static uint64_t stf(unsigned x6, unsigned r3, unsigned f2) { return enc_m(6, 0, x6, 0, 0, r3, f2, 0); }
static uint64_t ldfp(unsigned x6, unsigned f1, unsigned f2, unsigned r3, unsigned m) { return enc_m(6, m, x6, 0, 1, r3, f2, f1); }
static uint64_t setf(unsigned x6, unsigned f1, unsigned r2) { return enc_m(6, 0, x6, 0, 1, 0, r2, f1); }
static uint64_t getf(unsigned x6, unsigned r1, unsigned f2) { return enc_m(4, 0, x6, 0, 1, 0, f2, r1); }

static bool fr_is(const struct cpu *c, unsigned f, uint32_t sign, uint32_t exp, uint64_t sig)
{
	struct fp82 v = fr_get(c, f);

	if (v.sign != sign || v.exp != exp || v.sig != sig)
		printf("  f%u = { sign %u, exp %#x, sig %#llx }\n", f, v.sign, v.exp,
		       (unsigned long long)v.sig);
	return v.sign == sign && v.exp == exp && v.sig == sig;
}

static void fr_put(struct cpu *c, unsigned f, uint32_t sign, uint32_t exp, uint64_t sig)
{
	struct fp82 v = { sig, exp, sign };

	fr_set(c, f, v);
}

int main(void)
{
	struct cpu c;

	TEST_BEGIN("ldfs/ldfd/ldf8/ldfe widen into the register format");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	poke(A, 4, 0x3f800000);					/* 1.0f */
	CHECK_EQ(run_m(&c, ldf(0x02, 8, 2)), X_NEXT);
	CHECK(fr_is(&c, 8, 0, 0xffff, BIT63));
	poke(A, 8, 0xc000000000000000ULL);			/* -2.0 */
	CHECK_EQ(run_m(&c, ldf(0x03, 9, 2)), X_NEXT);
	CHECK(fr_is(&c, 9, 1, 0x10000, BIT63));
	poke(A, 8, 0x1234);
	CHECK_EQ(run_m(&c, ldf(0x01, 10, 2)), X_NEXT);		/* ldf8: integer */
	CHECK(fr_is(&c, 10, 0, 0x1003e, 0x1234));
	poke(A, 8, BIT63);					/* 80-bit 1.0 */
	poke(A + 8, 2, 0x3fff);
	CHECK_EQ(run_m(&c, ldf(0x00, 11, 2)), X_NEXT);
	CHECK(fr_is(&c, 11, 0, 0xffff, BIT63));
	CHECK(c.psr & PSR_MFL);
	TEST_END();

	TEST_BEGIN("stfs/stfd/stf8/stfe narrow from the register format");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	fr_put(&c, 8, 0, 0xffff, BIT63);			/* 1.0 */
	poke(A, 8, ~0ULL);
	CHECK_EQ(run_m(&c, stf(0x32, 2, 8)), X_NEXT);
	CHECK_EQ(peek(A, 8), 0xffffffff3f800000ULL);
	CHECK_EQ(run_m(&c, stf(0x33, 2, 8)), X_NEXT);
	CHECK_EQ(peek(A, 8), 0x3ff0000000000000ULL);
	CHECK_EQ(run_m(&c, stf(0x31, 2, 8)), X_NEXT);
	CHECK_EQ(peek(A, 8), BIT63);
	poke(A + 8, 8, ~0ULL);
	CHECK_EQ(run_m(&c, stf(0x30, 2, 8)), X_NEXT);
	CHECK_EQ(peek(A, 8), BIT63);
	CHECK_EQ(peek(A + 8, 8), 0xffffffffffff3fffULL);	/* 10 bytes only */
	TEST_END();

	TEST_BEGIN("stf.spill/ldf.fill: 16-byte image, NaTVal survives");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	fr_put(&c, 40, 1, 0x1003e, 0x8000000000000001ULL);
	CHECK_EQ(run_m(&c, stf(0x3b, 2, 40)), X_NEXT);
	CHECK_EQ(peek(A, 8), 0x8000000000000001ULL);
	CHECK_EQ(peek(A + 8, 8), 0x3003eULL);			/* sign bit 17, exp 16:0 */
	CHECK_EQ(run_m(&c, ldf(0x1b, 41, 2)), X_NEXT);
	CHECK(fr_is(&c, 41, 1, 0x1003e, 0x8000000000000001ULL));
	fr_set(&c, 42, FP82_NATVAL);
	CHECK_EQ(run_m(&c, stf(0x3b, 2, 42)), X_NEXT);
	CHECK_EQ(peek(A, 8), 0);
	CHECK_EQ(peek(A + 8, 8), 0x1fffeULL);
	CHECK_EQ(run_m(&c, ldf(0x1b, 43, 2)), X_NEXT);
	CHECK(fp82_is_natval(fr_get(&c, 43)));
	CHECK(c.psr & PSR_MFH);
	gr_set(&c, 2, A + 8, false);
	CHECK_EQ(run_m(&c, ldf(0x1b, 43, 2)), X_FAULT);		/* fill needs 16-byte alignment */
	CHECK_EQ(last_fault.vector, IVT_UNALIGNED);
	TEST_END();

	TEST_BEGIN("storing a NaTVal (not spill) is NaT Consumption");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	poke(A, 8, 5);
	fr_set(&c, 8, FP82_NATVAL);
	CHECK_EQ(run_m(&c, stf(0x33, 2, 8)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(peek(A, 8), 5);
	TEST_END();

	TEST_BEGIN("ldfps/ldfpd pairs and their implied post-increment");
	fake_reset(&c);
	gr_set(&c, 32, A, false);
	poke(A, 4, 0x3f800000);
	poke(A + 4, 4, 0x40000000);				/* 2.0f */
	CHECK_EQ(run_m(&c, ldfp(0x02, 8, 9, 32, 1)), X_NEXT);
	CHECK(fr_is(&c, 8, 0, 0xffff, BIT63));
	CHECK(fr_is(&c, 9, 0, 0x10000, BIT63));
	CHECK_EQ(gr_get(&c, 32), A + 8);
	gr_set(&c, 32, A, false);
	poke(A, 8, 0x3ff0000000000000ULL);
	poke(A + 8, 8, 0xc008000000000000ULL);			/* -3.0 */
	CHECK_EQ(run_m(&c, ldfp(0x03, 7, 10, 32, 1)), X_NEXT);
	CHECK(fr_is(&c, 7, 0, 0xffff, BIT63));
	CHECK(fr_is(&c, 10, 1, 0x10000, 0xc000000000000000ULL));
	CHECK_EQ(gr_get(&c, 32), A + 16);
	TEST_END();

	TEST_BEGIN("ldfp with both targets even (or odd): Illegal Operation");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, ldfp(0x03, 8, 10, 2, 0)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(run_m(&c, ldfp(0x03, 9, 9, 2, 0)), X_FAULT);	/* same register */
	TEST_END();

	TEST_BEGIN("ldf.s defers to NaTVal, ldf faults, ldf.c reloads");
	fake_reset(&c);
	gr_set(&c, 2, UNMAPPED, false);
	CHECK_EQ(run_m(&c, ldf(0x06, 8, 2)), X_NEXT);		/* ldfs.s */
	CHECK(fp82_is_natval(fr_get(&c, 8)));
	CHECK_EQ(run_m(&c, ldfp(0x07, 8, 9, 2, 0)), X_NEXT);	/* ldfpd.s */
	CHECK(fp82_is_natval(fr_get(&c, 9)));
	CHECK_EQ(nfaults, 0);
	CHECK_EQ(run_m(&c, ldf(0x02, 8, 2)), X_FAULT);
	gr_set(&c, 2, A, false);
	poke(A, 4, 0x3f800000);
	CHECK_EQ(run_m(&c, ldf(0x22, 12, 2)), X_NEXT);		/* ldfs.c.clr */
	CHECK(fr_is(&c, 12, 0, 0xffff, BIT63));
	CHECK_EQ(c.counters[CNT_ALAT_MISS], 1);
	TEST_END();

	TEST_BEGIN("setf/getf sig, exp, s, d");
	fake_reset(&c);
	gr_set(&c, 8, 0x55, false);
	CHECK_EQ(run_m(&c, setf(0x1c, 20, 8)), X_NEXT);
	CHECK(fr_is(&c, 20, 0, 0x1003e, 0x55));
	CHECK_EQ(run_m(&c, getf(0x1c, 9, 20)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x55);
	gr_set(&c, 8, 0x2ffff, false);				/* sign 1, exp 0xffff */
	CHECK_EQ(run_m(&c, setf(0x1d, 21, 8)), X_NEXT);
	CHECK(fr_is(&c, 21, 1, 0xffff, BIT63));
	CHECK_EQ(run_m(&c, getf(0x1d, 9, 21)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x2ffff);
	gr_set(&c, 8, 0xffffffff3f800000ULL, false);		/* setf.s uses bits 31:0 */
	CHECK_EQ(run_m(&c, setf(0x1e, 22, 8)), X_NEXT);
	CHECK(fr_is(&c, 22, 0, 0xffff, BIT63));
	CHECK_EQ(run_m(&c, getf(0x1e, 9, 22)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x3f800000);
	gr_set(&c, 8, 0xc000000000000000ULL, false);
	CHECK_EQ(run_m(&c, setf(0x1f, 23, 8)), X_NEXT);
	CHECK(fr_is(&c, 23, 1, 0x10000, BIT63));
	CHECK_EQ(run_m(&c, getf(0x1f, 9, 23)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0xc000000000000000ULL);
	TEST_END();

	TEST_BEGIN("setf of a NaT gives NaTVal; getf of NaTVal gives NaT");
	fake_reset(&c);
	gr_set(&c, 8, 7, true);
	CHECK_EQ(run_m(&c, setf(0x1c, 20, 8)), X_NEXT);
	CHECK(fp82_is_natval(fr_get(&c, 20)));
	CHECK_EQ(run_m(&c, getf(0x1d, 9, 20)), X_NEXT);	/* getf.exp: NaTVal's exponent */
	CHECK(gr_nat(&c, 9));
	CHECK_EQ(gr_get(&c, 9), FP82_EXP_NATVAL);
	CHECK_EQ(run_m(&c, getf(0x1c, 10, 20)), X_NEXT);	/* getf.sig: its significand */
	CHECK(gr_nat(&c, 10));
	CHECK_EQ(gr_get(&c, 10), 0);
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("psr.dfl/dfh: Disabled FP-Register fault, ISR.code names the half");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	c.psr |= PSR_DFH;
	CHECK_EQ(run_m(&c, ldf(0x02, 40, 2)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_DISABLED_FP);
	CHECK_EQ(last_fault.isr & 3, 2);
	CHECK_EQ(run_m(&c, ldf(0x02, 8, 2)), X_NEXT);		/* low half still on */
	c.psr = (c.psr & ~PSR_DFH) | PSR_DFL;
	CHECK_EQ(run_m(&c, getf(0x1c, 9, 8)), X_FAULT);
	CHECK_EQ(last_fault.isr & 3, 1);
	CHECK_EQ(run_m(&c, getf(0x1c, 9, 1)), X_NEXT);		/* f0/f1 never disabled */
	CHECK_EQ(gr_get(&c, 9), BIT63);
	TEST_END();

	TEST_BEGIN("ldf/setf to f0 or f1: Illegal Operation");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, ldf(0x02, 1, 2)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(run_m(&c, setf(0x1c, 0, 8)), X_FAULT);
	CHECK(fr_is(&c, 1, 0, 0xffff, BIT63));
	TEST_END();

	TEST_BEGIN("lfetch never faults; lfetch.fault does; both post-increment");
	fake_reset(&c);
	gr_set(&c, 32, UNMAPPED, false);
	gr_set(&c, 33, 64, false);
	CHECK_EQ(run_m(&c, enc_m(6, 1, 0x2c, 0, 0, 32, 33, 0)), X_NEXT);	/* lfetch [r32],r33 */
	CHECK_EQ(gr_get(&c, 32), UNMAPPED + 64);
	gr_set(&c, 32, UNMAPPED, true);
	CHECK_EQ(run_m(&c, enc_m(6, 0, 0x2d, 0, 0, 32, 0, 0)), X_NEXT);	/* NaT base: no-op */
	CHECK_EQ(nfaults, 0);
	gr_set(&c, 32, UNMAPPED, false);
	CHECK_EQ(run_m(&c, enc_m(6, 0, 0x2e, 0, 0, 32, 0, 0)), X_FAULT);	/* lfetch.fault */
	CHECK(last_fault.isr & ISR_NA);
	CHECK_EQ(last_fault.isr & 0xf, ISR_NA_LFETCH);
	c.psr |= PSR_ED;	/* the OS gave up on this prefetch: skip it */
	CHECK_EQ(run_m(&c, enc_ld_imm(0x2e, 0, 32, 16, true)), X_NEXT);
	CHECK_EQ(gr_get(&c, 32), UNMAPPED + 16);
	CHECK_EQ(nfaults, 1);			/* only the fault above */
	c.psr &= ~PSR_ED;
	gr_set(&c, 32, A, false);
	nfaults = 0;
	CHECK_EQ(run_m(&c, enc_ld_imm(0x2f, 0, 32, -8, true)), X_NEXT);	/* lfetch.fault.excl [r32],-8 */
	CHECK_EQ(gr_get(&c, 32), A - 8);
	CHECK_EQ(nfaults, 0);
	TEST_END();
	return test_report();
}
