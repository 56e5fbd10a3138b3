/* SPDX-License-Identifier: MIT */
/*
 * Register stack engine tests: deep call chains with more than 96 stacked
 * registers in flight (mandatory spills/fills wrapping around the physical
 * file), NaT bits through RNAT collections at backing-store slot 63,
 * flushrs/loadrs, cover + frame restore, and ar.bspstore moves.  Expected
 * values follow the SDM's backing-store layout (Vol. 2, 6.2).
 */
#include <string.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "memspace.h"
#include "rse.h"
#include "run.h"
#include "test/harness.h"

#define RBS 0x100000ULL

static int faults;

static int hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	(void)f;
	faults++;
	return X_HALT;
}

static struct cpu *setup(void)
{
	struct memspace *ms = memspace_new(true);
	struct cpu *c = cpu_new(ms, 0);

	memspace_map(ms, RBS, 1 << 20, MS_R | MS_W);
	c->fault_hook = hook;
	faults = 0;
	rse_reset(c, RBS);
	return c;
}

static void teardown(struct cpu *c)
{
	memspace_free(c->mem);
	cpu_free(c);
}

static int alloc(struct cpu *c, unsigned sof, unsigned sol, unsigned sor)
{
	struct insn in = { .a = (uint8_t)sof, .b = (uint8_t)sol, .imm = sor, .r1 = 0 };

	return exec_alloc(c, &in);
}

static uint64_t rd64(struct cpu *c, uint64_t a)
{
	uint64_t v = 0;

	memspace_copy_out(c->mem, a, &v, 8);
	return v;
}

/* Frame d holds r32..r39 = d*256 + i; NaT on r35 of odd frames. */
static void deep_chain(unsigned depth)
{
	struct cpu *c = setup();
	uint64_t pfs[64];
	unsigned d, i, bad = 0;

	TEST_BEGIN("rse: deep call chain wraps the 96-register file");
	for (d = 0; d < depth; d++) {
		CHECK_EQ(alloc(c, 8, 8, 0), X_NEXT);
		for (i = 0; i < 8; i++)
			gr_set(c, 32 + i, d * 256 + i, i == 3 && (d & 1));
		CHECK_EQ(rse_call(c), X_NEXT);
		pfs[d] = c->ar[AR_PFS];
		/* PFS.pfm is the caller's CFM: sof = sol = 8. */
		CHECK_EQ(pfs[d] & 0x3fff, 8 | (8 << 7));
	}
	/* bsp moved 8 registers per frame plus one NaT collection per 63. */
	CHECK_EQ(c->ar[AR_BSP], RBS + 8 * (depth * 8 + (depth * 8) / 63));
	CHECK(c->counters[CNT_RSE_SPILL] >= depth * 8 - 96);
	/* First frame's r32..r39 are in memory at the bottom of the stack. */
	CHECK_EQ(rd64(c, RBS + 0), 0);
	CHECK_EQ(rd64(c, RBS + 8 * 7), 7);
	/* Collection at slot 63: bit 11 (frame 1, r35) set, bit 3 clear. */
	CHECK_EQ((rd64(c, RBS + 63 * 8) >> 11) & 1, 1);
	CHECK_EQ((rd64(c, RBS + 63 * 8) >> 3) & 1, 0);
	/* Register after the collection slot: frame 7 r39 is reg #63. */
	CHECK_EQ(rd64(c, RBS + 64 * 8), 7 * 256 + 7);
	for (d = depth; d-- > 0;) {
		CHECK_EQ(rse_return(c, pfs[d]), X_NEXT);
		CHECK_EQ(CFM_SOF(c->cfm), 8);
		for (i = 0; i < 8; i++) {
			if (gr_get(c, 32 + i) != d * 256 + i ||
			    gr_nat(c, 32 + i) != (i == 3 && (d & 1)))
				bad++;
		}
	}
	CHECK_EQ(bad, 0);
	CHECK(c->counters[CNT_RSE_FILL] > 0);
	CHECK_EQ(c->ar[AR_BSP], RBS);
	CHECK_EQ(faults, 0);
	TEST_END();
	teardown(c);
}

static void flush_and_load(void)
{
	struct cpu *c = setup();
	struct insn none = { 0 };
	unsigned i;

	TEST_BEGIN("rse: flushrs writes dirty registers, loadrs brings them back");
	alloc(c, 5, 5, 0);
	for (i = 0; i < 5; i++)
		gr_set(c, 32 + i, 0x1000 + i, i == 2);
	rse_call(c);
	CHECK_EQ(c->ar[AR_BSP], RBS + 40);
	CHECK_EQ(c->ar[AR_BSPSTORE], RBS);
	CHECK_EQ(exec_flushrs(c, &none), X_NEXT);
	CHECK_EQ(c->ar[AR_BSPSTORE], RBS + 40);
	for (i = 0; i < 5; i++)
		CHECK_EQ(rd64(c, RBS + 8 * i), 0x1000 + i);
	/* The NaT of r34 is in ar.rnat bit 2 (no collection written yet). */
	CHECK_EQ((c->ar[AR_RNAT] >> 2) & 1, 1);
	/* loadrs needs sof = 0: cover first, then load 40 bytes as dirty. */
	CHECK_EQ(exec_loadrs(c, &none), X_NEXT);	/* loadrs = 0: drop all */
	CHECK_EQ(c->ar[AR_BSPSTORE], c->ar[AR_BSP]);
	c->ar[AR_RSC] = 40ULL << 16;
	CHECK_EQ(exec_loadrs(c, &none), X_NEXT);
	CHECK_EQ(c->ar[AR_BSPSTORE], RBS);
	CHECK_EQ(c->ndirty, 5);
	c->ar[AR_RSC] = 0;
	CHECK_EQ(rse_return(c, 5 | (5 << 7)), X_NEXT);
	for (i = 0; i < 5; i++) {
		CHECK_EQ(gr_get(c, 32 + i), 0x1000 + i);
		CHECK_EQ(gr_nat(c, 32 + i), i == 2);
	}
	TEST_END();
	teardown(c);
}

