/* SPDX-License-Identifier: MIT */
/*
 * Machine page ownership: the frame table (one page_info per machine
 * frame) with owner, reference count and the m2p (machine-to-pseudo-
 * physical) entry.  Domain pages carry an "allocated" reference
 * (PGC_ALLOCATED) held by the domain's p2m; grant and foreign mappings take
 * ordinary references on top of it.
 */
#ifndef HV_PAGE_ALLOC_H
#define HV_PAGE_ALLOC_H

#include "hv.h"

struct domain;

#define PGC_ALLOCATED	(1ULL << 63)
#define PGC_COUNT_MASK	0xffffffffULL
#define M2P_INVALID	(~0ULL)

struct page_info {
	uint64_t count_info;	/* atomic: PGC_ALLOCATED | reference count */
	struct domain *owner;	/* atomic; NULL for hypervisor/free pages */
	uint64_t m2p;		/* atomic: gpfn in the owner, or M2P_INVALID */
};

int hv_page_init(void);
void hv_page_fini(void);
struct page_info *mfn_to_page(uint64_t mfn);
uint64_t page_to_mfn(const struct page_info *pg);

/* A page for d's memory: owned by d, count = PGC_ALLOCATED | 1. */
uint64_t hv_alloc_domheap_page(struct domain *d);
/* A page for hypervisor data (p2m tables, shared frames); owner NULL. */
uint64_t hv_alloc_xenheap_page(void);
void hv_free_xenheap_page(uint64_t mfn);

/* Take a reference if the page is allocated to d; false otherwise. */
bool hv_get_page(struct page_info *pg, struct domain *d);
/* Drop a reference; the last one frees the page. */
void hv_put_page(struct page_info *pg);
/* Atomically drop PGC_ALLOCATED; true if this call cleared it (the caller
 * then owns that reference and must hv_put_page it). */
bool hv_page_clear_allocated(struct page_info *pg);
/* Take the page away from d if its only reference is the allocation one.
 * On success the caller holds one plain reference and owner is NULL. */
int hv_page_steal(struct page_info *pg, struct domain *d);

/* At domain destruction: disown every page still owned by d. */
void hv_page_orphan_all(struct domain *d);

static inline uint64_t hv_page_count(const struct page_info *pg)
{
	return __atomic_load_n(&pg->count_info, __ATOMIC_ACQUIRE) & PGC_COUNT_MASK;
}

static inline struct domain *hv_page_owner(const struct page_info *pg)
{
	return __atomic_load_n(&pg->owner, __ATOMIC_ACQUIRE);
}

#endif
