/* SPDX-License-Identifier: MIT */
/*
 * tlb_track unit tests: the exact machine purges a grant unmap issues,
 * depending on where the mapped page was inserted (doc 17.9).  The
 * backend (domain 0, two vCPUs) maps a page granted by domain 1.
 */
#include "hvtest.h"

#define KVA(off)	(0xe000000000000000ULL + (off))
#define HOLE_GPFN	1000

static struct domain *be, *fe, *be_off, *be_small;

static void grant(struct domain *g, grant_ref_t ref, domid_t to, uint64_t gpfn)
{
	uint32_t *e = gnttab_shared_entry(g, ref);

	__atomic_store_n(&e[1], (uint32_t)gpfn, __ATOMIC_RELAXED);
	__atomic_store_n(&e[0], GTF_permit_access | (uint32_t)to << 16, __ATOMIC_RELEASE);
}

static grant_handle_t map(struct vcpu *v, grant_ref_t ref, uint64_t gpfn)
{
	struct gnttab_map_grant_ref op = { .host_addr = gpfn << HV_PAGE_SHIFT,
					   .flags = GNTMAP_host_map, .ref = ref,
					   .dom = fe->domid };

	gnttab_map(v, &op);
	CHECK_EQ(op.status, GNTST_okay);
	return op.handle;
}

static void unmap(struct vcpu *v, grant_handle_t h, uint64_t gpfn)
{
	struct gnttab_unmap_grant_ref op = { .host_addr = gpfn << HV_PAGE_SHIFT,
					     .handle = h };

	gnttab_unmap(v, &op);
	CHECK_EQ(op.status, GNTST_okay);
}

/* Guest kernel touches the mapped page through the identity map. */
static void touch(struct vcpu *v, unsigned cpu, uint64_t va, uint64_t gpfn)
{
	hvt_run(v, cpu);
	CHECK_EQ(vtlb_itc(v, false, va, hvt_gpte(gpfn << HV_PAGE_SHIFT),
			  itir_make(14, 0)), 0);
}

static void expect_ops(uint64_t l, uint64_t ga, uint64_t full)
{
	CHECK_EQ(rec_count(REC_PTC_L), l);
	CHECK_EQ(rec_count(REC_PTC_GA), ga);
	CHECK_EQ(rec_count(REC_FLUSH_MASK), full);
}

static void test_never_inserted(void)
{
	uint64_t mfn = p2m_gpfn_to_mfn(fe, 1);
	grant_handle_t h;

	TEST_BEGIN("DMA-only: unmap of a never-inserted page purges nothing");
	hvt_run(be->vcpu[0], 0);
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	CHECK_EQ(hv_page_count(mfn_to_page(mfn)), 2);
	rec_reset();
	hv_counters_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	expect_ops(0, 0, 0);
	CHECK_EQ(hv_counter(CNT_TT_UNMAP_NOT_FOUND), 1);
	CHECK_EQ(hv_page_count(mfn_to_page(mfn)), 1);
	CHECK_EQ(*gnttab_shared_entry(fe, 1) & (GTF_reading | GTF_writing), 0);
	TEST_END();
}

