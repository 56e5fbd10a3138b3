/* SPDX-License-Identifier: MIT */
/*
 * End-to-end run of tests/asm/m_e2e.s through the real slot loop: a
 * deferred ld8.s recovered by chk.s.m, an ld8.a whose chk.a.clr always
 * recovers (zero-entry ALAT), st8.spill/ld8.fill of a NaT through
 * ar.unat, fetchadd8 and a failing cmpxchg8.  Expected values follow the
 * SDM definitions of each instruction; the program stops with break.m 1.
 */
#include <stdio.h>
#include <string.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "memspace.h"
#include "run.h"
#include "test/harness.h"

#include "test_alat_e2e_data.h"

#define CODE	0x20000ULL
#define DATA	0x100000ULL
#define SPILL	(DATA + 0x1238)		/* ar.unat bit (0x1238 >> 3) & 63 = 7 */
#define NOWHERE	0x7700000ULL

static struct fault seen;

static int hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	seen = *f;
	return X_HALT;
}

static uint64_t peek8(struct memspace *ms, uint64_t a)
{
	uint8_t b[8];
	uint64_t v = 0;
	int i;

	memspace_copy_out(ms, a, b, 8);
	for (i = 7; i >= 0; i--)
		v = (v << 8) | b[i];
	return v;
}

int main(void)
{
	struct memspace *ms = memspace_new(true);
	uint8_t init[8] = { 0x00, 0x10 };	/* 0x1000 */
	struct cpu *c;
	int r;

	if (!ms || memspace_map(ms, CODE, 0x10000, MS_R | MS_X) ||
	    memspace_map(ms, DATA, 0x10000, MS_R | MS_W) ||
	    memspace_copy_in(ms, CODE, m_e2e_code, sizeof(m_e2e_code)) ||
	    memspace_copy_in(ms, DATA, init, sizeof(init))) {
		printf("cannot set up memory\n");
		return 2;
	}
	c = cpu_new(ms, 0);
	if (!c) {
		printf("cannot create a CPU\n");
		return 2;
	}
	c->fault_hook = hook;
	c->psr |= 3ULL << PSR_CPL_SHIFT;
	c->cfm = 8;				/* r32-r39 */
	cpu_remap(c);
	gr_set(c, 32, DATA, false);
	gr_set(c, 33, NOWHERE, false);
	gr_set(c, 34, SPILL, false);
	c->ip = CODE;
	c->slot = 0;
	r = run_cpu(c, 1000);

	TEST_BEGIN("program stops at break.m 0x1");
	CHECK_EQ(r, X_HALT);
	CHECK_EQ(seen.vector, IVT_BREAK);
	CHECK_EQ(seen.iim, 1);
	TEST_END();

	TEST_BEGIN("deferred ld8.s: NaT, chk.s.m took the recovery path");
	CHECK(gr_nat(c, 8));
	CHECK_EQ(gr_get(c, 20), 1);
	TEST_END();

	TEST_BEGIN("chk.a.clr always recovers; the recovery reloads");
	CHECK_EQ(gr_get(c, 21), 1);
	CHECK_EQ(gr_get(c, 9), 0x1000);
	CHECK_EQ(c->counters[CNT_ALAT_MISS], 1);
	TEST_END();

	TEST_BEGIN("st8.spill of a NaT sets ar.unat{addr 8:3}; ld8.fill restores it");
	CHECK_EQ(gr_get(c, 22), 1ULL << 7);
	CHECK(gr_nat(c, 10));
	CHECK_EQ(gr_get(c, 34), SPILL);
	TEST_END();

	TEST_BEGIN("fetchadd8 returns the old value, cmpxchg8 fails on a stale ar.ccv");
	CHECK_EQ(gr_get(c, 11), 0x1000);
	CHECK_EQ(gr_get(c, 13), 0x1008);
	CHECK_EQ(gr_get(c, 14), 0x1008);
	CHECK_EQ(peek8(ms, DATA), 0x1008);
	TEST_END();

	cpu_free(c);
	memspace_free(ms);
	return test_report();
}
