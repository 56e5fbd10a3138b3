// SPDX-License-Identifier: GPL-2.0
/*
 * The HYPERVISOR_*() wrappers of the generic Xen code, for Xen/ia64.
 *
 * Each wrapper knows the argument structure of every operation it
 * supports: it turns the argument pointer into a xencomm address, and any
 * guest handle inside the structure as well.  Nested handles are rewritten
 * in place for the duration of the hypercall and then restored, so the
 * caller's structure looks untouched apart from the hypervisor's output
 * fields.  Unknown operations fail with -ENOSYS: passing a virtual address
 * to the hypervisor would at best fail there and at worst hit the wrong
 * memory.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/string.h>

#include <xen/interface/xen.h>
#include <xen/interface/callback.h>
#include <xen/interface/event_channel.h>
#include <xen/interface/grant_table.h>
#include <xen/interface/hvm/hvm_op.h>
#include <xen/interface/memory.h>
#include <xen/interface/physdev.h>
#include <xen/interface/sched.h>
#include <xen/interface/vcpu.h>
#include <xen/interface/version.h>

#include <asm/xen/hypercall.h>
#include <asm/xen/xencomm.h>

/* Operation not handled here: never reaches the hypervisor. */
#define XCOM_UNKNOWN	(-1L)

/*
 * One hypercall whose argument number @pos (1-3) is the buffer @arg of
 * @size bytes; the value given for that position in @a1..@a3 is ignored.
 */
static long xcom_call(unsigned long nr, unsigned long a1, unsigned long a2,
		      unsigned long a3, int pos, void *arg, long size)
{
	struct xencomm_mini mini;
	struct xencomm_handle *h;
	unsigned long a[3] = { a1, a2, a3 };
	long rc;

	if (size == XCOM_UNKNOWN)
		return -ENOSYS;
	h = xencomm_map(arg, size, &mini);
	if (IS_ERR(h))
		return PTR_ERR(h);
	a[pos - 1] = (unsigned long)h;
	rc = __xen_hypercall(a[0], a[1], a[2], 0, 0, nr);
	xencomm_unmap(h, &mini);
	return rc;
}

/* A guest handle inside an argument, rewritten for one hypercall. */
struct xcom_nested {
	u64 *field;
	u64 saved;
	struct xencomm_handle *h;
	struct xencomm_mini mini;
};

static int nested_map(struct xcom_nested *n, u64 *field, unsigned long bytes)
{
	n->field = field;
	n->saved = *field;
	n->h = xencomm_map((void *)n->saved, bytes, &n->mini);
	if (IS_ERR(n->h))
		return PTR_ERR(n->h);
	*field = (u64)n->h;
	return 0;
}

static void nested_unmap(struct xcom_nested *n)
{
	*n->field = n->saved;
	xencomm_unmap(n->h, &n->mini);
}

/*
 * The tables below give the argument size of each sub-operation whose
 * argument is one fixed-size structure, indexed by sub-operation; 0 means
 * not handled here.
 */
static long arg_size(const unsigned int *table, unsigned int n, int cmd)
{
	if (cmd < 0 || cmd >= n || !table[cmd])
		return XCOM_UNKNOWN;
	return table[cmd];
}

static const unsigned int version_arg_size[] = {
	[XENVER_extraversion] = sizeof(struct xen_extraversion),
	[XENVER_compile_info] = sizeof(struct xen_compile_info),
	[XENVER_capabilities] = sizeof(struct xen_capabilities_info),
	[XENVER_changeset] = sizeof(struct xen_changeset_info),
	[XENVER_platform_parameters] = sizeof(struct xen_platform_parameters),
	[XENVER_get_features] = sizeof(struct xen_feature_info),
	[XENVER_guest_handle] = sizeof(xen_domain_handle_t),
	[XENVER_commandline] = sizeof(struct xen_commandline),
};