static void test_one_vcpu(void)
{
	uint64_t mfn = p2m_gpfn_to_mfn(fe, 1), pte;
	struct rec_entry r;
	grant_handle_t h;

	TEST_BEGIN("inserted by the current vCPU only: one ptc.l");
	hvt_run(be->vcpu[0], 0);
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	touch(be->vcpu[0], 0, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	touch(be->vcpu[0], 0, KVA(HOLE_GPFN << 14), HOLE_GPFN);	/* SAME */
	CHECK(rec_tlb_maps_mfn(mfn));
	rec_reset();
	hv_counters_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	expect_ops(1, 0, 0);
	CHECK(rec_get(0, &r));
	CHECK_EQ(r.op, REC_PTC_L);
	CHECK_EQ(r.va, KVA(HOLE_GPFN << 14));
	CHECK_EQ(r.ps, 14);
	CHECK_EQ(r.rid, be->rid_base);
	CHECK_EQ(hv_counter(CNT_TT_UNMAP_FOUND), 1);
	CHECK(!rec_tlb_maps_mfn(mfn));
	CHECK(!vhpt_maps_mfn(&be->vcpu[0]->vhpt, mfn));
	CHECK(!rec_tlb_lookup(0, KVA(HOLE_GPFN << 14), be->rid_base, &pte));
	CHECK_EQ(tlb_track_nr_entries(be->tlb_track), 0);
	TEST_END();
}

static void test_two_vcpus(void)
{
	uint64_t mfn = p2m_gpfn_to_mfn(fe, 1);
	grant_handle_t h;

	TEST_BEGIN("inserted by two vCPUs on two pCPUs: one ptc.ga");
	hvt_run(be->vcpu[0], 0);
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	touch(be->vcpu[0], 0, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	touch(be->vcpu[1], 1, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	hvt_run(be->vcpu[0], 0);
	rec_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	expect_ops(0, 1, 0);
	CHECK(!rec_tlb_maps_mfn(mfn));
	CHECK(!vhpt_maps_mfn(&be->vcpu[1]->vhpt, mfn));
	TEST_END();

	TEST_BEGIN("inserted by another vCPU only: one ptc.ga");
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	touch(be->vcpu[1], 1, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	hvt_run(be->vcpu[0], 0);
	rec_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	expect_ops(0, 1, 0);
	CHECK(!rec_tlb_maps_mfn(mfn));
	TEST_END();

	TEST_BEGIN("same vCPU but it moved pCPU: one ptc.ga");
	hvt_run(be->vcpu[1], 1);
	hvt_run(be->vcpu[0], 0);
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	touch(be->vcpu[0], 0, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	vcpu_switch_to(NULL);
	hvt_run(be->vcpu[0], 1);
	rec_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	CHECK_EQ(rec_count(REC_PTC_GA), 1);
	CHECK_EQ(rec_count(REC_PTC_L), 0);
	CHECK(!rec_tlb_maps_mfn(mfn));
	vcpu_switch_to(NULL);
	TEST_END();
}

static void test_two_addresses(void)
{
	uint64_t mfn = p2m_gpfn_to_mfn(fe, 1);
	grant_handle_t h;

	TEST_BEGIN("inserted at two addresses: one full flush");
	hvt_run(be->vcpu[0], 0);
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	touch(be->vcpu[0], 0, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	touch(be->vcpu[0], 0, 0x2000000000000000ULL + (HOLE_GPFN << 14), HOLE_GPFN);
	CHECK(*p2m_lookup_pte(be, HOLE_GPFN, false, NULL) & P2M_TLB_INSERTED_MANY);
	rec_reset();
	hv_counters_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	expect_ops(0, 0, 1);
	CHECK_EQ(hv_counter(CNT_TT_UNMAP_MANY), 1);
	CHECK(!rec_tlb_maps_mfn(mfn));
	TEST_END();

	TEST_BEGIN("more than 256 inserts: treated as a ring page");
	h = map(be->vcpu[0], 1, HOLE_GPFN);
	for (unsigned i = 0; i <= TLB_TRACK_RING_THRESHOLD; i++)
		touch(be->vcpu[0], 0, KVA(HOLE_GPFN << 14), HOLE_GPFN);
	rec_reset();
	unmap(be->vcpu[0], h, HOLE_GPFN);
	expect_ops(0, 0, 1);
	TEST_END();
}

static void test_untracked_and_alloc_fail(void)
{
	uint64_t mfn = p2m_gpfn_to_mfn(fe, 1);

	TEST_BEGIN("tracking off: every unmap flushes fully");
	grant(fe, 2, be_off->domid, 1);
	hvt_run(be_off->vcpu[0], 0);
	{
		struct gnttab_map_grant_ref op = { .host_addr = HOLE_GPFN << 14,
			.flags = GNTMAP_host_map, .ref = 2, .dom = fe->domid };
		struct gnttab_unmap_grant_ref uop = { .host_addr = HOLE_GPFN << 14 };

		gnttab_map(be_off->vcpu[0], &op);
		CHECK_EQ(op.status, GNTST_okay);
		CHECK(!(*p2m_lookup_pte(be_off, HOLE_GPFN, false, NULL) & P2M_TLB_TRACKING));
		uop.handle = op.handle;
		rec_reset();
		gnttab_unmap(be_off->vcpu[0], &uop);
		CHECK_EQ(uop.status, GNTST_okay);
		expect_ops(0, 0, 1);
	}
	TEST_END();

	TEST_BEGIN("tracking table full: MANY, full flush");
	grant(fe, 3, be_small->domid, 1);
	grant(fe, 4, be_small->domid, 2);
	hvt_run(be_small->vcpu[0], 0);
	{
		struct gnttab_map_grant_ref a = { .host_addr = 500ULL << 14,
			.flags = GNTMAP_host_map, .ref = 3, .dom = fe->domid };
		struct gnttab_map_grant_ref b = { .host_addr = 501ULL << 14,
			.flags = GNTMAP_host_map, .ref = 4, .dom = fe->domid };
		struct gnttab_unmap_grant_ref ua = { .host_addr = 500ULL << 14 };
		struct gnttab_unmap_grant_ref ub = { .host_addr = 501ULL << 14 };

		gnttab_map(be_small->vcpu[0], &a);
		gnttab_map(be_small->vcpu[0], &b);
		CHECK_EQ(a.status, 0);
		CHECK_EQ(b.status, 0);
		CHECK_EQ(vtlb_itc(be_small->vcpu[0], false, KVA(500ULL << 14),
				  hvt_gpte(500ULL << 14), itir_make(14, 0)), 0);
		hv_counters_reset();
		CHECK_EQ(vtlb_itc(be_small->vcpu[0], false, KVA(501ULL << 14),
				  hvt_gpte(501ULL << 14), itir_make(14, 0)), 0);
		CHECK_EQ(hv_counter(CNT_TT_INS_MANY), 1);
		ua.handle = a.handle;
		ub.handle = b.handle;
		rec_reset();
		gnttab_unmap(be_small->vcpu[0], &ub);
		expect_ops(0, 0, 1);
		rec_reset();
		gnttab_unmap(be_small->vcpu[0], &ua);
		expect_ops(1, 0, 0);
	}
	CHECK_EQ(hv_page_count(mfn_to_page(mfn)), 1);
	vcpu_switch_to(NULL);
	TEST_END();
}

static void test_insert_states(void)
{
	struct p2m_entry e;
	uint64_t *ptep;

	TEST_BEGIN("tlb_track_insert states");
	hvt_run(be->vcpu[0], 0);
	(void)map(be->vcpu[0], 1, 1500);
	CHECK_EQ(p2m_lookup(be, 1500ULL << 14, &e), 0);
	ptep = e.ptep;
	CHECK_EQ(tlb_track_insert(be->tlb_track, &e, KVA(0), 7, 0, 0), TT_INS_FIRST);
	CHECK(*ptep & P2M_TLB_INSERTED);
	/* The recorded value predates INSERTED: still the same mapping. */
	CHECK_EQ(tlb_track_insert(be->tlb_track, &e, KVA(0), 7, 1, 1), TT_INS_SAME);
	{
		struct p2m_entry stale = { ptep, e.val ^ (1ULL << 20) };

		CHECK_EQ(tlb_track_insert(be->tlb_track, &stale, KVA(0), 7, 0, 0),
			 TT_INS_AGAIN);
	}
	CHECK_EQ(tlb_track_insert(be->tlb_track, &e, KVA(0x4000), 7, 0, 0), TT_INS_MANY);
	CHECK(*ptep & P2M_TLB_INSERTED_MANY);
	CHECK_EQ(tlb_track_insert(be->tlb_track, &e, KVA(0), 7, 0, 0), TT_INS_MANY);
	CHECK_EQ(tlb_track_nr_entries(be->tlb_track), 0);
	{
		struct p2m_entry own;

		CHECK_EQ(p2m_lookup(be, 0, &own), 0);
		CHECK_EQ(tlb_track_insert(be->tlb_track, &own, KVA(0), 7, 0, 0),
			 TT_INS_NOT_TRACKED);
	}
	TEST_END();
}

struct race {
	grant_handle_t h;
	uint64_t gpfn;
	bool fired;
};

/* Runs between the toucher's TLB insert and its re-check: the mapping
 * disappears right there. */
static void unmap_in_window(void *arg)
{
	struct race *r = arg;

	if (r->fired)
		return;
	r->fired = true;
	unmap(be->vcpu[0], r->h, r->gpfn);
}

static void zap_in_window(void *arg)
{
	struct race *r = arg;

	if (r->fired)
		return;
	r->fired = true;
	CHECK_EQ(p2m_zap(be, r->gpfn), 0);
}

static void test_reader_protocol(void)
{
	uint64_t mfn = p2m_gpfn_to_mfn(fe, 1);
	struct race r = { .gpfn = HOLE_GPFN };
	uint64_t pte;

	TEST_BEGIN("unmap between insert and re-check: the inserter undoes it");
	hvt_run(be->vcpu[0], 0);
	r.h = map(be->vcpu[0], 1, HOLE_GPFN);
	rec_reset();
	hv_counters_reset();
	rec_set_insert_hook(unmap_in_window, &r);
	/* The insert lands, the unmap sees no INSERTED bit (NOT_FOUND, no
	 * purge), tlb_track reports AGAIN, the inserter purges locally and
	 * retries, which now finds a hole. */
	CHECK_EQ(vtlb_itc(be->vcpu[0], false, KVA(HOLE_GPFN << 14),
			  hvt_gpte(HOLE_GPFN << 14), itir_make(14, 0)), -HV_ENOENT);
	rec_set_insert_hook(NULL, NULL);
	CHECK(r.fired);
	CHECK_EQ(hv_counter(CNT_TT_UNMAP_NOT_FOUND), 1);
	CHECK_EQ(hv_counter(CNT_TT_INS_AGAIN), 1);
	CHECK_EQ(hv_counter(CNT_INSERT_RETRY), 1);
	CHECK_EQ(rec_count(REC_TLB_INSERT), 1);
	CHECK_EQ(rec_count(REC_PTC_L), 1);
	CHECK(!rec_tlb_maps_mfn(mfn));
	CHECK(!vhpt_maps_mfn(&be->vcpu[0]->vhpt, mfn));
	CHECK_EQ(tlb_track_nr_entries(be->tlb_track), 0);
	TEST_END();

	TEST_BEGIN("zap of an untracked page between insert and re-check");
	r = (struct race){ .gpfn = 3 };
	rec_reset();
	hv_counters_reset();
	rec_set_insert_hook(zap_in_window, &r);
	CHECK_EQ(vtlb_itc(be->vcpu[0], false, KVA(3ULL << 14), hvt_gpte(3ULL << 14),
			  itir_make(14, 0)), -HV_ENOENT);
	rec_set_insert_hook(NULL, NULL);
	CHECK_EQ(hv_counter(CNT_INSERT_RETRY), 1);
	CHECK_EQ(rec_count(REC_FLUSH_MASK), 1);	/* the zap: not tracked */
	CHECK(!rec_tlb_lookup(0, KVA(3ULL << 14), be->rid_base, &pte));
	CHECK_EQ(vtlb_itc(be->vcpu[0], false, KVA(3ULL << 14), hvt_gpte(3ULL << 14),
			  itir_make(14, 0)), -HV_ENOENT);
	TEST_END();
}

int main(void)
{
	struct domain_config small = { .max_pages = 64, .nr_vcpus = 1,
				       .tlb_track = true, .tlb_track_limit = 1 };

	hvt_init(1024, 2);
	be = hvt_domain(0, 2, true, 8);
	fe = hvt_domain(1, 1, false, 8);
	be_off = hvt_domain(2, 1, false, 8);
	if (domain_create(3, &small, &be_small))
		return 2;
	gnttab_grow(fe, 1);
	grant(fe, 1, be->domid, 1);
	test_never_inserted();
	test_one_vcpu();
	test_two_vcpus();
	test_two_addresses();
	test_untracked_and_alloc_fail();
	test_insert_states();
	test_reader_protocol();
	vcpu_switch_to(NULL);
	domain_destroy(be);
	domain_destroy(be_small);
	domain_destroy(be_off);
	domain_destroy(fe);
	return test_report();
}
