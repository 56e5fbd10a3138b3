/* SPDX-License-Identifier: MIT */
/*
 * Event channels (see evtchn.h).  Port state is protected by the owning
 * domain's evtchn_lock; operations that touch two domains take both locks
 * in domain-id order.  The shared_info bitmaps are shared with the guest
 * and updated with atomic read-modify-write only.
 */
#include "counters.h"
#include "domain.h"
#include "evtchn.h"

static bool virq_is_per_vcpu(unsigned virq)
{
	static const bool per_vcpu[NR_VIRQS] = {
		[VIRQ_TIMER] = true, [VIRQ_DEBUG] = true, [VIRQ_XENOPROF] = true,
		[VIRQ_XENPMU] = true, [VIRQ_ARCH_0] = true, [VIRQ_ARCH_1] = true,
		[VIRQ_ARCH_2] = true,
	};

	return virq < NR_VIRQS && per_vcpu[virq];
}

static int close_port(struct domain *d, evtchn_port_t port);

int evtchn_init(struct domain *d)
{
	d->nr_evtchn = NR_EVENT_CHANNELS;
	d->evtchn = arch_heap_alloc(d->nr_evtchn * sizeof(struct evtchn), 64);
	if (!d->evtchn)
		return -HV_ENOMEM;
	for (unsigned i = 0; i < d->nr_evtchn; i++)
		d->evtchn[i] = (struct evtchn){ .state = ECS_FREE };
	d->evtchn[0].state = ECS_RESERVED;	/* port 0 is never valid */
	return 0;
}

void evtchn_destroy(struct domain *d)
{
	if (!d->evtchn)
		return;
	/* Peers' interdomain ends go back to unbound, as on a close. */
	for (evtchn_port_t p = 1; p < d->nr_evtchn; p++)
		if (d->evtchn[p].state != ECS_FREE)
			close_port(d, p);
	arch_heap_free(d->evtchn);
	d->evtchn = NULL;
}

static bool test_and_set64(uint64_t *w, unsigned bit)
{
	return __atomic_fetch_or(w, 1ULL << bit, __ATOMIC_ACQ_REL) & (1ULL << bit);
}

/* Set upcall_pending; if the vCPU is running on another pCPU right now,
 * kick that pCPU so the event is not left waiting for its next exit. */
static void raise_upcall(struct domain *d, unsigned vcpu_id)
{
	int cpu;

	__atomic_store_n(&d->shared_info->vcpu_info[vcpu_id].evtchn_upcall_pending, 1,
			 __ATOMIC_RELEASE);
	cpu = __atomic_load_n(&d->vcpu[vcpu_id]->processor, __ATOMIC_ACQUIRE);
	if (cpu >= 0 && (unsigned)cpu != arch_cpu_id())
		arch_kick_cpu((unsigned)cpu);
}

void evtchn_set_pending(struct domain *d, unsigned vcpu_id, evtchn_port_t port)
{
	struct shared_info *s = d->shared_info;
	struct vcpu_info *vi;

	if (port >= d->nr_evtchn || vcpu_id >= d->nr_vcpus)
		return;
	vi = &s->vcpu_info[vcpu_id];
	/* Already pending: the guest has not consumed the last one. */
	if (test_and_set64(&s->evtchn_pending[port / 64], port % 64))
		return;
	if (__atomic_load_n(&s->evtchn_mask[port / 64], __ATOMIC_ACQUIRE) &
	    (1ULL << (port % 64)))
		return;
	/* Selector bit already set: an upcall is already due. */
	if (test_and_set64(&vi->evtchn_pending_sel, port / 64))
		return;
	raise_upcall(d, vcpu_id);
}

static void lock_pair(struct domain *a, struct domain *b)
{
	if (a == b) {
		hv_spin_lock(&a->evtchn_lock);
	} else if (a->domid < b->domid) {
		hv_spin_lock(&a->evtchn_lock);
		hv_spin_lock(&b->evtchn_lock);
	} else {
		hv_spin_lock(&b->evtchn_lock);
		hv_spin_lock(&a->evtchn_lock);
	}
}

