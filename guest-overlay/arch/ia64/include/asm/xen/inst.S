/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen/ia64 expansion of the entry-code instruction macros.
 *
 * Included by asm/paravirt_inst.h, from assembler sources only (the .S
 * name says so: these are instruction macros, not C), when
 * __IA64_ASM_PARAVIRTUALIZED_XEN builds ivt.S, entry.S and fsys.S a
 * second time for a kernel that runs as a Xen guest above privilege
 * level 0.  The native set is
 * asm/native/inst.h; the macros take the same arguments, and the extra
 * registers and predicates they name ("clob") are the scratch the
 * expansions here may destroy.
 *
 *  - Interruption control registers live in the mapped registers (XSI,
 *    asm/xen/privop.h): reads and writes become loads and stores.
 *  - psr.ic is a 4-byte flag at XSI_PSR_IC; psr.i is the inverted byte
 *    at *XSI_PSR_I_ADDR, and unmasking checks the pending byte just
 *    before it and asks the hypervisor to deliver with SSM_I.
 *  - Reads of cr.ivr and psr, writes of ar.k*, itc, thash, ssm/rsm of
 *    psr.dt and psr.be, cover and rfi are hyperprivops.  The argument
 *    and result travel in r8 (and r9): the caller's r8/r9 are kept in the
 *    clobber registers around the break.
 *  - bsw.0 and bsw.1 move r16-r31 and their NaT bits to and from
 *    XSI_BANK1_R16/XSI_B1NAT and record the bank in XSI_BANKNUM; the
 *    bank 0 contents are scratch in every handler, so they are not kept.
 *
 * Every macro starts and ends with a stop, so that neither the registers
 * it saves nor the ones it writes form a dependency violation with the
 * instructions around it, whatever the native code grouped them with.
 * Instructions that merely trap and are emulated (ptc.l, itr.d, reads of
 * cr.ifs, ...) are left alone.
 */
#ifndef _ASM_IA64_XEN_INST_S
#define _ASM_IA64_XEN_INST_S

#include <asm/asmmacro.h>
#include <asm/xen/privop.h>

/*
 * Modules use the native symbols (the Xen copies are reached through the
 * kernel's own tables), so the copies export nothing of their own.
 */
#undef EXPORT_SYMBOL
#define EXPORT_SYMBOL(sym)
#undef EXPORT_DATA_SYMBOL
#define EXPORT_DATA_SYMBOL(sym)

/*
 * Renaming: the Xen copies are linked next to the native ones, so every
 * global symbol of ivt.S, entry.S and fsys.S gets a xen_ name.  The
 * references between the three files follow, so the Xen copies call each
 * other; C functions and the gate DSO's symbols keep their names.
 */
#define ia64_ivt			xen_ivt
#define ia64_syscall_setup		xen_syscall_setup
#define account_sys_enter		xen_account_sys_enter
#define sys_clone2			xen_sys_clone2
#define sys_clone			xen_sys_clone
#define ia64_switch_to			xen_switch_to
#define save_switch_stack		xen_save_switch_stack
#define load_switch_stack		xen_load_switch_stack
#define ia64_trace_syscall		xen_trace_syscall
#define ia64_strace_leave_kernel	xen_strace_leave_kernel
#define ia64_ret_from_clone		xen_ret_from_clone
#define ia64_ret_from_syscall		xen_ret_from_syscall
#define ia64_leave_syscall		xen_leave_syscall
#define ia64_work_processed_syscall	xen_work_processed_syscall
#define ia64_leave_kernel		xen_leave_kernel
#define ia64_work_pending_syscall_end	xen_work_pending_syscall_end
#define ia64_invoke_schedule_tail	xen_invoke_schedule_tail
#define notify_resume_user		xen_notify_resume_user
#define ia64_prepare_handle_unaligned	xen_prepare_handle_unaligned
#define unw_init_running		xen_unw_init_running
#define _mcount				xen_mcount
#define ftrace_caller			xen_ftrace_caller
#define ftrace_call			xen_ftrace_call
#define ftrace_stub			xen_ftrace_stub
#define sys_call_table			xen_sys_call_table
#define fsys_bubble_down		xen_fsys_bubble_down
#define fsyscall_table			xen_fsyscall_table

#define DO_SAVE_MIN			XEN_DO_SAVE_MIN

/* Form the address of an XSI field (every one fits addl's immediate). */
#define XSI_ADDR(pred, reg, field)	(pred) addl reg = field, r0

