/* SPDX-License-Identifier: MIT */
/*
 * Memory tests: sparse flat spaces (mapping, protection, unmapped
 * accesses raising the architected faults, little-endian layout), MMIO
 * regions, and decoded-code invalidation by stores and code_invalidate.
 */
#include <string.h>

#include "bundle.h"
#include "cpu.h"
#include "dcache.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "memspace.h"
#include "run.h"
#include "test/harness.h"

static struct fault last;
static int nfaults;

static int hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	last = *f;
	nfaults++;
	return X_FAULT;
}

static struct cpu *setup(void)
{
	struct memspace *ms = memspace_new(true);
	struct cpu *c = cpu_new(ms, 0);

	c->fault_hook = hook;
	nfaults = 0;
	return c;
}

static void teardown(struct cpu *c)
{
	memspace_free(c->mem);
	cpu_free(c);
}

static void basic(void)
{
	struct cpu *c = setup();
	uint64_t v = 0;
	uint8_t b[4];

	TEST_BEGIN("mem: sparse pages, little endian, zero fill");
	CHECK_EQ(memspace_map(c->mem, 0x6000000000000000ULL, 1 << 20, MS_R | MS_W), 0);
	CHECK_EQ(mem_read_u(c, 0x6000000000080000ULL, 8, ACC_R, &v), X_NEXT);
	CHECK_EQ(v, 0);
	CHECK_EQ(mem_write_u(c, 0x6000000000000010ULL, 8, ACC_W, 0x1122334455667788ULL), X_NEXT);
	CHECK_EQ(mem_read(c, 0x6000000000000010ULL, 4, ACC_R, b), X_NEXT);
	CHECK_EQ(b[0], 0x88);
	CHECK_EQ(b[3], 0x55);
	CHECK_EQ(mem_read_u(c, 0x6000000000000014ULL, 2, ACC_R, &v), X_NEXT);
	CHECK_EQ(v, 0x3344);
	/* Overlapping mappings are refused. */
	CHECK(memspace_map(c->mem, 0x6000000000004000ULL, 4096, MS_R) != 0);
	CHECK_EQ(nfaults, 0);
	TEST_END();
	teardown(c);
}

static void faults(void)
{
	struct cpu *c = setup();
	uint64_t v;

	TEST_BEGIN("mem: unmapped, read-only and unaligned accesses fault");
	memspace_map(c->mem, 0x10000, 0x4000, MS_R);
	CHECK_EQ(mem_read_u(c, 0x20000, 8, ACC_R, &v), X_FAULT);
	CHECK_EQ(last.vector, IVT_PAGE_NOT_PRESENT);
	CHECK_EQ(last.ifa, 0x20000);
	CHECK(last.isr & ISR_R);
	CHECK_EQ(mem_write_u(c, 0x10000, 8, ACC_W, 1), X_FAULT);
	CHECK_EQ(last.vector, IVT_DACCESS_RIGHTS);
	CHECK(last.isr & ISR_W);
	/* A speculative load defers (-1) instead of faulting. */
	nfaults = 0;
	CHECK_EQ(mem_read_u(c, 0x20000, 8, ACC_R | ACC_SPEC, &v), -1);
	CHECK_EQ(nfaults, 0);
	/* Semaphores must be aligned; psr.ac makes every misalignment fault. */
	CHECK_EQ(mem_read_u(c, 0x10004, 8, ACC_R | ACC_SEMA, &v), X_FAULT);
	CHECK_EQ(last.vector, IVT_UNALIGNED);
	c->psr |= PSR_AC;
	CHECK_EQ(mem_read_u(c, 0x10002, 4, ACC_R, &v), X_FAULT);
	CHECK_EQ(last.vector, IVT_UNALIGNED);
	TEST_END();
	teardown(c);
}

static int dev_last_off;
static uint64_t dev_last_val;

static int dev_read(void *ctx, uint64_t off, unsigned size, uint64_t *v)
{
	(void)ctx;
	*v = 0xa5a5000000000000ULL | (off << 8) | size;
	return 0;
}

static int dev_write(void *ctx, uint64_t off, unsigned size, uint64_t v)
{
	(void)ctx;
	(void)size;
	dev_last_off = (int)off;
	dev_last_val = v;
	return 0;
}

static const struct mmio_ops dev = { dev_read, dev_write };

static void mmio(void)
{
	struct memspace *ms = memspace_new(false);
	uint64_t v = 0;

	TEST_BEGIN("mem: physical MMIO regions dispatch to callbacks");
	CHECK_EQ(memspace_add_mmio(ms, 0xfee00000ULL, 0x1000, &dev, NULL), 0);
	CHECK_EQ(phys_read(ms, 0xfee00010ULL, 8, &v), 0);
	CHECK_EQ(v, 0xa5a5000000001008ULL);
	v = 0x1234;
	CHECK_EQ(phys_write(ms, 0xfee00020ULL, 4, &v), 0);
	CHECK_EQ(dev_last_off, 0x20);
	CHECK_EQ(dev_last_val, 0x1234);
	CHECK(phys_read(ms, 0x1000, 8, &v) != 0);	/* nothing there */
	memspace_free(ms);
	TEST_END();
}

