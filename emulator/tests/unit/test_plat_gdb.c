/* SPDX-License-Identifier: MIT */
/*
 * gdb stub register and memory views (gdbstub_regs.c, docs/ia64-platform.md
 * §15.2): the 'g' packet offsets of gdb's fixed ia64 layout, ip/psr.ri,
 * pr packing, the FP spill format, and the register-stack view gdb needs:
 * bsp as if after cover (SDM Vol. 2 §6: the RSE skips the NaT collection
 * slot, address bits 8:3 = 63) and dirty backing-store words served from
 * the physical register file in spill order, NaT collections assembled
 * from ar.rnat (slots below bspstore) and the dirty registers' NaT bits.
 */
#include "test/harness.h"
#include "cpu.h"
#include "gdbstub.h"
#include "memspace.h"
#include "run.h"

#define GRP	0x10000ULL	/* a 512-byte aligned backing-store group */

static uint64_t le64(const uint8_t *b)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static void test_layout(void)
{
	TEST_BEGIN("g packet offsets (§15.2 table)");
	CHECK_EQ(gdbstub_reg_offset(0), 0);
	CHECK_EQ(gdbstub_reg_offset(127), 1016);
	CHECK_EQ(gdbstub_reg_offset(128), 1024);	/* f0 */
	CHECK_EQ(gdbstub_reg_offset(255), 1024 + 16 * 127);
	CHECK_EQ(gdbstub_reg_offset(256), 3072);
	CHECK_EQ(gdbstub_reg_offset(320), 3584);	/* b0 */
	CHECK_EQ(gdbstub_reg_offset(328), 3648);	/* vfp */
	CHECK_EQ(gdbstub_reg_offset(330), 3664);	/* pr */
	CHECK_EQ(gdbstub_reg_offset(331), 3672);	/* ip */
	CHECK_EQ(gdbstub_reg_offset(332), 3680);	/* psr */
	CHECK_EQ(gdbstub_reg_offset(333), 3688);	/* cfm */
	CHECK_EQ(gdbstub_reg_offset(334), 3696);	/* ar0 */
	CHECK_EQ(gdbstub_reg_offset(GDB_NREGS - 1) + 8, GDB_G_BYTES);
	TEST_END();
}

static void test_regs(struct cpu *c)
{
	uint8_t b[16];
	struct fp82 m3 = { 0xc000000000000000ULL, 0x10000, 1 };	/* -3.0 */

	TEST_BEGIN("ip, psr.ri, pr, f registers");
	c->ip = 0xa000000100001230ULL;
	c->slot = 2;
	c->psr = PSR_DT | PSR_IC;
	CHECK_EQ(gdbstub_reg_get(c, 331, b), 8);
	CHECK_EQ(le64(b), 0xa000000100001230ULL);
	gdbstub_reg_get(c, 332, b);
	CHECK_EQ(le64(b), PSR_DT | PSR_IC | (2ULL << 41));	/* ri = psr{42:41} */
	pr_set(c, 5, true);
	pr_set(c, 63, true);
	gdbstub_reg_get(c, 330, b);
	CHECK_EQ(le64(b), 1ULL | 1ULL << 5 | 1ULL << 63);	/* p0 reads 1 */
	/* spill format: significand in bytes 0-7, exponent in bits 80:64,
	 * sign in bit 81 */
	CHECK_EQ(gdbstub_reg_get(c, 129, b), 16);		/* f1 = +1.0 */
	CHECK_EQ(le64(b), 0x8000000000000000ULL);
	CHECK_EQ(le64(b + 8), 0xffff);
	fr_set(c, 9, m3);
	gdbstub_reg_get(c, 128 + 9, b);
	CHECK_EQ(le64(b), 0xc000000000000000ULL);
	CHECK_EQ(le64(b + 8), 0x10000 | 1ULL << 17);
	CHECK_EQ(gdbstub_reg_get(c, GDB_NREGS, b), 0);
	/* writes: psr.ri moves the slot; r0 and bsp refuse */
	memset(b, 0, sizeof(b));
	b[5] = 0x02;					/* bit 41: ri = 1 */
	CHECK(gdbstub_reg_set(c, 332, b));
	CHECK_EQ(c->slot, 1);
	b[5] = 0;
	CHECK(!gdbstub_reg_set(c, 0, b));
	CHECK(!gdbstub_reg_set(c, 334 + 17, b));
	TEST_END();
}

