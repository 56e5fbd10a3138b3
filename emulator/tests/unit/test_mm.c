/* SPDX-License-Identifier: MIT */
/*
 * Parallel (multimedia) instructions: padd/psub with every saturation
 * form, pavg/pavg.raz/pavgsub averaging, pcmp, pshladd2/pshradd2,
 * pmpyshr2, pmpy2, pshl/pshr (register and immediate counts), mix, pack,
 * unpack, pmin/pmax, psad1.  Expected values are worked from the SDM
 * element-by-element definitions.
 */
#include "test/harness.h"
#include "test_alu_util.h"

/* A9/A10: major 8, x2a = 1 */
static uint64_t a9(unsigned za, unsigned zb, unsigned x4, unsigned x2b)
{
	return F(8, 37) | F(za, 36) | F(1, 34) | F(zb, 33) | F(x4, 29) | F(x2b, 27) |
	       F(3, 20) | F(2, 13) | F(1, 6);
}

/* I1-I9: major 7, r1 = r1, r2 = r2, r3 = r3 */
static uint64_t i7(unsigned za, unsigned zb, unsigned x2a, unsigned x2b, unsigned x2c)
{
	return F(7, 37) | F(za, 36) | F(x2a, 34) | F(zb, 33) | F(x2c, 30) | F(x2b, 28) |
	       F(3, 20) | F(2, 13) | F(1, 6);
}

/* r1 = op(r2 = a, r3 = b) */
static uint64_t ab(char unit, uint64_t raw, uint64_t a, uint64_t b)
{
	setr(2, a, 0);
	setr(3, b, 0);
	return run_r1(unit, raw, 1);
}

