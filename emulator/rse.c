/* SPDX-License-Identifier: MIT */
/*
 * Register stack engine (SDM Vol. 2, chapter 6), in the "mandatory
 * operations only" style the architecture allows for every RSC mode:
 * registers are spilled only when a frame grows beyond the 96 physical
 * stacked registers and filled only when a return needs them.
 *
 * Partitions of the physical stacked file, walking down from bof:
 *   current frame  [bof, bof + sof)
 *   dirty          ndirty registers below bof, backing store [bspstore, bsp)
 *   clean          nclean registers below those, already in memory
 *   invalid        the rest
 * with sof + ndirty + nclean <= 96.  Every spill and fill updates the
 * partition counts one register at a time, so a fault raised by a
 * mandatory spill or fill leaves a consistent state and the interrupted
 * instruction simply restarts.
 */
#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "rse.h"

/* Physical GR index of stacked position p (may be negative or >= 96). */
static inline unsigned stk(int p)
{
	p %= N_STACKED;
	if (p < 0)
		p += N_STACKED;
	return 32 + (unsigned)p;
}

/*
 * Frame changes here only move the GR frame (rrb.fr/rrb.pr change only
 * when a call clears them), so rebuild just the GR map entries the old
 * or new frame covers; entries beyond both already point at the sink.
 * The full cpu_remap() handles rotating FR/PR base changes.
 */
static void remap(struct cpu *c, uint64_t old)
{
	uint64_t cfm = c->cfm;
	unsigned sof = CFM_SOF(cfm), osof = CFM_SOF(old);

	if (CFM_RRB_FR(cfm) != CFM_RRB_FR(old) || CFM_RRB_PR(cfm) != CFM_RRB_PR(old)) {
		cpu_remap(c);
		return;
	}
	/* entries past both frames are already the sink */
	cpu_remap_gr(c, sof > osof ? sof : osof);
}

static inline unsigned slot_of(uint64_t addr)
{
	return (unsigned)(addr >> 3) & 63;
}

/*
 * Backing-store address n registers away from addr, counting the NaT
 * collection slot (index 63 of every 64-slot group) that the RSE skips.
 */
static uint64_t rse_skip(uint64_t addr, long n)
{
	long s = (long)slot_of(addr), d = s + n;

	if (n < 0)
		d -= 62;
	return addr + (uint64_t)((n + d / 63) * 8);
}

/* Registers between two backing-store addresses (lo <= hi). */
static long rse_count(uint64_t lo, uint64_t hi)
{
	long slots = (long)((hi - lo) >> 3);

	return slots - (long)((slot_of(lo) + slots) / 64);
}


/* Spill the oldest dirty register (writing a NaT collection first when
 * bspstore sits on one). */
static int spill_one(struct cpu *c)
{
	uint64_t a = c->ar[AR_BSPSTORE];
	unsigned p;
	int r;

	if (slot_of(a) == 63) {
		r = mem_write_u(c, a, 8, ACC_W | ACC_RSE, c->ar[AR_RNAT]);
		if (r)
			return r;
		a += 8;
		c->ar[AR_BSPSTORE] = a;
	}
	p = stk((int)c->bof - (int)c->ndirty);
	r = mem_write_u(c, a, 8, ACC_W | ACC_RSE, c->gr[p]);
	if (r)
		return r;
	if (c->nat[p])
		c->ar[AR_RNAT] |= 1ULL << slot_of(a);
	else
		c->ar[AR_RNAT] &= ~(1ULL << slot_of(a));
	c->ar[AR_BSPSTORE] = a + 8;
	c->ndirty--;
	c->nclean++;
	c->counters[CNT_RSE_SPILL]++;
	return X_NEXT;
}

/* NaT collection covering backing-store address a. */
static int nat_collection(struct cpu *c, uint64_t a, uint64_t *bits)
{
	uint64_t coll = a | 0x1f8;

	if (coll >= c->ar[AR_BSPSTORE]) {
		*bits = c->ar[AR_RNAT];
		return X_NEXT;
	}
	return mem_read_u(c, coll, 8, ACC_R | ACC_RSE, bits);
}

/* Load one more register below the clean partition (it becomes clean). */
static int fill_one(struct cpu *c, unsigned acc)
{
	uint64_t a = rse_skip(c->ar[AR_BSPSTORE], -(long)(c->nclean + 1));
	uint64_t v, nats;
	unsigned p;
	int r;

	r = mem_read_u(c, a, 8, ACC_R | ACC_RSE | acc, &v);
	if (!r)
		r = nat_collection(c, a, &nats);
	if (r)
		return r;
	p = stk((int)c->bof - (int)c->ndirty - (int)c->nclean - 1);
	c->gr[p] = v;
	c->nat[p] = (nats >> slot_of(a)) & 1;
	c->nclean++;
	c->counters[CNT_RSE_FILL]++;
	return X_NEXT;
}

