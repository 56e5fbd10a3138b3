/* SPDX-License-Identifier: MIT */
/*
 * setjmp/longjmp for guest-rt.  The jmp_buf keeps what the ia64 software
 * conventions call preserved: gp, sp, the return link b0, ar.pfs (the
 * caller's frame marker), the backing-store pointer and NaT collection
 * after a flushrs (so the caller's stacked registers can be reloaded from
 * memory), r4-r7 with their NaT bits (ar.unat), b1-b5, predicates, ar.lc,
 * ar.fpsr, f2-f5 and f16-f31.
 *
 * Layout (8-byte words): 0 gp, 1 sp, 2 b0, 3 pfs, 4 bsp, 5 rnat, 6 unat,
 * 7-10 r4-r7, 11-15 b1-b5, 16 pr, 17 lc, 18 fpsr, then 16-byte f-spills
 * from word 20: f2-f5, f16-f31.
 */
	.text
	.global setjmp
	.proc setjmp
setjmp:
	alloc r14 = ar.pfs, 1, 0, 0, 0
	mov r15 = ar.rsc
	mov r16 = b0
	;;
	mov r17 = r32
	st8 [r32] = r1, 8		/* 0 gp */
	;;
	st8 [r32] = r12, 8		/* 1 sp */
	;;
	st8 [r32] = r16, 8		/* 2 b0 */
	;;
	st8 [r32] = r14, 8		/* 3 pfs */
	mov ar.rsc = 0			/* enforced lazy: ar.rnat is readable */
	;;
	flushrs
	;;
	mov r18 = ar.bsp
	mov r19 = ar.rnat
	;;
	st8 [r32] = r18, 8		/* 4 bsp */
	mov ar.rsc = r15
	;;
	st8 [r32] = r19, 16		/* 5 rnat; skip unat (word 6) for now */
	;;
	st8.spill [r32] = r4, 8		/* 7..10 r4-r7 */
	;;
	st8.spill [r32] = r5, 8
	;;
	st8.spill [r32] = r6, 8
	;;
	st8.spill [r32] = r7, 8
	mov r20 = b1
	;;
	mov r21 = ar.unat
	st8 [r32] = r20, 8		/* 11 b1 */
	mov r20 = b2
	;;
	st8 [r32] = r20, 8		/* 12 b2 */
	mov r20 = b3
	adds r22 = 6 * 8, r17
	;;
	st8 [r22] = r21			/* 6 unat */
	st8 [r32] = r20, 8		/* 13 b3 */
	mov r20 = b4
	;;
	st8 [r32] = r20, 8		/* 14 b4 */
	mov r20 = b5
	;;
	st8 [r32] = r20, 8		/* 15 b5 */
	mov r20 = pr
	;;
	st8 [r32] = r20, 8		/* 16 pr */
	mov r20 = ar.lc
	;;
	st8 [r32] = r20, 8		/* 17 lc */
	mov r20 = ar.fpsr
	;;
	st8 [r32] = r20, 16		/* 18 fpsr, pad to word 20 */
	;;
	stf.spill [r32] = f2, 16
	;;
	stf.spill [r32] = f3, 16
	;;
	stf.spill [r32] = f4, 16
	;;
	stf.spill [r32] = f5, 16
	;;
	stf.spill [r32] = f16, 16
	;;
	stf.spill [r32] = f17, 16
	;;
	stf.spill [r32] = f18, 16
	;;
	stf.spill [r32] = f19, 16
	;;
	stf.spill [r32] = f20, 16
	;;
	stf.spill [r32] = f21, 16
	;;
	stf.spill [r32] = f22, 16
	;;
	stf.spill [r32] = f23, 16
	;;
	stf.spill [r32] = f24, 16
	;;
	stf.spill [r32] = f25, 16
	;;
	stf.spill [r32] = f26, 16
	;;
	stf.spill [r32] = f27, 16
	;;
	stf.spill [r32] = f28, 16
	;;
	stf.spill [r32] = f29, 16
	;;
	stf.spill [r32] = f30, 16
	;;
	stf.spill [r32] = f31, 16
	mov r8 = 0
	mov ar.pfs = r14
	;;
	br.ret.sptk.many b0
	.endp setjmp

	.global longjmp
	.proc longjmp
longjmp:
	alloc r14 = ar.pfs, 2, 0, 0, 0
	;;
	adds r16 = 20 * 8, r32		/* f-spills */
	adds r17 = 6 * 8, r32
	;;
	ld8 r18 = [r17], 8		/* unat, then r4-r7 with their NaTs */
	;;
	mov ar.unat = r18
	;;
	ld8.fill r4 = [r17], 8
	;;
	ld8.fill r5 = [r17], 8
	;;
	ld8.fill r6 = [r17], 8
	;;
	ld8.fill r7 = [r17], 8
	;;
	ld8 r18 = [r17], 8
	;;
	mov b1 = r18
	ld8 r18 = [r17], 8
	;;
	mov b2 = r18
	ld8 r18 = [r17], 8
	;;
	mov b3 = r18
	ld8 r18 = [r17], 8
	;;
	mov b4 = r18
	ld8 r18 = [r17], 8
	;;
	mov b5 = r18
	ld8 r18 = [r17], 8
	;;
	mov pr = r18, -1
	ld8 r18 = [r17], 8
	;;
	mov ar.lc = r18
	ld8 r18 = [r17]
	;;
	mov ar.fpsr = r18
	ldf.fill f2 = [r16], 16
	;;
	ldf.fill f3 = [r16], 16
	;;
	ldf.fill f4 = [r16], 16
	;;
	ldf.fill f5 = [r16], 16
	;;
	ldf.fill f16 = [r16], 16
	;;
	ldf.fill f17 = [r16], 16
	;;
	ldf.fill f18 = [r16], 16
	;;
	ldf.fill f19 = [r16], 16
	;;
	ldf.fill f20 = [r16], 16
	;;
	ldf.fill f21 = [r16], 16
	;;
	ldf.fill f22 = [r16], 16
	;;
	ldf.fill f23 = [r16], 16
	;;
	ldf.fill f24 = [r16], 16
	;;
	ldf.fill f25 = [r16], 16
	;;
	ldf.fill f26 = [r16], 16
	;;
	ldf.fill f27 = [r16], 16
	;;
	ldf.fill f28 = [r16], 16
	;;
	ldf.fill f29 = [r16], 16
	;;
	ldf.fill f30 = [r16], 16
	;;
	ldf.fill f31 = [r16], 16
	/* The value setjmp returns: val, or 1 when val is 0. */
	cmp.eq p6, p7 = 0, r33
	;;
(p6)	mov r8 = 1
(p7)	mov r8 = r33
	ld8 r1 = [r32], 8		/* gp */
	;;
	ld8 r12 = [r32], 8		/* sp */
	;;
	ld8 r18 = [r32], 8		/* b0 */
	;;
	mov b0 = r18
	ld8 r19 = [r32], 8		/* pfs */
	;;
	ld8 r20 = [r32], 8		/* bsp */
	mov r15 = ar.rsc
	;;
	ld8 r21 = [r32]			/* rnat */
	mov ar.rsc = 0
	;;
	/* Drop this frame's view of the stack and make the saved bsp the
	 * top: the return below refills setjmp's caller from memory. */
	flushrs
	;;
	mov ar.bspstore = r20
	;;
	mov ar.rnat = r21
	;;
	loadrs
	;;
	mov ar.rsc = r15
	mov ar.pfs = r19
	;;
	br.ret.sptk.many b0
	.endp longjmp
