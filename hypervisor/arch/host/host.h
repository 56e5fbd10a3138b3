/* SPDX-License-Identifier: MIT */
/*
 * The host back end: runs the hypervisor core as an ordinary process for
 * tests and benchmarks.  Machine memory is one aligned_alloc'd pool of
 * 16 KB frames, physical CPUs are threads (each thread says which pCPU it
 * is), and every hardware operation goes to a RECORDER that counts it,
 * logs it, and applies it to a simulated per-pCPU machine TLB so tests
 * can check that no stale translation survives.
 */
#ifndef HV_ARCH_HOST_H
#define HV_ARCH_HOST_H

#include "arch.h"

enum rec_op {
	REC_TLB_INSERT, REC_PTC_L, REC_PTC_GA, REC_PTC_E, REC_FLUSH_MASK, REC_IPI,
	REC_NR
};

struct rec_entry {
	enum rec_op op;
	unsigned cpu;
	uint64_t va;
	unsigned ps;
	uint32_t rid;
	uint64_t pte;
	hv_cpumask_t mask;
};

/* Set up the pool and the number of pCPUs; 0 on success. */
int host_init(uint64_t nr_pages, unsigned nr_cpus);
void host_fini(void);
/* Which pCPU the calling thread is. */
void host_set_cpu(unsigned cpu);
uint64_t host_free_pages(void);
/* Make arch_page_alloc fail after n more successes (~0 = never). */
void host_fail_alloc_after(uint64_t n);

void rec_reset(void);
/* Yield the thread right after each TLB insert (stress tests: makes the
 * insert / p2m re-check race window much wider). */
void rec_set_insert_yield(bool on);
/* Single-threaded tests: call fn(arg) right after each TLB insert, i.e.
 * between a reader's insert and its p2m re-check (NULL to remove). */
void rec_set_insert_hook(void (*fn)(void *), void *arg);
uint64_t rec_count(enum rec_op op);
/* Copy of the i-th logged operation since the last reset (log holds the
 * first REC_LOG_MAX); false if none. */
#define REC_LOG_MAX	4096
bool rec_get(unsigned i, struct rec_entry *out);
/* Simulated machine TLB queries. */
bool rec_tlb_maps_mfn(uint64_t mfn);
bool rec_tlb_lookup(unsigned cpu, uint64_t va, uint32_t rid, uint64_t *pte);
unsigned rec_tlb_entries(unsigned cpu);

#endif
