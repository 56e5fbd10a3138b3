/* SPDX-License-Identifier: MIT */
/*
 * End-to-end FP check: the same program is built for the host (x86-64)
 * and for ia64 (run under ia64emu); both print the bit patterns of many
 * float/double/long double results and integer divisions, and f_e2e.sh
 * diffs the two outputs.  The formats are IEEE single/double and the
 * 80-bit double-extended on both sides, + - * / and conversions are
 * correctly rounded on both, so any difference is an emulator bug.
 * Build with -ffp-contract=off so neither compiler fuses a*b+c.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t state = 0x853c49e6748fea9bULL;

static uint64_t next(void)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return state ^ (state >> 29);
}

static double rnd_double(void)
{
	uint64_t b;
	double d;

	do {
		b = next();
		/* keep exponents moderate most of the time, extreme sometimes */
		if (next() & 3)
			b = (b & 0x800fffffffffffffULL) |
			    (uint64_t)(0x3c0 + next() % 0x80) << 52;
		memcpy(&d, &b, 8);
	} while (d != d);
	return d;
}

/* NaN payload/sign choice differs legitimately between architectures when
 * two NaNs meet (ia64 prefers f4, then f2, then f3); print one marker. */
static uint64_t bits_d(double d)
{
	uint64_t b;

	if (d != d)
		return 0x7ff8dead7ff8deadULL;
	memcpy(&b, &d, 8);
	return b;
}

static uint32_t bits_f(float f)
{
	uint32_t b;

	if (f != f)
		return 0x7fc0deadu;
	memcpy(&b, &f, 4);
	return b;
}

/* Special operands: zeros, infinities, NaNs, denormals, extremes. */
static const uint64_t specials[] = {
	0x0000000000000000ULL, 0x8000000000000000ULL, 0x7ff0000000000000ULL,
	0xfff0000000000000ULL, 0x7ff8000000000000ULL, 0x0000000000000001ULL,
	0x800fffffffffffffULL, 0x0010000000000000ULL, 0x7fefffffffffffffULL,
	0x3ff0000000000000ULL, 0xbff0000000000000ULL, 0x3ca0000000000000ULL,
	0x36a0000000000000ULL, 0x47efffffe0000000ULL, 0x380fffffe0000000ULL,
	0x4340000000000000ULL, 0xc3e0000000000000ULL, 0x43f0000000000000ULL,
};

static void print_ld(long double v)
{
	unsigned char b[16];
	uint64_t lo = 0;
	unsigned se, i;

	memset(b, 0, sizeof(b));
	memcpy(b, &v, 10);
	for (i = 0; i < 8; i++)
		lo |= (uint64_t)b[i] << (8 * i);
	se = b[8] | (unsigned)b[9] << 8;
	printf(" %04x%016llx", se, (unsigned long long)lo);
}

/* volatile stops constant folding of the operations under test */
static volatile double va, vb, vc;
static volatile float fa, fb;
static volatile long double la, lb;
static volatile uint64_t ua, ub;
static volatile int64_t sa, sb;

int main(void)
{
	int i;

	for (i = 0; i < 4000; i++) {
		double a = rnd_double(), b = rnd_double();
		const unsigned ns = sizeof(specials) / sizeof(specials[0]);

		if (i < (int)(ns * ns)) {	/* every pair of special operands */
			memcpy(&a, &specials[i / ns], 8);
			memcpy(&b, &specials[i % ns], 8);
		}

		va = a;
		vb = b;
		fa = (float)a;
		fb = (float)b;
		printf("%d d %016llx %016llx %016llx %016llx", i,
		       (unsigned long long)bits_d(va + vb), (unsigned long long)bits_d(va - vb),
		       (unsigned long long)bits_d(va * vb), (unsigned long long)bits_d(va / vb));
		printf(" f %08x %08x %08x %08x", bits_f(fa + fb), bits_f(fa * fb),
		       bits_f(fa / fb), bits_f((float)va));
		/* argument evaluation order is unspecified: draw numbers first */
		sa = (int64_t)next();
		ua = next();
		sb = (int64_t)next();
		printf(" c %016llx %016llx %d %d %d %d", (unsigned long long)
		       (va * 1e6 < 9e18 && va * 1e6 > -9e18 ? (int64_t)(va * 1e6) : 0),
		       (unsigned long long)bits_d((double)sa),
		       va < vb, va <= vb, va == vb, va != va);
		printf(" s %016llx %08x %016llx %08x %08x\n",
		       (unsigned long long)bits_d(__builtin_sqrt(va < 0 ? -va : va)),
		       bits_f(__builtin_sqrtf(fa < 0 ? -fa : fa)),
		       (unsigned long long)bits_d((double)ua), bits_f((float)sb),
		       (unsigned)(fb > 0 && fb < 4e9f ? (uint32_t)fb : 7));
		la = (long double)a * 3;
		lb = (long double)b + 1;
		printf("%d x", i);
		print_ld(la * lb);
		print_ld(la / lb);
		print_ld(la + lb);
		printf("\n");
		ua = next() >> (next() % 64);
		ub = (next() >> (next() % 64)) | 1;
		sa = (int64_t)next() >> (next() % 64);
		sb = ((int64_t)next() >> (next() % 64)) | 1;
		printf("%d i %llu %llu %lld %lld %llu\n", i,
		       (unsigned long long)(ua / ub), (unsigned long long)(ua % ub),
		       (long long)(sa / sb), (long long)(sa % sb),
		       (unsigned long long)(ua * ub));
	}
	return 0;
}
