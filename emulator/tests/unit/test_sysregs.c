/* SPDX-License-Identifier: MIT */
/*
 * System register tests: privilege and reserved-register/field checks of
 * mov cr/rr/psr, rsm/ssm/sum/rum, cpuid and the other indirect files,
 * rfi (PSR, ri, bank, frame), bsw, epc promotion, fc and the LSAPIC
 * routing of the interrupt-controller CRs.
 */
#include <string.h>

#include "test/harness.h"
#include "test_mmu_util.h"
#include "dcache.h"
#include "lsapic.h"
#include "rse.h"

#define GE	(T_IVA + 0x5400)

/* Run expr with PSR = saved_psr, expect a General Exception with
 * ISR.code{7:4} = code, then restore the PSR. */
#define CHECK_GE(expr, code) do {					\
	c->psr = saved_psr;						\
	c->ip = 0x1000;							\
	CHECK_EQ((expr), X_FAULT);					\
	CHECK_EQ(c->ip, GE);						\
	CHECK_EQ(c->cr[CR_ISR] & 0xf0, (code));				\
	c->psr = saved_psr;						\
} while (0)

static void test_cr(void)
{
	struct cpu *c = t_cpu();
	uint64_t v, saved_psr = PSR_IC;

	TEST_BEGIN("mov cr: privilege, reserved CRs, ic rule, reserved fields");
	c->psr = saved_psr;
	CHECK_EQ(sys_mov_to_cr(c, CR_DCR, DCR_DP | DCR_DM | DCR_LC), X_NEXT);
	CHECK_EQ(sys_mov_from_cr(c, CR_DCR, &v), X_NEXT);
	CHECK_EQ(v, 0x304);
	CHECK_GE(sys_mov_to_cr(c, CR_DCR, 1ULL << 3), GEX_RSVD_REG_FIELD);
	CHECK_GE(sys_mov_to_cr(c, 3, 0), GEX_ILLEGAL_OP);	/* reserved cr3 */
	CHECK_GE(sys_mov_from_cr(c, 18, &v), GEX_ILLEGAL_OP);	/* reserved cr18 */
	CHECK_GE(sys_mov_to_cr(c, CR_IVR, 0), GEX_ILLEGAL_OP);	/* read-only */
	CHECK_GE(sys_mov_to_cr(c, CR_IRR0, 0), GEX_ILLEGAL_OP);
	/* interruption CRs need PSR.ic = 0 */
	CHECK_GE(sys_mov_to_cr(c, CR_IFA, 0x1234), GEX_ILLEGAL_OP);
	CHECK_GE(sys_mov_from_cr(c, CR_IPSR, &v), GEX_ILLEGAL_OP);
	c->psr = 0;
	CHECK_EQ(sys_mov_to_cr(c, CR_IFA, 0x1234), X_NEXT);
	CHECK_EQ(c->cr[CR_IFA], 0x1234);
	CHECK_EQ(sys_mov_from_cr(c, CR_IFA, &v), X_NEXT);
	CHECK_EQ(v, 0x1234);
	/* ITIR{1:0} and {63:32} are reserved */
	CHECK_EQ(sys_mov_to_cr(c, CR_ITIR, (0xabcULL << 8) | (16 << 2)), X_NEXT);
	saved_psr = 0;
	CHECK_GE(sys_mov_to_cr(c, CR_ITIR, 1ULL << 40), GEX_RSVD_REG_FIELD);
	saved_psr = PSR_IC;
	c->psr = saved_psr;
	/* IVA{14:0} are ignored */
	CHECK_EQ(sys_mov_to_cr(c, CR_IVA, 0xa000000100007fffULL), X_NEXT);
	CHECK_EQ(c->cr[CR_IVA], 0xa000000100000000ULL);
	c->cr[CR_IVA] = T_IVA;
	/* PTA: size below 15 or reserved bit 1 */
	CHECK_GE(sys_mov_to_cr(c, CR_PTA, (14 << 2) | 1), GEX_RSVD_REG_FIELD);
	CHECK_GE(sys_mov_to_cr(c, CR_PTA, 0x100000000ULL | (20 << 2) | 2),
		 GEX_RSVD_REG_FIELD);
	CHECK_EQ(sys_mov_to_cr(c, CR_PTA, 0x100000000ULL | (20 << 2) | 1), X_NEXT);
	CHECK_EQ(sys_mov_to_cr(c, CR_PTA, 0), X_NEXT);	/* disabled: any size */
	/* CPL 3 */
	t_set_cpl(c, 3);
	saved_psr = c->psr;
	CHECK_GE(sys_mov_to_cr(c, CR_DCR, 0), GEX_PRIV_OP);
	CHECK_GE(sys_mov_from_cr(c, CR_ITM, &v), GEX_PRIV_OP);
	/* the ic rule is an Illegal Operation checked before privilege */
	CHECK_GE(sys_mov_from_cr(c, CR_IIP, &v), GEX_ILLEGAL_OP);
	TEST_END();
	t_free(c);
}

