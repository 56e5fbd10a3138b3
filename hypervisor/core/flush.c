/* SPDX-License-Identifier: MIT */
/*
 * Flush decisions.  Every machine TLB operation the core issues passes
 * through the hw_* wrappers so it is counted; the domain-level helpers
 * decide how little can be purged while guaranteeing that no translation
 * of a removed p2m entry survives (doc 17.6, 17.9).
 */
#include "counters.h"
#include "domain.h"
#include "flush.h"
#include "tlb_track.h"

void hw_tlb_insert(bool itlb, uint64_t va, uint64_t pte, uint64_t itir, uint32_t rid)
{
	hv_count(CNT_TLB_INSERT);
	arch_tlb_insert(itlb, va, pte, itir, rid);
}

void hw_ptc_l(uint64_t va, unsigned ps, uint32_t rid)
{
	hv_count(CNT_PTC_L);
	arch_ptc_l(va, ps, rid);
}

void hw_ptc_ga(uint64_t va, unsigned ps, uint32_t rid)
{
	hv_count(CNT_PTC_GA);
	arch_ptc_ga(va, ps, rid);
}

void hw_ptc_e(void)
{
	hv_count(CNT_PTC_E);
	arch_ptc_e();
}

void hw_flush_tlb_mask(hv_cpumask_t mask)
{
	hv_count(CNT_FLUSH_MASK);
	arch_flush_tlb_mask(mask);
}

void domain_flush_vtlb_all(struct domain *d)
{
	hv_count(CNT_VTLB_FLUSH_ALL);
	for (unsigned i = 0; i < d->nr_vcpus; i++)
		vtlb_flush_vcpu(d->vcpu[i]);
	/* Every pCPU any vCPU of d has run on may hold d's entries; the
	 * current pCPU is included for hypervisor-context inserts. */
	hw_flush_tlb_mask(__atomic_load_n(&d->dirty_cpus, __ATOMIC_ACQUIRE) |
			  (1ULL << arch_cpu_id()));
}

void domain_flush_vtlb_range(struct domain *d, uint64_t va, unsigned ps, uint32_t mrid)
{
	for (unsigned i = 0; i < d->nr_vcpus; i++)
		vtlb_purge_vcpu_range(d->vcpu[i], va, ps, mrid);
	hw_ptc_ga(va, ps, mrid);
}

static void flush_found(struct domain *d, const struct tlb_track_entry *e)
{
	struct vcpu *cur = hv_current();
	unsigned cpu = arch_cpu_id();

	/* Local purge suffices only if the current vCPU alone inserted the
	 * page and did so on this very pCPU. */
	if (cur && cur->domain == d && e->vcpu_dirty == (1ULL << cur->id) &&
	    e->pcpu_dirty == (1ULL << cpu)) {
		vtlb_purge_vcpu_range(cur, e->va, HV_PAGE_SHIFT, e->rid);
		hw_ptc_l(e->va, HV_PAGE_SHIFT, e->rid);
		return;
	}
	for (unsigned i = 0; i < d->nr_vcpus; i++)
		if (e->vcpu_dirty & (1ULL << i))
			vtlb_purge_vcpu_range(d->vcpu[i], e->va, HV_PAGE_SHIFT, e->rid);
	hw_ptc_ga(e->va, HV_PAGE_SHIFT, e->rid);
}

void domain_page_flush(struct domain *d, uint64_t *ptep, uint64_t old)
{
	struct tlb_track_entry found;
	enum tlb_track_unmap_result r = TT_NOT_TRACKED;

	if (d->tlb_track)
		r = tlb_track_search_and_remove(d->tlb_track, ptep, old, &found);
	switch (r) {
	case TT_NOT_FOUND:	/* never inserted: nothing can be stale */
		hv_count(CNT_TT_UNMAP_NOT_FOUND);
		return;
	case TT_FOUND:
		hv_count(CNT_TT_UNMAP_FOUND);
		flush_found(d, &found);
		return;
	case TT_MANY:
		hv_count(CNT_TT_UNMAP_MANY);
		break;
	case TT_NOT_TRACKED:
		hv_count(CNT_TT_UNMAP_NOT_TRACKED);
		break;
	}
	domain_flush_vtlb_all(d);
}