/* A register stack with bspstore at slot 60 of a group, 5 dirty registers
 * (spill slots 60, 61, 62, then 0 and 1 of the next group) and a frame of
 * 3 (slots 2-4): covered bsp = slot 5 of the next group. */
static void setup_stack(struct cpu *c, unsigned bof)
{
	c->ar[AR_BSPSTORE] = GRP + 60 * 8;
	c->ar[AR_BSP] = GRP + 0x200 + 2 * 8;
	c->ndirty = 5;
	c->nclean = 0;
	c->bof = bof;
	c->cfm = 3;			/* sof 3, sol 0, sor 0 */
	cpu_remap(c);
	for (unsigned i = 0; i < 8; i++) {
		unsigned p = 32 + (bof + N_STACKED - 5 + i) % N_STACKED;

		c->gr[p] = 0x1000 + i;	/* i-th register in spill order */
		c->nat[p] = i == 1 || i == 6;
	}
	/* spilled NaT bits of this group: slot 5 set; slot 62 is a decoy,
	 * its register is still dirty and not a NaT */
	c->ar[AR_RNAT] = 1ULL << 5 | 1ULL << 62;
}

static void test_stack(struct cpu *c, unsigned bof, const char *name)
{
	static const uint64_t addr[8] = {
		GRP + 60 * 8, GRP + 61 * 8, GRP + 62 * 8,
		GRP + 0x200, GRP + 0x208, GRP + 0x210, GRP + 0x218, GRP + 0x220,
	};
	uint64_t v = 0;
	uint8_t b[16];

	TEST_BEGIN(name);
	setup_stack(c, bof);
	CHECK_EQ(gdbstub_covered_bsp(c), GRP + 0x228);
	gdbstub_reg_get(c, 334 + 17, b);
	CHECK_EQ(le64(b), GRP + 0x228);
	for (unsigned i = 0; i < 8; i++) {
		CHECK(gdbstub_bs_read(c, addr[i], &v));
		CHECK_EQ(v, 0x1000 + i);
	}
	/* the frame's first register is r32 */
	CHECK_EQ(gr_get(c, 32), 0x1005);
	/* collection at slot 63: bit 5 from ar.rnat, bit 61 from the 2nd
	 * dirty register, bits 60 and 62 from clear registers */
	CHECK(gdbstub_bs_read(c, GRP + 63 * 8, &v));
	CHECK_EQ(v, 1ULL << 5 | 1ULL << 61);
	/* memory holds what is below bspstore or at/above the covered bsp */
	CHECK(!gdbstub_bs_read(c, GRP + 59 * 8, &v));
	CHECK(!gdbstub_bs_read(c, GRP + 0x228, &v));
	CHECK(!gdbstub_bs_read(c, GRP + 0x3f8, &v));
	TEST_END();
}

static void test_cover_skip(struct cpu *c)
{
	TEST_BEGIN("covered bsp skips the NaT collection slot");
	c->ar[AR_BSP] = GRP + 62 * 8;
	c->cfm = 2;
	CHECK_EQ(gdbstub_covered_bsp(c), GRP + 0x208);	/* slots 62, [63], 0 */
	c->cfm = 0;
	CHECK_EQ(gdbstub_covered_bsp(c), GRP + 62 * 8);
	c->ar[AR_BSP] = GRP;
	c->cfm = 63;
	CHECK_EQ(gdbstub_covered_bsp(c), GRP + 63 * 8 + 8);
	c->cfm = 64;
	CHECK_EQ(gdbstub_covered_bsp(c), GRP + 0x208);
	TEST_END();
}

int main(void)
{
	struct memspace *ms = memspace_new(false);
	struct cpu *c = ms ? cpu_new(ms, 0) : NULL;

	if (!c) {
		fprintf(stderr, "test_plat_gdb: cannot create a CPU\n");
		return 1;
	}
	test_layout();
	test_regs(c);
	test_stack(c, 20, "dirty backing store from the register file");
	test_stack(c, 2, "dirty registers wrapping the physical file");
	test_cover_skip(c);
	cpu_free(c);
	memspace_free(ms);
	return test_report();
}
