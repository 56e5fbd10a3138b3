/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The entry-code routines that C code names (pv_cpu_asm_switch).
 *
 * ivt.S, entry.S and fsys.S are assembled twice, natively and for Xen
 * (arch/ia64/xen, symbols renamed xen_*); inside each copy the branches
 * stay within that copy, and the interruption vector (cr.iva) decides
 * which copy runs.  C code reaches the entry code in a few places only:
 * it calls the context switch, and it hands out the addresses at which a
 * new task and rt_sigreturn continue.  Those go through this table, which
 * holds the native routines until a hypervisor's setup hook replaces
 * them, before the first context switch.
 */
#ifndef _ASM_IA64_PARAVIRT_ENTRY_H
#define _ASM_IA64_PARAVIRT_ENTRY_H

struct task_struct;

struct task_struct *ia64_switch_to(void *next_task);
extern char ia64_ret_from_clone[];
extern char ia64_leave_kernel[];
extern char ia64_strace_leave_kernel[];

#ifdef CONFIG_IA64_PARAVIRT

#include <linux/compiler.h>

struct pv_cpu_asm_switch {
	struct task_struct *(*switch_to)(void *next_task);
	/* Where a new task starts (its switch_stack's b0). */
	unsigned long ret_from_clone;
	/* Where rt_sigreturn continues, without and with syscall tracing. */
	unsigned long leave_kernel;
	unsigned long strace_leave_kernel;
};

extern struct pv_cpu_asm_switch pv_cpu_asm_switch;

static __always_inline struct task_struct *paravirt_switch_to(void *next)
{
	return pv_cpu_asm_switch.switch_to(next);
}

#define paravirt_ret_from_clone()	(pv_cpu_asm_switch.ret_from_clone)
#define paravirt_leave_kernel()		(pv_cpu_asm_switch.leave_kernel)
#define paravirt_strace_leave_kernel()	(pv_cpu_asm_switch.strace_leave_kernel)

#else /* !CONFIG_IA64_PARAVIRT */

#define paravirt_switch_to(next)	ia64_switch_to(next)
#define paravirt_ret_from_clone()	((unsigned long)ia64_ret_from_clone)
#define paravirt_leave_kernel()		((unsigned long)ia64_leave_kernel)
#define paravirt_strace_leave_kernel()	((unsigned long)ia64_strace_leave_kernel)

#endif /* CONFIG_IA64_PARAVIRT */
#endif /* _ASM_IA64_PARAVIRT_ENTRY_H */