/* A store into a page holding decoded code drops the decoded bundle. */
static void self_modifying(void)
{
	struct cpu *c = setup();
	const struct decoded_bundle *b;
	uint64_t pa;
	uint8_t bytes[16] = { 0x11 };	/* MIB;; all break */

	TEST_BEGIN("mem: stores into decoded code invalidate the bundle cache");
	memspace_map(c->mem, 0x4000, 0x4000, MS_R | MS_W | MS_X);
	memspace_copy_in(c->mem, 0x4000, bytes, 16);
	CHECK_EQ(mem_fetch_bundle(c, 0x4000, &pa, &b), X_NEXT);
	CHECK_EQ(b->tmpl, 0x11);
	CHECK_EQ(dcache_slot(c->dc, 0x4000)->tag, 0x4000);
	/* Change the template byte with an ordinary store. */
	CHECK_EQ(mem_write_u(c, 0x4000, 1, ACC_W, 0x10), X_NEXT);
	CHECK(dcache_slot(c->dc, 0x4000)->tag != 0x4000);
	CHECK_EQ(mem_fetch_bundle(c, 0x4000, &pa, &b), X_NEXT);
	CHECK_EQ(b->tmpl, 0x10);
	/* code_invalidate (fc) also drops it. */
	code_invalidate(c, 0x4000, 32);
	CHECK(dcache_slot(c->dc, 0x4000)->tag != 0x4000);
	/* Executing from a non-executable page faults. */
	memspace_map(c->mem, 0x10000, 0x4000, MS_R | MS_W);
	CHECK_EQ(mem_fetch_bundle(c, 0x10000, &pa, &b), X_FAULT);
	CHECK_EQ(last.vector, IVT_IACCESS_RIGHTS);
	CHECK(last.isr & ISR_X);
	TEST_END();
	teardown(c);
}

static void unmap(void)
{
	struct cpu *c = setup();
	uint64_t v = 0;

	TEST_BEGIN("mem: unmap splits a region and frees its pages");
	memspace_map(c->mem, 0x100000, 0x10000, MS_R | MS_W);
	mem_write_u(c, 0x100000, 8, ACC_W, 42);
	mem_write_u(c, 0x10c000, 8, ACC_W, 43);
	CHECK_EQ(memspace_unmap(c->mem, 0x104000, 0x4000), 0);
	CHECK_EQ(mem_read_u(c, 0x104000, 8, ACC_R, &v), X_FAULT);
	CHECK_EQ(mem_read_u(c, 0x100000, 8, ACC_R, &v), X_NEXT);
	CHECK_EQ(v, 42);
	CHECK_EQ(mem_read_u(c, 0x10c000, 8, ACC_R, &v), X_NEXT);
	CHECK_EQ(v, 43);
	/* Remapped pages come back zero-filled. */
	memspace_map(c->mem, 0x104000, 0x4000, MS_R | MS_W);
	CHECK_EQ(mem_read_u(c, 0x104000, 8, ACC_R, &v), X_NEXT);
	CHECK_EQ(v, 0);
	TEST_END();
	teardown(c);
}

/* 128-bit bundle from a template and three 41-bit slots (SDM layout). */
static void put_bundle(struct cpu *c, uint64_t a, unsigned t, uint64_t s0, uint64_t s1, uint64_t s2)
{
	uint64_t lo = t | (s0 << 5) | (s1 << 46), hi = (s1 >> 18) | (s2 << 23);

	mem_write_u(c, a, 8, ACC_W, lo);
	mem_write_u(c, a + 8, 8, ACC_W, hi);
}

/* A4 adds r1 = imm14, r3 (imm >= 0) */
static uint64_t adds(unsigned r1, unsigned imm, unsigned r3)
{
	return (8ULL << 37) | (2ULL << 34) | ((uint64_t)((imm >> 7) & 0x3f) << 27) |
	       ((uint64_t)r3 << 20) | ((uint64_t)(imm & 0x7f) << 13) | ((uint64_t)r1 << 6);
}

/*
 * Physical addressing (psr.it = psr.dt = 0) through mmu_translate: the
 * slot loop fetches from RAM, and rewriting an executed bundle through an
 * ordinary store makes the next run decode the new instruction.
 */
static void physical_mode(void)
{
	struct memspace *ms = memspace_new(false);
	struct cpu *c = cpu_new(ms, 0);

	TEST_BEGIN("mem: physical-mode execution and code rewrite through stores");
	c->fault_hook = hook;
	nfaults = 0;
	memspace_map(ms, 0, 1 << 20, MS_R | MS_W | MS_X);
	c->psr = 0;
	/* MII: r8 = r8 + 5; nops.  MIB: nop, nop, break.b 9 */
	put_bundle(c, 0x1000, 0x00, adds(8, 5, 8), 1ULL << 27, 1ULL << 27);
	put_bundle(c, 0x1010, 0x10, 1ULL << 27, 1ULL << 27, 9ULL << 6);
	c->ip = 0x1000;
	/* The hook returns X_FAULT without moving ip: the loop re-executes
	 * the break until the budget runs out. */
	CHECK_EQ(run_cpu(c, 100), X_NEXT);
	CHECK_EQ(gr_get(c, 8), 5);
	CHECK_EQ(last.vector, IVT_BREAK);
	CHECK_EQ(last.iim, 9);
	/* Rewrite the first bundle: r8 = r8 + 100. */
	put_bundle(c, 0x1000, 0x00, adds(8, 100, 8), 1ULL << 27, 1ULL << 27);
	CHECK(c->counters[CNT_DCACHE_INVAL] >= 1);
	c->ip = 0x1000;
	c->slot = 0;
	CHECK_EQ(run_cpu(c, 100), X_NEXT);
	CHECK_EQ(gr_get(c, 8), 105);
	TEST_END();
	memspace_free(ms);
	cpu_free(c);
}

int main(void)
{
	physical_mode();
	basic();
	faults();
	mmio();
	self_modifying();
	unmap();
	return test_report();
}
