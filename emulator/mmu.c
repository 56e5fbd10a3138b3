/* SPDX-License-Identifier: MIT */
/*
 * The MMU (SDM Vol. 2, ch. 4): translation registers, set-associative
 * translation caches, address translation with protection checks and the
 * faults a failed translation raises, and a per-CPU fast page cache in
 * front of all that.  There is no VHPT walker (ia64-platform.md 11.1): a
 * miss raises the (Alternate) TLB fault with IHA = thash(IFA).
 *
 * The TLB-management instructions (itc/itr/ptc/ptr/thash/ttag/tpa/tak/
 * probe) come last.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "mmu.h"
#include "tlb.h"
#include "ia64/mmu.h"

/* PSR bits a successful translation depends on: a fast-cache entry is
 * only valid under the same values (plus the flush epoch in bits 63:48). */
#define FAST_KEY_PSR	(PSR_CPL | PSR_IT | PSR_DT | PSR_RT | PSR_DA | PSR_IA)
#define EPOCH_SHIFT	48
#define EPOCH_MAX	0xffffULL

/* Bits 62:50 of a physical-mode address must be zero. */
#define PHYS_UNIMPL_MASK IA64_MASK(IA64_IMPL_PA_BITS, 63 - IA64_IMPL_PA_BITS)
#define PHYS_ADDR_MASK	IA64_MASK(0, IA64_IMPL_PA_BITS)

/* spec_defers(): faults that defer for any control-speculative load. */
#define DEFER_ALWAYS	(~0ULL)

struct tlb *mmu_state(struct cpu *c)
{
	if (!c->tlb) {
		c->tlb = calloc(1, sizeof(*c->tlb));
		if (!c->tlb) {
			fprintf(stderr, "ia64emu: out of memory for the TLB of cpu %d\n", c->id);
			exit(1);
		}
		c->tlb->epoch = 1;
	}
	return c->tlb;
}

void mmu_reset(struct cpu *c)
{
	struct tlb *t = mmu_state(c);

	memset(t, 0, sizeof(*t));
	t->epoch = 1;
}

void mmu_free(struct cpu *c)
{
	free(c->tlb);
	c->tlb = NULL;
}

void mmu_flush_fast(struct cpu *c)
{
	struct tlb *t = mmu_state(c);

	/* O(1) flush: entries carry the epoch in their key. */
	if (++t->epoch > EPOCH_MAX) {
		memset(t->fast_d, 0, sizeof(t->fast_d));
		memset(t->fast_i, 0, sizeof(t->fast_i));
		t->epoch = 1;
	}
}

static inline uint64_t fast_key(const struct cpu *c)
{
	return (c->psr & FAST_KEY_PSR) | (c->tlb->epoch << EPOCH_SHIFT);
}

/* --- entries and lookup ------------------------------------------------- */

static bool tlb_entry_match(const struct tlb_entry *e, uint32_t rid, uint64_t va)
{
	return e->valid && e->rid == rid &&
	       (va & VA_IMPL_MASK & page_mask(e->ps)) == e->vbase;
}

static bool tlb_entry_overlaps(const struct tlb_entry *e, uint32_t rid,
			uint64_t base, unsigned ps)
{
	unsigned big = e->ps > ps ? e->ps : ps;

	return e->valid && e->rid == rid &&
	       ((e->vbase ^ base) & VA_IMPL_MASK & page_mask(big)) == 0;
}

static unsigned tc_set_index(uint64_t va, unsigned ps, uint32_t rid)
{
	uint64_t vpn = (va & VA_IMPL_MASK) >> ps;

	return (unsigned)(vpn ^ (vpn >> 8) ^ rid ^ (rid >> 8)) & (TC_SETS - 1);
}

static struct tlb_entry *tc_lookup(struct tc *tc, uint32_t rid, uint64_t va)
{
	uint64_t m = tc->ps_mask;

	while (m) {
		unsigned ps = (unsigned)__builtin_ctzll(m);
		struct tlb_entry *set = tc->e[tc_set_index(va, ps, rid)];
		unsigned w;

		m &= m - 1;
		for (w = 0; w < TC_WAYS; w++)
			if (set[w].ps == ps && tlb_entry_match(&set[w], rid, va))
				return &set[w];
	}
	return NULL;
}