static uint64_t lsapic_last_cr, lsapic_last_v;
static unsigned lsapic_writes;

static uint64_t test_lsapic_read(struct cpu *c, unsigned cr)
{
	(void)c;
	return 0x100 + cr;
}

static void test_lsapic_write(struct cpu *c, unsigned cr, uint64_t v)
{
	(void)c;
	lsapic_last_cr = cr;
	lsapic_last_v = v;
	lsapic_writes++;
}

static const struct lsapic_ops test_ops = {
	.read = test_lsapic_read, .write = test_lsapic_write,
};

static void test_lsapic(void)
{
	struct cpu *c = t_cpu();
	uint64_t v, saved_psr = PSR_IC;

	TEST_BEGIN("interrupt-controller CRs go to the LSAPIC model");
	c->psr = saved_psr;
	CHECK_EQ(sys_mov_from_cr(c, CR_IVR, &v), X_NEXT);
	CHECK_EQ(v, 15);				/* default: spurious */
	CHECK_EQ(sys_mov_to_cr(c, CR_TPR, 1ULL << 16), X_NEXT);
	CHECK_EQ(sys_mov_from_cr(c, CR_TPR, &v), X_NEXT);
	CHECK_EQ(v, 1ULL << 16);
	CHECK_GE(sys_mov_to_cr(c, CR_ITV, 1ULL << 20), GEX_RSVD_REG_FIELD);
	lsapic_set_ops(&test_ops);
	CHECK_EQ(sys_mov_to_cr(c, CR_EOI, 0), X_NEXT);
	CHECK_EQ(lsapic_last_cr, CR_EOI);
	CHECK_EQ(sys_mov_to_cr(c, CR_ITM, 0x123456), X_NEXT);
	CHECK_EQ(lsapic_last_cr, CR_ITM);
	CHECK_EQ(lsapic_last_v, 0x123456);
	CHECK_EQ(lsapic_writes, 2);
	CHECK_EQ(sys_mov_from_cr(c, CR_IRR3, &v), X_NEXT);
	CHECK_EQ(v, 0x100 + CR_IRR3);
	CHECK_EQ(sys_mov_from_cr(c, CR_IVR, &v), X_NEXT);
	CHECK_EQ(v, 0x100 + CR_IVR);
	lsapic_set_ops(NULL);
	TEST_END();
	t_free(c);
}

