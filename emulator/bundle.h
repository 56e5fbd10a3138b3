/* SPDX-License-Identifier: MIT */
/*
 * Bundle format (SDM Vol. 3, 3.3): the 5-bit template, the three 41-bit
 * slots, and a bundle decoded once into three struct insn for the
 * decoded-bundle cache and the disassembler (bundle.c).
 */
#ifndef EMU_BUNDLE_H
#define EMU_BUNDLE_H

#include <stdbool.h>
#include <stdint.h>

#include "insn.h"

struct bundle_template {
	const char *name;	/* objdump spelling, e.g. "MII" */
	uint8_t unit[3];	/* enum unit per slot (UNIT_L/UNIT_X for MLX) */
	uint8_t stops;		/* bit s: stop after slot s */
	bool valid;		/* false for the reserved templates */
};

const struct bundle_template *bundle_template(unsigned tmpl);

struct decoded_bundle {
	struct insn slot[3];	/* MLX: slot[1] is the long insn, slot[2] a copy */
	uint8_t tmpl;
	uint8_t stops;
	bool valid;		/* template is not reserved */
	bool is_mlx;
	/* Slots the run loop must execute when entering at slot 0: every
	 * slot except nop/hint (no architectural effect at all), in order;
	 * MLX lists its long instruction once (slot 1). */
	uint8_t nrun;
	uint8_t run[3];
	uint8_t runq[3];	/* predicate to test per run entry; 0 = none
				 * (p0, or IF_ALWAYS executors test it themselves) */
};

/* The 41-bit slot s (0..2) of a little-endian bundle. */
static inline uint64_t bundle_slot(const uint8_t b[16], unsigned s)
{
	uint64_t lo = 0, hi = 0;
	unsigned i;

	for (i = 0; i < 8; i++) {
		lo |= (uint64_t)b[i] << (8 * i);
		hi |= (uint64_t)b[8 + i] << (8 * i);
	}
	switch (s) {
	case 0:
		return (lo >> 5) & ((1ULL << 41) - 1);
	case 1:
		return ((lo >> 46) | (hi << 18)) & ((1ULL << 41) - 1);
	default:
		return hi >> 23;
	}
}

/* Decode all three slots.  Reserved templates decode every slot as the
 * illegal instruction (Illegal Operation fault when executed). */
void bundle_decode(const uint8_t bytes[16], struct decoded_bundle *db);

#endif