static const struct tlb_entry *lookup_rid(struct tlb *t, bool instr,
					  uint32_t rid, uint64_t va)
{
	const struct tlb_entry *tr = instr ? t->itr : t->dtr;
	unsigned i;

	for (i = 0; i < TLB_NTR; i++)
		if (tlb_entry_match(&tr[i], rid, va))
			return &tr[i];
	return tc_lookup(instr ? &t->itc : &t->dtc, rid, va);
}

const struct tlb_entry *mmu_lookup(struct cpu *c, bool instr, uint64_t va)
{
	return lookup_rid(mmu_state(c), instr, RR_RID(c->rr[VA_REGION(va)]), va);
}

/*
 * Access rights (SDM Vol. 2, Table 4-3 "Page Access Rights"): ar 0-3 grant
 * their rights at CPL <= pl; ar 4-6 grant a first set at CPL == pl and a
 * second one at CPL < pl; ar 7 is execute at every level, read+execute at
 * CPL 0 (and promotes with epc when pl < CPL).
 */
static unsigned tlb_rights(unsigned ar, unsigned pl, unsigned cpl)
{
	static const uint8_t at_pl[8] = {
		[AR_R] = FAST_R, [AR_RX] = FAST_R | FAST_X,
		[AR_RW] = FAST_R | FAST_W, [AR_RWX] = FAST_R | FAST_W | FAST_X,
		[AR_R_RW] = FAST_R, [AR_RX_RWX] = FAST_R | FAST_X,
		[AR_RWX_RW] = FAST_R | FAST_W | FAST_X,
	};
	static const uint8_t above_pl[8] = {
		[AR_R] = FAST_R, [AR_RX] = FAST_R | FAST_X,
		[AR_RW] = FAST_R | FAST_W, [AR_RWX] = FAST_R | FAST_W | FAST_X,
		[AR_R_RW] = FAST_R | FAST_W, [AR_RX_RWX] = FAST_R | FAST_W | FAST_X,
		[AR_RWX_RW] = FAST_R | FAST_W,
	};

	if (ar == AR_X_PROMOTE)
		return cpl == 0 ? (FAST_R | FAST_X) : FAST_X;
	if (cpl > pl)
		return 0;
	return cpl == pl ? at_pl[ar & 7] : above_pl[ar & 7];
}

/* --- fault construction ------------------------------------------------- */

static uint64_t mmu_isr_bits(unsigned acc)
{
	uint64_t isr = 0;

	if (acc & ACC_X)
		isr |= ISR_X;
	if (acc & ACC_R)
		isr |= ISR_R;
	if (acc & ACC_W)
		isr |= ISR_W;
	if (acc & ACC_NONACCESS)
		isr |= ISR_NA | ((acc >> ACC_NA_CODE_SHIFT) & 0xf);
	if (acc & ACC_SPEC)
		isr |= ISR_SP;
	if (acc & ACC_RSE) {
		isr |= ISR_RS;
		if (acc & ACC_RSE_IR)
			isr |= ISR_IR;
	}
	return isr;
}

/* ITLB.ed of the code page (PSR.it = 0 counts as ed = 1). */
static bool code_page_ed(struct cpu *c)
{
	const struct tlb_entry *e;

	if (!(c->psr & PSR_IT))
		return true;
	e = mmu_lookup(c, true, c->ip);
	return e && (e->pte & PTE_ED);
}

/* Deferral of a control-speculative load's fault (SDM Vol. 2, 5.5.5). */
static bool spec_defers(struct cpu *c, uint64_t dcr_bit)
{
	if (c->psr & PSR_ED)
		return true;
	if (!(c->psr & PSR_IC) || dcr_bit == DEFER_ALWAYS)
		return true;
	return (c->cr[CR_DCR] & dcr_bit) && code_page_ed(c);
}

/*
 * Raise (or defer, or silently drop for non-faulting lfetch) a translation
 * fault for `va`.  `dcr_bit` is the DCR deferral bit of the fault class.
 */