static void unlock_pair(struct domain *a, struct domain *b)
{
	hv_spin_unlock(&a->evtchn_lock);
	if (a != b)
		hv_spin_unlock(&b->evtchn_lock);
}

/* Lowest free port; caller holds d->evtchn_lock. */
static int get_free_port(struct domain *d)
{
	for (unsigned p = 1; p < d->nr_evtchn; p++)
		if (d->evtchn[p].state == ECS_FREE)
			return (int)p;
	return -HV_ENOSPC;
}

static bool port_valid(struct domain *d, evtchn_port_t p)
{
	return p > 0 && p < d->nr_evtchn;
}

int evtchn_alloc_unbound(struct vcpu *v, struct evtchn_alloc_unbound *a)
{
	struct domain *d = domain_lookup(a->dom, v->domain);
	domid_t rdom = a->remote_dom == DOMID_SELF ? v->domain->domid : a->remote_dom;
	int port;

	if (!d)
		return a->dom >= DOMID_FIRST_RESERVED ? -HV_EINVAL : -HV_ESRCH;
	if (d != v->domain && !v->domain->privileged)
		return -HV_EPERM;
	if (rdom >= DOMID_FIRST_RESERVED)
		return -HV_EINVAL;
	hv_spin_lock(&d->evtchn_lock);
	port = get_free_port(d);
	if (port > 0) {
		d->evtchn[port] = (struct evtchn){ .state = ECS_UNBOUND,
						   .u.remote_dom = rdom };
		a->port = (evtchn_port_t)port;
	}
	hv_spin_unlock(&d->evtchn_lock);
	return port < 0 ? port : 0;
}

int evtchn_bind_interdomain(struct vcpu *v, struct evtchn_bind_interdomain *a)
{
	struct domain *ld = v->domain, *rd = domain_lookup(a->remote_dom, ld);
	struct evtchn *rc;
	int lport, err = 0;

	if (!rd)
		return -HV_ESRCH;
	if (!port_valid(rd, a->remote_port))
		return -HV_EINVAL;
	lock_pair(ld, rd);
	rc = &rd->evtchn[a->remote_port];
	if (rc->state != ECS_UNBOUND || rc->u.remote_dom != ld->domid) {
		err = -HV_EINVAL;
		goto out;
	}
	lport = get_free_port(ld);
	if (lport < 0) {
		err = lport;
		goto out;
	}
	/* Binding to one's own port: the two ends must differ. */
	if (rd == ld && (evtchn_port_t)lport == a->remote_port) {
		err = -HV_EINVAL;
		goto out;
	}
	ld->evtchn[lport] = (struct evtchn){ .state = ECS_INTERDOMAIN,
		.u.inter = { .dom = rd->domid, .port = a->remote_port } };
	rc->state = ECS_INTERDOMAIN;
	rc->u.inter.dom = ld->domid;
	rc->u.inter.port = (evtchn_port_t)lport;
	a->local_port = (evtchn_port_t)lport;
	/* A send may have been lost while the port was unbound. */
	evtchn_set_pending(ld, 0, (evtchn_port_t)lport);
out:
	unlock_pair(ld, rd);
	return err;
}

int evtchn_bind_virq(struct vcpu *v, struct evtchn_bind_virq *a)
{
	struct domain *d = v->domain;
	struct vcpu *t;
	int port;

	if (a->virq >= NR_VIRQS)
		return -HV_EINVAL;
	if (!virq_is_per_vcpu(a->virq) && a->vcpu != 0)
		return -HV_EINVAL;
	if (a->vcpu >= d->nr_vcpus)
		return -HV_ENOENT;
	t = d->vcpu[a->vcpu];
	hv_spin_lock(&d->evtchn_lock);
	if (t->virq_to_port[a->virq]) {
		port = -HV_EEXIST;
	} else if ((port = get_free_port(d)) > 0) {
		d->evtchn[port] = (struct evtchn){ .state = ECS_VIRQ,
			.notify_vcpu = (uint16_t)a->vcpu, .u.virq = a->virq };
		t->virq_to_port[a->virq] = port;
		a->port = (evtchn_port_t)port;
	}
	hv_spin_unlock(&d->evtchn_lock);
	return port < 0 ? port : 0;
}

