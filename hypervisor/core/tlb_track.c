/* SPDX-License-Identifier: MIT */
/*
 * TLB insert tracking (see tlb_track.h).  One lock per domain's table
 * serialises inserts against search-and-remove; the p2m entry's tracking
 * bits are changed by compare-and-swap inside that lock, so an unmap that
 * exchanged the entry away either sees INSERTED together with a table
 * entry, or the inserter sees the change and reports AGAIN.
 */
#include "counters.h"
#include "tlb_track.h"

#define TT_HASH_BITS	9

struct tlb_track {
	hv_spinlock_t lock;
	struct tlb_track_entry *hash[1U << TT_HASH_BITS];
	struct tlb_track_entry *free;
	unsigned nr_used, limit;
};

static unsigned hash_ptep(const uint64_t *ptep)
{
	uint64_t x = (uint64_t)(uintptr_t)ptep >> 3;

	x *= 0x9E3779B97F4A7C15ULL;		/* Fibonacci hashing */
	return (unsigned)(x >> (64 - TT_HASH_BITS));
}

struct tlb_track *tlb_track_create(unsigned limit)
{
	struct tlb_track *tt = arch_heap_alloc(sizeof(*tt), 64);

	if (!tt)
		return NULL;
	*tt = (struct tlb_track){ .limit = limit };
	return tt;
}

void tlb_track_destroy(struct tlb_track *tt)
{
	if (!tt)
		return;
	for (unsigned i = 0; i < HV_ARRAY_SIZE(tt->hash); i++) {
		while (tt->hash[i]) {
			struct tlb_track_entry *e = tt->hash[i];

			tt->hash[i] = e->next;
			arch_heap_free(e);
		}
	}
	while (tt->free) {
		struct tlb_track_entry *e = tt->free;

		tt->free = e->next;
		arch_heap_free(e);
	}
	arch_heap_free(tt);
}

static struct tlb_track_entry *entry_alloc(struct tlb_track *tt)
{
	struct tlb_track_entry *e;

	if (tt->nr_used >= tt->limit)
		return NULL;
	e = tt->free;
	if (e)
		tt->free = e->next;
	else if (!(e = arch_heap_alloc(sizeof(*e), 64)))
		return NULL;
	tt->nr_used++;
	return e;
}

static void entry_free(struct tlb_track *tt, struct tlb_track_entry *e)
{
	e->next = tt->free;
	tt->free = e;
	tt->nr_used--;
}

/* Find (and optionally unlink) the entry for ptep. */
static struct tlb_track_entry *entry_find(struct tlb_track *tt, uint64_t *ptep,
					  bool unlink)
{
	struct tlb_track_entry **pp = &tt->hash[hash_ptep(ptep)], *e;

	for (; (e = *pp) != NULL; pp = &e->next) {
		if (e->ptep == ptep) {
			if (unlink)
				*pp = e->next;
			return e;
		}
	}
	return NULL;
}