/* Interruption register reads and writes: loads and stores to XSI. */
#define XSI_LOAD8(pred, reg, field)			\
	;;						\
	XSI_ADDR(pred, reg, field)			\
	;;						\
(pred)	ld8 reg = [reg]					\
	;;

#define XSI_STORE8(pred, reg, clob, field)		\
	;;						\
	XSI_ADDR(pred, clob, field)			\
	;;						\
(pred)	st8 [clob] = reg				\
	;;

#define MOV_FROM_IFA(reg)		XSI_LOAD8(p0, reg, XSI_IFA)
#define MOV_FROM_ITIR(reg)		XSI_LOAD8(p0, reg, XSI_ITIR)
#define MOV_FROM_ISR(reg)		XSI_LOAD8(p0, reg, XSI_ISR)
#define MOV_FROM_IHA(reg)		XSI_LOAD8(p0, reg, XSI_IHA)
#define MOV_FROM_IPSR(pred, reg)	XSI_LOAD8(pred, reg, XSI_IPSR)
#define MOV_FROM_IIM(reg)		XSI_LOAD8(p0, reg, XSI_IIM)
#define MOV_FROM_IIP(reg)		XSI_LOAD8(p0, reg, XSI_IIP)
/*
 * After a COVER hyperprivop the hypervisor has put the frame in XSI_IFS.
 * (Not a macro of the native set: XEN_DO_SAVE_MIN uses it.)
 */
#define MOV_FROM_IFS(reg)		XSI_LOAD8(p0, reg, XSI_IFS)

#define MOV_TO_IFA(reg, clob)		XSI_STORE8(p0, reg, clob, XSI_IFA)
#define MOV_TO_ITIR(pred, reg, clob)	XSI_STORE8(pred, reg, clob, XSI_ITIR)
#define MOV_TO_IHA(pred, reg, clob)	XSI_STORE8(pred, reg, clob, XSI_IHA)
#define MOV_TO_IPSR(pred, reg, clob)	XSI_STORE8(pred, reg, clob, XSI_IPSR)
#define MOV_TO_IFS(pred, reg, clob)	XSI_STORE8(pred, reg, clob, XSI_IFS)
#define MOV_TO_IIP(reg, clob)		XSI_STORE8(p0, reg, clob, XSI_IIP)

/*
 * Hyperprivops returning a value in r8; the caller's r8 is kept in clob
 * (which may be r8 itself when the caller does not need it).
 */
#define XEN_HYPER_GET(pred, hpo, reg, clob)		\
	;;						\
(pred)	mov clob = r8					\
	;;						\
(pred)	break hpo					\
	;;						\
(pred)	mov reg = r8					\
	;;						\
(pred)	mov r8 = clob					\
	;;

#define MOV_FROM_IVR(reg, clob)				\
	XEN_HYPER_GET(p0, HYPERPRIVOP_GET_IVR, reg, clob)
#define MOV_FROM_PSR(pred, reg, clob)			\
	XEN_HYPER_GET(pred, HYPERPRIVOP_GET_PSR, reg, clob)

/*
 * The guest's ITC is the machine's plus the offset the hypervisor keeps
 * in XSI_ITC_OFFSET (non-zero after save/restore or migration).  Reading
 * ar.itc itself is allowed at any privilege level.  pred_clob is not
 * needed.
 */
#define MOV_FROM_ITC(pred, pred_clob, reg, clob)	\
	;;						\
(pred)	mov reg = ar.itc;				\
	XSI_ADDR(pred, clob, XSI_ITC_OFFSET)		\
	;;						\
(pred)	ld8 clob = [clob]				\
	;;						\
(pred)	add reg = reg, clob				\
	;;

/* Hyperprivops taking one argument in r8 (kept in clob around the call). */
#define XEN_HYPER_PUT(pred, hpo, reg, clob)		\
	;;						\
(pred)	mov clob = r8					\
	;;						\
(pred)	mov r8 = reg					\
	;;						\
(pred)	break hpo					\
	;;						\
(pred)	mov r8 = clob					\
	;;

/* The translation's ifa and itir are the ones stored in XSI before. */
#define ITC_I(pred, reg, clob)	XEN_HYPER_PUT(pred, HYPERPRIVOP_ITC_I, reg, clob)
#define ITC_D(pred, reg, clob)	XEN_HYPER_PUT(pred, HYPERPRIVOP_ITC_D, reg, clob)

