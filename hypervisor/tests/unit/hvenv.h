/* SPDX-License-Identifier: MIT */
/*
 * Shared scaffolding for the hypervisor's host tests, fuzzers and
 * benchmarks: bring up the host back end and the core, build domains with
 * RAM, and put a vCPU on a pCPU.
 */
#ifndef HV_TEST_HVENV_H
#define HV_TEST_HVENV_H

#include <stdio.h>
#include <stdlib.h>

#include "counters.h"
#include "domain.h"
#include "evtchn.h"
#include "flush.h"
#include "grant_table.h"
#include "guest_access.h"
#include "host.h"
#include "page_alloc.h"
#include "tlb_track.h"

static inline void hvt_init(uint64_t pages, unsigned cpus)
{
	if (host_init(pages, cpus) || hv_init()) {
		fprintf(stderr, "hvtest: cannot initialise the host back end\n");
		exit(2);
	}
	rec_reset();
	hv_counters_reset();
}

static inline struct domain *hvt_domain(domid_t id, unsigned vcpus, bool track,
					uint64_t ram_pages)
{
	struct domain_config cfg = { .max_pages = ram_pages + 64, .nr_vcpus = vcpus,
				     .tlb_track = track };
	struct domain *d = NULL;

	if (domain_create(id, &cfg, &d)) {
		fprintf(stderr, "hvtest: domain_create(%u) failed\n", id);
		exit(2);
	}
	for (uint64_t g = 0; g < ram_pages; g++)
		if (p2m_assign_new(d, g, NULL)) {
			fprintf(stderr, "hvtest: out of RAM for domain %u\n", id);
			exit(2);
		}
	/* Tests run the guest in virtual mode unless they say otherwise. */
	for (unsigned i = 0; i < vcpus; i++)
		vcpu_set_metaphysical(d->vcpu[i], false);
	return d;
}

/* Run vCPU v on pCPU cpu (in the calling thread). */
static inline void hvt_run(struct vcpu *v, unsigned cpu)
{
	host_set_cpu(cpu);
	if (arch_current() && arch_current() != v)
		vcpu_switch_to(NULL);
	vcpu_switch_to(v);
}

/* A guest kernel PTE for pseudo-physical address gpaddr: present, WB,
 * accessed, dirty, PL0, RWX (SDM Vol. 2, 4.1.1.5 field layout). */
static inline uint64_t hvt_gpte(uint64_t gpaddr)
{
	return PTE_P | PTE_A | PTE_D | ((uint64_t)MA_WB << PTE_MA_SHIFT) |
	       ((uint64_t)AR_RWX << PTE_AR_SHIFT) | (gpaddr & PTE_PPN_MASK);
}

#endif
