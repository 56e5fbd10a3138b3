/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Privileged operations of C code, routed through pv_cpu_ops.
 *
 * Included by asm/intrinsics.h when CONFIG_IA64_PARAVIRT is set: the
 * ia64_* intrinsics that a hypervisor has to see (because they trap, or
 * worse, silently behave differently below privilege level 0) become
 * calls through pv_cpu_ops, whose native entries execute the instruction
 * (ia64_native_*).  Everything else keeps the inline instruction.
 */
#ifndef _ASM_IA64_PARAVIRT_PRIVOP_H
#define _ASM_IA64_PARAVIRT_PRIVOP_H

#ifndef __ASSEMBLY__

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/ia64regs.h>
#include <asm/kregs.h>

struct pv_info {
	unsigned int kernel_rpl;	/* privilege level the kernel runs at */
	int paravirt_enabled;
	const char *name;
};

extern struct pv_info pv_info;

static inline int paravirt_enabled(void)
{
	return pv_info.paravirt_enabled;
}

static inline const char *paravirt_name(void)
{
	return pv_info.name;
}

struct pv_cpu_ops {
	void (*fc)(unsigned long addr);
	unsigned long (*thash)(unsigned long addr);
	unsigned long (*get_cpuid)(int index);
	unsigned long (*get_pmd)(int index);
	unsigned long (*getreg)(int reg);
	void (*setreg)(int reg, unsigned long val);
	void (*ptcga)(unsigned long addr, unsigned long size);
	unsigned long (*get_rr)(unsigned long index);
	void (*set_rr)(unsigned long index, unsigned long val);
	void (*set_rr0_to_rr4)(unsigned long val0, unsigned long val1,
			       unsigned long val2, unsigned long val3,
			       unsigned long val4);
	void (*ssm_i)(void);
	void (*rsm_i)(void);
	unsigned long (*get_psr_i)(void);
	void (*intrin_local_irq_restore)(unsigned long flags);
};

extern struct pv_cpu_ops pv_cpu_ops;

/*
 * Registers whose access goes through the hooks.  Reads of psr and of the
 * control registers are privileged; ar.itc is included so that a
 * hypervisor can offset the guest's time.  Writes of psr.l stay inline
 * (they trap and are emulated, and need serializing before returning from
 * a call); the kernel registers are only privileged to write.  ip, gp, sp,
 * tp and the other application registers never leave the caller.
 */
static __always_inline bool paravirt_getreg_is_routed(int reg)
{
	return reg == _IA64_REG_PSR || reg == _IA64_REG_AR_ITC ||
	       (reg >= _IA64_REG_CR_DCR && reg <= _IA64_REG_CR_LRR1);
}

static __always_inline bool paravirt_setreg_is_routed(int reg)
{
	return reg == _IA64_REG_AR_ITC ||
	       (reg >= _IA64_REG_AR_KR0 && reg <= _IA64_REG_AR_KR7) ||
	       (reg >= _IA64_REG_CR_DCR && reg <= _IA64_REG_CR_LRR1);
}

/*
 * The register number and the mask are compile-time constants: after
 * inlining only one branch survives, and the native instruction gets its
 * immediate operand.
 */
static __always_inline unsigned long paravirt_getreg(int reg)
{
	if (paravirt_getreg_is_routed(reg))
		return pv_cpu_ops.getreg(reg);
	return ia64_native_getreg(reg);
}

static __always_inline void paravirt_setreg(int reg, unsigned long val)
{
	if (paravirt_setreg_is_routed(reg))
		pv_cpu_ops.setreg(reg, val);
	else
		ia64_native_setreg(reg, val);
}

/* Only psr.i is worth a hook; other masks stay privileged instructions. */
static __always_inline void paravirt_ssm(unsigned long mask)
{
	if (mask == IA64_PSR_I)
		pv_cpu_ops.ssm_i();
	else
		ia64_native_ssm(mask);
}

static __always_inline void paravirt_rsm(unsigned long mask)
{
	if (mask == IA64_PSR_I)
		pv_cpu_ops.rsm_i();
	else
		ia64_native_rsm(mask);
}

#define ia64_getreg(reg)	paravirt_getreg(reg)
#define ia64_setreg(reg, val)	paravirt_setreg((reg), (val))
#define ia64_ssm(mask)		paravirt_ssm(mask)
#define ia64_rsm(mask)		paravirt_rsm(mask)
#define ia64_fc(addr)		pv_cpu_ops.fc((unsigned long)(addr))
#define ia64_thash(addr)	pv_cpu_ops.thash((unsigned long)(addr))
#define ia64_get_cpuid(index)	pv_cpu_ops.get_cpuid(index)
#define ia64_get_pmd(index)	pv_cpu_ops.get_pmd(index)
#define ia64_ptcga(addr, size)	pv_cpu_ops.ptcga((addr), (size))
#define ia64_get_rr(index)	pv_cpu_ops.get_rr(index)
#define ia64_set_rr(index, val)	pv_cpu_ops.set_rr((index), (val))
#define ia64_set_rr0_to_rr4(val0, val1, val2, val3, val4)		\
	pv_cpu_ops.set_rr0_to_rr4((val0), (val1), (val2), (val3), (val4))
#define ia64_get_psr_i()	pv_cpu_ops.get_psr_i()
#define ia64_intrin_local_irq_restore(flags)				\
	pv_cpu_ops.intrin_local_irq_restore(flags)

#endif /* !__ASSEMBLY__ */
#endif /* _ASM_IA64_PARAVIRT_PRIVOP_H */