static long version_size(int cmd, void *arg)
{
	switch (cmd) {
	case XENVER_version:
	case XENVER_pagesize:
		return 0;
	case XENVER_build_id:
		/* The caller says how big its buffer is. */
		if (!arg)
			return 0;
		return sizeof(struct xen_build_id) +
			((struct xen_build_id *)arg)->len;
	}
	return arg_size(version_arg_size, ARRAY_SIZE(version_arg_size), cmd);
}

int HYPERVISOR_xen_version(int cmd, void *arg)
{
	return xcom_call(__HYPERVISOR_xen_version, cmd, 0, 0, 2, arg,
			 version_size(cmd, arg));
}
EXPORT_SYMBOL_GPL(HYPERVISOR_xen_version);

int HYPERVISOR_console_io(int cmd, int count, char *str)
{
	if (count < 0)
		return -EINVAL;
	return xcom_call(__HYPERVISOR_console_io, cmd, count, 0, 3, str, count);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_console_io);

static const unsigned int evtchn_arg_size[] = {
	[EVTCHNOP_bind_interdomain] = sizeof(struct evtchn_bind_interdomain),
	[EVTCHNOP_bind_virq] = sizeof(struct evtchn_bind_virq),
	[EVTCHNOP_bind_pirq] = sizeof(struct evtchn_bind_pirq),
	[EVTCHNOP_close] = sizeof(struct evtchn_close),
	[EVTCHNOP_send] = sizeof(struct evtchn_send),
	[EVTCHNOP_status] = sizeof(struct evtchn_status),
	[EVTCHNOP_alloc_unbound] = sizeof(struct evtchn_alloc_unbound),
	[EVTCHNOP_bind_ipi] = sizeof(struct evtchn_bind_ipi),
	[EVTCHNOP_bind_vcpu] = sizeof(struct evtchn_bind_vcpu),
	[EVTCHNOP_unmask] = sizeof(struct evtchn_unmask),
	[EVTCHNOP_reset] = sizeof(struct evtchn_reset),
	[EVTCHNOP_init_control] = sizeof(struct evtchn_init_control),
	[EVTCHNOP_expand_array] = sizeof(struct evtchn_expand_array),
	[EVTCHNOP_set_priority] = sizeof(struct evtchn_set_priority),
};

static long evtchn_size(int cmd)
{
	return arg_size(evtchn_arg_size, ARRAY_SIZE(evtchn_arg_size), cmd);
}

int HYPERVISOR_event_channel_op(int cmd, void *arg)
{
	return xcom_call(__HYPERVISOR_event_channel_op, cmd, 0, 0, 2, arg,
			 evtchn_size(cmd));
}
EXPORT_SYMBOL_GPL(HYPERVISOR_event_channel_op);

int HYPERVISOR_sched_op(int cmd, void *arg)
{
	struct sched_poll *poll = arg;
	struct xcom_nested ports;
	long size, rc;

	switch (cmd) {
	case SCHEDOP_yield:
	case SCHEDOP_block:
		size = 0;
		break;
	case SCHEDOP_shutdown:
		size = sizeof(struct sched_shutdown);
		break;
	case SCHEDOP_remote_shutdown:
		size = sizeof(struct sched_remote_shutdown);
		break;
	case SCHEDOP_shutdown_code:
		size = sizeof(struct sched_shutdown);
		break;
	case SCHEDOP_watchdog:
		size = sizeof(struct sched_watchdog);
		break;
	case SCHEDOP_poll:
		rc = nested_map(&ports, &poll->ports.q,
				poll->nr_ports * sizeof(evtchn_port_t));
		if (rc)
			return rc;
		rc = xcom_call(__HYPERVISOR_sched_op, cmd, 0, 0, 2, arg,
			       sizeof(*poll));
		nested_unmap(&ports);
		return rc;
	default:
		size = XCOM_UNKNOWN;
		break;
	}
	return xcom_call(__HYPERVISOR_sched_op, cmd, 0, 0, 2, arg, size);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_sched_op);

static int memory_reservation_op(unsigned int cmd,
				 struct xen_memory_reservation *res)
{
	struct xcom_nested extents;
	long rc;

