/* SPDX-License-Identifier: MIT */
/*
 * The slot loop: fetch the decoded bundle for c->ip from the
 * decoded-bundle cache (one tag compare on a hit), then run its slots
 * from c->slot, skipping slots whose qualifying predicate is false.
 * Executors return X_NEXT to fall through, X_JUMP after setting ip/slot,
 * X_FAULT after an interruption redirected ip, or X_HALT.
 *
 * Entering a bundle at slot 0 (the usual case) runs only its pre-computed
 * list of non-nop slots.
 *
 * Stops need no work here: architecturally valid code has no dependency
 * inside an instruction group that sequential execution would break.
 */
#include "cpu.h"
#include "dcache.h"
#include "insn.h"
#include "platform.h"
#include "memspace.h"
#include "mmu.h"
#include "run.h"

/* After a serializing instruction: may an interrupt be taken now? */
static bool irq_window(struct cpu *c)
{
	return (c->psr & PSR_I) && lsapic_pending(c);
}

int run_cpu(struct cpu *c, uint64_t budget)
{
	struct dcache *dc = c->dc;
	const bool flat = memspace_flat(c->mem);
	uint64_t end = c->retired + budget;
	/* Last instruction-page translation (non-flat), revalidated after
	 * faults, serializing instructions and page changes. */
	uint64_t vpage = 1, ppage = 0;
	const uint64_t pmask = 0xfffULL;

	while (c->retired < end) {
		const struct decoded_bundle *b;
		struct dc_entry *e;
		uint64_t pa;
		unsigned s, s0;
		int r = X_NEXT;

		if (flat) {
			pa = c->ip;
		} else if ((c->ip & ~pmask) == vpage) {
			pa = ppage | (c->ip & pmask);
		} else {
			r = mem_fetch_bundle(c, c->ip, &pa, &b);
			if (r == X_HALT)
				return X_HALT;
			if (r)
				continue;
			vpage = c->ip & ~pmask;
			ppage = pa & ~pmask;
		}
		e = dcache_slot(dc, pa);
		if (e->tag == pa) {
			b = &e->b;
		} else {
			r = mem_fetch_bundle(c, c->ip, &pa, &b);
			if (r == X_HALT)
				return X_HALT;
			if (r) {
				vpage = 1;
				continue;
			}
		}

		s0 = c->slot;
		if (!s0) {
			/* Common case: whole bundle, nops pre-filtered. */
			unsigned k;
			bool serialized = false;

			for (k = 0; k < b->nrun; k++) {
				const struct insn *in = &b->slot[b->run[k]];
				unsigned q = b->runq[k];

				/* q = 0 (p0, always true) needs no predicate load. */
				if (q && !c->pr[c->pmap[q]])
					continue;
				c->slot = s = b->run[k];
				r = in->exec(c, in);
				if (__builtin_expect(r != X_NEXT, 0))
					break;
				if (in->flags & IF_SERIALIZE) {
					vpage = 1;
					serialized = true;
				}
			}
			if (!r) {
				c->retired += 3;
				c->ip += 16;
				c->slot = 0;
				if (serialized && irq_window(c))
					return X_YIELD;
				continue;
			}
			goto stopped;
		}
		bool serialized = false;

		for (s = s0; s < 3; s++) {
			const struct insn *in = &b->slot[s];

			if (!(in->flags & IF_ALWAYS) && !c->pr[c->pmap[in->qp]])
				continue;
			c->slot = s;
			r = in->exec(c, in);
			if (r)
				break;
			if (in->flags & (IF_LONG | IF_SERIALIZE)) {
				if (in->flags & IF_SERIALIZE) {
					vpage = 1;
					serialized = true;
				}
				if (in->flags & IF_LONG)
					s = 2;
			}
		}
		if (!r) {
			c->retired += 3 - s0;
			c->ip += 16;
			c->slot = 0;
			if (serialized && irq_window(c))
				return X_YIELD;
			continue;
		}
stopped:
		c->retired += s - s0 + 1;
		if (r == X_HALT)
			return X_HALT;
		if (r == X_FAULT || (b->slot[s].flags & IF_SERIALIZE)) {
			vpage = 1;
			if (irq_window(c))	/* rfi */
				return X_YIELD;
		}
	}
	return X_NEXT;
}

/*
 * One slot, for gdb's stepi and the instruction trace (run_cpu() always
 * finishes the bundle).  Same slot rules as run_cpu(): a false predicate
 * still retires the slot, an MLX long instruction uses slots 1 and 2,
 * taken branches and faults set ip/slot themselves.
 */
int run_slot(struct cpu *c)
{
	const struct decoded_bundle *b;
	const struct insn *in;
	uint64_t pa;
	unsigned s = c->slot;
	int r = mem_fetch_bundle(c, c->ip, &pa, &b);

	if (r)
		return r;	/* fault on fetch: ip is at the handler now */
	in = &b->slot[s];
	if ((in->flags & IF_ALWAYS) || pr_get(c, in->qp))
		r = in->exec(c, in);
	c->retired++;
	if (r != X_NEXT)
		return r == X_JUMP && (in->flags & IF_SERIALIZE) && irq_window(c) ? X_YIELD : r;
	if (in->flags & IF_LONG)
		s = 2;
	if (++s > 2) {
		c->ip += 16;
		s = 0;
	}
	c->slot = s;
	return (in->flags & IF_SERIALIZE) && irq_window(c) ? X_YIELD : X_NEXT;
}
