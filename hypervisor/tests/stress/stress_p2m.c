/* SPDX-License-Identifier: MIT */
/*
 * p2m stress under ThreadSanitizer: one writer vCPU assigns, replaces,
 * aliases and zaps entries while reader vCPUs on other pCPUs insert
 * translations of the same pages (insert + re-check protocol).  At every
 * quiescent point no translation may map a frame the p2m no longer holds
 * for that address, and at the end every page returns to the pool.
 */
#include "stress_common.h"

#define NR_READERS	2
#define WINDOW		48	/* gpfns 0..WINDOW-1 */
#define ROUNDS		12
#define OPS_PER_ROUND	1500
#define TIME_BUDGET	40.0

static struct domain *d;
static pthread_barrier_t bar;
static unsigned violations;
static volatile int stop;	/* only written at quiescent points */
static uint64_t inserts_ok, inserts_hole;

static void writer_op(uint64_t *seed)
{
	uint64_t g = xorshift(seed) % WINDOW, o = xorshift(seed) % WINDOW;
	uint64_t mfn;

	switch (xorshift(seed) % 5) {
	case 0:
	case 1:
		p2m_assign_new(d, g, NULL);
		break;
	case 2:
		p2m_zap(d, g);
		break;
	case 3:		/* alias another gpfn's page here */
		mfn = p2m_gpfn_to_mfn(d, o);
		if (mfn != ARCH_INVALID_MFN)
			p2m_replace(d, g, mfn, xorshift(seed) & 1 ? ASSIGN_readonly : 0, d);
		break;
	case 4: {
		int err;
		uint64_t *ptep = p2m_lookup_pte(d, g, false, &err);
		uint64_t v = ptep ? __atomic_load_n(ptep, __ATOMIC_ACQUIRE) : 0;

		if (p2m_pte_present(v))
			p2m_cmpxchg_rel(d, g, v, v | P2M_VIRT_D);
		break;
	}
	}
}

static void *thread_main(void *arg)
{
	unsigned id = (unsigned)(uintptr_t)arg;
	uint64_t seed = 0x9e3779b97f4a7c15ULL * (id + 1), ok = 0, hole = 0;

	hvt_run(d->vcpu[id], id);
	for (unsigned r = 0; r < ROUNDS; r++) {
		for (unsigned i = 0; i < OPS_PER_ROUND && !stop; i++) {
			if (id == 0) {
				writer_op(&seed);
			} else {
				uint64_t g = xorshift(&seed) % WINDOW;
				int rc = vtlb_itc(d->vcpu[id], false, KVA(g << 14),
						  hvt_gpte(g << 14), itir_make(14, 0));

				if (rc == 0)
					ok++;
				else if (rc == -HV_ENOENT)
					hole++;
				else
					__atomic_fetch_add(&violations, 1, __ATOMIC_RELAXED);
			}
		}
		pthread_barrier_wait(&bar);		/* quiescent */
		pthread_barrier_wait(&bar);		/* checked */
	}
	__atomic_fetch_add(&inserts_ok, ok, __ATOMIC_RELAXED);
	__atomic_fetch_add(&inserts_hole, hole, __ATOMIC_RELAXED);
	vcpu_switch_to(NULL);
	return NULL;
}

int main(void)
{
	pthread_t th[NR_READERS + 1];
	uint64_t free0;
	double t0;

	hvt_init(2048, NR_READERS + 1);
	free0 = host_free_pages();
	d = hvt_domain(1, NR_READERS + 1, false, 0);
	pthread_barrier_init(&bar, NULL, NR_READERS + 2);
	rec_set_insert_yield(true);
	t0 = now_s();
	for (unsigned i = 0; i <= NR_READERS; i++)
		pthread_create(&th[i], NULL, thread_main, (void *)(uintptr_t)i);
	TEST_BEGIN("p2m writers vs inserting readers: no stale translation");
	for (unsigned r = 0; r < ROUNDS; r++) {
		pthread_barrier_wait(&bar);
		CHECK_EQ(check_no_stale(d, 0, WINDOW), 0);
		/* Own pages: the allocation reference plus one per alias. */
		for (uint64_t g = 0; g < WINDOW; g++) {
			uint64_t m = p2m_gpfn_to_mfn(d, g);

			if (m != ARCH_INVALID_MFN)
				CHECK(hv_page_count(mfn_to_page(m)) >= 1);
		}
		if (now_s() - t0 > TIME_BUDGET)
			stop = 1;
		pthread_barrier_wait(&bar);
	}
	for (unsigned i = 0; i <= NR_READERS; i++)
		pthread_join(th[i], NULL);
	CHECK_EQ(violations, 0);
	CHECK(inserts_ok > 0);
	CHECK(inserts_hole > 0);
	TEST_END();

	TEST_BEGIN("every page returns to the pool");
	domain_destroy(d);
	CHECK_EQ(host_free_pages(), free0);
	TEST_END();
	printf("stress_p2m: %llu inserts, %llu holes, %llu retries, %.1f s\n",
	       (unsigned long long)inserts_ok, (unsigned long long)inserts_hole,
	       (unsigned long long)hv_counter(CNT_INSERT_RETRY), now_s() - t0);
	return test_report();
}
