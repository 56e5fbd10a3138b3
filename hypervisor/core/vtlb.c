/* SPDX-License-Identifier: MIT */
/*
 * The PV vTLB (see vtlb.h and doc 17.6).  Guest translations are kept in
 * guest form (pseudo-physical frame, guest RID) and converted to machine
 * inserts on demand, so a p2m change never leaves a wrong machine frame
 * in the vTLB itself -- only in the machine TLB and VHPT, which the flush
 * code purges.
 *
 * Memory-attribute policy (translate):
 *  - RAM: WB stays WB; UC, UCE and WC are forced to WB, because mixing
 *    cacheable and uncacheable attributes for one physical page is
 *    undefined (SDM Vol. 2, 4.4.11) and the hypervisor and other domains
 *    map the same frame WB.  NaTPage is kept: it performs no memory access.
 *  - I/O (P2M_IO): WB is forced to UC (a cacheable MMIO access could
 *    machine-check); UC/UCE/WC/NaTPage are kept.
 *  - Reserved attributes 1-3 are rejected.
 * Guest page sizes below 16 KB are rejected (unsupported, doc 18); larger
 * ones are inserted 16 KB at a time.
 */
#include "counters.h"
#include "domain.h"
#include "flush.h"
#include "tlb_track.h"
#include "vtlb.h"

#define INSERT_RETRIES	8

void vtlb_init(struct vtlb *t)
{
	*t = (struct vtlb){ 0 };
}

int vcpu_set_rr(struct vcpu *v, unsigned reg, uint64_t val)
{
	/* rr{1} and rr{63:32} are reserved (SDM Vol. 2, 3.4.2). */
	if (reg >= 8 || (val & (IA64_BIT(1) | IA64_MASK(32, 32))))
		return -HV_EINVAL;
	if (RR_RID(val) >> v->domain->rid_bits || !ia64_page_size_ok(RR_PS(val)))
		return -HV_EINVAL;
	v->rr[reg] = val;
	return 0;
}

uint32_t vcpu_machine_rid(struct vcpu *v, uint64_t va)
{
	/* Physical mode has its own RID so its identity translations never
	 * meet the guest's virtual ones (doc 17.3). */
	if (v->metaphysical)
		return v->domain->metaphys_rid;
	return v->domain->rid_base + RR_RID(v->rr[VA_REGION(va)]);
}

uint64_t vcpu_machine_rr(struct vcpu *v, uint64_t va)
{
	/* ps forced to the hypervisor's page size: the walker always uses
	 * the hypervisor's VHPT (doc 17.2). */
	return rr_make(vcpu_machine_rid(v, va), HV_PAGE_SHIFT, 1);
}

static uint64_t ar_readonly(unsigned ar)
{
	static const uint8_t ro[8] = {
		[AR_R] = AR_R, [AR_RX] = AR_RX, [AR_RW] = AR_R, [AR_RWX] = AR_RX,
		[AR_R_RW] = AR_R, [AR_RX_RWX] = AR_RX, [AR_RWX_RW] = AR_RX,
		[AR_X_PROMOTE] = AR_X_PROMOTE,
	};

	return ro[ar & 7];
}

static int ma_policy(unsigned ma, bool io, unsigned *out)
{
	switch (ma) {
	case MA_WB:
		*out = io ? MA_UC : MA_WB;
		return 0;
	case MA_UC: case MA_UCE: case MA_WC:
		*out = io ? ma : MA_WB;
		return 0;
	case MA_NATPAGE:
		*out = ma;
		return 0;
	default:
		return -HV_EINVAL;
	}
}

int vtlb_translate(struct vcpu *v, uint64_t va, uint64_t gpte, uint64_t gitir,
		   struct vtlb_xlate *x)
{
	unsigned gps = ITIR_PS(gitir), ma, pl;
	uint64_t gsize, gpaddr, m;
	int err;

	if (!(gpte & PTE_P) || (gpte & PTE_RSVD_MASK))
		return -HV_EINVAL;
	if (!ia64_page_size_ok(gps) || gps < HV_PAGE_SHIFT)
		return -HV_EINVAL;
	gsize = 1ULL << gps;
	/* The 16 KB piece of the guest page that contains va. */
	gpaddr = (gpte & PTE_PPN_MASK & ~(gsize - 1)) | (va & (gsize - 1) & HV_PAGE_MASK);
	err = p2m_lookup(v->domain, gpaddr, &x->p2m);
	if (err)
		return err == -HV_EINVAL ? -HV_ENOENT : err;
	err = ma_policy(pte_ma(gpte), (x->p2m.val & P2M_IO) != 0, &ma);
	if (err)
		return err;
	m = gpte & (PTE_P | PTE_A | PTE_D | PTE_ED);
	m |= (uint64_t)ma << PTE_MA_SHIFT;
	pl = pte_pl(gpte);
	m |= (uint64_t)(pl == 0 ? CPL0_EMUL : pl) << PTE_PL_SHIFT;
	m |= (p2m_pte_readonly(x->p2m.val) ? ar_readonly(pte_ar(gpte)) : pte_ar(gpte))
	     << PTE_AR_SHIFT;
	m |= x->p2m.val & PTE_PPN_MASK;
	x->pte = m & ~P2M_NON_HW_MASK;
	x->va = va & HV_PAGE_MASK;
	x->itir = itir_make(HV_PAGE_SHIFT, ITIR_KEY(gitir));
	x->rid = vcpu_machine_rid(v, va);
	return 0;
}

