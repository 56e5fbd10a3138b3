/* SPDX-License-Identifier: MIT */
/*
 * p2m unit tests: entry format, every update operation's effect on the
 * entry, the m2p and the page reference counts, and lookup errors (never
 * a dummy mapping of frame 0).
 */
#include "hvtest.h"

static struct page_info *pg_of(struct domain *d, uint64_t gpfn)
{
	return mfn_to_page(p2m_gpfn_to_mfn(d, gpfn));
}

static void test_pte_format(void)
{
	uint64_t pte;

	TEST_BEGIN("p2m PTE format");
	/* SDM Vol. 2 4.1.1.5: p bit 0, ma 4:2, a 5, d 6, ar 11:9, ppn 49:12. */
	pte = p2m_make_pte(0x123, 0);
	CHECK_EQ(pte & 1, 1);
	CHECK_EQ((pte >> 2) & 7, 0);		/* WB */
	CHECK_EQ((pte >> 5) & 3, 3);		/* A, D */
	CHECK_EQ((pte >> 9) & 7, 3);		/* RWX */
	CHECK_EQ((pte >> 12) & ((1ULL << 38) - 1), 0x123ULL << 2);
	pte = p2m_make_pte(5, ASSIGN_readonly | ASSIGN_io | ASSIGN_tlb_track);
	CHECK_EQ((pte >> 9) & 7, 0);		/* R */
	CHECK_EQ((pte >> 2) & 7, 4);		/* UC */
	CHECK_EQ((pte >> 60) & 1, 1);		/* _PAGE_IO */
	CHECK_EQ((pte >> 54) & 1, 1);		/* _PAGE_TLB_TRACKING */
	/* Bits that never reach hardware: 53..63, 50..51 and 1. */
	CHECK_EQ(P2M_NON_HW_MASK, 0xffec000000000002ULL);
	TEST_END();
}

static void test_assign_new_and_lookup(struct domain *d)
{
	struct p2m_entry e;
	uint64_t mfn = ARCH_INVALID_MFN, before = d->tot_pages;

	TEST_BEGIN("assign_new / lookup / m2p");
	CHECK_EQ(p2m_assign_new(d, 100, &mfn), 0);
	CHECK(mfn != ARCH_INVALID_MFN);
	CHECK_EQ(d->tot_pages, before + 1);
	CHECK_EQ(p2m_lookup(d, 100ULL << HV_PAGE_SHIFT | 0x123, &e), 0);
	CHECK_EQ(p2m_pte_mfn(e.val), mfn);
	CHECK(e.val & P2M_PGC_ALLOCATED);
	CHECK_EQ(mfn_to_page(mfn)->m2p, 100);
	CHECK(hv_page_owner(mfn_to_page(mfn)) == d);
	CHECK_EQ(hv_page_count(mfn_to_page(mfn)), 1);
	/* Occupied slot. */
	CHECK_EQ(p2m_assign_new(d, 100, NULL), -HV_EBUSY);
	/* Holes: -ENOENT whether or not the table exists; never frame 0. */
	CHECK_EQ(p2m_lookup(d, 101ULL << HV_PAGE_SHIFT, &e), -HV_ENOENT);
	CHECK_EQ(p2m_lookup(d, 1ULL << 40, &e), -HV_ENOENT);
	CHECK_EQ(p2m_gpfn_to_mfn(d, 101), ARCH_INVALID_MFN);
	/* Out of the 2^33-frame range. */
	CHECK_EQ(p2m_lookup(d, P2M_MAX_GPFN << HV_PAGE_SHIFT, &e), -HV_EINVAL);
	CHECK_EQ(p2m_assign_new(d, P2M_MAX_GPFN, NULL), -HV_EINVAL);
	CHECK_EQ(p2m_zap(d, ~0ULL), -HV_EINVAL);
	TEST_END();
}

static void test_zap(struct domain *d)
{
	uint64_t mfn = p2m_gpfn_to_mfn(d, 100), free0 = host_free_pages();
	struct page_info *pg = mfn_to_page(mfn);

	TEST_BEGIN("zap frees the page and clears the m2p");
	rec_reset();
	CHECK_EQ(p2m_zap(d, 100), 0);
	CHECK_EQ(p2m_gpfn_to_mfn(d, 100), ARCH_INVALID_MFN);
	CHECK_EQ(host_free_pages(), free0 + 1);
	CHECK_EQ(hv_page_count(pg), 0);
	CHECK(hv_page_owner(pg) == NULL);
	CHECK_EQ(pg->m2p, M2P_INVALID);
	/* An untracked entry: the domain's vTLB is flushed entirely. */
	CHECK_EQ(rec_count(REC_FLUSH_MASK), 1);
	CHECK_EQ(p2m_zap(d, 100), -HV_ENOENT);
	TEST_END();
}

