/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the generic Xen code expects from the architecture about the
 * hypervisor: the shared_info and start_info pointers, and CPU hot-plug
 * notifications (nothing to do on ia64).
 *
 * Whether Xen started us is decided by head.S (asm/paravirt_guest.h);
 * xen_domain() reads the result through xen_domain_type.
 */
#ifndef _ASM_IA64_XEN_HYPERVISOR_H
#define _ASM_IA64_XEN_HYPERVISOR_H

#include <linux/init.h>
#include <linux/static_call_types.h>
#include <linux/types.h>
#include <asm/paravirt_guest.h>

struct shared_info;
struct start_info;

/*
 * Both stay NULL natively.  Under Xen, shared_info is mapped at the
 * address the guest registers with FW_HYPERCALL_SET_SHARED_INFO_VA.
 */
extern struct shared_info *HYPERVISOR_shared_info;
extern struct start_info *xen_start_info;

/*
 * Stolen time: drivers/xen/time.c installs xen_steal_clock() here and
 * enables the keys.  ia64 has no generic CONFIG_PARAVIRT, so the scheduler
 * does not read them; the ia64 time code does.
 */
struct static_key;
extern struct static_key paravirt_steal_enabled;
extern struct static_key paravirt_steal_rq_enabled;
u64 dummy_steal_clock(int cpu);
DECLARE_STATIC_CALL(pv_steal_clock, dummy_steal_clock);

#ifdef CONFIG_HOTPLUG_CPU
static inline void xen_arch_register_cpu(int num)
{
}

static inline void xen_arch_unregister_cpu(int num)
{
}
#endif

#endif /* _ASM_IA64_XEN_HYPERVISOR_H */
