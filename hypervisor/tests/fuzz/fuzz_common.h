/* SPDX-License-Identifier: MIT */
/*
 * Shared pieces of the libFuzzer harnesses: an input reader that yields
 * zeros once the data runs out, one-time host set-up, and a fresh pair of
 * domains per input whose destruction must give every page back (a leak
 * or a double free traps).
 */
#ifndef HV_FUZZ_COMMON_H
#define HV_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hvenv.h"

struct fz {
	const uint8_t *p;
	size_t n;
};

static inline uint64_t fz_bytes(struct fz *f, unsigned k)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < k && f->n; i++, f->p++, f->n--)
		v |= (uint64_t)*f->p << (8 * i);
	return v;
}

#define fz8(f)	((uint8_t)fz_bytes(f, 1))
#define fz16(f)	((uint16_t)fz_bytes(f, 2))
#define fz32(f)	((uint32_t)fz_bytes(f, 4))
#define fz64(f)	fz_bytes(f, 8)

/* Mostly-plausible values with a hostile tail: small numbers usually,
 * anything at all sometimes. */
static inline uint64_t fz_pick(struct fz *f, uint64_t small)
{
	uint8_t sel = fz8(f);

	return (sel & 3) ? (sel >> 2) % small : fz64(f);
}

#define FZ_PAGES	768
#define FZ_RAM		16	/* guest RAM pages per domain */

static uint64_t fz_baseline;

static inline void fz_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	if (host_init(FZ_PAGES, 2) || hv_init())
		__builtin_trap();
	fz_baseline = host_free_pages();
}

static inline struct domain *fz_domain(domid_t id, bool track, bool priv)
{
	struct domain_config cfg = { .max_pages = FZ_RAM + 8, .nr_vcpus = 2,
				     .tlb_track = track, .privileged = priv,
				     .vhpt_log2 = 15, .max_grant_frames = 2 };
	struct domain *d;

	if (domain_create(id, &cfg, &d))
		__builtin_trap();
	for (uint64_t g = 0; g < FZ_RAM; g++)
		if (p2m_assign_new(d, g, NULL))
			__builtin_trap();
	for (unsigned i = 0; i < cfg.nr_vcpus; i++)
		vcpu_set_metaphysical(d->vcpu[i], false);
	return d;
}

/* Tear down and insist that every frame came back. */
static inline void fz_teardown(struct domain *a, struct domain *b)
{
	vcpu_switch_to(NULL);
	domain_destroy(a);
	domain_destroy(b);
	if (host_free_pages() != fz_baseline) {
		fprintf(stderr, "fuzz: %llu pages leaked\n",
			(unsigned long long)(fz_baseline - host_free_pages()));
		__builtin_trap();
	}
}

#endif
