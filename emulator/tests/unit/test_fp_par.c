/* SPDX-License-Identifier: MIT */
/*
 * Parallel FP (fpma/fpms/fpnma) against host fmaf(): each half is an IEEE
 * single fused multiply-add rounded once to nearest-even in the single
 * exponent range, which is what glibc's fmaf computes (denormals
 * included).  NaN results are compared as "some NaN": which NaN wins when
 * several meet is architecture-specific.
 */
#include <math.h>
#include <string.h>

#include "../../common/test/harness.h"
#include "cpu.h"
#include "fp.h"
#include "fp_internal.h"
#include "insn.h"

static struct cpu cpu;
static uint64_t rng = 0x6a09e667f3bcc909ULL;

static uint64_t rnd64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static uint32_t rnd_single(void)
{
	static const uint32_t specials[] = {
		0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000,
		0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0x3f800000,
	};
	uint32_t v = (uint32_t)rnd64();

	switch (rnd64() % 8) {
	case 0:
		return specials[rnd64() % 10];
	case 1:		/* near the denormal boundary */
		return (v & 0x807fffff) | (uint32_t)(rnd64() % 3) << 23;
	case 2:
		return v;
	default:	/* moderate exponents */
		return (v & 0x807fffff) | (uint32_t)(100 + rnd64() % 56) << 23;
	}
}

static int is_nan32(uint32_t v)
{
	return (v & 0x7f800000) == 0x7f800000 && (v & 0x7fffff);
}

static uint32_t host_fma(uint32_t a, uint32_t b, uint32_t c, int neg_p, int neg_c)
{
	float fa, fb, fc, r;
	uint32_t out;

	memcpy(&fa, &a, 4);
	memcpy(&fb, &b, 4);
	memcpy(&fc, &c, 4);
	if (neg_p)
		fa = -fa;
	if (neg_c)
		fc = -fc;
	r = fmaf(fa, fb, fc);
	memcpy(&out, &r, 4);
	return out;
}

int main(void)
{
	static const char *const names[3] = { "fpma vs fmaf", "fpms vs fmaf", "fpnma vs fmaf" };
	unsigned kind;

	memset(&cpu, 0, sizeof(cpu));
	cpu_init_maps(&cpu);
	cpu.ar[AR_FPSR] = FPSR_DEFAULT;
	for (kind = 0; kind < 3; kind++) {
		unsigned i, bad = 0;

		TEST_BEGIN(names[kind]);
		for (i = 0; i < 200000; i++) {
			uint32_t a[2], b[2], c[2], r[2];
			struct insn in;
			uint64_t got;
			int h;

			for (h = 0; h < 2; h++) {
				a[h] = rnd_single();
				b[h] = rnd_single();
				c[h] = rnd_single();
			}
			fr_set(&cpu, 8, fp_intval((uint64_t)a[1] << 32 | a[0]));
			fr_set(&cpu, 9, fp_intval((uint64_t)b[1] << 32 | b[0]));
			fr_set(&cpu, 10, fp_intval((uint64_t)c[1] << 32 | c[0]));
			memset(&in, 0, sizeof(in));
			in.r1 = 6;
			in.r3 = 8;
			in.r4 = 9;
			in.r2 = 10;
			in.b = (uint8_t)kind;
			fx_fpma(&cpu, &in);
			got = fr_get(&cpu, 6).sig;
			r[1] = (uint32_t)(got >> 32);
			r[0] = (uint32_t)got;
			for (h = 0; h < 2; h++) {
				uint32_t ref = host_fma(a[h], b[h], c[h], kind == 2, kind == 1);

				if (is_nan32(ref) ? !is_nan32(r[h]) : ref != r[h]) {
					if (bad++ < 5)
						printf("  %08x*%08x+%08x: got %08x want %08x\n",
						       a[h], b[h], c[h], r[h], ref);
				}
			}
		}
		CHECK_EQ(bad, 0);
		TEST_END();
	}
	return test_report();
}
