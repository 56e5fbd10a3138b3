/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's per-vCPU long-format VHPT (doc 17.6): 32-byte entries
 * {pte, itir, tag, chain} that the hardware walker reads on a TLB miss.
 * Hash and tag come from common/include/ia64/mmu.h.  Colliding entries
 * live in a software overflow chain; a new entry always goes to the head
 * (the hashed slot the walker reads), and a slot being rewritten carries
 * an invalid tag so a speculative walk can never see a half-written entry.
 */
#ifndef HV_VHPT_H
#define HV_VHPT_H

#include "hv.h"

struct vhpt_entry {
	uint64_t pte;
	uint64_t itir;
	uint64_t tag;
	uint64_t chain;		/* software: overflow index + 1, 0 = end */
};

#define VHPT_MIN_LOG2		15	/* SDM: PTA.size >= 15 */
#define VHPT_DEFAULT_LOG2	16	/* 64 KB, 2048 entries */
#define VHPT_MAX_CHAIN		4	/* entries per hash bucket, head included */

struct vhpt {
	struct vhpt_entry *tbl;
	unsigned log2;
	uint64_t pta;
	struct vhpt_entry *pool;	/* overflow entries */
	unsigned pool_n;
	uint64_t pool_free;		/* free list: index + 1 */
	hv_spinlock_t lock;		/* software-side writers */
};

int vhpt_init(struct vhpt *h, unsigned log2);
void vhpt_fini(struct vhpt *h);
/* rr: the machine region register value the walker would use. */
void vhpt_insert(struct vhpt *h, uint64_t va, uint64_t rr, uint64_t pte,
		 uint64_t itir);
bool vhpt_lookup(struct vhpt *h, uint64_t va, uint64_t rr, uint64_t *pte,
		 uint64_t *itir);
/* Remove the translation of va; returns the number of entries removed. */
unsigned vhpt_purge(struct vhpt *h, uint64_t va, uint64_t rr);
/* Remove every 16 KB page of [va, va + 2^ps): large ranges flush all. */
void vhpt_purge_range(struct vhpt *h, uint64_t va, unsigned ps, uint64_t rr);
void vhpt_flush(struct vhpt *h);
/* Test/invariant helper: does any valid entry map machine frame mfn? */
bool vhpt_maps_mfn(struct vhpt *h, uint64_t mfn);
/* Length of the chain at va's bucket (tests). */
unsigned vhpt_chain_len(struct vhpt *h, uint64_t va, uint64_t rr);

#endif
