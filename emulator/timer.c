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
	l->last_off = c->ar[AR_ITC];
}

void lsapic_tick(struct cpu *c)
{
	struct lsapic *l = c->lsapic;
	uint64_t now, span, dist;

	if (!l)
		return;
	now = cpu_itc_read(c);
	/*
	 * ar.itc was written since the last check.  A backward write (cpu_init
	 * sets ITC := 0, ia64_sync_itc adjusts it) crosses nothing: restart
	 * the interval there.  A forward write counts as elapsed time, which
	 * is also how the machine's idle fast-forward reaches the next ITM.
	 */
	if (c->ar[AR_ITC] != l->last_off && (int64_t)(now - l->last_itc) < 0) {
		timer_rebase(c);
		return;
	}
	span = now - l->last_itc;
	dist = c->cr[CR_ITM] - l->last_itc;
	if (span && dist && dist <= span && !(c->cr[CR_ITV] & ITV_M))
		lsapic_raise(c, ITV_VECTOR(c->cr[CR_ITV]));
	l->last_itc = now;
	l->last_off = c->ar[AR_ITC];
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
