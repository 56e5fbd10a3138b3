/* SPDX-License-Identifier: MIT */
/*
 * Event-channel stress under ThreadSanitizer: domain A offers unbound
 * ports and closes them, domain B binds, sends and closes, and a second
 * vCPU of A sends, masks/unmasks and consumes events like an upcall
 * handler -- all at once.  At the end every interdomain port must point
 * at a peer that points back, and a pending unmasked port must have its
 * selector bit set.
 */
#include "stress_common.h"

#define SLOTS		32
#define ITERS		60000

static struct domain *a, *b;
static uint32_t offered[SLOTS];	/* atomic: A's unbound ports for B */
static unsigned binds;

static void *offerer(void *arg)
{
	uint64_t seed = 11;

	(void)arg;
	hvt_run(a->vcpu[0], 0);
	for (unsigned i = 0; i < ITERS; i++) {
		unsigned s = (unsigned)(xorshift(&seed) % SLOTS);
		uint32_t p = __atomic_load_n(&offered[s], __ATOMIC_ACQUIRE);

		if (!p) {
			struct evtchn_alloc_unbound au = { .dom = DOMID_SELF,
							   .remote_dom = b->domid };

			if (evtchn_alloc_unbound(a->vcpu[0], &au) == 0)
				__atomic_store_n(&offered[s], au.port, __ATOMIC_RELEASE);
		} else if (xorshift(&seed) % 4 == 0) {
			struct evtchn_close c = { .port = p };

			__atomic_store_n(&offered[s], 0, __ATOMIC_RELEASE);
			evtchn_close(a->vcpu[0], &c);
		}
	}
	vcpu_switch_to(NULL);
	return NULL;
}

static void *binder(void *arg)
{
	uint64_t seed = 22;
	uint32_t mine[SLOTS] = { 0 };

	(void)arg;
	hvt_run(b->vcpu[0], 1);
	for (unsigned i = 0; i < ITERS; i++) {
		unsigned s = (unsigned)(xorshift(&seed) % SLOTS);
		uint32_t p = __atomic_load_n(&offered[s], __ATOMIC_ACQUIRE);

		if (!mine[s] && p) {
			struct evtchn_bind_interdomain bi = { .remote_dom = a->domid,
							      .remote_port = p };

			if (evtchn_bind_interdomain(b->vcpu[0], &bi) == 0) {
				mine[s] = bi.local_port;
				binds++;
			}
		} else if (mine[s]) {
			struct evtchn_send snd = { .port = mine[s] };
			struct evtchn_close c = { .port = mine[s] };

			evtchn_send(b->vcpu[0], &snd);
			if (xorshift(&seed) % 8 == 0) {
				evtchn_close(b->vcpu[0], &c);
				mine[s] = 0;
			}
		}
	}
	vcpu_switch_to(NULL);
	return NULL;
}

static void *consumer(void *arg)
{
	struct shared_info *si = a->shared_info;
	uint64_t seed = 33;

	(void)arg;
	hvt_run(a->vcpu[1], 2);
	for (unsigned i = 0; i < ITERS; i++) {
		unsigned p = 1 + (unsigned)(xorshift(&seed) % 64);
		struct evtchn_send snd = { .port = p };
		struct evtchn_unmask um = { .port = p };

		switch (xorshift(&seed) % 4) {
		case 0:
			evtchn_send(a->vcpu[1], &snd);
			break;
		case 1:
			__atomic_fetch_or(&si->evtchn_mask[p / 64], 1ULL << (p % 64),
					  __ATOMIC_ACQ_REL);
			break;
		case 2:
			evtchn_unmask(a->vcpu[1], &um);
			break;
		case 3: {	/* the guest's upcall handler on vCPU 0's data */
			struct vcpu_info *vi = &si->vcpu_info[0];
			uint64_t sel;

			__atomic_store_n(&vi->evtchn_upcall_pending, 0, __ATOMIC_RELEASE);
			sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_ACQ_REL);
			for (unsigned w = 0; w < EVTCHN_WORDS; w++)
				if (sel & (1ULL << w))
					__atomic_fetch_and(&si->evtchn_pending[w],
						__atomic_load_n(&si->evtchn_mask[w],
								__ATOMIC_ACQUIRE),
						__ATOMIC_ACQ_REL);
			break;
		}
		}
	}
	vcpu_switch_to(NULL);
	return NULL;
}

static unsigned check_pairs(struct domain *x, struct domain *y)
{
	unsigned bad = 0;

	for (evtchn_port_t p = 1; p < 256; p++) {
		struct evtchn_status st = { .dom = DOMID_SELF, .port = p }, back;

		if (evtchn_status(x->vcpu[0], &st) || st.status != EVTCHNSTAT_interdomain)
			continue;
		back = (struct evtchn_status){ .dom = DOMID_SELF,
					       .port = st.u.interdomain.port };
		if (st.u.interdomain.dom != y->domid ||
		    evtchn_status(y->vcpu[0], &back) ||
		    back.status != EVTCHNSTAT_interdomain ||
		    back.u.interdomain.port != p || back.u.interdomain.dom != x->domid)
			bad++;
	}
	return bad;
}

int main(void)
{
	pthread_t t[3];
	uint64_t free0;

	hvt_init(1024, 3);
	free0 = host_free_pages();
	a = hvt_domain(1, 2, false, 2);
	b = hvt_domain(2, 1, false, 2);
	pthread_create(&t[0], NULL, offerer, NULL);
	pthread_create(&t[1], NULL, binder, NULL);
	pthread_create(&t[2], NULL, consumer, NULL);
	for (unsigned i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	TEST_BEGIN("concurrent bind/send/close/unmask: consistent pairs");
	CHECK_EQ(check_pairs(a, b), 0);
	CHECK_EQ(check_pairs(b, a), 0);
	for (unsigned w = 0; w < EVTCHN_WORDS; w++) {
		struct shared_info *si = a->shared_info;
		uint64_t live = si->evtchn_pending[w] & ~si->evtchn_mask[w];
		uint64_t sel = si->vcpu_info[0].evtchn_pending_sel |
			       si->vcpu_info[1].evtchn_pending_sel;

		/* The consumer only clears a word's selector after taking the
		 * unmasked pending bits of that word. */
		if (live && !(sel & (1ULL << w)))
			CHECK_EQ(w, ~0U);
	}
	/* The run must have exercised the interesting paths. */
	CHECK(binds > 0);
	TEST_END();
	printf("stress_evtchn: %u binds\n", binds);
	TEST_BEGIN("teardown returns every page");
	domain_destroy(a);
	domain_destroy(b);
	CHECK_EQ(host_free_pages(), free0);
	TEST_END();
	return test_report();
}
