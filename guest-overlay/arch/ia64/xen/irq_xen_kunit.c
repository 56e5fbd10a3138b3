// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ia64-xen-percpu-irq: the table in which a Xen guest keeps
 * its per-CPU interrupt registrations until they can be bound to events.
 *
 * Binding is a callback, so the suite runs on bare hardware too: a fake
 * binder records what it was asked to bind, and can be told to fail.
 */

#include <kunit/test.h>
#include <linux/interrupt.h>

#include <asm/hw_irq.h>

#include "irq_xen.h"

struct fake_binder {
	unsigned int calls;
	u8 vectors[2 * XEN_PERCPU_IRQ_MAX];
	unsigned int cpu;
	u8 fail_vector;		/* 0: never fail */
};

static struct fake_binder *binder;

static int fake_bind(const struct xen_percpu_irq *r, unsigned int cpu)
{
	if (binder->calls < ARRAY_SIZE(binder->vectors))
		binder->vectors[binder->calls] = r->vector;
	binder->calls++;
	binder->cpu = cpu;
	return r->vector == binder->fail_vector ? -EIO : 0;
}

static irqreturn_t fake_handler(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static void percpu_irq_queue_limit(struct kunit *test)
{
	struct xen_percpu_irq_table *t;
	unsigned int i;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	for (i = 0; i < XEN_PERCPU_IRQ_MAX; i++)
		KUNIT_EXPECT_EQ(test, xen_percpu_irq_add(t, 0x20 + i,
							 fake_handler, 0, "t"),
				(int)i);
	KUNIT_EXPECT_EQ(test, xen_percpu_irq_add(t, 0x40, fake_handler, 0,
						 "t"), -ENOSPC);
	KUNIT_EXPECT_EQ(test, t->nr, (unsigned int)XEN_PERCPU_IRQ_MAX);
	KUNIT_EXPECT_EQ(test, t->irq[3].vector, 0x23);
	KUNIT_EXPECT_PTR_EQ(test, (void *)t->irq[3].handler,
			    (void *)fake_handler);
	KUNIT_EXPECT_FALSE(test, t->irq[3].bound);
}

static void percpu_irq_queue_replay(struct kunit *test)
{
	struct xen_percpu_irq_table *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	binder = kunit_kzalloc(test, sizeof(*binder), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_NOT_NULL(test, binder);

	/* Queued before anything can be bound: replayed in order. */
	xen_percpu_irq_add(t, IA64_TIMER_VECTOR, fake_handler, 0, "timer");
	xen_percpu_irq_add(t, IA64_IPI_VECTOR, fake_handler, 0, "IPI");
	xen_percpu_irq_add(t, IA64_IPI_RESCHEDULE, fake_handler, 0, "resched");
	binder->fail_vector = IA64_IPI_VECTOR;
	KUNIT_EXPECT_EQ(test, xen_percpu_irq_replay(t, 0, fake_bind), 2U);
	KUNIT_EXPECT_EQ(test, binder->calls, 3U);
	KUNIT_EXPECT_EQ(test, binder->vectors[0], IA64_TIMER_VECTOR);
	KUNIT_EXPECT_EQ(test, binder->vectors[1], IA64_IPI_VECTOR);
	KUNIT_EXPECT_EQ(test, binder->vectors[2], IA64_IPI_RESCHEDULE);
	KUNIT_EXPECT_TRUE(test, t->irq[0].bound);
	KUNIT_EXPECT_FALSE(test, t->irq[1].bound);
	KUNIT_EXPECT_TRUE(test, t->irq[2].bound);

	/* Only what failed, and what came later, is bound again. */
	binder->fail_vector = 0;
	binder->calls = 0;
	xen_percpu_irq_add(t, IA64_CMCP_VECTOR, fake_handler, 0, "cmcp");
	KUNIT_EXPECT_EQ(test, xen_percpu_irq_replay(t, 5, fake_bind), 2U);
	KUNIT_EXPECT_EQ(test, binder->calls, 2U);
	KUNIT_EXPECT_EQ(test, binder->vectors[0], IA64_IPI_VECTOR);
	KUNIT_EXPECT_EQ(test, binder->vectors[1], IA64_CMCP_VECTOR);
	KUNIT_EXPECT_EQ(test, binder->cpu, 5U);

	/* Nothing left. */
	binder->calls = 0;
	KUNIT_EXPECT_EQ(test, xen_percpu_irq_replay(t, 0, fake_bind), 0U);
	KUNIT_EXPECT_EQ(test, binder->calls, 0U);
}

static struct kunit_case xen_percpu_irq_cases[] = {
	KUNIT_CASE(percpu_irq_queue_limit),
	KUNIT_CASE(percpu_irq_queue_replay),
	{}
};

static struct kunit_suite xen_percpu_irq_suite = {
	.name = "ia64-xen-percpu-irq",
	.test_cases = xen_percpu_irq_cases,
};

kunit_test_suite(xen_percpu_irq_suite);
