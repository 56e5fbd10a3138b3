// SPDX-License-Identifier: GPL-2.0
/*
 * The Xen/ia64 instance of pv_info, pv_init_ops, pv_cpu_ops and
 * pv_cpu_asm_switch.
 *
 * xen_setup_pv_ops() installs them from the Xen setup hook on the boot
 * CPU, before start_kernel(), so that no C code ever runs a native
 * privileged operation that Xen would have to emulate when it has a
 * cheaper form.  The hooks of interrupts and time are set up by
 * xen_setup_pv_irq_time_ops(), called last.
 */

#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <xen/interface/xen.h>
#include <xen/xen.h>

#include <asm/intrinsics.h>
#include <asm/meminit.h>
#include <asm/page.h>
#include <asm/paravirt.h>
#include <asm/paravirt_entry.h>
#include <asm/xen/hypervisor.h>
#include <asm/xen/interface.h>
#include <asm/xen/privop.h>
#include <asm/xen/pv_ops.h>

/* ar.rsc.pl: the privilege level of the register stack engine's accesses. */
#define RSC_PL_SHIFT	2
#define RSC_PL_MASK	3

static void __init xen_banner(void)
{
	pr_info("%s: kernel at privilege level %u, start_info %s, flags 0x%x\n",
		pv_info.name, pv_info.kernel_rpl,
		xen_start_info ? xen_start_info->magic : "missing",
		xen_start_flags);
}

/*
 * The domain builder leaves the frame of start_info in shared_info (it
 * is not passed in a register as on x86).  Nothing else is needed before
 * the first hypercall: xencomm translates addresses without any state.
 */
static void __init xen_arch_setup_early(void)
{
	unsigned long pfn = HYPERVISOR_shared_info->arch.start_info_pfn;

	if (!pfn) {
		pr_err("Xen: no start_info frame in shared_info\n");
		return;
	}
	xen_start_info = __va(pfn << XEN_PAGE_SHIFT);
	if (strncmp(xen_start_info->magic, "xen-", 4))
		pr_warn("Xen: unexpected start_info magic %.32s\n",
			xen_start_info->magic);
	xen_start_flags = xen_start_info->flags;
}

/* The start_info page (the boot parameters may share it: regions merge). */
static int __init xen_reserve_memory(struct rsvd_region *region)
{
	if (!xen_start_info)
		return 0;
	region->start = (unsigned long)xen_start_info;
	region->end = region->start + (1UL << XEN_PAGE_SHIFT);
	return 1;
}

/*
 * The machine's serial port belongs to the hypervisor: no early console
 * from the firmware tables.  The last preferred console wins, so hvc
 * becomes the console unless console= says otherwise.
 */
static int __init xen_arch_setup_console(char **cmdline_p)
{
	add_preferred_console("xenboot", 0, NULL);
	add_preferred_console("tty", 0, NULL);
	add_preferred_console("hvc", 0, NULL);
	return 1;
}

/* Xen/ia64 does not forward machine checks to its guests. */
static int __init xen_arch_setup_nomca(void)
{
	return 1;
}

/* The template table is sorted by type (xen_pv_cpu.S). */
const struct xen_patch_template *xen_patch_find(unsigned long type)
{
	static unsigned long nr_templates;
	unsigned long lo = 0, hi = READ_ONCE(nr_templates), mid;

	if (!hi) {
		while (xen_patch_templates[hi].start)
			hi++;
		WRITE_ONCE(nr_templates, hi);
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (xen_patch_templates[mid].type == type)
			return &xen_patch_templates[mid];
		if (xen_patch_templates[mid].type < type)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * pv_init_ops.patch_bundle: copy the Xen sequence of the site's type to
 * its start if it fits; the generic code skips the rest of the site.
 * Sites and templates are bundle-aligned: copy them as 64-bit words.
 * Types without a Xen sequence are left to the native replacement (the
 * ones that trap anyway) by returning 0.
 */
unsigned long xen_pv_patch_bundle(void *sbundle, void *ebundle,
				  unsigned long type)
{
	const struct xen_patch_template *t = xen_patch_find(type);
	const u64 *from;
	u64 *to = sbundle;
	unsigned long len;

	if (!t || ebundle < sbundle)
		return 0;
	len = t->end - t->start;
	if (len > ebundle - sbundle)
		return 0;
	for (from = t->start; (const void *)from < t->end; )
		*to++ = *from++;
	return len;
}

const struct pv_cpu_ops xen_cpu_ops = {
	.fc			= xen_pv_fc,
	.thash			= xen_pv_thash,
	.get_cpuid		= xen_pv_get_cpuid,
	.get_pmd		= xen_pv_get_pmd,
	.getreg			= xen_pv_getreg,
	.setreg			= xen_pv_setreg,
	.ptcga			= xen_pv_ptcga,
	.get_rr			= xen_pv_get_rr,
	.set_rr			= xen_pv_set_rr,
	.set_rr0_to_rr4		= xen_pv_set_rr0_to_rr4,
	.ssm_i			= xen_pv_ssm_i,
	.rsm_i			= xen_pv_rsm_i,
	.get_psr_i		= xen_pv_get_psr_i,
	.intrin_local_irq_restore = xen_pv_intrin_local_irq_restore,
};

const struct pv_cpu_asm_switch xen_cpu_asm_switch = {
	.switch_to		= xen_switch_to,
	.ret_from_clone		= (unsigned long)xen_ret_from_clone,
	.leave_kernel		= (unsigned long)xen_leave_kernel,
	.strace_leave_kernel	= (unsigned long)xen_strace_leave_kernel,
};

static const struct pv_init_ops xen_init_ops = {
	.banner			= xen_banner,
	.reserve_memory		= xen_reserve_memory,
	.arch_setup_early	= xen_arch_setup_early,
	.arch_setup_console	= xen_arch_setup_console,
	.arch_setup_nomca	= xen_arch_setup_nomca,
	.patch_bundle		= xen_pv_patch_bundle,
};

/* Interrupts, IOSAPIC and time: replaced by their own Xen code. */
void __weak xen_setup_pv_irq_time_ops(void)
{
}

/*
 * From the setup hook on the boot CPU, before start_kernel() and after
 * the shared_info VA has been registered: no printk, no per-CPU data.
 */
void __init xen_setup_pv_ops(void)
{
	HYPERVISOR_shared_info = (struct shared_info *)XSI_BASE;

	pv_info.name = "Xen/ia64";
	pv_info.paravirt_enabled = 1;
	/* Xen may run the kernel at PL1 or PL2: the RSE runs at its level. */
	pv_info.kernel_rpl = (ia64_getreg(_IA64_REG_AR_RSC) >> RSC_PL_SHIFT) &
			     RSC_PL_MASK;

	pv_init_ops = xen_init_ops;
	pv_cpu_ops = xen_cpu_ops;
	pv_cpu_asm_switch = xen_cpu_asm_switch;

	xen_setup_pv_irq_time_ops();
}
