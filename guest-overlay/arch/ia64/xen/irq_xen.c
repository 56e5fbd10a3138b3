// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts of a Xen/ia64 guest: pv_irq_ops and pv_iosapic_ops.
 *
 * Xen delivers everything as event channels through one upcall,
 * xen_event_callback (xenivt.S), which each CPU registers for itself.
 * The vectors the kernel installs on every CPU become events:
 *
 *   timer (IA64_TIMER_VECTOR)          VIRQ_ITC
 *   CMC / CPE interrupt                VIRQ_MCA_CMC / VIRQ_MCA_CPE
 *   IPI, reschedule, CMC/CPE polling   IPI event channels (enum ipi_vector)
 *
 * using the generic drivers/xen/events code.  Other per-CPU vectors
 * (spurious, IRQ move, local TLB flush, MCA rendezvous) have nothing to be
 * delivered on and are only recorded.  Device vectors come from
 * PHYSDEVOP_alloc_irq_vector, and the IOSAPIC is programmed through
 * PHYSDEVOP_apic_read/apic_write.
 */

#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include <xen/events.h>
#include <xen/interface/callback.h>
#include <xen/interface/physdev.h>
#include <xen/interface/xen.h>

#include <asm/hw_irq.h>
#include <asm/iosapic.h>
#include <asm/page.h>
#include <asm/paravirt.h>
#include <asm/xen/events.h>
#include <asm/xen/hypercall.h>
#include <asm/xen/hypervisor.h>

#include "irq_xen.h"

/* The Xen/ia64 architectural VIRQs. */
#define VIRQ_ITC		VIRQ_ARCH_0
#define VIRQ_MCA_CMC		VIRQ_ARCH_1
#define VIRQ_MCA_CPE		VIRQ_ARCH_2

/* --- the table of per-CPU registrations ----------------------------------- */

int xen_percpu_irq_add(struct xen_percpu_irq_table *t, u8 vector,
		       irq_handler_t handler, unsigned long flags,
		       const char *name)
{
	struct xen_percpu_irq *r;

	if (t->nr >= XEN_PERCPU_IRQ_MAX)
		return -ENOSPC;
	r = &t->irq[t->nr];
	r->vector = vector;
	r->handler = handler;
	r->flags = flags;
	r->name = name;
	r->bound = false;
	return t->nr++;
}

/*
 * Bind, on @cpu, every registration not bound yet; returns how many.  A
 * failed bind stays pending: it is reported and tried again at the next
 * replay rather than lost.
 */
unsigned int xen_percpu_irq_replay(struct xen_percpu_irq_table *t,
				   unsigned int cpu,
				   int (*bind)(const struct xen_percpu_irq *,
					       unsigned int cpu))
{
	unsigned int i, n = 0;

	for (i = 0; i < t->nr; i++) {
		if (t->irq[i].bound)
			continue;
		if (bind(&t->irq[i], cpu) < 0)
			continue;
		t->irq[i].bound = true;
		n++;
	}
	return n;
}

/* --- binding per-CPU vectors to events -------------------------------------- */

static struct xen_percpu_irq_table xen_percpu_irqs;

/* Linux IRQ + 1 of each registration on each CPU (0: not bound there). */
static DEFINE_PER_CPU(int[XEN_PERCPU_IRQ_MAX], xen_percpu_irq_nr);

/* Set once the event-channel code is initialised (xen_register_ipi()). */
static bool xen_events_ready;

/*
 * Natively ia64_handle_irq() calls scheduler_ipi() for this vector itself
 * (the registered handler is a placeholder); as an event it needs one.
 */
static irqreturn_t xen_resched_interrupt(int irq, void *dev_id)
{
	scheduler_ipi();
	return IRQ_HANDLED;
}

