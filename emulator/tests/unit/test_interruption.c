/* SPDX-License-Identifier: MIT */
/*
 * Interruption delivery tests: the PSR an interruption produces (SDM
 * Vol. 2, 3.3.2 "interruption" column), IPSR/IIP/IIPA/IFS/ISR collection
 * at ic = 1, the ic = 0 case, the bank switch to bank 0, traps, break,
 * external interrupts and the user-mode fault hook.
 */
#include "test/harness.h"
#include "test_mmu_util.h"

static void test_psr_after(void)
{
	struct cpu *c = t_cpu();
	uint64_t old;

	TEST_BEGIN("PSR after an interruption; IPSR/IIP/IIPA/IFS/ISR");
	/* everything that may be set, at CPL 3, bank 1, slot 2 */
	old = PSR_BE | PSR_UP | PSR_AC | PSR_MFL | PSR_MFH | PSR_IC | PSR_I |
	      PSR_PK | PSR_DT | PSR_DFL | PSR_DFH | PSR_SP | PSR_PP | PSR_DI |
	      PSR_SI | PSR_DB | PSR_LP | PSR_TB | PSR_RT | PSR_CPL | PSR_IS |
	      PSR_MC | PSR_IT | PSR_ID | PSR_DA | PSR_DD | PSR_SS | PSR_ED |
	      PSR_BN | PSR_IA;
	c->psr = old;
	c->ip = 0x4000000000001230ULL;	/* IIP keeps the bundle address */
	c->slot = 2;
	c->cr[CR_DCR] = DCR_PP;		/* be <- 0, pp <- 1 */
	c->cr[CR_IFS] = IFS_V | 0x1234;
	c->cr[CR_IVA] = T_IVA | 0x7fff;	/* low 15 bits ignored */
	CHECK_EQ(cpu_illegal_op(c), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5400);
	CHECK_EQ(c->slot, 0);
	/* kept: up ac mfl mfh dt dfl dfh sp di si rt mc it; pp from DCR */
	CHECK_EQ(c->psr, PSR_UP | PSR_AC | PSR_MFL | PSR_MFH | PSR_DT | PSR_DFL |
		 PSR_DFH | PSR_SP | PSR_DI | PSR_SI | PSR_RT | PSR_MC | PSR_IT | PSR_PP);
	CHECK_EQ(c->cr[CR_IPSR], old | (2ULL << PSR_RI_SHIFT));
	CHECK_EQ(c->cr[CR_IIP], 0x4000000000001230ULL);
	CHECK_EQ(c->cr[CR_IIPA], 0x4000000000001230ULL);
	CHECK_EQ(c->cr[CR_IFS], 0x1234);
	CHECK_EQ(c->cr[CR_ISR], (2ULL << ISR_EI_SHIFT) | GEX_ILLEGAL_OP);
	CHECK_EQ(c->counters[CNT_FAULT], 1);
	TEST_END();

	TEST_BEGIN("DCR.be/pp select the new PSR.be/pp");
	c->psr = PSR_IC | PSR_PP;
	c->cr[CR_DCR] = DCR_BE;
	cpu_priv_op(c);
	CHECK_EQ(c->psr, PSR_BE);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_PRIV_OP);
	TEST_END();
	t_free(c);
}

static void test_bank_switch(void)
{
	struct cpu *c = t_cpu();
	unsigned i;

	TEST_BEGIN("interruption switches to bank 0, saving bank 1");
	c->psr = PSR_IC | PSR_BN;
	for (i = 0; i < 16; i++) {
		gr_set(c, 16 + i, 0x1000 + i, i == 3);	/* bank 1 (active) */
		c->bank0[i] = 0x2000 + i;		/* bank 0 (saved) */
		c->bank0_nat[i] = i == 5;
	}
	cpu_break(c, 0x100000);
	CHECK_EQ(c->psr & PSR_BN, 0);
	CHECK_EQ(c->cr[CR_IPSR] & PSR_BN, PSR_BN);
	CHECK_EQ(c->cr[CR_IIM], 0x100000);
	CHECK_EQ(c->ip, T_IVA + 0x2c00);
	for (i = 0; i < 16; i++) {
		CHECK_EQ(gr_get(c, 16 + i), 0x2000 + i);
		CHECK_EQ(gr_nat(c, 16 + i), i == 5);
		CHECK_EQ(c->bank1[i], 0x1000 + i);
		CHECK_EQ(c->bank1_nat[i], i == 3);
	}
	/* r15 and r32 are not banked */
	TEST_END();

	TEST_BEGIN("interruption from bank 0 leaves r16-r31 alone");
	c->psr = PSR_IC;
	gr_set(c, 20, 0x777, false);
	cpu_break(c, 0);
	CHECK_EQ(gr_get(c, 20), 0x777);
	CHECK_EQ(c->bank1[4], 0x1004);
	TEST_END();
	t_free(c);
}

