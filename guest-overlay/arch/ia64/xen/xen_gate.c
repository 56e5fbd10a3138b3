// SPDX-License-Identifier: GPL-2.0
/*
 * The gate DSO and light-weight system calls of a Xen guest.
 *
 * gate.S and fsys.S run privileged instructions (psr.be, psr.i, psr
 * reads) that a guest above privilege level 0 must not run raw, so both
 * are also assembled with the Xen instruction macros: fsys.S as
 * xen-fsys.o (xen_fsyscall_table, xen_fsys_bubble_down) and gate.S as a
 * second gate DSO, whose image is in .data..gate.xen and whose symbols
 * are prefixed with xen_.  Pointing pv_fsys_data and pv_patchdata at them
 * makes boot patch and map that gate instead of the native one.
 *
 * The kernel itself names two gate entry points, __kernel_sigtramp
 * (signal.c) and __kernel_syscall_via_break (fsys.S); both come before
 * the only code the Xen macros change, so they are at the same address
 * in both gates (KUnit suite ia64-xen-percpu-irq checks it).
 */

#include <linux/init.h>

#include <asm/intrinsics.h>
#include <asm/paravirt.h>

#include "irq_xen.h"

#define XEN_GATE_PATCHLIST(name)					\
	.start_##name##_patchlist =					\
		(unsigned long)xen___start_gate_##name##_patchlist,	\
	.end_##name##_patchlist =					\
		(unsigned long)xen___end_gate_##name##_patchlist

const struct pv_patchdata xen_patchdata = {
	XEN_GATE_PATCHLIST(fsyscall),
	XEN_GATE_PATCHLIST(brl_fsys_bubble_down),
	XEN_GATE_PATCHLIST(vtop),
	XEN_GATE_PATCHLIST(mckinley_e9),
	.gate_section_start	= __xen_start_gate_section,
	.gate_section_end	= __xen_stop_gate_section,
};

void __init xen_setup_pv_gate(void)
{
	pv_fsys_data.fsyscall_table = xen_fsyscall_table;
	pv_fsys_data.fsys_bubble_down = xen_fsys_bubble_down;
	pv_patchdata = xen_patchdata;
}
