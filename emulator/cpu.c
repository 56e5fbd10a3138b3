/* SPDX-License-Identifier: MIT */
/*
 * CPU life cycle: allocation, architectural reset, and the interval time
 * counter as the emulator presents it.
 */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "cpu.h"
#include "memspace.h"
#include "rse.h"
#include "run.h"

void cpu_reset(struct cpu *c, uint64_t bsp)
{
	struct machine *m = c->m;
	struct dcache *dc = c->dc;
	struct tlb *tlb = c->tlb;
	struct memspace *ms = c->mem;
	void *priv = c->priv;
	struct lsapic *lsapic = c->lsapic;
	int (*hook)(struct cpu *, const struct fault *) = c->fault_hook;
	int id = c->id;

	memset(c, 0, sizeof(*c));
	c->m = m;
	c->dc = dc;
	c->tlb = tlb;
	c->mem = ms;
	c->priv = priv;
	c->lsapic = lsapic;
	c->fault_hook = hook;
	c->id = id;
	c->cr[CR_LID] = (uint64_t)id << 24;	/* lid.id */
	cpu_init_maps(c);
	rse_reset(c, bsp);
}

struct cpu *cpu_new(struct memspace *ms, int id)
{
	struct cpu *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->id = id;
	if (ms)
		cpu_attach_mem(c, ms);
	cpu_reset(c, 0);
	return c;
}

void cpu_free(struct cpu *c)
{
	free(c);
}

/*
 * The ITC advances with retired slots, which keeps runs deterministic;
 * ar[AR_ITC] holds the offset set by writes.
 */
uint64_t cpu_itc_read(struct cpu *c)
{
	return c->retired + c->ar[AR_ITC];
}

void cpu_itc_write(struct cpu *c, uint64_t v)
{
	c->ar[AR_ITC] = v - c->retired;
}
