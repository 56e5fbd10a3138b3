// SPDX-License-Identifier: GPL-2.0
/*
 * The native entries of pv_cpu_asm_switch (asm/paravirt_entry.h): the
 * routines of the natively built entry.S.
 */
#include <linux/cache.h>
#include <asm/paravirt_entry.h>

struct pv_cpu_asm_switch pv_cpu_asm_switch __read_mostly = {
	.switch_to		= ia64_switch_to,
	.ret_from_clone		= (unsigned long)ia64_ret_from_clone,
	.leave_kernel		= (unsigned long)ia64_leave_kernel,
	.strace_leave_kernel	= (unsigned long)ia64_strace_leave_kernel,
};