static int mmu_raise(struct cpu *c, unsigned vector, uint64_t dcr_bit, uint64_t va,
	      unsigned acc, uint64_t isr, unsigned flags, uint64_t iha)
{
	struct fault f = {
		.vector = vector, .flags = flags | FF_IFA, .isr = isr,
		.ifa = va, .iha = iha,
	};

	if (acc & ACC_NOFAULT)
		return -1;
	if (acc & ACC_SPEC) {
		if (spec_defers(c, dcr_bit))
			return -1;
		if (code_page_ed(c))
			f.isr |= ISR_ED;
	} else if ((acc & ACC_NONACCESS) &&
		   ((acc >> ACC_NA_CODE_SHIFT) & 0xf) == ISR_NA_LFETCH &&
		   code_page_ed(c)) {
		/* lfetch.fault: Linux sets IPSR.ed from this and retries. */
		f.isr |= ISR_ED;
	}
	return cpu_fault(c, &f);
}

/* Unimplemented Data Address (General Exception, code{7:4} = 3) or, for
 * fetches, Unimplemented Instruction Address (Lower-Privilege Transfer). */
static int unimplemented(struct cpu *c, uint64_t va, unsigned acc)
{
	uint64_t isr = mmu_isr_bits(acc);

	if (acc & ACC_X)
		return mmu_raise(c, IVT_LOWER_PRIV_TRANSFER, 0, va, acc,
				 isr & ~0xffffULL, 0, 0);
	return mmu_raise(c, IVT_GENERAL_EXCEPTION, DEFER_ALWAYS, va, acc,
			 isr | GEX_RSVD_REG_FIELD, 0, 0);
}

/* TLB miss: Instruction/Data TLB fault with IHA when the walker would be
 * enabled for the region (PTA.ve && RR.ve), else the Alternate one. */
static int mmu_miss(struct cpu *c, uint64_t va, unsigned acc)
{
	uint64_t rr = c->rr[VA_REGION(va)];
	uint64_t pta = c->cr[CR_PTA];
	/* a probe at PSR.dt = 0 has no walker either: Alternate Data TLB */
	bool walker = (pta & PTA_VE) && (rr & RR_VE) &&
		      ((acc & ACC_X) || (c->psr & PSR_DT) || !(acc & ACC_NONACCESS) ||
		       ((acc >> ACC_NA_CODE_SHIFT) & 0xf) != ISR_NA_PROBE);
	bool x = acc & ACC_X;
	unsigned vector, flags = walker ? FF_IHA : 0;
	uint64_t iha = 0;

	c->counters[CNT_TLB_MISS]++;
	if (walker)
		iha = (pta & PTA_VF) ? ia64_vhpt_long_hash(va, rr, pta)
				     : ia64_thash_short(va, rr, pta);
	if (x) {
		vector = walker ? IVT_ITLB : IVT_ALT_ITLB;
	} else {
		vector = walker ? IVT_DTLB : IVT_ALT_DTLB;
		flags |= FF_NESTED_OK;
	}
	return mmu_raise(c, vector, DCR_DM, va, acc, mmu_isr_bits(acc), flags, iha);
}

/* NaT Page Consumption: NaT Consumption vector, ISR.code{7:4} = 2. */
static int mmu_natpage(struct cpu *c, uint64_t va, unsigned acc)
{
	return mmu_raise(c, IVT_NAT_CONSUMPTION, DEFER_ALWAYS, va, acc,
			 mmu_isr_bits(acc) | 0x20, 0, 0);
}

/* --- translation -------------------------------------------------------- */

/* WB and WC are speculative attributes; UC/UCE are not (SDM Vol. 2, 4.4). */
static inline bool ma_speculative(unsigned ma)
{
	return ma == MA_WB || ma == MA_WC;
}

/*
 * Memory-attribute checks after a successful translation: a control-
 * speculative load from non-speculative memory defers (NaT, no access);
 * a semaphore needs WB (else Unsupported Data Reference).
 */
static int attr_check(struct cpu *c, uint64_t va, unsigned acc, unsigned ma)
{
	if ((acc & ACC_SPEC) && !ma_speculative(ma))
		return -1;
	if ((acc & ACC_SEMA) && ma != MA_WB)
		return mmu_raise(c, IVT_UNSUPPORTED_DATA_REF, 0, va, acc,
				 mmu_isr_bits(acc), 0, 0);
	return 0;
}

static int translate_physical(struct cpu *c, uint64_t va, unsigned acc,
			      uint64_t *pa, unsigned *ma)
{
	if (va & PHYS_UNIMPL_MASK)
		return unimplemented(c, va, acc);
	*pa = va & PHYS_ADDR_MASK;
	*ma = (va >> 63) ? MA_UC : MA_WB;
	return attr_check(c, va, acc, *ma);
}

