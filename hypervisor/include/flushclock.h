/* SPDX-License-Identifier: MIT */
/*
 * The TLB-flush clock (doc 17.10): a global 32-bit clock that ticks on
 * every local TLB flush, per-pCPU stamps of the last flush, and per
 * domain the vCPU that last ran on each pCPU and when it left.  A context
 * switch flushes only if NEED_FLUSH says no flush happened since.  The
 * wrap point is configurable so tests can reach it; a wrap flushes every
 * CPU and restarts the clock.  VHPTs are per vCPU, so unlike the per-pCPU
 * VHPT design there is no VHPT stamp: only the machine TLB is tracked.
 */
#ifndef HV_FLUSHCLOCK_H
#define HV_FLUSHCLOCK_H

#include "hv.h"

struct vcpu;

struct flushclock_domain {
	int last_vcpu[HV_MAX_PCPUS];		/* -1: none */
	uint32_t last_use[HV_MAX_PCPUS];	/* clock when it left */
};

void flushclock_init(uint32_t wrap_at);	/* 0 = wrap at 2^32 */
uint32_t flushclock_now(void);
uint32_t flushclock_cpu_stamp(unsigned cpu);
/* Would a CPU last flushed at cpu_stamp still hold entries used at
 * last_use? */
bool flushclock_need_flush(uint32_t cpu_stamp, uint32_t last_use);
/* Flush this CPU's TLB and stamp it. */
void flushclock_local_flush(void);
void flushclock_domain_init(struct flushclock_domain *fc);
void flushclock_switch_out(struct vcpu *v);
void flushclock_switch_in(struct vcpu *v);

#endif
