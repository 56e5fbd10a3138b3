/* SPDX-License-Identifier: MIT */
/*
 * EFI runtime services and the EFI memory map (docs/ia64-platform.md §3).
 *
 * SetVirtualAddressMap is accepted: Linux 6.1 disables every runtime
 * service when it fails (efisubsys_init clears runtime_supported_mask),
 * and then reboot and panic=N never reach ResetSystem.  Later calls come
 * in virtual mode with virtual pointers, which fw_guest_pa() resolves.
 */
#include <stdio.h>
#include <time.h>

#include "ar.h"
#include "cpu.h"
#include "firmware.h"
#include "machine.h"
#include "memspace.h"
#include "platform.h"

typedef void (*efi_fn)(struct fw_call *x);

/* GetTime(efi_time_t *tm, efi_time_cap_t *tc): host UTC, or with a fixed
 * epoch the epoch plus the boot CPU's ITC time, so runs repeat exactly. */
static void efi_get_time(struct fw_call *x)
{
	uint8_t tm[EFI_TIME_SIZE] = { 0 };
	struct timespec ts;
	struct tm t;

	if (!x->arg[0]) {
		x->r[0] = EFI_INVALID_PARAMETER;
		return;
	}
	if (x->m->rtc_fixed) {
		uint64_t itc = cpu_itc_read(x->m->cpu[0]);

		ts.tv_sec = (time_t)(x->m->rtc_epoch + (int64_t)(itc / PLAT_ITC_HZ));
		ts.tv_nsec = (long)((itc % PLAT_ITC_HZ) * (1000000000ULL / PLAT_ITC_HZ));
	} else {
		clock_gettime(CLOCK_REALTIME, &ts);
	}
	gmtime_r(&ts.tv_sec, &t);
	fw_put16(tm, (uint16_t)(t.tm_year + 1900));
	tm[2] = (uint8_t)(t.tm_mon + 1);
	tm[3] = (uint8_t)t.tm_mday;
	tm[4] = (uint8_t)t.tm_hour;
	tm[5] = (uint8_t)t.tm_min;
	tm[6] = (uint8_t)t.tm_sec;
	fw_put32(tm + 8, (uint32_t)ts.tv_nsec);
	fw_put16(tm + 12, 0x07ff);	/* EFI_UNSPECIFIED_TIMEZONE */
	if (memspace_copy_in(x->m->ms, fw_guest_pa(x->c, x->arg[0]), tm, sizeof(tm))) {
		x->r[0] = EFI_INVALID_PARAMETER;
		return;
	}
	if (x->arg[1]) {
		/* efi_time_cap_t: u32 resolution (Hz), u32 accuracy (ppm*1e6), u8 sets_to_zero */
		uint8_t cap[12] = { 0 };

		fw_put32(cap, 1);
		fw_put32(cap + 4, 50000000);
		if (memspace_copy_in(x->m->ms, fw_guest_pa(x->c, x->arg[1]), cap, sizeof(cap))) {
			x->r[0] = EFI_INVALID_PARAMETER;
			return;
		}
	}
	x->r[0] = EFI_SUCCESS;
}

/* ResetSystem(type, status, size, data): leaves the emulator. */
static void efi_reset_system(struct fw_call *x)
{
	if (x->arg[0] == EFI_RESET_SHUTDOWN)
		machine_stop(x->m, MSTOP_POWER_OFF, 0, "EFI ResetSystem(shutdown)");
	else
		machine_stop(x->m, MSTOP_RESET, (int)(x->arg[1] & 0xff),
			     "EFI ResetSystem(%s, status 0x%llx)",
			     x->arg[0] == EFI_RESET_WARM ? "warm" : "cold",
			     (unsigned long long)x->arg[1]);
	x->action = FW_STOP;
	x->r[0] = EFI_SUCCESS;
}

/*
 * SetVirtualAddressMap(map size, descriptor size, version, map): called
 * once, in physical mode, with the kernel's virt_addr filled in.  Moves
 * the function descriptors (entry and gp) to the virtual address of the
 * runtime area; the runtime table keeps physical descriptor pointers,
 * which the kernel converts itself.
 */
