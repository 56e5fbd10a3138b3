/* SPDX-License-Identifier: MIT */
/*
 * Event-channel tests: binding, sending, closing, status, masking and the
 * upcall-pending decision of the 2-level ABI, plus hostile arguments
 * through the EVTCHNOP hypercall entry.
 */
#include "hvtest.h"

static struct domain *a, *b;
static struct vcpu *av, *bv;

#define ARG_GPA	(1ULL << HV_PAGE_SHIFT)

static bool pending(struct domain *d, unsigned port)
{
	return (d->shared_info->evtchn_pending[port / 64] >> (port % 64)) & 1;
}

static void clear_upcall(struct domain *d, unsigned vcpu)
{
	struct vcpu_info *vi = &d->shared_info->vcpu_info[vcpu];

	/* What the guest's upcall handler does. */
	vi->evtchn_upcall_pending = 0;
	vi->evtchn_pending_sel = 0;
	for (unsigned i = 0; i < EVTCHN_WORDS; i++)
		d->shared_info->evtchn_pending[i] = 0;
}

static void test_interdomain(void)
{
	struct evtchn_alloc_unbound au = { .dom = DOMID_SELF, .remote_dom = 1 };
	struct evtchn_bind_interdomain bi;
	struct evtchn_status st;
	struct evtchn_send s;
	struct evtchn_close c;

	TEST_BEGIN("alloc_unbound / bind_interdomain / send / close");
	CHECK_EQ(evtchn_alloc_unbound(av, &au), 0);
	CHECK_EQ(au.port, 1);			/* port 0 is reserved */
	st = (struct evtchn_status){ .dom = DOMID_SELF, .port = au.port };
	CHECK_EQ(evtchn_status(av, &st), 0);
	CHECK_EQ(st.status, EVTCHNSTAT_unbound);
	CHECK_EQ(st.u.unbound.dom, 1);
	/* Wrong remote port / domain. */
	bi = (struct evtchn_bind_interdomain){ .remote_dom = 0, .remote_port = 2 };
	CHECK_EQ(evtchn_bind_interdomain(bv, &bi), -HV_EINVAL);
	bi = (struct evtchn_bind_interdomain){ .remote_dom = 9, .remote_port = 1 };
	CHECK_EQ(evtchn_bind_interdomain(bv, &bi), -HV_ESRCH);
	bi = (struct evtchn_bind_interdomain){ .remote_dom = 0, .remote_port = 1 << 20 };
	CHECK_EQ(evtchn_bind_interdomain(bv, &bi), -HV_EINVAL);
	/* Only the named remote domain may bind. */
	bi = (struct evtchn_bind_interdomain){ .remote_dom = 0, .remote_port = 1 };
	CHECK_EQ(evtchn_bind_interdomain(av, &bi), -HV_EINVAL);
	CHECK_EQ(evtchn_bind_interdomain(bv, &bi), 0);
	CHECK_EQ(bi.local_port, 1);
	/* Binding marks the new local port pending (lost-send safety). */
	CHECK(pending(b, 1));
	clear_upcall(b, 0);
	st = (struct evtchn_status){ .dom = DOMID_SELF, .port = 1 };
	CHECK_EQ(evtchn_status(bv, &st), 0);
	CHECK_EQ(st.status, EVTCHNSTAT_interdomain);
	CHECK_EQ(st.u.interdomain.dom, 0);
	CHECK_EQ(st.u.interdomain.port, 1);
	/* a sends: b's port 1 pending, selector bit 0, upcall raised. */
	s.port = 1;
	CHECK_EQ(evtchn_send(av, &s), 0);
	CHECK(pending(b, 1));
	CHECK_EQ(b->shared_info->vcpu_info[0].evtchn_pending_sel, 1);
	CHECK_EQ(b->shared_info->vcpu_info[0].evtchn_upcall_pending, 1);
	CHECK(!pending(a, 1));
	/* b closes: a's end returns to unbound for b. */
	c.port = 1;
	CHECK_EQ(evtchn_close(bv, &c), 0);
	st = (struct evtchn_status){ .dom = DOMID_SELF, .port = 1 };
	CHECK_EQ(evtchn_status(av, &st), 0);
	CHECK_EQ(st.status, EVTCHNSTAT_unbound);
	CHECK_EQ(st.u.unbound.dom, 1);
	CHECK_EQ(evtchn_send(av, &s), 0);		/* unbound: dropped */
	CHECK_EQ(evtchn_send(bv, &s), -HV_EINVAL);	/* closed */
	CHECK_EQ(evtchn_close(bv, &c), -HV_EINVAL);
	c.port = 0;
	CHECK_EQ(evtchn_close(av, &c), -HV_EINVAL);	/* reserved */
	c.port = 1;
	CHECK_EQ(evtchn_close(av, &c), 0);
	clear_upcall(b, 0);
	TEST_END();
}