	rc = nested_map(&extents, &res->extent_start.q,
			res->nr_extents * sizeof(xen_pfn_t));
	if (rc)
		return rc;
	rc = xcom_call(__HYPERVISOR_memory_op, cmd, 0, 0, 2, res,
		       sizeof(*res));
	nested_unmap(&extents);
	return rc;
}

static int add_to_physmap_range_op(struct xen_add_to_physmap_range *xatpr)
{
	struct xcom_nested idxs, gpfns, errs;
	long rc;

	rc = nested_map(&idxs, &xatpr->idxs.q,
			xatpr->size * sizeof(xen_ulong_t));
	if (rc)
		return rc;
	rc = nested_map(&gpfns, &xatpr->gpfns.q,
			xatpr->size * sizeof(xen_pfn_t));
	if (rc)
		goto out_idxs;
	rc = nested_map(&errs, &xatpr->errs.q, xatpr->size * sizeof(int));
	if (rc)
		goto out_gpfns;
	rc = xcom_call(__HYPERVISOR_memory_op, XENMEM_add_to_physmap_range,
		       0, 0, 2, xatpr, sizeof(*xatpr));
	nested_unmap(&errs);
out_gpfns:
	nested_unmap(&gpfns);
out_idxs:
	nested_unmap(&idxs);
	return rc;
}

/*
 * XENMEM_machine_memory_map on ia64 returns the EFI memory map: nr_entries
 * is the size of the buffer in bytes (struct xen_ia64_memmap_info
 * included), not a number of entries.
 */
static int memory_map_op(unsigned int cmd, struct xen_memory_map *map)
{
	struct xcom_nested buffer;
	long rc;

	rc = nested_map(&buffer, &map->buffer.q, map->nr_entries);
	if (rc)
		return rc;
	rc = xcom_call(__HYPERVISOR_memory_op, cmd, 0, 0, 2, map,
		       sizeof(*map));
	nested_unmap(&buffer);
	return rc;
}

int HYPERVISOR_memory_op(unsigned int cmd, void *arg)
{
	long size;

	switch (cmd) {
	case XENMEM_increase_reservation:
	case XENMEM_decrease_reservation:
	case XENMEM_populate_physmap:
		return memory_reservation_op(cmd, arg);
	case XENMEM_add_to_physmap_range:
		return add_to_physmap_range_op(arg);
	case XENMEM_machine_memory_map:
		return memory_map_op(cmd, arg);
	case XENMEM_maximum_ram_page:
		size = 0;
		break;
	case XENMEM_current_reservation:
	case XENMEM_maximum_reservation:
		size = sizeof(domid_t);
		break;
	case XENMEM_add_to_physmap:
		size = sizeof(struct xen_add_to_physmap);
		break;
	case XENMEM_remove_from_physmap:
		size = sizeof(struct xen_remove_from_physmap);
		break;
	default:
		size = XCOM_UNKNOWN;
		break;
	}
	return xcom_call(__HYPERVISOR_memory_op, cmd, 0, 0, 2, arg, size);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_memory_op);

/*
 * Ops with a frame list handle: the generic code only ever passes one
 * structure at a time, so that is all that is supported.
 */
static int gnttab_frame_list_op(unsigned int cmd, void *uop, u64 *handle,
				unsigned long bytes, long size)
{
	struct xcom_nested frames;
	long rc;

	rc = nested_map(&frames, handle, bytes);
	if (rc)
		return rc;
	rc = xcom_call(__HYPERVISOR_grant_table_op, cmd, 0, 1, 2, uop, size);
	nested_unmap(&frames);
	return rc;
}

/*
 * GNTMAP_host_map addresses are guest-physical on ia64 (the generic code
 * stores __pa() because the guest is auto-translated); the hypervisor
 * cannot map grants into page tables or for devices.
 */
static bool gnttab_map_supported(struct gnttab_map_grant_ref *map,
				 unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		if (map[i].flags & (GNTMAP_application_map |
				    GNTMAP_contains_pte | GNTMAP_device_map))
			return false;
	}
	return true;
}

