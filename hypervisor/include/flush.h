/* SPDX-License-Identifier: MIT */
/*
 * Counted wrappers around the arch TLB operations, and the domain-wide
 * flush decisions: full vTLB flush, ranged global purge, and the
 * tlb_track-driven flush after a p2m entry is removed.
 */
#ifndef HV_FLUSH_H
#define HV_FLUSH_H

#include "hv.h"

struct domain;

void hw_tlb_insert(bool itlb, uint64_t va, uint64_t pte, uint64_t itir, uint32_t rid);
void hw_ptc_l(uint64_t va, unsigned ps, uint32_t rid);
void hw_ptc_ga(uint64_t va, unsigned ps, uint32_t rid);
void hw_ptc_e(void);
void hw_flush_tlb_mask(hv_cpumask_t mask);

/* Every vCPU's swTC and VHPT, and the TLB of every pCPU d ran on. */
void domain_flush_vtlb_all(struct domain *d);
/* Every vCPU's swTC/VHPT entries in the range, then ptc.ga. */
void domain_flush_vtlb_range(struct domain *d, uint64_t va, unsigned ps, uint32_t mrid);
/* After p2m entry `old` left *ptep: purge what may still translate it. */
void domain_page_flush(struct domain *d, uint64_t *ptep, uint64_t old);

#endif