static void test_upcall_decision(void)
{
	struct evtchn_bind_ipi ipi = { .vcpu = 1 };
	struct vcpu_info *vi = &a->shared_info->vcpu_info[1];
	struct evtchn_unmask um;
	unsigned p;

	TEST_BEGIN("pending / mask / selector / upcall decision");
	CHECK_EQ(evtchn_bind_ipi(av, &ipi), 0);
	p = ipi.port;
	/* Masked: pending bit set, but no selector bit and no upcall. */
	a->shared_info->evtchn_mask[p / 64] |= 1ULL << (p % 64);
	evtchn_set_pending(a, 1, p);
	CHECK(pending(a, p));
	CHECK_EQ(vi->evtchn_pending_sel, 0);
	CHECK_EQ(vi->evtchn_upcall_pending, 0);
	/* Unmask delivers it. */
	um.port = p;
	CHECK_EQ(evtchn_unmask(av, &um), 0);
	CHECK_EQ(a->shared_info->evtchn_mask[p / 64] & (1ULL << (p % 64)), 0);
	CHECK_EQ(vi->evtchn_pending_sel, 1ULL << (p / 64));
	CHECK_EQ(vi->evtchn_upcall_pending, 1);
	/* Already pending: a second send changes nothing. */
	vi->evtchn_upcall_pending = 0;
	evtchn_set_pending(a, 1, p);
	CHECK_EQ(vi->evtchn_upcall_pending, 0);
	/* Selector already set: no new upcall for another port in the word. */
	a->shared_info->evtchn_pending[p / 64] = 0;
	vi->evtchn_pending_sel = 1ULL << (p / 64);
	evtchn_set_pending(a, 1, p);
	CHECK(pending(a, p));
	CHECK_EQ(vi->evtchn_upcall_pending, 0);
	clear_upcall(a, 1);
	/* Port in a higher word: selector bit p/64. */
	evtchn_set_pending(a, 1, 130);
	CHECK_EQ(vi->evtchn_pending_sel, 1ULL << 2);
	CHECK_EQ(vi->evtchn_upcall_pending, 1);
	clear_upcall(a, 1);
	/* IPI send goes to vCPU 1, not 0. */
	{
		struct evtchn_send s = { .port = p };

		CHECK_EQ(evtchn_send(av, &s), 0);
		CHECK_EQ(vi->evtchn_upcall_pending, 1);
		CHECK_EQ(a->shared_info->vcpu_info[0].evtchn_upcall_pending, 0);
	}
	clear_upcall(a, 1);
	/* Target vCPU running on another pCPU: one event-check IPI to it;
	 * not running: none. */
	host_set_cpu(1);
	vcpu_switch_to(a->vcpu[1]);
	host_set_cpu(0);
	rec_reset();
	evtchn_set_pending(a, 1, p);
	CHECK_EQ(rec_count(REC_IPI), 1);
	{
		struct rec_entry r;

		CHECK(rec_get(0, &r));
		CHECK_EQ(r.mask, 2);
	}
	clear_upcall(a, 1);
	host_set_cpu(1);
	vcpu_switch_to(NULL);
	host_set_cpu(0);
	evtchn_set_pending(a, 1, p);
	CHECK_EQ(rec_count(REC_IPI), 1);
	clear_upcall(a, 1);
	um.port = 0;
	CHECK_EQ(evtchn_unmask(av, &um), -HV_EINVAL);
	um.port = NR_EVENT_CHANNELS;
	CHECK_EQ(evtchn_unmask(av, &um), -HV_EINVAL);
	TEST_END();
}

