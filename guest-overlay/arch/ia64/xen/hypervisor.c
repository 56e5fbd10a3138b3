// SPDX-License-Identifier: GPL-2.0
/*
 * Per-domain and per-vCPU state the generic Xen code expects from the
 * architecture, and its suspend hooks.
 *
 * Natively all of this stays empty: every user first checks xen_domain(),
 * which is false unless head.S saw the Xen entry point.
 */

#include <linux/export.h>
#include <linux/jump_label.h>
#include <linux/percpu.h>
#include <linux/stddef.h>
#include <linux/static_call.h>
#include <linux/types.h>

#include <xen/interface/xen.h>
#include <xen/xen-ops.h>

#include <asm/xen/hypervisor.h>

/* The Xen/ia64 shared_info layout the hypervisor writes. */
static_assert(sizeof(struct vcpu_info) == 48);
static_assert(offsetof(struct shared_info, evtchn_pending) == 64 * 48);
static_assert(offsetof(struct shared_info, arch) == 4112);
static_assert(sizeof(struct arch_shared_info) == 272);

struct shared_info *HYPERVISOR_shared_info;
EXPORT_SYMBOL_GPL(HYPERVISOR_shared_info);

struct start_info *xen_start_info;
EXPORT_SYMBOL_GPL(xen_start_info);

/* This CPU's vcpu_info, inside shared_info until registered elsewhere. */
DEFINE_PER_CPU(struct vcpu_info *, xen_vcpu);

/* Xen's vCPU number for each CPU, filled in by the Xen CPU setup. */
DEFINE_PER_CPU(u32, xen_vcpu_id);
EXPORT_PER_CPU_SYMBOL(xen_vcpu_id);

/* No time is stolen until Xen's runstate accounting says otherwise. */
u64 dummy_steal_clock(int cpu)
{
	return 0;
}

DEFINE_STATIC_CALL(pv_steal_clock, dummy_steal_clock);

struct static_key paravirt_steal_enabled;
struct static_key paravirt_steal_rq_enabled;

/*
 * Nothing ia64-specific has to be saved around a suspend yet: the
 * shared_info and mapped-register addresses are re-registered by the
 * per-CPU setup on resume.
 */
void xen_arch_pre_suspend(void)
{
}

void xen_arch_post_suspend(int suspend_cancelled)
{
}

void xen_arch_suspend(void)
{
}

void xen_arch_resume(void)
{
}

/* The local timer tick is re-armed by the ia64 time code itself. */
void xen_timer_resume(void)
{
}
