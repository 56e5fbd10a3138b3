/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Architecture hooks of the generic event-channel code.
 *
 * Per-CPU interrupts that the hypervisor cannot deliver as real interrupts
 * (IPIs, rescheduling, the corrected-error polling vectors) are bound to
 * IPI event channels, one per entry of enum ipi_vector and CPU.
 */
#ifndef _ASM_IA64_XEN_EVENTS_H
#define _ASM_IA64_XEN_EVENTS_H

#include <linux/atomic.h>
#include <asm/kregs.h>
#include <asm/ptrace.h>

enum ipi_vector {
	XEN_RESCHEDULE_VECTOR,
	XEN_IPI_VECTOR,
	XEN_CMCP_VECTOR,
	XEN_CPEP_VECTOR,

	XEN_NR_IPIS,
};

/* The upcall interrupted code that ran with (virtual) psr.i clear. */
static inline int xen_irqs_disabled(struct pt_regs *regs)
{
	return !(regs->cr_ipsr & IA64_PSR_I);
}

/*
 * Legacy (ISA) interrupts reach ia64 through the IOSAPIC like any other
 * GSI: the event code has no fixed range of IRQs to leave alone.
 */
static inline int nr_legacy_irqs(void)
{
	return 0;
}

#define xchg_xen_ulong(ptr, val)	xchg((ptr), (val))

/* EVTCHNOP_bind_vcpu works for every port type on ia64. */
static inline bool xen_support_evtchn_rebind(void)
{
	return true;
}

#endif /* _ASM_IA64_XEN_EVENTS_H */
