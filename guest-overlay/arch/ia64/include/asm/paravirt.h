/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Paravirtualization hooks outside the CPU intrinsics: boot-time setup,
 * interrupt vectors and IOSAPIC access.
 *
 * The tables hold the native implementations until a hypervisor's setup
 * hook (run by head.S before start_kernel()) replaces them.  The callers
 * reach them through the names asm/hw_irq.h, asm/iosapic.h and setup.c
 * always used, so a kernel without CONFIG_IA64_PARAVIRT is unchanged.
 */
#ifndef _ASM_IA64_PARAVIRT_H
#define _ASM_IA64_PARAVIRT_H

#ifdef CONFIG_IA64_PARAVIRT

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/paravirt_privop.h>

struct irq_chip;
struct rsvd_region;

struct pv_init_ops {
	/* Boot-log line naming the hypervisor, or NULL. */
	void (*banner)(void);
	/* Fill reserved regions the hypervisor owns; returns their number. */
	int (*reserve_memory)(struct rsvd_region *region);
	/* First thing in setup_arch(). */
	void (*arch_setup_early)(void);
	/* Nonzero when the hypervisor has provided the console itself. */
	int (*arch_setup_console)(char **cmdline_p);
	/* Nonzero when machine-check handling must stay off. */
	int (*arch_setup_nomca)(void);
	void (*post_smp_prepare_boot_cpu)(void);
};

extern struct pv_init_ops pv_init_ops;

static inline void paravirt_banner(void)
{
	if (pv_init_ops.banner)
		pv_init_ops.banner();
}

static inline int paravirt_reserve_memory(struct rsvd_region *region)
{
	if (pv_init_ops.reserve_memory)
		return pv_init_ops.reserve_memory(region);
	return 0;
}

static inline void paravirt_arch_setup_early(void)
{
	if (pv_init_ops.arch_setup_early)
		pv_init_ops.arch_setup_early();
}

static inline int paravirt_arch_setup_console(char **cmdline_p)
{
	if (pv_init_ops.arch_setup_console)
		return pv_init_ops.arch_setup_console(cmdline_p);
	return 0;
}

static inline int paravirt_arch_setup_nomca(void)
{
	if (pv_init_ops.arch_setup_nomca)
		return pv_init_ops.arch_setup_nomca();
	return 0;
}

static inline void paravirt_post_smp_prepare_boot_cpu(void)
{
	if (pv_init_ops.post_smp_prepare_boot_cpu)
		pv_init_ops.post_smp_prepare_boot_cpu();
}

struct pv_irq_ops {
	void (*register_ipi)(void);
	int (*assign_irq_vector)(int irq);
	void (*free_irq_vector)(int vector);
	void (*resend_irq)(unsigned int vector);
};

extern struct pv_irq_ops pv_irq_ops;

struct pv_iosapic_ops {
	void (*pcat_compat_init)(void);
	struct irq_chip *(*get_irq_chip)(unsigned long trigger);
	unsigned int (*__read)(char __iomem *iosapic, unsigned int reg);
	void (*__write)(char __iomem *iosapic, unsigned int reg, u32 val);
};

extern struct pv_iosapic_ops pv_iosapic_ops;

#else /* !CONFIG_IA64_PARAVIRT */

static inline void paravirt_banner(void)
{
}

static inline int paravirt_reserve_memory(struct rsvd_region *region)
{
	return 0;
}

static inline void paravirt_arch_setup_early(void)
{
}

static inline int paravirt_arch_setup_console(char **cmdline_p)
{
	return 0;
}

static inline int paravirt_arch_setup_nomca(void)
{
	return 0;
}

static inline void paravirt_post_smp_prepare_boot_cpu(void)
{
}

#endif /* CONFIG_IA64_PARAVIRT */
#endif /* _ASM_IA64_PARAVIRT_H */
