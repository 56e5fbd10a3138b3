/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the p2m operations (and the vTLB inserts and
 * purges that read it): arbitrary sequences of assign/replace/zap/steal/
 * cmpxchg/lookup with hostile frame numbers, flags and owners.
 * Invariants after every step: every entry holding an allocation has the
 * matching m2p entry and a live reference; at teardown every page is back.
 */
#include "fuzz_common.h"

#define WIN	24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_m2p(struct domain *d)
{
	for (uint64_t g = 0; g < WIN; g++) {
		int err;
		uint64_t *ptep = p2m_lookup_pte(d, g, false, &err), v;
		struct page_info *pg;

		if (!ptep || !p2m_pte_present(v = *ptep) || (v & P2M_IO))
			continue;
		pg = mfn_to_page(p2m_pte_mfn(v));
		if (!pg || hv_page_count(pg) == 0) {
			fprintf(stderr, "gpfn %llu: entry without a live page\n",
				(unsigned long long)g);
			__builtin_trap();
		}
		if ((v & P2M_PGC_ALLOCATED) && (pg->m2p != g || hv_page_owner(pg) != d)) {
			fprintf(stderr, "gpfn %llu: m2p %llx owner %p\n", (unsigned long long)g,
				(unsigned long long)pg->m2p, (void *)hv_page_owner(pg));
			__builtin_trap();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	struct domain *d, *o;
	uint64_t stolen[8];
	unsigned nstolen = 0;

	fz_setup();
	d = fz_domain(0, fz8(&f) & 1, false);
	o = fz_domain(1, false, false);
	hvt_run(d->vcpu[0], 0);
	for (unsigned step = 0; step < 96 && f.n; step++) {
		uint64_t g = fz_pick(&f, WIN), g2 = fz_pick(&f, WIN);
		struct domain *src = fz8(&f) & 1 ? o : d;
		uint64_t mfn = (fz8(&f) & 3) ? p2m_gpfn_to_mfn(src, g2) :
			       (fz8(&f) & 1) ? FZ_PAGES + fz8(&f) : fz64(&f);
		unsigned flags = (unsigned)fz_pick(&f, 32);
		struct p2m_entry e;

		switch (fz8(&f) % 12) {
		case 0: p2m_assign_new(d, g, NULL); break;
		case 1: p2m_assign(d, g, mfn, flags, src); break;
		case 2: p2m_replace(d, g, mfn, flags, src); break;
		case 3: p2m_zap(d, g); break;
		case 4: p2m_remove_mfn(d, g, mfn); break;
		case 5:
			if (nstolen < 8 && p2m_steal(d, g, &stolen[nstolen]) == 0)
				nstolen++;
			break;
		case 6: {
			int err;
			uint64_t *ptep = p2m_lookup_pte(d, g, false, &err);
			uint64_t old = ptep ? *ptep : fz64(&f);

			/* Only software-state changes of a live entry. */
			if (p2m_pte_present(old))
				p2m_cmpxchg_rel(d, g, old, old ^ P2M_VIRT_D);
			break;
		}
		case 7: p2m_lookup(d, fz64(&f), &e); break;
		case 8:
			vtlb_itc(d->vcpu[0], fz8(&f) & 1, 0xe000000000000000ULL + (g << 14),
				 fz8(&f) & 1 ? hvt_gpte(g2 << 14) : fz64(&f), fz64(&f));
			break;
		case 9:
			vtlb_ptc_ga(d->vcpu[0], 0xe000000000000000ULL + (g << 14),
				    (unsigned)fz_pick(&f, 64));
			break;
		case 10:
			vcpu_set_metaphysical(d->vcpu[0], fz8(&f) & 1);
			vcpu_set_pta(d->vcpu[0], fz64(&f));
			vcpu_set_rr(d->vcpu[0], fz8(&f) & 7, fz64(&f));
			break;
		case 11:
			if (fz8(&f) & 1)
				vtlb_itr(d->vcpu[0], fz8(&f) & 1, (unsigned)fz_pick(&f, 14),
					 fz64(&f), hvt_gpte(g2 << 14), fz64(&f));
			vtlb_miss(d->vcpu[0], fz8(&f) & 1, fz8(&f) & 1 ? fz64(&f) :
				  (g << 14) | ((uint64_t)(fz8(&f) & 7) << 61));
			break;
		}
		check_m2p(d);
	}
	for (unsigned i = 0; i < nstolen; i++)
		hv_put_page(mfn_to_page(stolen[i]));
	fz_teardown(d, o);
	return 0;
}