/* Checks that apply to this access kind: non-access fc/tpa/tak/probe
 * only need the translation; lfetch.fault and probe.fault check rights. */
static bool checks_rights(unsigned acc)
{
	unsigned code;

	if (!(acc & ACC_NONACCESS))
		return true;
	code = (acc >> ACC_NA_CODE_SHIFT) & 0xf;
	return code == ISR_NA_LFETCH || code == ISR_NA_PROBE_FAULT;
}

/*
 * Protection checks of a found translation in the SDM's priority order:
 * Page Not Present, NaT Page Consumption, (keys: PSR.pk = 0 model),
 * Access Rights, Dirty Bit, Access Bit.  `pl` is the privilege level the
 * access is made at (CPL, RSC.pl for the RSE, probe's pl).
 */
static int mmu_check(struct cpu *c, const struct tlb_entry *e, uint64_t va,
	      unsigned acc, unsigned pl)
{
	uint64_t pte = e->pte, isr = mmu_isr_bits(acc);
	bool x = acc & ACC_X;
	unsigned need = 0;

	if (!(pte & PTE_P))
		return mmu_raise(c, IVT_PAGE_NOT_PRESENT, DCR_DP, va, acc, isr, 0, 0);
	if (pte_ma(pte) == MA_NATPAGE && !(acc & ACC_NOFAULT))
		return mmu_natpage(c, va, acc);
	if (!checks_rights(acc))
		return 0;
	if (x)
		need |= FAST_X;
	if (acc & ACC_R)
		need |= FAST_R;
	if (acc & ACC_W)
		need |= FAST_W;
	if ((tlb_rights(pte_ar(pte), pte_pl(pte), pl) & need) != need)
		return mmu_raise(c, x ? IVT_IACCESS_RIGHTS : IVT_DACCESS_RIGHTS,
				 DCR_DR, va, acc, isr, 0, 0);
	/* PSR.da disables both Data Access-bit and Dirty-bit faults
	 * (PSR.dd is the data *debug* fault disable). */
	if ((acc & ACC_W) && !(pte & PTE_D) && !(c->psr & PSR_DA))
		return mmu_raise(c, IVT_DIRTY_BIT, DCR_DD, va, acc, isr, 0, 0);
	if (!(pte & PTE_A) && !(c->psr & (x ? PSR_IA : PSR_DA)))
		return mmu_raise(c, x ? IVT_IACCESS_BIT : IVT_DACCESS_BIT,
				 DCR_DA, va, acc, isr, 0, 0);
	return 0;
}

static uint64_t tlb_entry_pa(const struct tlb_entry *e, uint64_t va)
{
	uint64_t m = page_mask(e->ps);

	return (e->pte & PTE_PPN_MASK & m) | (va & ~m);
}

static void fast_fill(struct cpu *c, const struct tlb_entry *e, uint64_t va,
		      bool x, uint64_t pa)
{
	uint64_t pte = e->pte, vp = va >> FAST_PAGE_SHIFT;
	struct tlb *t = c->tlb;
	struct fast_ent *fe = (x ? t->fast_i : t->fast_d) + (vp & (FAST_SIZE - 1));
	unsigned perm = tlb_rights(pte_ar(pte), pte_pl(pte), psr_cpl(c->psr));

	if (!(pte & PTE_A) && !(c->psr & (x ? PSR_IA : PSR_DA)))
		return;
	if (!(pte & PTE_D) && !(c->psr & PSR_DA))
		perm &= ~FAST_W;
	if (pte_ma(pte) == MA_WB)
		perm |= FAST_SEMA;
	if (ma_speculative(pte_ma(pte)))
		perm |= FAST_SPEC;
	fe->vpage = vp;
	fe->key = fast_key(c);
	fe->pa = pa & ~((1ULL << FAST_PAGE_SHIFT) - 1);
	fe->perm = perm;
	fe->ma = pte_ma(pte);
}

