// SPDX-License-Identifier: MIT
/*
 * Exact per-function slot accounting (profile.h).
 *
 * run_cpu() is called with a budget of one slot, which runs exactly one
 * bundle (from c->slot to its end, or to a taken branch or fault); the
 * slots it retired are charged to the symbol of that bundle.  A small
 * direct-mapped cache from bundle address to symbol index keeps the
 * binary search off the common path.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "cpu.h"
#include "insn.h"
#include "profile.h"
#include "run.h"
#include "symtab.h"

#define PROFILE_CACHE_BITS	16

struct profile_cache_entry {
	uint64_t bundle;	/* 1 = empty (bundles are 16-byte aligned) */
	long sym;
};

struct profile {
	const struct symtab *syms;
	uint64_t *slots;	/* per symbol index */
	uint64_t unknown;	/* slots outside every symbol */
	struct profile_cache_entry cache[1u << PROFILE_CACHE_BITS];
};

struct profile *profile_new(const struct symtab *syms)
{
	struct profile *p = calloc(1, sizeof(*p));

	if (!p || !(p->slots = calloc(syms->n ? syms->n : 1, sizeof(*p->slots)))) {
		free(p);
		return NULL;
	}
	p->syms = syms;
	for (unsigned i = 0; i < (1u << PROFILE_CACHE_BITS); i++)
		p->cache[i].bundle = 1;
	return p;
}

void profile_free(struct profile *p)
{
	if (p)
		free(p->slots);
	free(p);
}

static long symbol_of(struct profile *p, uint64_t bundle)
{
	struct profile_cache_entry *e =
		&p->cache[(bundle >> 4) & ((1u << PROFILE_CACHE_BITS) - 1)];

	if (e->bundle != bundle) {
		e->bundle = bundle;
		e->sym = symtab_index(p->syms, bundle);
	}
	return e->sym;
}

int profile_run_cpu(struct profile *p, struct cpu *c, uint64_t budget)
{
	uint64_t end = c->retired + budget;

	while (c->retired < end) {
		uint64_t bundle = c->ip, before = c->retired;
		int r = run_cpu(c, 1);
		long s = symbol_of(p, bundle);

		if (s >= 0)
			p->slots[s] += c->retired - before;
		else
			p->unknown += c->retired - before;
		if (r == X_HALT || r == X_YIELD)
			return r;
	}
	return X_NEXT;
}

static const struct profile *sort_ctx;

static int by_slots(const void *a, const void *b)
{
	uint64_t x = sort_ctx->slots[*(const size_t *)a], y = sort_ctx->slots[*(const size_t *)b];

	return x != y ? (x < y ? 1 : -1) : 0;
}

int profile_write(const struct profile *p, FILE *out)
{
	size_t n = 0, *idx = malloc((p->syms->n + 1) * sizeof(*idx));
	uint64_t total = p->unknown;

	if (!idx)
		return -1;
	for (size_t i = 0; i < p->syms->n; i++) {
		total += p->slots[i];
		if (p->slots[i])
			idx[n++] = i;
	}
	sort_ctx = p;
	qsort(idx, n, sizeof(*idx), by_slots);
	fprintf(out, "# slots percent symbol (total %" PRIu64 " slots)\n", total);
	for (size_t k = 0; k < n; k++)
		fprintf(out, "%" PRIu64 " %.3f %s\n", p->slots[idx[k]],
			100.0 * (double)p->slots[idx[k]] / (double)(total ? total : 1),
			p->syms->v[idx[k]].name);
	if (p->unknown)
		fprintf(out, "%" PRIu64 " %.3f (no symbol)\n", p->unknown,
			100.0 * (double)p->unknown / (double)(total ? total : 1));
	free(idx);
	return ferror(out) ? -1 : 0;
}
