/* SPDX-License-Identifier: MIT */
/*
 * Shared setup for the system-architecture unit tests (mmu, sysregs,
 * interruption): a zeroed CPU at CPL 0 with a known IVA, and helpers to
 * insert translations and build PTEs.  The tests link the real libemu.
 */
#ifndef TEST_MMU_UTIL_H
#define TEST_MMU_UTIL_H

#include <stdlib.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "mmu.h"
#include "rse.h"
#include "sysarch.h"
#include "tlb.h"
#include "ia64/mmu.h"

#define T_IVA	0x0000000000100000ULL	/* 32 KB aligned */

static inline struct cpu *t_cpu(void)
{
	struct cpu *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	cpu_init_maps(c);
	c->cr[CR_IVA] = T_IVA;
	c->psr = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	c->ip = 0xa000000000010000ULL;
	mmu_reset(c);
	return c;
}

static inline void t_free(struct cpu *c)
{
	mmu_free(c);
	free(c);
}

static inline void t_set_cpl(struct cpu *c, unsigned cpl)
{
	c->psr = (c->psr & ~PSR_CPL) | ((uint64_t)cpl << PSR_CPL_SHIFT);
}

/* Insert a TC entry the way the kernel does: ifa/itir, then itc at ic = 0. */
static inline int t_itc(struct cpu *c, bool instr, uint64_t va, unsigned ps, uint64_t pte)
{
	uint64_t psr = c->psr;
	int r;

	c->psr &= ~(PSR_IC | PSR_CPL);
	c->cr[CR_IFA] = va;
	c->cr[CR_ITIR] = (uint64_t)ps << 2;
	r = sys_itc(c, instr, pte);
	c->psr = psr;
	return r;
}

static inline int t_itr(struct cpu *c, bool instr, unsigned slot, uint64_t va,
		 unsigned ps, uint64_t pte)
{
	uint64_t psr = c->psr;
	int r;

	c->psr &= ~(PSR_IC | PSR_CPL);
	c->cr[CR_IFA] = va;
	c->cr[CR_ITIR] = (uint64_t)ps << 2;
	r = sys_itr(c, instr, slot, pte);
	c->psr = psr;
	return r;
}

/* PTE: present, accessed, dirty, WB, given pl/ar/ppn. */
static inline uint64_t t_pte(uint64_t pa, unsigned pl, unsigned ar)
{
	return PTE_P | PTE_A | PTE_D | ((uint64_t)pl << 7) | ((uint64_t)ar << 9) |
	       (pa & PTE_PPN_MASK);
}

#endif