static int translate_virtual(struct cpu *c, uint64_t va, unsigned acc,
			     uint64_t *pa, unsigned *ma)
{
	struct tlb *t = mmu_state(c);
	bool x = acc & ACC_X;
	uint32_t rid = RR_RID(c->rr[VA_REGION(va)]);
	unsigned pl = (acc & ACC_RSE) ? RSC_PL(c->ar[AR_RSC]) : psr_cpl(c->psr);
	const struct tlb_entry *e;
	int r;

	if (!va_implemented(va))
		return unimplemented(c, va, acc);
	e = lookup_rid(t, x, rid, va);
	if (!e)
		return mmu_miss(c, va, acc);
	r = mmu_check(c, e, va, acc, pl);
	if (r)
		return r;
	*pa = tlb_entry_pa(e, va);
	*ma = pte_ma(e->pte);
	r = attr_check(c, va, acc, *ma);
	if (r)
		return r;
	if (!(acc & (ACC_RSE | ACC_NONACCESS)))
		fast_fill(c, e, va, x, *pa);
	return 0;
}

_Static_assert(FAST_R == ACC_R && FAST_W == ACC_W && FAST_X == ACC_X &&
	       FAST_SPEC == ACC_SPEC && FAST_SEMA == ACC_SEMA,
	       "fast-cache permissions mirror ACC_*");

/* Everything but a fast-cache hit; kept out of line so the hit path
 * needs no stack frame. */
static __attribute__((noinline)) int translate_slow(struct cpu *c, uint64_t va,
						     unsigned acc, uint64_t enable,
						     uint64_t *pa, unsigned *ma)
{
	if (!(c->psr & enable))
		return translate_physical(c, va, acc, pa, ma);
	return translate_virtual(c, va, acc, pa, ma);
}

int mmu_translate(struct cpu *c, uint64_t va, unsigned size, unsigned acc,
		  uint64_t *pa, unsigned *ma)
{
	uint64_t enable = (acc & ACC_X) ? PSR_IT : (acc & ACC_RSE) ? PSR_RT : PSR_DT;
	const struct tlb *t = c->tlb;

	(void)size;	/* the caller splits accesses that cross 4 KB */
	if ((c->psr & enable) && t && !(acc & (ACC_RSE | ACC_NONACCESS))) {
		uint64_t vp = va >> FAST_PAGE_SHIFT;
		const struct fast_ent *fe = ((acc & ACC_X) ? t->fast_i : t->fast_d) +
					    (vp & (FAST_SIZE - 1));
		unsigned need = acc & (FAST_R | FAST_W | FAST_X | FAST_SPEC | FAST_SEMA);

		if (fe->vpage == vp && fe->key == fast_key(c) &&
		    (fe->perm & need) == need) {
			*pa = fe->pa | (va & ((1ULL << FAST_PAGE_SHIFT) - 1));
			*ma = fe->ma;
			return 0;
		}
	}
	return translate_slow(c, va, acc, enable, pa, ma);
}

/* --- global purge hook -------------------------------------------------- */

static mmu_global_purge_fn global_purge_hook;

void mmu_set_global_purge_hook(mmu_global_purge_fn fn)
{
	global_purge_hook = fn;
}

static void mmu_broadcast_purge(struct cpu *c, uint32_t rid, uint64_t va, unsigned ps)
{
	if (global_purge_hook)
		global_purge_hook(c, rid, va, ps);
}

/* --- TC maintenance ------------------------------------------------------ */

/* Purge the entries of one TC overlapping [base, base + 2^ps) under `rid`.
 * Entries at least as large as the range sit in one set per page size;
 * smaller ones may be anywhere, so then the whole TC is scanned. */
static unsigned tc_purge(struct tc *tc, uint32_t rid, uint64_t base, unsigned ps)
{
	unsigned n = 0, s, w;

	base &= VA_IMPL_MASK & page_mask(ps);
	if (tc->ps_mask & ((1ULL << ps) - 1)) {
		for (s = 0; s < TC_SETS; s++)
			for (w = 0; w < TC_WAYS; w++)
				if (tlb_entry_overlaps(&tc->e[s][w], rid, base, ps)) {
					tc->e[s][w].valid = 0;
					n++;
				}
	} else {
		uint64_t m = tc->ps_mask;

		while (m) {
			unsigned p = (unsigned)__builtin_ctzll(m);
			struct tlb_entry *set = tc->e[tc_set_index(base, p, rid)];

			m &= m - 1;
			for (w = 0; w < TC_WAYS; w++)
				if (tlb_entry_overlaps(&set[w], rid, base, ps)) {
					set[w].valid = 0;
					n++;
				}
		}
	}
	tc->count -= n;
	return n;
}

