/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the multi-threaded stress tests: a deterministic per-thread
 * PRNG, a time budget, and the "no stale translation" invariant checked
 * at quiescent points (all threads parked at a barrier).
 */
#ifndef HV_STRESS_COMMON_H
#define HV_STRESS_COMMON_H

#include <pthread.h>
#include <time.h>

#include "hvtest.h"

/* Any ThreadSanitizer report fails the program, even when it is run by
 * hand without TSAN_OPTIONS. */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void)
{
	return "halt_on_error=1 exitcode=66";
}

#define KVA(off)	(0xe000000000000000ULL + (off))

static inline uint64_t xorshift(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

static inline double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Every translation of KVA(gpfn) still held by a machine TLB or by any
 * vCPU's VHPT must map the frame the p2m holds for gpfn now; a hole must
 * have no translation at all.  Returns the number of violations.
 */
static inline unsigned check_no_stale(struct domain *d, uint64_t gpfn0, uint64_t n)
{
	unsigned bad = 0;
	uint32_t rid = d->rid_base;	/* guest rid 0 in rr7 */

	for (uint64_t g = gpfn0; g < gpfn0 + n; g++) {
		uint64_t va = KVA(g << HV_PAGE_SHIFT), mfn = p2m_gpfn_to_mfn(d, g);
		uint64_t pte, itir;

		for (unsigned c = 0; c < arch_nr_cpus(); c++)
			if (rec_tlb_lookup(c, va, rid, &pte) &&
			    ((pte & PTE_PPN_MASK) >> HV_PAGE_SHIFT) != mfn) {
				printf("stale TLB: cpu %u gpfn %llu\n", c,
				       (unsigned long long)g);
				bad++;
			}
		for (unsigned i = 0; i < d->nr_vcpus; i++)
			if (vhpt_lookup(&d->vcpu[i]->vhpt, va,
					rr_make(rid, HV_PAGE_SHIFT, 1), &pte, &itir) &&
			    ((pte & PTE_PPN_MASK) >> HV_PAGE_SHIFT) != mfn) {
				printf("stale VHPT: vcpu %u gpfn %llu\n", i,
				       (unsigned long long)g);
				bad++;
			}
	}
	return bad;
}

#endif
