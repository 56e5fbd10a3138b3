/* SPDX-License-Identifier: MIT */
/*
 * Grant tables v1 (see grant_table.h).
 *
 * Shared entries are accessed only as two 32-bit words -- (flags | domid
 * << 16) and frame -- because the granting guest writes them concurrently:
 * the hypervisor sets GTF_reading/GTF_writing with a compare-and-swap on
 * the first word, which fails if the granter revoked or changed the entry
 * at the same time.  A granter may only revoke an entry whose reading/
 * writing bits are clear (the guest's end-access protocol checks them),
 * so a pinned entry stays valid until the last unmap clears them.
 *
 * Locks: each table has one lock; it is never held while another
 * table's lock is taken, so no ordering rule is needed.
 */
#include "counters.h"
#include "domain.h"
#include "flush.h"
#include "grant_table.h"
#include "guest_access.h"
#include "page_alloc.h"

#define MT_IN_USE	(1U << 31)
#define MT_BUSY		(1U << 30)	/* being unmapped */

struct active_grant {
	uint32_t ro_pins, rw_pins;
	uint64_t mfn;
};

struct maptrack {
	uint32_t flags;		/* MT_* | GNTMAP_readonly */
	grant_ref_t ref;
	domid_t dom;
	uint64_t gpfn;
	uint64_t mfn;
};

struct grant_table {
	hv_spinlock_t lock;
	unsigned nr_frames, max_frames;
	uint64_t frame_mfn[GT_MAX_FRAMES_LIMIT];
	uint32_t *frame_va[GT_MAX_FRAMES_LIMIT];
	struct active_grant *active[GT_MAX_FRAMES_LIMIT];
	struct maptrack *maptrack;	/* GT_MAPTRACK_MAX entries */
	unsigned nr_maptrack;
};

int grant_table_create(struct domain *d, unsigned max_frames)
{
	struct grant_table *gt = arch_heap_alloc(sizeof(*gt), 64);

	if (!gt)
		return -HV_ENOMEM;
	*gt = (struct grant_table){ .max_frames = max_frames };
	gt->maptrack = arch_heap_alloc(GT_MAPTRACK_MAX * sizeof(struct maptrack), 64);
	if (!gt->maptrack) {
		arch_heap_free(gt);
		return -HV_ENOMEM;
	}
	for (unsigned i = 0; i < GT_MAPTRACK_MAX; i++)
		gt->maptrack[i] = (struct maptrack){ 0 };
	d->grant = gt;
	return 0;
}

unsigned gnttab_nr_frames(struct domain *d)
{
	unsigned n;

	hv_spin_lock(&d->grant->lock);
	n = d->grant->nr_frames;
	hv_spin_unlock(&d->grant->lock);
	return n;
}

uint64_t gnttab_frame_mfn(struct domain *d, unsigned idx)
{
	uint64_t m = ARCH_INVALID_MFN;

	hv_spin_lock(&d->grant->lock);
	if (idx < d->grant->nr_frames)
		m = d->grant->frame_mfn[idx];
	hv_spin_unlock(&d->grant->lock);
	return m;
}

unsigned gnttab_nr_maptrack(struct domain *d)
{
	unsigned n;

	hv_spin_lock(&d->grant->lock);
	n = d->grant->nr_maptrack;
	hv_spin_unlock(&d->grant->lock);
	return n;
}

int gnttab_grow(struct domain *d, unsigned nr_frames)
{
	struct grant_table *gt = d->grant;
	int err = 0;

	if (nr_frames > gt->max_frames)
		return -HV_EINVAL;
	hv_spin_lock(&gt->lock);
	while (gt->nr_frames < nr_frames) {
		unsigned i = gt->nr_frames;
		uint64_t mfn = hv_alloc_xenheap_page();
		struct active_grant *a = arch_heap_alloc(
			GT_ENTRIES_PER_FRAME * sizeof(*a), 64);

		if (mfn == ARCH_INVALID_MFN || !a) {
			if (mfn != ARCH_INVALID_MFN)
				hv_free_xenheap_page(mfn);
			arch_heap_free(a);
			err = -HV_ENOMEM;
			break;
		}
		for (unsigned j = 0; j < GT_ENTRIES_PER_FRAME; j++)
			a[j] = (struct active_grant){ 0 };
		gt->frame_mfn[i] = mfn;
		gt->frame_va[i] = arch_mfn_to_virt(mfn);
		gt->active[i] = a;
		gt->nr_frames = i + 1;
	}
	hv_spin_unlock(&gt->lock);
	return err;
}