static bool ranges_overlap(uint64_t a, unsigned aps, uint64_t b, unsigned bps)
{
	uint64_t as = aps >= 64 ? ~0ULL : (1ULL << aps) - 1;
	uint64_t bs = bps >= 64 ? ~0ULL : (1ULL << bps) - 1;
	uint64_t a0 = a & ~as, b0 = b & ~bs;

	return a0 <= b0 + bs && b0 <= a0 + as;
}

static void swtc_purge(struct swtc *tc, uint64_t va, unsigned ps, uint32_t grid)
{
	if (tc->valid && tc->rid == grid && VA_REGION(tc->va) == VA_REGION(va) &&
	    ranges_overlap(tc->va, ITIR_PS(tc->itir), va, ps))
		tc->valid = false;
}

void vtlb_purge_vcpu_range(struct vcpu *v, uint64_t va, unsigned ps, uint32_t mrid)
{
	uint32_t grid = mrid - v->domain->rid_base;

	hv_spin_lock(&v->vtlb.lock);
	swtc_purge(&v->vtlb.itc, va, ps, grid);
	swtc_purge(&v->vtlb.dtc, va, ps, grid);
	hv_spin_unlock(&v->vtlb.lock);
	vhpt_purge_range(&v->vhpt, va, ps, rr_make(mrid, HV_PAGE_SHIFT, 1));
}

void vtlb_flush_vcpu(struct vcpu *v)
{
	hv_spin_lock(&v->vtlb.lock);
	v->vtlb.itc.valid = false;
	v->vtlb.dtc.valid = false;
	hv_spin_unlock(&v->vtlb.lock);
	vhpt_flush(&v->vhpt);
}

/* Insert one guest translation into the machine TLB and the VHPT, then
 * re-check the p2m entry it was derived from (doc 17.7 reader protocol). */
static int insert_translation(struct vcpu *v, bool is_i, uint64_t va,
			      uint64_t gpte, uint64_t gitir, struct swtc *tc)
{
	struct domain *d = v->domain;
	struct vtlb_xlate x;
	enum tlb_track_insert_result tr = TT_INS_NOT_TRACKED;

	for (unsigned attempt = 0; attempt < INSERT_RETRIES; attempt++) {
		int err = vtlb_translate(v, va, gpte, gitir, &x);

		if (err)
			return err;
		/* No lock is held across the machine insert: a concurrent guest
		 * purge either precedes the whole itc or purges what we insert
		 * (it clears the swTC and VHPT before its ptc.ga). */
		hw_tlb_insert(is_i, x.va, x.pte, x.itir, x.rid);
		vhpt_insert(&v->vhpt, x.va, vcpu_machine_rr(v, va), x.pte, x.itir);
		if (tc) {
			hv_spin_lock(&v->vtlb.lock);
			*tc = (struct swtc){ .pte = gpte, .itir = gitir,
					     .va = va & ~((1ULL << ITIR_PS(gitir)) - 1),
					     .rid = RR_RID(v->rr[VA_REGION(va)]),
					     .valid = true };
			hv_spin_unlock(&v->vtlb.lock);
		}
		if (d->tlb_track && (x.p2m.val & P2M_TLB_TRACKING))
			tr = tlb_track_insert(d->tlb_track, &x.p2m, x.va, x.rid,
					      v->id, arch_cpu_id());
		if (tr != TT_INS_AGAIN && !p2m_entry_changed(&x.p2m))
			return 0;
		/* The mapping moved under us: undo our own insert and retry
		 * with the new p2m value. */
		hv_count(CNT_INSERT_RETRY);
		vhpt_purge(&v->vhpt, x.va, vcpu_machine_rr(v, va));
		hw_ptc_l(x.va, HV_PAGE_SHIFT, x.rid);
	}
	return -HV_EAGAIN;
}

int vtlb_itc(struct vcpu *v, bool is_i, uint64_t va, uint64_t gpte, uint64_t gitir)
{
	return insert_translation(v, is_i, va, gpte, gitir,
				  is_i ? &v->vtlb.itc : &v->vtlb.dtc);
}

static struct vtr *tr_array(struct vcpu *v, bool is_i, uint16_t **rmap)
{
	*rmap = is_i ? v->vtlb.itr_rmap : v->vtlb.dtr_rmap;
	return is_i ? v->vtlb.itr : v->vtlb.dtr;
}

