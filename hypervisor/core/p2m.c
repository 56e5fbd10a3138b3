/* SPDX-License-Identifier: MIT */
/*
 * Lock-free per-domain p2m (protocol described in p2m.h and doc 17.7).
 * Memory orders: table pages are zeroed before a release CAS publishes
 * them and walked with acquire loads; leaf updates are acq_rel so a reader
 * that sees a new entry also sees the m2p/page state written before it.
 */
#include "p2m.h"
#include "domain.h"
#include "flush.h"
#include "page_alloc.h"

uint64_t p2m_make_pte(uint64_t mfn, unsigned flags)
{
	uint64_t pte = PTE_P | PTE_A | PTE_D;

	pte |= (mfn << HV_PAGE_SHIFT) & PTE_PPN_MASK;
	pte |= (uint64_t)((flags & (ASSIGN_nocache | ASSIGN_io)) ? MA_UC : MA_WB)
	       << PTE_MA_SHIFT;
	pte |= (uint64_t)((flags & ASSIGN_readonly) ? AR_R : AR_RWX) << PTE_AR_SHIFT;
	if (flags & ASSIGN_tlb_track)
		pte |= P2M_TLB_TRACKING;
	if (flags & ASSIGN_pgc_allocated)
		pte |= P2M_PGC_ALLOCATED;
	if (flags & ASSIGN_io)
		pte |= P2M_IO;
	return pte;
}

static uint64_t *table_alloc(struct domain *d)
{
	uint64_t mfn = hv_alloc_xenheap_page();

	if (mfn == ARCH_INVALID_MFN)
		return NULL;
	__atomic_add_fetch(&d->p2m.nr_tables, 1, __ATOMIC_RELAXED);
	return arch_mfn_to_virt(mfn);	/* the pool hands out zeroed pages */
}

static void table_free(struct domain *d, uint64_t *t)
{
	__atomic_sub_fetch(&d->p2m.nr_tables, 1, __ATOMIC_RELAXED);
	hv_free_xenheap_page(arch_virt_to_mfn(t));
}

int p2m_init(struct domain *d)
{
	d->p2m.nr_tables = 0;
	d->p2m.top = table_alloc(d);
	return d->p2m.top ? 0 : -HV_ENOMEM;
}

/* Next level below slot, creating it if asked.  Losing the CAS race means
 * another CPU installed a table first: use theirs and free ours. */
static uint64_t *next_level(struct domain *d, uint64_t *slot, bool alloc, int *err)
{
	uint64_t cur = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	uint64_t *t;

	if (cur)
		return (uint64_t *)(uintptr_t)cur;
	if (!alloc) {
		*err = -HV_ENOENT;
		return NULL;
	}
	t = table_alloc(d);
	if (!t) {
		*err = -HV_ENOMEM;
		return NULL;
	}
	if (__atomic_compare_exchange_n(slot, &cur, (uint64_t)(uintptr_t)t, false,
					__ATOMIC_RELEASE, __ATOMIC_ACQUIRE))
		return t;
	table_free(d, t);
	return (uint64_t *)(uintptr_t)cur;
}

uint64_t *p2m_lookup_pte(struct domain *d, uint64_t gpfn, bool alloc, int *err)
{
	unsigned i0 = (unsigned)(gpfn >> (2 * P2M_LEVEL_BITS)) & (P2M_ENTRIES - 1);
	unsigned i1 = (unsigned)(gpfn >> P2M_LEVEL_BITS) & (P2M_ENTRIES - 1);
	unsigned i2 = (unsigned)gpfn & (P2M_ENTRIES - 1);
	uint64_t *mid, *leaf;
	int dummy;

	if (!err)
		err = &dummy;
	if (gpfn >= P2M_MAX_GPFN || !d->p2m.top) {
		*err = -HV_EINVAL;
		return NULL;
	}
	mid = next_level(d, &d->p2m.top[i0], alloc, err);
	if (!mid)
		return NULL;
	leaf = next_level(d, &mid[i1], alloc, err);
	if (!leaf)
		return NULL;
	*err = 0;
	return &leaf[i2];
}

int p2m_lookup(struct domain *d, uint64_t gpaddr, struct p2m_entry *e)
{
	int err;
	uint64_t *ptep = p2m_lookup_pte(d, gpaddr >> HV_PAGE_SHIFT, false, &err);
	uint64_t v;

	if (!ptep)
		return err;
	v = __atomic_load_n(ptep, __ATOMIC_ACQUIRE);
	if (!p2m_pte_present(v))
		return -HV_ENOENT;
	e->ptep = ptep;
	e->val = v;
	return 0;
}

bool p2m_entry_changed(const struct p2m_entry *e)
{
	uint64_t now = __atomic_load_n(e->ptep, __ATOMIC_ACQUIRE);

	return (now & ~P2M_TRACK_STATE) != (e->val & ~P2M_TRACK_STATE);
}

