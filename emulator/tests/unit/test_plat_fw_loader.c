/* SPDX-License-Identifier: MIT */
/*
 * Loader tests (docs/ia64-platform.md §2): PT_LOADs land at p_paddr with
 * their bss zeroed, ia64_boot_param points at the command line, EFI
 * system table, memory map and initrd, CPU 0 enters at e_entry in
 * physical mode with r28 = &boot_param; malformed kernels, a missing
 * initrd and an oversized command line are refused with a message.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "test/harness.h"
#include "cpu.h"
#include "firmware.h"
#include "loader.h"
#include "machine.h"
#include "memspace.h"

#define KBASE	0x04000000ULL

struct seg { uint64_t vaddr, paddr, filesz, memsz; };

static void put(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* A minimal ELF64 IA-64 executable: header, phdrs, then each segment's
 * file bytes (filled with 0xA0 + segment number). */
static int write_elf(const char *path, uint64_t entry, const struct seg *s, unsigned n)
{
	static uint8_t buf[1 << 16];
	uint64_t off = 64 + 56ULL * n;
	FILE *f;

	memset(buf, 0, sizeof(buf));
	memcpy(buf, "\177ELF", 4);
	buf[4] = 2;		/* ELFCLASS64 */
	buf[5] = 1;		/* little endian */
	buf[6] = 1;
	put(buf + 16, 2, 2);	/* ET_EXEC */
	put(buf + 18, 50, 2);	/* EM_IA_64 */
	put(buf + 20, 1, 4);
	put(buf + 24, entry, 8);
	put(buf + 32, 64, 8);	/* e_phoff */
	put(buf + 52, 64, 2);
	put(buf + 54, 56, 2);
	put(buf + 56, n, 2);
	put(buf + 58, 64, 2);
	for (unsigned i = 0; i < n; i++) {
		uint8_t *ph = buf + 64 + 56 * i;

		put(ph, 1, 4);				/* PT_LOAD */
		put(ph + 4, 7, 4);
		put(ph + 8, off, 8);
		put(ph + 16, s[i].vaddr, 8);
		put(ph + 24, s[i].paddr, 8);
		put(ph + 32, s[i].filesz, 8);
		put(ph + 40, s[i].memsz, 8);
		put(ph + 48, 0x10000, 8);
		memset(buf + off, 0xa0 + i, s[i].filesz);
		off += s[i].filesz;
	}
	f = fopen(path, "wb");
	if (!f)
		return -1;
	fwrite(buf, 1, off, f);
	fclose(f);
	return 0;
}

static struct machine *new_machine(void)
{
	struct machine_opts o = { .ncpus = 1, .mem_mb = 256, .console_in = -1,
				  .console_out = -1 };
	char err[200];

	return machine_new(&o, err, sizeof(err));
}

static uint64_t rd(struct machine *m, uint64_t pa, unsigned size)
{
	uint64_t v = 0;

	phys_read(m->ms, pa, size, &v);
	return v;
}

static char kpath[64], ipath[64];