/* Caller holds gt->lock, or accepts a racy view (tests / guest model). */
static uint32_t *shared_entry(struct grant_table *gt, grant_ref_t ref)
{
	unsigned f = ref / GT_ENTRIES_PER_FRAME;

	if (f >= gt->nr_frames)
		return NULL;
	return gt->frame_va[f] + 2 * (ref % GT_ENTRIES_PER_FRAME);
}

uint32_t *gnttab_shared_entry(struct domain *d, grant_ref_t ref)
{
	uint32_t *e;

	hv_spin_lock(&d->grant->lock);
	e = shared_entry(d->grant, ref);
	hv_spin_unlock(&d->grant->lock);
	return e;
}

static struct active_grant *active_entry(struct grant_table *gt, grant_ref_t ref)
{
	return &gt->active[ref / GT_ENTRIES_PER_FRAME][ref % GT_ENTRIES_PER_FRAME];
}

static int maptrack_get(struct grant_table *gt, unsigned *handle)
{
	int err = GNTST_no_device_space;

	hv_spin_lock(&gt->lock);
	for (unsigned i = 0; i < GT_MAPTRACK_MAX; i++) {
		if (!(gt->maptrack[i].flags & MT_IN_USE)) {
			gt->maptrack[i] = (struct maptrack){ .flags = MT_IN_USE | MT_BUSY };
			gt->nr_maptrack++;
			*handle = i;
			err = GNTST_okay;
			break;
		}
	}
	hv_spin_unlock(&gt->lock);
	return err;
}

static void maptrack_put(struct grant_table *gt, unsigned handle)
{
	hv_spin_lock(&gt->lock);
	gt->maptrack[handle].flags = 0;
	gt->nr_maptrack--;
	hv_spin_unlock(&gt->lock);
}

/* Pin ref of rd for mapper ld: validate the shared entry, set the
 * reading/writing bits, count the pin.  Returns a GNTST_ code. */
