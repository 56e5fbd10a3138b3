/* SPDX-License-Identifier: MIT */
/*
 * The per-domain p2m: a three-level, 16 KB-page table from pseudo-physical
 * frame numbers to machine PTEs, updated without locks (doc 17.7).
 *
 *  - upper levels are append-only, installed by release-ordered
 *    compare-and-swap of zeroed pages;
 *  - leaf entries change only by exchange or release compare-and-swap;
 *  - the m2p entry of a domain page is written before the p2m entry that
 *    makes it reachable and invalidated after the p2m entry is gone;
 *  - readers that insert translations record (ptep, value) in a
 *    p2m_entry, insert, then call p2m_entry_changed() and undo + retry if
 *    the entry moved underneath them.
 *
 * Reference rules: an entry with P2M_PGC_ALLOCATED holds its page's
 * allocation reference; any other RAM entry (grant map, alias) holds one
 * plain reference; I/O entries hold none.
 */
#ifndef HV_P2M_H
#define HV_P2M_H

#include <ia64/mmu.h>

#include "hv.h"

struct domain;

/* Software PTE bits (ignored by the hardware, doc 17.7). */
#define P2M_VIRT_D		IA64_BIT(53)
#define P2M_TLB_TRACKING	IA64_BIT(54)
#define P2M_TLB_INSERTED	IA64_BIT(55)
#define P2M_TLB_INSERTED_MANY	IA64_BIT(56)
#define P2M_PGC_ALLOCATED	IA64_BIT(59)
#define P2M_IO			IA64_BIT(60)
/* Bits tlb_track may set without the mapping changing. */
#define P2M_TRACK_STATE		(P2M_TLB_INSERTED | P2M_TLB_INSERTED_MANY)
/* Everything that must be cleared before a hardware insert: the ignored
 * field (software bits) and the reserved bits 1 and 50-51. */
#define P2M_NON_HW_MASK		(PTE_IG_MASK | PTE_RSVD_MASK)

/* Assign flags (doc 11). */
#define ASSIGN_readonly		(1U << 0)
#define ASSIGN_nocache		(1U << 1)
#define ASSIGN_tlb_track	(1U << 2)
#define ASSIGN_pgc_allocated	(1U << 3)
#define ASSIGN_io		(1U << 4)
#define ASSIGN_VALID_MASK	0x1fU

/* Three levels of 2048 entries over 16 KB pages: 2^(3*11) frames. */
#define P2M_LEVEL_BITS		(HV_PAGE_SHIFT - 3)
#define P2M_ENTRIES		(1U << P2M_LEVEL_BITS)
#define P2M_MAX_GPFN		(1ULL << (3 * P2M_LEVEL_BITS))

struct p2m {
	uint64_t *top;		/* top-level table (pointers as u64) */
	uint64_t nr_tables;	/* atomic: table pages allocated */
};

struct p2m_entry {
	uint64_t *ptep;
	uint64_t val;
};

static inline uint64_t p2m_pte_mfn(uint64_t pte)
{
	return (pte & PTE_PPN_MASK) >> HV_PAGE_SHIFT;
}

static inline bool p2m_pte_present(uint64_t pte)
{
	return (pte & PTE_P) != 0;
}

static inline bool p2m_pte_readonly(uint64_t pte)
{
	return pte_ar(pte) == AR_R;
}

uint64_t p2m_make_pte(uint64_t mfn, unsigned flags);

int p2m_init(struct domain *d);
/* Drop every entry (with its references) and free the tables. */
void p2m_teardown(struct domain *d);

/* Leaf slot for gpfn; with alloc, missing tables are created.  NULL with
 * *err = -EINVAL (gpfn out of range), -ENOENT (no table, !alloc) or
 * -ENOMEM. */
uint64_t *p2m_lookup_pte(struct domain *d, uint64_t gpfn, bool alloc, int *err);

/* Reader side: a present entry for gpaddr, or -ENOENT / -EINVAL.  Never a
 * dummy mapping. */
int p2m_lookup(struct domain *d, uint64_t gpaddr, struct p2m_entry *e);
/* True if the entry no longer holds the same mapping (tracking-state bits
 * set by tlb_track do not count as a change). */
bool p2m_entry_changed(const struct p2m_entry *e);
/* Machine frame for gpfn, or ARCH_INVALID_MFN. */
uint64_t p2m_gpfn_to_mfn(struct domain *d, uint64_t gpfn);

/* Writers.  All return 0 or a negative Xen error. */
int p2m_assign_new(struct domain *d, uint64_t gpfn, uint64_t *mfn_out);
/* Map mfn at an empty gpfn.  RAM must belong to `owner` (a reference is
 * taken); ASSIGN_io maps a non-RAM (MMIO) frame, which holds no reference
 * and must not be in the frame table. */
int p2m_assign(struct domain *d, uint64_t gpfn, uint64_t mfn, unsigned flags,
	       struct domain *owner);
/* Exchange whatever is at gpfn for mfn; the old entry is flushed and its
 * reference dropped. */
int p2m_replace(struct domain *d, uint64_t gpfn, uint64_t mfn, unsigned flags,
		struct domain *owner);
/* Release-ordered compare-and-swap of a leaf; -EAGAIN if *ptep != old.
 * Maintains the m2p; reference and flush handling is the caller's. */
int p2m_cmpxchg_rel(struct domain *d, uint64_t gpfn, uint64_t old, uint64_t new);
int p2m_zap(struct domain *d, uint64_t gpfn);
/* Remove the entry at gpfn only if it still maps mfn. */
int p2m_remove_mfn(struct domain *d, uint64_t gpfn, uint64_t mfn);
/* Take d's own page at gpfn away (for transfer); *mfn_out holds one plain
 * reference and no owner. */
int p2m_steal(struct domain *d, uint64_t gpfn, uint64_t *mfn_out);

#endif
