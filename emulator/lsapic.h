/* SPDX-License-Identifier: MIT */
/*
 * The interface between the CPU's interrupt control registers (cr.lid,
 * ivr, tpr, eoi, irr0-3, itv, pmv, cmcv, lrr0-1, itm) and the platform's
 * local SAPIC model.  sysregs.c routes `mov cr` of those registers here.
 * The built-in default (sysregs.c) only stores values in cpu->cr[] and
 * reports no pending interrupt (ivr = 15), so user-mode builds link; the
 * platform installs its model with lsapic_set_ops().
 */
#ifndef EMU_LSAPIC_H
#define EMU_LSAPIC_H

#include <stdint.h>

struct cpu;

struct lsapic_ops {
	/* Return the value of `cr` (reading ivr acknowledges a vector). */
	uint64_t (*read)(struct cpu *c, unsigned cr);
	/* Write `cr` (eoi retires, itm re-arms the timer, ...). */
	void (*write)(struct cpu *c, unsigned cr, uint64_t v);
};

/* Install the platform's model (NULL restores the register-only default). */
void lsapic_set_ops(const struct lsapic_ops *ops);

uint64_t lsapic_read(struct cpu *c, unsigned cr);
void lsapic_write(struct cpu *c, unsigned cr, uint64_t v);

/* True for the control registers that belong to the interrupt controller. */
static inline int lsapic_owns_cr(unsigned cr)
{
	return cr == 1 || (cr >= 64 && cr <= 74) || cr == 80 || cr == 81;
}

#endif
