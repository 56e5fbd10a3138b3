/* SPDX-License-Identifier: MIT */
/*
 * Architectural state of one IA-64 processor as the emulator keeps it,
 * and the cheap accessors every execution unit uses.
 *
 * Register renaming: general registers live in a physical file of 32
 * static + 96 stacked registers (plus a sink for out-of-frame accesses),
 * predicates and FP registers in physical files of 64 and 128.  Logical
 * numbers are translated through per-file maps (gmap/pmap/fmap) that
 * cpu_remap() rebuilds whenever the frame (bof, sof, sor) or a rotating
 * register base (rrb.gr/fr/pr) changes.  Reads and writes therefore cost
 * one extra byte load, and frame changes cost O(frame size).
 */
#ifndef EMU_CPU_H
#define EMU_CPU_H

#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#include "ia64/bits.h"
#include "ia64/psr.h"
#include "ia64/regs.h"
#include "fpreg.h"

#define N_STACKED	96		/* physical stacked registers (PAL_RSE_INFO) */
#define GR_SINK		(32 + N_STACKED)	/* target of out-of-frame accesses */
#define N_PHYS_GR	(GR_SINK + 1)

struct machine;
struct dcache;
struct fault;
struct tlb;
struct memspace;
struct lsapic;

/* Event counters (cpu->counters[]): how reviewers see where time goes. */
enum cpu_counter {
	CNT_FAULT,		/* interruptions delivered (all vectors) */
	CNT_EXTINT,		/* external interrupts taken */
	CNT_TLB_INSERT,		/* itc/itr */
	CNT_TLB_PURGE,		/* ptc.l/ptc.g(a)/ptr entries purged */
	CNT_TLB_FLUSH,		/* ptc.e / full flushes */
	CNT_TLB_MISS,		/* translation misses */
	CNT_DCACHE_MISS,	/* decoded-bundle cache misses */
	CNT_DCACHE_INVAL,	/* decoded bundles invalidated (fc, code stores) */
	CNT_RSE_SPILL,		/* registers spilled by the RSE */
	CNT_RSE_FILL,		/* registers filled by the RSE */
	CNT_ALAT_MISS,		/* chk.a / ld.c recoveries */
	CNT_FP_SWA,		/* FP operations needing special handling */
	CNT_FAULT_IC0,		/* interruptions taken with PSR.ic = 0 (incl. Data Nested TLB) */
	CNT_NR
};

struct cpu {
	/* --- hot state first --- */
	uint64_t ip;			/* bundle address */
	unsigned slot;			/* slot to execute next in the bundle (psr.ri) */
	uint64_t gr[N_PHYS_GR];		/* physical general registers */
	uint8_t nat[N_PHYS_GR];		/* their NaT bits */
	uint8_t gmap[128];		/* logical GR -> physical index */
	uint8_t pr[64];			/* physical predicates (0/1) */
	uint8_t pmap[64];		/* logical PR -> physical index */
	uint8_t fmap[128];		/* logical FR -> physical index */
	struct fp82 fr[128];		/* physical FP registers */
	uint64_t br[8];
	uint64_t ar[128];		/* application registers (ar.bsp etc. kept live by rse.c) */
	uint64_t cfm;			/* current frame marker */
	uint64_t psr;
	uint64_t cr[128];
	uint64_t rr[8];

	/* --- register stack engine (rse.c) --- */
	unsigned bof;			/* physical index (0..95) of the frame's r32 */
	unsigned ndirty;		/* dirty registers below bof, not yet spilled */
	unsigned nclean;		/* clean (valid, already in memory) registers */
	uint64_t bank0[16], bank1[16];	/* inactive bank of r16-r31 */
	uint8_t bank0_nat[16], bank1_nat[16];

	/* --- bookkeeping --- */
	uint64_t retired;		/* retired instruction slots */
	int id;				/* CPU number */
	struct machine *m;
	struct dcache *dc;		/* decoded-bundle cache */
	struct tlb *tlb;		/* TLB + system registers (mmu.c; allocated on first use) */
	struct memspace *mem;		/* address space (mem.c / memspace.h) */
	void *priv;			/* owner-specific (runner, platform) */
	struct lsapic *lsapic;		/* interrupt controller state (platform.h; kept by reset) */

