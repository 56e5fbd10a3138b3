/* SPDX-License-Identifier: MIT */
/*
 * Application-register moves against the SDM (Vol. 3 "mov ar", Vol. 1
 * 3.1.8 and Table 3-3): unit split (M: 0-63, I: 64-127), reserved and
 * read-only registers, ignored registers, reserved fields, privilege of
 * ar.k0-k7 and ar.itc, rsc.pl promotion, the RSE-mode rule for
 * bspstore/rnat, the 6-bit ar.ec, and the M-unit move encodings
 * (M29 mov ar=r2, M30 mov ar=imm8, M31 mov r1=ar) through decode_m().
 */
#include <stdio.h>
#include <string.h>

#include "ar.h"
#include "insn.h"
#include "test/harness.h"
#include "test_mem_ops_util.h"

static uint64_t to_ar(unsigned ar, unsigned r2) { return (1ULL << 37) | (0x2aULL << 27) | ((uint64_t)ar << 20) | ((uint64_t)r2 << 13); }
static uint64_t from_ar(unsigned r1, unsigned ar) { return (1ULL << 37) | (0x22ULL << 27) | ((uint64_t)ar << 20) | ((uint64_t)r1 << 6); }
static uint64_t to_ar_imm(unsigned ar, int imm8)
{
	uint64_t u = (uint64_t)imm8 & 0xff;

	return ((u >> 7) << 36) | (2ULL << 31) | (8ULL << 27) | ((uint64_t)ar << 20) | ((u & 0x7f) << 13);
}

static unsigned gex_code(void)
{
	return last_fault.vector == IVT_GENERAL_EXCEPTION ? (unsigned)(last_fault.isr & 0xf0) : 0xfff;
}

