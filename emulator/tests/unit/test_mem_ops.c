/* SPDX-License-Identifier: MIT */
/*
 * Integer loads and stores of the M unit against the SDM's definitions
 * (Vol. 3 ld, st, ld8.fill, st8.spill; Vol. 2 5.5.5 deferral): sizes and
 * zero extension, the three addressing forms, NaT consumption, control
 * speculation, spill/fill with ar.unat bits {8:3} of the address, the
 * static Illegal Operation cases and the frame check.
 */
#include <stdio.h>
#include <string.h>

#include "insn.h"
#include "test/harness.h"
#include "test_mem_ops_util.h"

#define A	(FAKE_BASE + 0x100)	/* a mapped, 16-byte aligned address */
#define UNMAPPED 0x5000000ULL

static uint64_t ld(unsigned x6, unsigned r1, unsigned r3) { return enc_m(4, 0, x6, 0, 0, r3, 0, r1); }
static uint64_t ld_reg(unsigned x6, unsigned r1, unsigned r3, unsigned r2) { return enc_m(4, 1, x6, 0, 0, r3, r2, r1); }
static uint64_t st(unsigned x6, unsigned r3, unsigned r2) { return enc_m(4, 0, x6, 0, 0, r3, r2, 0); }

static bool gex(unsigned code)
{
	return last_fault.vector == IVT_GENERAL_EXCEPTION && (last_fault.isr & 0xf0) == code;
}

