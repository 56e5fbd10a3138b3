/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU MMU state behind mmu.c and sysregs.c: translation registers,
 * set-associative translation caches, the fast page-translation cache
 * used by mmu_translate(), and the indirect system register files
 * (dbr/ibr/pkr/pmc/pmd).  Also the platform-facing MMU API: reset, the
 * global-purge broadcast hook, and TLB lookups for epc/tak/tests.
 *
 * The state hangs off cpu->tlb and is allocated on first use, so CPU
 * owners need not know its layout.
 */
#ifndef EMU_TLB_H
#define EMU_TLB_H

#include <stdbool.h>
#include <stdint.h>

#include "ia64/mmu.h"

struct cpu;

#define TLB_NTR		8	/* ITR and DTR entries each (PAL_VM_SUMMARY) */
#define TC_SETS		256	/* TC sets per side; 4 ways each = 1024 entries */
#define TC_WAYS		4
#define FAST_BITS	10	/* fast translation cache: 1024 x 4 KB pages per side */
#define FAST_SIZE	(1u << FAST_BITS)
#define FAST_PAGE_SHIFT	12

#define N_DBR		8
#define N_IBR		8
#define N_PKR		16
#define N_PMC		8
#define N_PMD		8

/* One translation (TR or TC).  `vbase` is va{60:ps} << ps; the region
 * number does not take part in matching, only the RID does. */
struct tlb_entry {
	uint64_t vbase;
	uint64_t pte;		/* insert-format PTE, ppn aligned to the page */
	uint64_t itir;		/* ps and key as inserted */
	uint32_t rid;
	uint8_t ps;
	uint8_t valid;
};

/* A translation cache (one side): sets of TC_WAYS, round-robin victim. */
struct tc {
	struct tlb_entry e[TC_SETS][TC_WAYS];
	uint8_t victim[TC_SETS];
	uint64_t ps_mask;	/* page sizes that may be present (superset) */
	unsigned count;
};

/* Fast cache entry: a 4 KB virtual page that passed every check for the
 * accesses in `perm` under the PSR/epoch snapshot `key`. */
/* Permission bits equal the ACC_* bits of mem.h (checked in mmu.c), so
 * the fast path tests `perm & acc` without translating. */
#define FAST_R	0x01u
#define FAST_W	0x02u
#define FAST_X	0x04u
#define FAST_SPEC 0x08u	/* speculative attribute (WB/WC): ld.s may load */
#define FAST_SEMA 0x40u	/* WB: semaphores allowed */
struct fast_ent {
	uint64_t vpage;		/* va >> 12 (region bits included) */
	uint64_t key;		/* PSR bits the checks depend on | epoch << 48 */
	uint64_t pa;		/* physical address of the 4 KB page */
	uint32_t perm;
	uint32_t ma;
};

struct tlb {
	struct tlb_entry itr[TLB_NTR], dtr[TLB_NTR];
	struct tc itc, dtc;
	struct fast_ent fast_d[FAST_SIZE], fast_i[FAST_SIZE];
	uint64_t epoch;
	/* indirect register files (sysregs.c) */
	uint64_t dbr[N_DBR], ibr[N_IBR], pkr[N_PKR], pmc[N_PMC], pmd[N_PMD];
};

/* Mask of the address bits above a 2^ps page offset. */
static inline uint64_t page_mask(unsigned ps)
{
	return ~((1ULL << ps) - 1);
}

/* VA{60:impl_va_msb+1} must be copies of VA{impl_va_msb} (none when 60). */
static inline bool va_implemented(uint64_t va)
{
	int64_t low = ia64_sext(va & VA_IMPL_MASK, IA64_IMPL_VA_MSB + 1);

	return ((uint64_t)low & IA64_MASK(0, 61)) == (va & IA64_MASK(0, 61));
}

/* The state of CPU c (allocated zeroed on first use; never NULL). */
struct tlb *mmu_state(struct cpu *c);
/* Power-on: empty TLBs, invalid TRs, empty fast cache. */
void mmu_reset(struct cpu *c);
void mmu_free(struct cpu *c);

/* Data (instr = false) or instruction TLB lookup, TRs first; NULL on miss. */
const struct tlb_entry *mmu_lookup(struct cpu *c, bool instr, uint64_t va);

/*
 * ptc.g/ptc.ga broadcast.  The platform sets a hook that calls
 * mmu_purge_remote() on every other CPU of the machine; without a hook
 * only the issuing CPU is purged.
 */
typedef void (*mmu_global_purge_fn)(struct cpu *issuer, uint32_t rid,
				    uint64_t va, unsigned ps);
void mmu_set_global_purge_hook(mmu_global_purge_fn fn);
void mmu_purge_remote(struct cpu *c, uint32_t rid, uint64_t va, unsigned ps);

/* interruption.c: make `bank` (0/1) the active r16-r31 bank, update PSR.bn. */
void cpu_bank_switch(struct cpu *c, int bank);

#endif