int main(void)
{
	struct cpu c;
	uint64_t v;
	unsigned ar;

	TEST_BEGIN("mov.m ar.ccv=r / mov.m r=ar.ccv round trip");
	fake_reset(&c);
	gr_set(&c, 8, 0xdeadbeefcafef00dULL, false);
	CHECK_EQ(run_m(&c, to_ar(AR_CCV, 8)), X_NEXT);
	CHECK_EQ(c.ar[AR_CCV], 0xdeadbeefcafef00dULL);
	gr_set(&c, 9, 0, true);
	CHECK_EQ(run_m(&c, from_ar(9, AR_CCV)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0xdeadbeefcafef00dULL);
	CHECK(!gr_nat(&c, 9));
	TEST_END();

	TEST_BEGIN("mov.m ar=imm8 sign-extends");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, to_ar_imm(AR_UNAT, -128)), X_NEXT);
	CHECK_EQ(c.ar[AR_UNAT], 0xffffffffffffff80ULL);
	CHECK_EQ(run_m(&c, to_ar_imm(AR_CSD, 127)), X_NEXT);
	CHECK_EQ(c.ar[AR_CSD], 127);
	TEST_END();

	TEST_BEGIN("ar.k0-k7: readable at CPL 3, writes need CPL 0");
	fake_reset(&c);
	c.ar[AR_K3] = 0x77;
	CHECK_EQ(run_m(&c, from_ar(8, AR_K3)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), 0x77);
	CHECK_EQ(run_m(&c, to_ar(AR_K3, 9)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_REG);
	CHECK_EQ(c.ar[AR_K3], 0x77);
	c.psr &= ~PSR_CPL;
	gr_set(&c, 9, 0x88, false);
	CHECK_EQ(run_m(&c, to_ar(AR_K3, 9)), X_NEXT);
	CHECK_EQ(c.ar[AR_K3], 0x88);
	TEST_END();

	TEST_BEGIN("reserved ARs and I-unit ARs from the M unit: Illegal Operation");
	fake_reset(&c);
	{
		static const unsigned rsvd[] = { 8, 15, 20, 22, 23, 31, 33, 35, 37, 39, 41, 43, 46, 47,
						 AR_PFS, AR_LC, AR_EC, 100, 127 };
		unsigned i;

		for (i = 0; i < sizeof(rsvd) / sizeof(rsvd[0]); i++) {
			nfaults = 0;
			CHECK_EQ(run_m(&c, to_ar(rsvd[i], 8)), X_FAULT);
			CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
			CHECK_EQ(run_m(&c, from_ar(8, rsvd[i])), X_FAULT);
			CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
			CHECK_EQ(nfaults, 2);
		}
	}
	TEST_END();

	TEST_BEGIN("the I unit owns 64-111 and ignores 112-127, not 0-63");
	fake_reset(&c);
	CHECK_EQ(ar_write(&c, AR_LC, true, 99), X_NEXT);
	CHECK_EQ(c.ar[AR_LC], 99);
	CHECK_EQ(ar_write(&c, AR_CCV, true, 1), X_FAULT);
	CHECK_EQ(ar_write(&c, 80, true, 1), X_FAULT);
	CHECK_EQ(ar_write(&c, 120, true, 1), X_NEXT);
	CHECK_EQ(ar_read(&c, 120, true, &v), X_NEXT);
	CHECK_EQ(v, 0);
	TEST_END();

	TEST_BEGIN("ignored ARs 48-63: read 0, writes dropped");
	fake_reset(&c);
	for (ar = 48; ar < 64; ar++) {
		gr_set(&c, 8, ~0ULL, false);
		CHECK_EQ(run_m(&c, to_ar(ar, 8)), X_NEXT);
		CHECK_EQ(run_m(&c, from_ar(9, ar)), X_NEXT);
		CHECK_EQ(gr_get(&c, 9), 0);
	}
	TEST_END();

	TEST_BEGIN("ar.bsp is read-only");
	fake_reset(&c);
	c.ar[AR_BSP] = 0x1000;
	CHECK_EQ(run_m(&c, to_ar(AR_BSP, 8)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	CHECK_EQ(run_m(&c, from_ar(9, AR_BSP)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x1000);
	TEST_END();

	TEST_BEGIN("bspstore/rnat need RSC.mode = 0 (enforced lazy)");
	fake_reset(&c);
	c.ar[AR_RSC] = 3;
	CHECK_EQ(run_m(&c, to_ar(AR_BSPSTORE, 8)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	CHECK_EQ(run_m(&c, from_ar(9, AR_RNAT)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	c.ar[AR_RSC] = 0;
	gr_set(&c, 8, 0x2000, false);
	CHECK_EQ(run_m(&c, to_ar(AR_BSPSTORE, 8)), X_NEXT);
	CHECK_EQ(run_m(&c, from_ar(9, AR_BSPSTORE)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x2000);
	TEST_END();

	TEST_BEGIN("rsc: reserved fields fault, pl is never promoted above CPL");
	fake_reset(&c);				/* CPL 3 */
	gr_set(&c, 8, 1ULL << 5, false);	/* bit 5 is reserved */
	CHECK_EQ(run_m(&c, to_ar(AR_RSC, 8)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_RSVD_REG_FIELD);
	gr_set(&c, 8, 0x3, false);		/* mode 3, pl 0 */
	CHECK_EQ(run_m(&c, to_ar(AR_RSC, 8)), X_NEXT);
	CHECK_EQ(RSC_PL(c.ar[AR_RSC]), 3);
	CHECK_EQ(RSC_MODE(c.ar[AR_RSC]), 3);
	TEST_END();

	TEST_BEGIN("fpsr bits 63:58 are reserved");
	fake_reset(&c);
	gr_set(&c, 8, FPSR_DEFAULT | (1ULL << 60), false);
	CHECK_EQ(run_m(&c, to_ar(AR_FPSR, 8)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_RSVD_REG_FIELD);
	gr_set(&c, 8, FPSR_DEFAULT, false);
	CHECK_EQ(run_m(&c, to_ar(AR_FPSR, 8)), X_NEXT);
	CHECK_EQ(c.ar[AR_FPSR], FPSR_DEFAULT);
	TEST_END();

	TEST_BEGIN("itc: writes privileged, reads privileged only with psr.si");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, to_ar(AR_ITC, 8)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_REG);
	CHECK_EQ(run_m(&c, from_ar(9, AR_ITC)), X_NEXT);
	c.psr |= PSR_SI;
	CHECK_EQ(run_m(&c, from_ar(9, AR_ITC)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_REG);
	TEST_END();

	TEST_BEGIN("NaT source: after the illegal checks, before field/privilege");
	fake_reset(&c);
	gr_set(&c, 8, 1ULL << 60, true);
	CHECK_EQ(run_m(&c, to_ar(AR_FPSR, 8)), X_FAULT);	/* not a field fault */
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(run_m(&c, to_ar(AR_K0, 8)), X_FAULT);		/* not privileged register */
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(run_m(&c, to_ar(AR_BSP, 8)), X_FAULT);		/* read-only wins */
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	TEST_END();

	TEST_BEGIN("ar.ec keeps 6 bits, pfs drops its reserved fields");
	fake_reset(&c);
	CHECK_EQ(ar_write(&c, AR_EC, true, 0xffc5), X_NEXT);
	CHECK_EQ(ar_read(&c, AR_EC, true, &v), X_NEXT);
	CHECK_EQ(v, 0x05);
	CHECK_EQ(ar_write(&c, AR_PFS, true, ~0ULL), X_NEXT);
	CHECK_EQ(ar_read(&c, AR_PFS, true, &v), X_NEXT);
	CHECK_EQ(v, 0xc3f0003fffffffffULL);
	TEST_END();

	TEST_BEGIN("mov r0=ar: Illegal Operation");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, from_ar(0, AR_CCV)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	TEST_END();
	return test_report();
}
