/* SPDX-License-Identifier: MIT */
/*
 * Grant-table tests: host_map semantics on the p2m, pins and the
 * GTF_reading/GTF_writing bits, reference counts, revocation, and hostile
 * arguments through the GNTTABOP hypercall entry.
 */
#include "hvtest.h"

static struct domain *be, *fe, *third;
static struct vcpu *bv, *fv;

#define ARG_GPA		(2ULL << HV_PAGE_SHIFT)	/* backend page for args */

static void grant(struct domain *g, grant_ref_t ref, domid_t to, uint64_t gpfn,
		  uint16_t extra)
{
	uint32_t *e = gnttab_shared_entry(g, ref);

	__atomic_store_n(&e[1], (uint32_t)gpfn, __ATOMIC_RELAXED);
	__atomic_store_n(&e[0], GTF_permit_access | extra | (uint32_t)to << 16,
			 __ATOMIC_RELEASE);
}

static int16_t map_status(uint64_t gpfn, uint32_t flags, grant_ref_t ref,
			  domid_t dom, grant_handle_t *h)
{
	struct gnttab_map_grant_ref op = { .host_addr = gpfn << HV_PAGE_SHIFT,
					   .flags = flags, .ref = ref, .dom = dom };

	gnttab_map(bv, &op);
	if (h)
		*h = op.handle;
	return op.status;
}

static int16_t unmap_status(uint64_t host_addr, grant_handle_t h)
{
	struct gnttab_unmap_grant_ref op = { .host_addr = host_addr, .handle = h };

	gnttab_unmap(bv, &op);
	return op.status;
}

/* The granter's end-of-access protocol: revoke only if nobody maps it. */
static bool guest_revoke(struct domain *g, grant_ref_t ref)
{
	uint32_t *e = gnttab_shared_entry(g, ref);
	uint32_t w = __atomic_load_n(&e[0], __ATOMIC_ACQUIRE);

	do {
		if (w & (GTF_reading | GTF_writing))
			return false;
	} while (!__atomic_compare_exchange_n(&e[0], &w, 0, false, __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE));
	return true;
}

static void test_setup_query(void)
{
	struct gnttab_setup_table st = { .dom = DOMID_SELF, .nr_frames = 2,
					 .frame_list = ARG_GPA + 512 };
	struct gnttab_query_size q = { .dom = DOMID_SELF };
	uint64_t frames[2];

	TEST_BEGIN("setup_table / query_size hypercalls");
	CHECK_EQ(copy_to_guest(fv, ARG_GPA, &st, sizeof(st)), 0);
	CHECK_EQ(do_grant_table_op(fv, GNTTABOP_setup_table, ARG_GPA, 1), 0);
	CHECK_EQ(copy_from_guest(fv, &st, ARG_GPA, sizeof(st)), 0);
	CHECK_EQ(st.status, GNTST_okay);
	CHECK_EQ(copy_from_guest(fv, frames, ARG_GPA + 512, sizeof(frames)), 0);
	CHECK_EQ(frames[0], gnttab_frame_mfn(fe, 0));
	CHECK_EQ(frames[1], gnttab_frame_mfn(fe, 1));
	CHECK(frames[0] != frames[1]);
	CHECK_EQ(gnttab_nr_frames(fe), 2);
	/* Too many frames; frame list in a hole; count != 1. */
	st = (struct gnttab_setup_table){ .dom = DOMID_SELF, .nr_frames = 5,
					  .frame_list = ARG_GPA + 512 };
	gnttab_setup_table(fv, &st);
	CHECK_EQ(st.status, GNTST_general_error);
	st = (struct gnttab_setup_table){ .dom = DOMID_SELF, .nr_frames = 1,
					  .frame_list = 900ULL << 14 };
	gnttab_setup_table(fv, &st);
	CHECK_EQ(st.status, GNTST_bad_virt_addr);
	CHECK_EQ(do_grant_table_op(fv, GNTTABOP_setup_table, ARG_GPA, 2), -HV_EINVAL);
	/* Another domain: not privileged / no such domain. */
	st = (struct gnttab_setup_table){ .dom = be->domid, .nr_frames = 1,
					  .frame_list = ARG_GPA + 512 };
	gnttab_setup_table(fv, &st);
	CHECK_EQ(st.status, GNTST_permission_denied);
	st.dom = 77;
	gnttab_setup_table(fv, &st);
	CHECK_EQ(st.status, GNTST_bad_domain);
	gnttab_query_size(fv, &q);
	CHECK_EQ(q.status, GNTST_okay);
	CHECK_EQ(q.nr_frames, 2);
	CHECK_EQ(q.max_nr_frames, GT_DEFAULT_MAX_FRAMES);
	q.dom = 0x7ff5;
	gnttab_query_size(fv, &q);
	CHECK_EQ(q.status, GNTST_bad_domain);
	/* The privileged backend may query the frontend. */
	q.dom = fe->domid;
	gnttab_query_size(bv, &q);
	CHECK_EQ(q.status, GNTST_okay);
	TEST_END();
}

