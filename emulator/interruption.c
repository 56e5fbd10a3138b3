/* SPDX-License-Identifier: MIT */
/*
 * Interruption delivery (SDM Vol. 2, ch. 5): cpu_fault() hands the fault
 * to the user-mode runner's hook when one is installed, otherwise it does
 * what the processor does on an interruption -- collect IPSR/IIP/IIPA/IFS
 * and the vector-specific resources when PSR.ic = 1, switch to register
 * bank 0, reshape the PSR and branch to IVA + vector offset.
 *
 * Conventions with the executors:
 *  - faults: c->ip/c->slot designate the faulting instruction;
 *  - traps (FF_TRAP): the caller has already advanced c->ip/c->slot to the
 *    next instruction to execute (it knows about MLX and branch targets);
 *    it may put ISR.ei of the trapping instruction into f->isr;
 *  - the PSR.ri field of c->psr is not maintained: c->slot is the truth.
 */
#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "tlb.h"
#include "ia64/mmu.h"

/* PSR bits an interruption leaves alone; everything else is cleared,
 * then be/pp are loaded from DCR (SDM Vol. 2, 3.3.2, PSR field table). */
#define PSR_KEEP_ON_INT	(PSR_UP | PSR_AC | PSR_MFL | PSR_MFH | PSR_DT | \
			 PSR_DFL | PSR_DFH | PSR_SP | PSR_DI | PSR_SI | \
			 PSR_RT | PSR_MC | PSR_IT)

#define ISR_EI_MASK	IA64_MASK(ISR_EI_SHIFT, 2)

/*
 * Swap r16-r31 between the active bank and the saved copy.  The physical
 * registers gr[16..31] always hold the active bank; bank0[]/bank1[] hold
 * the inactive one (cpu.h).
 */
void cpu_bank_switch(struct cpu *c, int bank)
{
	int cur = (c->psr & PSR_BN) ? 1 : 0;
	uint64_t *save, *load;
	uint8_t *save_nat, *load_nat;
	unsigned i;

	if (cur == bank)
		return;
	save = cur ? c->bank1 : c->bank0;
	save_nat = cur ? c->bank1_nat : c->bank0_nat;
	load = bank ? c->bank1 : c->bank0;
	load_nat = bank ? c->bank1_nat : c->bank0_nat;
	for (i = 0; i < 16; i++) {
		save[i] = c->gr[16 + i];
		save_nat[i] = c->nat[16 + i];
		c->gr[16 + i] = load[i];
		c->nat[16 + i] = load_nat[i];
	}
	if (bank)
		c->psr |= PSR_BN;
	else
		c->psr &= ~PSR_BN;
}

/* The PSR as software sees it in IPSR: c->psr with ri = c->slot. */
static uint64_t psr_with_ri(const struct cpu *c)
{
	return (c->psr & ~PSR_RI) | ((uint64_t)(c->slot & 3) << PSR_RI_SHIFT);
}

static void write_vector_resources(struct cpu *c, const struct fault *f)
{
	if (f->flags & FF_IFA)
		c->cr[CR_IFA] = f->ifa;
	if (f->flags & FF_ITIR) {
		c->cr[CR_ITIR] = f->itir;
	} else if (f->flags & FF_IFA) {
		uint64_t rr = c->rr[VA_REGION(f->ifa)];

		c->cr[CR_ITIR] = itir_make(RR_PS(rr), RR_RID(rr));
	}
	if (f->flags & FF_IHA)
		c->cr[CR_IHA] = f->iha;
	if (f->flags & FF_IIM)
		c->cr[CR_IIM] = f->iim;
}

static int deliver(struct cpu *c, const struct fault *f)
{
	uint64_t old = c->psr;
	unsigned vector = f->vector;
	uint64_t isr;

	c->counters[CNT_FAULT]++;
	if (!(old & PSR_IC)) {
		c->counters[CNT_FAULT_IC0]++;
		if (f->flags & FF_NESTED_OK) {
			/* Data Nested TLB: no interruption resource changes. */
			vector = IVT_DATA_NESTED_TLB;
			goto transfer;
		}
	}

	/* ISR is written in both cases; ni tells the handler ic was 0. */
	isr = f->isr & ~(ISR_NI | ((f->flags & FF_TRAP) ? 0 : ISR_EI_MASK));
	if (!(f->flags & FF_TRAP))
		isr |= (uint64_t)(c->slot & 3) << ISR_EI_SHIFT;
	if (!(old & PSR_IC))
		isr |= ISR_NI;
	c->cr[CR_ISR] = isr;
	write_vector_resources(c, f);

	if (old & PSR_IC) {
		c->cr[CR_IPSR] = psr_with_ri(c);
		c->cr[CR_IIP] = c->ip & ~0xfULL;
		c->cr[CR_IIPA] = c->ip & ~0xfULL;
		c->cr[CR_IFS] &= ~IFS_V;	/* the handler's cover fills IFS */
	}

transfer:
	cpu_bank_switch(c, 0);
	c->psr = (c->psr & PSR_KEEP_ON_INT) |
		 ((c->cr[CR_DCR] & DCR_BE) ? PSR_BE : 0) |
		 ((c->cr[CR_DCR] & DCR_PP) ? PSR_PP : 0);
	c->ip = (c->cr[CR_IVA] & ~0x7fffULL) + vector;
	c->slot = 0;
	return X_FAULT;
}

int cpu_fault(struct cpu *c, const struct fault *f)
{
	if (c->fault_hook) {
		c->counters[CNT_FAULT]++;
		return c->fault_hook(c, f);
	}
	return deliver(c, f);
}

int cpu_take_external_interrupt(struct cpu *c)
{
	struct fault f = { .vector = IVT_EXTINT };

	c->counters[CNT_EXTINT]++;
	/* An interrupt is taken between instructions: like a fault, IIP and
	 * ri designate the next instruction, which has not executed. */
	return cpu_fault(c, &f);
}

static int general_exception(struct cpu *c, unsigned code)
{
	struct fault f = { .vector = IVT_GENERAL_EXCEPTION, .isr = code };

	return cpu_fault(c, &f);
}

int cpu_illegal_op(struct cpu *c)
{
	return general_exception(c, GEX_ILLEGAL_OP);
}

int cpu_priv_op(struct cpu *c)
{
	return general_exception(c, GEX_PRIV_OP);
}

int cpu_priv_reg(struct cpu *c)
{
	return general_exception(c, GEX_PRIV_REG);
}

int cpu_reserved_reg(struct cpu *c)
{
	return general_exception(c, GEX_RSVD_REG_FIELD);
}

/* Register NaT consumption: ISR.code{7:4} = 1 (2 is NaT page, mmu.c). */
int cpu_nat_consumption(struct cpu *c, uint64_t isr_bits)
{
	struct fault f = { .vector = IVT_NAT_CONSUMPTION };

	f.isr = (isr_bits & ~0xf0ULL) | 0x10;
	return cpu_fault(c, &f);
}

int cpu_break(struct cpu *c, uint64_t imm)
{
	struct fault f = { .vector = IVT_BREAK, .flags = FF_IIM, .iim = imm };

	return cpu_fault(c, &f);
}

/* ISR.code bit 0: the access touched f2-f31 (dfl), bit 1: f32-f127 (dfh). */
int cpu_disabled_fp(struct cpu *c, unsigned reg)
{
	struct fault f = { .vector = IVT_DISABLED_FP };

	f.isr = reg >= 32 ? 2 : 1;
	return cpu_fault(c, &f);
}