static void test_rr_psr(void)
{
	struct cpu *c = t_cpu();
	uint64_t v, saved_psr = PSR_IC | PSR_DT;

	TEST_BEGIN("mov rr: reserved fields, page size, privilege");
	c->psr = saved_psr;
	CHECK_EQ(sys_mov_to_rr(c, 0xe000000000000000ULL, rr_make(0xfffff, 24, 0)), X_NEXT);
	CHECK_EQ(c->rr[7], (0xfffffULL << 8) | (24 << 2));
	CHECK_EQ(sys_mov_from_rr(c, 0xe000000000001234ULL, &v), X_NEXT);
	CHECK_EQ(v, (0xfffffULL << 8) | (24 << 2));
	CHECK_GE(sys_mov_to_rr(c, 0, rr_make(1, 13, 1) | 2), GEX_RSVD_REG_FIELD);
	CHECK_GE(sys_mov_to_rr(c, 0, rr_make(1, 15, 1)), GEX_RSVD_REG_FIELD);
	CHECK_GE(sys_mov_to_rr(c, 0, rr_make(1, 14, 1) | (1ULL << 40)), GEX_RSVD_REG_FIELD);
	t_set_cpl(c, 2);
	saved_psr = c->psr;
	CHECK_GE(sys_mov_from_rr(c, 0, &v), GEX_PRIV_OP);
	TEST_END();

	TEST_BEGIN("psr.l / mov =psr / rsm / ssm / sum / rum / psr.um");
	saved_psr = PSR_IC | PSR_IT | PSR_BN | PSR_MC;
	c->psr = saved_psr;
	CHECK_EQ(sys_mov_to_psr_l(c, PSR_IC | PSR_DT | PSR_RT | PSR_DFH), X_NEXT);
	CHECK_EQ(c->psr, PSR_IC | PSR_DT | PSR_RT | PSR_DFH | PSR_IT | PSR_BN | PSR_MC);
	/* reads PSR{36:35} and {31:0}: bn (44) is not visible */
	CHECK_EQ(sys_mov_from_psr(c, &v), X_NEXT);
	CHECK_EQ(v, PSR_IC | PSR_DT | PSR_RT | PSR_DFH | PSR_IT | PSR_MC);
	saved_psr = c->psr;
	CHECK_GE(sys_mov_to_psr_l(c, 1ULL << 7), GEX_RSVD_REG_FIELD);
	CHECK_EQ(sys_rsm(c, PSR_I | PSR_IC), X_NEXT);
	CHECK_EQ(c->psr & (PSR_I | PSR_IC), 0);
	CHECK_EQ(sys_ssm(c, PSR_I | PSR_DFL), X_NEXT);
	CHECK_EQ(c->psr & (PSR_I | PSR_DFL), PSR_I | PSR_DFL);
	saved_psr = c->psr;
	CHECK_GE(sys_ssm(c, 1ULL << 16), GEX_RSVD_REG_FIELD);	/* reserved bit 16 */
	CHECK_GE(sys_ssm(c, 1ULL << 0), GEX_RSVD_REG_FIELD);
	t_set_cpl(c, 3);
	saved_psr = c->psr;
	CHECK_GE(sys_rsm(c, PSR_I), GEX_PRIV_OP);
	CHECK_GE(sys_mov_from_psr(c, &v), GEX_PRIV_OP);
	/* the user mask is not privileged */
	CHECK_EQ(sys_sum(c, PSR_AC | PSR_UP), X_NEXT);
	CHECK_EQ(c->psr & PSR_UM_MASK, PSR_AC | PSR_UP);
	CHECK_EQ(sys_rum(c, PSR_UP), X_NEXT);
	CHECK_EQ(c->psr & PSR_UM_MASK, PSR_AC);
	saved_psr = c->psr;
	CHECK_GE(sys_sum(c, PSR_IC), GEX_RSVD_REG_FIELD);
	CHECK_EQ(sys_mov_to_psr_um(c, PSR_MFH | PSR_BE), X_NEXT);
	CHECK_EQ(sys_mov_from_psr_um(c, &v), X_NEXT);
	CHECK_EQ(v, PSR_MFH | PSR_BE);
	TEST_END();
	t_free(c);
}

