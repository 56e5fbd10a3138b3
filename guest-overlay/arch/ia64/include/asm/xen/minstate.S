/* SPDX-License-Identifier: GPL-2.0 */
/*
 * XEN_DO_SAVE_MIN: DO_SAVE_MIN (arch/ia64/kernel/minstate.h) for a Xen
 * guest.  Included by asm/xen/inst.S; expanded only inside ivt.S, where
 * PT(), pKStk/pUStk, ACCOUNT_* and the EXTRA/WORKAROUND arguments are
 * defined.
 *
 * It saves the same state in the same places as the native macro and
 * leaves the same registers behind (r1 = gp, r2 = &pt_regs.r16, r8-r11,
 * r12, r13, p15 = psr.i of the interrupted context; r3, r14, r15 and the
 * other predicates kept); the differences are:
 *
 *  - cr.ipsr and cr.iip come from XSI, and cover is a hyperprivop;
 *  - SAVE_IFS is not used: after cover (SAVE_MIN_WITH_COVER*) the
 *    hypervisor has put the frame marker into XSI_IFS, which is read
 *    instead of trapping on a read of cr.ifs; without cover (SAVE_MIN)
 *    r30 is zero, as SAVE_IFS would make it.  The choice is made by
 *    pasting the __COVER argument, which minstate.h passes either as the
 *    token COVER or empty;
 *  - the final bsw.1 is BSW_1 of asm/xen/inst.S, which needs one
 *    register outside bank 0 to keep ar.unat: r1, loaded with gp again
 *    afterwards.  ar.unat holds the NaT bits of the registers spilled
 *    here until ia64_leave_kernel fills them, so it must survive.
 */
#ifndef _ASM_IA64_XEN_MINSTATE_S
#define _ASM_IA64_XEN_MINSTATE_S

#define XEN_SAVE_IFS_COVER	MOV_FROM_IFS(r30)
#define XEN_SAVE_IFS_		mov r30 = r0

#define XEN_DO_SAVE_MIN(__COVER, SAVE_IFS, EXTRA, WORKAROUND)			\
	mov r16 = IA64_KR(CURRENT);						\
	mov r27 = ar.rsc;							\
	mov r20 = r1;								\
	mov r25 = ar.unat;							\
	mov r26 = ar.pfs;							\
	mov r21 = ar.fpsr;							\
	MOV_FROM_IPSR(p0, r29)							\
	MOV_FROM_IIP(r28)							\
	__COVER;								\
	;;									\
	adds r16 = IA64_TASK_THREAD_ON_USTACK_OFFSET, r16;			\
	;;									\
	/* current->thread.on_ustack: read and clear */				\
	ld1 r17 = [r16];							\
	st1 [r16] = r0;								\
	adds r1 = -IA64_TASK_THREAD_ON_USTACK_OFFSET, r16			\
	;;									\
	invala;									\
	XEN_SAVE_IFS_ ## __COVER;						\
	cmp.eq pKStk, pUStk = r0, r17;						\
	;;									\
	/* from user: switch to the kernel's register backing store */	\
(pUStk)	mov ar.rsc = 0;								\
	;;									\
(pUStk)	mov.m r24 = ar.rnat;							\
(pUStk)	addl r22 = IA64_RBS_OFFSET, r1;						\
(pKStk)	mov r1 = sp;								\
	;;									\
(pUStk)	lfetch.fault.excl.nt1 [r22];						\
(pUStk)	addl r1 = IA64_STK_OFFSET - IA64_PT_REGS_SIZE, r1;			\
(pUStk)	mov r23 = ar.bspstore;							\
	;;									\
(pUStk)	mov ar.bspstore = r22;							\
(pKStk)	addl r1 = -IA64_PT_REGS_SIZE, r1;					\
	;;									\
(pUStk)	mov r18 = ar.bsp;							\
(pUStk)	mov ar.rsc = 0x3;							\
	adds r17 = 2 * L1_CACHE_BYTES, r1;					\
	adds r16 = PT(CR_IPSR), r1;						\
	;;									\
	lfetch.fault.excl.nt1 [r17], L1_CACHE_BYTES;				\
	st8 [r16] = r29;							\
	;;									\
	lfetch.fault.excl.nt1 [r17];						\
	tbit.nz p15, p0 = r29, IA64_PSR_I_BIT;					\
	mov r29 = b0								\
	;;									\
	WORKAROUND;								\
	adds r16 = PT(R8), r1;							\
	adds r17 = PT(R9), r1;							\
(pKStk)	mov r18 = r0;								\
	;;									\
.mem.offset 0, 0; st8.spill [r16] = r8, 16;					\
.mem.offset 8, 0; st8.spill [r17] = r9, 16;					\
	;;									\
.mem.offset 0, 0; st8.spill [r16] = r10, 24;					\
.mem.offset 8, 0; st8.spill [r17] = r11, 24;					\
	;;									\
	st8 [r16] = r28, 16;		/* cr.iip */				\
	st8 [r17] = r30, 16;		/* cr.ifs */				\
(pUStk)	sub r18 = r18, r22;		/* RSE.ndirty * 8 */			\
	mov r8 = ar.ccv;							\
	mov r9 = ar.csd;							\
	mov r10 = ar.ssd;							\
	movl r11 = FPSR_DEFAULT;						\
	;;									\
	st8 [r16] = r25, 16;		/* ar.unat */				\
	st8 [r17] = r26, 16;		/* ar.pfs */				\
	shl r18 = r18, 16;		/* ar.rsc for loadrs */			\
	;;									\
	st8 [r16] = r27, 16;		/* ar.rsc */				\
(pUStk)	st8 [r17] = r24, 16;		/* ar.rnat */				\
(pKStk)	adds r17 = 16, r17;							\
	;;									\
(pUStk)	st8 [r16] = r23, 16;		/* ar.bspstore */			\
	st8 [r17] = r31, 16;		/* predicates */			\
(pKStk)	adds r16 = 16, r16;							\
	;;									\
	st8 [r16] = r29, 16;		/* b0 */				\
	st8 [r17] = r18, 16;		/* loadrs */				\
	cmp.eq pNonSys, pSys = r0, r0;						\
	;;									\
.mem.offset 0, 0; st8.spill [r16] = r20, 16;	/* r1 */			\
.mem.offset 8, 0; st8.spill [r17] = r12, 16;					\
	adds r12 = -16, r1;							\
	;;									\
.mem.offset 0, 0; st8.spill [r16] = r13, 16;					\
.mem.offset 8, 0; st8.spill [r17] = r21, 16;	/* ar.fpsr */			\
	mov r13 = IA64_KR(CURRENT);						\
	;;									\
.mem.offset 0, 0; st8.spill [r16] = r15, 16;					\
.mem.offset 8, 0; st8.spill [r17] = r14, 16;					\
	;;									\
.mem.offset 0, 0; st8.spill [r16] = r2, 16;					\
.mem.offset 8, 0; st8.spill [r17] = r3, 16;					\
	ACCOUNT_GET_STAMP							\
	adds r2 = IA64_PT_REGS_R16_OFFSET, r1;					\
	;;									\
	EXTRA;									\
	movl r1 = __gp;								\
	;;									\
	ACCOUNT_SYS_ENTER							\
	BSW_1(r1, r1)								\
	movl r1 = __gp								\
	;;

#endif /* _ASM_IA64_XEN_MINSTATE_S */
