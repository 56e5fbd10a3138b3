/* SPDX-License-Identifier: MIT */
/*
 * M-unit system instructions through decode_m() (SDM Vol. 3 encodings
 * M20-M48): break/nop/hint, the user and system masks, mov cr/rr/psr/
 * cpuid, the privilege-before-NaT ordering of privileged moves, chk.s
 * branching on NaT/NaTVal, non-access instructions with NaT addresses,
 * thash's NaT propagation and alloc's operands.
 */
#include <stdio.h>
#include <string.h>

#include "ia64/mmu.h"
#include "insn.h"
#include "test/harness.h"
#include "test_mem_ops_util.h"

static uint64_t op0(unsigned x2, unsigned x4) { return ((uint64_t)x2 << 31) | ((uint64_t)x4 << 27); }
static uint64_t op1(unsigned x6, unsigned r1, unsigned r2, unsigned r3)
{
	return (1ULL << 37) | ((uint64_t)x6 << 27) | ((uint64_t)r3 << 20) | ((uint64_t)r2 << 13) | ((uint64_t)r1 << 6);
}

static uint64_t imm21(unsigned x4, uint64_t imm, unsigned y)
{
	return ((imm >> 20 & 1) << 36) | op0(0, x4) | ((uint64_t)y << 26) | ((imm & 0xfffff) << 6);
}

static uint64_t imm24(unsigned x4, uint64_t imm)
{
	return ((imm >> 23 & 1) << 36) | ((imm >> 21 & 3) << 31) | ((uint64_t)x4 << 27) | ((imm & 0x1fffff) << 6);
}

/* chk.s.m (x3 = 1) / chk.s fp (x3 = 3): s{36} imm13c{32:20} r2 imm7a{12:6}. */
static uint64_t chk_s(unsigned x3, unsigned r2, int64_t bundles)
{
	uint64_t u = (uint64_t)bundles & 0x1fffff;

	return (1ULL << 37) | ((u >> 20) << 36) | ((uint64_t)x3 << 33) | (((u >> 7) & 0x1fff) << 20) |
	       ((uint64_t)r2 << 13) | ((u & 0x7f) << 6);
}

static unsigned gex_code(void)
{
	return last_fault.vector == IVT_GENERAL_EXCEPTION ? (unsigned)(last_fault.isr & 0xf0) : 0xfff;
}

static void kernel(struct cpu *c)
{
	c->psr &= ~PSR_CPL;
}