/* Set bits in the p2m entry, which must still equal `cur`. */
static bool pte_set_bits(uint64_t *ptep, uint64_t cur, uint64_t bits)
{
	return __atomic_compare_exchange_n(ptep, &cur, cur | bits, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

static enum tlb_track_insert_result give_up(struct tlb_track *tt, uint64_t *ptep,
					    uint64_t cur)
{
	struct tlb_track_entry *e;

	if (!pte_set_bits(ptep, cur, P2M_TLB_INSERTED_MANY))
		return TT_INS_AGAIN;
	e = entry_find(tt, ptep, true);
	if (e)
		entry_free(tt, e);
	return TT_INS_MANY;
}

static enum tlb_track_insert_result insert_locked(struct tlb_track *tt,
		const struct p2m_entry *pe, uint64_t va, uint32_t rid,
		unsigned vcpu_id, unsigned pcpu)
{
	uint64_t cur = __atomic_load_n(pe->ptep, __ATOMIC_ACQUIRE);
	struct tlb_track_entry *e;

	if ((cur & ~P2M_TRACK_STATE) != (pe->val & ~P2M_TRACK_STATE))
		return TT_INS_AGAIN;
	if (!(cur & P2M_TLB_TRACKING))
		return TT_INS_NOT_TRACKED;
	if (cur & P2M_TLB_INSERTED_MANY)
		return TT_INS_MANY;
	if (cur & P2M_TLB_INSERTED) {
		e = entry_find(tt, pe->ptep, false);
		if (!e || e->va != va || e->rid != rid ||
		    ++e->inserts > TLB_TRACK_RING_THRESHOLD)
			return give_up(tt, pe->ptep, cur);
		e->vcpu_dirty |= 1ULL << vcpu_id;
		e->pcpu_dirty |= 1ULL << pcpu;
		return TT_INS_SAME;
	}
	e = entry_alloc(tt);
	if (!e)
		return give_up(tt, pe->ptep, cur);
	if (!pte_set_bits(pe->ptep, cur, P2M_TLB_INSERTED)) {
		entry_free(tt, e);
		return TT_INS_AGAIN;
	}
	*e = (struct tlb_track_entry){
		.ptep = pe->ptep, .pte = cur | P2M_TLB_INSERTED, .va = va,
		.rid = rid, .inserts = 1, .vcpu_dirty = 1ULL << vcpu_id,
		.pcpu_dirty = 1ULL << pcpu,
	};
	e->next = tt->hash[hash_ptep(pe->ptep)];
	tt->hash[hash_ptep(pe->ptep)] = e;
	return TT_INS_FIRST;
}

enum tlb_track_insert_result tlb_track_insert(struct tlb_track *tt,
		const struct p2m_entry *pe, uint64_t va, uint32_t rid,
		unsigned vcpu_id, unsigned pcpu)
{
	static const enum hv_counter cnt[] = {
		[TT_INS_NOT_TRACKED] = CNT_TT_INS_NOT_TRACKED,
		[TT_INS_FIRST] = CNT_TT_INS_FIRST,
		[TT_INS_SAME] = CNT_TT_INS_SAME,
		[TT_INS_MANY] = CNT_TT_INS_MANY,
		[TT_INS_AGAIN] = CNT_TT_INS_AGAIN,
	};
	enum tlb_track_insert_result r;

	if (vcpu_id >= 64 || pcpu >= HV_MAX_PCPUS)
		arch_panic("tlb_track: vcpu/pcpu id out of range");
	hv_spin_lock(&tt->lock);
	r = insert_locked(tt, pe, va, rid, vcpu_id, pcpu);
	hv_spin_unlock(&tt->lock);
	hv_count(cnt[r]);
	return r;
}

enum tlb_track_unmap_result tlb_track_search_and_remove(struct tlb_track *tt,
		uint64_t *ptep, uint64_t old, struct tlb_track_entry *found)
{
	struct tlb_track_entry *e;
	enum tlb_track_unmap_result r;

	if (!(old & P2M_TLB_TRACKING))
		return TT_NOT_TRACKED;
	if (old & P2M_TLB_INSERTED_MANY)
		return TT_MANY;
	if (!(old & P2M_TLB_INSERTED))
		return TT_NOT_FOUND;
	hv_spin_lock(&tt->lock);
	e = entry_find(tt, ptep, true);
	if (e && p2m_pte_mfn(e->pte) == p2m_pte_mfn(old)) {
		*found = *e;
		found->next = NULL;
		entry_free(tt, e);
		r = TT_FOUND;
	} else {
		/* INSERTED without a record: be conservative. */
		if (e) {
			e->next = tt->hash[hash_ptep(ptep)];
			tt->hash[hash_ptep(ptep)] = e;
		}
		r = TT_MANY;
	}
	hv_spin_unlock(&tt->lock);
	return r;
}

unsigned tlb_track_nr_entries(struct tlb_track *tt)
{
	unsigned n;

	hv_spin_lock(&tt->lock);
	n = tt->nr_used;
	hv_spin_unlock(&tt->lock);
	return n;
}
