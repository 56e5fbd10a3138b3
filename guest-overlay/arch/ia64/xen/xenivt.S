/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The event upcall of a Xen/ia64 guest.
 *
 * Xen enters xen_event_callback (registered per CPU with
 * CALLBACKOP_register, CALLBACKTYPE_event) the way the processor enters
 * the external-interrupt vector: virtual psr.ic off, events masked, bank 0,
 * with the interrupted ip, psr and ifs in the mapped registers.  So this is
 * the Xen build's __interrupt of ivt.S, except that the work is
 * xen_ia64_evtchn_do_upcall(regs) instead of ia64_handle_irq(ivr, regs),
 * repeated while an event is pending, and the exit is the Xen copy of
 * leave_kernel.  It is assembled with the Xen instruction macros.
 */

#include <asm/asmmacro.h>
#include <asm/kregs.h>
#include <asm/asm-offsets.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <asm/xen/privop.h>

#define PSR_DEFAULT_BITS	0

#include "../kernel/minstate.h"

	.text
GLOBAL_ENTRY(xen_event_callback)
	mov r31=pr		// prepare to save predicates
	;;
	SAVE_MIN_WITH_COVER	// uses r31; defines r2 and r3
	SSM_PSR_IC_AND_DEFAULT_BITS_AND_SRLZ_I(r3, r14)
				// XSI_PSR_IC = 1: interruptions collect again
	adds r3=8,r2		// second base pointer for SAVE_REST
	;;
	SAVE_REST
	;;
1:	alloc r14=ar.pfs,0,0,1,0 // must be first in an instruction group
	add out0=16,sp		// pt_regs
	br.call.sptk.many b0=xen_ia64_evtchn_do_upcall
	;;
	/*
	 * Events are still masked; one that arrived meanwhile has set the
	 * pending byte, just before the mask byte XSI_PSR_I_ADDR points at.
	 */
	addl r30=XSI_PSR_I_ADDR,r0
	;;
	ld8 r30=[r30]
	;;
	adds r30=-1,r30
	;;
	ld1 r30=[r30]
	;;
	cmp.ne p6,p0=r30,r0
(p6)	br.cond.spnt.few 1b
	br.sptk.many xen_leave_kernel
END(xen_event_callback)
