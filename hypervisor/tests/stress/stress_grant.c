/* SPDX-License-Identifier: MIT */
/*
 * Grant stress under ThreadSanitizer: a backend vCPU maps and unmaps
 * grants from a frontend (through the GNTTABOP hypercall entry) while two
 * other backend vCPUs on other pCPUs touch the mapping window (TLB
 * inserts tracked by tlb_track) and issue guest purges.  At every
 * quiescent point no translation maps a frame the p2m no longer holds;
 * at the end every reference, pin, maptrack and tlb_track entry is gone.
 */
#include <sched.h>

#include "stress_common.h"

#define NR_TOUCHERS	2
#define NR_GRANTS	16
#define WIN0		1000	/* backend gpfns WIN0 .. WIN0+NR_GRANTS-1 */
#define ROUNDS		12
#define OPS_PER_ROUND	150
#define TIME_BUDGET	25.0
#define ARG_GPA		(1ULL << HV_PAGE_SHIFT)

static struct domain *be, *fe;
static pthread_barrier_t bar;
static unsigned errors;
static volatile int stop;
static int round_over;
static grant_handle_t handles[NR_GRANTS];
static bool mapped[NR_GRANTS];

static void grant(grant_ref_t ref, uint64_t gpfn)
{
	uint32_t *e = gnttab_shared_entry(fe, ref);

	__atomic_store_n(&e[1], (uint32_t)gpfn, __ATOMIC_RELAXED);
	__atomic_store_n(&e[0], GTF_permit_access | (uint32_t)be->domid << 16,
			 __ATOMIC_RELEASE);
}

static void mapper_op(uint64_t *seed)
{
	unsigned r = (unsigned)(xorshift(seed) % NR_GRANTS);

	if (!mapped[r]) {
		struct gnttab_map_grant_ref op = {
			.host_addr = (WIN0 + r) << HV_PAGE_SHIFT,
			.flags = GNTMAP_host_map | (xorshift(seed) & 1 ? GNTMAP_readonly : 0),
			.ref = r, .dom = fe->domid };

		if (copy_to_guest(be->vcpu[0], ARG_GPA, &op, sizeof(op)) ||
		    do_grant_table_op(be->vcpu[0], GNTTABOP_map_grant_ref, ARG_GPA, 1) ||
		    copy_from_guest(be->vcpu[0], &op, ARG_GPA, sizeof(op)) ||
		    op.status != GNTST_okay) {
			__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED);
			return;
		}
		handles[r] = op.handle;
		mapped[r] = true;
	} else {
		struct gnttab_unmap_grant_ref op = {
			.host_addr = (WIN0 + r) << HV_PAGE_SHIFT, .handle = handles[r] };

		gnttab_unmap(be->vcpu[0], &op);
		if (op.status != GNTST_okay)
			__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED);
		mapped[r] = false;
	}
}

static void toucher_op(unsigned id, uint64_t *seed)
{
	uint64_t g = WIN0 + xorshift(seed) % NR_GRANTS;
	int rc;

	if (xorshift(seed) % 16 == 0) {
		if (xorshift(seed) & 1)
			vtlb_ptc_l(be->vcpu[id], KVA(g << 14), 14);
		else
			vtlb_ptc_ga(be->vcpu[id], KVA(g << 14), 14);
		return;
	}
	/* Mostly the identity address; sometimes an alias (-> MANY). */
	rc = vtlb_itc(be->vcpu[id], false,
		      (xorshift(seed) % 64 ? KVA(0) : 0x2000000000000000ULL) + (g << 14),
		      hvt_gpte(g << 14), itir_make(14, 0));
	if (rc != 0 && rc != -HV_ENOENT)
		__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED);
}

