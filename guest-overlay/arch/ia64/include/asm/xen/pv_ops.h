/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Xen/ia64 instance of the paravirt hook tables.
 *
 * xen_setup_pv_ops() (arch/ia64/xen/xen_pv_ops.c) installs them on the
 * boot CPU from the Xen setup hook, before start_kernel().  The
 * pv_cpu_ops entries and the sequences that replace their call sites are
 * assembled in arch/ia64/xen/xen_pv_cpu.S; they follow the call-site
 * convention of asm/paravirt_privop.h and cannot be called from C.
 */
#ifndef _ASM_IA64_XEN_PV_OPS_H
#define _ASM_IA64_XEN_PV_OPS_H

#include <linux/types.h>
#include <asm/paravirt.h>
#include <asm/paravirt_entry.h>

/*
 * The Xen replacement of the call sites of one type: the bundles
 * [start, end), after which execution goes on with the next bundle.
 */
struct xen_patch_template {
	unsigned long type;
	const void *start;
	const void *end;
};

/* Sorted by type and ended by an entry whose start is NULL. */
extern const struct xen_patch_template xen_patch_templates[];

/* The room the generic patcher promises at every site. */
#define XEN_PATCH_ROOM_BUNDLES	5

const struct xen_patch_template *xen_patch_find(unsigned long type);
unsigned long xen_pv_patch_bundle(void *sbundle, void *ebundle,
				  unsigned long type);

extern const struct pv_cpu_ops xen_cpu_ops;
extern const struct pv_cpu_asm_switch xen_cpu_asm_switch;

/* Entry points with the stub's convention (prototypes as the table's). */
void xen_pv_fc(unsigned long addr);
unsigned long xen_pv_thash(unsigned long addr);
unsigned long xen_pv_get_cpuid(int index);
unsigned long xen_pv_get_pmd(int index);
unsigned long xen_pv_getreg(int reg);
void xen_pv_setreg(int reg, unsigned long val);
void xen_pv_ptcga(unsigned long addr, unsigned long size);
unsigned long xen_pv_get_rr(unsigned long index);
void xen_pv_set_rr(unsigned long index, unsigned long val);
void xen_pv_set_rr0_to_rr4(unsigned long val0, unsigned long val1,
			   unsigned long val2, unsigned long val3,
			   unsigned long val4);
void xen_pv_ssm_i(void);
void xen_pv_rsm_i(void);
unsigned long xen_pv_get_psr_i(void);
void xen_pv_intrin_local_irq_restore(unsigned long flags);

/* The Xen build of ivt.S and entry.S (arch/ia64/xen/xen-*.o). */
extern char xen_ivt[];
struct task_struct *xen_switch_to(void *next_task);
extern char xen_ret_from_clone[];
extern char xen_leave_kernel[];
extern char xen_strace_leave_kernel[];

#endif /* _ASM_IA64_XEN_PV_OPS_H */