int HYPERVISOR_grant_table_op(unsigned int cmd, void *uop, unsigned int count)
{
	struct gnttab_setup_table *setup = uop;
	struct gnttab_get_status_frames *status = uop;
	long size;

	switch (cmd) {
	case GNTTABOP_map_grant_ref:
		if (WARN_ON_ONCE(!gnttab_map_supported(uop, count)))
			return -EINVAL;
		size = sizeof(struct gnttab_map_grant_ref);
		break;
	case GNTTABOP_unmap_grant_ref:
		size = sizeof(struct gnttab_unmap_grant_ref);
		break;
	case GNTTABOP_setup_table:
		if (count != 1)
			return -EINVAL;
		return gnttab_frame_list_op(cmd, uop, &setup->frame_list.q,
					    sizeof(xen_pfn_t) *
					    setup->nr_frames, sizeof(*setup));
	case GNTTABOP_get_status_frames:
		if (count != 1)
			return -EINVAL;
		return gnttab_frame_list_op(cmd, uop, &status->frame_list.q,
					    status->nr_frames * sizeof(u64),
					    sizeof(*status));
	case GNTTABOP_copy:
		size = sizeof(struct gnttab_copy);
		break;
	case GNTTABOP_query_size:
		size = sizeof(struct gnttab_query_size);
		break;
	case GNTTABOP_set_version:
		size = sizeof(struct gnttab_set_version);
		break;
	case GNTTABOP_get_version:
		size = sizeof(struct gnttab_get_version);
		break;
	default:
		return -ENOSYS;
	}
	return xcom_call(__HYPERVISOR_grant_table_op, cmd, 0, count, 2, uop,
			 size * count);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_grant_table_op);

static const unsigned int physdev_arg_size[] = {
	[PHYSDEVOP_eoi] = sizeof(struct physdev_eoi),
	[PHYSDEVOP_pirq_eoi_gmfn_v2] = sizeof(struct physdev_pirq_eoi_gmfn),
	[PHYSDEVOP_irq_status_query] = sizeof(struct physdev_irq_status_query),
	[PHYSDEVOP_apic_read] = sizeof(struct physdev_apic),
	[PHYSDEVOP_apic_write] = sizeof(struct physdev_apic),
	[PHYSDEVOP_alloc_irq_vector] = sizeof(struct physdev_irq),
	[PHYSDEVOP_free_irq_vector] = sizeof(struct physdev_irq),
	[PHYSDEVOP_map_pirq] = sizeof(struct physdev_map_pirq),
	[PHYSDEVOP_unmap_pirq] = sizeof(struct physdev_unmap_pirq),
	[PHYSDEVOP_manage_pci_add] = sizeof(struct physdev_manage_pci),
	[PHYSDEVOP_manage_pci_remove] = sizeof(struct physdev_manage_pci),
	[PHYSDEVOP_manage_pci_add_ext] = sizeof(struct physdev_manage_pci_ext),
	[PHYSDEVOP_restore_msi] = sizeof(struct physdev_restore_msi),
	[PHYSDEVOP_setup_gsi] = sizeof(struct physdev_setup_gsi),
	[PHYSDEVOP_get_nr_pirqs] = sizeof(struct physdev_nr_pirqs),
	[PHYSDEVOP_get_free_pirq] = sizeof(struct physdev_get_free_pirq),
	[PHYSDEVOP_pci_mmcfg_reserved] = sizeof(struct physdev_pci_mmcfg_reserved),
	[PHYSDEVOP_pci_device_remove] = sizeof(struct physdev_pci_device),
	[PHYSDEVOP_restore_msi_ext] = sizeof(struct physdev_pci_device),
	[PHYSDEVOP_prepare_msix] = sizeof(struct physdev_pci_device),
	[PHYSDEVOP_release_msix] = sizeof(struct physdev_pci_device),
	[PHYSDEVOP_dbgp_op] = sizeof(struct physdev_dbgp_op),
};

