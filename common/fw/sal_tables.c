/* SPDX-License-Identifier: MIT */
/*
 * Builder for the SAL system table (docs/ia64-platform.md §4.1): where
 * Linux finds the PAL and SAL entry points and the AP wake-up vector.
 */
#include <string.h>

#include "ia64/fw/sal.h"

int sal_build_systab(struct fw_image *im, uint64_t pa, uint64_t pal_proc, uint64_t sal_proc,
		     uint64_t sal_gp)
{
	uint8_t *p = fw_ptr(im, pa, SAL_ST_SIZE), *e;

	if (!p)
		return -1;
	memset(p, 0, SAL_ST_SIZE);
	memcpy(p, "SST_", 4);
	fw_put32(p + 4, SAL_ST_SIZE);
	/* SAL 3.0 (BCD): below 3.2, so the kernel does not ask for
	 * PHYSICAL_ID_INFO or extended PCI configuration. */
	p[8] = 0x00;
	p[9] = 0x03;
	fw_put16(p + 10, 3);
	memcpy(p + 24, "PVIA64", 6);
	memcpy(p + 56, "ia64emu", 7);
	e = p + SAL_ST_HEADER_SIZE;
	e[0] = SAL_DESC_ENTRY_POINT;
	fw_put64(e + 8, pal_proc);
	fw_put64(e + 16, sal_proc);
	fw_put64(e + 24, sal_gp);
	e += 48;
	e[0] = SAL_DESC_PLATFORM;
	e[1] = 0;	/* no features: ITC_Drift would demote the ITC clocksource */
	e += 16;
	e[0] = SAL_DESC_AP_WAKEUP;
	e[1] = 0;	/* external interrupt */
	fw_put64(e + 8, SAL_AP_WAKEUP_VECTOR);
	p[12] = fw_checksum(p, SAL_ST_SIZE, 12);
	return 0;
}