static void test_map_flags_and_args(void)
{
	TEST_BEGIN("map rejects bad flags and arguments");
	grant(fe, 10, be->domid, 1, 0);
	CHECK_EQ(map_status(100, GNTMAP_host_map | GNTMAP_device_map, 10, 1, NULL),
		 GNTST_general_error);
	CHECK_EQ(map_status(100, GNTMAP_host_map | GNTMAP_application_map, 10, 1, NULL),
		 GNTST_general_error);
	CHECK_EQ(map_status(100, GNTMAP_host_map | GNTMAP_contains_pte, 10, 1, NULL),
		 GNTST_general_error);
	CHECK_EQ(map_status(100, GNTMAP_readonly, 10, 1, NULL), GNTST_general_error);
	CHECK_EQ(map_status(100, GNTMAP_host_map | (1U << 20), 10, 1, NULL),
		 GNTST_general_error);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 10, 55, NULL), GNTST_bad_domain);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 10, DOMID_SELF, NULL),
		 GNTST_permission_denied);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 2 * 2048, 1, NULL), GNTST_bad_gntref);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 0xffffffffU, 1, NULL), GNTST_bad_gntref);
	{
		struct gnttab_map_grant_ref op = { .host_addr = (100ULL << 14) | 8,
			.flags = GNTMAP_host_map, .ref = 10, .dom = 1 };

		gnttab_map(bv, &op);
		CHECK_EQ(op.status, GNTST_bad_virt_addr);
		op.host_addr = P2M_MAX_GPFN << 14;
		gnttab_map(bv, &op);
		CHECK_EQ(op.status, GNTST_bad_virt_addr);
	}
	/* Entry states: invalid type, wrong grantee, r/o grant mapped r/w,
	 * transitive / sub-page not supported, granted frame is a hole. */
	grant(fe, 11, be->domid, 1, 0);
	__atomic_store_n(gnttab_shared_entry(fe, 11), (uint32_t)be->domid << 16,
			 __ATOMIC_RELEASE);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 11, 1, NULL), GNTST_general_error);
	grant(fe, 12, third->domid, 1, 0);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 12, 1, NULL), GNTST_permission_denied);
	grant(fe, 13, be->domid, 1, GTF_readonly);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 13, 1, NULL), GNTST_permission_denied);
	grant(fe, 14, be->domid, 1, GTF_sub_page);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 14, 1, NULL), GNTST_general_error);
	grant(fe, 15, be->domid, 999, 0);
	CHECK_EQ(map_status(100, GNTMAP_host_map, 15, 1, NULL), GNTST_bad_page);
	CHECK_EQ(*gnttab_shared_entry(fe, 15) & (GTF_reading | GTF_writing), 0);
	CHECK_EQ(gnttab_nr_maptrack(be), 0);
	CHECK_EQ(p2m_gpfn_to_mfn(be, 100), ARCH_INVALID_MFN);
	TEST_END();
}