static void test_ireg(void)
{
	struct cpu *c = t_cpu();
	uint64_t v, w[2], saved_psr = PSR_IC;

	TEST_BEGIN("cpuid registers");
	c->psr = saved_psr;
	t_set_cpl(c, 3);			/* cpuid is readable at any CPL */
	saved_psr = c->psr;
	CHECK_EQ(sys_mov_from_ireg(c, IREG_CPUID, 0, &w[0]), X_NEXT);
	CHECK_EQ(sys_mov_from_ireg(c, IREG_CPUID, 1, &w[1]), X_NEXT);
	CHECK(memcmp(w, "GenuineIntel\0\0\0", 16) == 0);
	CHECK_EQ(sys_mov_from_ireg(c, IREG_CPUID, 3, &v), X_NEXT);
	CHECK_EQ(v & 0xff, 4);			/* number: last index */
	CHECK_EQ((v >> 24) & 0xff, 0x1f);	/* family: Itanium 2 */
	CHECK_EQ(sys_mov_from_ireg(c, IREG_CPUID, 4, &v), X_NEXT);
	CHECK_EQ(v & 1, 1);			/* lb: brl implemented */
	CHECK_GE(sys_mov_from_ireg(c, IREG_CPUID, 5, &v), GEX_RSVD_REG_FIELD);
	TEST_END();

	TEST_BEGIN("dbr/ibr/pkr/pmc/pmd: privilege, range, psr.sp");
	CHECK_GE(sys_mov_to_ireg(c, IREG_DBR, 0, 1), GEX_PRIV_OP);
	CHECK_GE(sys_mov_from_ireg(c, IREG_IBR, 0, &v), GEX_PRIV_OP);
	c->psr = PSR_IC;
	saved_psr = c->psr;
	CHECK_EQ(sys_mov_to_ireg(c, IREG_DBR, 7, 0xabc), X_NEXT);
	CHECK_EQ(sys_mov_from_ireg(c, IREG_DBR, 7, &v), X_NEXT);
	CHECK_EQ(v, 0xabc);
	CHECK_GE(sys_mov_to_ireg(c, IREG_DBR, 8, 0), GEX_RSVD_REG_FIELD);
	CHECK_GE(sys_mov_to_ireg(c, IREG_CPUID, 0, 0), GEX_ILLEGAL_OP);
	CHECK_EQ(sys_mov_to_ireg(c, IREG_PMD, 4, 0x55), X_NEXT);
	CHECK_EQ(sys_mov_to_ireg(c, IREG_PMC, 200, 0x55), X_NEXT);	/* ignored */
	CHECK_EQ(sys_mov_from_ireg(c, IREG_PMC, 200, &v), X_NEXT);
	CHECK_EQ(v, 0);
	t_set_cpl(c, 3);
	CHECK_EQ(sys_mov_from_ireg(c, IREG_PMD, 4, &v), X_NEXT);
	CHECK_EQ(v, 0x55);
	c->psr |= PSR_SP;
	CHECK_EQ(sys_mov_from_ireg(c, IREG_PMD, 4, &v), X_NEXT);
	CHECK_EQ(v, 0);
	TEST_END();
	t_free(c);
}

static const uint8_t zero_bundle[16];

static void test_rfi_bsw(void)
{
	struct cpu *c = t_cpu();
	uint64_t ipsr, saved_psr;
	unsigned i;

	TEST_BEGIN("rfi: PSR, ri, IP, bank and frame from IPSR/IIP/IFS");
	c->psr = 0;				/* bank 0, ic = 0 as in a handler */
	for (i = 0; i < 16; i++) {
		gr_set(c, 16 + i, 0x100 + i, false);
		c->bank1[i] = 0x200 + i;
	}
	ipsr = PSR_IC | PSR_I | PSR_DT | PSR_IT | PSR_RT | PSR_BN |
	       (3ULL << PSR_CPL_SHIFT) | (1ULL << PSR_RI_SHIFT);
	c->cr[CR_IPSR] = ipsr;
	c->cr[CR_IIP] = 0x4000000000002000ULL;
	/* The interrupted frame (sol 5, sof 10) was covered by the handler,
	 * so its registers are dirty in the register file and rfi restores
	 * them without touching memory. */
	c->cfm = (5 << 7) | 10;
	cpu_remap(c);
	CHECK_EQ(rse_cover(c), X_NEXT);
	c->cr[CR_IFS] = IFS_V | (5 << 7) | 10;
	CHECK_EQ(sys_rfi(c), X_JUMP);
	CHECK_EQ(c->psr, ipsr & ~PSR_RI);
	CHECK_EQ(c->slot, 1);
	CHECK_EQ(c->ip, 0x4000000000002000ULL);
	CHECK_EQ(c->cfm, (5 << 7) | 10);
	for (i = 0; i < 16; i++) {
		CHECK_EQ(gr_get(c, 16 + i), 0x200 + i);
		CHECK_EQ(c->bank0[i], 0x100 + i);
	}
	saved_psr = c->psr;
	CHECK_GE(sys_rfi(c), GEX_PRIV_OP);	/* now at CPL 3 */
	TEST_END();

	TEST_BEGIN("rfi without IFS.v keeps CFM; bsw switches banks");
	c->psr = 0;
	c->cfm = 7;
	c->cr[CR_IPSR] = PSR_IC;
	c->cr[CR_IFS] = 3;
	CHECK_EQ(sys_rfi(c), X_JUMP);
	CHECK_EQ(c->cfm, 7);
	CHECK_EQ(c->psr & PSR_BN, 0);
	gr_set(c, 17, 0x17, false);
	CHECK_EQ(sys_bsw(c, 1), X_NEXT);
	CHECK_EQ(c->psr & PSR_BN, PSR_BN);
	CHECK_EQ(c->bank0[1], 0x17);
	CHECK_EQ(sys_bsw(c, 0), X_NEXT);
	CHECK_EQ(gr_get(c, 17), 0x17);
	t_set_cpl(c, 1);
	saved_psr = c->psr;
	CHECK_GE(sys_bsw(c, 1), GEX_PRIV_OP);
	TEST_END();
	t_free(c);
}

