/* SPDX-License-Identifier: MIT */
/*
 * The local SAPIC of each CPU (docs/ia64-platform.md §8.1; SDM Vol. 2,
 * "External Interrupt Control Registers"): IRR/in-service bookkeeping,
 * IVR acknowledge, TPR masking, EOI, and the run-loop check that turns a
 * deliverable vector into an External Interrupt.  The interval timer's
 * time keeping lives in timer.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cpu.h"
#include "interrupt.h"
#include "lsapic.h"
#include "platform.h"

#define TPR_MIC(tpr)	(((tpr) >> 4) & 0xf)	/* masked interrupt class */
#define TPR_MMI		(1ULL << 16)		/* mask all maskable interrupts */
#define LID_MASK	0xffff0000ULL		/* id 31:24, eid 23:16 */

/* Highest set vector in a 256-bit set, or -1. */
static int highest(const uint64_t set[4])
{
	for (int w = 3; w >= 0; w--)
		if (set[w])
			return w * 64 + 63 - __builtin_clzll(set[w]);
	return -1;
}

static void bit_set(uint64_t set[4], unsigned v)
{
	set[v >> 6] |= 1ULL << (v & 63);
}

static void bit_clear(uint64_t set[4], unsigned v)
{
	set[v >> 6] &= ~(1ULL << (v & 63));
}

/*
 * The vector IVR would return: the highest pending vector, provided it is
 * above the highest in-service vector and not masked by TPR (mmi masks
 * everything, mic masks the classes 0..mic).  -1 when none.
 */
static int deliverable(const struct cpu *c)
{
	const struct lsapic *l = c->lsapic;
	uint64_t tpr = c->cr[CR_TPR];
	int v = highest(l->irr);

	if (v < 0 || v <= highest(l->isr))
		return -1;
	if (tpr & TPR_MMI)
		return -1;
	if ((unsigned)v >> 4 <= TPR_MIC(tpr))
		return -1;
	return v;
}

static uint64_t ivr_acknowledge(struct cpu *c)
{
	struct lsapic *l = c->lsapic;
	int v = deliverable(c);

	if (v < 0)
		return PLAT_SPURIOUS_VECTOR;
	bit_clear(l->irr, (unsigned)v);
	bit_set(l->isr, (unsigned)v);
	return (uint64_t)v;
}

static void eoi(struct cpu *c)
{
	int v = highest(c->lsapic->isr);

	if (v >= 0)
		bit_clear(c->lsapic->isr, (unsigned)v);
}

static uint64_t model_read(struct cpu *c, unsigned cr)
{
	struct lsapic *l = c->lsapic;

	if (!l)				/* a CPU the platform did not attach */
		return cr == CR_IVR ? PLAT_SPURIOUS_VECTOR : (cr == CR_EOI ? 0 : c->cr[cr]);
	switch (cr) {
	case CR_IVR:
		return ivr_acknowledge(c);
	case CR_EOI:
		return 0;
	case CR_IRR0: case CR_IRR1: case CR_IRR2: case CR_IRR3:
		return l->irr[cr - CR_IRR0];
	default:
		return c->cr[cr];
	}
}

static void model_write(struct cpu *c, unsigned cr, uint64_t v)
{
	if (!c->lsapic) {
		if (cr != CR_EOI)
			c->cr[cr] = v;
		return;
	}
	switch (cr) {
	case CR_EOI:
		eoi(c);
		return;
	case CR_IVR: case CR_IRR0: case CR_IRR1: case CR_IRR2: case CR_IRR3:
		return;			/* read-only (sysregs.c faults first) */
	case CR_LID:
		c->cr[CR_LID] = v & LID_MASK;
		return;
	case CR_ITM:
		/* Account for a crossing of the old match value first. */
		lsapic_tick(c);
		c->cr[CR_ITM] = v;
		timer_rebase(c);
		return;
	case CR_ITV:
		lsapic_tick(c);
		c->cr[CR_ITV] = v;
		return;
	default:
		c->cr[cr] = v;
		return;
	}
}

static const struct lsapic_ops model_ops = {
	.read = model_read, .write = model_write,
};

void lsapic_install(void)
{
	lsapic_set_ops(&model_ops);
}

struct lsapic *lsapic_attach(struct cpu *c, unsigned id, unsigned eid)
{
	struct lsapic *l = calloc(1, sizeof(*l));

	if (!l)
		return NULL;
	free(c->lsapic);
	c->lsapic = l;
	c->cr[CR_LID] = ((uint64_t)(id & 0xff) << 24) | ((uint64_t)(eid & 0xff) << 16);
	/* Reset values (SDM): vectors masked (m = 1), TPR mask-all off. */
	c->cr[CR_ITV] = c->cr[CR_PMV] = c->cr[CR_CMCV] = 1ULL << 16;
	c->cr[CR_LRR0] = c->cr[CR_LRR1] = 1ULL << 16;
	timer_rebase(c);
	return l;
}

void lsapic_detach(struct cpu *c)
{
	free(c->lsapic);
	c->lsapic = NULL;
}

void lsapic_raise(struct cpu *c, unsigned vector)
{
	if (!c->lsapic || vector < 16 || vector > 255)
		return;
	bit_set(c->lsapic->irr, vector);
}

bool lsapic_pending(struct cpu *c)
{
	return c->lsapic && deliverable(c) >= 0;
}

bool lsapic_check(struct cpu *c)
{
	if (!c->lsapic)
		return false;
	lsapic_tick(c);
	if (!(c->psr & PSR_I) || deliverable(c) < 0)
		return false;
	cpu_take_external_interrupt(c);
	return true;
}

unsigned lsapic_id(struct cpu *c)
{
	return (unsigned)(c->cr[CR_LID] >> 24) & 0xff;
}

unsigned lsapic_eid(struct cpu *c)
{
	return (unsigned)(c->cr[CR_LID] >> 16) & 0xff;
}
