/* SPDX-License-Identifier: MIT */
/*
 * Hypercall entry points for grant_table_op and event_channel_op: the
 * sub-operation is looked up in a table (argument size + handler), the
 * argument is copied in through copy_from_guest, handled, and copied back.
 * Unknown sub-ops get -ENOSYS, unreadable arguments -EFAULT.
 */
#include "counters.h"
#include "domain.h"
#include "evtchn.h"
#include "grant_table.h"
#include "guest_access.h"

/* Per-sub-operation call counts, next to the totals in counters.c. */
#define HC_OPS	16
static uint64_t gnttab_calls[HC_OPS], evtchn_calls[HC_OPS];

static void count_op(uint64_t *tab, unsigned cmd)
{
	__atomic_fetch_add(&tab[cmd < HC_OPS ? cmd : HC_OPS - 1], 1, __ATOMIC_RELAXED);
}

uint64_t hv_hypercall_count(unsigned hypercall, unsigned cmd)
{
	const uint64_t *tab = hypercall == __HYPERVISOR_grant_table_op ? gnttab_calls :
			      hypercall == __HYPERVISOR_event_channel_op ? evtchn_calls :
			      NULL;

	return tab ? __atomic_load_n(&tab[cmd < HC_OPS ? cmd : HC_OPS - 1],
				     __ATOMIC_RELAXED) : 0;
}

/* Large enough for any argument structure below. */
union hc_arg {
	struct gnttab_map_grant_ref map;
	struct gnttab_unmap_grant_ref unmap;
	struct gnttab_setup_table setup;
	struct gnttab_query_size query;
	struct evtchn_alloc_unbound alloc_unbound;
	struct evtchn_bind_interdomain bind_interdomain;
	struct evtchn_bind_virq bind_virq;
	struct evtchn_bind_ipi bind_ipi;
	struct evtchn_close close;
	struct evtchn_send send;
	struct evtchn_status status;
	struct evtchn_unmask unmask;
};

struct gnttab_op_desc {
	size_t size;
	bool single;		/* count must be 1 */
	void (*fn)(struct vcpu *v, union hc_arg *a);
};

static void op_map(struct vcpu *v, union hc_arg *a) { gnttab_map(v, &a->map); }
static void op_unmap(struct vcpu *v, union hc_arg *a) { gnttab_unmap(v, &a->unmap); }
static void op_setup(struct vcpu *v, union hc_arg *a) { gnttab_setup_table(v, &a->setup); }
static void op_query(struct vcpu *v, union hc_arg *a) { gnttab_query_size(v, &a->query); }

static const struct gnttab_op_desc gnttab_ops[] = {
	[GNTTABOP_map_grant_ref] = { sizeof(struct gnttab_map_grant_ref), false, op_map },
	[GNTTABOP_unmap_grant_ref] = { sizeof(struct gnttab_unmap_grant_ref), false, op_unmap },
	[GNTTABOP_setup_table] = { sizeof(struct gnttab_setup_table), true, op_setup },
	[GNTTABOP_query_size] = { sizeof(struct gnttab_query_size), true, op_query },
};

long do_grant_table_op(struct vcpu *v, unsigned cmd, uint64_t uop, unsigned count)
{
	const struct gnttab_op_desc *op;
	union hc_arg a;

	hv_count(CNT_HC_GNTTAB);
	count_op(gnttab_calls, cmd);
	if (cmd >= HV_ARRAY_SIZE(gnttab_ops) || !gnttab_ops[cmd].fn) {
		hv_count(CNT_HC_BAD);
		return -HV_ENOSYS;
	}
	op = &gnttab_ops[cmd];
	if (count > GT_MAX_BATCH || (op->single && count != 1))
		return -HV_EINVAL;
	for (unsigned i = 0; i < count; i++) {
		uint64_t at = uop + (uint64_t)i * op->size;

		if (at < uop || copy_from_guest(v, &a, at, op->size))
			return -HV_EFAULT;
		op->fn(v, &a);
		if (copy_to_guest(v, at, &a, op->size))
			return -HV_EFAULT;
	}
	return 0;
}

struct evtchn_op_desc {
	size_t size;
	int (*fn)(struct vcpu *v, union hc_arg *a);
};

static int ev_alloc_unbound(struct vcpu *v, union hc_arg *a) { return evtchn_alloc_unbound(v, &a->alloc_unbound); }
static int ev_bind_interdomain(struct vcpu *v, union hc_arg *a) { return evtchn_bind_interdomain(v, &a->bind_interdomain); }
static int ev_bind_virq(struct vcpu *v, union hc_arg *a) { return evtchn_bind_virq(v, &a->bind_virq); }
static int ev_bind_ipi(struct vcpu *v, union hc_arg *a) { return evtchn_bind_ipi(v, &a->bind_ipi); }
static int ev_close(struct vcpu *v, union hc_arg *a) { return evtchn_close(v, &a->close); }
static int ev_send(struct vcpu *v, union hc_arg *a) { return evtchn_send(v, &a->send); }
static int ev_status(struct vcpu *v, union hc_arg *a) { return evtchn_status(v, &a->status); }
static int ev_unmask(struct vcpu *v, union hc_arg *a) { return evtchn_unmask(v, &a->unmask); }

static const struct evtchn_op_desc evtchn_ops[] = {
	[EVTCHNOP_bind_interdomain] = { sizeof(struct evtchn_bind_interdomain), ev_bind_interdomain },
	[EVTCHNOP_bind_virq] = { sizeof(struct evtchn_bind_virq), ev_bind_virq },
	[EVTCHNOP_close] = { sizeof(struct evtchn_close), ev_close },
	[EVTCHNOP_send] = { sizeof(struct evtchn_send), ev_send },
	[EVTCHNOP_status] = { sizeof(struct evtchn_status), ev_status },
	[EVTCHNOP_alloc_unbound] = { sizeof(struct evtchn_alloc_unbound), ev_alloc_unbound },
	[EVTCHNOP_bind_ipi] = { sizeof(struct evtchn_bind_ipi), ev_bind_ipi },
	[EVTCHNOP_unmask] = { sizeof(struct evtchn_unmask), ev_unmask },
};

long do_event_channel_op(struct vcpu *v, unsigned cmd, uint64_t arg)
{
	const struct evtchn_op_desc *op;
	union hc_arg a;
	int rc;

	hv_count(CNT_HC_EVTCHN);
	count_op(evtchn_calls, cmd);
	if (cmd >= HV_ARRAY_SIZE(evtchn_ops) || !evtchn_ops[cmd].fn) {
		hv_count(CNT_HC_BAD);
		return -HV_ENOSYS;
	}
	op = &evtchn_ops[cmd];
	if (copy_from_guest(v, &a, arg, op->size))
		return -HV_EFAULT;
	rc = op->fn(v, &a);
	if (rc == 0 && copy_to_guest(v, arg, &a, op->size))
		return -HV_EFAULT;
	return rc;
}
