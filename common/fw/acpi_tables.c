/* SPDX-License-Identifier: MIT */
/*
 * Builders for the ACPI tables of a hardware-reduced IA-64 machine
 * (docs/ia64-platform.md §6): RSDP -> XSDT -> {FADT -> DSDT, MADT}.
 * Every checksum is computed here; ACPICA rejects tables without them.
 */
#include <string.h>

#include "ia64/fw/acpi.h"

/*
 * DSDT: one PNP0501 UART with a Memory32Fixed window and \_S5 = {5, 5}.
 * AML compiled by iasl from the ASL in docs/ia64-platform.md §6.5; the
 * UART base (offset ACPI_DSDT_UART_ADDR) and the checksum are patched.
 */
static const uint8_t dsdt_aml[] = {
	0x44, 0x53, 0x44, 0x54, 0x66, 0x00, 0x00, 0x00, 0x02, 0x8d, 0x49, 0x41, 0x36, 0x34,
	0x45, 0x4d, 0x45, 0x4d, 0x55, 0x44, 0x53, 0x44, 0x54, 0x20, 0x01, 0x00, 0x00, 0x00,
	0x49, 0x4e, 0x54, 0x4c, 0x25, 0x09, 0x20, 0x20, 0x10, 0x33, 0x5f, 0x53, 0x42, 0x5f,
	0x5b, 0x82, 0x2c, 0x43, 0x4f, 0x4d, 0x30, 0x08, 0x5f, 0x48, 0x49, 0x44, 0x0c, 0x41,
	0xd0, 0x05, 0x01, 0x08, 0x5f, 0x55, 0x49, 0x44, 0x00, 0x08, 0x5f, 0x43, 0x52, 0x53,
	0x11, 0x11, 0x0a, 0x0e, 0x86, 0x09, 0x00, 0x01, 0x00, 0x00, 0x00, 0xf8, 0x00, 0x10,
	0x00, 0x00, 0x79, 0x00, 0x08, 0x5f, 0x53, 0x35, 0x5f, 0x12, 0x08, 0x04, 0x0a, 0x05,
	0x0a, 0x05, 0x00, 0x00,
};

#define ALIGN16(x)	(((x) + 15) & ~15ULL)
#define XSDT_SIZE	(ACPI_HDR_SIZE + 2 * 8)

static uint64_t madt_size(const struct acpi_machine *m)
{
	return ACPI_MADT_FIXED + (uint64_t)ACPI_MADT_LSAPIC_SIZE * m->ncpus;
}

uint64_t acpi_tables_size(const struct acpi_machine *m)
{
	return ALIGN16(ACPI_RSDP_SIZE) + ALIGN16(XSDT_SIZE) + ALIGN16(ACPI_FADT_SIZE) +
	       ALIGN16(madt_size(m)) + ALIGN16(sizeof(dsdt_aml));
}

static void header(uint8_t *p, const char *sig, uint32_t len, uint8_t rev)
{
	memset(p, 0, len);
	memcpy(p, sig, 4);
	fw_put32(p + 4, len);
	p[8] = rev;
	memcpy(p + 10, "IA64EM", 6);
	memcpy(p + 16, "EMU     ", 8);
	fw_put32(p + 24, 1);
	memcpy(p + 28, "PVIA", 4);
	fw_put32(p + 32, 1);
}

static void seal(uint8_t *p, uint32_t len)
{
	p[ACPI_HDR_CHECKSUM] = fw_checksum(p, len, ACPI_HDR_CHECKSUM);
}

/* Generic Address Structure: one byte in system memory. */
static void gas_byte(uint8_t *p, uint64_t addr)
{
	p[0] = 0;	/* system memory */
	p[1] = 8;	/* bit width */
	p[2] = 0;
	p[3] = 1;	/* byte access */
	fw_put64(p + 4, addr);
}

int acpi_build_tables(struct fw_image *im, uint64_t pa, const struct acpi_machine *m,
		      uint64_t *rsdp_pa)
{
	uint64_t xsdt_pa = pa + ALIGN16(ACPI_RSDP_SIZE);
	uint64_t fadt_pa = xsdt_pa + ALIGN16(XSDT_SIZE);
	uint64_t madt_pa = fadt_pa + ALIGN16(ACPI_FADT_SIZE);
	uint64_t dsdt_pa = madt_pa + ALIGN16(madt_size(m));
	uint8_t *rsdp = fw_ptr(im, pa, acpi_tables_size(m));
	uint8_t *p;

	if (!rsdp || m->ncpus == 0 || m->ncpus > 256 || m->pib_base > UINT32_MAX ||
	    m->uart_base > UINT32_MAX)
		return -1;

	memset(rsdp, 0, ACPI_RSDP_SIZE);
	memcpy(rsdp, "RSD PTR ", 8);
	memcpy(rsdp + 9, "IA64EM", 6);
	rsdp[15] = 2;
	fw_put32(rsdp + 20, ACPI_RSDP_SIZE);
	fw_put64(rsdp + 24, xsdt_pa);
	rsdp[8] = fw_checksum(rsdp, 20, 8);
	rsdp[32] = fw_checksum(rsdp, ACPI_RSDP_SIZE, 32);

	p = fw_ptr(im, xsdt_pa, XSDT_SIZE);
	header(p, "XSDT", XSDT_SIZE, 1);
	fw_put64(p + ACPI_HDR_SIZE, fadt_pa);
	fw_put64(p + ACPI_HDR_SIZE + 8, madt_pa);
	seal(p, XSDT_SIZE);

	p = fw_ptr(im, fadt_pa, ACPI_FADT_SIZE);
	header(p, "FACP", ACPI_FADT_SIZE, ACPI_FADT_REVISION);
	fw_put32(p + ACPI_FADT_FLAGS, ACPI_FADT_HW_REDUCED);
	p[131] = 0;	/* minor revision: ACPI 6.0 */
	fw_put64(p + ACPI_FADT_X_DSDT, dsdt_pa);
	gas_byte(p + ACPI_FADT_SLEEP_CONTROL, m->sleep_control);
	gas_byte(p + ACPI_FADT_SLEEP_STATUS, m->sleep_status);
	seal(p, ACPI_FADT_SIZE);

	p = fw_ptr(im, madt_pa, madt_size(m));
	header(p, "APIC", (uint32_t)madt_size(m), 2);
	fw_put32(p + 36, (uint32_t)m->pib_base);
	fw_put32(p + 40, 0);	/* no PCAT_COMPAT: no 8259 to mask */
	for (unsigned i = 0; i < m->ncpus; i++) {
		uint8_t *e = p + ACPI_MADT_FIXED + ACPI_MADT_LSAPIC_SIZE * i;

		e[0] = ACPI_MADT_LSAPIC;
		e[1] = ACPI_MADT_LSAPIC_SIZE;
		e[2] = (uint8_t)i;	/* ACPI processor id */
		e[3] = (uint8_t)i;	/* id: cr.lid{31:24} */
		e[4] = 0;		/* eid */
		fw_put32(e + 8, 1);	/* enabled */
		fw_put32(e + 12, i);	/* uid; uid_string empty */
	}
	seal(p, (uint32_t)madt_size(m));

	p = fw_ptr(im, dsdt_pa, sizeof(dsdt_aml));
	memcpy(p, dsdt_aml, sizeof(dsdt_aml));
	fw_put32(p + ACPI_DSDT_UART_ADDR, (uint32_t)m->uart_base);
	seal(p, sizeof(dsdt_aml));

	*rsdp_pa = pa;
	return 0;
}
