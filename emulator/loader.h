/* SPDX-License-Identifier: MIT */
/*
 * Loading Linux/ia64 onto the machine (docs/ia64-platform.md §2): the
 * vmlinux PT_LOADs at their physical addresses, the initrd, the command
 * line and ia64_boot_param, and the BSP's entry state.
 */
#ifndef EMU_LOADER_H
#define EMU_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include "elf.h"

struct machine;

struct loader_opts {
	const char *kernel;	/* vmlinux (ELF64, IA-64, physical entry) */
	const char *initrd;	/* NULL: none */
	const char *cmdline;	/* NULL: empty */
};

#define LOADER_MAX_SEGS	16

/* What was loaded, kept for symbol lookups and the fatal-stop dump. */
struct loaded_kernel {
	struct elf_file elf;
	unsigned nseg;
	struct { uint64_t vaddr, paddr, memsz; } seg[LOADER_MAX_SEGS];
	uint64_t entry, phys_end;
	uint64_t initrd_pa, initrd_size;
};

/* Load and prepare CPU 0 to enter the kernel.  0, or -1 with err. */
int loader_load(struct machine *m, const struct loader_opts *o, struct loaded_kernel *k,
		char *err, size_t errlen);
void loader_release(struct loaded_kernel *k);

/* Physical address of a kernel link-time virtual address (via the
 * PT_LOAD that contains it), or UINT64_MAX. */
uint64_t loader_virt_to_phys(const struct loaded_kernel *k, uint64_t va);

/* `ia64emu boot` (boot.c): options, boot, run, report; the exit status. */
int boot_main(int argc, char **argv);

#endif