	/*
	 * When set (user-mode runner), interruptions go here instead of
	 * through the architected delivery in interruption.c.
	 */
	int (*fault_hook)(struct cpu *c, const struct fault *f);

	uint64_t counters[CNT_NR];
};

/* --- general registers ------------------------------------------------ */

static inline uint64_t gr_get(const struct cpu *c, unsigned r)
{
	return c->gr[c->gmap[r]];
}

static inline bool gr_nat(const struct cpu *c, unsigned r)
{
	return c->nat[c->gmap[r]];
}

/* Writes to r0 are suppressed by mapping r0 writes to the sink. */
static inline void gr_set(struct cpu *c, unsigned r, uint64_t v, bool nat)
{
	unsigned p = r ? c->gmap[r] : GR_SINK;

	c->gr[p] = v;
	c->nat[p] = nat;
}

/* --- predicates --------------------------------------------------------- */

static inline bool pr_get(const struct cpu *c, unsigned p)
{
	return c->pr[c->pmap[p]];
}

static inline void pr_set(struct cpu *c, unsigned p, bool v)
{
	if (p)				/* p0 is hard-wired to 1 */
		c->pr[c->pmap[p]] = v;
}

/* --- floating-point registers -------------------------------------------- */

static inline struct fp82 fr_get(const struct cpu *c, unsigned f)
{
	return c->fr[c->fmap[f]];
}

/* f0 = +0.0 and f1 = +1.0 are read-only: writes to them are ignored here
 * (the caller raises the fault the architecture asks for). */
static inline void fr_set(struct cpu *c, unsigned f, struct fp82 v)
{
	if (f > 1)
		c->fr[c->fmap[f]] = v;
	/* psr.mfl / psr.mfh: FP register file modified */
	if (f > 1)
		c->psr |= (f < 32) ? PSR_MFL : PSR_MFH;
}

/* --- frame and rotation ---------------------------------------------------- */

/*
 * Map the first n stacked general registers (r32..r32+n-1) from bof and
 * CFM.sof/sor/rrb.gr; registers beyond sof go to the sink.  rse.c calls
 * this alone on call/return/alloc, where only the GR frame moves.
 */
static inline void cpu_remap_gr(struct cpu *c, unsigned n)
{
	unsigned sof = CFM_SOF(c->cfm), sor = CFM_SOR(c->cfm) * 8;
	unsigned rrb_gr = CFM_RRB_GR(c->cfm);
	unsigned i;

	for (i = 0; i < n; i++) {
		unsigned l = i, p;

		if (i >= sof) {
			c->gmap[32 + i] = GR_SINK;
			continue;
		}
		if (i < sor) {
			l = i + rrb_gr;
			if (l >= sor)
				l -= sor;
		}
		p = c->bof + l;
		if (p >= N_STACKED)
			p -= N_STACKED;
		c->gmap[32 + i] = (uint8_t)(32 + p);
	}
}

/*
 * Rebuild the logical->physical maps from bof, CFM and the bank bit.
 * Called after rfi, cover, clrrrb, loop branches and any write of CFM.
 */
static inline void cpu_remap(struct cpu *c)
{
	unsigned rrb_fr = CFM_RRB_FR(c->cfm), rrb_pr = CFM_RRB_PR(c->cfm);
	unsigned i;

	cpu_remap_gr(c, 96);
	for (i = 0; i < 96; i++) {
		unsigned l = i + rrb_fr;

		c->fmap[32 + i] = (uint8_t)(32 + (l >= 96 ? l - 96 : l));
	}
	for (i = 0; i < 48; i++) {
		unsigned l = i + rrb_pr;

		c->pmap[16 + i] = (uint8_t)(16 + (l >= 48 ? l - 48 : l));
	}
}

/* Identity maps for the static parts; call once at reset. */
static inline void cpu_init_maps(struct cpu *c)
{
	unsigned i;

	for (i = 0; i < 32; i++)
		c->gmap[i] = (uint8_t)i;
	for (i = 0; i < 32; i++)
		c->fmap[i] = (uint8_t)i;
	for (i = 0; i < 16; i++)
		c->pmap[i] = (uint8_t)i;
	c->gmap[0] = 0;
	c->pr[0] = 1;
	c->fr[0] = FP82_ZERO;
	c->fr[1] = FP82_ONE;
	cpu_remap(c);
}

#endif
