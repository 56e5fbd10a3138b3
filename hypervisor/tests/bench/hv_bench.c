/* SPDX-License-Identifier: MIT */
/*
 * Benchmarks on the host back end.
 *
 *  hv-flush-dma-*:  block-backend pattern -- map a grant, DMA only (the
 *                   CPU never touches it, so it is never inserted), unmap.
 *  hv-flush-net-*:  network-backend pattern -- map, the backend reads the
 *                   packet header on one vCPU (one insert), unmap from the
 *                   same vCPU.  The "-xcpu" variant reads the header on a
 *                   second vCPU/pCPU.
 * Each prints full flushes, global purges and local purges per 1,000
 * unmaps with tlb_track on and off, counted by the recorder.
 *  hv-p2m-lookup:   single-thread p2m_lookup throughput over a 64 MB
 *                   pseudo-physical range.
 */
#include <time.h>

#include "hvenv.h"

#define UNMAPS		4000
#define HOST_GPFN	5000
#define KVA(off)	(0xe000000000000000ULL + (off))

enum pattern { DMA, NET, NET_XCPU };

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_pattern(enum pattern pat, bool track, domid_t id)
{
	static const char *const names[] = { [DMA] = "dma", [NET] = "net",
					     [NET_XCPU] = "net-xcpu" };
	struct domain *be = hvt_domain(id, 2, track, 4);
	struct domain *fe = hvt_domain((domid_t)(id + 1), 1, false, 8);
	uint32_t *e;
	uint64_t full, ga, l;

	gnttab_grow(fe, 1);
	e = gnttab_shared_entry(fe, 1);
	e[1] = 2;
	e[0] = GTF_permit_access | (uint32_t)be->domid << 16;
	hvt_run(be->vcpu[0], 0);
	rec_reset();
	for (unsigned i = 0; i < UNMAPS; i++) {
		uint64_t gpfn = HOST_GPFN + (i % 64);
		struct gnttab_map_grant_ref m = { .host_addr = gpfn << HV_PAGE_SHIFT,
			.flags = GNTMAP_host_map | GNTMAP_readonly, .ref = 1,
			.dom = fe->domid };
		struct gnttab_unmap_grant_ref u = { .host_addr = m.host_addr };

		gnttab_map(be->vcpu[0], &m);
		if (m.status != GNTST_okay) {
			fprintf(stderr, "bench: map failed (%d)\n", m.status);
			exit(1);
		}
		if (pat == NET_XCPU) {
			hvt_run(be->vcpu[1], 1);
			vtlb_itc(be->vcpu[1], false, KVA(gpfn << 14), hvt_gpte(gpfn << 14),
				 itir_make(14, 0));
			hvt_run(be->vcpu[0], 0);
		} else if (pat == NET) {
			vtlb_itc(be->vcpu[0], false, KVA(gpfn << 14), hvt_gpte(gpfn << 14),
				 itir_make(14, 0));
		}
		u.handle = m.handle;
		gnttab_unmap(be->vcpu[0], &u);
		if (u.status != GNTST_okay) {
			fprintf(stderr, "bench: unmap failed (%d)\n", u.status);
			exit(1);
		}
	}
	full = rec_count(REC_FLUSH_MASK);
	ga = rec_count(REC_PTC_GA);
	l = rec_count(REC_PTC_L);
	printf("bench hv-flush-%s-full-%s: %.1f per-1000-unmaps\n", names[pat],
	       track ? "on" : "off", full * 1000.0 / UNMAPS);
	printf("bench hv-flush-%s-global-%s: %.1f per-1000-unmaps\n", names[pat],
	       track ? "on" : "off", ga * 1000.0 / UNMAPS);
	printf("bench hv-flush-%s-local-%s: %.1f per-1000-unmaps\n", names[pat],
	       track ? "on" : "off", l * 1000.0 / UNMAPS);
	vcpu_switch_to(NULL);
	domain_destroy(be);
	domain_destroy(fe);
}

static void bench_lookup(void)
{
	const uint64_t pages = 4096;	/* 64 MB of pseudo-physical space */
	struct domain *d = hvt_domain(30, 1, false, pages);
	uint64_t n = 0, seed = 88172645463325252ULL, sum = 0;
	double t0 = now_s(), t;

	do {
		for (unsigned i = 0; i < 100000; i++) {
			struct p2m_entry e;

			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			if (p2m_lookup(d, (seed % pages) << HV_PAGE_SHIFT, &e) == 0)
				sum += e.val;
		}
		n += 100000;
		t = now_s() - t0;
	} while (t < 1.0);
	printf("bench hv-p2m-lookup: %.0f lookups/s\n", (double)n / t);
	if (!sum)
		printf("(no entries found?)\n");
	domain_destroy(d);
}

int main(void)
{
	hvt_init(8192, 2);
	run_pattern(DMA, true, 1);
	run_pattern(DMA, false, 3);
	run_pattern(NET, true, 5);
	run_pattern(NET, false, 7);
	run_pattern(NET_XCPU, true, 9);
	run_pattern(NET_XCPU, false, 11);
	bench_lookup();
	return 0;
}