static void test_ic0(void)
{
	struct cpu *c = t_cpu();

	TEST_BEGIN("interruption at ic = 0: IIP/IPSR/IIPA/IFS kept, ISR.ni");
	c->psr = PSR_DT | PSR_IT;
	c->slot = 1;
	c->cr[CR_IIP] = 0x10;
	c->cr[CR_IPSR] = 0x20;
	c->cr[CR_IIPA] = 0x30;
	c->cr[CR_IFS] = IFS_V | 5;
	CHECK_EQ(cpu_reserved_reg(c), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5400);
	CHECK_EQ(c->cr[CR_IIP], 0x10);
	CHECK_EQ(c->cr[CR_IPSR], 0x20);
	CHECK_EQ(c->cr[CR_IIPA], 0x30);
	CHECK_EQ(c->cr[CR_IFS], IFS_V | 5);
	CHECK_EQ(c->cr[CR_ISR], ISR_NI | (1ULL << ISR_EI_SHIFT) | GEX_RSVD_REG_FIELD);
	CHECK_EQ(c->counters[CNT_FAULT_IC0], 1);
	CHECK_EQ(c->psr, PSR_DT | PSR_IT);
	TEST_END();
	t_free(c);
}

static void test_other_vectors(void)
{
	struct cpu *c = t_cpu();
	struct fault f = { .vector = IVT_FP_TRAP, .flags = FF_TRAP,
			   .isr = (2ULL << ISR_EI_SHIFT) | 0x8 };

	TEST_BEGIN("traps: IIP/ri are the next instruction, ei from the caller");
	c->psr = PSR_IC;
	c->ip = 0x8000;			/* already advanced by the executor */
	c->slot = 0;
	CHECK_EQ(cpu_fault(c, &f), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5d00);
	CHECK_EQ(c->cr[CR_IIP], 0x8000);
	CHECK_EQ(psr_ri(c->cr[CR_IPSR]), 0);
	CHECK_EQ(c->cr[CR_ISR], (2ULL << ISR_EI_SHIFT) | 0x8);
	TEST_END();

	TEST_BEGIN("NaT consumption, disabled FP, external interrupt");
	c->psr = PSR_IC;
	c->slot = 1;
	c->ip = 0x9000;
	cpu_nat_consumption(c, ISR_R);
	CHECK_EQ(c->ip, T_IVA + 0x5600);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | 0x10 | (1ULL << ISR_EI_SHIFT));
	c->psr = PSR_IC | PSR_DFH;
	c->slot = 0;
	cpu_disabled_fp(c, 40);
	CHECK_EQ(c->ip, T_IVA + 0x5500);
	CHECK_EQ(c->cr[CR_ISR], 2);
	CHECK_EQ(c->psr & PSR_DFH, PSR_DFH);	/* dfh unchanged */
	c->psr = PSR_IC | PSR_I;
	c->ip = 0xa000;
	c->slot = 2;
	CHECK_EQ(cpu_take_external_interrupt(c), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x3000);
	CHECK_EQ(c->cr[CR_IIP], 0xa000);
	CHECK_EQ(psr_ri(c->cr[CR_IPSR]), 2);
	CHECK_EQ(c->psr & PSR_I, 0);
	CHECK_EQ(c->counters[CNT_EXTINT], 1);
	TEST_END();
	t_free(c);
}

static unsigned hooked_vector, hooked_calls;
static uint64_t hooked_iim;

static int hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	hooked_vector = f->vector;
	hooked_iim = f->iim;
	hooked_calls++;
	return X_HALT;
}

static void test_hook(void)
{
	struct cpu *c = t_cpu();

	TEST_BEGIN("user-mode hook takes the fault, no architected delivery");
	c->fault_hook = hook;
	c->psr = PSR_IC | PSR_CPL;
	c->ip = 0x4000;
	CHECK_EQ(cpu_break(c, 0x100000), X_HALT);
	CHECK_EQ(hooked_calls, 1);
	CHECK_EQ(hooked_vector, 0x2c00);
	CHECK_EQ(hooked_iim, 0x100000);
	CHECK_EQ(c->ip, 0x4000);
	CHECK_EQ(c->psr, PSR_IC | PSR_CPL);
	CHECK_EQ(c->cr[CR_IIM], 0);
	TEST_END();
	t_free(c);
}

int main(void)
{
	test_psr_after();
	test_bank_switch();
	test_ic0();
	test_other_vectors();
	test_hook();
	return test_report();
}
