/* SPDX-License-Identifier: MIT */
/*
 * The public Xen ABI pieces this core implements: grant-table v1 and
 * event-channel hypercall numbers, argument structures, flags and status
 * codes, and the shared_info page layout for a 64-bit (LP64) guest.
 * Numbers and layouts are the published interface; the definitions are
 * written here from that specification.
 */
#ifndef HV_XEN_PUBLIC_H
#define HV_XEN_PUBLIC_H

#include <stdint.h>

/* Hypercall numbers. */
#define __HYPERVISOR_grant_table_op	20
#define __HYPERVISOR_event_channel_op	32

/* ---- Grant tables (v1) ---- */
typedef uint32_t grant_ref_t;
typedef uint32_t grant_handle_t;

struct grant_entry_v1 {
	uint16_t flags;
	uint16_t domid;
	uint32_t frame;
};
_Static_assert(sizeof(struct grant_entry_v1) == 8, "grant_entry_v1 size");

#define GTF_invalid		0U
#define GTF_permit_access	1U
#define GTF_accept_transfer	2U
#define GTF_transitive		3U
#define GTF_type_mask		3U
#define GTF_readonly		(1U << 2)
#define GTF_reading		(1U << 3)
#define GTF_writing		(1U << 4)
#define GTF_PWT			(1U << 5)
#define GTF_PCD			(1U << 6)
#define GTF_PAT			(1U << 7)
#define GTF_sub_page		(1U << 8)

#define GNTTABOP_map_grant_ref		0
#define GNTTABOP_unmap_grant_ref	1
#define GNTTABOP_setup_table		2
#define GNTTABOP_dump_table		3
#define GNTTABOP_transfer		4
#define GNTTABOP_copy			5
#define GNTTABOP_query_size		6

#define GNTMAP_device_map	(1U << 0)
#define GNTMAP_host_map		(1U << 1)
#define GNTMAP_readonly		(1U << 2)
#define GNTMAP_application_map	(1U << 3)
#define GNTMAP_contains_pte	(1U << 4)

#define GNTST_okay		0
#define GNTST_general_error	(-1)
#define GNTST_bad_domain	(-2)
#define GNTST_bad_gntref	(-3)
#define GNTST_bad_handle	(-4)
#define GNTST_bad_virt_addr	(-5)
#define GNTST_bad_dev_addr	(-6)
#define GNTST_no_device_space	(-7)
#define GNTST_permission_denied	(-8)
#define GNTST_bad_page		(-9)
#define GNTST_bad_copy_arg	(-10)
#define GNTST_address_too_big	(-11)
#define GNTST_eagain		(-12)

struct gnttab_map_grant_ref {
	uint64_t host_addr;	/* IA-64: guest pseudo-physical address */
	uint32_t flags;
	grant_ref_t ref;
	uint16_t dom;
	int16_t status;
	grant_handle_t handle;
	uint64_t dev_bus_addr;
};
_Static_assert(sizeof(struct gnttab_map_grant_ref) == 32, "map size");

struct gnttab_unmap_grant_ref {
	uint64_t host_addr;
	uint64_t dev_bus_addr;
	grant_handle_t handle;
	int16_t status;
};
_Static_assert(sizeof(struct gnttab_unmap_grant_ref) == 24, "unmap size");

struct gnttab_setup_table {
	uint16_t dom;
	uint32_t nr_frames;
	int16_t status;
	uint64_t frame_list;	/* guest handle: array of xen_pfn_t (u64) */
};
_Static_assert(sizeof(struct gnttab_setup_table) == 24, "setup size");

struct gnttab_query_size {
	uint16_t dom;
	uint32_t nr_frames;
	uint32_t max_nr_frames;
	int16_t status;
};
_Static_assert(sizeof(struct gnttab_query_size) == 16, "query size");

/* ---- Event channels ---- */
typedef uint32_t evtchn_port_t;

#define EVTCHNOP_bind_interdomain	0
#define EVTCHNOP_bind_virq		1
#define EVTCHNOP_bind_pirq		2
#define EVTCHNOP_close			3
#define EVTCHNOP_send			4
#define EVTCHNOP_status			5
#define EVTCHNOP_alloc_unbound		6
#define EVTCHNOP_bind_ipi		7
#define EVTCHNOP_bind_vcpu		8
#define EVTCHNOP_unmask			9

struct evtchn_alloc_unbound {
	uint16_t dom, remote_dom;
	evtchn_port_t port;
};
struct evtchn_bind_interdomain {
	uint16_t remote_dom;
	evtchn_port_t remote_port;
	evtchn_port_t local_port;
};
struct evtchn_bind_virq {
	uint32_t virq;
	uint32_t vcpu;
	evtchn_port_t port;
};
struct evtchn_bind_ipi {
	uint32_t vcpu;
	evtchn_port_t port;
};
struct evtchn_close { evtchn_port_t port; };
struct evtchn_send { evtchn_port_t port; };
struct evtchn_unmask { evtchn_port_t port; };

#define EVTCHNSTAT_closed	0
#define EVTCHNSTAT_unbound	1
#define EVTCHNSTAT_interdomain	2
#define EVTCHNSTAT_pirq		3
#define EVTCHNSTAT_virq		4
#define EVTCHNSTAT_ipi		5

struct evtchn_status {
	uint16_t dom;
	evtchn_port_t port;
	uint32_t status;
	uint32_t vcpu;
	union {
		struct { uint16_t dom; } unbound;
		struct { uint16_t dom; evtchn_port_t port; } interdomain;
		uint32_t pirq;
		uint32_t virq;
	} u;
};
_Static_assert(sizeof(struct evtchn_status) == 24, "evtchn_status size");

/* VIRQs. */
#define VIRQ_TIMER	0
#define VIRQ_DEBUG	1
#define VIRQ_CONSOLE	2
#define VIRQ_DOM_EXC	3
#define VIRQ_TBUF	4
#define VIRQ_DEBUGGER	6
#define VIRQ_XENOPROF	7
#define VIRQ_CON_RING	8
#define VIRQ_PCPU_STATE	9
#define VIRQ_MEM_EVENT	10
#define VIRQ_ENOMEM	12
#define VIRQ_XENPMU	13
#define VIRQ_ARCH_0	16	/* IA-64: VIRQ_ITC */
#define VIRQ_ARCH_1	17	/* IA-64: VIRQ_MCA_CMC */
#define VIRQ_ARCH_2	18	/* IA-64: VIRQ_MCA_CPE */
#define NR_VIRQS	24

/* ---- shared_info (LP64: unsigned long = 64 bits) ---- */
#define XEN_LEGACY_MAX_VCPUS	64
#define EVTCHN_WORDS		64		/* 64 x 64 bits */
#define NR_EVENT_CHANNELS	(EVTCHN_WORDS * 64)

struct vcpu_time_info {
	uint32_t version, pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	int8_t pad1[3];
};

struct vcpu_info {
	uint8_t evtchn_upcall_pending;
	uint8_t evtchn_upcall_mask;	/* IA-64: the virtual psr.i (inverted) */
	uint64_t evtchn_pending_sel;
	struct vcpu_time_info time;
};
_Static_assert(sizeof(struct vcpu_info) == 48, "vcpu_info size");

struct shared_info {
	struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];
	uint64_t evtchn_pending[EVTCHN_WORDS];
	uint64_t evtchn_mask[EVTCHN_WORDS];
	uint32_t wc_version, wc_sec, wc_nsec, pad;
	uint64_t arch[36];	/* arch_shared_info (doc 4.4) */
};
_Static_assert(sizeof(struct shared_info) <= 16384, "shared_info fits a page");

#endif
