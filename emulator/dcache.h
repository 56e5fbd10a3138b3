/* SPDX-License-Identifier: MIT */
/*
 * Decoded-bundle cache (dcache.c): bundles decoded once and kept by
 * physical address, direct-mapped.  Shared by every CPU of an address
 * space; invalidated by fc/code_invalidate and by stores into pages that
 * hold decoded code (mem.c tracks those pages).
 */
#ifndef EMU_DCACHE_H
#define EMU_DCACHE_H

#include <stdint.h>

#include "bundle.h"

#define DC_BITS		15
#define DC_ENTRIES	(1u << DC_BITS)
#define DC_INVALID	1ULL	/* tags are 16-byte aligned, so bit 0 marks empty */

struct dc_entry {
	uint64_t tag;		/* physical bundle address, or DC_INVALID */
	struct decoded_bundle b;
};

struct dcache {
	struct dc_entry e[DC_ENTRIES];
	uint64_t misses, invals;
};

struct dcache *dcache_new(void);
void dcache_free(struct dcache *dc);
void dcache_flush(struct dcache *dc);
/* Drop decoded bundles overlapping [pa, pa+len); returns how many. */
unsigned dcache_invalidate(struct dcache *dc, uint64_t pa, uint64_t len);

static inline struct dc_entry *dcache_slot(struct dcache *dc, uint64_t pa)
{
	return &dc->e[(pa >> 4) & (DC_ENTRIES - 1)];
}

/* Decode the 16 bytes at host pointer `bytes` (physical address pa) into
 * the entry for pa. */
const struct decoded_bundle *dcache_fill(struct dcache *dc, uint64_t pa,
					 const uint8_t bytes[16]);

#endif