static void tc_clear(struct tc *tc)
{
	memset(tc, 0, sizeof(*tc));
}

static void tc_insert(struct tc *tc, const struct tlb_entry *ne)
{
	unsigned s = tc_set_index(ne->vbase, ne->ps, ne->rid), w;
	struct tlb_entry *set = tc->e[s];

	for (w = 0; w < TC_WAYS; w++)
		if (!set[w].valid)
			break;
	if (w == TC_WAYS) {		/* evict round-robin */
		w = tc->victim[s];
		tc->victim[s] = (uint8_t)((w + 1) % TC_WAYS);
	} else {
		tc->count++;
	}
	set[w] = *ne;
	tc->ps_mask |= 1ULL << ne->ps;
}

/* Purge from both local TCs; returns the number of entries removed. */
static unsigned purge_local(struct cpu *c, uint32_t rid, uint64_t va, unsigned ps)
{
	struct tlb *t = mmu_state(c);
	unsigned n = tc_purge(&t->itc, rid, va, ps) + tc_purge(&t->dtc, rid, va, ps);

	c->counters[CNT_TLB_PURGE] += n;
	mmu_flush_fast(c);
	return n;
}

void mmu_purge_remote(struct cpu *c, uint32_t rid, uint64_t va, unsigned ps)
{
	purge_local(c, rid, va, ps);
}

/* --- insert ------------------------------------------------------------- */

#define ITIR_RSVD_MASK	(IA64_MASK(0, 2) | IA64_MASK(32, 32))

static bool pte_reserved(uint64_t pte)
{
	unsigned ma = pte_ma(pte);

	if (!(pte & PTE_P))
		return false;
	return (pte & PTE_RSVD_MASK) || ma == 1 || ma == 2 || ma == 3;
}

/* Common checks of itc/itr and construction of the entry from IFA/ITIR. */
static int make_entry(struct cpu *c, uint64_t pte, struct tlb_entry *ne)
{
	uint64_t itir = c->cr[CR_ITIR], ifa = c->cr[CR_IFA];
	unsigned ps = ITIR_PS(itir);

	if (c->psr & PSR_IC)
		return cpu_illegal_op(c);
	if (psr_cpl(c->psr) != 0)
		return cpu_priv_op(c);
	if ((itir & ITIR_RSVD_MASK) || !ia64_page_size_ok(ps) || pte_reserved(pte))
		return cpu_reserved_reg(c);
	ne->ps = (uint8_t)ps;
	ne->rid = RR_RID(c->rr[VA_REGION(ifa)]);
	ne->vbase = ifa & VA_IMPL_MASK & page_mask(ps);
	/* PPN bits below the page size are ignored (ia64-platform.md 10.4);
	 * ignored PTE bits 63:53 are not kept. */
	ne->pte = (pte & ~PTE_IG_MASK & ~PTE_PPN_MASK) |
		  (pte & PTE_PPN_MASK & page_mask(ps));
	ne->itir = itir & (IA64_MASK(2, 6) | IA64_MASK(8, 24));
	ne->valid = 1;
	return 0;
}

static bool overlaps_tr(const struct tlb_entry *tr, int skip,
			const struct tlb_entry *ne)
{
	int i;

	for (i = 0; i < TLB_NTR; i++)
		if (i != skip && tlb_entry_overlaps(&tr[i], ne->rid, ne->vbase, ne->ps))
			return true;
	return false;
}

int sys_itc(struct cpu *c, bool instr, uint64_t pte)
{
	struct tlb *t = mmu_state(c);
	struct tlb_entry ne;
	int r = make_entry(c, pte, &ne);

	if (r)
		return r;
	c->counters[CNT_TLB_INSERT]++;
	/* A TC entry shadowed by a TR would never be used (TRs are searched
	 * first); the architecture makes this an MCA, we drop the insert. */
	if (overlaps_tr(instr ? t->itr : t->dtr, -1, &ne))
		return X_NEXT;
	if (tc_purge(instr ? &t->itc : &t->dtc, ne.rid, ne.vbase, ne.ps))
		mmu_flush_fast(c);
	tc_insert(instr ? &t->itc : &t->dtc, &ne);
	return X_NEXT;
}

