// SPDX-License-Identifier: GPL-2.0
/*
 * pv_info and pv_cpu_ops, with the native (bare hardware) implementations.
 *
 * With CONFIG_IA64_PARAVIRT every privileged intrinsic used by C code is a
 * call through pv_cpu_ops (asm/paravirt_privop.h).  The entries here
 * execute the instruction itself, so a native boot behaves as before; a
 * hypervisor replaces the table from its setup hook before C code proper
 * runs.
 *
 * These functions sit under local_irq_save() and friends, so they must be
 * neither traced nor probed.
 */

#include <linux/bug.h>
#include <linux/export.h>
#include <linux/kprobes.h>

#include <asm/intrinsics.h>
#include <asm/paravirt_privop.h>

struct pv_info pv_info __read_mostly = {
	.kernel_rpl		= 0,
	.paravirt_enabled	= 0,
	.name			= "bare hardware",
};
EXPORT_SYMBOL(pv_info);

static notrace void native_fc(unsigned long addr)
{
	ia64_native_fc(addr);
}

static notrace unsigned long native_thash(unsigned long addr)
{
	return ia64_native_thash(addr);
}

static notrace unsigned long native_get_cpuid(int index)
{
	return ia64_native_get_cpuid(index);
}

static notrace unsigned long native_get_pmd(int index)
{
	return ia64_native_get_pmd(index);
}

/*
 * The instructions name their register in the opcode, hence one case per
 * register that paravirt_getreg_is_routed() lets through.
 */
static notrace unsigned long native_getreg(int reg)
{
	switch (reg) {
	case _IA64_REG_PSR:
		return ia64_native_getreg(_IA64_REG_PSR);
	case _IA64_REG_AR_ITC:
		return ia64_native_getreg(_IA64_REG_AR_ITC);
	case _IA64_REG_CR_DCR:
		return ia64_native_getreg(_IA64_REG_CR_DCR);
	case _IA64_REG_CR_ITM:
		return ia64_native_getreg(_IA64_REG_CR_ITM);
	case _IA64_REG_CR_IVA:
		return ia64_native_getreg(_IA64_REG_CR_IVA);
	case _IA64_REG_CR_PTA:
		return ia64_native_getreg(_IA64_REG_CR_PTA);
	case _IA64_REG_CR_IPSR:
		return ia64_native_getreg(_IA64_REG_CR_IPSR);
	case _IA64_REG_CR_ISR:
		return ia64_native_getreg(_IA64_REG_CR_ISR);
	case _IA64_REG_CR_IIP:
		return ia64_native_getreg(_IA64_REG_CR_IIP);
	case _IA64_REG_CR_IFA:
		return ia64_native_getreg(_IA64_REG_CR_IFA);
	case _IA64_REG_CR_ITIR:
		return ia64_native_getreg(_IA64_REG_CR_ITIR);
	case _IA64_REG_CR_IIPA:
		return ia64_native_getreg(_IA64_REG_CR_IIPA);
	case _IA64_REG_CR_IFS:
		return ia64_native_getreg(_IA64_REG_CR_IFS);
	case _IA64_REG_CR_IIM:
		return ia64_native_getreg(_IA64_REG_CR_IIM);
	case _IA64_REG_CR_IHA:
		return ia64_native_getreg(_IA64_REG_CR_IHA);
	case _IA64_REG_CR_LID:
		return ia64_native_getreg(_IA64_REG_CR_LID);
	case _IA64_REG_CR_IVR:
		return ia64_native_getreg(_IA64_REG_CR_IVR);
	case _IA64_REG_CR_TPR:
		return ia64_native_getreg(_IA64_REG_CR_TPR);
	case _IA64_REG_CR_EOI:
		return ia64_native_getreg(_IA64_REG_CR_EOI);
	case _IA64_REG_CR_IRR0:
		return ia64_native_getreg(_IA64_REG_CR_IRR0);
	case _IA64_REG_CR_IRR1:
		return ia64_native_getreg(_IA64_REG_CR_IRR1);
	case _IA64_REG_CR_IRR2:
		return ia64_native_getreg(_IA64_REG_CR_IRR2);
	case _IA64_REG_CR_IRR3:
		return ia64_native_getreg(_IA64_REG_CR_IRR3);
	case _IA64_REG_CR_ITV:
		return ia64_native_getreg(_IA64_REG_CR_ITV);
	case _IA64_REG_CR_PMV:
		return ia64_native_getreg(_IA64_REG_CR_PMV);
	case _IA64_REG_CR_CMCV:
		return ia64_native_getreg(_IA64_REG_CR_CMCV);
	case _IA64_REG_CR_LRR0:
		return ia64_native_getreg(_IA64_REG_CR_LRR0);
	case _IA64_REG_CR_LRR1:
		return ia64_native_getreg(_IA64_REG_CR_LRR1);
	}
	WARN_ONCE(1, "paravirt: getreg of unsupported register %d\n", reg);
	return 0;
}