int main(void)
{
	struct cpu c;
	unsigned i;

	TEST_BEGIN("ld1/2/4/8 zero-extend little-endian data");
	fake_reset(&c);
	poke(A, 8, 0xf1f2f3f4f5f6f7f8ULL);
	gr_set(&c, 2, A, false);
	for (i = 0; i < 4; i++) {
		static const uint64_t want[4] = { 0xf8, 0xf7f8, 0xf5f6f7f8, 0xf1f2f3f4f5f6f7f8ULL };

		gr_set(&c, 8, ~0ULL, true);
		CHECK_EQ(run_m(&c, ld(i, 8, 2)), X_NEXT);
		CHECK_EQ(gr_get(&c, 8), want[i]);
		CHECK(!gr_nat(&c, 8));
	}
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("ld8 post-increment by register and by imm9");
	fake_reset(&c);
	poke(A, 8, 0x1122334455667788ULL);
	gr_set(&c, 32, A, false);
	gr_set(&c, 33, 24, true);	/* a NaT increment only marks the base */
	CHECK_EQ(run_m(&c, ld_reg(3, 34, 32, 33)), X_NEXT);
	CHECK_EQ(gr_get(&c, 34), 0x1122334455667788ULL);
	CHECK_EQ(gr_get(&c, 32), A + 24);
	CHECK(gr_nat(&c, 32));
	gr_set(&c, 32, A, false);
	CHECK_EQ(run_m(&c, enc_ld_imm(3, 35, 32, -256, false)), X_NEXT);
	CHECK_EQ(gr_get(&c, 32), A - 256);
	CHECK_EQ(gr_get(&c, 35), 0x1122334455667788ULL);
	gr_set(&c, 32, A, false);
	CHECK_EQ(run_m(&c, enc_ld_imm(3, 35, 32, 255, false)), X_NEXT);
	CHECK_EQ(gr_get(&c, 32), A + 255);
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("ld with a NaT address: Register NaT Consumption, target kept");
	fake_reset(&c);
	gr_set(&c, 2, A, true);
	gr_set(&c, 8, 77, false);
	CHECK_EQ(run_m(&c, ld(3, 8, 2)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(last_fault.isr & (ISR_R | ISR_W | 0xf0), ISR_R | 0x10);
	CHECK_EQ(gr_get(&c, 8), 77);
	TEST_END();

	TEST_BEGIN("ld on an unmapped address faults, target kept");
	fake_reset(&c);
	gr_set(&c, 2, UNMAPPED, false);
	gr_set(&c, 8, 77, false);
	CHECK_EQ(run_m(&c, ld(3, 8, 2)), X_FAULT);
	CHECK_EQ(last_fault.ifa, UNMAPPED);
	CHECK(last_fault.isr & ISR_R);
	CHECK_EQ(gr_get(&c, 8), 77);
	TEST_END();

	TEST_BEGIN("ld.s defers to NaT: NaT base, unmapped, psr.ed; succeeds otherwise");
	fake_reset(&c);
	poke(A, 4, 0xcafef00d);
	gr_set(&c, 2, A, true);
	CHECK_EQ(run_m(&c, ld(0x06, 8, 2)), X_NEXT);		/* ld4.s */
	CHECK(gr_nat(&c, 8));
	CHECK_EQ(gr_get(&c, 8), 0);
	gr_set(&c, 2, UNMAPPED, false);
	CHECK_EQ(run_m(&c, ld(0x0e, 9, 2)), X_NEXT);		/* ld4.sa */
	CHECK(gr_nat(&c, 9));
	gr_set(&c, 2, A, false);
	c.psr |= PSR_ED;
	CHECK_EQ(run_m(&c, ld(0x06, 10, 2)), X_NEXT);
	CHECK(gr_nat(&c, 10));
	c.psr &= ~PSR_ED;
	CHECK_EQ(run_m(&c, ld(0x06, 11, 2)), X_NEXT);
	CHECK(!gr_nat(&c, 11));
	CHECK_EQ(gr_get(&c, 11), 0xcafef00d);
	/* The deferred load still updates its base. */
	gr_set(&c, 32, UNMAPPED, false);
	CHECK_EQ(run_m(&c, enc_ld_imm(0x07, 12, 32, 8, false)), X_NEXT);
	CHECK(gr_nat(&c, 12));
	CHECK_EQ(gr_get(&c, 32), UNMAPPED + 8);
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("ld.a is a plain load, ld.c always reloads (zero-entry ALAT)");
	fake_reset(&c);
	poke(A, 8, 42);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, ld(0x0b, 8, 2)), X_NEXT);		/* ld8.a */
	CHECK_EQ(gr_get(&c, 8), 42);
	poke(A, 8, 43);
	CHECK_EQ(run_m(&c, ld(0x23, 8, 2)), X_NEXT);		/* ld8.c.clr */
	CHECK_EQ(gr_get(&c, 8), 43);
	CHECK_EQ(run_m(&c, ld(0x27, 8, 2)), X_NEXT);		/* ld8.c.nc */
	CHECK_EQ(run_m(&c, ld(0x2b, 8, 2)), X_NEXT);		/* ld8.c.clr.acq */
	CHECK_EQ(c.counters[CNT_ALAT_MISS], 3);
	gr_set(&c, 2, A, true);
	CHECK_EQ(run_m(&c, ld(0x23, 8, 2)), X_FAULT);		/* ld.c is not speculative */
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	TEST_END();

	TEST_BEGIN("ld.bias/ld.acq load normally");
	fake_reset(&c);
	poke(A, 2, 0xbeef);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, ld(0x11, 8, 2)), X_NEXT);
	CHECK_EQ(gr_get(&c, 8), 0xbeef);
	CHECK_EQ(run_m(&c, ld(0x15, 9, 2)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0xbeef);
	TEST_END();

	TEST_BEGIN("static Illegal Operation: target r0, r1 == r3 update, r0 base update");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, ld(3, 0, 2)), X_FAULT);
	CHECK(gex(GEX_ILLEGAL_OP));
	nfaults = 0;
	CHECK_EQ(run_m(&c, enc_ld_imm(3, 2, 2, 8, false)), X_FAULT);
	CHECK(gex(GEX_ILLEGAL_OP));
	CHECK_EQ(run_m(&c, enc_st_imm(0x33, 0, 8, 8, false)), X_FAULT);
	CHECK(gex(GEX_ILLEGAL_OP));
	CHECK_EQ(gr_get(&c, 2), A);
	TEST_END();

	TEST_BEGIN("target outside the frame: Illegal Operation");
	fake_reset(&c);				/* sof = 16: r32-r47 */
	gr_set(&c, 2, A, false);
	CHECK_EQ(run_m(&c, ld(3, 48, 2)), X_FAULT);
	CHECK(gex(GEX_ILLEGAL_OP));
	nfaults = 0;
	CHECK_EQ(run_m(&c, ld(3, 47, 2)), X_NEXT);
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("st1/2/4/8 write only their bytes");
	fake_reset(&c);
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 0x0102030405060708ULL, false);
	for (i = 0; i < 4; i++) {
		static const uint64_t want[4] = {
			0xaaaaaaaaaaaaaa08ULL, 0xaaaaaaaaaaaa0708ULL,
			0xaaaaaaaa05060708ULL, 0x0102030405060708ULL };

		poke(A, 8, 0xaaaaaaaaaaaaaaaaULL);
		CHECK_EQ(run_m(&c, st(0x30 + i, 2, 3)), X_NEXT);
		CHECK_EQ(peek(A, 8), want[i]);
	}
	CHECK_EQ(run_m(&c, st(0x37, 2, 3)), X_NEXT);		/* st8.rel */
	CHECK_EQ(peek(A, 8), 0x0102030405060708ULL);
	TEST_END();

	TEST_BEGIN("st post-increment by imm9");
	fake_reset(&c);
	gr_set(&c, 32, A, false);
	gr_set(&c, 3, 0x55, false);
	CHECK_EQ(run_m(&c, enc_st_imm(0x30, 32, 3, -3, false)), X_NEXT);
	CHECK_EQ(peek(A, 1), 0x55);
	CHECK_EQ(gr_get(&c, 32), A - 3);
	TEST_END();

	TEST_BEGIN("st of a NaT value or to a NaT address: NaT Consumption (write)");
	fake_reset(&c);
	poke(A, 8, 9);
	gr_set(&c, 2, A, false);
	gr_set(&c, 3, 1, true);
	CHECK_EQ(run_m(&c, st(0x33, 2, 3)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_NAT_CONSUMPTION);
	CHECK_EQ(last_fault.isr & (ISR_R | ISR_W), ISR_W);
	gr_set(&c, 3, 1, false);
	gr_set(&c, 2, A, true);
	CHECK_EQ(run_m(&c, st(0x33, 2, 3)), X_FAULT);
	CHECK_EQ(peek(A, 8), 9);
	TEST_END();

	TEST_BEGIN("st8.spill / ld8.fill carry the NaT bit in ar.unat{addr 8:3}");
	fake_reset(&c);
	gr_set(&c, 2, A + 0x28, false);		/* bit (0x128 >> 3) & 63 = 37 */
	gr_set(&c, 4, 0x1234, true);
	c.ar[AR_UNAT] = 0;
	CHECK_EQ(run_m(&c, st(0x3b, 2, 4)), X_NEXT);
	CHECK_EQ(peek(A + 0x28, 8), 0x1234);
	CHECK_EQ(c.ar[AR_UNAT], 1ULL << 37);
	gr_set(&c, 4, 0x99, false);		/* a spill without NaT clears the bit */
	gr_set(&c, 3, A + 0x30, false);		/* bit 38 */
	c.ar[AR_UNAT] |= 1ULL << 38;
	CHECK_EQ(run_m(&c, st(0x3b, 3, 4)), X_NEXT);
	CHECK_EQ(c.ar[AR_UNAT], 1ULL << 37);
	CHECK_EQ(run_m(&c, ld(0x1b, 9, 2)), X_NEXT);
	CHECK_EQ(gr_get(&c, 9), 0x1234);
	CHECK(gr_nat(&c, 9));
	CHECK_EQ(run_m(&c, ld(0x1b, 10, 3)), X_NEXT);
	CHECK_EQ(gr_get(&c, 10), 0x99);
	CHECK(!gr_nat(&c, 10));
	CHECK_EQ(nfaults, 0);
	TEST_END();

	TEST_BEGIN("spill/fill need 8-byte alignment: Unaligned Reference");
	fake_reset(&c);
	gr_set(&c, 2, A + 4, false);
	CHECK_EQ(run_m(&c, st(0x3b, 2, 4)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_UNALIGNED);
	CHECK_EQ(last_fault.ifa, A + 4);
	CHECK_EQ(run_m(&c, ld(0x1b, 9, 2)), X_FAULT);
	CHECK_EQ(last_fault.vector, IVT_UNALIGNED);
	TEST_END();

	TEST_BEGIN("reserved ld/st encodings decode as illegal");
	{
		struct insn in;

		decode_m(enc_m(4, 0, 0x18, 0, 0, 2, 0, 8), &in);	/* x6 0x18 reserved */
		CHECK(in.exec == exec_illegal);
		decode_m(enc_m(4, 1, 0x33, 0, 0, 2, 3, 0), &in);	/* st with reg post-inc */
		CHECK(in.exec == exec_illegal);
		decode_m(enc_m(4, 1, 0x00, 0, 1, 2, 3, 0), &in);	/* op 4 m=1 x=1 */
		CHECK(in.exec == exec_illegal);
	}
	TEST_END();
	return test_report();
}
