/* SPDX-License-Identifier: MIT */
/*
 * vTLB and VHPT unit tests: guest-PTE translation rules, the machine
 * inserts and purges actually issued (from the recorder), translation
 * registers with their region bitmaps, the software TC, and the long-
 * format VHPT's hash chains.
 */
#include "hvtest.h"

#define KVA(off)	(0xe000000000000000ULL + (off))	/* region 7 */
#define RID7		0x42

static struct domain *d;
static struct vcpu *v0, *v1;

static void test_rr(void)
{
	TEST_BEGIN("region registers");
	CHECK_EQ(vcpu_set_rr(v0, 7, rr_make(RID7, 14, 1)), 0);
	CHECK_EQ(vcpu_set_rr(v1, 7, rr_make(RID7, 14, 1)), 0);
	CHECK_EQ(vcpu_machine_rid(v0, KVA(0)), d->rid_base + RID7);
	/* Machine rr: ps forced to 16 KB, ve = 1 (SDM rr layout: ve bit 0,
	 * ps 7:2, rid 31:8). */
	CHECK_EQ(vcpu_machine_rr(v0, KVA(0)),
		 ((uint64_t)(d->rid_base + RID7) << 8) | (14 << 2) | 1);
	CHECK_EQ(vcpu_set_rr(v0, 8, 0), -HV_EINVAL);
	CHECK_EQ(vcpu_set_rr(v0, 1, rr_make(1U << 18, 14, 1)), -HV_EINVAL);
	CHECK_EQ(vcpu_set_rr(v0, 1, rr_make(1, 14, 1) | 2), -HV_EINVAL);
	CHECK_EQ(vcpu_set_rr(v0, 1, rr_make(1, 14, 1) | (1ULL << 40)), -HV_EINVAL);
	CHECK_EQ(vcpu_set_rr(v0, 1, rr_make(1, 15, 1)), -HV_EINVAL); /* 32 KB: not implemented */
	TEST_END();
}