static bool tr_matches(const struct vtr *t, uint64_t va, unsigned ps, uint32_t grid)
{
	return t->valid && t->rid == grid && VA_REGION(t->va) == VA_REGION(va) &&
	       ranges_overlap(t->va, ITIR_PS(t->itir), va, ps);
}

const struct vtr *vtlb_find_tr(struct vcpu *v, bool is_i, uint64_t va)
{
	uint16_t *rmap;
	struct vtr *trs = tr_array(v, is_i, &rmap);
	unsigned r = VA_REGION(va);
	uint32_t grid = RR_RID(v->rr[r]);

	/* Only the slots known to hold this region are examined. */
	for (uint16_t m = rmap[r]; m; m &= (uint16_t)(m - 1)) {
		unsigned i = (unsigned)__builtin_ctz(m);

		if (tr_matches(&trs[i], va, 0, grid))
			return &trs[i];
	}
	return NULL;
}

static void local_purge(struct vcpu *v, uint64_t va, unsigned ps)
{
	uint32_t mrid = vcpu_machine_rid(v, va);

	vtlb_purge_vcpu_range(v, va, ps, mrid);
	hw_ptc_l(va, ps, mrid);
}

int vtlb_itr(struct vcpu *v, bool is_i, unsigned slot, uint64_t va,
	     uint64_t gpte, uint64_t gitir)
{
	uint16_t *rmap;
	struct vtr *trs = tr_array(v, is_i, &rmap);
	unsigned ps = ITIR_PS(gitir), r = VA_REGION(va);
	uint32_t grid = RR_RID(v->rr[r]);

	if (slot >= VTLB_NR_TR || !ia64_page_size_ok(ps) || ps < HV_PAGE_SHIFT)
		return -HV_EINVAL;
	if ((gpte & PTE_P) && (gpte & PTE_RSVD_MASK))
		return -HV_EINVAL;
	/* Overlapping TRs are a machine check on hardware: refuse. */
	for (unsigned i = 0; i < VTLB_NR_TR; i++)
		if (i != slot && tr_matches(&trs[i], va, ps, grid))
			return -HV_EINVAL;
	local_purge(v, va, ps);
	if (trs[slot].valid)
		rmap[VA_REGION(trs[slot].va)] &= (uint16_t)~(1U << slot);
	trs[slot] = (struct vtr){ .pte = gpte, .itir = gitir,
				  .va = va & ~((1ULL << ps) - 1), .rid = grid,
				  .valid = true };
	rmap[r] |= (uint16_t)(1U << slot);
	return 0;
}

int vtlb_ptr(struct vcpu *v, bool is_i, uint64_t va, unsigned ps)
{
	uint16_t *rmap;
	struct vtr *trs = tr_array(v, is_i, &rmap);
	unsigned r = VA_REGION(va);
	uint32_t grid = RR_RID(v->rr[r]);

	if (!ia64_page_size_ok(ps))
		return -HV_EINVAL;
	for (unsigned i = 0; i < VTLB_NR_TR; i++) {
		if (tr_matches(&trs[i], va, ps, grid)) {
			trs[i].valid = false;
			rmap[r] &= (uint16_t)~(1U << i);
		}
	}
	local_purge(v, va, ps);
	return 0;
}

bool vtlb_lookup_guest(struct vcpu *v, bool is_i, uint64_t va, uint64_t *gpte,
		       uint64_t *gitir)
{
	const struct vtr *t = vtlb_find_tr(v, is_i, va);
	struct swtc tc;

	if (t) {
		*gpte = t->pte;
		*gitir = t->itir;
		return true;
	}
	hv_spin_lock(&v->vtlb.lock);
	tc = is_i ? v->vtlb.itc : v->vtlb.dtc;
	hv_spin_unlock(&v->vtlb.lock);
	if (tc.valid && tc.rid == RR_RID(v->rr[VA_REGION(va)]) &&
	    ranges_overlap(tc.va, ITIR_PS(tc.itir), va, 0)) {
		*gpte = tc.pte;
		*gitir = tc.itir;
		return true;
	}
	return false;
}

int vtlb_insert_guest(struct vcpu *v, bool is_i, uint64_t va, uint64_t gpte,
		      uint64_t gitir)
{
	return insert_translation(v, is_i, va, gpte, gitir, NULL);
}

void vtlb_ptc_l(struct vcpu *v, uint64_t va, unsigned ps)
{
	local_purge(v, va, ps);
}

void vtlb_ptc_e(struct vcpu *v)
{
	vtlb_flush_vcpu(v);
	flushclock_local_flush();
}

int vtlb_ptc_ga(struct vcpu *v, uint64_t va, unsigned ps)
{
	if (!ia64_page_size_ok(ps))
		return -HV_EINVAL;
	domain_flush_vtlb_range(v->domain, va, ps, vcpu_machine_rid(v, va));
	return 0;
}