static void test_epc_fc(void)
{
	struct cpu *c = t_cpu();
	const uint64_t gate = 0xa000000000010000ULL;
	uint64_t saved_psr;

	TEST_BEGIN("epc promotes on an ar 7 page, not elsewhere");
	c->rr[5] = rr_make(0x55, 14, 0);
	t_itc(c, true, gate, 14, t_pte(0x80000, 0, AR_X_PROMOTE));
	c->psr = PSR_IC | PSR_IT | PSR_DT | PSR_RT;
	t_set_cpl(c, 3);
	c->ip = gate + 0x20;
	c->ar[AR_PFS] = 3ULL << PFS_PPL_SHIFT;
	CHECK_EQ(sys_epc(c), X_NEXT);
	CHECK_EQ(psr_cpl(c->psr), 0);
	/* PFS.ppl < CPL: Illegal Operation */
	t_set_cpl(c, 3);
	c->ar[AR_PFS] = 2ULL << PFS_PPL_SHIFT;
	saved_psr = c->psr;
	CHECK_GE(sys_epc(c), GEX_ILLEGAL_OP);
	/* an ar 1 (RX) page does not promote */
	c->psr = PSR_IC | PSR_IT | PSR_DT | PSR_RT;
	t_itc(c, true, gate, 14, t_pte(0x80000, 0, AR_RX));
	t_set_cpl(c, 3);
	c->ip = gate + 0x20;
	c->ar[AR_PFS] = 3ULL << PFS_PPL_SHIFT;
	CHECK_EQ(sys_epc(c), X_NEXT);
	CHECK_EQ(psr_cpl(c->psr), 3);
	/* instruction translation off: CPL 0 */
	c->psr &= ~PSR_IT;
	CHECK_EQ(sys_epc(c), X_NEXT);
	CHECK_EQ(psr_cpl(c->psr), 0);
	TEST_END();

	TEST_BEGIN("fc: non-access translation, invalidates the 128-byte line");
	c->psr = PSR_IC | (3ULL << PSR_CPL_SHIFT);	/* physical, user: allowed */
	/* decoded bundles on both sides of the 128-byte line boundary */
	c->dc = dcache_new();
	dcache_fill(c->dc, 0x12300, zero_bundle);
	dcache_fill(c->dc, 0x12370, zero_bundle);
	dcache_fill(c->dc, 0x12380, zero_bundle);
	CHECK_EQ(sys_fc(c, 0x12345, true), X_NEXT);
	CHECK_EQ(dcache_slot(c->dc, 0x12300)->tag, DC_INVALID);
	CHECK_EQ(dcache_slot(c->dc, 0x12370)->tag, DC_INVALID);
	CHECK_EQ(dcache_slot(c->dc, 0x12380)->tag, 0x12380);
	CHECK_EQ(c->counters[CNT_DCACHE_INVAL], 2);
	c->psr = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	c->rr[1] = rr_make(1, 14, 0);
	c->ip = gate;
	c->slot = 0;
	CHECK_EQ(sys_fc(c, 0x2000000000004000ULL, false), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x1000);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | ISR_NA | ISR_NA_FC);
	CHECK_EQ(c->counters[CNT_DCACHE_INVAL], 2);	/* the faulting fc dropped nothing */
	TEST_END();
	dcache_free(c->dc);
	c->dc = NULL;
	t_free(c);
}

int main(void)
{
	test_cr();
	test_lsapic();
	test_rr_psr();
	test_ireg();
	test_rfi_bsw();
	test_epc_fc();
	return test_report();
}
