/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen/ia64 hypercalls.
 *
 * A hypercall is "break 0x1000" with the hypercall number in r2 and up to
 * five arguments in the caller's stacked output registers; the result
 * comes back in r8.  __xen_hypercall() (hypercall.S) is a leaf routine that
 * does exactly this, so from C a hypercall is a plain function call.
 *
 * Arguments that are pointers must be xencomm addresses (asm/xen/xencomm.h),
 * so the HYPERVISOR_*() wrappers below are functions (xcom_hcall.c) that
 * know each operation's argument size and nested guest handles and
 * translate them; operations they do not know fail with -ENOSYS rather
 * than handing Xen a virtual address.
 */
#ifndef _ASM_IA64_XEN_HYPERCALL_H
#define _ASM_IA64_XEN_HYPERCALL_H

#include <linux/types.h>
#include <xen/interface/xen.h>
#include <xen/interface/sched.h>

long __xen_hypercall(unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long cmd);

#define _hypercall0(name)						\
	__xen_hypercall(0, 0, 0, 0, 0, __HYPERVISOR_##name)
#define _hypercall1(name, a1)						\
	__xen_hypercall((unsigned long)(a1), 0, 0, 0, 0,		\
			__HYPERVISOR_##name)
#define _hypercall2(name, a1, a2)					\
	__xen_hypercall((unsigned long)(a1), (unsigned long)(a2),	\
			0, 0, 0, __HYPERVISOR_##name)
#define _hypercall3(name, a1, a2, a3)					\
	__xen_hypercall((unsigned long)(a1), (unsigned long)(a2),	\
			(unsigned long)(a3), 0, 0, __HYPERVISOR_##name)

int HYPERVISOR_xen_version(int cmd, void *arg);
int HYPERVISOR_console_io(int cmd, int count, char *str);
int HYPERVISOR_event_channel_op(int cmd, void *arg);
int HYPERVISOR_sched_op(int cmd, void *arg);
int HYPERVISOR_memory_op(unsigned int cmd, void *arg);
int HYPERVISOR_grant_table_op(unsigned int cmd, void *uop,
			      unsigned int count);
int HYPERVISOR_physdev_op(int cmd, void *arg);
int HYPERVISOR_vcpu_op(int cmd, int vcpuid, void *extra_args);
int HYPERVISOR_callback_op(int cmd, void *arg);
unsigned long HYPERVISOR_hvm_op(int op, void *arg);

static inline int HYPERVISOR_vm_assist(unsigned int cmd, unsigned int type)
{
	return _hypercall2(vm_assist, cmd, type);
}

/*
 * End of interrupt for a physical IRQ, by value: EOI is frequent, and this
 * avoids both xencomm and PHYSDEVOP_eoi's argument structure.
 */
static inline int HYPERVISOR_ia64_fast_eoi(unsigned int irq)
{
	return _hypercall1(ia64_fast_eoi, irq);
}

static inline int HYPERVISOR_suspend(unsigned long start_info_mfn)
{
	struct sched_shutdown r = { .reason = SHUTDOWN_suspend };

	/* start_info_mfn is not used: the guest is auto-translated. */
	return HYPERVISOR_sched_op(SCHEDOP_shutdown, &r);
}

#endif /* _ASM_IA64_XEN_HYPERCALL_H */