static int xen_bind_percpu_irq(const struct xen_percpu_irq *r,
			       unsigned int cpu)
{
	unsigned long flags = r->flags | IRQF_PERCPU | IRQF_NOBALANCING;
	irq_handler_t handler = r->handler;
	int virq = -1, ipi = -1, irq;

	switch (r->vector) {
	case IA64_TIMER_VECTOR:
		virq = VIRQ_ITC;
		break;
	case IA64_CMC_VECTOR:
		virq = VIRQ_MCA_CMC;
		break;
	case IA64_CPE_VECTOR:
		virq = VIRQ_MCA_CPE;
		break;
	case IA64_IPI_VECTOR:
		ipi = XEN_IPI_VECTOR;
		break;
	case IA64_IPI_RESCHEDULE:
		ipi = XEN_RESCHEDULE_VECTOR;
		handler = xen_resched_interrupt;
		break;
	case IA64_CMCP_VECTOR:
		ipi = XEN_CMCP_VECTOR;
		break;
	case IA64_CPEP_VECTOR:
		ipi = XEN_CPEP_VECTOR;
		break;
	default:
		/* Nothing delivers this vector under Xen: done. */
		return 0;
	}
	if (!handler)
		return 0;
	if (virq >= 0)
		irq = bind_virq_to_irqhandler(virq, cpu, handler, flags,
					      r->name, NULL);
	else
		irq = bind_ipi_to_irqhandler(ipi, cpu, handler, flags,
					     r->name, NULL);
	if (irq < 0) {
		pr_err("xen: cannot bind %s (vector %#x) on CPU%u: %d\n",
		       r->name, r->vector, cpu, irq);
		return irq;
	}
	per_cpu(xen_percpu_irq_nr, cpu)[r - xen_percpu_irqs.irq] = irq + 1;
	return 0;
}

static void xen_register_percpu_irq(u8 vec, irq_handler_t handler,
				    unsigned long flags, const char *name)
{
	int i = xen_percpu_irq_add(&xen_percpu_irqs, vec, handler, flags,
				   name);

	if (i < 0) {
		pr_err("xen: too many per-CPU interrupts, %s (vector %#x) lost\n",
		       name, vec);
		return;
	}
	/* Before the allocator and the event code: wait for the replay. */
	if (!slab_is_available() || !xen_events_ready)
		return;
	if (xen_bind_percpu_irq(&xen_percpu_irqs.irq[i],
				smp_processor_id()) == 0)
		xen_percpu_irqs.irq[i].bound = true;
}

/* A CPU coming up gets every per-CPU event the boot CPU has. */
static int xen_percpu_irq_prepare(unsigned int cpu)
{
	unsigned int i;
	int rc;

	for (i = 0; i < xen_percpu_irqs.nr; i++) {
		rc = xen_bind_percpu_irq(&xen_percpu_irqs.irq[i], cpu);
		if (rc)
			return rc;
	}
	return 0;
}

static int xen_percpu_irq_dead(unsigned int cpu)
{
	int *nr = per_cpu(xen_percpu_irq_nr, cpu);
	unsigned int i;

	for (i = 0; i < XEN_PERCPU_IRQ_MAX; i++) {
		if (nr[i])
			unbind_from_irqhandler(nr[i] - 1, NULL);
		nr[i] = 0;
	}
	return 0;
}

static void __init xen_late_time_init(void)
{
	int rc;

	xen_percpu_irq_replay(&xen_percpu_irqs, smp_processor_id(),
			      xen_bind_percpu_irq);
	rc = cpuhp_setup_state_nocalls(CPUHP_BP_PREPARE_DYN,
				       "ia64/xen/percpu_irq:prepare",
				       xen_percpu_irq_prepare,
				       xen_percpu_irq_dead);
	if (rc < 0)
		pr_err("xen: no per-CPU events for secondary CPUs: %d\n", rc);
}

/* init_IRQ(): the event-channel code first, then the native IPI set. */
static void __init xen_register_ipi(void)
{
	xen_init_IRQ();
	xen_events_ready = true;
	ia64_native_register_ipi();
}