int sys_itr(struct cpu *c, bool instr, uint64_t slot, uint64_t pte)
{
	struct tlb *t = mmu_state(c);
	struct tlb_entry ne, *tr = instr ? t->itr : t->dtr;
	int r;

	/* SDM order: ic (Illegal Operation), CPL, then the slot number and
	 * the fields (Reserved Register/Field). */
	if (c->psr & PSR_IC)
		return cpu_illegal_op(c);
	if (psr_cpl(c->psr) != 0)
		return cpu_priv_op(c);
	if (slot >= TLB_NTR)
		return cpu_reserved_reg(c);
	r = make_entry(c, pte, &ne);
	if (r)
		return r;
	if (overlaps_tr(tr, (int)slot, &ne)) {
		fprintf(stderr, "ia64emu: cpu %d: itr.%c slot %u overlaps another "
			"translation register (machine check), ip 0x%llx\n",
			c->id, instr ? 'i' : 'd', (unsigned)slot,
			(unsigned long long)c->ip);
		return X_HALT;
	}
	c->counters[CNT_TLB_INSERT]++;
	/* itr purges overlapping TC entries (both TCs, to be safe: the TC
	 * may lose entries at any time). */
	tc_purge(&t->itc, ne.rid, ne.vbase, ne.ps);
	tc_purge(&t->dtc, ne.rid, ne.vbase, ne.ps);
	tr[slot] = ne;
	mmu_flush_fast(c);
	return X_NEXT;
}

/* --- purge -------------------------------------------------------------- */

/* Page size operand of ptc/ptr: bits 7:2 of the register. */
static int purge_ps(struct cpu *c, uint64_t ps_reg, unsigned *ps)
{
	if (psr_cpl(c->psr) != 0)
		return cpu_priv_op(c);
	*ps = (unsigned)ia64_field(ps_reg, 2, 6);
	if (!ia64_page_size_ok(*ps))
		return cpu_reserved_reg(c);
	return 0;
}

int sys_ptc_l(struct cpu *c, uint64_t va, uint64_t ps_reg)
{
	unsigned ps = 0;
	int r = purge_ps(c, ps_reg, &ps);

	if (r)
		return r;
	purge_local(c, RR_RID(c->rr[VA_REGION(va)]), va, ps);
	return X_NEXT;
}

/* PAL_PTCE_INFO reports a 1 x 1 loop: one ptc.e empties the local TCs. */
int sys_ptc_e(struct cpu *c, uint64_t va)
{
	struct tlb *t = mmu_state(c);

	(void)va;
	if (psr_cpl(c->psr) != 0)
		return cpu_priv_op(c);
	c->counters[CNT_TLB_PURGE] += t->itc.count + t->dtc.count;
	c->counters[CNT_TLB_FLUSH]++;
	tc_clear(&t->itc);
	tc_clear(&t->dtc);
	mmu_flush_fast(c);
	return X_NEXT;
}

/* ptc.g/ptc.ga: purge here and on every other CPU (platform hook), using
 * the issuer's RID.  With a zero-entry ALAT ptc.ga has nothing more to do. */
int sys_ptc_g(struct cpu *c, uint64_t va, uint64_t ps_reg, bool ga)
{
	uint32_t rid = RR_RID(c->rr[VA_REGION(va)]);
	unsigned ps = 0;
	int r = purge_ps(c, ps_reg, &ps);

	(void)ga;
	if (r)
		return r;
	purge_local(c, rid, va, ps);
	mmu_broadcast_purge(c, rid, va, ps);
	return X_NEXT;
}

int sys_ptr(struct cpu *c, bool instr, uint64_t va, uint64_t ps_reg)
{
	struct tlb *t = mmu_state(c);
	struct tlb_entry *tr = instr ? t->itr : t->dtr;
	uint32_t rid = RR_RID(c->rr[VA_REGION(va)]);
	uint64_t base;
	unsigned ps = 0, i, n = 0;
	int r = purge_ps(c, ps_reg, &ps);

	if (r)
		return r;
	base = va & VA_IMPL_MASK & page_mask(ps);
	for (i = 0; i < TLB_NTR; i++)
		if (tlb_entry_overlaps(&tr[i], rid, base, ps)) {
			tr[i].valid = 0;
			n++;
		}
	n += tc_purge(instr ? &t->itc : &t->dtc, rid, base, ps);
	c->counters[CNT_TLB_PURGE] += n;
	mmu_flush_fast(c);
	return X_NEXT;
}

