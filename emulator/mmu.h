/* SPDX-License-Identifier: MIT */
/*
 * The MMU model (mmu.c): translation registers and caches, lookup with
 * protection checks, and the faults a failed translation raises.  mem.c
 * calls mmu_translate() for every virtual access when the CPU is not in a
 * flat user-mode address space.
 */
#ifndef EMU_MMU_H
#define EMU_MMU_H

#include <stdint.h>

struct cpu;

/*
 * Translate `va` for an access of `size` bytes and kind `acc` (ACC_* from
 * mem.h).  On success store the physical address (bit 63 = uncacheable
 * attribute stripped; memory attribute in *ma) and return 0.  On failure
 * raise the architected fault and return its exec_result, or return -1
 * without raising anything for a deferred speculative access.
 */
int mmu_translate(struct cpu *c, uint64_t va, unsigned size, unsigned acc,
		  uint64_t *pa, unsigned *ma);

/* Drop all cached translations derived from TLB state (after purges). */
void mmu_flush_fast(struct cpu *c);

#endif
