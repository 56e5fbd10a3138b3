/* SPDX-License-Identifier: MIT */
/*
 * ACPI tables for a hardware-reduced IA-64 machine (docs/ia64-platform.md
 * §6) and the PCDP console table (§7.1): layouts and builders
 * (common/fw/acpi_tables.c, common/fw/pcdp.c).
 */
#ifndef IA64_FW_ACPI_H
#define IA64_FW_ACPI_H

#include <stdint.h>
#include "ia64/fw/image.h"

#define ACPI_HDR_SIZE		36
#define ACPI_HDR_CHECKSUM	9
#define ACPI_RSDP_SIZE		36
#define ACPI_FADT_SIZE		276
#define ACPI_FADT_REVISION	6
#define ACPI_FADT_HW_REDUCED	(1u << 20)
#define ACPI_FADT_FLAGS		112
#define ACPI_FADT_X_DSDT	140
#define ACPI_FADT_SLEEP_CONTROL	244
#define ACPI_FADT_SLEEP_STATUS	256
#define ACPI_MADT_LSAPIC	7
#define ACPI_MADT_LSAPIC_SIZE	20	/* 16 + uid string "\0" padded to 4 */
#define ACPI_MADT_FIXED		44	/* header + local APIC address + flags */
#define ACPI_DSDT_UART_ADDR	0x4e	/* offset of the Memory32Fixed base in the AML */

struct acpi_machine {
	unsigned ncpus;			/* Local SAPIC id = n, eid = 0 */
	uint64_t pib_base;		/* MADT local_apic_address */
	uint64_t uart_base;		/* DSDT PNP0501 Memory32Fixed */
	uint64_t sleep_control;		/* FADT sleep registers (system memory) */
	uint64_t sleep_status;
};

/* Layout of the tables in [pa, pa + acpi_tables_size(m)): RSDP, XSDT,
 * FADT, MADT, DSDT, each 16-byte aligned.  Returns the RSDP address in
 * *rsdp.  -1 when it does not fit or an address does not fit its field. */
int acpi_build_tables(struct fw_image *im, uint64_t pa, const struct acpi_machine *m,
		      uint64_t *rsdp);
uint64_t acpi_tables_size(const struct acpi_machine *m);

/* PCDP (rev 3) with one primary-console 16550 in memory space. */
#define PCDP_SIZE		88
#define PCDP_UART_PRIMARY	0x04
int pcdp_build(struct fw_image *im, uint64_t pa, uint64_t uart_base, uint32_t baud,
	       uint32_t clock_hz);

#endif
