/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen's swiotlb is not used on ia64: a Xen/ia64 guest without device
 * access has no machine addresses to bounce for, and dom0 DMA through
 * the exposed p2m is not implemented yet.
 */
#ifndef _ASM_IA64_XEN_SWIOTLB_XEN_H
#define _ASM_IA64_XEN_SWIOTLB_XEN_H

static inline int xen_swiotlb_detect(void)
{
	return 0;
}

#endif /* _ASM_IA64_XEN_SWIOTLB_XEN_H */
