// SPDX-License-Identifier: GPL-2.0
/*
 * Where the grant table lives in a Xen/ia64 guest.
 *
 * The guest is auto-translated: the hypervisor maps grant frames into the
 * guest's pseudo-physical space (XENMEM_add_to_physmap with
 * XENMAPSPACE_grant_table) and the guest then reaches them through its
 * region-7 identity mapping.  The frames it maps them at are ordinary
 * kernel pages set aside here, before the generic grant-table code starts
 * (core_initcall, then __gnttab_init at core_initcall_sync): their own
 * memory is given up to the grant frames.
 */

#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>

#include <xen/features.h>
#include <xen/grant_table.h>
#include <xen/page.h>
#include <xen/xen.h>

static void *grant_area;
static unsigned long grant_area_size;

int arch_gnttab_init(unsigned long nr_shared, unsigned long nr_status)
{
	int rc;

	if (!xen_feature(XENFEAT_auto_translated_physmap))
		return -ENODEV;
	if (xen_auto_xlat_grant_frames.count)
		return 0;

	grant_area_size = nr_shared * XEN_PAGE_SIZE;
	grant_area = alloc_pages_exact(grant_area_size, GFP_KERNEL | __GFP_ZERO);
	if (!grant_area)
		return -ENOMEM;
	rc = gnttab_setup_auto_xlat_frames(__pa(grant_area));
	if (rc) {
		free_pages_exact(grant_area, grant_area_size);
		grant_area = NULL;
	}
	return rc;
}

/* Only the non-translated (setup_table) path maps frames itself. */
int arch_gnttab_map_shared(xen_pfn_t *frames, unsigned long nr_gframes,
			   unsigned long max_nr_gframes, void **__shared)
{
	return -EOPNOTSUPP;
}

int arch_gnttab_map_status(u64 *frames, unsigned long nr_gframes,
			   unsigned long max_nr_gframes,
			   grant_status_t **__shared)
{
	return -EOPNOTSUPP;
}

void arch_gnttab_unmap(void *shared, unsigned long nr_gframes)
{
}
