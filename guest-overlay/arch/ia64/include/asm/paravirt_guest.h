/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which hypervisor, if any, started this kernel.
 *
 * The value is decided before any C code runs: a native loader enters at
 * _start and leaves hypervisor_type at PARAVIRT_HYPERVISOR_TYPE_DEFAULT,
 * while a Xen domain builder enters at startup_xen (the address published
 * in the XEN_ELFNOTE_ENTRY note), which records PARAVIRT_HYPERVISOR_TYPE_XEN
 * first.  head.S uses the value to pick a per-CPU setup hook.
 */
#ifndef _ASM_IA64_PARAVIRT_GUEST_H
#define _ASM_IA64_PARAVIRT_GUEST_H

#define PARAVIRT_HYPERVISOR_TYPE_DEFAULT	0
#define PARAVIRT_HYPERVISOR_TYPE_XEN		1
/* Number of entries in head.S's hypervisor_setup_hooks table. */
#define PARAVIRT_HYPERVISOR_TYPE_NR		2

#ifndef __ASSEMBLY__

#include <linux/types.h>

#ifdef CONFIG_IA64_PARAVIRT
/* Eight bytes in head.S so that startup_xen can store it in physical mode. */
extern unsigned long hypervisor_type;

/*
 * Per-CPU setup hooks (head.S's hypervisor_setup_hooks) are called on every
 * CPU after the stacks are set up and before start_kernel() or
 * start_secondary(), in virtual mode with interrupts off; they must not use
 * per-CPU data or printk.  The Xen one is referenced weakly.
 */
void xen_setup_hook(unsigned long is_bsp);

static inline bool is_running_on_xen(void)
{
	return hypervisor_type == PARAVIRT_HYPERVISOR_TYPE_XEN;
}
#else
static inline bool is_running_on_xen(void)
{
	return false;
}
#endif

#endif /* __ASSEMBLY__ */
#endif /* _ASM_IA64_PARAVIRT_GUEST_H */
