/* SPDX-License-Identifier: MIT */
/*
 * TLB insert tracking (doc 17.9): remembers, per grant-mapped p2m entry,
 * the one (va, rid) it was inserted at and which vCPUs/pCPUs did it, so
 * an unmap can purge just that address -- or nothing at all if the page
 * was never inserted (DMA-only block backends).
 */
#ifndef HV_TLB_TRACK_H
#define HV_TLB_TRACK_H

#include "hv.h"
#include "p2m.h"

struct tlb_track_entry {
	struct tlb_track_entry *next;
	uint64_t *ptep;
	uint64_t pte;		/* p2m value at first insert */
	uint64_t va;		/* 16 KB page inserted */
	uint32_t rid;		/* machine RID */
	uint32_t inserts;
	uint64_t vcpu_dirty;	/* bit per vCPU id */
	hv_cpumask_t pcpu_dirty;
};

enum tlb_track_insert_result {
	TT_INS_NOT_TRACKED, TT_INS_FIRST, TT_INS_SAME, TT_INS_MANY, TT_INS_AGAIN,
};

enum tlb_track_unmap_result {
	TT_NOT_TRACKED, TT_NOT_FOUND, TT_FOUND, TT_MANY,
};

/* More inserts than this of one page: a ring page, stop tracking it. */
#define TLB_TRACK_RING_THRESHOLD	256
#define TLB_TRACK_DEFAULT_LIMIT		4096

struct tlb_track;

struct tlb_track *tlb_track_create(unsigned limit);
void tlb_track_destroy(struct tlb_track *tt);
enum tlb_track_insert_result tlb_track_insert(struct tlb_track *tt,
		const struct p2m_entry *e, uint64_t va, uint32_t rid,
		unsigned vcpu_id, unsigned pcpu);
enum tlb_track_unmap_result tlb_track_search_and_remove(struct tlb_track *tt,
		uint64_t *ptep, uint64_t old, struct tlb_track_entry *found);
unsigned tlb_track_nr_entries(struct tlb_track *tt);

#endif
