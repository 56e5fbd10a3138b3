// SPDX-License-Identifier: GPL-2.0
/*
 * Time of a Xen/ia64 guest: pv_time_ops.
 *
 * Xen keeps, for every vCPU, how long it has been running, runnable but
 * not running (stolen), blocked (idle) and offline, in a runstate area the
 * guest registers with VCPUOP_register_runstate_memory_area
 * (drivers/xen/time.c does the registration and the consistent reads).
 * The tick uses it to account the ticks during which a vCPU did not run
 * as stolen or idle time rather than to the task it interrupted, and
 * sched_clock() counts only the time a vCPU really had a processor, so
 * that the scheduler does not charge a task for time the hypervisor took.
 */

#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/minmax.h>
#include <linux/math64.h>
#include <linux/percpu.h>
#include <linux/processor.h>
#include <linux/sched/cputime.h>
#include <linux/time64.h>

#include <xen/interface/xen.h>
#include <xen/interface/vcpu.h>
#include <xen/xen-ops.h>

#include <asm/paravirt.h>
#include <asm/timex.h>
#include <asm/xen/hypervisor.h>

#include "irq_xen.h"

#define XEN_TICK_NS	(NSEC_PER_SEC / HZ)

/* Per CPU: runstate totals already accounted, and sched_clock() state. */
struct xen_cpu_time {
	bool registered;
	u64 stolen;		/* runnable + offline */
	u64 blocked;
	u64 entry_time;		/* state_entry_time of the last reading */
	u64 base;		/* running + blocked at that reading */
	u64 base_clock;		/* ITC-derived ns at that reading */
	u64 last;		/* last value returned */
};

static DEFINE_PER_CPU(struct xen_cpu_time, xen_cpu_time);

static u64 xen_stolen_total(const struct vcpu_runstate_info *rs)
{
	return rs->time[RUNSTATE_runnable] + rs->time[RUNSTATE_offline];
}

/*
 * Whole ticks of @delta_ns that may be accounted now, at most @max; what
 * is left over carries to the next tick, but never more than one tick of
 * it, so that time that could not be accounted (the ticks were not due)
 * is not accounted later instead of running time.
 */
static unsigned long xen_whole_ticks(u64 *seen, u64 total, unsigned long max)
{
	u64 delta = total > *seen ? total - *seen : 0;
	unsigned long n = min_t(u64, div_u64(delta, XEN_TICK_NS), max);
	u64 rest = delta - (u64)n * XEN_TICK_NS;

	if (rest >= XEN_TICK_NS)
		rest = XEN_TICK_NS - 1;
	*seen = total - rest;
	return n;
}

/* Runs on @cpu itself, before its first tick. */
static void xen_init_missing_ticks_accounting(unsigned int cpu)
{
	struct xen_cpu_time *t = this_cpu_ptr(&xen_cpu_time);
	struct vcpu_runstate_info rs;

	xen_register_event_callback();
	xen_setup_runstate_info(cpu);
	xen_get_runstate_snapshot(&rs);
	t->stolen = xen_stolen_total(&rs);
	t->blocked = rs.time[RUNSTATE_blocked];
	t->registered = true;
}

static unsigned long xen_do_steal_accounting(unsigned long *new_itm)
{
	struct xen_cpu_time *t = this_cpu_ptr(&xen_cpu_time);
	unsigned long delta = local_cpu_data->itm_delta;
	unsigned long now = ia64_get_itc(), due = 0, stolen, blocked;
	struct vcpu_runstate_info rs;

	if (!t->registered || !delta)
		return 0;
	/* Ticks due besides the one being handled. */
	if (time_after(now, *new_itm))
		due = (now - *new_itm) / delta;

	xen_get_runstate_snapshot(&rs);
	stolen = xen_whole_ticks(&t->stolen, xen_stolen_total(&rs), due);
	blocked = xen_whole_ticks(&t->blocked, rs.time[RUNSTATE_blocked],
				  due - stolen);
	if (stolen)
		account_steal_time((u64)stolen * XEN_TICK_NS);
	if (blocked)
		account_idle_time((u64)blocked * XEN_TICK_NS);
	*new_itm += (stolen + blocked) * delta;
	return stolen + blocked;
}

/*
 * Running + blocked time from the runstate, plus the time since the last
 * change of state, measured with the ITC.  Per CPU it never goes back.
 */
static unsigned long long notrace xen_sched_clock(void)
{
	struct xen_cpu_time *t;
	struct vcpu_runstate_info rs;
	unsigned long flags;
	u64 now, val;

	local_irq_save(flags);
	t = this_cpu_ptr(&xen_cpu_time);
	if (!t->registered) {
		val = paravirt_native_sched_clock();
		goto out;
	}
	now = ia64_native_sched_clock();
	xen_get_runstate_snapshot(&rs);
	if (rs.state_entry_time != t->entry_time) {
		t->entry_time = rs.state_entry_time;
		t->base = rs.time[RUNSTATE_running] +
			  rs.time[RUNSTATE_blocked];
		t->base_clock = now;
	}
	val = t->base + (now - t->base_clock);
out:
	val = max(val, t->last);
	t->last = val;
	local_irq_restore(flags);
	return val;
}

const struct pv_time_ops xen_time_ops = {
	.init_missing_ticks_accounting	= xen_init_missing_ticks_accounting,
	.do_steal_accounting		= xen_do_steal_accounting,
	.sched_clock			= xen_sched_clock,
};