static void test_map_unmap(void)
{
	uint64_t m1 = p2m_gpfn_to_mfn(fe, 1), tot = be->tot_pages;
	struct page_info *pg = mfn_to_page(m1);
	grant_handle_t h1, h2, h3;
	struct p2m_entry e;

	TEST_BEGIN("host_map replaces the p2m entry; pins and references");
	grant(fe, 20, be->domid, 1, 0);
	/* Over one of the backend's own RAM pages: that page is released. */
	CHECK_EQ(map_status(5, GNTMAP_host_map, 20, 1, &h1), GNTST_okay);
	CHECK_EQ(be->tot_pages, tot - 1);
	CHECK_EQ(p2m_lookup(be, 5ULL << 14, &e), 0);
	CHECK_EQ(p2m_pte_mfn(e.val), m1);
	CHECK(e.val & P2M_TLB_TRACKING);
	CHECK(!(e.val & P2M_PGC_ALLOCATED));
	CHECK_EQ(pte_ar(e.val), AR_RWX);
	CHECK_EQ(hv_page_count(pg), 2);
	CHECK_EQ(*gnttab_shared_entry(fe, 20) & 0xffff,
		 GTF_permit_access | GTF_reading | GTF_writing);
	/* A grant mapping cannot be mapped over. */
	CHECK_EQ(map_status(5, GNTMAP_host_map, 20, 1, NULL), GNTST_bad_virt_addr);
	/* Second, read-only mapping of the same grant into a hole. */
	CHECK_EQ(map_status(101, GNTMAP_host_map | GNTMAP_readonly, 20, 1, &h2),
		 GNTST_okay);
	CHECK_EQ(p2m_lookup(be, 101ULL << 14, &e), 0);
	CHECK(p2m_pte_readonly(e.val));
	CHECK_EQ(hv_page_count(pg), 3);
	CHECK(h1 != h2);
	CHECK_EQ(gnttab_nr_maptrack(be), 2);
	/* Granter cannot revoke while mapped. */
	CHECK(!guest_revoke(fe, 20));
	/* Unmap errors: unknown handle, wrong address, out of range. */
	CHECK_EQ(unmap_status(5ULL << 14, 4000), GNTST_bad_handle);
	CHECK_EQ(unmap_status(5ULL << 14, 0xffffffffU), GNTST_bad_handle);
	CHECK_EQ(unmap_status(6ULL << 14, h1), GNTST_general_error);
	CHECK_EQ(unmap_status(5ULL << 14, h1), GNTST_okay);
	CHECK_EQ(unmap_status(5ULL << 14, h1), GNTST_bad_handle);	/* twice */
	CHECK_EQ(p2m_gpfn_to_mfn(be, 5), ARCH_INVALID_MFN);	/* a hole now */
	CHECK_EQ(*gnttab_shared_entry(fe, 20) & 0xffff, GTF_permit_access | GTF_reading);
	CHECK_EQ(hv_page_count(pg), 2);
	CHECK(!guest_revoke(fe, 20));
	CHECK_EQ(unmap_status(101ULL << 14, h2), GNTST_okay);
	CHECK_EQ(*gnttab_shared_entry(fe, 20) & 0xffff, GTF_permit_access);
	CHECK_EQ(hv_page_count(pg), 1);
	CHECK_EQ(gnttab_nr_maptrack(be), 0);
	CHECK(guest_revoke(fe, 20));
	/* Revoked: mapping fails. */
	CHECK_EQ(map_status(101, GNTMAP_host_map, 20, 1, NULL), GNTST_general_error);
	/* Read-only grant mapped read-only sets only GTF_reading. */
	grant(fe, 21, be->domid, 1, GTF_readonly);
	CHECK_EQ(map_status(102, GNTMAP_host_map | GNTMAP_readonly, 21, 1, &h3),
		 GNTST_okay);
	CHECK_EQ(*gnttab_shared_entry(fe, 21) & 0xffff,
		 GTF_permit_access | GTF_readonly | GTF_reading);
	/* The guest zaps the mapping itself: unmap reports it, pins drop. */
	CHECK_EQ(p2m_zap(be, 102), 0);
	CHECK_EQ(hv_page_count(pg), 1);
	CHECK_EQ(unmap_status(102ULL << 14, h3), GNTST_general_error);
	CHECK_EQ(*gnttab_shared_entry(fe, 21) & (GTF_reading | GTF_writing), 0);
	CHECK_EQ(gnttab_nr_maptrack(be), 0);
	TEST_END();
}

static void test_hypercall_entry(void)
{
	struct gnttab_map_grant_ref ops[2] = {
		{ .host_addr = 110ULL << 14, .flags = GNTMAP_host_map, .ref = 30, .dom = 1 },
		{ .host_addr = 111ULL << 14, .flags = GNTMAP_host_map, .ref = 31, .dom = 1 },
	};
	struct gnttab_unmap_grant_ref u[2];

	TEST_BEGIN("GNTTABOP entry: batches, faults, unknown ops");
	grant(fe, 30, be->domid, 3, 0);
	grant(fe, 31, be->domid, 4, 0);
	CHECK_EQ(copy_to_guest(bv, ARG_GPA, ops, sizeof(ops)), 0);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_map_grant_ref, ARG_GPA, 2), 0);
	CHECK_EQ(copy_from_guest(bv, ops, ARG_GPA, sizeof(ops)), 0);
	CHECK_EQ(ops[0].status, GNTST_okay);
	CHECK_EQ(ops[1].status, GNTST_okay);
	CHECK_EQ(p2m_gpfn_to_mfn(be, 111), p2m_gpfn_to_mfn(fe, 4));
	u[0] = (struct gnttab_unmap_grant_ref){ .host_addr = 110ULL << 14,
						.handle = ops[0].handle };
	u[1] = (struct gnttab_unmap_grant_ref){ .host_addr = 111ULL << 14,
						.handle = ops[1].handle };
	CHECK_EQ(copy_to_guest(bv, ARG_GPA, u, sizeof(u)), 0);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_unmap_grant_ref, ARG_GPA, 2), 0);
	CHECK_EQ(copy_from_guest(bv, u, ARG_GPA, sizeof(u)), 0);
	CHECK_EQ(u[0].status, GNTST_okay);
	CHECK_EQ(u[1].status, GNTST_okay);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_map_grant_ref, ARG_GPA,
				   GT_MAX_BATCH + 1), -HV_EINVAL);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_map_grant_ref, 900ULL << 14, 1),
		 -HV_EFAULT);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_map_grant_ref, ~0ULL - 8, 1), -HV_EFAULT);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_transfer, ARG_GPA, 1), -HV_ENOSYS);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_copy, ARG_GPA, 1), -HV_ENOSYS);
	CHECK_EQ(do_grant_table_op(bv, 1000, ARG_GPA, 1), -HV_ENOSYS);
	/* Argument page read-only: the status cannot be written back. */
	CHECK_EQ(p2m_assign(be, 120, p2m_gpfn_to_mfn(be, 2), ASSIGN_readonly, be), 0);
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_query_size, 120ULL << 14, 1), -HV_EFAULT);
	CHECK_EQ(p2m_zap(be, 120), 0);
	/* Straddling a page boundary into a hole. */
	CHECK_EQ(do_grant_table_op(bv, GNTTABOP_query_size, (8ULL << 14) - 8, 1),
		 -HV_EFAULT);
	TEST_END();
}

