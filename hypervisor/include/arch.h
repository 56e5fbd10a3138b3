/* SPDX-License-Identifier: MIT */
/*
 * The interface between the portable hypervisor core and an architecture
 * back end.  Everything that touches real hardware state -- the machine
 * TLB, inter-processor interrupts, the physical page pool, the current
 * processor number -- goes through these functions, so the core can run
 * unchanged on IA-64 (arch/ia64, next issue) and on the host (arch/host,
 * where a recorder logs each operation for the tests).
 */
#ifndef HV_ARCH_H
#define HV_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set of physical CPUs; the core never runs on more than 64. */
typedef uint64_t hv_cpumask_t;
#define HV_MAX_PCPUS	64

/* Machine TLB.  `rid` is the machine region id the entry is tagged with;
 * the back end makes that RID visible (rr7 or a temporary rr0 alias) for
 * the duration of the operation. */
void arch_tlb_insert(bool itlb, uint64_t va, uint64_t pte, uint64_t itir,
		     uint32_t rid);
void arch_ptc_l(uint64_t va, unsigned ps, uint32_t rid);	/* this CPU */
void arch_ptc_ga(uint64_t va, unsigned ps, uint32_t rid);	/* all CPUs */
void arch_ptc_e(void);				/* whole TLB of this CPU */
/* Whole TLB of every CPU in `mask` (IPI + local purge on each). */
void arch_flush_tlb_mask(hv_cpumask_t mask);

/* Event-check IPI: make `cpu` re-examine the running vCPU's pending
 * upcall (its next exit to the guest delivers the event). */
void arch_kick_cpu(unsigned cpu);

/* Physical processors. */
unsigned arch_cpu_id(void);
unsigned arch_nr_cpus(void);
void arch_cpu_relax(void);

/* Machine page pool (16 KB frames).  Frame numbers are < arch_max_mfn().
 * arch_page_alloc returns ~0 when the pool is exhausted; the page comes
 * back zeroed. */
#define ARCH_INVALID_MFN	(~0ULL)
uint64_t arch_max_mfn(void);
uint64_t arch_page_alloc(void);
void arch_page_free(uint64_t mfn);
void *arch_mfn_to_virt(uint64_t mfn);
uint64_t arch_virt_to_mfn(const void *va);

/* Hypervisor heap for core data structures (frame table, VHPTs, hash
 * tables).  `align` is a power of two; NULL on exhaustion. */
void *arch_heap_alloc(size_t size, size_t align);
void arch_heap_free(void *p);

/* The vCPU running on this physical CPU (NULL in hypervisor context). */
struct vcpu;
struct vcpu *arch_current(void);
void arch_set_current(struct vcpu *v);

/* Fatal hypervisor bug: never returns. */
_Noreturn void arch_panic(const char *msg);

/* Full barrier ("mf" on IA-64) and store barrier; the core otherwise uses
 * C11 orders on the accesses themselves.  ThreadSanitizer does not model
 * standalone fences, so its build uses a sequentially consistent
 * read-modify-write on a shared word, which orders at least as strongly
 * and is visible to the race detector. */
#if defined(__SANITIZE_THREAD__)
extern uint64_t hv_fence_word;
#define hv_mb()		((void)__atomic_fetch_add(&hv_fence_word, 0, __ATOMIC_SEQ_CST))
#define hv_wmb()	hv_mb()
#else
#define hv_mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define hv_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#endif

#endif