static void efi_set_virtual_address_map(struct fw_call *x)
{
	struct firmware *fw = x->m->fw;
	uint64_t size = x->arg[0], dsize = x->arg[1], map = x->arg[3], virt = 0;

	if (fw->virtual_mode) {
		x->r[0] = EFI_UNSUPPORTED;
		return;
	}
	if (dsize < EFI_MEMDESC_SIZE || x->arg[2] != EFI_MEMDESC_VERSION || size % dsize ||
	    size / dsize > 1024) {
		x->r[0] = EFI_INVALID_PARAMETER;
		return;
	}
	for (uint64_t off = 0; off < size; off += dsize) {
		uint8_t d[EFI_MEMDESC_SIZE];
		uint64_t phys, pages;

		if (memspace_copy_out(x->m->ms, fw_guest_pa(x->c, map + off), d, sizeof(d))) {
			x->r[0] = EFI_INVALID_PARAMETER;
			return;
		}
		phys = fw_get64(d + 8);
		pages = fw_get64(d + 24);
		if ((fw_get64(d + 32) & EFI_MEMORY_RUNTIME) && phys <= FW_RT_BASE &&
		    FW_RT_BASE - phys < pages << EFI_PAGE_SHIFT)
			virt = fw_get64(d + 16) + (FW_RT_BASE - phys);
	}
	if (!virt) {
		x->r[0] = EFI_INVALID_PARAMETER;
		return;
	}
	for (unsigned i = 0; i < EFI_RT_NR; i++) {
		uint8_t fd[16];

		fw_put64(fd, virt + (FW_STUB_EFI(i) - FW_RT_BASE));
		fw_put64(fd + 8, virt + (FW_SAL_GP - FW_RT_BASE));
		memspace_copy_in(x->m->ms, FW_FDESC_PA + 16 * i, fd, sizeof(fd));
	}
	fw->virtual_mode = true;
	x->r[0] = EFI_SUCCESS;
}

static void efi_unsupported(struct fw_call *x)
{
	x->r[0] = EFI_UNSUPPORTED;
}

static const efi_fn efi_services[EFI_RT_NR] = {
	[EFI_RT_GET_TIME] = efi_get_time,
	[EFI_RT_RESET_SYSTEM] = efi_reset_system,
	[EFI_RT_SET_VIRTUAL_ADDRESS_MAP] = efi_set_virtual_address_map,
};

void efi_call(struct fw_call *x)
{
	efi_fn fn = x->idx < EFI_RT_NR ? efi_services[x->idx] : NULL;

	if (x->idx < EFI_RT_NR)
		x->m->fw->efi_calls[x->idx]++;
	else
		x->m->fw->bad_calls++;
	(fn ? fn : efi_unsupported)(x);
}

/*
 * The map of §3.4: one WB run from 0 to the end of RAM (a multiple of the
 * 16 MB granule, so the kernel trims nothing), split by use.
 */
unsigned efi_memory_map(const struct machine *m, struct efi_memdesc *d, unsigned max)
{
	const struct { uint32_t type; uint64_t start, end, attr; } r[] = {
		{ EFI_CONVENTIONAL_MEMORY, 0, FW_RT_BASE, EFI_MEMORY_WB },
		{ EFI_RUNTIME_SERVICES_DATA, FW_RT_BASE, FW_RT_BASE + FW_RT_SIZE,
		  EFI_MEMORY_WB | EFI_MEMORY_RUNTIME },
		{ EFI_ACPI_RECLAIM_MEMORY, FW_ACPI_PA, FW_ACPI_PA + FW_ACPI_SIZE, EFI_MEMORY_WB },
		{ EFI_PAL_CODE, FW_PAL_PA, FW_PAL_PA + FW_PAL_SIZE, EFI_MEMORY_WB },
		{ EFI_CONVENTIONAL_MEMORY, FW_PAL_PA + FW_PAL_SIZE, m->ram_size, EFI_MEMORY_WB },
		{ EFI_MEMORY_MAPPED_IO_PORT_SPACE, FW_IOPORT_PA, FW_IOPORT_PA + FW_IOPORT_SIZE,
		  EFI_MEMORY_UC },
	};
	unsigned n = 0;

	for (unsigned i = 0; i < sizeof(r) / sizeof(r[0]) && n < max; i++) {
		if (r[i].end <= r[i].start)
			continue;
		d[n].type = r[i].type;
		d[n].phys = r[i].start;
		d[n].pages = (r[i].end - r[i].start) >> EFI_PAGE_SHIFT;
		d[n].attr = r[i].attr;
		n++;
	}
	return n;
}