static void test_virq(void)
{
	struct evtchn_bind_virq bv_ = { .virq = VIRQ_TIMER, .vcpu = 1 };
	struct evtchn_close c;

	TEST_BEGIN("bind_virq rules and VIRQ delivery");
	CHECK_EQ(evtchn_bind_virq(av, &bv_), 0);
	CHECK_EQ(evtchn_bind_virq(av, &bv_), -HV_EEXIST);
	CHECK_EQ(evtchn_send_virq(a->vcpu[1], VIRQ_TIMER), 0);
	CHECK(pending(a, bv_.port));
	CHECK_EQ(a->shared_info->vcpu_info[1].evtchn_upcall_pending, 1);
	clear_upcall(a, 1);
	CHECK_EQ(evtchn_send_virq(a->vcpu[0], VIRQ_TIMER), -HV_ENOENT);
	{
		struct evtchn_send s = { .port = bv_.port };

		CHECK_EQ(evtchn_send(av, &s), -HV_EINVAL);	/* not sendable */
	}
	/* Global VIRQs bind on vCPU 0 only; ranges. */
	bv_ = (struct evtchn_bind_virq){ .virq = VIRQ_CONSOLE, .vcpu = 1 };
	CHECK_EQ(evtchn_bind_virq(av, &bv_), -HV_EINVAL);
	bv_ = (struct evtchn_bind_virq){ .virq = NR_VIRQS, .vcpu = 0 };
	CHECK_EQ(evtchn_bind_virq(av, &bv_), -HV_EINVAL);
	bv_ = (struct evtchn_bind_virq){ .virq = VIRQ_TIMER, .vcpu = 2 };
	CHECK_EQ(evtchn_bind_virq(av, &bv_), -HV_ENOENT);
	bv_ = (struct evtchn_bind_virq){ .virq = VIRQ_CONSOLE, .vcpu = 0 };
	CHECK_EQ(evtchn_bind_virq(av, &bv_), 0);
	CHECK_EQ(evtchn_send_virq(a->vcpu[1], VIRQ_CONSOLE), 0);	/* to vCPU 0 */
	CHECK_EQ(a->shared_info->vcpu_info[0].evtchn_upcall_pending, 1);
	clear_upcall(a, 0);
	c.port = bv_.port;
	CHECK_EQ(evtchn_close(av, &c), 0);
	CHECK_EQ(evtchn_send_virq(a->vcpu[0], VIRQ_CONSOLE), -HV_ENOENT);
	CHECK_EQ(evtchn_bind_virq(av, &bv_), 0);		/* rebindable */
	TEST_END();
}

