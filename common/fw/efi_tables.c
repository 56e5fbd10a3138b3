/* SPDX-License-Identifier: MIT */
/*
 * Builders for the EFI structures Linux/ia64 reads at boot: system table,
 * configuration table array, runtime services table, memory map and the
 * ia64_boot_param block (docs/ia64-platform.md §2.3, §3).
 */
#include <string.h>

#include "ia64/fw/efi.h"

int efi_build_runtime(struct fw_image *im, uint64_t rt_pa, const uint64_t descs[EFI_RT_NR])
{
	uint8_t *p = fw_ptr(im, rt_pa, EFI_RT_SIZE);

	if (!p)
		return -1;
	memset(p, 0, EFI_RT_SIZE);
	fw_put64(p, EFI_RT_SIGNATURE);
	fw_put32(p + 8, EFI_SYSTAB_REVISION);
	fw_put32(p + 12, EFI_RT_SIZE);
	for (unsigned i = 0; i < EFI_RT_NR; i++)
		fw_put64(p + EFI_RT_FIRST_OFF + 8 * i, descs[i]);
	return 0;
}

static void put_guid(uint8_t *p, const struct efi_guid *g)
{
	/* Mixed endian: u32, u16, u16 little endian, then 8 bytes in order. */
	fw_put32(p, g->a);
	fw_put16(p + 4, g->b);
	fw_put16(p + 6, g->c);
	memcpy(p + 8, g->d, 8);
}

int efi_build_systab(struct fw_image *im, uint64_t st_pa, uint64_t rt_pa,
		     uint64_t vendor_pa, const char *vendor, uint32_t fw_revision,
		     uint64_t tables_pa, const struct efi_config_table *t, unsigned nt)
{
	size_t vlen = strlen(vendor) + 1;
	uint8_t *st = fw_ptr(im, st_pa, EFI_SYSTAB_SIZE);
	uint8_t *v = fw_ptr(im, vendor_pa, 2 * vlen);
	uint8_t *tab = fw_ptr(im, tables_pa, (uint64_t)EFI_CONFIG_ENTRY_SIZE * nt);

	if (!st || !v || (nt && !tab))
		return -1;
	for (size_t i = 0; i < vlen; i++)
		fw_put16(v + 2 * i, (uint8_t)vendor[i]);
	for (unsigned i = 0; i < nt; i++) {
		put_guid(tab + EFI_CONFIG_ENTRY_SIZE * i, &t[i].guid);
		fw_put64(tab + EFI_CONFIG_ENTRY_SIZE * i + 16, t[i].table);
	}
	memset(st, 0, EFI_SYSTAB_SIZE);
	fw_put64(st, EFI_SYSTAB_SIGNATURE);
	fw_put32(st + 8, EFI_SYSTAB_REVISION);
	fw_put32(st + 12, EFI_SYSTAB_SIZE);
	fw_put64(st + EFI_ST_FW_VENDOR, vendor_pa);
	fw_put32(st + EFI_ST_FW_REVISION, fw_revision);
	fw_put64(st + EFI_ST_RUNTIME, rt_pa);
	fw_put64(st + EFI_ST_NR_TABLES, nt);
	fw_put64(st + EFI_ST_TABLES, tables_pa);
	return 0;
}

int64_t efi_build_memmap(struct fw_image *im, uint64_t pa, const struct efi_memdesc *d,
			 unsigned n)
{
	uint8_t *p = fw_ptr(im, pa, (uint64_t)EFI_MEMDESC_SIZE * n);

	if (!p)
		return -1;
	memset(p, 0, (size_t)EFI_MEMDESC_SIZE * n);
	for (unsigned i = 0; i < n; i++, p += EFI_MEMDESC_SIZE) {
		fw_put32(p, d[i].type);
		fw_put64(p + 8, d[i].phys);
		fw_put64(p + 16, 0);		/* virt_addr: the kernel fills it */
		fw_put64(p + 24, d[i].pages);
		fw_put64(p + 32, d[i].attr);
	}
	return (int64_t)EFI_MEMDESC_SIZE * n;
}

int efi_build_boot_param(struct fw_image *im, uint64_t pa, uint64_t cmdline, uint64_t systab,
			 uint64_t memmap, uint64_t memmap_size, uint64_t initrd,
			 uint64_t initrd_size)
{
	uint8_t *p = fw_ptr(im, pa, BOOT_PARAM_SIZE);

	if (!p)
		return -1;
	memset(p, 0, BOOT_PARAM_SIZE);
	fw_put64(p + BP_COMMAND_LINE, cmdline);
	fw_put64(p + BP_EFI_SYSTAB, systab);
	fw_put64(p + BP_EFI_MEMMAP, memmap);
	fw_put64(p + BP_EFI_MEMMAP_SIZE, memmap_size);
	fw_put64(p + BP_EFI_MEMDESC_SIZE, EFI_MEMDESC_SIZE);
	fw_put32(p + BP_EFI_MEMDESC_VERSION, EFI_MEMDESC_VERSION);
	/* console_info all zero: "guessing 80x25", harmless on a serial box. */
	fw_put64(p + BP_FPSWA, 0);
	fw_put64(p + BP_INITRD_START, initrd);
	fw_put64(p + BP_INITRD_SIZE, initrd_size);
	return 0;
}
