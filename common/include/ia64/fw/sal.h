/* SPDX-License-Identifier: MIT */
/*
 * SAL and PAL interfaces as Linux/ia64 6.1 uses them (docs/ia64-platform.md
 * §4, §5): the SAL system table layout, SAL and PAL procedure numbers and
 * status codes.  Builder in common/fw/sal_tables.c.
 */
#ifndef IA64_FW_SAL_H
#define IA64_FW_SAL_H

#include <stdint.h>
#include "ia64/fw/image.h"

#define SAL_ST_HEADER_SIZE	96
#define SAL_DESC_ENTRY_POINT	0	/* 48 bytes */
#define SAL_DESC_PLATFORM	2	/* 16 bytes */
#define SAL_DESC_AP_WAKEUP	5	/* 16 bytes */
#define SAL_ST_SIZE		(SAL_ST_HEADER_SIZE + 48 + 16 + 16)
#define SAL_AP_WAKEUP_VECTOR	0xff

/* SAL procedures (r32 = index). */
#define SAL_SET_VECTORS		0x01000000
#define SAL_GET_STATE_INFO	0x01000001
#define SAL_GET_STATE_INFO_SIZE	0x01000002
#define SAL_CLEAR_STATE_INFO	0x01000003
#define SAL_MC_RENDEZ		0x01000004
#define SAL_MC_SET_PARAMS	0x01000005
#define SAL_CACHE_FLUSH		0x01000008
#define SAL_CACHE_INIT		0x01000009
#define SAL_PCI_CONFIG_READ	0x01000010
#define SAL_PCI_CONFIG_WRITE	0x01000011
#define SAL_FREQ_BASE		0x01000012
#define SAL_PHYSICAL_ID_INFO	0x01000013
#define SAL_FIRST		SAL_SET_VECTORS
#define SAL_NR			0x14		/* indices SAL_FIRST + 0 .. + 0x13 */

#define SAL_VECTOR_OS_MCA	0
#define SAL_VECTOR_OS_INIT	1
#define SAL_VECTOR_OS_BOOT_RENDEZ 2
#define SAL_FREQ_BASE_PLATFORM	0

/* PAL procedures (r28 = index); static 0-255, stacked 256-511. */
enum pal_proc {
	PAL_CACHE_FLUSH = 1, PAL_CACHE_INFO = 2, PAL_CACHE_SUMMARY = 4, PAL_PTCE_INFO = 6,
	PAL_VM_SUMMARY = 8, PAL_FREQ_RATIOS = 14, PAL_PROC_GET_FEATURES = 17,
	PAL_RSE_INFO = 19, PAL_MC_DRAIN = 22, PAL_HALT = 28, PAL_HALT_LIGHT = 29,
	PAL_VM_PAGE_SIZE = 34, PAL_PREFETCH_VISIBILITY = 41, PAL_LOGICAL_TO_PHYSICAL = 42,
	PAL_CACHE_SHARED_INFO = 43, PAL_HALT_INFO = 257, PAL_BRAND_INFO = 274,
	PAL_NR = 512
};
#define PAL_STACKED_FIRST	256

/* Status codes shared by SAL and PAL. */
#define FW_STATUS_OK		0
#define FW_STATUS_UNIMPLEMENTED	(-1)
#define FW_STATUS_INVALID_ARG	(-2)
#define FW_STATUS_ERROR		(-3)

/* SAL system table at pa: revision 3.0, one entry-point descriptor, a
 * platform-features descriptor (no features) and the AP wake-up vector. */
int sal_build_systab(struct fw_image *im, uint64_t pa, uint64_t pal_proc, uint64_t sal_proc,
		     uint64_t sal_gp);

#endif
