/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frame-number conversions for the generic Xen code.
 *
 * A Xen/ia64 PV guest runs in a pseudo-physical address space: the
 * hypervisor translates every TLB insert through its own p2m table and
 * never validates guest page tables.  To the guest this is an
 * auto-translated physmap, so a guest frame number (gfn) is simply the
 * pseudo-physical frame number.  Frames are Xen/ia64's 16 KB pages
 * (XEN_PAGE_SHIFT, see asm/page.h); the kernel's pages may be larger.
 *
 * Machine frames matter only for DMA and backends.  Until the p2m is
 * exposed to the guest (IA64_DOM0VP_expose_p2m), bus frames are taken to
 * be the guest frames, which holds for a domain without device access.
 */
#ifndef _ASM_IA64_XEN_PAGE_H
#define _ASM_IA64_XEN_PAGE_H

#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/pfn.h>
#include <linux/types.h>
#include <asm/page.h>

struct device;
struct gnttab_map_grant_ref;
struct gnttab_unmap_grant_ref;
struct page;

#define INVALID_P2M_ENTRY		(~0UL)

#define phys_to_machine_mapping_valid(pfn)	(1)

static inline unsigned long pfn_to_gfn(unsigned long pfn)
{
	return pfn;
}

static inline unsigned long gfn_to_pfn(unsigned long gfn)
{
	return gfn;
}

static inline unsigned long pfn_to_bfn(unsigned long pfn)
{
	return pfn;
}

static inline unsigned long bfn_to_pfn(unsigned long bfn)
{
	return bfn;
}

#define bfn_to_local_pfn(bfn)	bfn_to_pfn(bfn)

/* Region 7 identity mapping: only valid for linearly mapped memory. */
static inline unsigned long virt_to_gfn(const void *v)
{
	WARN_ON_ONCE(!virt_addr_valid(v));
	return pfn_to_gfn(__pa(v) >> XEN_PAGE_SHIFT);
}

#define gfn_to_virt(m)	(__va(gfn_to_pfn(m) << XEN_PAGE_SHIFT))

#define percpu_to_gfn(v)						\
	(pfn_to_gfn(per_cpu_ptr_to_phys(v) >> XEN_PAGE_SHIFT))

/*
 * With GNTMAP_host_map the hypervisor itself points the guest frame at
 * the granted page, so the guest has no p2m of its own to keep.
 */
static inline int set_foreign_p2m_mapping(struct gnttab_map_grant_ref *map_ops,
					  struct gnttab_map_grant_ref *kmap_ops,
					  struct page **pages,
					  unsigned int count)
{
	return 0;
}

static inline int
clear_foreign_p2m_mapping(struct gnttab_unmap_grant_ref *unmap_ops,
			  struct gnttab_unmap_grant_ref *kunmap_ops,
			  struct page **pages, unsigned int count)
{
	return 0;
}

static inline bool __set_phys_to_machine(unsigned long pfn, unsigned long mfn)
{
	return true;
}

static inline bool set_phys_to_machine(unsigned long pfn, unsigned long mfn)
{
	return __set_phys_to_machine(pfn, mfn);
}

static inline bool xen_arch_need_swiotlb(struct device *dev, phys_addr_t phys,
					 dma_addr_t dev_addr)
{
	return false;
}

#endif /* _ASM_IA64_XEN_PAGE_H */
