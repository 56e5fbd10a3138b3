/* SPDX-License-Identifier: MIT */
/*
 * TLB-flush clock tests: the NEED_FLUSH rule, flushes and skips on vCPU
 * context switches, and the clock wrap (at a small configured point).
 */
#include "hvtest.h"

static void test_need_flush(void)
{
	TEST_BEGIN("NEED_FLUSH rule");
	flushclock_init(0);
	CHECK_EQ(flushclock_now(), 1);
	host_set_cpu(0);
	for (unsigned i = 0; i < 9; i++)
		flushclock_local_flush();
	CHECK_EQ(flushclock_now(), 10);
	CHECK_EQ(flushclock_cpu_stamp(0), 10);
	CHECK(flushclock_need_flush(0, 1));	/* never flushed since use */
	CHECK(flushclock_need_flush(3, 3));	/* flushed before/at use */
	CHECK(!flushclock_need_flush(5, 3));	/* flushed after the use */
	CHECK(!flushclock_need_flush(0, 11));	/* use predates a wrap */
	TEST_END();
}

static void test_switches(struct domain *d, struct domain *other)
{
	struct vcpu *v0 = d->vcpu[0], *v1 = d->vcpu[1];

	TEST_BEGIN("context switch flushes only when needed");
	flushclock_init(0);
	rec_reset();
	hv_counters_reset();
	host_set_cpu(0);
	vcpu_switch_to(v0);		/* first vCPU of d here: nothing stale */
	CHECK_EQ(rec_count(REC_PTC_E), 0);
	vcpu_switch_to(v1);		/* v0's entries share d's RIDs */
	CHECK_EQ(rec_count(REC_PTC_E), 1);
	CHECK_EQ(hv_counter(CNT_FC_FLUSH), 1);
	vcpu_switch_to(v0);		/* v1 ran after that flush */
	CHECK_EQ(rec_count(REC_PTC_E), 2);
	vcpu_switch_to(v0);		/* no switch at all */
	CHECK_EQ(rec_count(REC_PTC_E), 2);
	/* Another domain's vCPU runs here and flushes the TLB itself: the
	 * stamp is newer than v0's last use, so v1 needs no flush. */
	vcpu_switch_to(other->vcpu[0]);
	vtlb_ptc_e(other->vcpu[0]);
	CHECK_EQ(rec_count(REC_PTC_E), 3);
	vcpu_switch_to(v1);
	CHECK_EQ(rec_count(REC_PTC_E), 3);
	CHECK_EQ(hv_counter(CNT_FC_SKIP), 1);
	/* v1 moves to pCPU 1 (never used by d) and back to pCPU 0: the
	 * entries it left on 0 before moving may be stale. */
	vcpu_switch_to(NULL);
	host_set_cpu(1);
	vcpu_switch_to(v1);
	CHECK_EQ(rec_count(REC_PTC_E), 3);
	vcpu_switch_to(NULL);
	host_set_cpu(0);
	vcpu_switch_to(v1);
	CHECK_EQ(rec_count(REC_PTC_E), 4);
	CHECK_EQ(d->dirty_cpus, 3);
	vcpu_switch_to(NULL);
	TEST_END();
}

static void test_wrap(struct domain *d)
{
	struct rec_entry r;
	uint32_t last_use;

	TEST_BEGIN("clock wrap flushes every CPU and restarts");
	flushclock_init(8);
	rec_reset();
	hv_counters_reset();
	host_set_cpu(1);
	vcpu_switch_to(d->vcpu[0]);
	vcpu_switch_to(NULL);
	last_use = d->fc.last_use[1];
	host_set_cpu(0);
	for (unsigned i = 0; i < 6; i++)	/* clock 1 -> 7 */
		flushclock_local_flush();
	CHECK_EQ(flushclock_now(), 7);
	CHECK_EQ(rec_count(REC_FLUSH_MASK), 0);
	flushclock_local_flush();		/* 7 -> 8 = wrap point */
	CHECK_EQ(hv_counter(CNT_FC_WRAP), 1);
	CHECK_EQ(flushclock_now(), 1);
	CHECK_EQ(rec_count(REC_FLUSH_MASK), 1);
	CHECK(rec_get(7, &r));
	CHECK_EQ(r.op, REC_FLUSH_MASK);
	CHECK_EQ(r.mask, 3);			/* both pCPUs */
	CHECK_EQ(flushclock_cpu_stamp(0), 0);
	CHECK_EQ(flushclock_cpu_stamp(1), 0);
	/* A last use from before the wrap needs no flush now. */
	CHECK(!flushclock_need_flush(flushclock_cpu_stamp(1), 5));
	(void)last_use;
	host_set_cpu(1);
	vcpu_switch_to(d->vcpu[1]);		/* v0 used cpu1 at time 1, pre-wrap */
	CHECK_EQ(rec_count(REC_PTC_E), 8);	/* cpu stamp 0 <= 1: flush */
	vcpu_switch_to(NULL);
	TEST_END();
}

int main(void)
{
	struct domain *d, *o;

	hvt_init(512, 2);
	d = hvt_domain(1, 2, false, 4);
	o = hvt_domain(2, 1, false, 4);
	test_need_flush();
	test_switches(d, o);
	test_wrap(d);
	domain_destroy(d);
	domain_destroy(o);
	return test_report();
}
