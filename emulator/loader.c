/* SPDX-License-Identifier: MIT */
/*
 * The boot loader of docs/ia64-platform.md §2: copies each vmlinux
 * PT_LOAD to p_paddr (the kernel is linked for physical 64 MB and pins
 * its whole image with one 64 MB translation, so the image must lie in
 * one 64 MB-aligned page), puts the initrd above it, writes the command
 * line and ia64_boot_param, and starts CPU 0 at e_entry in physical mode
 * with r28 = &boot_param, as elilo/GRUB do after ExitBootServices.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu.h"
#include "firmware.h"
#include "loader.h"
#include "machine.h"
#include "memspace.h"
#include "rse.h"
#include "tlb.h"

#define PT_LOAD		1
#define PHDR_SIZE	56
#define KERNEL_PAGE	(64ULL << 20)	/* KERNEL_TR_PAGE_SIZE */
#define INITRD_ALIGN	(64ULL << 10)

static int __attribute__((format(printf, 3, 4))) fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return -1;
}

static int zero_fill(struct memspace *ms, uint64_t pa, uint64_t len)
{
	static const uint8_t zero[4096];

	while (len) {
		uint64_t n = len < sizeof(zero) ? len : sizeof(zero);

		if (memspace_copy_in(ms, pa, zero, n))
			return -1;
		pa += n;
		len -= n;
	}
	return 0;
}

static int load_segments(struct machine *m, struct loaded_kernel *k, char *err, size_t n)
{
	const struct elf_file *ef = &k->elf;
	uint64_t lo = UINT64_MAX, hi = 0;

	for (unsigned i = 0; i < ef->phnum; i++) {
		const uint8_t *ph = ef->data + ef->phoff + (uint64_t)i * PHDR_SIZE;
		uint64_t off = fw_get64(ph + 8), va = fw_get64(ph + 16), pa = fw_get64(ph + 24);
		uint64_t filesz = fw_get64(ph + 32), memsz = fw_get64(ph + 40);

		if (fw_get32(ph) != PT_LOAD || !memsz)
			continue;
		if (pa < FW_LOADER_END || pa > m->ram_size || memsz > m->ram_size - pa)
			return fail(err, n, "PT_LOAD at physical 0x%llx lies outside the "
				    "RAM available to the kernel (try --mem)", (unsigned long long)pa);
		if (k->nseg == LOADER_MAX_SEGS)
			return fail(err, n, "too many PT_LOAD segments (%u)", ef->phnum);
		if (memspace_copy_in(m->ms, pa, ef->data + off, filesz) ||
		    zero_fill(m->ms, pa + filesz, memsz - filesz))
			return fail(err, n, "cannot write PT_LOAD at 0x%llx", (unsigned long long)pa);
		k->seg[k->nseg].vaddr = va;
		k->seg[k->nseg].paddr = pa;
		k->seg[k->nseg].memsz = memsz;
		k->nseg++;
		if (pa < lo)
			lo = pa;
		if (pa + memsz > hi)
			hi = pa + memsz;
	}
	if (!k->nseg)
		return fail(err, n, "no loadable segment");
	if ((lo & ~(KERNEL_PAGE - 1)) != ((hi - 1) & ~(KERNEL_PAGE - 1)))
		return fail(err, n, "the image does not fit one 64 MB-aligned 64 MB page "
			    "(it starts at 0x%llx)", (unsigned long long)lo);
	k->phys_end = hi;
	k->entry = ef->entry;
	for (unsigned i = 0; i < k->nseg; i++)
		if (k->entry >= k->seg[i].paddr && k->entry - k->seg[i].paddr < k->seg[i].memsz)
			return 0;
	return fail(err, n, "entry point 0x%llx is not a physical address inside the "
		    "image (not a Linux/ia64 vmlinux?)", (unsigned long long)k->entry);
}

