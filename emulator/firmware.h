/* SPDX-License-Identifier: MIT */
/*
 * The machine's firmware: EFI, SAL and PAL implemented natively in the
 * emulator.  Guest-visible entry points are one-bundle stubs holding
 * `break.m <magic>` in the firmware pages; when such a break is executed
 * from inside a firmware page, firmware_break() performs the call and
 * the stub's own branch returns to the caller.  The physical layout below
 * is the memory map of docs/ia64-platform.md §3.4.
 */
#ifndef EMU_FIRMWARE_H
#define EMU_FIRMWARE_H

#include <stdbool.h>
#include <stdint.h>

#include "ia64/fw/efi.h"
#include "ia64/fw/sal.h"

struct cpu;
struct machine;

/* RuntimeServicesData (WB | RUNTIME): tables and the EFI/SAL stub page. */
#define FW_RT_BASE	0x00100000ULL
#define FW_RT_SIZE	0x00100000ULL
#define FW_SYSTAB_PA	0x00100000ULL
#define FW_RUNTIME_PA	0x00100100ULL
#define FW_CONFIG_PA	0x00100200ULL
#define FW_VENDOR_PA	0x00100300ULL
#define FW_FDESC_PA	0x00100400ULL	/* function descriptors {entry, gp} */
#define FW_SALST_PA	0x00100600ULL
#define FW_PCDP_PA	0x00100800ULL
#define FW_STUB_PA	0x00101000ULL	/* code: one bundle per entry point */
#define FW_STUB_SIZE	0x1000ULL
#define FW_SAL_GP	FW_RT_BASE
/* Initial register backing store of CPU n at entry (firmware-owned, so
 * nothing the RSE might spill there before the kernel switches stacks can
 * hit memory the kernel owns). */
#define FW_RSE_PA(n)	(FW_RT_BASE + 0x80000ULL + 0x800ULL * (uint64_t)(n))
/* ACPIReclaim (WB). */
#define FW_ACPI_PA	0x00200000ULL
#define FW_ACPI_SIZE	0x00010000ULL
/* PAL_CODE (WB): the PAL entry bundle and its stacked-return bundle. */
#define FW_PAL_PA	0x00210000ULL
#define FW_PAL_SIZE	0x00004000ULL
/* Legacy I/O port space (EFI MMIO_PORT_SPACE, UC): an open-bus window so
 * stray inb/outb neither hit RAM nor fault (§3.4). */
#define FW_IOPORT_PA	0x0ffc000000ULL
#define FW_IOPORT_SIZE	0x0004000000ULL

/* Loader data in conventional memory. */
#define FW_BOOT_PA	0x00214000ULL	/* ia64_boot_param */
#define FW_CMDLINE_PA	0x00214100ULL
#define FW_CMDLINE_MAX	0x00000f00ULL
#define FW_MEMMAP_PA	0x00215000ULL
#define FW_LOADER_END	0x00220000ULL	/* first byte the loader leaves free */

/* break.m immediates of the stubs: values Linux never uses (it uses 0,
 * 8 and 0x100000), and only honoured at addresses inside the firmware. */
#define FW_BREAK_BASE	0x0fa000u
#define FW_BREAK_EFI	(FW_BREAK_BASE + 0x000)	/* + enum efi_rt_service */
#define FW_BREAK_SAL	(FW_BREAK_BASE + 0x100)
#define FW_BREAK_PAL	(FW_BREAK_BASE + 0x200)
#define FW_BREAK_PARK	(FW_BREAK_BASE + 0x300)
#define FW_BREAK_END	(FW_BREAK_BASE + 0x400)

/* Stub addresses inside FW_STUB_PA. */
#define FW_STUB_EFI(i)	(FW_STUB_PA + 16 * (uint64_t)(i))
#define FW_STUB_SAL	(FW_STUB_PA + 0x100)
#define FW_STUB_PARK	(FW_STUB_PA + 0x200)
#define FW_PAL_ENTRY	FW_PAL_PA
#define FW_PAL_RET	(FW_PAL_PA + 16)

/* Per-call context handed to the EFI/SAL/PAL procedure tables. */
enum fw_action {
	FW_RETURN,		/* return to the caller */
	FW_IDLE,		/* return, then the CPU idles (PAL_HALT_LIGHT) */
	FW_PARK,		/* the CPU stops (PAL_HALT); it may be woken again */
	FW_STOP,		/* the machine stops (machine_stop was called) */
};
struct fw_call {
	struct machine *m;
	struct cpu *c;
	uint64_t idx;		/* procedure index / service number */
	uint64_t arg[8];	/* in0.. (EFI), in1.. (SAL), r29-r31 or in1-in3 (PAL) */
	uint64_t r[4];		/* r8-r11 */
	enum fw_action action;
};
typedef void (*fw_proc_fn)(struct fw_call *x);

/* Counters, per service/procedure. */
struct firmware {
	uint64_t efi_calls[EFI_RT_NR];
	uint64_t sal_calls[SAL_NR];
	uint64_t pal_calls[PAL_NR];
	uint64_t bad_calls;		/* unknown index */
	uint64_t rendez_ip, rendez_gp;	/* SAL_SET_VECTORS(BOOT_RENDEZ) */
	bool rendez_set;
	bool virtual_mode;		/* SetVirtualAddressMap succeeded */
};

/* Physical address of a pointer the guest passed to the firmware (or
 * UINT64_MAX): physical in physical mode; else through the CPU's TLB;
 * else region 7's identity mapping, which Linux installs lazily and so
 * may not be in the TLB yet. */
uint64_t fw_guest_pa(struct cpu *c, uint64_t va);

/* Write all tables, stubs and the memory map into the machine's RAM and
 * describe the result (memory map size) for the loader.  0 or -1 + err. */
int firmware_install(struct machine *m, char *err, size_t errlen);
int64_t firmware_memmap_size(const struct machine *m);

/* Encode a MIB bundle (stop at the end) from its three slot values. */
void fw_encode_mib(uint8_t out[16], uint64_t m, uint64_t i, uint64_t b);

/* Called for every Break Instruction fault: -1 when it is not a firmware
 * call (deliver it normally), else the executor result. */
int firmware_break(struct cpu *c, uint64_t imm);

/* Start a parked AP at the registered rendezvous entry (§8.5). */
void firmware_start_ap(struct machine *m, struct cpu *c);

/* The three procedure families (efi.c, sal.c, pal.c). */
void efi_call(struct fw_call *x);
void sal_call(struct fw_call *x);
void pal_call(struct fw_call *x);
/* Memory map of §3.4 for the machine (efi.c): fills d (up to max), returns n. */
unsigned efi_memory_map(const struct machine *m, struct efi_memdesc *d, unsigned max);
/* ACPI tables for the machine at FW_ACPI_PA (acpi.c). */
int acpi_install(struct machine *m, struct fw_image *im, uint64_t *rsdp);

#endif
