// SPDX-License-Identifier: GPL-2.0
/*
 * Report which hypervisor head.S detected.
 *
 * hypervisor_type itself lives in head.S (it is written before the MMU is
 * on); this file only makes the decision visible in the boot log, so that
 * a native boot of a paravirtualized kernel says so explicitly.
 */

#include <linux/init.h>
#include <linux/printk.h>

#include <asm/paravirt_guest.h>

static const char * const hypervisor_names[PARAVIRT_HYPERVISOR_TYPE_NR] = {
	[PARAVIRT_HYPERVISOR_TYPE_DEFAULT]	= "native",
	[PARAVIRT_HYPERVISOR_TYPE_XEN]		= "Xen",
};

static int __init paravirt_report_hypervisor(void)
{
	unsigned long type = hypervisor_type;

	if (type < PARAVIRT_HYPERVISOR_TYPE_NR)
		pr_info("paravirt: hypervisor: %s\n", hypervisor_names[type]);
	else
		pr_warn("paravirt: unknown hypervisor type %lu, running native\n",
			type);
	return 0;
}
early_initcall(paravirt_report_hypervisor);
