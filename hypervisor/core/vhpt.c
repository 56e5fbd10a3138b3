/* SPDX-License-Identifier: MIT */
/*
 * Long-format VHPT maintenance (see vhpt.h).  Writers take the table's
 * lock because remote purges (ptc.ga emulation) and the owning vCPU's
 * inserts can race on a chain; the walker side never locks and relies on
 * the invalid-tag protocol implemented by entry_write().
 */
#include <ia64/mmu.h>

#include "counters.h"
#include "vhpt.h"

#define RANGE_PURGE_MAX_PAGES	64

static struct vhpt_entry *slot_of(struct vhpt *h, uint64_t va, uint64_t rr)
{
	uint64_t a = ia64_vhpt_long_hash(va, rr, h->pta);

	return &h->tbl[(a - (uint64_t)(uintptr_t)h->tbl) / sizeof(struct vhpt_entry)];
}

static struct vhpt_entry *next_of(struct vhpt *h, const struct vhpt_entry *e)
{
	uint64_t c = __atomic_load_n(&e->chain, __ATOMIC_RELAXED);

	return (c && c <= h->pool_n) ? &h->pool[c - 1] : NULL;
}

/* Invalid tag first, then the payload, then the real tag (release):
 * a walker that reads a valid tag also reads the matching pte/itir. */
static void entry_write(struct vhpt_entry *e, uint64_t pte, uint64_t itir,
			uint64_t tag, uint64_t chain)
{
	__atomic_store_n(&e->tag, VHPT_TAG_INVALID, __ATOMIC_RELAXED);
	hv_wmb();
	__atomic_store_n(&e->pte, pte, __ATOMIC_RELAXED);
	__atomic_store_n(&e->itir, itir, __ATOMIC_RELAXED);
	__atomic_store_n(&e->chain, chain, __ATOMIC_RELAXED);
	__atomic_store_n(&e->tag, tag, __ATOMIC_RELEASE);
}

static bool tag_valid(const struct vhpt_entry *e)
{
	return !(__atomic_load_n(&e->tag, __ATOMIC_ACQUIRE) & VHPT_TAG_INVALID);
}

static uint64_t pool_get(struct vhpt *h)
{
	uint64_t i = h->pool_free;

	if (i)
		h->pool_free = h->pool[i - 1].chain;
	return i;
}

static void pool_put(struct vhpt *h, uint64_t i)
{
	entry_write(&h->pool[i - 1], 0, 0, VHPT_TAG_INVALID, h->pool_free);
	h->pool_free = i;
}

int vhpt_init(struct vhpt *h, unsigned log2)
{
	size_t size = (size_t)1 << log2;

	if (log2 < VHPT_MIN_LOG2 || log2 > 24)
		return -HV_EINVAL;
	h->tbl = arch_heap_alloc(size, size);
	h->pool_n = (unsigned)(size / sizeof(struct vhpt_entry) / 2);
	h->pool = arch_heap_alloc(h->pool_n * sizeof(struct vhpt_entry), 64);
	if (!h->tbl || !h->pool) {
		arch_heap_free(h->tbl);
		arch_heap_free(h->pool);
		h->tbl = h->pool = NULL;
		return -HV_ENOMEM;
	}
	h->log2 = log2;
	h->lock.locked = 0;
	/* PTA: base, long format (vf), walker enabled (ve). */
	h->pta = ((uint64_t)(uintptr_t)h->tbl & PTA_BASE_MASK) |
		 ((uint64_t)log2 << 2) | PTA_VF | PTA_VE;
	vhpt_flush(h);
	return 0;
}

void vhpt_fini(struct vhpt *h)
{
	arch_heap_free(h->tbl);
	arch_heap_free(h->pool);
	h->tbl = h->pool = NULL;
}

/* Unlink the chain entry after prev (prev->chain != 0). */
static void chain_unlink(struct vhpt *h, struct vhpt_entry *prev)
{
	uint64_t i = prev->chain;

	__atomic_store_n(&prev->chain, h->pool[i - 1].chain, __ATOMIC_RELAXED);
	pool_put(h, i);
}

/* Remove the entry with `tag` from the bucket headed by slot. */
static unsigned bucket_remove(struct vhpt *h, struct vhpt_entry *slot, uint64_t tag)
{
	struct vhpt_entry *prev = slot, *e;

	if (tag_valid(slot) && slot->tag == tag) {
		uint64_t c = slot->chain;

		if (c) {	/* pull the first chained entry up to the head */
			struct vhpt_entry *n = &h->pool[c - 1];

			entry_write(slot, n->pte, n->itir, n->tag, n->chain);
			pool_put(h, c);
		} else {
			entry_write(slot, 0, 0, VHPT_TAG_INVALID, 0);
		}
		return 1;
	}
	while ((e = next_of(h, prev)) != NULL) {
		if (e->tag == tag) {
			chain_unlink(h, prev);
			return 1;
		}
		prev = e;
	}
	return 0;
}