static void test_good(void)
{
	const struct seg s[2] = {
		{ 0xa000000100000000ULL, KBASE, 0x100, 0x100 },
		{ 0xa000000100010000ULL, KBASE + 0x10000, 0x20, 0x1000 },
	};
	struct machine *m = new_machine();
	struct loader_opts o = { kpath, ipath, "console=ttyS0 rdinit=/init" };
	struct loaded_kernel k;
	char err[256] = "";
	FILE *f = fopen(ipath, "wb");
	uint64_t bp = FW_BOOT_PA, initrd;
	struct cpu *c;

	TEST_BEGIN("vmlinux-shaped ELF + initrd: memory, boot_param, entry state");
	fputs("initrd-bytes", f);
	fclose(f);
	CHECK(m != NULL);
	CHECK_EQ(write_elf(kpath, KBASE + 0x40, s, 2), 0);
	/* dirty the bss first: the loader must zero it */
	phys_write(m->ms, KBASE + 0x10020, 8, &(uint64_t){ ~0ULL });
	CHECK_EQ(loader_load(m, &o, &k, err, sizeof(err)), 0);
	if (err[0])
		printf("loader: %s\n", err);
	CHECK_EQ(rd(m, KBASE, 1), 0xa0);
	CHECK_EQ(rd(m, KBASE + 0xff, 1), 0xa0);
	CHECK_EQ(rd(m, KBASE + 0x10000, 1), 0xa1);
	CHECK_EQ(rd(m, KBASE + 0x10020, 8), 0);			/* bss */
	CHECK_EQ(loader_virt_to_phys(&k, 0xa000000100010010ULL), KBASE + 0x10010);
	CHECK_EQ(loader_virt_to_phys(&k, 0xa000000100020000ULL), UINT64_MAX);

	CHECK_EQ(rd(m, bp + 8, 8), FW_SYSTAB_PA);
	CHECK_EQ(rd(m, bp + 16, 8), FW_MEMMAP_PA);
	CHECK_EQ(rd(m, bp + 24, 8), firmware_memmap_size(m));
	CHECK_EQ(rd(m, bp + 32, 8), 40);
	CHECK_EQ(rd(m, bp + 40, 4), 1);
	CHECK_EQ(rd(m, bp + 56, 8), 0);				/* no FPSWA */
	initrd = rd(m, bp + 64, 8);
	CHECK_EQ(rd(m, bp + 72, 8), 12);
	CHECK(initrd >= KBASE + 0x11000);			/* above the image */
	CHECK_EQ(initrd % 0x10000, 0);
	CHECK_EQ(rd(m, initrd, 8), 0x622d647274696e69ULL);	/* "initrd-b" */
	{
		char cmd[64] = "";

		memspace_copy_out(m->ms, rd(m, bp, 8), cmd, 27);
		CHECK(!strcmp(cmd, "console=ttyS0 rdinit=/init"));
	}
	c = m->cpu[0];
	CHECK_EQ(c->ip, KBASE + 0x40);
	CHECK_EQ(c->slot, 0);
	CHECK_EQ(gr_get(c, 28), bp);
	CHECK(!(c->psr & (PSR_IT | PSR_DT | PSR_RT | PSR_I | PSR_CPL)));
	CHECK(c->psr & PSR_IC);
	CHECK(c->psr & PSR_BN);
	CHECK_EQ(c->cfm, 0);
	CHECK_EQ(c->ar[AR_BSP], c->ar[AR_BSPSTORE]);
	CHECK(c->ar[AR_BSP] >= FW_RT_BASE && c->ar[AR_BSP] < FW_RT_BASE + FW_RT_SIZE);
	CHECK_EQ(c->cr[CR_LID], 0);
	CHECK_EQ(c->br[0], FW_STUB_PARK);
	loader_release(&k);
	machine_free(m);
	TEST_END();
}

static void expect_fail(const char *name, const struct seg *s, unsigned n, uint64_t entry,
			const char *initrd, const char *cmdline, const char *msg)
{
	struct machine *m = new_machine();
	struct loader_opts o = { kpath, initrd, cmdline };
	struct loaded_kernel k;
	char err[256] = "";

	TEST_BEGIN(name);
	CHECK_EQ(write_elf(kpath, entry, s, n), 0);
	CHECK(loader_load(m, &o, &k, err, sizeof(err)) != 0);
	CHECK(strstr(err, msg) != NULL);
	if (!strstr(err, msg))
		printf("  got: %s\n", err);
	machine_free(m);
	TEST_END();
}

int main(void)
{
	const struct seg one = { 0xa000000100000000ULL, KBASE, 0x100, 0x100 };
	const struct seg cross = { 0xa000000100000000ULL, KBASE + 0x3ff0000, 0x100, 0x20000 };
	const struct seg big = { 0xa000000100000000ULL, KBASE, 0x100, 0x50 };
	const struct seg high = { 0xa000000100000000ULL, 0x40000000ULL, 0x100, 0x100 };
	static char longcmd[8192];

	snprintf(kpath, sizeof(kpath), "/tmp/test_plat_fw_k.%d", (int)getpid());
	snprintf(ipath, sizeof(ipath), "/tmp/test_plat_fw_i.%d", (int)getpid());
	test_good();
	expect_fail("entry outside the image", &one, 1, 0x5000000, NULL, NULL,
		    "entry point 0x5000000");
	expect_fail("image crossing a 64 MB page", &cross, 1, KBASE + 0x3ff0000, NULL, NULL,
		    "64 MB");
	/* elf.c validates this one already */
	expect_fail("p_filesz > p_memsz", &big, 1, KBASE, NULL, NULL, "PT_LOAD segment out of range");
	expect_fail("segment beyond RAM", &high, 1, 0x40000000ULL, NULL, NULL, "outside the RAM");
	expect_fail("missing initrd", &one, 1, KBASE, "/nonexistent/initrd", NULL,
		    "/nonexistent/initrd");
	memset(longcmd, 'x', sizeof(longcmd) - 1);
	expect_fail("command line too long", &one, 1, KBASE, NULL, longcmd,
		    "command line too long");
	expect_fail("entry not bundle-aligned", &one, 1, KBASE + 4, NULL, NULL,
		    "bundle-aligned");
	unlink(kpath);
	unlink(ipath);
	return test_report();
}
