/* SPDX-License-Identifier: MIT */
/*
 * Local SAPIC and interval timer tests (docs/ia64-platform.md §8.1-8.2,
 * SDM Vol. 2 "External Interrupt Control Registers"): IVR acknowledge
 * order, spurious vector 15, in-service masking, TPR mic/mmi, EOI, IRR
 * reads, ITV masking, ITM crossings including ITC jumps and ITC writes,
 * and delivery through the External Interrupt vector (IVA + 0x3000).
 * Registers are accessed through sys_mov_{to,from}_cr, the path `mov cr`
 * takes.
 */
#include "test/harness.h"
#include "test_mmu_util.h"
#include "ar.h"
#include "platform.h"

static struct cpu *cpu(void)
{
	struct cpu *c = t_cpu();

	if (!lsapic_attach(c, 0, 0))
		abort();
	return c;
}

static void done(struct cpu *c)
{
	lsapic_detach(c);
	t_free(c);
}

static uint64_t rd(struct cpu *c, unsigned cr)
{
	uint64_t v = 0xdead;

	CHECK_EQ(sys_mov_from_cr(c, cr, &v), X_NEXT);
	return v;
}

static void wr(struct cpu *c, unsigned cr, uint64_t v)
{
	CHECK_EQ(sys_mov_to_cr(c, cr, v), X_NEXT);
}

static void test_ivr_order(void)
{
	struct cpu *c = cpu();

	TEST_BEGIN("IVR: spurious 15 when nothing is pending");
	CHECK_EQ(rd(c, CR_IVR), 15);
	CHECK(!lsapic_pending(c));
	TEST_END();

	TEST_BEGIN("IVR returns the highest pending vector and moves it in service");
	lsapic_raise(c, 0x31);
	lsapic_raise(c, 0xef);
	lsapic_raise(c, 0x80);
	CHECK_EQ(rd(c, CR_IRR1), 0);		/* vectors 64-127: only 0x80 is set, in IRR2 */
	CHECK_EQ(rd(c, CR_IRR0), 1ULL << 0x31);
	CHECK_EQ(rd(c, CR_IRR3), 1ULL << (0xef & 63));
	CHECK_EQ(rd(c, CR_IRR2), 1ULL << (0x80 & 63));
	CHECK_EQ(rd(c, CR_IVR), 0xef);
	CHECK_EQ(rd(c, CR_IRR3), 0);		/* left IRR */
	/* 0x80 and 0x31 are below the in-service 0xef: masked */
	CHECK_EQ(rd(c, CR_IVR), 15);
	CHECK(!lsapic_pending(c));
	TEST_END();

	TEST_BEGIN("a higher vector nests above the in-service one");
	lsapic_raise(c, 0xfd);
	CHECK(lsapic_pending(c));
	CHECK_EQ(rd(c, CR_IVR), 0xfd);
	TEST_END();

	TEST_BEGIN("EOI retires the highest in-service vector first");
	wr(c, CR_EOI, 0);			/* retires 0xfd, 0xef still in service */
	CHECK_EQ(rd(c, CR_IVR), 15);
	wr(c, CR_EOI, 0);			/* retires 0xef */
	CHECK_EQ(rd(c, CR_IVR), 0x80);
	wr(c, CR_EOI, 0);
	CHECK_EQ(rd(c, CR_IVR), 0x31);
	wr(c, CR_EOI, 0);
	CHECK_EQ(rd(c, CR_IVR), 15);
	/* the drain loop of cpu_init: an EOI with nothing in service is harmless */
	wr(c, CR_EOI, 0);
	CHECK_EQ(rd(c, CR_EOI), 0);
	TEST_END();

	TEST_BEGIN("vectors 0-15 cannot be raised");
	lsapic_raise(c, 2);
	lsapic_raise(c, 15);
	CHECK_EQ(rd(c, CR_IRR0), 0);
	CHECK_EQ(rd(c, CR_IVR), 15);
	TEST_END();
	done(c);
}

static void test_tpr(void)
{
	struct cpu *c = cpu();

	TEST_BEGIN("TPR.mic masks the classes 0..mic");
	lsapic_raise(c, 0x3f);			/* class 3 */
	wr(c, CR_TPR, 3 << 4);
	CHECK(!lsapic_pending(c));
	CHECK_EQ(rd(c, CR_IVR), 15);
	CHECK_EQ(rd(c, CR_IRR0), 1ULL << 0x3f);	/* still pending */
	wr(c, CR_TPR, 2 << 4);
	CHECK(lsapic_pending(c));
	CHECK_EQ(rd(c, CR_IVR), 0x3f);
	wr(c, CR_EOI, 0);
	TEST_END();

	TEST_BEGIN("TPR.mmi masks every vector");
	lsapic_raise(c, 0xfe);
	wr(c, CR_TPR, 1ULL << 16);
	CHECK(!lsapic_pending(c));
	CHECK_EQ(rd(c, CR_IVR), 15);
	wr(c, CR_TPR, 0);
	CHECK_EQ(rd(c, CR_IVR), 0xfe);
	TEST_END();
	done(c);
}

static void test_delivery(void)
{
	struct cpu *c = cpu();

	TEST_BEGIN("lsapic_check takes the External Interrupt only with PSR.i");
	c->psr = PSR_IC;
	c->ip = 0x4000;
	c->slot = 1;
	lsapic_raise(c, 0xef);
	CHECK(!lsapic_check(c));
	CHECK_EQ(c->ip, 0x4000);
	c->psr = PSR_IC | PSR_I;
	CHECK(lsapic_check(c));
	CHECK_EQ(c->ip, T_IVA + 0x3000);
	CHECK_EQ(c->cr[CR_IIP], 0x4000);
	CHECK_EQ((c->cr[CR_IPSR] >> PSR_RI_SHIFT) & 3, 1);
	CHECK_EQ(c->psr & PSR_I, 0);		/* interruption clears PSR.i */
	CHECK_EQ(c->counters[CNT_EXTINT], 1);
	/* the vector is still pending in IRR until the handler reads IVR */
	CHECK_EQ(rd(c, CR_IVR), 0xef);
	TEST_END();
	done(c);
}