#define ITC_I_AND_D(pred_i, pred_d, reg, clob)		\
	;;						\
	mov clob = r8					\
	;;						\
	mov r8 = reg					\
	;;						\
(pred_i) break HYPERPRIVOP_ITC_I			\
	;;						\
(pred_d) break HYPERPRIVOP_ITC_D			\
	;;						\
	mov r8 = clob					\
	;;

/* r8 = va in, r8 = hash address out. */
#define THASH(pred, reg0, reg1, clob)			\
	;;						\
(pred)	mov clob = r8					\
	;;						\
(pred)	mov r8 = reg1					\
	;;						\
(pred)	break HYPERPRIVOP_THASH				\
	;;						\
(pred)	mov reg0 = r8					\
	;;						\
(pred)	mov r8 = clob					\
	;;

/* r8 = kernel register number, r9 = value. */
#define MOV_TO_KR(kr, reg, clob0, clob1)		\
	;;						\
	mov clob0 = r8;					\
	mov clob1 = r9					\
	;;						\
	mov r9 = reg;					\
	mov r8 = IA64_KR_ ## kr				\
	;;						\
	break HYPERPRIVOP_SET_KR			\
	;;						\
	mov r8 = clob0;					\
	mov r9 = clob1					\
	;;

/*
 * Virtual psr.ic.  psr.ic is set before anything that could need the
 * interruption state, so no serialisation is needed; PSR_DEFAULT_BITS is
 * 0 in ivt.S, so there is no other bit to set.
 */
#define XEN_SET_PSR_IC(val, clob)			\
	;;						\
	XSI_ADDR(p0, clob, XSI_PSR_IC)			\
	;;						\
	st4 [clob] = val				\
	;;

#define SSM_PSR_IC_AND_DEFAULT_BITS_AND_SRLZ_I(clob0, clob1)	\
	;;						\
	mov clob1 = 1					\
	;;						\
	XEN_SET_PSR_IC(clob1, clob0)

/*
 * Its user (ia64_switch_to) has just inserted a translation with itr.d,
 * which trapped and was emulated; the srlz.d that the native macro
 * issues after setting psr.ic orders that insert before the later
 * accesses here.
 */
#define SSM_PSR_IC_AND_SRLZ_D(clob0, clob1)		\
	;;						\
	srlz.d						\
	SSM_PSR_IC_AND_DEFAULT_BITS_AND_SRLZ_I(clob0, clob1)

#define RSM_PSR_IC(clob)			XEN_SET_PSR_IC(r0, clob)

/*
 * Virtual psr.i: mask (1) or unmask (0) the upcall byte.  Unmasking with
 * an event already pending issues SSM_I, which delivers it.  Only this
 * CPU delivers to this vCPU while it runs, so the store and the load of
 * the pending byte need no fence.
 */
#define SSM_PSR_I(pred, pred_clob, clob)		\
	;;						\
	XSI_ADDR(pred, clob, XSI_PSR_I_ADDR)		\
	;;						\
(pred)	ld8 clob = [clob]				\
	;;						\
(pred)	st1 [clob] = r0, -1				\
	;;						\
(pred)	ld1 clob = [clob]				\
	;;						\
(pred)	cmp.ne.unc pred_clob, p0 = clob, r0		\
	;;						\
(pred_clob) break HYPERPRIVOP_SSM_I			\
	;;

#define RSM_PSR_I(pred, clob0, clob1)			\
	;;						\
	XSI_ADDR(pred, clob0, XSI_PSR_I_ADDR);		\
(pred)	mov clob1 = 1					\
	;;						\
(pred)	ld8 clob0 = [clob0]				\
	;;						\
(pred)	st1 [clob0] = clob1				\
	;;

#define RSM_PSR_I_IC(clob0, clob1, clob2)		\
	;;						\
	XSI_ADDR(p0, clob0, XSI_PSR_I_ADDR);		\
	XSI_ADDR(p0, clob1, XSI_PSR_IC);		\
	mov clob2 = 1					\
	;;						\
	ld8 clob0 = [clob0];				\
	st4 [clob1] = r0				\
	;;						\
	st1 [clob0] = clob2				\
	;;

#define RSM_PSR_BE_I(clob0, clob1)			\
	;;						\
	break HYPERPRIVOP_RSM_BE			\
	;;						\
	RSM_PSR_I(p0, clob0, clob1)