/* Move bspstore down to `to` (registers there are now in the frame or
 * dirty): reload RNAT from the collection already written to memory. */
static int lower_bspstore(struct cpu *c, uint64_t to)
{
	uint64_t old = c->ar[AR_BSPSTORE], coll = to | 0x1f8;

	if (coll < old) {
		uint64_t v;
		int r = mem_read_u(c, coll, 8, ACC_R | ACC_RSE, &v);

		if (r)
			return r;
		c->ar[AR_RNAT] = v;
	}
	c->ar[AR_BSPSTORE] = to;
	return X_NEXT;
}

/* Drop clean registers so that `sof` more registers fit above the dirty
 * ones, spilling dirty registers if even that is not enough. */
static int make_room(struct cpu *c, unsigned sof)
{
	int r;

	while (sof + c->ndirty > N_STACKED) {
		r = spill_one(c);
		if (r)
			return r;
	}
	if (sof + c->ndirty + c->nclean > N_STACKED)
		c->nclean = N_STACKED - sof - c->ndirty;
	return X_NEXT;
}

/*
 * Bring the n registers just below bof back into use as the bottom of the
 * new frame (return, rfi): take dirty ones first, then clean ones, then
 * fill from the backing store.
 */
static int restore_below(struct cpu *c, unsigned n)
{
	uint64_t bsp_new;
	int r;

	while (c->ndirty + c->nclean < n) {
		r = fill_one(c, ACC_RSE_IR);
		if (r)
			return r;
	}
	bsp_new = rse_skip(c->ar[AR_BSP], -(long)n);
	if (n > c->ndirty) {
		unsigned k = n - c->ndirty;

		r = lower_bspstore(c, bsp_new);
		if (r)
			return r;
		c->nclean -= k;
		c->ndirty = 0;
	} else {
		c->ndirty -= n;
	}
	c->bof = stk((int)c->bof - (int)n) - 32;
	c->ar[AR_BSP] = bsp_new;
	return X_NEXT;
}

int rse_call(struct cpu *c)
{
	uint64_t cfm = c->cfm;
	unsigned sol = CFM_SOL(cfm), sof = CFM_SOF(cfm);
	unsigned cpl = (unsigned)((c->psr & PSR_CPL) >> PSR_CPL_SHIFT);

	c->ar[AR_PFS] = (cfm & CFM_MASK) | ((c->ar[AR_EC] & 0x3f) << PFS_PEC_SHIFT) |
			((uint64_t)cpl << PFS_PPL_SHIFT);
	c->bof = stk((int)(c->bof + sol)) - 32;
	c->ndirty += sol;
	c->ar[AR_BSP] = rse_skip(c->ar[AR_BSP], sol);
	c->cfm = sof - sol;		/* sol = sor = rrb = 0 */
	remap(c, cfm);
	return X_NEXT;
}

int rse_return(struct cpu *c, uint64_t pfs)
{
	uint64_t pfm = pfs & CFM_MASK, old = c->cfm;
	int r;

	if (CFM_SOL(pfm) > CFM_SOF(pfm) || CFM_SOF(pfm) > N_STACKED) {
		/* An invalid PFS.pfm gives an empty frame (SDM br.ret). */
		pfm = 0;
	}
	r = restore_below(c, CFM_SOL(pfm));
	if (r)
		return r;
	c->cfm = pfm;
	if (c->nclean + c->ndirty + CFM_SOF(pfm) > N_STACKED)
		c->nclean = N_STACKED - c->ndirty - CFM_SOF(pfm);
	remap(c, old);
	return X_NEXT;
}

int rse_cover(struct cpu *c)
{
	unsigned sof = CFM_SOF(c->cfm);

	if (!(c->psr & PSR_IC))
		c->cr[CR_IFS] = (c->cfm & CFM_MASK) | IFS_V;
	c->bof = stk((int)(c->bof + sof)) - 32;
	c->ndirty += sof;
	c->ar[AR_BSP] = rse_skip(c->ar[AR_BSP], sof);
	c->cfm = 0;
	cpu_remap(c);
	return X_NEXT;
}

int rse_restore_frame(struct cpu *c, uint64_t ifm)
{
	uint64_t fm = ifm & CFM_MASK;
	int r;

	r = restore_below(c, CFM_SOF(fm));
	if (r)
		return r;
	c->cfm = fm;
	cpu_remap(c);
	return X_NEXT;
}

/* alloc r1 = ar.pfs, i, l, o, r: in->a = sof, in->b = sol,
 * in->imm = sor in units of 8 (the encoded field, like CFM.sor). */