int evtchn_bind_ipi(struct vcpu *v, struct evtchn_bind_ipi *a)
{
	struct domain *d = v->domain;
	int port;

	if (a->vcpu >= d->nr_vcpus)
		return -HV_ENOENT;
	hv_spin_lock(&d->evtchn_lock);
	port = get_free_port(d);
	if (port > 0) {
		d->evtchn[port] = (struct evtchn){ .state = ECS_IPI,
			.notify_vcpu = (uint16_t)a->vcpu };
		a->port = (evtchn_port_t)port;
	}
	hv_spin_unlock(&d->evtchn_lock);
	return port < 0 ? port : 0;
}

static int close_port(struct domain *d, evtchn_port_t port)
{
	struct domain *rd = NULL;
	struct evtchn *c;

	if (!port_valid(d, port))
		return -HV_EINVAL;
	for (;;) {
		hv_spin_lock(&d->evtchn_lock);
		c = &d->evtchn[port];
		if (c->state != ECS_INTERDOMAIN)
			break;
		/* Re-take the locks in order, then check nothing moved. */
		rd = domain_lookup(c->u.inter.dom, d);
		if (!rd)	/* the peer is gone: just free our end */
			break;
		hv_spin_unlock(&d->evtchn_lock);
		lock_pair(d, rd);
		if (c->state == ECS_INTERDOMAIN && c->u.inter.dom == rd->domid)
			break;
		unlock_pair(d, rd);
		rd = NULL;
	}
	switch (c->state) {
	case ECS_UNBOUND: case ECS_IPI:
		break;
	case ECS_VIRQ:
		d->vcpu[c->notify_vcpu]->virq_to_port[c->u.virq] = 0;
		break;
	case ECS_INTERDOMAIN:
		if (rd) {
			struct evtchn *r = &rd->evtchn[c->u.inter.port];

			/* The other end goes back to waiting for us. */
			if (r->state == ECS_INTERDOMAIN && r->u.inter.dom == d->domid &&
			    r->u.inter.port == port) {
				r->state = ECS_UNBOUND;
				r->u.remote_dom = d->domid;
			}
		}
		break;
	default:	/* free, reserved, pirq (not supported) */
		if (rd)
			unlock_pair(d, rd);
		else
			hv_spin_unlock(&d->evtchn_lock);
		return -HV_EINVAL;
	}
	*c = (struct evtchn){ .state = ECS_FREE };
	if (rd)
		unlock_pair(d, rd);
	else
		hv_spin_unlock(&d->evtchn_lock);
	return 0;
}

int evtchn_close(struct vcpu *v, struct evtchn_close *a)
{
	return close_port(v->domain, a->port);
}

int evtchn_send(struct vcpu *v, struct evtchn_send *a)
{
	struct domain *d = v->domain, *rd;
	struct evtchn c;

	if (!port_valid(d, a->port))
		return -HV_EINVAL;
	hv_spin_lock(&d->evtchn_lock);
	c = d->evtchn[a->port];
	if (c.state == ECS_IPI)
		evtchn_set_pending(d, c.notify_vcpu, a->port);
	hv_spin_unlock(&d->evtchn_lock);
	switch (c.state) {
	case ECS_INTERDOMAIN:
		rd = domain_lookup(c.u.inter.dom, d);
		if (!rd)
			return 0;
		hv_spin_lock(&rd->evtchn_lock);
		/* Deliver only if the far end still points back at us. */
		if (rd->evtchn[c.u.inter.port].state == ECS_INTERDOMAIN &&
		    rd->evtchn[c.u.inter.port].u.inter.dom == d->domid)
			evtchn_set_pending(rd, rd->evtchn[c.u.inter.port].notify_vcpu,
					   c.u.inter.port);
		hv_spin_unlock(&rd->evtchn_lock);
		return 0;
	case ECS_IPI:
	case ECS_UNBOUND:	/* nobody listens yet: dropped */
		return 0;
	default:
		return -HV_EINVAL;
	}
}