/* --- the upcall ------------------------------------------------------------- */

void xen_ia64_evtchn_do_upcall(struct pt_regs *regs)
{
	struct pt_regs *old_regs = set_irq_regs(regs);

	irq_enter();
	xen_evtchn_do_upcall();
	irq_exit();
	set_irq_regs(old_regs);
}

/* Each CPU tells Xen where its events enter; called on the CPU itself. */
void xen_register_event_callback(void)
{
	struct callback_register event = {
		.type = CALLBACKTYPE_event,
		.address = (unsigned long)xen_event_callback,
	};
	int rc;

	rc = HYPERVISOR_callback_op(CALLBACKOP_register, &event);
	if (rc)
		panic("xen: cannot register the event callback: %d\n", rc);
}

/* --- device vectors ----------------------------------------------------------- */

static int xen_assign_irq_vector(int irq)
{
	struct physdev_irq op = { .irq = irq };

	if (HYPERVISOR_physdev_op(PHYSDEVOP_alloc_irq_vector, &op))
		return -ENOSPC;
	return op.vector;
}

static void xen_free_irq_vector(int vector)
{
	struct physdev_irq op = { .vector = vector };

	if (vector < IA64_FIRST_DEVICE_VECTOR ||
	    vector > IA64_LAST_DEVICE_VECTOR)
		return;
	if (HYPERVISOR_physdev_op(PHYSDEVOP_free_irq_vector, &op))
		pr_warn("xen: cannot free vector %#x\n", vector);
}

/*
 * A vector cannot be sent to oneself as an interrupt here: make the event
 * behind the IRQ pending again instead.  Per-CPU IRQs are numbered after
 * their vector.
 */
static void xen_resend_irq(unsigned int vector)
{
	xen_set_irq_pending(vector);
}

/* --- IOSAPIC ------------------------------------------------------------------ */

/* Xen names an IOSAPIC by its physical base. */
static unsigned long xen_iosapic_base(char __iomem *iosapic)
{
	return (unsigned long)iosapic - __IA64_UNCACHED_OFFSET;
}

static unsigned int xen_iosapic_read(char __iomem *iosapic, unsigned int reg)
{
	struct physdev_apic op = {
		.apic_physbase = xen_iosapic_base(iosapic),
		.reg = reg,
	};
	int rc = HYPERVISOR_physdev_op(PHYSDEVOP_apic_read, &op);

	return rc ? rc : op.value;
}

static void xen_iosapic_write(char __iomem *iosapic, unsigned int reg,
			      u32 val)
{
	struct physdev_apic op = {
		.apic_physbase = xen_iosapic_base(iosapic),
		.reg = reg,
		.value = val,
	};

	HYPERVISOR_physdev_op(PHYSDEVOP_apic_write, &op);
}

/* No 8259 to mask: the guest has no legacy PIC. */
static void __init xen_iosapic_pcat_compat_init(void)
{
}

/*
 * Called by xen_setup_pv_ops() on the boot CPU before start_kernel(): the
 * interrupt and time hooks of a Xen guest.
 */
void __init xen_setup_pv_irq_time_ops(void)
{
	pv_irq_ops.register_ipi = xen_register_ipi;
	pv_irq_ops.register_percpu_irq = xen_register_percpu_irq;
	pv_irq_ops.assign_irq_vector = xen_assign_irq_vector;
	pv_irq_ops.free_irq_vector = xen_free_irq_vector;
	pv_irq_ops.resend_irq = xen_resend_irq;

	pv_iosapic_ops.pcat_compat_init = xen_iosapic_pcat_compat_init;
	pv_iosapic_ops.__read = xen_iosapic_read;
	pv_iosapic_ops.__write = xen_iosapic_write;

	pv_time_ops = xen_time_ops;
	late_time_init = xen_late_time_init;
}
