/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside arch/ia64/xen: per-CPU interrupts as Xen events, and the Xen time
 * hooks.
 *
 * A per-CPU "interrupt" registered through pv_irq_ops.register_percpu_irq
 * is remembered here, because it has to be bound again for every CPU that
 * comes up, and because registrations can come before the event-channel
 * code is able to bind anything: those wait in the table until
 * xen_percpu_irq_replay() binds them.  The table logic does not talk to
 * the hypervisor (binding is a callback), so KUnit checks it natively.
 */
#ifndef _ARCH_IA64_XEN_IRQ_XEN_H
#define _ARCH_IA64_XEN_IRQ_XEN_H

#include <linux/interrupt.h>
#include <linux/types.h>

struct pv_time_ops;

/* The boot code registers 11 at most (timer, IPIs, MCA polling). */
#define XEN_PERCPU_IRQ_MAX	16

struct xen_percpu_irq {
	u8 vector;
	irq_handler_t handler;
	unsigned long flags;
	const char *name;
	/* Bound on the CPU that registered it (the boot CPU). */
	bool bound;
};

struct xen_percpu_irq_table {
	unsigned int nr;
	struct xen_percpu_irq irq[XEN_PERCPU_IRQ_MAX];
};

int xen_percpu_irq_add(struct xen_percpu_irq_table *t, u8 vector,
		       irq_handler_t handler, unsigned long flags,
		       const char *name);
unsigned int xen_percpu_irq_replay(struct xen_percpu_irq_table *t,
				   unsigned int cpu,
				   int (*bind)(const struct xen_percpu_irq *,
					       unsigned int cpu));

extern const struct pv_time_ops xen_time_ops;

struct pt_regs;

/* The upcall entry (xenivt.S): its address, not a function descriptor. */
extern char xen_event_callback[];
void xen_ia64_evtchn_do_upcall(struct pt_regs *regs);
void xen_register_event_callback(void);

#endif /* _ARCH_IA64_XEN_IRQ_XEN_H */