int exec_alloc(struct cpu *c, const struct insn *in)
{
	unsigned sof = in->a, sol = in->b, sor = (unsigned)in->imm;
	uint64_t cfm = c->cfm, pfs = c->ar[AR_PFS];
	int r;

	if (sof > N_STACKED || sol > sof || sor * 8 > sof)
		return cpu_illegal_op(c);
	/* Changing the rotating size with a live rotation is reserved. */
	if (sor != CFM_SOR(cfm) && CFM_RRB_GR(cfm))
		return cpu_reserved_reg(c);
	r = make_room(c, sof);
	if (r)
		return r;
	c->cfm = (cfm & ~IA64_MASK(0, 18)) | sof | ((uint64_t)sol << 7) | ((uint64_t)sor << 14);
	remap(c, cfm);
	gr_set(c, in->r1, pfs, false);
	return X_NEXT;
}

int exec_flushrs(struct cpu *c, const struct insn *in)
{
	int r;

	(void)in;
	while (c->ndirty) {
		r = spill_one(c);
		if (r)
			return r;
	}
	/* A collection slot right at the end is written too, so that the
	 * whole stack up to bsp is self-contained in memory. */
	if (slot_of(c->ar[AR_BSPSTORE]) == 63) {
		r = mem_write_u(c, c->ar[AR_BSPSTORE], 8, ACC_W | ACC_RSE, c->ar[AR_RNAT]);
		if (r)
			return r;
		c->ar[AR_BSPSTORE] += 8;
		c->ar[AR_BSP] = c->ar[AR_BSPSTORE];
	}
	return X_NEXT;
}

/*
 * loadrs: make the rsc.loadrs bytes below bsp present as dirty registers
 * and invalidate everything else outside the current frame.  Illegal with
 * RSC.mode != 0, or with both CFM.sof and RSC.loadrs non-zero.
 */
int exec_loadrs(struct cpu *c, const struct insn *in)
{
	uint64_t bsp = c->ar[AR_BSP], target;
	long n;
	int r;

	(void)in;
	if (RSC_MODE(c->ar[AR_RSC]) || (CFM_SOF(c->cfm) && RSC_LOADRS(c->ar[AR_RSC])))
		return cpu_illegal_op(c);
	target = bsp - RSC_LOADRS(c->ar[AR_RSC]);
	if (target > bsp)
		return cpu_illegal_op(c);
	n = rse_count(target, bsp);
	if (n > N_STACKED - (long)CFM_SOF(c->cfm))
		return cpu_illegal_op(c);
	if ((unsigned long)n <= c->ndirty) {
		/* Dirty registers below the target are dropped unwritten. */
		c->ndirty = (unsigned)n;
		c->nclean = 0;
		c->ar[AR_BSPSTORE] = rse_skip(bsp, -n);
		return X_NEXT;
	}
	while (c->ndirty + c->nclean < (unsigned long)n) {
		r = fill_one(c, 0);
		if (r)
			return r;
	}
	r = lower_bspstore(c, rse_skip(bsp, -n));
	if (r)
		return r;
	c->ndirty = (unsigned)n;
	c->nclean = 0;
	return X_NEXT;
}

uint64_t rse_read_ar(struct cpu *c, unsigned ar)
{
	return c->ar[ar];
}

/*
 * ar.bspstore writes keep the dirty registers (they now belong at the new
 * address: bsp = bspstore + ndirty) and invalidate the clean ones; this is
 * how an OS moves a user register stack onto the kernel backing store.
 */
int rse_write_ar(struct cpu *c, unsigned ar, uint64_t v)
{
	switch (ar) {
	case AR_RSC:
		c->ar[AR_RSC] = v & RSC_WRITABLE;
		return X_NEXT;
	case AR_BSPSTORE:
		c->ar[AR_BSPSTORE] = v & ~7ULL;
		c->ar[AR_BSP] = rse_skip(c->ar[AR_BSPSTORE], c->ndirty);
		c->nclean = 0;
		return X_NEXT;
	case AR_RNAT:
		c->ar[AR_RNAT] = v & ~(1ULL << 63);
		return X_NEXT;
	case AR_BSP:
		return cpu_illegal_op(c);
	default:
		c->ar[ar] = v;
		return X_NEXT;
	}
}

void rse_reset(struct cpu *c, uint64_t bsp)
{
	c->bof = 0;
	c->ndirty = 0;
	c->nclean = 0;
	c->cfm = 0;
	c->ar[AR_BSP] = bsp & ~7ULL;
	c->ar[AR_BSPSTORE] = bsp & ~7ULL;
	c->ar[AR_RNAT] = 0;
	c->ar[AR_RSC] = 0;
	cpu_remap(c);
}
