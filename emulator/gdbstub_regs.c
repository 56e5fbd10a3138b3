/* SPDX-License-Identifier: MIT */
/*
 * The debugger's view of a CPU (docs/ia64-platform.md §15.2): gdb's
 * fixed ia64 register layout (462 raw registers, 4720-byte 'g' packet),
 * and memory as gdb must see it.  gdb computes r32-r127 itself from
 * bsp, cfm and memory (bof = bsp - sof), so bsp is reported as if a
 * `cover` had run and reads of the not-yet-spilled backing store
 * [bspstore, bsp') come from the physical register file, NaT
 * collections included.  gdb's pc is ip | slot (psr.ri).
 */
#include <stdbool.h>
#include <string.h>

#include "cpu.h"
#include "ar.h"
#include "dcache.h"
#include "gdbstub.h"
#include "machine.h"
#include "memspace.h"
#include "tlb.h"
#include "ia64/mmu.h"

/* gdb register numbers (§15.2) */
enum {
	GREG_R0 = 0, GREG_F0 = 128, GREG_RAW = 256, GREG_B0 = 320,
	GREG_VFP = 328, GREG_VRAP = 329, GREG_PR = 330, GREG_IP = 331,
	GREG_PSR = 332, GREG_CFM = 333, GREG_AR0 = 334,
};

/* ---- register stack view ------------------------------------------------- */

static unsigned bs_slot(uint64_t a)
{
	return (unsigned)(a >> 3) & 63;
}

/* Backing-store address n registers above a (NaT collections skipped). */
static uint64_t bs_add(uint64_t a, unsigned n)
{
	while (n) {
		a += 8;
		if (bs_slot(a) != 63)
			n--;
	}
	return a;
}

/* bsp as gdb must see it: after a cover, the whole frame is dirty. */
uint64_t gdbstub_covered_bsp(const struct cpu *c)
{
	return bs_add(c->ar[AR_BSP], CFM_SOF(c->cfm));
}

/*
 * Physical GR index of the register whose spill address is a, with a in
 * [bspstore, covered bsp) and not a collection slot: the k-th register
 * counted from bspstore is the k-th oldest of the dirty registers
 * followed by the current frame, in physical order.
 */
static unsigned bs_reg(const struct cpu *c, uint64_t a)
{
	unsigned k = 0;
	int p;

	for (uint64_t x = c->ar[AR_BSPSTORE]; x < a; x += 8)
		if (bs_slot(x) != 63)
			k++;
	p = ((int)c->bof - (int)c->ndirty + (int)k) % N_STACKED;
	if (p < 0)
		p += N_STACKED;
	return 32 + (unsigned)p;
}

/* The 8-byte word at backing-store address a (8-aligned) if it is still
 * in the register file; false when memory holds it. */
bool gdbstub_bs_read(const struct cpu *c, uint64_t a, uint64_t *v)
{
	uint64_t lo = c->ar[AR_BSPSTORE], hi = gdbstub_covered_bsp(c);

	if (a < lo || a >= hi)
		return false;
	if (bs_slot(a) != 63) {
		*v = c->gr[bs_reg(c, a)];
		return true;
	}
	/* NaT collection not yet written: spilled bits are in ar.rnat, the
	 * rest still with their registers. */
	*v = 0;
	for (unsigned j = 0; j < 63; j++) {
		uint64_t x = (a & ~0x1ffULL) | (uint64_t)j * 8;
		bool nat = x < lo ? (c->ar[AR_RNAT] >> j) & 1 : x < hi && c->nat[bs_reg(c, x)];

		*v |= (uint64_t)nat << j;
	}
	return true;
}

static bool bs_write(struct cpu *c, uint64_t a, uint64_t v)
{
	if (a < c->ar[AR_BSPSTORE] || a >= gdbstub_covered_bsp(c))
		return false;
	if (bs_slot(a) != 63)
		c->gr[bs_reg(c, a)] = v;
	return true;		/* an unwritten collection: nothing to keep */
}

/* ---- memory ----------------------------------------------------------- */

/* Non-faulting translation: physical with PSR.dt = 0, else the TLBs
 * (data side, then instruction side) without walking the VHPT. */
static bool va_to_pa(struct cpu *c, uint64_t va, uint64_t *pa)
{
	const struct tlb_entry *e;
	uint64_t m;

	if (!(c->psr & PSR_DT)) {
		*pa = va & ~IA64_BIT(63);
		return true;
	}
	e = mmu_lookup(c, false, va);
	if (!e)
		e = mmu_lookup(c, true, va);
	if (!e)
		return false;
	m = page_mask(e->ps);
	*pa = (e->pte & PTE_PPN_MASK & m) | (va & ~m);
	return true;
}

