/* SPDX-License-Identifier: MIT */
/*
 * Builder for the PCDP (HCDP) table, revision 3, with one memory-mapped
 * 16550 marked as the primary console (docs/ia64-platform.md §7.1): it
 * gives Linux an early console from inside setup_arch().
 */
#include <string.h>

#include "ia64/fw/acpi.h"

int pcdp_build(struct fw_image *im, uint64_t pa, uint64_t uart_base, uint32_t baud,
	       uint32_t clock_hz)
{
	uint8_t *p = fw_ptr(im, pa, PCDP_SIZE), *u;

	if (!p)
		return -1;
	memset(p, 0, PCDP_SIZE);
	memcpy(p, "PCDP", 4);
	fw_put32(p + 4, PCDP_SIZE);
	p[8] = 3;			/* PCDP 2.0: no GetVariable("ConOut") */
	memcpy(p + 10, "IA64EM", 6);
	memcpy(p + 16, "EMU     ", 8);
	fw_put32(p + 36, 1);		/* num_uarts */
	u = p + 40;
	u[0] = 0;			/* PCDP_CONSOLE_UART */
	u[1] = 8;			/* data bits */
	u[2] = 1;			/* no parity */
	u[3] = 1;			/* stop bits */
	fw_put64(u + 8, baud);
	u[16] = 0;			/* GAS: system memory */
	u[17] = 8;
	u[18] = 0;
	u[19] = 1;
	fw_put64(u + 20, uart_base);
	fw_put32(u + 36, clock_hz);
	u[41] = PCDP_UART_PRIMARY;
	p[9] = fw_checksum(p, PCDP_SIZE, 9);
	return 0;
}