static void test_permissions_and_entry(void)
{
	struct evtchn_alloc_unbound au = { .dom = 0, .remote_dom = DOMID_SELF };
	struct evtchn_status st = { .dom = 0, .port = 1 };
	struct evtchn_bind_ipi ipi = { .vcpu = 0 };
	struct evtchn_bind_ipi bad = { .vcpu = 7 };

	TEST_BEGIN("permissions and the EVTCHNOP entry");
	CHECK_EQ(evtchn_alloc_unbound(bv, &au), -HV_EPERM);	/* b for a */
	au.dom = 50;
	CHECK_EQ(evtchn_alloc_unbound(bv, &au), -HV_ESRCH);
	au = (struct evtchn_alloc_unbound){ .dom = DOMID_SELF, .remote_dom = 0x7ff1 };
	CHECK_EQ(evtchn_alloc_unbound(bv, &au), -HV_EINVAL);
	CHECK_EQ(evtchn_status(bv, &st), -HV_EPERM);
	st.dom = 40;
	CHECK_EQ(evtchn_status(bv, &st), -HV_ESRCH);
	st = (struct evtchn_status){ .dom = DOMID_SELF, .port = NR_EVENT_CHANNELS };
	CHECK_EQ(evtchn_status(bv, &st), -HV_EINVAL);
	/* Through guest memory. */
	CHECK_EQ(copy_to_guest(bv, ARG_GPA, &ipi, sizeof(ipi)), 0);
	CHECK_EQ(do_event_channel_op(bv, EVTCHNOP_bind_ipi, ARG_GPA), 0);
	CHECK_EQ(copy_from_guest(bv, &ipi, ARG_GPA, sizeof(ipi)), 0);
	CHECK(ipi.port > 0);
	CHECK_EQ(copy_to_guest(bv, ARG_GPA, &bad, sizeof(bad)), 0);
	CHECK_EQ(do_event_channel_op(bv, EVTCHNOP_bind_ipi, ARG_GPA), -HV_ENOENT);
	CHECK_EQ(hv_hypercall_count(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_ipi), 2);
	CHECK_EQ(do_event_channel_op(bv, EVTCHNOP_bind_ipi, 500ULL << 14), -HV_EFAULT);
	CHECK_EQ(hv_hypercall_count(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_ipi), 3);
	CHECK_EQ(do_event_channel_op(bv, EVTCHNOP_bind_pirq, ARG_GPA), -HV_ENOSYS);
	CHECK_EQ(do_event_channel_op(bv, 99, ARG_GPA), -HV_ENOSYS);
	CHECK_EQ(do_event_channel_op(bv, ~0U, ARG_GPA), -HV_ENOSYS);
	TEST_END();

	TEST_BEGIN("port exhaustion");
	{
		unsigned n = 0;
		int rc;
		struct evtchn_bind_ipi x = { .vcpu = 0 };

		while ((rc = evtchn_bind_ipi(bv, &x)) == 0)
			n++;
		CHECK_EQ(rc, -HV_ENOSPC);
		/* 4096 ports, port 0 reserved, one IPI bound above. */
		CHECK_EQ(n, NR_EVENT_CHANNELS - 2);
	}
	TEST_END();
}

static void test_peer_destroyed(void)
{
	struct domain *c = hvt_domain(5, 1, false, 2);
	struct evtchn_alloc_unbound au = { .dom = DOMID_SELF, .remote_dom = 5 };
	struct evtchn_bind_interdomain bi;
	struct evtchn_status st;
	struct evtchn_close cl;

	TEST_BEGIN("destroying a peer unbinds our end");
	CHECK_EQ(evtchn_alloc_unbound(av, &au), 0);
	bi = (struct evtchn_bind_interdomain){ .remote_dom = 0, .remote_port = au.port };
	CHECK_EQ(evtchn_bind_interdomain(c->vcpu[0], &bi), 0);
	domain_destroy(c);
	st = (struct evtchn_status){ .dom = DOMID_SELF, .port = au.port };
	CHECK_EQ(evtchn_status(av, &st), 0);
	CHECK_EQ(st.status, EVTCHNSTAT_unbound);
	CHECK_EQ(st.u.unbound.dom, 5);
	{
		struct evtchn_send s = { .port = au.port };

		CHECK_EQ(evtchn_send(av, &s), 0);	/* dropped */
	}
	cl.port = au.port;
	CHECK_EQ(evtchn_close(av, &cl), 0);
	TEST_END();
}

int main(void)
{
	hvt_init(512, 2);
	a = hvt_domain(0, 2, false, 4);
	b = hvt_domain(1, 1, false, 4);
	av = a->vcpu[0];
	bv = b->vcpu[0];
	test_interdomain();
	test_upcall_decision();
	test_virq();
	test_peer_destroyed();
	test_permissions_and_entry();
	domain_destroy(a);
	domain_destroy(b);
	return test_report();
}