static void *thread_main(void *arg)
{
	unsigned id = (unsigned)(uintptr_t)arg;
	uint64_t seed = 0xd1b54a32d192ed03ULL * (id + 7);

	hvt_run(be->vcpu[id], id);
	for (unsigned r = 0; r < ROUNDS; r++) {
		if (id == 0) {
			for (unsigned i = 0; i < OPS_PER_ROUND && !stop; i++) {
				mapper_op(&seed);
				sched_yield();	/* let the touchers use the mapping */
			}
			__atomic_store_n(&round_over, 1, __ATOMIC_RELEASE);
		} else {
			/* Touch for as long as the mapper works this round. */
			while (!__atomic_load_n(&round_over, __ATOMIC_ACQUIRE))
				toucher_op(id, &seed);
		}
		pthread_barrier_wait(&bar);
		pthread_barrier_wait(&bar);
	}
	if (id == 0)
		for (unsigned g = 0; g < NR_GRANTS; g++)
			if (mapped[g]) {
				struct gnttab_unmap_grant_ref op = {
					.host_addr = (WIN0 + g) << HV_PAGE_SHIFT,
					.handle = handles[g] };

				gnttab_unmap(be->vcpu[0], &op);
				if (op.status != GNTST_okay)
					__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED);
				mapped[g] = false;
			}
	vcpu_switch_to(NULL);
	return NULL;
}

int main(void)
{
	pthread_t th[NR_TOUCHERS + 1];
	uint64_t free0, fe_mfn[NR_GRANTS];
	double t0;

	hvt_init(2048, NR_TOUCHERS + 1);
	free0 = host_free_pages();
	be = hvt_domain(0, NR_TOUCHERS + 1, true, 4);
	fe = hvt_domain(1, 1, false, NR_GRANTS);
	gnttab_grow(fe, 1);
	for (unsigned r = 0; r < NR_GRANTS; r++) {
		grant(r, r);
		fe_mfn[r] = p2m_gpfn_to_mfn(fe, r);
	}
	pthread_barrier_init(&bar, NULL, NR_TOUCHERS + 2);
	rec_set_insert_yield(true);
	t0 = now_s();
	for (unsigned i = 0; i <= NR_TOUCHERS; i++)
		pthread_create(&th[i], NULL, thread_main, (void *)(uintptr_t)i);
	TEST_BEGIN("grant map/unmap vs inserts and purges: no stale translation");
	for (unsigned r = 0; r < ROUNDS; r++) {
		pthread_barrier_wait(&bar);
		CHECK_EQ(check_no_stale(be, WIN0, NR_GRANTS), 0);
		if (now_s() - t0 > TIME_BUDGET)
			stop = 1;
		__atomic_store_n(&round_over, 0, __ATOMIC_RELEASE);
		pthread_barrier_wait(&bar);
	}
	for (unsigned i = 0; i <= NR_TOUCHERS; i++)
		pthread_join(th[i], NULL);
	CHECK_EQ(errors, 0);
	CHECK_EQ(check_no_stale(be, WIN0, NR_GRANTS), 0);
	TEST_END();

	TEST_BEGIN("references, pins, maptrack and tracking return to zero");
	for (unsigned r = 0; r < NR_GRANTS; r++) {
		CHECK_EQ(hv_page_count(mfn_to_page(fe_mfn[r])), 1);
		CHECK_EQ(*gnttab_shared_entry(fe, r) & (GTF_reading | GTF_writing), 0);
		CHECK(!rec_tlb_maps_mfn(fe_mfn[r]));
		for (unsigned v = 0; v < be->nr_vcpus; v++)
			CHECK(!vhpt_maps_mfn(&be->vcpu[v]->vhpt, fe_mfn[r]));
	}
	CHECK_EQ(gnttab_nr_maptrack(be), 0);
	CHECK_EQ(tlb_track_nr_entries(be->tlb_track), 0);
	CHECK(hv_counter(CNT_TT_UNMAP_FOUND) > 0);
	CHECK(hv_counter(CNT_TT_UNMAP_NOT_FOUND) > 0);
	domain_destroy(be);
	domain_destroy(fe);
	CHECK_EQ(host_free_pages(), free0);
	TEST_END();
	printf("stress_grant: unmaps found %llu / not found %llu / many %llu, "
	       "retries %llu, %.1f s\n",
	       (unsigned long long)hv_counter(CNT_TT_UNMAP_FOUND),
	       (unsigned long long)hv_counter(CNT_TT_UNMAP_NOT_FOUND),
	       (unsigned long long)hv_counter(CNT_TT_UNMAP_MANY),
	       (unsigned long long)hv_counter(CNT_INSERT_RETRY), now_s() - t0);
	return test_report();
}
