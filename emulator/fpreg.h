/* SPDX-License-Identifier: MIT */
/*
 * The 82-bit floating-point register format (SDM Vol. 1, 5.1): sign,
 * 17-bit biased exponent (bias 0xffff), 64-bit significand with an explicit
 * integer bit.  Shared by the register file, the FP unit and the memory
 * conversions (ldf/stf/getf/setf).
 */
#ifndef EMU_FPREG_H
#define EMU_FPREG_H

#include <stdint.h>

struct fp82 {
	uint64_t sig;		/* significand, bit 63 = explicit integer bit */
	uint32_t exp;		/* 17-bit biased exponent */
	uint32_t sign;		/* 0 or 1 */
};

#define FP82_EXP_BIAS	0xffff
#define FP82_EXP_MAX	0x1ffff		/* infinities and NaNs */
#define FP82_EXP_NATVAL	0x1fffe		/* NaTVal: +, exp 0x1fffe, sig 0 */
#define FP82_EXP_INT	0x1003e		/* exponent of an integer in sig (2^63) */

static const struct fp82 FP82_ZERO = { 0, 0, 0 };
static const struct fp82 FP82_ONE = { 1ULL << 63, FP82_EXP_BIAS, 0 };
static const struct fp82 FP82_NATVAL = { 0, FP82_EXP_NATVAL, 0 };

static inline int fp82_is_natval(struct fp82 f)
{
	return f.sign == 0 && f.exp == FP82_EXP_NATVAL && f.sig == 0;
}

#endif
