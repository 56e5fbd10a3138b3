/* SPDX-License-Identifier: MIT */
/*
 * TLB-flush clock (see flushclock.h).  The clock runs 1 .. wrap_at - 1;
 * value 0 means "a wrap is in progress" and forces flushes.  After a wrap
 * every CPU has been flushed and every CPU stamp is 0, so a last-use stamp
 * larger than the current clock predates the wrap and needs no flush.
 */
#include "counters.h"
#include "domain.h"
#include "flush.h"
#include "flushclock.h"

static uint32_t fc_clock = 1;
static uint32_t fc_wrap_at;		/* 0 = natural 2^32 wrap */
static uint32_t fc_stamp[HV_MAX_PCPUS];
static hv_spinlock_t fc_wrap_lock;

void flushclock_init(uint32_t wrap_at)
{
	__atomic_store_n(&fc_wrap_at, wrap_at, __ATOMIC_RELAXED);
	for (unsigned i = 0; i < HV_MAX_PCPUS; i++)
		__atomic_store_n(&fc_stamp[i], 0, __ATOMIC_RELAXED);
	__atomic_store_n(&fc_clock, 1, __ATOMIC_RELEASE);
}

uint32_t flushclock_now(void)
{
	return __atomic_load_n(&fc_clock, __ATOMIC_ACQUIRE);
}

uint32_t flushclock_cpu_stamp(unsigned cpu)
{
	return cpu < HV_MAX_PCPUS ? __atomic_load_n(&fc_stamp[cpu], __ATOMIC_ACQUIRE) : 0;
}

bool flushclock_need_flush(uint32_t cpu_stamp, uint32_t last_use)
{
	uint32_t now = flushclock_now();

	if (now == 0)			/* wrapping: be safe */
		return true;
	if (last_use > now)		/* used before the last wrap */
		return false;
	return cpu_stamp <= last_use;	/* no flush since the last use */
}

static void clock_wrap(void)
{
	hv_count(CNT_FC_WRAP);
	hv_spin_lock(&fc_wrap_lock);
	__atomic_store_n(&fc_clock, 0, __ATOMIC_SEQ_CST);
	hw_flush_tlb_mask(~0ULL >> (64 - arch_nr_cpus()));
	for (unsigned i = 0; i < HV_MAX_PCPUS; i++)
		__atomic_store_n(&fc_stamp[i], 0, __ATOMIC_RELAXED);
	__atomic_store_n(&fc_clock, 1, __ATOMIC_SEQ_CST);
	hv_spin_unlock(&fc_wrap_lock);
}

/* Advance the clock; returns the new time, or 0 if this tick wrapped. */
static uint32_t clock_tick(void)
{
	uint32_t t = flushclock_now(), n;

	do {
		if (t == 0)		/* another CPU is wrapping */
			return 0;
		n = t + 1;
		if (n == __atomic_load_n(&fc_wrap_at, __ATOMIC_RELAXED) || n == 0) {
			clock_wrap();
			return 0;
		}
	} while (!__atomic_compare_exchange_n(&fc_clock, &t, n, false,
					      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
	return n;
}

void flushclock_local_flush(void)
{
	unsigned cpu = arch_cpu_id();
	uint32_t t;

	hw_ptc_e();
	t = clock_tick();
	/* On a wrap every stamp was reset and every CPU flushed. */
	if (t)
		__atomic_store_n(&fc_stamp[cpu], t, __ATOMIC_RELEASE);
}

void flushclock_domain_init(struct flushclock_domain *fc)
{
	for (unsigned i = 0; i < HV_MAX_PCPUS; i++) {
		fc->last_vcpu[i] = -1;
		fc->last_use[i] = 0;
	}
}

void flushclock_switch_out(struct vcpu *v)
{
	unsigned cpu = arch_cpu_id();

	__atomic_store_n(&v->domain->fc.last_use[cpu], flushclock_now(),
			 __ATOMIC_RELEASE);
}

void flushclock_switch_in(struct vcpu *v)
{
	struct flushclock_domain *fc = &v->domain->fc;
	unsigned cpu = arch_cpu_id();
	int prev = __atomic_load_n(&fc->last_vcpu[cpu], __ATOMIC_ACQUIRE);

	/* Entries another vCPU of this domain left here -- or this vCPU
	 * left before it moved away (its later ptc.l ran elsewhere) -- share
	 * our RIDs and would be visible: flush unless the clock proves a
	 * flush already happened since. */
	if (prev >= 0 && (prev != (int)v->id || v->last_processor != (int)cpu)) {
		if (flushclock_need_flush(flushclock_cpu_stamp(cpu),
					  __atomic_load_n(&fc->last_use[cpu],
							  __ATOMIC_ACQUIRE))) {
			hv_count(CNT_FC_FLUSH);
			flushclock_local_flush();
		} else {
			hv_count(CNT_FC_SKIP);
		}
	}
	__atomic_store_n(&fc->last_vcpu[cpu], (int)v->id, __ATOMIC_RELEASE);
}