int main(void)
{
	struct cpu c;
	struct insn in;


	TEST_BEGIN("break.m raises Break with the 21-bit immediate in IIM");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, imm21(0, 0x100abc, 0)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_BREAK);
	CHECK_EQ(last_fault.iim, 0x100abc);
	CHECK(last_fault.flags & FF_IIM);
	TEST_END();

	TEST_BEGIN("nop.m / hint.m do nothing");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, imm21(1, 0x1fffff, 0)), X_NEXT);
	CHECK_EQ(run_m(&c, imm21(1, 0, 1)), X_NEXT);
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("sum/rum change the user mask at any CPL; mov r=psr.um reads it");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, imm24(4, PSR_AC)), X_NEXT);
	CHECK(c.psr & PSR_AC);
	CHECK_EQ(run_m(&c, op1(0x21, 8, 0, 0)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), PSR_AC);
	CHECK_EQ(run_m(&c, imm24(5, PSR_AC)), X_NEXT);
	CHECK(!(c.psr & PSR_AC));
	TEST_END();

	TEST_BEGIN("rsm/ssm are privileged; at CPL 0 they clear/set psr.i");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, imm24(7, PSR_I)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_OP);
	kernel(&c);
	CHECK_EQ(run_m(&c, imm24(6, PSR_I)), X_NEXT);
	CHECK(c.psr & PSR_I);
	CHECK_EQ(run_m(&c, imm24(7, PSR_I)), X_NEXT);
	CHECK(!(c.psr & PSR_I));
	decode_m(imm24(6, PSR_I), &in);
	CHECK(in.flags & IF_SERIALIZE);
	TEST_END();

	TEST_BEGIN("mov cr: privileged; round trip of cr.iva at CPL 0");
	fake_reset(&c);
	gr_set(&c, 8, 0x40000, false);
	CHECK_EQ(run_m(&c, op1(0x2c, 0, 8, CR_IVA)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_OP);
	kernel(&c);
	CHECK_EQ(run_m(&c, op1(0x2c, 0, 8, CR_IVA)), X_NEXT);
	CHECK_EQ(run_m(&c, op1(0x24, 9, 0, CR_IVA)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x40000);
	TEST_END();

	TEST_BEGIN("privileged move with a NaT source: privilege first, then NaT");
	fake_reset(&c);
	gr_set(&c, 8, 0, true);
	CHECK_EQ(run_m(&c, op1(0x2d, 0, 8, 0)), X_FAULT);	/* mov psr.l=r8 at CPL 3 */
	CHECK_EQ(gex_code(), GEX_PRIV_OP);
	kernel(&c);
	CHECK_EQ(run_m(&c, op1(0x2d, 0, 8, 0)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(run_m(&c, op1(0x2c, 0, 8, CR_IVA)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	TEST_END();

	TEST_BEGIN("mov rr[r3]=r2 / mov r1=rr[r3] at CPL 0");
	fake_reset(&c);
	kernel(&c);
	gr_set(&c, 2, 0x2000000000001000ULL, false);		/* region 1 */
	gr_set(&c, 3, rr_make(0x100, 14, 1), false);
	CHECK_EQ(run_m(&c, op1(0x00, 0, 3, 2)), X_NEXT);
	CHECK_EQ(run_m(&c, op1(0x10, 9, 0, 2)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), rr_make(0x100, 14, 1));
	TEST_END();

	TEST_BEGIN("mov r1=cpuid[r3] at CPL 3; NaT index faults");
	fake_reset(&c);
	gr_set(&c, 9, 3, false);
	CHECK_EQ(run_m(&c, op1(0x17, 8, 0, 9)), X_NEXT);
	CHECK_EQ((gr_get(&c, 8) >> 24) & 0xff, 0x1f);		/* Itanium 2 family */
	gr_set(&c, 9, 3, true);
	CHECK_EQ(run_m(&c, op1(0x17, 8, 0, 9)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	TEST_END();

	TEST_BEGIN("mov r=psr and tpa are privileged");
	fake_reset(&c);
	CHECK_EQ(run_m(&c, op1(0x25, 8, 0, 0)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_OP);
	CHECK_EQ(run_m(&c, op1(0x1e, 8, 0, 9)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_PRIV_OP);
	TEST_END();

	TEST_BEGIN("chk.s.m branches on a NaT register, falls through otherwise");
	fake_reset(&c);
	c.ip = 0x8000;
	gr_set(&c, 8, 1, false);
	CHECK_EQ(run_m(&c, chk_s(1, 8, 3)), X_NEXT);
	CHECK_EQ(c.ip, 0x8000);
	gr_set(&c, 8, 0, true);
	CHECK_EQ(run_m(&c, chk_s(1, 8, 3)), X_JUMP);
	CHECK_EQ(c.ip, 0x8030);
	CHECK_EQ(run_m(&c, chk_s(1, 8, -0x100000)), X_JUMP);
	CHECK_EQ(c.ip, 0x8030 - 0x1000000);
	TEST_END();

	TEST_BEGIN("chk.s with an FR branches on NaTVal");
	fake_reset(&c);
	c.ip = 0x8000;
	CHECK_EQ(run_m(&c, chk_s(3, 8, 2)), X_NEXT);
	fr_set(&c, 8, FP82_NATVAL);
	CHECK_EQ(run_m(&c, chk_s(3, 8, 2)), X_JUMP);
	CHECK_EQ(c.ip, 0x8020);
	TEST_END();

	TEST_BEGIN("fc / probe.fault with a NaT address: NaT Consumption, ISR.na + code");
	fake_reset(&c);
	gr_set(&c, 8, 0, true);
	CHECK_EQ(run_m(&c, op1(0x30, 0, 0, 8)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK(last_fault.isr & ISR_NA);
	CHECK_EQ(last_fault.isr & 0xf, ISR_NA_FC);
	CHECK_EQ(run_m(&c, op1(0x32, 0, 2, 8)), X_FAULT);
	CHECK_EQ(last_fault.isr & 0xf, ISR_NA_PROBE_FAULT);
	TEST_END();

	TEST_BEGIN("thash of a NaT address gives NaT, no fault");
	fake_reset(&c);
	gr_set(&c, 9, 0, true);
	CHECK_EQ(run_m(&c, op1(0x1a, 8, 0, 9)), X_NEXT);
	CHECK(gr_nat(&c, 8));
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("alloc: sof/sol/sor operands, r1 = old ar.pfs");
	fake_reset(&c);
	c.ar[AR_PFS] = 0x1234;
	/* alloc r34=ar.pfs,2,3,0,0: sof 5, sol 5, sor 0 */
	CHECK_EQ(run_m(&c, (1ULL << 37) | (6ULL << 33) | (5ULL << 20) | (5ULL << 13) | (34 << 6)), X_NEXT);
	CHECK_EQ(CFM_SOF(c.cfm), 5);
	CHECK_EQ(CFM_SOL(c.cfm), 5);
	CHECK_EQ(gr_get(&c, 34), 0x1234);
	/* sor 16 with sof 24, sol 16 */
	CHECK_EQ(run_m(&c, (1ULL << 37) | (6ULL << 33) | (2ULL << 27) | (16ULL << 20) | (24ULL << 13) | (35 << 6)), X_NEXT);
	CHECK_EQ(CFM_SOF(c.cfm), 24);
	CHECK_EQ(CFM_SOR(c.cfm), 2);
	TEST_END();

	TEST_BEGIN("loadrs: illegal only with RSC.mode != 0 or (CFM.sof && RSC.loadrs)");
	fake_reset(&c);				/* sof = 16 */
	c.ar[AR_RSC] = 3;			/* eager: illegal */
	CHECK_EQ(run_m(&c, op0(0, 0xa)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	c.ar[AR_RSC] = 0x10ULL << 16;		/* loadrs 16 bytes with sof != 0 */
	CHECK_EQ(run_m(&c, op0(0, 0xa)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	nfaults = 0;
	c.ar[AR_RSC] = 0;			/* loadrs = 0: legal in any frame */
	CHECK_EQ(run_m(&c, op0(0, 0xa)), X_NEXT);	/* what __builtin_longjmp does */
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("srlz/sync are serializing, mf/fwb plain no-ops");
	decode_m(op0(3, 0), &in);
	CHECK(in.flags & IF_SERIALIZE);
	decode_m(op0(3, 3), &in);
	CHECK(in.flags & IF_SERIALIZE);
	fake_reset(&c);
	CHECK_EQ(run_m(&c, op0(2, 2)), X_NEXT);
	CHECK_EQ(run_m(&c, op0(2, 3)), X_NEXT);
	CHECK_EQ(run_m(&c, op0(3, 1)), X_NEXT);
	TEST_END();

	TEST_BEGIN("mov r0=cr / msr: Illegal Operation");
	fake_reset(&c);
	kernel(&c);
	CHECK_EQ(run_m(&c, op1(0x24, 0, 0, CR_IVA)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);
	CHECK_EQ(run_m(&c, op1(0x16, 8, 0, 9)), X_FAULT);
	CHECK_EQ(gex_code(), GEX_ILLEGAL_OP);

	TEST_END();
	return test_report();
}
