/* SPDX-License-Identifier: MIT */
/*
 * The interval timer of each CPU (docs/ia64-platform.md §8.2): the ITC
 * counts retired slots plus the offset of ar.itc writes (cpu_itc_read),
 * and the timer vector in cr.itv becomes pending when the ITC passes
 * cr.itm.  Because the machine looks at the ITC only between run_cpu
 * turns (and fast-forwards it when all CPUs idle), a match is detected as
 * "ITM lies in the interval (ITC at the last check, ITC now]", never as
 * equality, so jumps cannot skip a tick.
 */
#include "ar.h"
#include "cpu.h"
#include "platform.h"

#define ITV_M		(1ULL << 16)
#define ITV_VECTOR(v)	((unsigned)(v) & 0xff)

void timer_rebase(struct cpu *c)
{
	struct lsapic *l = c->lsapic;

	if (!l)
		return;
	l->last_itc = cpu_itc_read(c);
}

void lsapic_tick(struct cpu *c)
{
	struct lsapic *l = c->lsapic;
	uint64_t now, span, dist;

	if (!l)
		return;
	now = cpu_itc_read(c);
	/*
	 * Slots only ever add time, so a smaller ITC means it was written (or
	 * the CPU reset): cpu_init sets ITC := 0, ia64_sync_itc nudges it.  A
	 * backward step crosses nothing; restart the interval there.  A forward
	 * write counts as elapsed time, which is also how the machine's idle
	 * fast-forward reaches the next ITM.
	 */
	if ((int64_t)(now - l->last_itc) < 0) {
		l->last_itc = now;
		return;
	}
	span = now - l->last_itc;
	dist = c->cr[CR_ITM] - l->last_itc;
	if (span && dist && dist <= span && !(c->cr[CR_ITV] & ITV_M))
		lsapic_raise(c, ITV_VECTOR(c->cr[CR_ITV]));
	l->last_itc = now;
}

uint64_t lsapic_next_event(struct cpu *c)
{
	struct lsapic *l = c->lsapic;
	uint64_t now, ahead;

	if (!l || (c->cr[CR_ITV] & ITV_M))
		return UINT64_MAX;
	now = cpu_itc_read(c);
	ahead = c->cr[CR_ITM] - now;
	/* An ITM already behind the ITC only matches after the counter wraps:
	 * nothing a fast-forward should jump to. */
	if (ahead == 0 || (int64_t)ahead < 0)
		return UINT64_MAX;
	return c->cr[CR_ITM];
}
