/* SPDX-License-Identifier: MIT */
/*
 * Shared by the FP unit tests: a reproducible xorshift64 generator (each
 * test program picks its own seed with FP_TEST_SEED before including this)
 * and conversions between the register format and the host's x87
 * long double, the 64-bit-precision reference.
 */
#ifndef EMU_FP_TEST_UTIL_H
#define EMU_FP_TEST_UTIL_H

#include <stdint.h>
#include <string.h>

#include "fp.h"

#ifndef FP_TEST_SEED
#error "define FP_TEST_SEED before including fp_test_util.h"
#endif

static uint64_t rng = FP_TEST_SEED;

static inline uint64_t rnd64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static inline struct fp82 from_ld(long double v)
{
	uint8_t b[16] = { 0 };

	memcpy(b, &v, 10);
	return fp_from_ext(b);
}

static inline long double to_ld(struct fp82 f)
{
	uint8_t b[16] = { 0 };
	long double v;

	fp_to_ext(f, b);
	memcpy(&v, b, sizeof(v) < 16 ? sizeof(v) : 16);
	return v;
}

#endif