/* --- hash, tag and non-access lookups ----------------------------------- */

int sys_thash(struct cpu *c, uint64_t va, uint64_t *out, bool *nat)
{
	uint64_t rr = c->rr[VA_REGION(va)], pta = c->cr[CR_PTA];

	*out = (pta & PTA_VF) ? ia64_vhpt_long_hash(va, rr, pta)
			      : ia64_thash_short(va, rr, pta);
	*nat = !va_implemented(va);
	return X_NEXT;
}

int sys_ttag(struct cpu *c, uint64_t va, uint64_t *out, bool *nat)
{
	*out = ia64_vhpt_long_tag(va, c->rr[VA_REGION(va)]);
	*nat = !va_implemented(va);
	return X_NEXT;
}

/* Non-access DTLB lookup (tpa, probe): the TLB is searched whatever
 * PSR.dt says; a miss raises the TLB fault with ISR.na and `code`. */
static int nonaccess_lookup(struct cpu *c, uint64_t va, unsigned acc,
			    const struct tlb_entry **e)
{
	if (!va_implemented(va))
		return unimplemented(c, va, acc);
	*e = mmu_lookup(c, false, va);
	if (!*e)
		return mmu_miss(c, va, acc);
	return 0;
}

int sys_tpa(struct cpu *c, uint64_t va, uint64_t *out)
{
	unsigned acc = ACC_NONACCESS | ACC_NA_CODE(ISR_NA_TPA);
	const struct tlb_entry *e;
	int r;

	if (psr_cpl(c->psr) != 0)
		return cpu_priv_op(c);
	r = nonaccess_lookup(c, va, acc, &e);
	if (!r)
		r = mmu_check(c, e, va, acc, 0);
	if (r)
		return r;
	*out = tlb_entry_pa(e, va);
	return X_NEXT;
}

/* tak: the key of the present translation, 1 when there is none (this
 * model raises no fault from tak). */
int sys_tak(struct cpu *c, uint64_t va, uint64_t *out)
{
	const struct tlb_entry *e;

	if (psr_cpl(c->psr) != 0)
		return cpu_priv_op(c);
	e = mmu_lookup(c, false, va);
	*out = (e && (e->pte & PTE_P)) ? ITIR_KEY(e->itir) : 1;
	return X_NEXT;
}

/*
 * probe.r/.w/.rw (acc = ACC_R/ACC_W): *out = 1 when the access would be
 * allowed at privilege level max(pl, CPL).  The DTLB is queried; a missing
 * translation raises the TLB fault (Alternate at PSR.dt = 0).  The .fault
 * forms raise every fault the access would, and do nothing at PSR.dt = 0
 * (the address is then physical).  An unimplemented address reads 0.
 */
int sys_probe(struct cpu *c, uint64_t va, unsigned pl, unsigned acc, bool fault,
	      uint64_t *out)
{
	unsigned cpl = psr_cpl(c->psr), need = 0;
	unsigned a = (acc & (ACC_R | ACC_W)) | ACC_NONACCESS |
		     ACC_NA_CODE(fault ? ISR_NA_PROBE_FAULT : ISR_NA_PROBE);
	const struct tlb_entry *e;
	int r;

	pl &= 3;
	if (pl < cpl)
		pl = cpl;
	if (fault && !(c->psr & PSR_DT))
		return X_NEXT;
	if (!fault && !va_implemented(va)) {
		*out = 0;
		return X_NEXT;
	}
	r = nonaccess_lookup(c, va, a, &e);
	if (r)
		return r;
	if (fault)
		return mmu_check(c, e, va, a, pl);
	if (acc & ACC_R)
		need |= FAST_R;
	if (acc & ACC_W)
		need |= FAST_W;
	*out = (e->pte & PTE_P) && pte_ma(e->pte) != MA_NATPAGE &&
	       (tlb_rights(pte_ar(e->pte), pte_pl(e->pte), pl) & need) == need;
	return X_NEXT;
}