static int pin_grant(struct domain *rd, struct domain *ld, grant_ref_t ref,
		     bool ro, uint64_t *mfn_out)
{
	struct grant_table *gt = rd->grant;
	uint32_t *se, w, nw;
	struct active_grant *act;
	uint64_t mfn;
	int rc = GNTST_okay;

	hv_spin_lock(&gt->lock);
	se = shared_entry(gt, ref);
	if (!se) {
		rc = GNTST_bad_gntref;
		goto out;
	}
	act = active_entry(gt, ref);
	w = __atomic_load_n(&se[0], __ATOMIC_ACQUIRE);
	do {
		uint16_t flags = (uint16_t)w, domid = (uint16_t)(w >> 16);

		if ((flags & GTF_type_mask) != GTF_permit_access ||
		    (flags & GTF_sub_page)) {
			rc = GNTST_general_error;
			goto out;
		}
		if (domid != ld->domid || (!ro && (flags & GTF_readonly))) {
			rc = GNTST_permission_denied;
			goto out;
		}
		nw = w | GTF_reading | (ro ? 0 : GTF_writing);
	} while (!__atomic_compare_exchange_n(&se[0], &w, nw, false,
					      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
	if (act->ro_pins + act->rw_pins == 0) {
		/* First pin: resolve the granter's pseudo-physical frame. */
		struct page_info *pg;

		mfn = p2m_gpfn_to_mfn(rd, __atomic_load_n(&se[1], __ATOMIC_ACQUIRE));
		pg = mfn_to_page(mfn);
		if (!pg || hv_page_owner(pg) != rd) {
			/* Undo the bits we set; nothing else pins this entry. */
			__atomic_fetch_and(&se[0], ~(uint32_t)(GTF_reading | GTF_writing),
					   __ATOMIC_ACQ_REL);
			rc = GNTST_bad_page;
			goto out;
		}
		act->mfn = mfn;
	}
	if (ro)
		act->ro_pins++;
	else
		act->rw_pins++;
	*mfn_out = act->mfn;
out:
	hv_spin_unlock(&gt->lock);
	return rc;
}

static void unpin_grant(struct domain *rd, grant_ref_t ref, bool ro)
{
	struct grant_table *gt = rd->grant;
	struct active_grant *act;
	uint32_t clear = 0;

	hv_spin_lock(&gt->lock);
	/* The granter may have been destroyed and its id reused since the
	 * map: then there is no matching pin, and nothing to release. */
	if (!shared_entry(gt, ref)) {
		hv_spin_unlock(&gt->lock);
		return;
	}
	act = active_entry(gt, ref);
	if (ro ? act->ro_pins == 0 : act->rw_pins == 0) {
		hv_spin_unlock(&gt->lock);
		return;
	}
	if (ro)
		act->ro_pins--;
	else
		act->rw_pins--;
	if (act->rw_pins == 0)
		clear |= GTF_writing;
	if (act->rw_pins + act->ro_pins == 0)
		clear |= GTF_reading;
	__atomic_fetch_and(shared_entry(gt, ref), ~clear, __ATOMIC_RELEASE);
	hv_spin_unlock(&gt->lock);
}

#define GNTMAP_KNOWN	(GNTMAP_device_map | GNTMAP_host_map | GNTMAP_readonly | \
			 GNTMAP_application_map | GNTMAP_contains_pte)

void gnttab_map(struct vcpu *v, struct gnttab_map_grant_ref *op)
{
	struct domain *ld = v->domain, *rd;
	bool ro = op->flags & GNTMAP_readonly;
	uint64_t gpfn = op->host_addr >> HV_PAGE_SHIFT, mfn = 0;
	struct p2m_entry cur;
	unsigned handle = 0;
	int rc;

	op->handle = 0;
	op->dev_bus_addr = 0;
	if ((op->flags & ~GNTMAP_KNOWN) || !(op->flags & GNTMAP_host_map) ||
	    (op->flags & (GNTMAP_device_map | GNTMAP_application_map |
			  GNTMAP_contains_pte))) {
		op->status = GNTST_general_error;
		return;
	}
	rd = domain_lookup(op->dom, ld);
	if (!rd) {
		op->status = GNTST_bad_domain;
		return;
	}
	if (rd == ld) {		/* mapping one's own grant: not supported */
		op->status = GNTST_permission_denied;
		return;
	}
	if ((op->host_addr & ~HV_PAGE_MASK) || gpfn >= P2M_MAX_GPFN) {
		op->status = GNTST_bad_virt_addr;
		return;
	}
	/* The target page may be one of ld's own RAM pages (replaced and
	 * freed) or a hole -- never an existing grant/alias or I/O page. */
	if (!p2m_lookup(ld, op->host_addr, &cur) &&
	    (!(cur.val & P2M_PGC_ALLOCATED) || (cur.val & P2M_IO))) {
		op->status = GNTST_bad_virt_addr;
		return;
	}
	rc = maptrack_get(ld->grant, &handle);
	if (rc) {
		op->status = (int16_t)rc;
		return;
	}
	rc = pin_grant(rd, ld, op->ref, ro, &mfn);
	if (rc) {
		maptrack_put(ld->grant, handle);
		op->status = (int16_t)rc;
		return;
	}
	if (p2m_replace(ld, gpfn, mfn, (ld->tlb_track ? ASSIGN_tlb_track : 0) |
			(ro ? ASSIGN_readonly : 0), rd)) {
		unpin_grant(rd, op->ref, ro);
		maptrack_put(ld->grant, handle);
		op->status = GNTST_general_error;
		return;
	}
	hv_spin_lock(&ld->grant->lock);
	ld->grant->maptrack[handle] = (struct maptrack){
		.flags = MT_IN_USE | (ro ? GNTMAP_readonly : 0), .ref = op->ref,
		.dom = rd->domid, .gpfn = gpfn, .mfn = mfn };
	hv_spin_unlock(&ld->grant->lock);
	op->handle = handle;
	op->status = GNTST_okay;
}

/* Claim a maptrack entry for unmapping so two unmaps of one handle
 * cannot both proceed. */
static int maptrack_claim(struct grant_table *gt, unsigned handle,
			  uint64_t host_addr, struct maptrack *out)
{
	struct maptrack *m;
	int rc = GNTST_okay;

	if (handle >= GT_MAPTRACK_MAX)
		return GNTST_bad_handle;
	hv_spin_lock(&gt->lock);
	m = &gt->maptrack[handle];
	if ((m->flags & (MT_IN_USE | MT_BUSY)) != MT_IN_USE)
		rc = GNTST_bad_handle;
	else if (host_addr != m->gpfn << HV_PAGE_SHIFT)
		rc = GNTST_general_error;
	else {
		m->flags |= MT_BUSY;
		*out = *m;
	}
	hv_spin_unlock(&gt->lock);
	return rc;
}

void gnttab_unmap(struct vcpu *v, struct gnttab_unmap_grant_ref *op)
{
	struct domain *ld = v->domain, *rd;
	struct maptrack m;
	int rc = maptrack_claim(ld->grant, op->handle, op->host_addr, &m);

	if (rc) {
		op->status = (int16_t)rc;
		return;
	}
	/* Removing the p2m entry flushes (through tlb_track) and drops the
	 * page reference; if the guest already replaced the entry, that
	 * happened then and we only report the mismatch. */
	op->status = p2m_remove_mfn(ld, m.gpfn, m.mfn) ? GNTST_general_error
						       : GNTST_okay;
	rd = domain_lookup(m.dom, ld);
	if (rd)
		unpin_grant(rd, m.ref, m.flags & GNTMAP_readonly);
	maptrack_put(ld->grant, op->handle);
}

void gnttab_setup_table(struct vcpu *v, struct gnttab_setup_table *op)
{
	struct domain *d = domain_lookup(op->dom, v->domain);

	if (!d) {
		op->status = GNTST_bad_domain;
		return;
	}
	if (d != v->domain && !v->domain->privileged) {
		op->status = GNTST_permission_denied;
		return;
	}
	if (op->nr_frames > d->grant->max_frames) {
		op->status = GNTST_general_error;
		return;
	}
	if (gnttab_grow(d, op->nr_frames)) {
		op->status = GNTST_general_error;
		return;
	}
	for (unsigned i = 0; i < op->nr_frames; i++) {
		uint64_t mfn = gnttab_frame_mfn(d, i);

		if (copy_to_guest(v, op->frame_list + i * sizeof(uint64_t), &mfn,
				  sizeof(mfn))) {
			op->status = GNTST_bad_virt_addr;
			return;
		}
	}
	op->status = GNTST_okay;
}

void gnttab_query_size(struct vcpu *v, struct gnttab_query_size *op)
{
	struct domain *d = domain_lookup(op->dom, v->domain);

	if (!d) {
		op->status = GNTST_bad_domain;
		return;
	}
	if (d != v->domain && !v->domain->privileged) {
		op->status = GNTST_permission_denied;
		return;
	}
	op->nr_frames = gnttab_nr_frames(d);
	op->max_nr_frames = d->grant->max_frames;
	op->status = GNTST_okay;
}

void grant_table_destroy(struct domain *d)
{
	struct grant_table *gt = d->grant;
	struct vcpu *v0 = d->vcpu[0];

	if (!gt)
		return;
	for (unsigned h = 0; h < GT_MAPTRACK_MAX; h++) {
		if (gt->maptrack[h].flags & MT_IN_USE) {
			struct gnttab_unmap_grant_ref op = {
				.host_addr = gt->maptrack[h].gpfn << HV_PAGE_SHIFT,
				.handle = h };

			gnttab_unmap(v0, &op);
		}
	}
	for (unsigned i = 0; i < gt->nr_frames; i++) {
		hv_free_xenheap_page(gt->frame_mfn[i]);
		arch_heap_free(gt->active[i]);
	}
	arch_heap_free(gt->maptrack);
	arch_heap_free(gt);
	d->grant = NULL;
}
