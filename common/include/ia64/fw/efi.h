/* SPDX-License-Identifier: MIT */
/*
 * EFI as Linux/ia64 consumes it (docs/ia64-platform.md §2.3, §3): system
 * table, runtime services table, configuration tables, memory descriptors
 * and the ia64_boot_param hand-over block.  Layout constants only, plus
 * the builders in common/fw/efi_tables.c.
 */
#ifndef IA64_FW_EFI_H
#define IA64_FW_EFI_H

#include <stdint.h>
#include "ia64/fw/image.h"

/* EFI System Table (64-bit). */
#define EFI_SYSTAB_SIGNATURE	0x5453595320494249ULL	/* "IBI SYST" */
#define EFI_SYSTAB_REVISION	((1u << 16) | 10)	/* 1.10 */
#define EFI_SYSTAB_SIZE		120
#define EFI_ST_FW_VENDOR	24
#define EFI_ST_FW_REVISION	32
#define EFI_ST_RUNTIME		88
#define EFI_ST_NR_TABLES	104
#define EFI_ST_TABLES		112

/* Configuration table entry: GUID (16 bytes) + u64 pointer. */
#define EFI_CONFIG_ENTRY_SIZE	24

/* Runtime services: 24-byte header, then function-descriptor pointers. */
#define EFI_RT_SIGNATURE	0x56524553544e5552ULL	/* "RUNTSERV" */
enum efi_rt_service {
	EFI_RT_GET_TIME, EFI_RT_SET_TIME, EFI_RT_GET_WAKEUP_TIME, EFI_RT_SET_WAKEUP_TIME,
	EFI_RT_SET_VIRTUAL_ADDRESS_MAP, EFI_RT_CONVERT_POINTER, EFI_RT_GET_VARIABLE,
	EFI_RT_GET_NEXT_VARIABLE, EFI_RT_SET_VARIABLE, EFI_RT_GET_NEXT_HIGH_MONO_COUNT,
	EFI_RT_RESET_SYSTEM, EFI_RT_UPDATE_CAPSULE, EFI_RT_QUERY_CAPSULE_CAPS,
	EFI_RT_QUERY_VARIABLE_INFO,
	EFI_RT_NR
};
#define EFI_RT_FIRST_OFF	24
#define EFI_RT_SIZE		(EFI_RT_FIRST_OFF + 8 * EFI_RT_NR)

/* Status codes (high bit set = error). */
#define EFI_SUCCESS		0ULL
#define EFI_INVALID_PARAMETER	(0x8000000000000000ULL | 2)
#define EFI_UNSUPPORTED		(0x8000000000000000ULL | 3)

/* efi_time_t (16 bytes). */
#define EFI_TIME_SIZE		16

/* ResetSystem types. */
#define EFI_RESET_COLD		0
#define EFI_RESET_WARM		1
#define EFI_RESET_SHUTDOWN	2

/* Memory descriptors, version 1. */
#define EFI_MEMDESC_SIZE	40
#define EFI_MEMDESC_VERSION	1
enum efi_mem_type {
	EFI_RESERVED_TYPE, EFI_LOADER_CODE, EFI_LOADER_DATA, EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA, EFI_RUNTIME_SERVICES_CODE, EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY, EFI_UNUSABLE_MEMORY, EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS, EFI_MEMORY_MAPPED_IO, EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE
};
#define EFI_MEMORY_UC		0x1ULL
#define EFI_MEMORY_WB		0x8ULL
#define EFI_MEMORY_RUNTIME	(1ULL << 63)
#define EFI_PAGE_SHIFT		12

struct efi_memdesc {
	uint32_t type;
	uint64_t phys, pages, attr;
};

struct efi_guid {
	uint32_t a;
	uint16_t b, c;
	uint8_t d[8];
};
#define EFI_GUID_SAL	{ 0xeb9d2d32, 0x2d88, 0x11d3, { 0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d } }
#define EFI_GUID_ACPI20	{ 0x8868e871, 0xe4f1, 0x11d3, { 0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81 } }
#define EFI_GUID_HCDP	{ 0xf951938d, 0x620b, 0x42ef, { 0x82, 0x79, 0xa8, 0x4b, 0x79, 0x61, 0x78, 0x98 } }

struct efi_config_table {
	struct efi_guid guid;
	uint64_t table;
};

/* ia64_boot_param (80 bytes). */
#define BOOT_PARAM_SIZE		80
#define BP_COMMAND_LINE		0
#define BP_EFI_SYSTAB		8
#define BP_EFI_MEMMAP		16
#define BP_EFI_MEMMAP_SIZE	24
#define BP_EFI_MEMDESC_SIZE	32
#define BP_EFI_MEMDESC_VERSION	40
#define BP_CONSOLE_INFO		44
#define BP_FPSWA		56
#define BP_INITRD_START		64
#define BP_INITRD_SIZE		72

/*
 * Builders: each returns 0, or -1 when the table does not fit the image
 * window.  Addresses are guest physical.
 */
/* Runtime table at rt_pa; descs[i] = physical address of the function
 * descriptor for service i (0 = none). */
int efi_build_runtime(struct fw_image *im, uint64_t rt_pa, const uint64_t descs[EFI_RT_NR]);
/* System table at st_pa with the vendor string (ASCII, stored as UCS-2 at
 * vendor_pa) and the configuration tables stored at tables_pa. */
int efi_build_systab(struct fw_image *im, uint64_t st_pa, uint64_t rt_pa,
		     uint64_t vendor_pa, const char *vendor, uint32_t fw_revision,
		     uint64_t tables_pa, const struct efi_config_table *t, unsigned nt);
/* Memory map: n descriptors at pa; returns the byte size or -1. */
int64_t efi_build_memmap(struct fw_image *im, uint64_t pa, const struct efi_memdesc *d,
			 unsigned n);
/* Boot parameter block at pa. */
int efi_build_boot_param(struct fw_image *im, uint64_t pa, uint64_t cmdline, uint64_t systab,
			 uint64_t memmap, uint64_t memmap_size, uint64_t initrd,
			 uint64_t initrd_size);

#endif
