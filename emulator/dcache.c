/* SPDX-License-Identifier: MIT */
/*
 * Decoded-bundle cache: a direct-mapped table indexed by physical bundle
 * address.  Lookups are inline (dcache.h) so the slot loop pays one
 * compare per bundle; misses decode the bundle through bundle_decode().
 */
#include <stdlib.h>

#include "dcache.h"

struct dcache *dcache_new(void)
{
	struct dcache *dc = malloc(sizeof(*dc));

	if (dc)
		dcache_flush(dc);
	return dc;
}

void dcache_free(struct dcache *dc)
{
	free(dc);
}

void dcache_flush(struct dcache *dc)
{
	unsigned i;

	for (i = 0; i < DC_ENTRIES; i++)
		dc->e[i].tag = DC_INVALID;
	dc->misses = dc->invals = 0;
}

unsigned dcache_invalidate(struct dcache *dc, uint64_t pa, uint64_t len)
{
	uint64_t a = pa & ~15ULL, end = pa + len, n = 0;

	if (!len)
		return 0;
	/* A range larger than the table touches every entry at most once. */
	if (((end - a) >> 4) >= DC_ENTRIES) {
		unsigned i;

		for (i = 0; i < DC_ENTRIES; i++)
			if (dc->e[i].tag != DC_INVALID && dc->e[i].tag >= a && dc->e[i].tag < end) {
				dc->e[i].tag = DC_INVALID;
				n++;
			}
	} else {
		for (; a < end; a += 16) {
			struct dc_entry *e = dcache_slot(dc, a);

			if (e->tag == a) {
				e->tag = DC_INVALID;
				n++;
			}
		}
	}
	dc->invals += n;
	return (unsigned)n;
}

const struct decoded_bundle *dcache_fill(struct dcache *dc, uint64_t pa,
					 const uint8_t bytes[16])
{
	struct dc_entry *e = dcache_slot(dc, pa);

	bundle_decode(bytes, &e->b);
	e->tag = pa;
	dc->misses++;
	return &e->b;
}