static void test_lid(void)
{
	struct cpu *c = t_cpu();

	TEST_BEGIN("cr.lid carries id 31:24 and eid 23:16");
	lsapic_attach(c, 3, 0x12);
	CHECK_EQ(rd(c, CR_LID), 0x03120000);
	CHECK_EQ(lsapic_id(c), 3);
	CHECK_EQ(lsapic_eid(c), 0x12);
	/* ITV/PMV/CMCV/LRR0/LRR1 come out of reset masked (m = bit 16) */
	CHECK_EQ(rd(c, CR_ITV) >> 16 & 1, 1);
	CHECK_EQ(rd(c, CR_LRR1) >> 16 & 1, 1);
	TEST_END();
	done(c);
}

/* Let the ITC run to `itc` by pretending slots retired. */
static void run_to(struct cpu *c, uint64_t itc)
{
	c->retired = itc - c->ar[AR_ITC];
}

static void test_timer(void)
{
	struct cpu *c = cpu();

	TEST_BEGIN("ITM match: pending once the ITC passes ITM");
	run_to(c, 1000);
	wr(c, CR_ITV, 0xef);
	wr(c, CR_ITM, 1500);
	CHECK_EQ(lsapic_next_event(c), 1500);
	run_to(c, 1499);
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	run_to(c, 1500);
	lsapic_tick(c);
	CHECK(lsapic_pending(c));
	CHECK_EQ(rd(c, CR_IVR), 0xef);
	wr(c, CR_EOI, 0);
	TEST_END();

	TEST_BEGIN("no second tick without a new ITM");
	run_to(c, 100000);
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	CHECK_EQ(lsapic_next_event(c), UINT64_MAX);	/* ITM is behind the ITC */
	TEST_END();

	TEST_BEGIN("an ITC jump over ITM still fires");
	wr(c, CR_ITM, 100400);
	run_to(c, 5000000);
	lsapic_tick(c);
	CHECK_EQ(rd(c, CR_IVR), 0xef);
	wr(c, CR_EOI, 0);
	TEST_END();

	TEST_BEGIN("ITV.m suppresses the timer vector");
	wr(c, CR_ITV, 0xef | 1ULL << 16);
	wr(c, CR_ITM, 5000100);
	CHECK_EQ(lsapic_next_event(c), UINT64_MAX);
	run_to(c, 5000200);
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	TEST_END();

	TEST_BEGIN("the crossing of the old ITM is kept when ITM is rewritten late");
	wr(c, CR_ITV, 0xe0);
	wr(c, CR_ITM, 5000300);
	run_to(c, 5000400);			/* crossed, not yet looked at */
	wr(c, CR_ITM, 6000000);
	CHECK_EQ(rd(c, CR_IVR), 0xe0);
	wr(c, CR_EOI, 0);
	TEST_END();

	TEST_BEGIN("writing the ITC backwards crosses nothing; time then runs on");
	cpu_itc_write(c, 0);			/* cpu_init: ITC := 0 */
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	wr(c, CR_ITM, 700);
	run_to(c, 699);
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	run_to(c, 701);
	lsapic_tick(c);
	CHECK_EQ(rd(c, CR_IVR), 0xe0);
	wr(c, CR_EOI, 0);
	TEST_END();

	TEST_BEGIN("idle fast-forward: ITC set to the next event fires the tick");
	wr(c, CR_ITM, 123456789);
	CHECK_EQ(lsapic_next_event(c), 123456789);
	cpu_itc_write(c, lsapic_next_event(c));
	CHECK(lsapic_check(c) == false);	/* PSR.i = 0: pending, not taken */
	CHECK(lsapic_pending(c));
	TEST_END();

	TEST_BEGIN("a CPU reset (ITC back to 0, offset untouched) crosses nothing");
	wr(c, CR_EOI, 0);
	(void)rd(c, CR_IVR);
	wr(c, CR_EOI, 0);
	cpu_itc_write(c, 0);
	wr(c, CR_ITM, 1000);
	run_to(c, 50000);
	lsapic_tick(c);
	CHECK_EQ(rd(c, CR_IVR), 0xe0);
	wr(c, CR_EOI, 0);
	c->retired = 0;				/* ar[AR_ITC] stays 0 as well */
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	run_to(c, 999);
	lsapic_tick(c);
	CHECK(!lsapic_pending(c));
	run_to(c, 1001);
	lsapic_tick(c);
	CHECK_EQ(rd(c, CR_IVR), 0xe0);
	TEST_END();

	TEST_BEGIN("ITM crossing across the 64-bit wrap");
	wr(c, CR_EOI, 0);
	(void)rd(c, CR_IVR);
	wr(c, CR_EOI, 0);
	cpu_itc_write(c, UINT64_MAX - 10);
	lsapic_tick(c);
	wr(c, CR_ITM, 5);
	run_to(c, 20);
	lsapic_tick(c);
	CHECK_EQ(rd(c, CR_IVR), 0xe0);
	TEST_END();
	done(c);
}

int main(void)
{
	lsapic_install();
	test_ivr_order();
	test_tpr();
	test_delivery();
	test_lid();
	test_timer();
	return test_report();
}
