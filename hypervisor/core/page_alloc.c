/* SPDX-License-Identifier: MIT */
/*
 * Frame table and page reference counting.  All fields are updated with
 * compare-and-swap so that grant mapping, p2m updates and page stealing
 * can race on different CPUs without a global lock.
 */
#include "page_alloc.h"
#include "domain.h"

static struct page_info *frame_table;
static uint64_t frame_table_size;

int hv_page_init(void)
{
	uint64_t n = arch_max_mfn();

	frame_table = arch_heap_alloc(n * sizeof(*frame_table), 64);
	if (!frame_table)
		return -HV_ENOMEM;
	for (uint64_t i = 0; i < n; i++) {
		frame_table[i].count_info = 0;
		frame_table[i].owner = NULL;
		frame_table[i].m2p = M2P_INVALID;
	}
	frame_table_size = n;
	return 0;
}

void hv_page_fini(void)
{
	arch_heap_free(frame_table);
	frame_table = NULL;
	frame_table_size = 0;
}

struct page_info *mfn_to_page(uint64_t mfn)
{
	return mfn < frame_table_size ? &frame_table[mfn] : NULL;
}

uint64_t page_to_mfn(const struct page_info *pg)
{
	return (uint64_t)(pg - frame_table);
}

uint64_t hv_alloc_domheap_page(struct domain *d)
{
	uint64_t mfn;
	struct page_info *pg;

	/* Reserve the quota first so concurrent allocations cannot overrun. */
	if (__atomic_add_fetch(&d->tot_pages, 1, __ATOMIC_RELAXED) > d->max_pages) {
		__atomic_sub_fetch(&d->tot_pages, 1, __ATOMIC_RELAXED);
		return ARCH_INVALID_MFN;
	}
	mfn = arch_page_alloc();
	pg = mfn_to_page(mfn);
	if (!pg) {
		__atomic_sub_fetch(&d->tot_pages, 1, __ATOMIC_RELAXED);
		return ARCH_INVALID_MFN;
	}
	__atomic_store_n(&pg->m2p, M2P_INVALID, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->owner, d, __ATOMIC_RELAXED);
	/* Publishing the count last makes the page visible as allocated. */
	__atomic_store_n(&pg->count_info, PGC_ALLOCATED | 1, __ATOMIC_RELEASE);
	return mfn;
}

uint64_t hv_alloc_xenheap_page(void)
{
	uint64_t mfn = arch_page_alloc();
	struct page_info *pg = mfn_to_page(mfn);

	if (!pg)
		return ARCH_INVALID_MFN;
	__atomic_store_n(&pg->owner, NULL, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->count_info, 1, __ATOMIC_RELEASE);
	return mfn;
}

void hv_free_xenheap_page(uint64_t mfn)
{
	struct page_info *pg = mfn_to_page(mfn);

	if (!pg)
		arch_panic("free of an invalid xenheap page");
	__atomic_store_n(&pg->count_info, 0, __ATOMIC_RELAXED);
	arch_page_free(mfn);
}

bool hv_get_page(struct page_info *pg, struct domain *d)
{
	uint64_t c = __atomic_load_n(&pg->count_info, __ATOMIC_ACQUIRE);

	for (;;) {
		/* Only pages still allocated to d may gain references: a page
		 * whose allocation was dropped is on its way to the free list. */
		if (!(c & PGC_ALLOCATED) || (c & PGC_COUNT_MASK) == 0 ||
		    (c & PGC_COUNT_MASK) == PGC_COUNT_MASK)
			return false;
		if (hv_page_owner(pg) != d)
			return false;
		if (__atomic_compare_exchange_n(&pg->count_info, &c, c + 1, false,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			return true;
	}
}

void hv_put_page(struct page_info *pg)
{
	struct domain *owner = hv_page_owner(pg);
	uint64_t c = __atomic_sub_fetch(&pg->count_info, 1, __ATOMIC_ACQ_REL);

	if ((c & PGC_COUNT_MASK) == PGC_COUNT_MASK)
		arch_panic("page reference count underflow");
	if ((c & PGC_COUNT_MASK) != 0)
		return;
	if (c & PGC_ALLOCATED)
		arch_panic("last reference dropped on an allocated page");
	__atomic_store_n(&pg->m2p, M2P_INVALID, __ATOMIC_RELAXED);
	__atomic_store_n(&pg->owner, NULL, __ATOMIC_RELEASE);
	if (owner)
		__atomic_sub_fetch(&owner->tot_pages, 1, __ATOMIC_RELAXED);
	arch_page_free(page_to_mfn(pg));
}

bool hv_page_clear_allocated(struct page_info *pg)
{
	uint64_t old = __atomic_fetch_and(&pg->count_info, ~PGC_ALLOCATED,
					  __ATOMIC_ACQ_REL);

	return (old & PGC_ALLOCATED) != 0;
}

int hv_page_steal(struct page_info *pg, struct domain *d)
{
	uint64_t expect = PGC_ALLOCATED | 1;

	if (hv_page_owner(pg) != d)
		return -HV_EINVAL;
	/* Exactly the allocation reference: nobody else may hold it. */
	if (!__atomic_compare_exchange_n(&pg->count_info, &expect, 1, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return -HV_EBUSY;
	__atomic_store_n(&pg->owner, NULL, __ATOMIC_RELEASE);
	__atomic_sub_fetch(&d->tot_pages, 1, __ATOMIC_RELAXED);
	return 0;
}

void hv_page_orphan_all(struct domain *d)
{
	/* Pages d no longer maps but others still reference (grant or
	 * foreign mappings) outlive d: they lose their owner so the last
	 * put frees them without touching the dead domain. */
	for (uint64_t i = 0; i < frame_table_size; i++) {
		struct page_info *pg = &frame_table[i];

		if (hv_page_owner(pg) == d) {
			__atomic_store_n(&pg->owner, NULL, __ATOMIC_RELEASE);
			__atomic_sub_fetch(&d->tot_pages, 1, __ATOMIC_RELAXED);
		}
	}
}