int main(void)
{
	t_reset();

	TEST_BEGIN("padd1 saturation forms");
	CHECK_EQ(ab('A', a9(0, 0, 0, 0), 0x01ff, 0x0001), 0x0100);		/* modulo, no carry */
	CHECK_EQ(ab('A', a9(0, 0, 0, 1), 0x807f, 0xff01), 0x807f);		/* sss */
	CHECK_EQ(ab('A', a9(0, 0, 0, 2), 0x01ff, 0x0101), 0x02ff);		/* uuu */
	CHECK_EQ(ab('A', a9(0, 0, 0, 3), 0x0510f0, 0xf0f020), 0x0000ff);	/* uus */
	TEST_END();

	TEST_BEGIN("padd2/padd4");
	CHECK_EQ(ab('A', a9(0, 1, 0, 1), 0x80007fff, 0xffff0001), 0x80007fff);
	CHECK_EQ(ab('A', a9(0, 1, 0, 2), 0xfffe, 0x0003), 0xffff);
	CHECK_EQ(ab('A', a9(0, 1, 0, 3), 0x00010010, 0xfffefff0), 0x00000000);
	CHECK_EQ(ab('A', a9(1, 0, 0, 0), 0x00000001ffffffffULL, 1), 0x0000000100000000ULL);
	TEST_END();

	TEST_BEGIN("psub forms");
	CHECK_EQ(ab('A', a9(0, 0, 1, 0), 0x0100, 0x0001), 0x01ff);
	CHECK_EQ(ab('A', a9(0, 0, 1, 1), 0x7f80, 0xff01), 0x7f80);		/* sss clamps */
	CHECK_EQ(ab('A', a9(0, 0, 1, 2), 0x0500, 0x1001), 0x0000);		/* uuu */
	CHECK_EQ(ab('A', a9(0, 0, 1, 3), 0x0510, 0x10f0), 0x0020);		/* uus */
	CHECK_EQ(ab('A', a9(0, 1, 1, 1), 0x7fff8000, 0xffff0001), 0x7fff8000);
	CHECK_EQ(ab('A', a9(1, 0, 1, 0), 0x0000000100000000ULL, 1), 0x00000001ffffffffULL);
	TEST_END();

	TEST_BEGIN("pavg / pavg.raz / pavgsub");
	/* sums 3, 4, 0x1fe, 2 -> 1|1, 2, 0xff, 1|1 */
	CHECK_EQ(ab('A', a9(0, 0, 2, 2), 0x01ff0201, 0x01ff0202), 0x01ff0201);
	CHECK_EQ(ab('A', a9(0, 0, 2, 3), 0x01ff0201, 0x01ff0202), 0x01ff0202);
	CHECK_EQ(ab('A', a9(0, 1, 2, 2), 0xffff0001, 0xffff0002), 0xffff0001);
	CHECK_EQ(ab('A', a9(0, 1, 2, 3), 0xffff0001, 0xffff0002), 0xffff0002);
	/* differences -16, 3, -255 -> 0xf8, 0x01, 0x81 */
	CHECK_EQ(ab('A', a9(0, 0, 3, 2), 0x000510, 0xff0220), 0x8101f8);
	CHECK_EQ(ab('A', a9(0, 1, 3, 2), 0x0000, 0x0003), 0xffff);		/* -3 -> -2|1 */
	TEST_END();

	TEST_BEGIN("pcmp");
	CHECK_EQ(ab('A', a9(0, 0, 9, 0), 0x0102030405060708ULL, 0x0102000405000708ULL),
		 0xffff00ffff00ffffULL);
	CHECK_EQ(ab('A', a9(0, 0, 9, 1), 0x7f80, 0x807f), 0xff00);
	CHECK_EQ(ab('A', a9(0, 1, 9, 1), 0x00017fff, 0x00028000), 0x0000ffff);
	CHECK_EQ(ab('A', a9(1, 0, 9, 0), 0x1234567800000001ULL, 0x1234567800000002ULL),
		 0xffffffff00000000ULL);
	CHECK_EQ(ab('A', a9(1, 0, 9, 1), 0x80000000ULL, 0x7fffffffULL), 0);
	TEST_END();

	TEST_BEGIN("pshladd2 / pshradd2");
	CHECK_EQ(ab('A', a9(0, 1, 4, 0), 0xc000ffff00014000ULL, 0xffff00107fff0000ULL),
		 0x8000000e7fff7fffULL);
	CHECK_EQ(ab('A', a9(0, 1, 6, 1), 0x00078000, 0x00028000), 0x00038000);
	TEST_END();

	TEST_BEGIN("pmpyshr2 counts 0/7/15/16, signed and unsigned");
	CHECK_EQ(ab('I', i7(0, 1, 0, 3, 3), 0x4000, 0x4000), 0x1000);		/* >> 16 */
	CHECK_EQ(ab('I', i7(0, 1, 0, 3, 2), 0x4000, 0x4000), 0x2000);		/* >> 15 */
	CHECK_EQ(ab('I', i7(0, 1, 0, 3, 1), 0x4000, 0x4000), 0x0000);		/* >> 7 */
	CHECK_EQ(ab('I', i7(0, 1, 0, 3, 0), 0x0003ffff, 0x00050002), 0x000ffffe);
	CHECK_EQ(ab('I', i7(0, 1, 0, 3, 3), 0xffff, 0x0002), 0xffff);		/* -2 >> 16 */
	CHECK_EQ(ab('I', i7(0, 1, 0, 1, 3), 0xffff, 0x0002), 0x0001);		/* .u */
	TEST_END();

	TEST_BEGIN("pmpy2.r / pmpy2.l");
	CHECK_EQ(ab('I', i7(0, 1, 2, 1, 3), 0x000000030000ffffULL, 0x0000000400000002ULL),
		 0x0000000cfffffffeULL);
	CHECK_EQ(ab('I', i7(0, 1, 2, 3, 3), 0x0003000000020000ULL, 0x8000000000030000ULL),
		 0xfffe800000000006ULL);
	TEST_END();

	TEST_BEGIN("pshl/pshr register counts");
	CHECK_EQ(ab('I', i7(0, 1, 0, 0, 1), 0x0001000100010001ULL, 15), 0x8000800080008000ULL);
	CHECK_EQ(ab('I', i7(0, 1, 0, 0, 1), 0x0001000100010001ULL, 16), 0);
	CHECK_EQ(ab('I', i7(1, 0, 0, 0, 1), 0x0000000100000001ULL, 31), 0x8000000080000000ULL);
	/* pshr: data in r3, count in r2 */
	CHECK_EQ(ab('I', i7(0, 1, 0, 2, 0), 15, 0x8000800080004000ULL), 0xffffffffffff0000ULL);
	CHECK_EQ(ab('I', i7(0, 1, 0, 2, 0), 100, 0x8000800080004000ULL), 0xffffffffffff0000ULL);
	CHECK_EQ(ab('I', i7(0, 1, 0, 0, 0), 15, 0x8000800080004000ULL), 0x0001000100010000ULL);
	CHECK_EQ(ab('I', i7(0, 1, 0, 0, 0), 16, 0x8000800080004000ULL), 0);
	CHECK_EQ(ab('I', i7(1, 0, 0, 2, 0), 4, 0x8000000070000000ULL), 0xf800000007000000ULL);
	TEST_END();

	TEST_BEGIN("pshl/pshr immediate counts");
	/* I8: ccount = 31 - count in bits 20-24 (the r3 field) */
	setr(2, 0x0000000100000001ULL, 0);
	CHECK_EQ(run_r1('I', (i7(1, 0, 3, 1, 1) & ~F(0x7f, 20)) | F(31 - 31, 20), 1),
		 0x8000000080000000ULL);
	setr(2, 0x0003000300030003ULL, 0);
	CHECK_EQ(run_r1('I', (i7(0, 1, 3, 1, 1) & ~F(0x7f, 20)) | F(31 - 14, 20), 1),
		 0xc000c000c000c000ULL);
	/* I6: count5 in bits 14-18, data in r3 */
	setr(3, 0x8000000080000000ULL, 0);
	CHECK_EQ(run_r1('I', (i7(1, 0, 1, 3, 0) & ~F(0x7f, 13)) | F(31, 14), 1), ~0ULL);
	CHECK_EQ(run_r1('I', (i7(1, 0, 1, 1, 0) & ~F(0x7f, 13)) | F(31, 14), 1),
		 0x0000000100000001ULL);
	setr(3, 0x8000000000000000ULL, 0);
	CHECK_EQ(run_r1('I', (i7(0, 1, 1, 3, 0) & ~F(0x7f, 13)) | F(20, 14), 1),
		 0xffff000000000000ULL);				/* > 15: sign fill */
	TEST_END();

	TEST_BEGIN("mix");
	{
		const uint64_t a = 0x8877665544332211ULL, b = 0xffeeddccbbaa9900ULL;

		CHECK_EQ(ab('I', i7(0, 0, 2, 2, 2), a, b), 0x88ff66dd44bb2299ULL);
		CHECK_EQ(ab('I', i7(0, 0, 2, 0, 2), a, b), 0x77ee55cc33aa1100ULL);
		CHECK_EQ(ab('I', i7(0, 1, 2, 2, 2), a, b), 0x8877ffee4433bbaaULL);
		CHECK_EQ(ab('I', i7(0, 1, 2, 0, 2), a, b), 0x6655ddcc22119900ULL);
		CHECK_EQ(ab('I', i7(1, 0, 2, 2, 2), a, b), 0x88776655ffeeddccULL);
		CHECK_EQ(ab('I', i7(1, 0, 2, 0, 2), a, b), 0x44332211bbaa9900ULL);
	}
	TEST_END();

	TEST_BEGIN("unpack");
	{
		const uint64_t a = 0x8877665544332211ULL, b = 0xffeeddccbbaa9900ULL;

		CHECK_EQ(ab('I', i7(0, 0, 2, 0, 1), a, b), 0x88ff77ee66dd55ccULL);
		CHECK_EQ(ab('I', i7(0, 0, 2, 2, 1), a, b), 0x44bb33aa22991100ULL);
		CHECK_EQ(ab('I', i7(0, 1, 2, 0, 1), a, b), 0x8877ffee6655ddccULL);
		CHECK_EQ(ab('I', i7(0, 1, 2, 2, 1), a, b), 0x4433bbaa22119900ULL);
		CHECK_EQ(ab('I', i7(1, 0, 2, 0, 1), a, b), 0x88776655ffeeddccULL);
		CHECK_EQ(ab('I', i7(1, 0, 2, 2, 1), a, b), 0x44332211bbaa9900ULL);
	}
	TEST_END();

	TEST_BEGIN("pack");
	CHECK_EQ(ab('I', i7(0, 1, 2, 2, 0), 0xfffb0005ff000100ULL, 0x0001ff80007f0080ULL),
		 0x01807f7ffb05807fULL);
	CHECK_EQ(ab('I', i7(0, 1, 2, 0, 0), 0xfffb0005ff000100ULL, 0), 0x00000000000500ffULL);
	CHECK_EQ(ab('I', i7(1, 0, 2, 2, 0), 0xffff000000010000ULL, 0x1234ULL),
		 0x0000123480007fffULL);
	TEST_END();

	TEST_BEGIN("pmin/pmax/psad1");
	CHECK_EQ(ab('I', i7(0, 0, 2, 1, 0), 0x01ff, 0x02fe), 0x01fe);
	CHECK_EQ(ab('I', i7(0, 0, 2, 1, 1), 0x01ff, 0x02fe), 0x02ff);
	CHECK_EQ(ab('I', i7(0, 1, 2, 3, 0), 0x80000001, 0x7fff0002), 0x80000001);
	CHECK_EQ(ab('I', i7(0, 1, 2, 3, 1), 0x80000001, 0x7fff0002), 0x7fff0002);
	CHECK_EQ(ab('I', i7(0, 0, 2, 3, 2), 0xff, 0x100), 256);
	CHECK_EQ(ab('I', i7(0, 0, 2, 3, 2), ~0ULL, 0), 8 * 255);
	TEST_END();

	TEST_BEGIN("NaT propagation");
	setr(2, 1, 1);
	setr(3, 1, 0);
	run_slot('A', a9(0, 0, 0, 0));
	CHECK(natr(1));
	setr(2, 1, 0);
	setr(3, 1, 1);
	run_slot('I', i7(0, 0, 2, 3, 2));
	CHECK(natr(1));
	run_slot('A', a9(0, 0, 0, 0));
	CHECK(natr(1));
	setr(3, 1, 0);
	run_slot('A', a9(0, 0, 0, 0));
	CHECK(!natr(1));
	TEST_END();

	TEST_BEGIN("reserved multimedia encodings");
	CHECK_EQ(run_slot('A', a9(1, 1, 0, 0)), X_FAULT);		/* za = zb = 1 */
	CHECK_EQ(run_slot('A', a9(1, 0, 2, 2)), X_FAULT);		/* no pavg4 */
	CHECK_EQ(run_slot('A', a9(1, 0, 0, 1)), X_FAULT);		/* no padd4.sss */
	CHECK_EQ(run_slot('I', i7(1, 1, 2, 2, 2)), X_FAULT);
	/* clz / mpy4 / mpyshl4 are not on the modelled processor */
	CHECK_EQ(run_slot('I', i7(0, 1, 1, 1, 3)), X_FAULT);
	CHECK_EQ(run_slot('I', i7(1, 0, 0, 1, 3)), X_FAULT);
	CHECK_EQ(run_slot('I', i7(1, 0, 0, 3, 3)), X_FAULT);
	TEST_END();

	return test_report();
}