static notrace void native_setreg(int reg, unsigned long val)
{
	switch (reg) {
	case _IA64_REG_AR_ITC:
		ia64_native_setreg(_IA64_REG_AR_ITC, val);
		break;
	case _IA64_REG_AR_KR0:
		ia64_native_setreg(_IA64_REG_AR_KR0, val);
		break;
	case _IA64_REG_AR_KR1:
		ia64_native_setreg(_IA64_REG_AR_KR1, val);
		break;
	case _IA64_REG_AR_KR2:
		ia64_native_setreg(_IA64_REG_AR_KR2, val);
		break;
	case _IA64_REG_AR_KR3:
		ia64_native_setreg(_IA64_REG_AR_KR3, val);
		break;
	case _IA64_REG_AR_KR4:
		ia64_native_setreg(_IA64_REG_AR_KR4, val);
		break;
	case _IA64_REG_AR_KR5:
		ia64_native_setreg(_IA64_REG_AR_KR5, val);
		break;
	case _IA64_REG_AR_KR6:
		ia64_native_setreg(_IA64_REG_AR_KR6, val);
		break;
	case _IA64_REG_AR_KR7:
		ia64_native_setreg(_IA64_REG_AR_KR7, val);
		break;
	case _IA64_REG_CR_DCR:
		ia64_native_setreg(_IA64_REG_CR_DCR, val);
		break;
	case _IA64_REG_CR_ITM:
		ia64_native_setreg(_IA64_REG_CR_ITM, val);
		break;
	case _IA64_REG_CR_IVA:
		ia64_native_setreg(_IA64_REG_CR_IVA, val);
		break;
	case _IA64_REG_CR_PTA:
		ia64_native_setreg(_IA64_REG_CR_PTA, val);
		break;
	case _IA64_REG_CR_IPSR:
		ia64_native_setreg(_IA64_REG_CR_IPSR, val);
		break;
	case _IA64_REG_CR_ISR:
		ia64_native_setreg(_IA64_REG_CR_ISR, val);
		break;
	case _IA64_REG_CR_IIP:
		ia64_native_setreg(_IA64_REG_CR_IIP, val);
		break;
	case _IA64_REG_CR_IFA:
		ia64_native_setreg(_IA64_REG_CR_IFA, val);
		break;
	case _IA64_REG_CR_ITIR:
		ia64_native_setreg(_IA64_REG_CR_ITIR, val);
		break;
	case _IA64_REG_CR_IIPA:
		ia64_native_setreg(_IA64_REG_CR_IIPA, val);
		break;
	case _IA64_REG_CR_IFS:
		ia64_native_setreg(_IA64_REG_CR_IFS, val);
		break;
	case _IA64_REG_CR_IIM:
		ia64_native_setreg(_IA64_REG_CR_IIM, val);
		break;
	case _IA64_REG_CR_IHA:
		ia64_native_setreg(_IA64_REG_CR_IHA, val);
		break;
	case _IA64_REG_CR_LID:
		ia64_native_setreg(_IA64_REG_CR_LID, val);
		break;
	case _IA64_REG_CR_TPR:
		ia64_native_setreg(_IA64_REG_CR_TPR, val);
		break;
	case _IA64_REG_CR_EOI:
		ia64_native_setreg(_IA64_REG_CR_EOI, val);
		break;
	case _IA64_REG_CR_ITV:
		ia64_native_setreg(_IA64_REG_CR_ITV, val);
		break;
	case _IA64_REG_CR_PMV:
		ia64_native_setreg(_IA64_REG_CR_PMV, val);
		break;
	case _IA64_REG_CR_CMCV:
		ia64_native_setreg(_IA64_REG_CR_CMCV, val);
		break;
	case _IA64_REG_CR_LRR0:
		ia64_native_setreg(_IA64_REG_CR_LRR0, val);
		break;
	case _IA64_REG_CR_LRR1:
		ia64_native_setreg(_IA64_REG_CR_LRR1, val);
		break;
	default:
		WARN_ONCE(1, "paravirt: setreg of unsupported register %d\n",
			  reg);
		break;
	}
}

static notrace void native_ptcga(unsigned long addr, unsigned long size)
{
	ia64_native_ptcga(addr, size);
}

static notrace unsigned long native_get_rr(unsigned long index)
{
	return ia64_native_get_rr(index);
}

static notrace void native_set_rr(unsigned long index, unsigned long val)
{
	ia64_native_set_rr(index, val);
}

static notrace void native_set_rr0_to_rr4(unsigned long val0,
					  unsigned long val1,
					  unsigned long val2,
					  unsigned long val3,
					  unsigned long val4)
{
	ia64_native_set_rr0_to_rr4(val0, val1, val2, val3, val4);
}

static notrace void native_ssm_i(void)
{
	ia64_native_ssm(IA64_PSR_I);
}

static notrace void native_rsm_i(void)
{
	ia64_native_rsm(IA64_PSR_I);
}

static notrace unsigned long native_get_psr_i(void)
{
	return ia64_native_get_psr_i();
}

static notrace void native_intrin_local_irq_restore(unsigned long flags)
{
	ia64_native_intrin_local_irq_restore(flags);
}

struct pv_cpu_ops pv_cpu_ops __read_mostly = {
	.fc				= native_fc,
	.thash				= native_thash,
	.get_cpuid			= native_get_cpuid,
	.get_pmd			= native_get_pmd,
	.getreg				= native_getreg,
	.setreg				= native_setreg,
	.ptcga				= native_ptcga,
	.get_rr				= native_get_rr,
	.set_rr				= native_set_rr,
	.set_rr0_to_rr4			= native_set_rr0_to_rr4,
	.ssm_i				= native_ssm_i,
	.rsm_i				= native_rsm_i,
	.get_psr_i			= native_get_psr_i,
	.intrin_local_irq_restore	= native_intrin_local_irq_restore,
};
EXPORT_SYMBOL(pv_cpu_ops);

/* A probe inside these would recurse through the probe handler. */
NOKPROBE_SYMBOL(native_getreg);
NOKPROBE_SYMBOL(native_setreg);
NOKPROBE_SYMBOL(native_ssm_i);
NOKPROBE_SYMBOL(native_rsm_i);
NOKPROBE_SYMBOL(native_get_psr_i);
NOKPROBE_SYMBOL(native_intrin_local_irq_restore);
