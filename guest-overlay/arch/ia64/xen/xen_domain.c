// SPDX-License-Identifier: GPL-2.0
/*
 * The state behind xen_domain(), xen_pv_domain() and xen_initial_domain().
 *
 * include/xen/xen.h expects the architecture to provide xen_domain_type and
 * xen_start_flags.  On ia64 a Xen guest is always paravirtualized, and the
 * decision is taken by head.S (see xen_entry.S): the Xen setup hook runs
 * on every CPU before C code proper, and the boot CPU records the domain
 * type there.
 */

#include <linux/export.h>
#include <linux/types.h>
#include <xen/xen.h>

#include <asm/paravirt_guest.h>

enum xen_domain_type xen_domain_type = XEN_NATIVE;
EXPORT_SYMBOL_GPL(xen_domain_type);

/* SIF_* flags from start_info; stays 0 until start_info is parsed. */
u32 xen_start_flags;
EXPORT_SYMBOL(xen_start_flags);

void xen_setup_hook(unsigned long is_bsp)
{
	if (is_bsp)
		xen_domain_type = XEN_PV_DOMAIN;
}