uint64_t p2m_gpfn_to_mfn(struct domain *d, uint64_t gpfn)
{
	struct p2m_entry e = { 0 };

	if (gpfn >= P2M_MAX_GPFN || p2m_lookup(d, gpfn << HV_PAGE_SHIFT, &e))
		return ARCH_INVALID_MFN;
	return p2m_pte_mfn(e.val);
}

static void m2p_set(uint64_t pte, uint64_t gpfn)
{
	struct page_info *pg;

	if (!(pte & P2M_PGC_ALLOCATED) || !(pg = mfn_to_page(p2m_pte_mfn(pte))))
		return;
	__atomic_store_n(&pg->m2p, gpfn, __ATOMIC_RELAXED);
}

/* Invalidate only if the m2p still names this gpfn: the frame may have
 * been given a new home meanwhile. */
static void m2p_clear(uint64_t pte, uint64_t gpfn)
{
	struct page_info *pg;
	uint64_t expect = gpfn;

	if (!(pte & P2M_PGC_ALLOCATED) || !(pg = mfn_to_page(p2m_pte_mfn(pte))))
		return;
	__atomic_compare_exchange_n(&pg->m2p, &expect, M2P_INVALID, false,
				    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}

/* After an entry left the p2m: flush what may still translate through it,
 * then drop the reference it held (never before the flush: the frame
 * could be reused while a stale translation exists). */
static void p2m_release(struct domain *d, uint64_t *ptep, uint64_t old)
{
	struct page_info *pg;

	if (!p2m_pte_present(old))
		return;
	domain_page_flush(d, ptep, old);
	if (old & P2M_IO)
		return;
	pg = mfn_to_page(p2m_pte_mfn(old));
	if (!pg)
		arch_panic("p2m entry with an invalid frame");
	if (old & P2M_PGC_ALLOCATED) {
		if (hv_page_clear_allocated(pg))
			hv_put_page(pg);
	} else {
		hv_put_page(pg);
	}
}

int p2m_cmpxchg_rel(struct domain *d, uint64_t gpfn, uint64_t old, uint64_t new)
{
	int err;
	uint64_t *ptep = p2m_lookup_pte(d, gpfn, true, &err);

	if (!ptep)
		return err;
	m2p_set(new, gpfn);
	hv_mb();
	if (!__atomic_compare_exchange_n(ptep, &old, new, false, __ATOMIC_RELEASE,
					 __ATOMIC_RELAXED))
		return -HV_EAGAIN;
	hv_mb();
	if (p2m_pte_mfn(old) != p2m_pte_mfn(new) || !(new & P2M_PGC_ALLOCATED))
		m2p_clear(old, gpfn);
	return 0;
}

int p2m_assign_new(struct domain *d, uint64_t gpfn, uint64_t *mfn_out)
{
	int err;
	uint64_t *ptep = p2m_lookup_pte(d, gpfn, true, &err);
	uint64_t mfn, pte, expect = 0;
	struct page_info *pg;

	if (!ptep)
		return err;
	if (p2m_pte_present(__atomic_load_n(ptep, __ATOMIC_ACQUIRE)))
		return -HV_EBUSY;
	mfn = hv_alloc_domheap_page(d);
	if (mfn == ARCH_INVALID_MFN)
		return -HV_ENOMEM;
	pte = p2m_make_pte(mfn, ASSIGN_pgc_allocated);
	m2p_set(pte, gpfn);
	hv_mb();
	if (!__atomic_compare_exchange_n(ptep, &expect, pte, false, __ATOMIC_RELEASE,
					 __ATOMIC_RELAXED)) {
		/* Somebody filled the slot first; give the page back. */
		pg = mfn_to_page(mfn);
		hv_page_clear_allocated(pg);
		hv_put_page(pg);
		return -HV_EBUSY;
	}
	if (mfn_out)
		*mfn_out = mfn;
	return 0;
}

/* PTE for a new mapping of mfn plus the reference the entry will hold. */
static int map_prepare(uint64_t mfn, unsigned flags, struct domain *owner,
		       uint64_t *pte)
{
	struct page_info *pg = mfn_to_page(mfn);

	if (flags & ~ASSIGN_VALID_MASK || flags & ASSIGN_pgc_allocated)
		return -HV_EINVAL;
	if (flags & ASSIGN_io) {
		/* I/O frames are outside RAM (no page_info): mapping a RAM
		 * frame without a reference would let it be freed and handed
		 * to another domain while still mapped here. */
		if (pg || mfn >= (1ULL << (IA64_IMPL_PA_BITS - HV_PAGE_SHIFT)))
			return -HV_EINVAL;
	} else if (!pg || !owner || !hv_get_page(pg, owner)) {
		return -HV_EINVAL;
	}
	*pte = p2m_make_pte(mfn, flags);
	return 0;
}

static void map_unprepare(uint64_t pte)
{
	if (!(pte & P2M_IO))
		hv_put_page(mfn_to_page(p2m_pte_mfn(pte)));
}

int p2m_assign(struct domain *d, uint64_t gpfn, uint64_t mfn, unsigned flags,
	       struct domain *owner)
{
	int err;
	uint64_t *ptep = p2m_lookup_pte(d, gpfn, true, &err);
	uint64_t pte, expect = 0;

	if (!ptep)
		return err;
	err = map_prepare(mfn, flags, owner, &pte);
	if (err)
		return err;
	if (!__atomic_compare_exchange_n(ptep, &expect, pte, false, __ATOMIC_RELEASE,
					 __ATOMIC_RELAXED)) {
		map_unprepare(pte);
		return -HV_EBUSY;
	}
	return 0;
}

int p2m_replace(struct domain *d, uint64_t gpfn, uint64_t mfn, unsigned flags,
		struct domain *owner)
{
	int err;
	uint64_t *ptep = p2m_lookup_pte(d, gpfn, true, &err);
	uint64_t pte, old;

	if (!ptep)
		return err;
	err = map_prepare(mfn, flags, owner, &pte);
	if (err)
		return err;
	old = __atomic_exchange_n(ptep, pte, __ATOMIC_ACQ_REL);
	hv_mb();
	m2p_clear(old, gpfn);
	p2m_release(d, ptep, old);
	return 0;
}

/* Remove the entry at gpfn if `match` accepts it; the loop only repeats
 * when tlb_track changed the tracking-state bits concurrently. */
static int p2m_remove_if(struct domain *d, uint64_t gpfn, uint64_t mfn,
			 bool any, uint64_t *old_out)
{
	int err;
	uint64_t *ptep = p2m_lookup_pte(d, gpfn, false, &err);
	uint64_t old;

	if (!ptep)
		return err == -HV_EINVAL ? err : -HV_ENOENT;
	old = __atomic_load_n(ptep, __ATOMIC_ACQUIRE);
	do {
		if (!p2m_pte_present(old))
			return -HV_ENOENT;
		if (!any && p2m_pte_mfn(old) != mfn)
			return -HV_EINVAL;
	} while (!__atomic_compare_exchange_n(ptep, &old, 0, false, __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE));
	hv_mb();
	m2p_clear(old, gpfn);
	if (old_out)
		*old_out = old;
	else
		p2m_release(d, ptep, old);
	return 0;
}

int p2m_zap(struct domain *d, uint64_t gpfn)
{
	return p2m_remove_if(d, gpfn, 0, true, NULL);
}

int p2m_remove_mfn(struct domain *d, uint64_t gpfn, uint64_t mfn)
{
	return p2m_remove_if(d, gpfn, mfn, false, NULL);
}

int p2m_steal(struct domain *d, uint64_t gpfn, uint64_t *mfn_out)
{
	struct p2m_entry e = { 0 };
	struct page_info *pg;
	uint64_t old;
	int err;

	if (gpfn >= P2M_MAX_GPFN)
		return -HV_EINVAL;
	err = p2m_lookup(d, gpfn << HV_PAGE_SHIFT, &e);
	if (err)
		return err;
	if (!(e.val & P2M_PGC_ALLOCATED) || (e.val & P2M_IO))
		return -HV_EINVAL;
	pg = mfn_to_page(p2m_pte_mfn(e.val));
	if (!pg || hv_page_owner(pg) != d || hv_page_count(pg) != 1)
		return -HV_EBUSY;
	err = p2m_remove_if(d, gpfn, p2m_pte_mfn(e.val), false, &old);
	if (err)
		return err;
	domain_page_flush(d, e.ptep, old);
	err = hv_page_steal(pg, d);
	if (err) {
		/* Someone took a reference meanwhile: the page stays d's but
		 * is no longer mapped; drop the allocation as a zap would. */
		if (hv_page_clear_allocated(pg))
			hv_put_page(pg);
		return err;
	}
	*mfn_out = page_to_mfn(pg);
	return 0;
}

static void teardown_leaf(struct domain *d, uint64_t *leaf, uint64_t gpfn0)
{
	for (unsigned i = 0; i < P2M_ENTRIES; i++) {
		uint64_t old = __atomic_exchange_n(&leaf[i], 0, __ATOMIC_ACQ_REL);

		if (!p2m_pte_present(old))
			continue;
		m2p_clear(old, gpfn0 + i);
		p2m_release(d, &leaf[i], old);
	}
}

void p2m_teardown(struct domain *d)
{
	uint64_t *top = d->p2m.top;

	if (!top)
		return;
	for (unsigned i = 0; i < P2M_ENTRIES; i++) {
		uint64_t *mid = (uint64_t *)(uintptr_t)top[i];

		if (!mid)
			continue;
		for (unsigned j = 0; j < P2M_ENTRIES; j++) {
			uint64_t *leaf = (uint64_t *)(uintptr_t)mid[j];

			if (!leaf)
				continue;
			teardown_leaf(d, leaf, ((uint64_t)i << (2 * P2M_LEVEL_BITS)) |
					   ((uint64_t)j << P2M_LEVEL_BITS));
			table_free(d, leaf);
		}
		table_free(d, mid);
	}
	table_free(d, top);
	d->p2m.top = NULL;
}