static void test_granter_destroyed(void)
{
	struct domain *g = hvt_domain(6, 1, false, 4);
	uint64_t free0, mfn = p2m_gpfn_to_mfn(g, 1);
	grant_handle_t h;

	TEST_BEGIN("granter destroyed while mapped: page lives until unmap");
	gnttab_grow(g, 1);
	grant(g, 1, be->domid, 1, 0);
	CHECK_EQ(map_status(130, GNTMAP_host_map, 1, 6, &h), GNTST_okay);
	free0 = host_free_pages();
	domain_destroy(g);
	CHECK(hv_page_owner(mfn_to_page(mfn)) == NULL);
	CHECK_EQ(hv_page_count(mfn_to_page(mfn)), 1);
	CHECK_EQ(p2m_gpfn_to_mfn(be, 130), mfn);	/* still mapped */
	CHECK(host_free_pages() > free0);		/* the rest was freed */
	free0 = host_free_pages();
	CHECK_EQ(unmap_status(130ULL << 14, h), GNTST_okay);
	CHECK_EQ(host_free_pages(), free0 + 1);
	CHECK_EQ(gnttab_nr_maptrack(be), 0);
	TEST_END();
}

static void test_maptrack_exhaustion(void)
{
	grant_handle_t h = 0;
	unsigned n = 0;
	int16_t st;

	TEST_BEGIN("maptrack exhaustion: GNTST_no_device_space, all released");
	grant(fe, 40, be->domid, 6, GTF_readonly);
	while ((st = map_status(10000 + n, GNTMAP_host_map | GNTMAP_readonly, 40, 1,
				&h)) == GNTST_okay)
		n++;
	CHECK_EQ(st, GNTST_no_device_space);
	CHECK_EQ(n, GT_MAPTRACK_MAX);
	CHECK_EQ(hv_page_count(mfn_to_page(p2m_gpfn_to_mfn(fe, 6))), 1 + GT_MAPTRACK_MAX);
	for (unsigned i = 0; i < n; i++)
		CHECK_EQ(unmap_status((10000ULL + i) << 14, i), GNTST_okay);
	CHECK_EQ(hv_page_count(mfn_to_page(p2m_gpfn_to_mfn(fe, 6))), 1);
	CHECK_EQ(*gnttab_shared_entry(fe, 40) & GTF_reading, 0);
	CHECK_EQ(gnttab_nr_maptrack(be), 0);
	TEST_END();
}

int main(void)
{
	struct domain_config pcfg = { .max_pages = 64, .nr_vcpus = 1,
				      .tlb_track = true, .privileged = true };

	hvt_init(1024, 2);
	if (domain_create(0, &pcfg, &be))
		return 2;
	for (uint64_t g = 0; g < 8; g++)
		p2m_assign_new(be, g, NULL);
	fe = hvt_domain(1, 1, false, 8);
	third = hvt_domain(2, 1, false, 2);
	bv = be->vcpu[0];
	fv = fe->vcpu[0];
	hvt_run(bv, 0);
	test_setup_query();
	test_map_flags_and_args();
	test_map_unmap();
	test_hypercall_entry();
	test_granter_destroyed();
	test_maptrack_exhaustion();
	vcpu_switch_to(NULL);
	domain_destroy(be);
	domain_destroy(fe);
	domain_destroy(third);
	return test_report();
}