static long physdev_size(int cmd, void *arg)
{
	struct physdev_pci_device_add *add = arg;

	/* The only optional field is the proximity domain. */
	if (cmd == PHYSDEVOP_pci_device_add)
		return sizeof(*add) +
			((add->flags & XEN_PCI_DEV_PXM) ? sizeof(u32) : 0);
	return arg_size(physdev_arg_size, ARRAY_SIZE(physdev_arg_size), cmd);
}

int HYPERVISOR_physdev_op(int cmd, void *arg)
{
	return xcom_call(__HYPERVISOR_physdev_op, cmd, 0, 0, 2, arg,
			 physdev_size(cmd, arg));
}
EXPORT_SYMBOL_GPL(HYPERVISOR_physdev_op);

/*
 * The runstate area stays registered: the hypervisor keeps its address
 * and updates it on every vCPU switch, so it gets the inline (physical)
 * address of the area itself, which must be physically contiguous.
 */
static int register_runstate_op(int vcpuid,
				struct vcpu_register_runstate_memory_area *area)
{
	struct xencomm_handle *h;
	u64 saved = area->addr.p;
	long rc;

	if (saved) {
		h = xencomm_inline(area->addr.v);
		if (IS_ERR(h))
			return PTR_ERR(h);
		area->addr.p = (u64)h;
	}
	rc = xcom_call(__HYPERVISOR_vcpu_op,
		       VCPUOP_register_runstate_memory_area, vcpuid, 0, 3,
		       area, sizeof(*area));
	area->addr.p = saved;
	return rc;
}

int HYPERVISOR_vcpu_op(int cmd, int vcpuid, void *extra_args)
{
	long size;

	switch (cmd) {
	case VCPUOP_up:
	case VCPUOP_down:
	case VCPUOP_is_up:
	case VCPUOP_stop_periodic_timer:
	case VCPUOP_stop_singleshot_timer:
	case VCPUOP_send_nmi:
		size = 0;
		break;
	case VCPUOP_get_runstate_info:
		size = sizeof(struct vcpu_runstate_info);
		break;
	case VCPUOP_register_runstate_memory_area:
		return register_runstate_op(vcpuid, extra_args);
	case VCPUOP_set_periodic_timer:
		size = sizeof(struct vcpu_set_periodic_timer);
		break;
	case VCPUOP_set_singleshot_timer:
		size = sizeof(struct vcpu_set_singleshot_timer);
		break;
	case VCPUOP_register_vcpu_info:
		size = sizeof(struct vcpu_register_vcpu_info);
		break;
	case VCPUOP_get_physid:
		size = sizeof(struct vcpu_get_physid);
		break;
	default:
		/* VCPUOP_initialise: ia64 starts vCPUs through the firmware. */
		size = XCOM_UNKNOWN;
		break;
	}
	return xcom_call(__HYPERVISOR_vcpu_op, cmd, vcpuid, 0, 3, extra_args,
			 size);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_vcpu_op);

int HYPERVISOR_callback_op(int cmd, void *arg)
{
	long size;

	switch (cmd) {
	case CALLBACKOP_register:
		size = sizeof(struct callback_register);
		break;
	case CALLBACKOP_unregister:
		size = sizeof(struct callback_unregister);
		break;
	default:
		size = XCOM_UNKNOWN;
		break;
	}
	return xcom_call(__HYPERVISOR_callback_op, cmd, 0, 0, 2, arg, size);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_callback_op);

unsigned long HYPERVISOR_hvm_op(int op, void *arg)
{
	long size;

	switch (op) {
	case HVMOP_set_param:
	case HVMOP_get_param:
		size = sizeof(struct xen_hvm_param);
		break;
	default:
		size = XCOM_UNKNOWN;
		break;
	}
	return xcom_call(__HYPERVISOR_hvm_op, op, 0, 0, 2, arg, size);
}
EXPORT_SYMBOL_GPL(HYPERVISOR_hvm_op);
