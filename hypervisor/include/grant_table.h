/* SPDX-License-Identifier: MIT */
/*
 * Grant tables, version 1 (doc 13, 17.8).  The shared entries live in
 * hypervisor pages the granting guest writes; the hypervisor keeps an
 * active (pinned) state per entry and a maptrack table per mapping
 * domain.  GNTMAP_host_map replaces the p2m entry of a pseudo-physical
 * page of the mapper; device_map, application_map and contains_pte are
 * rejected.
 */
#ifndef HV_GRANT_TABLE_H
#define HV_GRANT_TABLE_H

#include "hv.h"
#include "xen_public.h"

struct domain;
struct vcpu;

#define GT_ENTRIES_PER_FRAME	(HV_PAGE_SIZE / sizeof(struct grant_entry_v1))
#define GT_MAX_FRAMES_LIMIT	16
#define GT_DEFAULT_MAX_FRAMES	4
#define GT_MAPTRACK_MAX		4096
#define GT_MAX_BATCH		512	/* ops per hypercall */

int grant_table_create(struct domain *d, unsigned max_frames);
/* Unmap everything d has mapped, then free d's table. */
void grant_table_destroy(struct domain *d);

/* Guest-side view of an entry, for tests and for the granting guest
 * model: the (flags | domid << 16) word and the frame word.  NULL if ref
 * is outside the current table. */
uint32_t *gnttab_shared_entry(struct domain *d, grant_ref_t ref);
unsigned gnttab_nr_frames(struct domain *d);
uint64_t gnttab_frame_mfn(struct domain *d, unsigned idx);
/* Grow d's table (setup_table's work). */
int gnttab_grow(struct domain *d, unsigned nr_frames);
/* Mappings currently tracked for mapper d (tests). */
unsigned gnttab_nr_maptrack(struct domain *d);

/* Single operations (status in the struct). */
void gnttab_map(struct vcpu *v, struct gnttab_map_grant_ref *op);
void gnttab_unmap(struct vcpu *v, struct gnttab_unmap_grant_ref *op);
void gnttab_setup_table(struct vcpu *v, struct gnttab_setup_table *op);
void gnttab_query_size(struct vcpu *v, struct gnttab_query_size *op);

/* The hypercall: count structures at guest address uop. */
long do_grant_table_op(struct vcpu *v, unsigned cmd, uint64_t uop, unsigned count);

#endif