static void test_translate(void)
{
	struct vtlb_xlate x;
	uint64_t m2 = p2m_gpfn_to_mfn(d, 2), gpte;

	TEST_BEGIN("translate_domain_pte");
	gpte = hvt_gpte(2ULL << HV_PAGE_SHIFT);
	CHECK_EQ(vtlb_translate(v0, KVA(0x1234), gpte, itir_make(14, 0x55), &x), 0);
	CHECK_EQ(x.va, KVA(0));
	CHECK_EQ((x.pte & PTE_PPN_MASK) >> 14, m2);
	CHECK_EQ(pte_pl(x.pte), 1);		/* PL0 -> CPL0_EMUL */
	CHECK_EQ(pte_ar(x.pte), AR_RWX);
	CHECK_EQ(pte_ma(x.pte), MA_WB);
	CHECK_EQ(x.pte & (PTE_IG_MASK | PTE_RSVD_MASK), 0);
	CHECK_EQ(ITIR_PS(x.itir), 14);
	CHECK_EQ(ITIR_KEY(x.itir), 0x55);
	CHECK_EQ(x.rid, d->rid_base + RID7);
	/* PL3 stays PL3. */
	CHECK_EQ(vtlb_translate(v0, KVA(0), gpte | (3ULL << PTE_PL_SHIFT),
				itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_pl(x.pte), 3);
	/* 64 KB guest page at gpa 0: va offset 0x9000 lies in its 3rd...
	 * 16 KB piece number 2 (0x8000..0xbfff) -> gpfn 2. */
	CHECK_EQ(vtlb_translate(v0, KVA(0x10000 + 0x9000), hvt_gpte(0),
				itir_make(16, 0), &x), 0);
	CHECK_EQ(x.va, KVA(0x18000));
	CHECK_EQ((x.pte & PTE_PPN_MASK) >> 14, m2);
	/* Memory attributes on RAM: UC forced to WB; NaTPage kept;
	 * reserved encodings 1..3 rejected. */
	CHECK_EQ(vtlb_translate(v0, KVA(0), (gpte & ~PTE_MA_MASK) | (4ULL << 2),
				itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_ma(x.pte), MA_WB);
	CHECK_EQ(vtlb_translate(v0, KVA(0), (gpte & ~PTE_MA_MASK) | (7ULL << 2),
				itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_ma(x.pte), MA_NATPAGE);
	CHECK_EQ(vtlb_translate(v0, KVA(0), (gpte & ~PTE_MA_MASK) | (2ULL << 2),
				itir_make(14, 0), &x), -HV_EINVAL);
	/* Reserved PTE bits, not present, 4 KB pages, unsupported size. */
	CHECK_EQ(vtlb_translate(v0, KVA(0), gpte | 2, itir_make(14, 0), &x), -HV_EINVAL);
	CHECK_EQ(vtlb_translate(v0, KVA(0), gpte | (1ULL << 50), itir_make(14, 0), &x),
		 -HV_EINVAL);
	CHECK_EQ(vtlb_translate(v0, KVA(0), gpte & ~PTE_P, itir_make(14, 0), &x),
		 -HV_EINVAL);
	CHECK_EQ(vtlb_translate(v0, KVA(0), gpte, itir_make(12, 0), &x), -HV_EINVAL);
	CHECK_EQ(vtlb_translate(v0, KVA(0), gpte, itir_make(15, 0), &x), -HV_EINVAL);
	/* Hole in the p2m: -ENOENT (the caller reflects a fault). */
	CHECK_EQ(vtlb_translate(v0, KVA(0), hvt_gpte(999ULL << 14), itir_make(14, 0), &x),
		 -HV_ENOENT);
	CHECK_EQ(vtlb_translate(v0, KVA(0), hvt_gpte(PTE_PPN_MASK), itir_make(14, 0), &x),
		 -HV_ENOENT);
	TEST_END();
}

static void test_readonly_and_io(void)
{
	struct vtlb_xlate x;
	uint64_t iomfn = arch_max_mfn() + 1;

	TEST_BEGIN("read-only downgrade and I/O attributes");
	CHECK_EQ(p2m_assign(d, 20, p2m_gpfn_to_mfn(d, 3), ASSIGN_readonly, d), 0);
	CHECK_EQ(vtlb_translate(v0, KVA(0), hvt_gpte(20ULL << 14), itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_ar(x.pte), AR_RX);		/* RWX -> RX */
	CHECK_EQ(vtlb_translate(v0, KVA(0), (hvt_gpte(20ULL << 14) & ~PTE_AR_MASK) |
				((uint64_t)AR_RW << PTE_AR_SHIFT), itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_ar(x.pte), AR_R);
	CHECK_EQ(p2m_assign(d, 21, iomfn, ASSIGN_io, NULL), 0);
	CHECK_EQ(vtlb_translate(v0, KVA(0), hvt_gpte(21ULL << 14), itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_ma(x.pte), MA_UC);	/* WB on MMIO forced to UC */
	CHECK_EQ(vtlb_translate(v0, KVA(0), (hvt_gpte(21ULL << 14) & ~PTE_MA_MASK) |
				((uint64_t)MA_WC << 2), itir_make(14, 0), &x), 0);
	CHECK_EQ(pte_ma(x.pte), MA_WC);
	CHECK_EQ(p2m_zap(d, 21), 0);
	TEST_END();
}

static void test_itc_and_purges(void)
{
	struct rec_entry r;
	uint64_t pte, itir, mrr = vcpu_machine_rr(v0, KVA(0x40000));
	uint32_t mrid = d->rid_base + RID7;

	TEST_BEGIN("itc inserts once; ptc.l purges swTC, VHPT and TLB");
	rec_reset();
	CHECK_EQ(vtlb_itc(v0, false, KVA(0x40000), hvt_gpte(4ULL << 14),
			  itir_make(14, 0)), 0);
	CHECK_EQ(rec_count(REC_TLB_INSERT), 1);
	CHECK(rec_get(0, &r));
	CHECK_EQ(r.op, REC_TLB_INSERT);
	CHECK_EQ(r.va, KVA(0x40000));
	CHECK_EQ(r.rid, mrid);
	CHECK_EQ(r.ps, 14);
	CHECK_EQ((r.pte & PTE_PPN_MASK) >> 14, p2m_gpfn_to_mfn(d, 4));
	CHECK(vhpt_lookup(&v0->vhpt, KVA(0x40000), mrr, &pte, &itir));
	CHECK_EQ(pte, r.pte);
	CHECK(v0->vtlb.dtc.valid);
	/* A hypervisor miss on the same page is served from the swTC. */
	CHECK_EQ(vtlb_miss(v0, false, KVA(0x40010)), 0);
	CHECK_EQ(rec_count(REC_TLB_INSERT), 2);
	CHECK_EQ(vtlb_miss(v0, true, KVA(0x40010)), -HV_ENOENT);	/* itc empty */
	vtlb_ptc_l(v0, KVA(0x40000), 14);
	CHECK_EQ(rec_count(REC_PTC_L), 1);
	CHECK(!v0->vtlb.dtc.valid);
	CHECK(!vhpt_lookup(&v0->vhpt, KVA(0x40000), mrr, &pte, &itir));
	CHECK(!rec_tlb_lookup(0, KVA(0x40000), mrid, &pte));
	CHECK_EQ(vtlb_miss(v0, false, KVA(0x40000)), -HV_ENOENT);
	CHECK_EQ(rec_count(REC_PTC_GA) + rec_count(REC_FLUSH_MASK), 0);
	TEST_END();

	TEST_BEGIN("ptc.ga purges every vCPU, one global purge");
	hvt_run(v1, 1);
	CHECK_EQ(vtlb_itc(v1, false, KVA(0x80000), hvt_gpte(5ULL << 14), itir_make(14, 0)), 0);
	hvt_run(v0, 0);
	CHECK_EQ(vtlb_itc(v0, false, KVA(0x80000), hvt_gpte(5ULL << 14), itir_make(14, 0)), 0);
	rec_reset();
	CHECK_EQ(vtlb_ptc_ga(v0, KVA(0x80000), 14), 0);
	CHECK_EQ(rec_count(REC_PTC_GA), 1);
	CHECK_EQ(rec_count(REC_PTC_L) + rec_count(REC_FLUSH_MASK), 0);
	CHECK(!v0->vtlb.dtc.valid && !v1->vtlb.dtc.valid);
	CHECK(!vhpt_lookup(&v1->vhpt, KVA(0x80000), mrr, &pte, &itir));
	CHECK_EQ(vtlb_ptc_ga(v0, KVA(0), 15), -HV_EINVAL);	/* 32 KB: not implemented */
	TEST_END();

	TEST_BEGIN("ptc.e flushes this vCPU's vTLB and the local TLB");
	CHECK_EQ(vtlb_itc(v0, true, KVA(0xc0000), hvt_gpte(6ULL << 14), itir_make(14, 0)), 0);
	rec_reset();
	vtlb_ptc_e(v0);
	CHECK_EQ(rec_count(REC_PTC_E), 1);
	CHECK(!v0->vtlb.itc.valid);
	CHECK_EQ(vhpt_chain_len(&v0->vhpt, KVA(0xc0000), mrr), 0);
	TEST_END();
}

static void test_tr(void)
{
	const struct vtr *t;

	TEST_BEGIN("translation registers and region bitmaps");
	CHECK_EQ(vtlb_itr(v0, false, 3, KVA(0x1000000), hvt_gpte(8ULL << 14),
			  itir_make(16, 0)), 0);
	CHECK_EQ(v0->vtlb.dtr_rmap[7], 1U << 3);
	CHECK_EQ(v0->vtlb.itr_rmap[7], 0);
	t = vtlb_find_tr(v0, false, KVA(0x100c000));
	CHECK(t == &v0->vtlb.dtr[3]);
	CHECK(vtlb_find_tr(v0, false, KVA(0x1010000)) == NULL);	/* past 64 KB */
	CHECK(vtlb_find_tr(v0, true, KVA(0x100c000)) == NULL);
	/* A different RID in rr7 no longer matches. */
	CHECK_EQ(vcpu_set_rr(v0, 7, rr_make(RID7 + 1, 14, 1)), 0);
	CHECK(vtlb_find_tr(v0, false, KVA(0x100c000)) == NULL);
	CHECK_EQ(vcpu_set_rr(v0, 7, rr_make(RID7, 14, 1)), 0);
	/* Miss inside the TR: the 16 KB piece at +0xc000 = gpfn 8 + 3. */
	rec_reset();
	CHECK_EQ(vtlb_miss(v0, false, KVA(0x100c008)), 0);
	CHECK_EQ(rec_count(REC_TLB_INSERT), 1);
	{
		struct rec_entry r;

		CHECK(rec_get(0, &r));
		CHECK_EQ(r.va, KVA(0x100c000));
		CHECK_EQ((r.pte & PTE_PPN_MASK) >> 14, p2m_gpfn_to_mfn(d, 11));
	}
	/* Overlap with another slot, bad slot, bad size. */
	CHECK_EQ(vtlb_itr(v0, false, 4, KVA(0x1004000), hvt_gpte(0), itir_make(14, 0)),
		 -HV_EINVAL);
	CHECK_EQ(vtlb_itr(v0, false, 12, KVA(0x2000000), hvt_gpte(0), itir_make(14, 0)),
		 -HV_EINVAL);
	CHECK_EQ(vtlb_itr(v0, false, 4, KVA(0x2000000), hvt_gpte(0), itir_make(17, 0)),
		 -HV_EINVAL);
	/* Same slot can be overwritten; bitmap follows the region. */
	CHECK_EQ(vtlb_itr(v0, true, 0, 0x2000000000000000ULL, hvt_gpte(0),
			  itir_make(14, 0)), 0);
	CHECK_EQ(v0->vtlb.itr_rmap[1], 1);
	CHECK_EQ(vtlb_itr(v0, true, 0, KVA(0x3000000), hvt_gpte(0), itir_make(14, 0)), 0);
	CHECK_EQ(v0->vtlb.itr_rmap[1], 0);
	CHECK_EQ(v0->vtlb.itr_rmap[7], 1);
	/* ptr removes the data TR and purges locally. */
	rec_reset();
	CHECK_EQ(vtlb_ptr(v0, false, KVA(0x1000000), 16), 0);
	CHECK(vtlb_find_tr(v0, false, KVA(0x100c000)) == NULL);
	CHECK_EQ(v0->vtlb.dtr_rmap[7], 0);
	CHECK_EQ(rec_count(REC_PTC_L), 1);
	CHECK_EQ(vtlb_ptr(v0, false, KVA(0), 3), -HV_EINVAL);
	TEST_END();
}

static void test_vhpt_chains(void)
{
	struct vhpt *h = &v1->vhpt;
	uint64_t rr = rr_make(0x1234, 14, 1), pte, itir;
	/* Entries: 64 KB / 32 = 2048 = 2^11.  VPNs that differ by 2^11 hash
	 * to the same slot ((vpn ^ rid) << 5 masked to 16 bits). */
	uint64_t va[6];
	size_t slot;

	TEST_BEGIN("VHPT hash, tag, chain order and bound");
	vhpt_flush(h);
	CHECK_EQ(h->pta & 1, 1);			/* ve */
	CHECK_EQ((h->pta >> 8) & 1, 1);		/* vf: long format */
	CHECK_EQ((h->pta >> 2) & 0x3f, 16);		/* size */
	for (unsigned i = 0; i < 6; i++)
		va[i] = KVA(((uint64_t)(5 + (i << 11))) << 14);
	slot = ((((va[0] & VA_IMPL_MASK) >> 14) ^ 0x1234) << 5 & 0xffff) / 32;
	vhpt_insert(h, va[0], rr, 0x11, itir_make(14, 0));
	CHECK_EQ(h->tbl[slot].pte, 0x11);
	CHECK_EQ(h->tbl[slot].tag, ia64_vhpt_long_tag(va[0], rr));
	CHECK_EQ(h->tbl[slot].tag >> 63, 0);
	vhpt_insert(h, va[1], rr, 0x22, itir_make(14, 0));
	/* Newest at the head, the older one chained behind it. */
	CHECK_EQ(h->tbl[slot].pte, 0x22);
	CHECK(h->tbl[slot].chain != 0);
	CHECK_EQ(vhpt_chain_len(h, va[0], rr), 2);
	CHECK(vhpt_lookup(h, va[0], rr, &pte, &itir));
	CHECK_EQ(pte, 0x11);
	/* Re-inserting an existing tag replaces it, no duplicate. */
	vhpt_insert(h, va[0], rr, 0x33, itir_make(14, 0));
	CHECK_EQ(vhpt_chain_len(h, va[0], rr), 2);
	CHECK_EQ(h->tbl[slot].pte, 0x33);
	/* Purging the head pulls the next entry up (walker sees it). */
	CHECK_EQ(vhpt_purge(h, va[0], rr), 1);
	CHECK_EQ(h->tbl[slot].pte, 0x22);
	CHECK_EQ(h->tbl[slot].chain, 0);
	CHECK_EQ(vhpt_purge(h, va[0], rr), 0);
	for (unsigned i = 0; i < 6; i++)
		vhpt_insert(h, va[i], rr, 0x100 + i, itir_make(14, 0));
	CHECK_EQ(vhpt_chain_len(h, va[0], rr), VHPT_MAX_CHAIN);
	CHECK(vhpt_lookup(h, va[5], rr, &pte, &itir));
	CHECK_EQ(pte, 0x105);
	CHECK(!vhpt_lookup(h, va[0], rr, &pte, &itir));	/* oldest dropped */
	/* A different RID is a different tag. */
	CHECK(!vhpt_lookup(h, va[5], rr_make(0x1235, 14, 1), &pte, &itir));
	vhpt_purge_range(h, va[5], 14, rr);
	CHECK(!vhpt_lookup(h, va[5], rr, &pte, &itir));
	vhpt_flush(h);
	CHECK_EQ(vhpt_chain_len(h, va[4], rr), 0);
	TEST_END();
}

static void test_metaphysical(void)
{
	struct rec_entry r;
	uint64_t io = arch_max_mfn() + 2;

	TEST_BEGIN("physical-mode misses: identity through the p2m");
	CHECK_EQ(p2m_assign(d, 9, io, ASSIGN_io, NULL), -HV_EBUSY); /* RAM there */
	CHECK_EQ(p2m_assign(d, 40, io, ASSIGN_io, NULL), 0);
	vcpu_set_metaphysical(v0, true);
	rec_reset();
	CHECK_EQ(vtlb_miss(v0, false, (3ULL << 14) + 0x10), 0);
	CHECK(rec_get(0, &r));
	CHECK_EQ(r.va, 3ULL << 14);
	CHECK_EQ(r.rid, d->metaphys_rid);
	CHECK(r.rid != d->rid_base);
	CHECK_EQ((r.pte & PTE_PPN_MASK) >> 14, p2m_gpfn_to_mfn(d, 3));
	CHECK_EQ(pte_ma(r.pte), MA_WB);
	CHECK_EQ(pte_pl(r.pte), CPL0_EMUL);
	/* Region 4 is the uncacheable alias: UC reaches MMIO, RAM stays WB
	 * (the attribute policy). */
	CHECK_EQ(vtlb_miss(v0, false, 0x8000000000000000ULL | (40ULL << 14)), 0);
	CHECK(rec_get(1, &r));
	CHECK_EQ(pte_ma(r.pte), MA_UC);
	CHECK_EQ(vtlb_miss(v0, true, 0x8000000000000000ULL | (3ULL << 14)), 0);
	CHECK(rec_get(2, &r));
	CHECK_EQ(pte_ma(r.pte), MA_WB);
	CHECK_EQ(vtlb_miss(v0, false, 0x4000000000000000ULL), -HV_ENOENT);
	CHECK_EQ(vtlb_miss(v0, false, 900ULL << 14), -HV_ENOENT);	/* hole */
	vcpu_set_metaphysical(v0, false);
	CHECK_EQ(p2m_zap(d, 40), 0);
	TEST_END();
}

static void test_guest_vhpt_walk(void)
{
	const uint64_t vhpt_va = KVA(0x4000000), va = KVA(0x208000);
	uint64_t rr7 = rr_make(RID7, 14, 1), pta, hva, off, entry;
	struct rec_entry r;

	TEST_BEGIN("software walk of the guest's short-format VHPT");
	/* PTA: base 63:15, size 7:2, vf 8, ve 0 (SDM Vol. 2, 3.3.4.3). */
	pta = vhpt_va | (15 << 2) | 1;
	CHECK_EQ(vcpu_set_pta(v0, pta | 2), -HV_EINVAL);
	CHECK_EQ(vcpu_set_pta(v0, pta | (1ULL << 9)), -HV_EINVAL);
	CHECK_EQ(vcpu_set_pta(v0, (vhpt_va | (14 << 2) | 1)), -HV_EINVAL);
	CHECK_EQ(vcpu_set_pta(v0, pta), 0);
	CHECK_EQ(vcpu_set_rr(v0, 7, rr7), 0);
	/* thash, short format: region bits | base with the size bits
	 * cleared | (va{60:0} >> rr.ps) * 8 within the table. */
	off = (((va & ((1ULL << 61) - 1)) >> 14) << 3) & 0x7fff;
	hva = (va & (7ULL << 61)) | (vhpt_va & ~0x7fffULL & ((1ULL << 61) - 1)) | off;
	/* The guest maps its VHPT with a 64 KB data TR at gpfn 12..15. */
	CHECK_EQ(vtlb_itr(v0, false, 5, vhpt_va, hvt_gpte(12ULL << 14), itir_make(16, 0)), 0);
	entry = hvt_gpte(7ULL << 14) | (3ULL << PTE_PL_SHIFT);
	CHECK_EQ(copy_to_guest(v0, (12ULL << 14) + (hva - vhpt_va), &entry, 8), 0);
	rec_reset();
	CHECK_EQ(vtlb_miss(v0, false, va + 0x100), 0);
	CHECK(rec_get(0, &r));
	CHECK_EQ(r.va, va);
	CHECK_EQ((r.pte & PTE_PPN_MASK) >> 14, p2m_gpfn_to_mfn(d, 7));
	CHECK_EQ(pte_pl(r.pte), 3);
	CHECK_EQ(r.rid, d->rid_base + RID7);
	/* Entry not present -> reflect a TLB miss. */
	entry = 0;
	CHECK_EQ(copy_to_guest(v0, (12ULL << 14) + (hva - vhpt_va), &entry, 8), 0);
	CHECK_EQ(vtlb_miss(v0, false, va), -HV_ENOENT);
	/* A miss inside the VHPT itself never walks it. */
	CHECK_EQ(vtlb_miss(v0, false, vhpt_va + 0x8000 + 0x100), 0);	/* via the TR */
	CHECK_EQ(vtlb_ptr(v0, false, vhpt_va, 16), 0);
	CHECK_EQ(vtlb_miss(v0, false, vhpt_va + 0x100), -HV_ENOENT);
	/* VHPT no longer mapped -> VHPT fault. */
	CHECK_EQ(vtlb_miss(v0, false, va), -HV_EFAULT);
	/* Walker disabled in rr or PTA, or long format: plain miss. */
	CHECK_EQ(vcpu_set_rr(v0, 7, rr_make(RID7, 14, 0)), 0);
	CHECK_EQ(vtlb_miss(v0, false, va), -HV_ENOENT);
	CHECK_EQ(vcpu_set_rr(v0, 7, rr7), 0);
	CHECK_EQ(vcpu_set_pta(v0, pta | PTA_VF), 0);
	CHECK_EQ(vtlb_miss(v0, false, va), -HV_ENOENT);
	CHECK_EQ(vcpu_set_pta(v0, pta & ~1ULL), 0);
	CHECK_EQ(vtlb_miss(v0, false, va), -HV_ENOENT);
	TEST_END();
}

int main(void)
{
	hvt_init(1024, 2);
	d = hvt_domain(1, 2, false, 16);
	v0 = d->vcpu[0];
	v1 = d->vcpu[1];
	hvt_run(v0, 0);
	test_rr();
	test_translate();
	test_readonly_and_io();
	test_itc_and_purges();
	test_tr();
	test_vhpt_chains();
	test_metaphysical();
	test_guest_vhpt_walk();
	domain_destroy(d);
	return test_report();
}
