/* SPDX-License-Identifier: MIT */
/*
 * Event channels, 2-level ABI: pending and mask bitmaps in shared_info,
 * a per-vCPU selector word and the upcall_pending/upcall_mask bytes
 * (doc 4.3, 5).
 */
#ifndef HV_EVTCHN_H
#define HV_EVTCHN_H

#include "hv.h"
#include "xen_public.h"

struct domain;
struct vcpu;

enum evtchn_state {
	ECS_FREE, ECS_RESERVED, ECS_UNBOUND, ECS_INTERDOMAIN, ECS_PIRQ,
	ECS_VIRQ, ECS_IPI,
};

struct evtchn {
	uint8_t state;
	uint16_t notify_vcpu;
	union {
		domid_t remote_dom;	/* unbound: who may bind */
		struct { domid_t dom; evtchn_port_t port; } inter;
		uint32_t virq;
	} u;
};

int evtchn_init(struct domain *d);
void evtchn_destroy(struct domain *d);

/* Mark port pending for d's vCPU vcpu_id and raise the upcall if the
 * port is unmasked and the selector bit was clear. */
void evtchn_set_pending(struct domain *d, unsigned vcpu_id, evtchn_port_t port);
/* Hypervisor-raised VIRQ; -ENOENT if not bound. */
int evtchn_send_virq(struct vcpu *v, unsigned virq);

/* Handlers (return 0 or -errno; outputs in the struct). */
int evtchn_alloc_unbound(struct vcpu *v, struct evtchn_alloc_unbound *a);
int evtchn_bind_interdomain(struct vcpu *v, struct evtchn_bind_interdomain *a);
int evtchn_bind_virq(struct vcpu *v, struct evtchn_bind_virq *a);
int evtchn_bind_ipi(struct vcpu *v, struct evtchn_bind_ipi *a);
int evtchn_close(struct vcpu *v, struct evtchn_close *a);
int evtchn_send(struct vcpu *v, struct evtchn_send *a);
int evtchn_status(struct vcpu *v, struct evtchn_status *a);
int evtchn_unmask(struct vcpu *v, struct evtchn_unmask *a);

long do_event_channel_op(struct vcpu *v, unsigned cmd, uint64_t arg);

#endif