int evtchn_send_virq(struct vcpu *v, unsigned virq)
{
	struct domain *d = v->domain;
	struct vcpu *t = virq_is_per_vcpu(virq) ? v : d->vcpu[0];
	int port;

	if (virq >= NR_VIRQS)
		return -HV_EINVAL;
	hv_spin_lock(&d->evtchn_lock);
	port = t->virq_to_port[virq];
	if (port)
		evtchn_set_pending(d, t->id, (evtchn_port_t)port);
	hv_spin_unlock(&d->evtchn_lock);
	return port ? 0 : -HV_ENOENT;
}

int evtchn_status(struct vcpu *v, struct evtchn_status *a)
{
	static const uint32_t stat[] = {
		[ECS_FREE] = EVTCHNSTAT_closed, [ECS_RESERVED] = EVTCHNSTAT_closed,
		[ECS_UNBOUND] = EVTCHNSTAT_unbound,
		[ECS_INTERDOMAIN] = EVTCHNSTAT_interdomain,
		[ECS_PIRQ] = EVTCHNSTAT_pirq, [ECS_VIRQ] = EVTCHNSTAT_virq,
		[ECS_IPI] = EVTCHNSTAT_ipi,
	};
	struct domain *d = domain_lookup(a->dom, v->domain);
	struct evtchn c;

	if (!d)
		return a->dom >= DOMID_FIRST_RESERVED ? -HV_EINVAL : -HV_ESRCH;
	if (d != v->domain && !v->domain->privileged)
		return -HV_EPERM;
	if (a->port >= d->nr_evtchn)
		return -HV_EINVAL;
	hv_spin_lock(&d->evtchn_lock);
	c = d->evtchn[a->port];
	hv_spin_unlock(&d->evtchn_lock);
	a->status = stat[c.state];
	a->vcpu = c.notify_vcpu;
	a->u.interdomain.port = 0;
	a->u.interdomain.dom = 0;
	if (c.state == ECS_UNBOUND)
		a->u.unbound.dom = c.u.remote_dom;
	else if (c.state == ECS_INTERDOMAIN) {
		a->u.interdomain.dom = c.u.inter.dom;
		a->u.interdomain.port = c.u.inter.port;
	} else if (c.state == ECS_VIRQ)
		a->u.virq = c.u.virq;
	return 0;
}

int evtchn_unmask(struct vcpu *v, struct evtchn_unmask *a)
{
	struct domain *d = v->domain;
	struct shared_info *s = d->shared_info;
	unsigned vid;

	if (!port_valid(d, a->port))
		return -HV_EINVAL;
	hv_spin_lock(&d->evtchn_lock);
	vid = d->evtchn[a->port].notify_vcpu;
	hv_spin_unlock(&d->evtchn_lock);
	/* Unmasking a pending port delivers it now, as a send would have. */
	if ((__atomic_fetch_and(&s->evtchn_mask[a->port / 64],
				~(1ULL << (a->port % 64)), __ATOMIC_ACQ_REL) &
	     (1ULL << (a->port % 64))) &&
	    (__atomic_load_n(&s->evtchn_pending[a->port / 64], __ATOMIC_ACQUIRE) &
	     (1ULL << (a->port % 64))) &&
	    !test_and_set64(&s->vcpu_info[vid].evtchn_pending_sel, a->port / 64))
		raise_upcall(d, vid);
	return 0;
}
