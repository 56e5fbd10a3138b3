/* SPDX-License-Identifier: MIT */
/*
 * Domains and virtual CPUs: the objects every mechanism hangs off, the
 * domain table, and the vCPU context switch (which drives the flush
 * clock).
 */
#ifndef HV_DOMAIN_H
#define HV_DOMAIN_H

#include "hv.h"
#include "p2m.h"
#include "vhpt.h"
#include "vtlb.h"
#include "flushclock.h"
#include "xen_public.h"

struct tlb_track;
struct grant_table;
struct evtchn;

struct vcpu {
	struct domain *domain;
	unsigned id;
	int processor;		/* pCPU it runs on, -1 if not running */
	int last_processor;	/* pCPU it last ran on, -1 never */
	uint64_t rr[8];		/* guest region registers */
	uint64_t pta;		/* guest cr.pta */
	bool metaphysical;	/* guest runs with psr.dt/it off (doc 17.3) */
	struct vtlb vtlb;
	struct vhpt vhpt;
	int virq_to_port[NR_VIRQS];
};

struct domain_config {
	uint64_t max_pages;
	unsigned nr_vcpus;
	unsigned rid_bits;	/* guest-visible RID bits, <= 24 */
	bool privileged;
	bool tlb_track;		/* track grant-mapped inserts (doc 17.9) */
	unsigned tlb_track_limit;	/* 0 = default */
	unsigned max_grant_frames;	/* 0 = default */
	unsigned vhpt_log2;	/* 0 = default */
};

struct domain {
	domid_t domid;
	bool privileged;
	uint64_t tot_pages;	/* atomic */
	uint64_t max_pages;
	struct p2m p2m;
	struct vcpu *vcpu[HV_MAX_VCPUS];
	unsigned nr_vcpus;
	unsigned rid_bits;
	uint32_t rid_base;	/* machine RID of guest RID 0 */
	uint32_t metaphys_rid;	/* machine RID for physical mode */
	hv_cpumask_t dirty_cpus;	/* atomic: pCPUs that may hold entries */
	struct tlb_track *tlb_track;	/* NULL: tracking off */
	struct flushclock_domain fc;
	struct grant_table *grant;
	struct evtchn *evtchn;
	unsigned nr_evtchn;
	hv_spinlock_t evtchn_lock;
	struct shared_info *shared_info;
	uint64_t shared_info_mfn;
};

int hv_init(void);
void hv_fini(void);

int domain_create(domid_t domid, const struct domain_config *cfg,
		  struct domain **out);
void domain_destroy(struct domain *d);
/* Domain by id (DOMID_SELF resolves to `self`); NULL if none. */
struct domain *domain_lookup(domid_t domid, struct domain *self);

/* Context switch of this pCPU to v (NULL = idle). */
void vcpu_switch_to(struct vcpu *v);

static inline struct vcpu *hv_current(void)
{
	return arch_current();
}

#endif
