/* SPDX-License-Identifier: MIT */
/*
 * Domain and vCPU life cycle, the domain table and the context switch.
 * RIDs: the host's 24 RID bits are split into blocks of 2^rid_bits; block
 * 0 stays with the hypervisor (metaphysical RIDs, doc 17.2) and domain
 * slot i gets block i + 1.  Domains are created and destroyed only while
 * no hypercall of theirs is running: lookups are lock-free reads.
 */
#include "domain.h"
#include "evtchn.h"
#include "flush.h"
#include "grant_table.h"
#include "page_alloc.h"
#include "tlb_track.h"

#define DEFAULT_RID_BITS	18

static struct domain *domain_table[HV_MAX_DOMAINS];
static hv_spinlock_t domain_table_lock;

int hv_init(void)
{
	flushclock_init(0);
	return hv_page_init();
}

void hv_fini(void)
{
	hv_page_fini();
}

struct domain *domain_lookup(domid_t domid, struct domain *self)
{
	if (domid == DOMID_SELF)
		return self;
	if (domid >= DOMID_FIRST_RESERVED)
		return NULL;
	for (unsigned i = 0; i < HV_MAX_DOMAINS; i++) {
		struct domain *d = __atomic_load_n(&domain_table[i], __ATOMIC_ACQUIRE);

		if (d && d->domid == domid)
			return d;
	}
	return NULL;
}

static void vcpu_free(struct vcpu *v)
{
	if (!v)
		return;
	vhpt_fini(&v->vhpt);
	arch_heap_free(v);
}

static int vcpu_create(struct domain *d, unsigned id, unsigned vhpt_log2)
{
	struct vcpu *v = arch_heap_alloc(sizeof(*v), 64);
	int err;

	if (!v)
		return -HV_ENOMEM;
	/* Domains start in physical mode (doc 17.12). */
	*v = (struct vcpu){ .domain = d, .id = id, .processor = -1,
			    .last_processor = -1, .metaphysical = true };
	vtlb_init(&v->vtlb);
	for (unsigned r = 0; r < 8; r++)
		v->rr[r] = rr_make(0, HV_PAGE_SHIFT, 0);
	err = vhpt_init(&v->vhpt, vhpt_log2);
	if (err) {
		arch_heap_free(v);
		return err;
	}
	d->vcpu[id] = v;
	return 0;
}

static int slot_claim(struct domain *d, unsigned *slot)
{
	int err = -HV_ENOSPC;

	hv_spin_lock(&domain_table_lock);
	for (unsigned i = 0; i < HV_MAX_DOMAINS; i++) {
		if (domain_table[i] && domain_table[i]->domid == d->domid) {
			err = -HV_EEXIST;
			break;
		}
	}
	for (unsigned i = 0; err == -HV_ENOSPC && i < HV_MAX_DOMAINS; i++) {
		if (!domain_table[i]) {
			*slot = i;
			err = 0;
		}
	}
	hv_spin_unlock(&domain_table_lock);
	return err;
}

static void domain_free(struct domain *d)
{
	evtchn_destroy(d);		/* needs the vCPUs (VIRQ bindings) */
	for (unsigned i = 0; i < HV_MAX_VCPUS; i++)
		vcpu_free(d->vcpu[i]);
	tlb_track_destroy(d->tlb_track);
	if (d->shared_info_mfn != ARCH_INVALID_MFN)
		hv_free_xenheap_page(d->shared_info_mfn);
	arch_heap_free(d);
}

int domain_create(domid_t domid, const struct domain_config *cfg,
		  struct domain **out)
{
	unsigned rid_bits = cfg->rid_bits ? cfg->rid_bits : DEFAULT_RID_BITS;
	unsigned slot = 0;
	struct domain *d;
	int err;

	if (domid >= DOMID_FIRST_RESERVED || !cfg->nr_vcpus ||
	    cfg->nr_vcpus > HV_MAX_VCPUS || rid_bits > DEFAULT_RID_BITS ||
	    cfg->max_grant_frames > GT_MAX_FRAMES_LIMIT)
		return -HV_EINVAL;
	d = arch_heap_alloc(sizeof(*d), 64);
	if (!d)
		return -HV_ENOMEM;
	*d = (struct domain){ .domid = domid, .privileged = cfg->privileged,
			      .max_pages = cfg->max_pages, .nr_vcpus = cfg->nr_vcpus,
			      .rid_bits = rid_bits,
			      .shared_info_mfn = ARCH_INVALID_MFN };
	flushclock_domain_init(&d->fc);
	err = slot_claim(d, &slot);
	if (err) {
		arch_heap_free(d);
		return err;
	}
	d->rid_base = (uint32_t)(slot + 1) << DEFAULT_RID_BITS;
	/* Block 0 is split into 64 small blocks; small block 0 stays with
	 * the hypervisor, domain slot i uses small block i + 1. */
	d->metaphys_rid = (uint32_t)(slot + 1) << (DEFAULT_RID_BITS - 6);
	for (unsigned i = 0; !err && i < cfg->nr_vcpus; i++)
		err = vcpu_create(d, i, cfg->vhpt_log2 ? cfg->vhpt_log2 : VHPT_DEFAULT_LOG2);
	if (!err && cfg->tlb_track &&
	    !(d->tlb_track = tlb_track_create(cfg->tlb_track_limit ?
					      cfg->tlb_track_limit :
					      TLB_TRACK_DEFAULT_LIMIT)))
		err = -HV_ENOMEM;
	if (!err) {
		d->shared_info_mfn = hv_alloc_xenheap_page();
		if (d->shared_info_mfn == ARCH_INVALID_MFN)
			err = -HV_ENOMEM;
	}
	if (!err) {
		d->shared_info = arch_mfn_to_virt(d->shared_info_mfn);
		/* Only vCPU 0 starts with event delivery enabled (doc 17.12). */
		for (unsigned i = 1; i < XEN_LEGACY_MAX_VCPUS; i++)
			d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;
		err = evtchn_init(d);
	}
	if (!err)
		err = p2m_init(d);
	if (!err) {
		err = grant_table_create(d, cfg->max_grant_frames ?
					 cfg->max_grant_frames : GT_DEFAULT_MAX_FRAMES);
		if (err)
			p2m_teardown(d);
	}
	if (err) {
		domain_free(d);
		return err;
	}
	__atomic_store_n(&domain_table[slot], d, __ATOMIC_RELEASE);
	*out = d;
	return 0;
}

void domain_destroy(struct domain *d)
{
	hv_spin_lock(&domain_table_lock);
	for (unsigned i = 0; i < HV_MAX_DOMAINS; i++)
		if (domain_table[i] == d)
			__atomic_store_n(&domain_table[i], NULL, __ATOMIC_RELEASE);
	hv_spin_unlock(&domain_table_lock);
	grant_table_destroy(d);
	p2m_teardown(d);
	hv_page_orphan_all(d);
	domain_free(d);
}

void vcpu_switch_to(struct vcpu *v)
{
	struct vcpu *prev = arch_current();
	unsigned cpu = arch_cpu_id();

	if (prev == v)
		return;
	if (prev) {
		flushclock_switch_out(prev);
		__atomic_store_n(&prev->processor, -1, __ATOMIC_RELEASE);
	}
	if (v) {
		flushclock_switch_in(v);
		__atomic_fetch_or(&v->domain->dirty_cpus, 1ULL << cpu, __ATOMIC_ACQ_REL);
		__atomic_store_n(&v->processor, (int)cpu, __ATOMIC_RELEASE);
		v->last_processor = (int)cpu;
	}
	arch_set_current(v);
}