void vhpt_insert(struct vhpt *h, uint64_t va, uint64_t rr, uint64_t pte,
		 uint64_t itir)
{
	struct vhpt_entry *slot = slot_of(h, va, rr), *e, *prev;
	uint64_t tag = ia64_vhpt_long_tag(va, rr), chain = 0;
	unsigned len = 1;

	hv_spin_lock(&h->lock);
	bucket_remove(h, slot, tag);
	if (tag_valid(slot)) {
		/* Demote the current head into the chain. */
		chain = pool_get(h);
		if (chain)
			entry_write(&h->pool[chain - 1], slot->pte, slot->itir,
				    slot->tag, slot->chain);
		else
			chain = slot->chain;	/* pool empty: drop old head */
	} else {
		chain = slot->chain;
	}
	entry_write(slot, pte, itir, tag, chain);
	/* Bound the walk: drop entries beyond VHPT_MAX_CHAIN. */
	for (prev = slot; (e = next_of(h, prev)) != NULL; prev = e) {
		if (++len > VHPT_MAX_CHAIN) {
			while (prev->chain)
				chain_unlink(h, prev);
			break;
		}
	}
	hv_spin_unlock(&h->lock);
	hv_count(CNT_VHPT_INSERT);
}

bool vhpt_lookup(struct vhpt *h, uint64_t va, uint64_t rr, uint64_t *pte,
		 uint64_t *itir)
{
	struct vhpt_entry *e = slot_of(h, va, rr);
	uint64_t tag = ia64_vhpt_long_tag(va, rr);
	bool found = false;

	hv_spin_lock(&h->lock);
	for (; e; e = next_of(h, e)) {
		if (tag_valid(e) && e->tag == tag) {
			*pte = e->pte;
			*itir = e->itir;
			found = true;
			break;
		}
	}
	hv_spin_unlock(&h->lock);
	return found;
}

unsigned vhpt_purge(struct vhpt *h, uint64_t va, uint64_t rr)
{
	unsigned n;

	hv_spin_lock(&h->lock);
	n = bucket_remove(h, slot_of(h, va, rr), ia64_vhpt_long_tag(va, rr));
	hv_spin_unlock(&h->lock);
	if (n)
		hv_count_add(CNT_VHPT_PURGE, n);
	return n;
}

void vhpt_purge_range(struct vhpt *h, uint64_t va, unsigned ps, uint64_t rr)
{
	uint64_t pages = ps >= 63 ? ~0ULL : (1ULL << ps) / HV_PAGE_SIZE;
	uint64_t base;

	if (pages > RANGE_PURGE_MAX_PAGES) {
		vhpt_flush(h);
		return;
	}
	if (pages == 0)		/* sub-16 KB purge still hits its page */
		pages = 1;
	base = va & ~((pages * HV_PAGE_SIZE) - 1);
	for (uint64_t i = 0; i < pages; i++)
		vhpt_purge(h, base + i * HV_PAGE_SIZE, rr);
}

void vhpt_flush(struct vhpt *h)
{
	size_t n = ((size_t)1 << h->log2) / sizeof(struct vhpt_entry);

	hv_spin_lock(&h->lock);
	for (size_t i = 0; i < n; i++)
		entry_write(&h->tbl[i], 0, 0, VHPT_TAG_INVALID, 0);
	h->pool_free = 0;
	for (unsigned i = h->pool_n; i > 0; i--)
		pool_put(h, i);
	hv_spin_unlock(&h->lock);
	hv_count(CNT_VHPT_FLUSH);
}

static bool entry_maps(const struct vhpt_entry *e, uint64_t mfn)
{
	return tag_valid(e) && (e->pte & PTE_P) &&
	       ((e->pte & PTE_PPN_MASK) >> HV_PAGE_SHIFT) == mfn;
}

bool vhpt_maps_mfn(struct vhpt *h, uint64_t mfn)
{
	size_t n = ((size_t)1 << h->log2) / sizeof(struct vhpt_entry);
	bool hit = false;

	hv_spin_lock(&h->lock);
	for (size_t i = 0; i < n && !hit; i++) {
		for (struct vhpt_entry *e = &h->tbl[i]; e && !hit; e = next_of(h, e))
			hit = entry_maps(e, mfn);
	}
	hv_spin_unlock(&h->lock);
	return hit;
}

unsigned vhpt_chain_len(struct vhpt *h, uint64_t va, uint64_t rr)
{
	unsigned n = 0;

	hv_spin_lock(&h->lock);
	for (struct vhpt_entry *e = slot_of(h, va, rr); e; e = next_of(h, e))
		n += tag_valid(e);
	hv_spin_unlock(&h->lock);
	return n;
}
