/* SPDX-License-Identifier: MIT */
/*
 * Conversions between the 82-bit register format and the memory/integer
 * formats (fp.h): what ldf/stf/setf/getf do to the bits (SDM Vol. 1 5.1.3,
 * "Memory to floating-point register data translation" and the reverse).
 *
 * Loads never round: single and double values widen exactly, denormals
 * become unnormalized register values at the format's minimum exponent
 * (single 0xff81, double 0xfc01), infinities and NaNs get exponent 0x1ffff.
 * Stores never round either: they take exponent bits {e[16], e[n-2:0]}
 * and the significand's top fraction bits, and an integer bit of 0 stores
 * a zero exponent (the memory encoding of denormals and zeros).
 * All byte arrays are little-endian images; the caller handles psr.be.
 */
#include <string.h>

#include "fp.h"

/* Exponent bias adjustment between each memory format and the register. */
#define SGL_TO_REG	(FP82_EXP_BIAS - 127)
#define DBL_TO_REG	(FP82_EXP_BIAS - 1023)
#define EXT_TO_REG	(FP82_EXP_BIAS - 16383)

/* A load of an IEEE single/double: `e` biased exponent of `ebits` bits,
 * `frac` the fraction already left-aligned under the integer bit. */
static struct fp82 widen(uint32_t sign, uint32_t e, unsigned ebits,
			 uint64_t frac, uint32_t adj)
{
	struct fp82 r;
	uint32_t emax = (1u << ebits) - 1;

	r.sign = sign;
	if (e == emax) {			/* infinity or NaN */
		r.exp = FP82_EXP_MAX;
		r.sig = (1ULL << 63) | frac;
	} else if (e == 0) {
		/* zero, or a denormal kept unnormalized at the minimum exponent */
		r.exp = frac ? 1 + adj : 0;
		r.sig = frac;
	} else {
		r.exp = e + adj;
		r.sig = (1ULL << 63) | frac;
	}
	return r;
}

struct fp82 fp_from_single(uint32_t v)
{
	return widen(v >> 31, (v >> 23) & 0xff, 8,
		     (uint64_t)(v & 0x7fffff) << 40, SGL_TO_REG);
}

struct fp82 fp_from_double(uint64_t v)
{
	return widen((uint32_t)(v >> 63), (uint32_t)(v >> 52) & 0x7ff, 11,
		     (v & ((1ULL << 52) - 1)) << 11, DBL_TO_REG);
}

static uint64_t get_le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static void put_le64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++, v >>= 8)
		p[i] = (uint8_t)v;
}

/* Double-extended keeps its explicit integer bit, so the significand is
 * copied as is; exponent 0 stays 0 (the register encoding of extended
 * denormals/pseudo-denormals) and 0x7fff becomes 0x1ffff. */
struct fp82 fp_from_ext(const uint8_t mem[10])
{
	struct fp82 r;
	uint32_t se = mem[8] | (uint32_t)mem[9] << 8;
	uint32_t e = se & 0x7fff;

	r.sig = get_le64(mem);
	r.sign = se >> 15;
	if (e == 0x7fff)
		r.exp = FP82_EXP_MAX;
	else if (e == 0)
		r.exp = 0;
	else
		r.exp = e + EXT_TO_REG;
	return r;
}

/* ldf8 / setf.sig: the integer becomes the significand of 2^63 scale. */
struct fp82 fp_from_sig(uint64_t v)
{
	struct fp82 r = { v, FP82_EXP_INT, 0 };

	return r;
}

/* ldf.fill: bytes 0-7 significand, bytes 8-10 hold exp (17 bits) + sign. */
struct fp82 fp_from_spill(const uint8_t mem[16])
{
	struct fp82 r;
	uint64_t hi = get_le64(mem + 8);

	r.sig = get_le64(mem);
	r.exp = (uint32_t)(hi & 0x1ffff);
	r.sign = (uint32_t)(hi >> 17) & 1;
	return r;
}

/* setf.exp: GR bits 16:0 exponent, bit 17 sign, significand 1.0. */
struct fp82 fp_from_exp_gr(uint64_t v)
{
	struct fp82 r;

	r.sig = 1ULL << 63;
	r.exp = (uint32_t)(v & 0x1ffff);
	r.sign = (uint32_t)(v >> 17) & 1;
	return r;
}

/* Exponent bits for a store: {e[16], e[n-2:0]}, or 0 when the integer bit
 * is clear (denormal/zero in memory). */
static uint32_t narrow_exp(struct fp82 f, unsigned ebits)
{
	uint32_t low = (1u << (ebits - 1)) - 1;

	if (!(f.sig >> 63))
		return 0;
	return ((f.exp >> 16) & 1) << (ebits - 1) | (f.exp & low);
}

uint32_t fp_to_single(struct fp82 f)
{
	return f.sign << 31 | narrow_exp(f, 8) << 23 |
	       (uint32_t)((f.sig >> 40) & 0x7fffff);
}

uint64_t fp_to_double(struct fp82 f)
{
	return (uint64_t)f.sign << 63 | (uint64_t)narrow_exp(f, 11) << 52 |
	       ((f.sig >> 11) & ((1ULL << 52) - 1));
}

/* stfe keeps the explicit integer bit, so no zero-exponent rule. */
void fp_to_ext(struct fp82 f, uint8_t mem[10])
{
	uint32_t e = ((f.exp >> 16) & 1) << 14 | (f.exp & 0x3fff);
	uint32_t se = f.sign << 15 | e;

	put_le64(mem, f.sig);
	mem[8] = (uint8_t)se;
	mem[9] = (uint8_t)(se >> 8);
}

uint64_t fp_to_sig(struct fp82 f)
{
	return f.sig;
}

void fp_to_spill(struct fp82 f, uint8_t mem[16])
{
	put_le64(mem, f.sig);
	put_le64(mem + 8, (uint64_t)(f.exp & 0x1ffff) |
			  (uint64_t)(f.sign & 1) << 17);
}

uint64_t fp_to_exp_gr(struct fp82 f)
{
	return (uint64_t)(f.exp & 0x1ffff) | (uint64_t)(f.sign & 1) << 17;
}