#define RSM_PSR_DT					\
	;;						\
	break HYPERPRIVOP_RSM_DT			\
	;;

#define SSM_PSR_DT_AND_SRLZ_I				\
	;;						\
	break HYPERPRIVOP_SSM_DT			\
	;;

#define COVER						\
	;;						\
	break HYPERPRIVOP_COVER				\
	;;

/*
 * The hypervisor returns to XSI_IIP with XSI_IPSR and XSI_IFS; control
 * never comes back.  The assembler's dependency checker does not know
 * that and follows the path into the next handler: tell it that the
 * state is serialised there, as it would be after a real rfi.
 */
#define RFI						\
	;;						\
	break HYPERPRIVOP_RFI				\
	;;						\
	dv_serialize_data;				\
	dv_serialize_instruction

/*
 * bsw.0: keep bank 1 (r16-r31 and their NaT bits) in XSI for the
 * hypervisor, which reloads it when it returns to bank-1 code.  clob0 and
 * clob1 are the two spill pointers, clob2 keeps ar.unat, whose bits the
 * spills overwrite.
 */
#define XEN_BANK_SPILL2(r_even, r_odd, clob0, clob1)	\
.mem.offset 0, 0; st8.spill [clob0] = r_even, 16;	\
.mem.offset 8, 0; st8.spill [clob1] = r_odd, 16		\
	;;

#define BSW_0(clob0, clob1, clob2)			\
	;;						\
	mov clob2 = ar.unat;				\
	XSI_ADDR(p0, clob0, XSI_BANK1_R16);		\
	XSI_ADDR(p0, clob1, XSI_BANK1_R16 + 8)		\
	;;						\
	XEN_BANK_SPILL2(r16, r17, clob0, clob1)		\
	XEN_BANK_SPILL2(r18, r19, clob0, clob1)		\
	XEN_BANK_SPILL2(r20, r21, clob0, clob1)		\
	XEN_BANK_SPILL2(r22, r23, clob0, clob1)		\
	XEN_BANK_SPILL2(r24, r25, clob0, clob1)		\
	XEN_BANK_SPILL2(r26, r27, clob0, clob1)		\
	XEN_BANK_SPILL2(r28, r29, clob0, clob1)		\
	XEN_BANK_SPILL2(r30, r31, clob0, clob1)		\
	/* now in bank 0: r16-r31 are scratch */	\
	mov r16 = ar.unat;				\
	XSI_ADDR(p0, r17, XSI_B1NAT);			\
	XSI_ADDR(p0, r18, XSI_BANKNUM)			\
	;;						\
	st8 [r17] = r16;				\
	st4 [r18] = r0;					\
	mov ar.unat = clob2				\
	;;

/*
 * bsw.1: reload bank 1.  The bank 0 registers are dead here, so r30 and
 * r31 serve as the pointers until they are filled last; only clob0,
 * which keeps ar.unat across the fills, has to be outside the bank.
 * clob1 is not needed.
 */
#define XEN_BANK_FILL2(r_even, r_odd)			\
	ld8.fill r_even = [r30], 16;			\
	ld8.fill r_odd = [r31], 16			\
	;;

#define BSW_1(clob0, clob1)				\
	;;						\
	mov clob0 = ar.unat;				\
	XSI_ADDR(p0, r30, XSI_B1NAT);			\
	XSI_ADDR(p0, r31, XSI_BANKNUM);			\
	mov r29 = 1					\
	;;						\
	ld8 r30 = [r30];				\
	st4 [r31] = r29					\
	;;						\
	mov ar.unat = r30;				\
	XSI_ADDR(p0, r30, XSI_BANK1_R16);		\
	XSI_ADDR(p0, r31, XSI_BANK1_R16 + 8)		\
	;;						\
	XEN_BANK_FILL2(r16, r17)			\
	XEN_BANK_FILL2(r18, r19)			\
	XEN_BANK_FILL2(r20, r21)			\
	XEN_BANK_FILL2(r22, r23)			\
	XEN_BANK_FILL2(r24, r25)			\
	XEN_BANK_FILL2(r26, r27)			\
	XEN_BANK_FILL2(r28, r29)			\
	ld8.fill r30 = [r30];				\
	ld8.fill r31 = [r31]				\
	;;						\
	mov ar.unat = clob0				\
	;;

#include <asm/xen/minstate.S>

#endif /* _ASM_IA64_XEN_INST_S */