/* One byte at va through CPU c: RAM only (never device registers). */
bool gdbstub_mem_byte(struct cpu *c, uint64_t va, uint8_t *b, bool write)
{
	uint64_t pa, w;
	uint8_t *p;

	if (gdbstub_bs_read(c, va & ~7ULL, &w)) {
		unsigned sh = (unsigned)(va & 7) * 8;

		if (!write) {
			*b = (uint8_t)(w >> sh);
			return true;
		}
		w = (w & ~(0xffULL << sh)) | ((uint64_t)*b << sh);
		return bs_write(c, va & ~7ULL, w);
	}
	if (!va_to_pa(c, va, &pa) || !(p = memspace_ptr(c->mem, pa, 1)))
		return false;
	if (!write) {
		*b = *p;
		return true;
	}
	*p = *b;
	/* decoded bundles of that byte are stale on every CPU */
	for (unsigned i = 0; i < c->m->ncpus; i++)
		dcache_invalidate(c->m->cpu[i]->dc, pa & ~15ULL, 16);
	return true;
}

/* ---- registers -------------------------------------------------------- */

/* Value of gdb register n in little-endian bytes; its size (0 = none). */
unsigned gdbstub_reg_get(struct cpu *c, unsigned n, uint8_t b[16])
{
	uint64_t v = 0;

	memset(b, 0, 16);
	if (n >= GREG_F0 && n < GREG_RAW) {
		struct fp82 f = fr_get(c, n - GREG_F0);
		uint32_t hi = (f.exp & 0x1ffff) | (f.sign & 1) << 17;

		/* spill format: significand, then 17-bit exponent and sign */
		for (unsigned i = 0; i < 8; i++)
			b[i] = (uint8_t)(f.sig >> (8 * i));
		b[8] = (uint8_t)hi;
		b[9] = (uint8_t)(hi >> 8);
		b[10] = (uint8_t)(hi >> 16);
		return 16;
	}
	if (n < 32)
		v = gr_get(c, n);
	else if (n < GREG_F0)
		v = n - 32 < CFM_SOF(c->cfm) ? gr_get(c, n) : 0;
	else if (n >= GREG_B0 && n < GREG_VFP)
		v = c->br[n - GREG_B0];
	else if (n == GREG_PR)
		for (unsigned i = 0; i < 64; i++)
			v |= (uint64_t)pr_get(c, i) << i;
	else if (n == GREG_IP)
		v = c->ip;
	else if (n == GREG_PSR)
		v = (c->psr & ~PSR_RI) | (uint64_t)(c->slot & 3) << PSR_RI_SHIFT;
	else if (n == GREG_CFM)
		v = c->cfm;
	else if (n == GREG_AR0 + AR_BSP)
		v = gdbstub_covered_bsp(c);
	else if (n == GREG_AR0 + AR_ITC)
		v = cpu_itc_read(c);
	else if (n >= GREG_AR0 && n < GDB_NREGS)
		v = c->ar[n - GREG_AR0];
	else if (n >= GDB_NREGS)
		return 0;
	for (unsigned i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	return 8;
}

/* Write gdb register n; false for registers the stub cannot change
 * without breaking the machine's invariants (frame, RSE, f0/f1, r0). */
bool gdbstub_reg_set(struct cpu *c, unsigned n, const uint8_t b[16])
{
	uint64_t v = 0;

	if (n >= GREG_F0 && n < GREG_RAW) {
		struct fp82 f;
		uint32_t hi = (uint32_t)b[8] | (uint32_t)b[9] << 8 | (uint32_t)b[10] << 16;

		f.sig = 0;
		for (unsigned i = 0; i < 8; i++)
			f.sig |= (uint64_t)b[i] << (8 * i);
		f.exp = hi & 0x1ffff;
		f.sign = (hi >> 17) & 1;
		if (n - GREG_F0 < 2)
			return false;
		fr_set(c, n - GREG_F0, f);
		return true;
	}
	for (unsigned i = 0; i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	if (n >= 1 && n < 32)
		gr_set(c, n, v, gr_nat(c, n));
	else if (n >= 32 && n < GREG_F0 && n - 32 < CFM_SOF(c->cfm))
		gr_set(c, n, v, gr_nat(c, n));
	else if (n >= GREG_B0 && n < GREG_VFP)
		c->br[n - GREG_B0] = v;
	else if (n == GREG_PR)
		for (unsigned i = 1; i < 64; i++)
			pr_set(c, i, (v >> i) & 1);
	else if (n == GREG_IP)
		c->ip = v & ~15ULL;
	else if (n == GREG_PSR) {
		if (((v >> PSR_RI_SHIFT) & 3) == 3)
			return false;
		c->slot = (unsigned)(v >> PSR_RI_SHIFT) & 3;
		c->psr = v & ~PSR_RI;
	} else if (n >= GREG_AR0 && n < GDB_NREGS && n != GREG_AR0 + AR_BSP &&
		   n != GREG_AR0 + AR_BSPSTORE && n != GREG_AR0 + AR_RNAT &&
		   n != GREG_AR0 + AR_ITC)
		c->ar[n - GREG_AR0] = v;
	else
		return false;
	return true;
}

/* Byte offset of register n in the 'g' packet. */
unsigned gdbstub_reg_offset(unsigned n)
{
	/* r0-r127 8 bytes, f0-f127 16 bytes, everything after 8 bytes */
	return n < GREG_F0 ? 8 * n : n < GREG_RAW ? 1024 + 16 * (n - GREG_F0)
					       : 3072 + 8 * (n - GREG_RAW);
}