static int load_initrd(struct machine *m, const char *path, struct loaded_kernel *k,
		       char *err, size_t n)
{
	FILE *f = fopen(path, "rb");
	uint64_t pa = (k->phys_end + INITRD_ALIGN - 1) & ~(INITRD_ALIGN - 1), size = 0;
	static uint8_t buf[1 << 16];
	size_t got;

	if (!f)
		return fail(err, n, "initrd %s: %s", path, strerror(errno));
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (pa + size + got > m->ram_size) {
			fclose(f);
			return fail(err, n, "initrd %s does not fit in RAM above the kernel "
				    "(try --mem; %llu MB now)", path,
				    (unsigned long long)(m->ram_size >> 20));
		}
		if (memspace_copy_in(m->ms, pa + size, buf, got)) {
			fclose(f);
			return fail(err, n, "initrd %s: cannot write it to RAM", path);
		}
		size += got;
	}
	if (ferror(f)) {
		fclose(f);
		return fail(err, n, "initrd %s: read error", path);
	}
	fclose(f);
	k->initrd_pa = pa;
	k->initrd_size = size;
	return 0;
}

/* BSP entry state (§2.2): physical mode, CPL 0, ic = 1, i = 0, bn = 1,
 * empty register stack in RAM, r28 = &boot_param, b0 = firmware. */
static void enter(struct cpu *c, uint64_t entry)
{
	rse_reset(c, FW_RSE_PA(c->id));
	/* rse_reset: CFM = 0, ar.rsc = 0 (enforced lazy) */
	c->psr = PSR_IC;
	cpu_bank_switch(c, 1);
	gr_set(c, 28, FW_BOOT_PA, false);
	c->br[0] = FW_STUB_PARK;	/* a return from the kernel parks the CPU */
	c->ip = entry;
	c->slot = 0;
}

int loader_load(struct machine *m, const struct loader_opts *o, struct loaded_kernel *k,
		char *err, size_t n)
{
	const char *cmd = o->cmdline ? o->cmdline : "";
	size_t clen = strlen(cmd) + 1;
	uint8_t bp[BOOT_PARAM_SIZE];
	struct fw_image im = { .buf = bp, .base = FW_BOOT_PA, .size = sizeof(bp) };
	char e[200];

	memset(k, 0, sizeof(*k));
	if (elf_open(o->kernel, &k->elf, e, sizeof(e)))
		return fail(err, n, "%s", e);	/* elf_open names the file */
	if (load_segments(m, k, e, sizeof(e))) {
		snprintf(err, n, "%s: %s", o->kernel, e);
		goto bad;
	}
	if (k->entry & 15) {
		snprintf(err, n, "%s: entry point 0x%llx is not bundle-aligned", o->kernel,
			 (unsigned long long)k->entry);
		goto bad;
	}
	if (o->initrd && load_initrd(m, o->initrd, k, err, n))
		goto bad;
	if (clen > FW_CMDLINE_MAX) {
		snprintf(err, n, "command line too long (%zu bytes, at most %llu)", clen - 1,
			 (unsigned long long)FW_CMDLINE_MAX - 1);
		goto bad;
	}
	if (memspace_copy_in(m->ms, FW_CMDLINE_PA, cmd, clen) ||
	    efi_build_boot_param(&im, FW_BOOT_PA, FW_CMDLINE_PA, FW_SYSTAB_PA, FW_MEMMAP_PA,
				 (uint64_t)firmware_memmap_size(m), k->initrd_pa,
				 k->initrd_size) ||
	    memspace_copy_in(m->ms, FW_BOOT_PA, bp, sizeof(bp))) {
		snprintf(err, n, "cannot write the boot parameters");
		goto bad;
	}
	enter(m->cpu[0], k->entry);
	return 0;
bad:
	loader_release(k);
	return -1;
}

void loader_release(struct loaded_kernel *k)
{
	if (k->elf.data)
		elf_close(&k->elf);
	memset(k, 0, sizeof(*k));
}

uint64_t loader_virt_to_phys(const struct loaded_kernel *k, uint64_t va)
{
	for (unsigned i = 0; i < k->nseg; i++)
		if (va >= k->seg[i].vaddr && va - k->seg[i].vaddr < k->seg[i].memsz)
			return k->seg[i].paddr + (va - k->seg[i].vaddr);
	return UINT64_MAX;
}