static void test_alias_and_replace(struct domain *d, struct domain *o)
{
	uint64_t m0 = p2m_gpfn_to_mfn(d, 0), mo = p2m_gpfn_to_mfn(o, 0);
	struct page_info *p0 = mfn_to_page(m0), *po = mfn_to_page(mo);

	TEST_BEGIN("assign alias / replace / remove_mfn references");
	/* A second mapping of d's page 0 holds one plain reference. */
	CHECK_EQ(p2m_assign(d, 200, m0, ASSIGN_readonly, d), 0);
	CHECK_EQ(hv_page_count(p0), 2);
	CHECK(p2m_pte_readonly(*p2m_lookup_pte(d, 200, false, NULL)));
	CHECK_EQ(p0->m2p, 0);			/* m2p keeps the home gpfn */
	CHECK_EQ(p2m_assign(d, 200, m0, 0, d), -HV_EBUSY);
	CHECK_EQ(hv_page_count(p0), 2);		/* failed assign took nothing */
	/* Wrong owner: o's page cannot be mapped as d's. */
	CHECK_EQ(p2m_assign(d, 201, mo, 0, d), -HV_EINVAL);
	CHECK_EQ(hv_page_count(po), 1);
	/* Bad flags and bad frames. */
	CHECK_EQ(p2m_assign(d, 201, m0, 0x100, d), -HV_EINVAL);
	CHECK_EQ(p2m_assign(d, 201, m0, ASSIGN_pgc_allocated, d), -HV_EINVAL);
	CHECK_EQ(p2m_assign(d, 201, arch_max_mfn(), 0, d), -HV_EINVAL);
	/* Replace the alias with o's page (a foreign mapping). */
	CHECK_EQ(p2m_replace(d, 200, mo, 0, o), 0);
	CHECK_EQ(hv_page_count(p0), 1);
	CHECK_EQ(hv_page_count(po), 2);
	CHECK_EQ(p2m_gpfn_to_mfn(d, 200), mo);
	/* remove_mfn checks the frame. */
	CHECK_EQ(p2m_remove_mfn(d, 200, m0), -HV_EINVAL);
	CHECK_EQ(p2m_remove_mfn(d, 200, mo), 0);
	CHECK_EQ(hv_page_count(po), 1);
	CHECK(hv_page_owner(po) == o);
	TEST_END();
}

static void test_replace_own_page(struct domain *d)
{
	uint64_t old = p2m_gpfn_to_mfn(d, 3), m5 = p2m_gpfn_to_mfn(d, 5);
	uint64_t tot = d->tot_pages;

	TEST_BEGIN("replace drops the allocation of the old page");
	CHECK_EQ(p2m_replace(d, 3, m5, 0, d), 0);
	CHECK_EQ(hv_page_count(mfn_to_page(old)), 0);
	CHECK_EQ(mfn_to_page(old)->m2p, M2P_INVALID);
	CHECK_EQ(d->tot_pages, tot - 1);
	CHECK_EQ(hv_page_count(mfn_to_page(m5)), 2);
	CHECK_EQ(p2m_zap(d, 3), 0);
	CHECK_EQ(hv_page_count(mfn_to_page(m5)), 1);
	TEST_END();
}

static void test_cmpxchg(struct domain *d)
{
	uint64_t *ptep = p2m_lookup_pte(d, 6, false, NULL), v = *ptep;
	uint64_t m = p2m_gpfn_to_mfn(d, 6);

	TEST_BEGIN("cmpxchg_rel");
	CHECK_EQ(p2m_cmpxchg_rel(d, 6, v ^ 1, v | P2M_VIRT_D), -HV_EAGAIN);
	CHECK_EQ(*ptep, v);
	CHECK_EQ(p2m_cmpxchg_rel(d, 6, v, v | P2M_VIRT_D), 0);
	CHECK_EQ(*ptep, v | P2M_VIRT_D);
	CHECK_EQ(mfn_to_page(m)->m2p, 6);
	TEST_END();
}

