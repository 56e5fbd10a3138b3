/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Xen/ia64 hypercall instruction sequence.
 *
 * Xen takes the hypercall number from r2 and the arguments from the
 * caller's stacked output registers, and returns the result in r8.  Being
 * a leaf without alloc, __xen_hypercall sees its caller's outputs as r32
 * onwards, i.e. exactly the arguments the C caller passed: a1-a5 are
 * already where Xen wants them and only the number, the sixth argument
 * (r37), has to move to r2.  Everything Xen may clobber besides r8 is
 * scratch in the C calling convention.
 *
 * Xen leaves ip on the break when it sets up a continuation (after
 * rewriting the argument registers), so the break is re-executed; nothing
 * between the break and the return may depend on having run only once.
 */

#include <asm/asmmacro.h>
#include <asm/export.h>
#include <asm/xen/interface.h>

GLOBAL_ENTRY(__xen_hypercall)
	mov r2=r37
	;;
	break __IA64_XEN_HYPERCALL_DEFAULT
	;;
	br.ret.sptk.many b0
	;;
END(__xen_hypercall)
EXPORT_SYMBOL_GPL(__xen_hypercall)
