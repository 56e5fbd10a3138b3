/* SPDX-License-Identifier: MIT */
/*
 * Small bit-field helpers shared by every IA-64 definition header.  Kept
 * separate so the architectural headers below read as field lists.
 */
#ifndef IA64_BITS_H
#define IA64_BITS_H

#include <stdint.h>

#define IA64_BIT(n)		(1ULL << (n))
/* Mask of `len` bits starting at bit `pos`. */
#define IA64_MASK(pos, len)	((((len) >= 64) ? ~0ULL : ((1ULL << (len)) - 1)) << (pos))

static inline uint64_t ia64_field(uint64_t v, unsigned pos, unsigned len)
{
	return (v >> pos) & (len >= 64 ? ~0ULL : ((1ULL << len) - 1));
}

static inline uint64_t ia64_set_field(uint64_t v, unsigned pos, unsigned len,
				      uint64_t f)
{
	uint64_t m = IA64_MASK(pos, len);

	return (v & ~m) | ((f << pos) & m);
}

/* Sign-extend the low `bits` bits of v. */
static inline int64_t ia64_sext(uint64_t v, unsigned bits)
{
	unsigned s = 64 - bits;

	return (int64_t)(v << s) >> s;
}

#endif