static void test_steal(struct domain *d)
{
	uint64_t m7 = p2m_gpfn_to_mfn(d, 7), got = 0, tot = d->tot_pages;
	struct page_info *pg = mfn_to_page(m7);

	TEST_BEGIN("steal");
	/* Extra reference held: refuse. */
	CHECK(hv_get_page(pg, d));
	CHECK_EQ(p2m_steal(d, 7, &got), -HV_EBUSY);
	CHECK_EQ(p2m_gpfn_to_mfn(d, 7), m7);
	hv_put_page(pg);
	CHECK_EQ(p2m_steal(d, 7, &got), 0);
	CHECK_EQ(got, m7);
	CHECK(hv_page_owner(pg) == NULL);
	CHECK_EQ(hv_page_count(pg), 1);
	CHECK(!(pg->count_info & PGC_ALLOCATED));
	CHECK_EQ(d->tot_pages, tot - 1);
	CHECK_EQ(p2m_gpfn_to_mfn(d, 7), ARCH_INVALID_MFN);
	CHECK_EQ(p2m_steal(d, 7, &got), -HV_ENOENT);
	hv_put_page(pg);			/* frees it */
	CHECK_EQ(hv_page_count(pg), 0);
	TEST_END();
}

static void test_io(struct domain *d)
{
	uint64_t free0 = host_free_pages(), io = arch_max_mfn() + 5;
	struct p2m_entry e;

	TEST_BEGIN("I/O mappings: non-RAM frames only, no reference");
	CHECK_EQ(p2m_assign(d, 300, io, ASSIGN_io, NULL), 0);
	CHECK_EQ(p2m_lookup(d, 300ULL << HV_PAGE_SHIFT, &e), 0);
	CHECK(e.val & P2M_IO);
	CHECK_EQ(pte_ma(e.val), MA_UC);
	CHECK_EQ(p2m_pte_mfn(e.val), io);
	CHECK_EQ(p2m_zap(d, 300), 0);
	/* A RAM frame (even a free one) cannot be mapped as I/O. */
	CHECK_EQ(p2m_assign(d, 300, p2m_gpfn_to_mfn(d, 0), ASSIGN_io, NULL), -HV_EINVAL);
	CHECK_EQ(p2m_assign(d, 300, arch_max_mfn() - 1, ASSIGN_io, NULL), -HV_EINVAL);
	/* Beyond the 50 implemented physical address bits. */
	CHECK_EQ(p2m_assign(d, 300, 1ULL << 36, ASSIGN_io, NULL), -HV_EINVAL);
	CHECK_EQ(host_free_pages(), free0);
	TEST_END();
}

static void test_quota_and_oom(void)
{
	struct domain_config cfg = { .max_pages = 2, .nr_vcpus = 1 };
	struct domain *d;

	TEST_BEGIN("allocation quota and pool exhaustion");
	CHECK_EQ(domain_create(9, &cfg, &d), 0);
	CHECK_EQ(p2m_assign_new(d, 0, NULL), 0);
	CHECK_EQ(p2m_assign_new(d, 1, NULL), 0);
	CHECK_EQ(p2m_assign_new(d, 2, NULL), -HV_ENOMEM);
	CHECK_EQ(d->tot_pages, 2);
	CHECK_EQ(p2m_zap(d, 1), 0);
	host_fail_alloc_after(0);
	CHECK_EQ(p2m_assign_new(d, 1, NULL), -HV_ENOMEM);
	CHECK_EQ(d->tot_pages, 1);
	/* A missing table cannot be allocated either. */
	CHECK_EQ(p2m_assign_new(d, 1ULL << 30, NULL), -HV_ENOMEM);
	host_fail_alloc_after(~0ULL);
	CHECK_EQ(p2m_assign_new(d, 1ULL << 30, NULL), 0);
	domain_destroy(d);
	TEST_END();
}

static void test_teardown(void)
{
	uint64_t free0 = host_free_pages();
	struct domain *d = hvt_domain(10, 2, true, 50);

	TEST_BEGIN("domain teardown returns every page");
	CHECK(host_free_pages() < free0);
	domain_destroy(d);
	CHECK_EQ(host_free_pages(), free0);
	TEST_END();
}

int main(void)
{
	struct domain *d, *o;

	hvt_init(1024, 2);
	d = hvt_domain(1, 2, false, 16);
	o = hvt_domain(2, 1, false, 4);
	hvt_run(d->vcpu[0], 0);
	test_pte_format();
	test_assign_new_and_lookup(d);
	test_zap(d);
	test_alias_and_replace(d, o);
	test_replace_own_page(d);
	test_cmpxchg(d);
	test_steal(d);
	test_io(d);
	test_quota_and_oom();
	test_teardown();
	(void)pg_of;
	return test_report();
}