static void cover_restore(void)
{
	struct cpu *c = setup();
	uint64_t ifs;

	TEST_BEGIN("rse: cover saves the frame in IFS (psr.ic=0), restore brings it back");
	alloc(c, 12, 7, 1);
	gr_set(c, 43, 0xabc, false);
	c->psr &= ~PSR_IC;
	CHECK_EQ(rse_cover(c), X_NEXT);
	ifs = c->cr[CR_IFS];
	CHECK_EQ(ifs >> 63, 1);
	CHECK_EQ(ifs & CFM_MASK, 12 | (7 << 7) | (1 << 14));
	CHECK_EQ(CFM_SOF(c->cfm), 0);
	CHECK_EQ(c->ar[AR_BSP], RBS + 12 * 8);
	CHECK_EQ(rse_restore_frame(c, ifs), X_NEXT);
	CHECK_EQ(c->cfm, 12 | (7 << 7) | (1 << 14));
	CHECK_EQ(gr_get(c, 43), 0xabc);
	CHECK_EQ(c->ar[AR_BSP], RBS);
	TEST_END();
	teardown(c);
}

static void bspstore_move(void)
{
	struct cpu *c = setup();
	struct insn none = { 0 };
	uint64_t kbase = RBS + 0x80000;

	TEST_BEGIN("rse: ar.bspstore write keeps dirty registers for the new stack");
	alloc(c, 3, 3, 0);
	gr_set(c, 32, 11, false);
	gr_set(c, 33, 22, false);
	gr_set(c, 34, 33, false);
	rse_cover(c);
	CHECK_EQ(rse_write_ar(c, AR_BSPSTORE, kbase), X_NEXT);
	CHECK_EQ(c->ar[AR_BSP], kbase + 24);
	exec_flushrs(c, &none);
	CHECK_EQ(rd64(c, kbase), 11);
	CHECK_EQ(rd64(c, kbase + 16), 33);
	CHECK_EQ(rse_write_ar(c, AR_BSP, 0) != X_NEXT, 1);	/* read-only */
	TEST_END();
	teardown(c);
}

static void alloc_checks(void)
{
	struct cpu *c = setup();

	TEST_BEGIN("rse: alloc rejects sol > sof and sor*8 > sof");
	faults = 0;
	CHECK(alloc(c, 4, 5, 0) != X_NEXT);
	CHECK(alloc(c, 8, 0, 2) != X_NEXT);
	CHECK(alloc(c, 97, 0, 0) != X_NEXT);
	CHECK_EQ(faults, 3);
	faults = 0;
	CHECK_EQ(alloc(c, 96, 96, 12), X_NEXT);
	TEST_END();
	teardown(c);
}

/*
 * Mandatory spills into an unmapped backing store fault; after the page is
 * mapped, re-executing the same alloc completes and nothing was lost.
 * Likewise a fill from an unmapped page faults and the return restarts.
 */
static void restartable(void)
{
	struct memspace *ms = memspace_new(true);
	struct cpu *c = cpu_new(ms, 0);
	static uint8_t saved[0x4000];
	uint64_t pfs[20], page1 = 0x200000, page2 = 0x204000;
	unsigned d, i, bad = 0;
	int r;

	TEST_BEGIN("rse: faulting spills and fills restart cleanly");
	c->fault_hook = hook;
	faults = 0;
	/* The stack starts 128 slots below the end of the only mapped page. */
	rse_reset(c, page2 - 0x400);
	memspace_map(ms, page1, 0x4000, MS_R | MS_W);
	for (d = 0; d < 20; d++) {
		r = alloc(c, 16, 16, 0);
		if (r != X_NEXT) {
			/* A spill reached the unmapped page: map it, retry. */
			CHECK_EQ(faults, 1);
			CHECK_EQ(memspace_map(ms, page2, 0x4000, MS_R | MS_W), 0);
			r = alloc(c, 16, 16, 0);
		}
		CHECK_EQ(r, X_NEXT);
		for (i = 0; i < 16; i++)
			gr_set(c, 32 + i, d * 1000 + i, false);
		rse_call(c);
		pfs[d] = c->ar[AR_PFS];
	}
	/* 320 registers, 224+ spilled: more than the 128 slots of page 1. */
	CHECK_EQ(faults, 1);
	/* Take page 2 away (keeping its bytes): fills from it must fault. */
	memspace_copy_out(ms, page2, saved, sizeof(saved));
	CHECK_EQ(memspace_unmap(ms, page2, 0x4000), 0);
	faults = 0;
	for (d = 20; d-- > 0;) {
		r = rse_return(c, pfs[d]);
		if (r != X_NEXT) {
			CHECK_EQ(faults, 1);
			memspace_map(ms, page2, 0x4000, MS_R | MS_W);
			memspace_copy_in(ms, page2, saved, sizeof(saved));
			r = rse_return(c, pfs[d]);
		}
		CHECK_EQ(r, X_NEXT);
		for (i = 0; i < 16; i++)
			bad += gr_get(c, 32 + i) != d * 1000 + i;
	}
	CHECK_EQ(faults, 1);
	CHECK_EQ(bad, 0);
	CHECK_EQ(c->ar[AR_BSP], page2 - 0x400);
	TEST_END();
	memspace_free(ms);
	cpu_free(c);
}

int main(void)
{
	restartable();
	deep_chain(30);
	deep_chain(60);
	flush_and_load();
	cover_restore();
	bspstore_move();
	alloc_checks();
	return test_report();
}
