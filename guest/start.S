/* SPDX-License-Identifier: MIT */
/*
 * Process entry and system-call stub of the freestanding init.
 *
 * At entry Linux/ia64 leaves a 16-byte scratch area at sp, argc at sp+16
 * and argv[] right after it.  _start sets gp and the default ar.fpsr
 * (nothing else does it without a libc) and calls init_main(argc, argv),
 * which never returns.
 *
 * long sys6(a0, a1, a2, a3, a4, a5, nr): the syscall convention is
 * r15 = 1024 + table number, arguments in the output registers of the
 * frame that executes `break 0x100000` (here r32..r37: the stub has no
 * locals, so its inputs are that frame's outputs), result in r8 with
 * r10 = -1 on error (r8 = errno).  Returns the result or -errno.
 */
	.text
	.global _start
	.proc _start
_start:
	alloc r2 = ar.pfs, 0, 0, 2, 0
	movl r1 = __gp
	;;
	movl r3 = 0x0009804c0270033f	/* traps disabled, sf0 round-to-nearest, 64-bit */
	adds r14 = 16, r12
	;;
	mov ar.fpsr = r3
	ld8 out0 = [r14], 8
	;;
	mov out1 = r14
	br.call.sptk.many b0 = init_main
	;;
	break 0				/* init_main does not return */
	.endp _start

	.global sys6
	.proc sys6
sys6:
	mov r15 = r38
	;;
	break 0x100000
	;;
	cmp.eq p6, p0 = -1, r10
	;;
(p6)	sub r8 = r0, r8
	br.ret.sptk.many b0
	.endp sys6

/*
 * long spawn(long flags, void *stack, long size, void (*fn)(long), long arg):
 * clone2 onto a new stack and run fn(arg) there, then exit(0).  The child
 * starts with an empty register stack at `stack` (its RSE backing store)
 * and sp near stack + size, so it cannot return through our caller's
 * frames: fn and arg travel in the preserved registers r4/r5, which the
 * kernel copies to the child; the parent's values are saved in memory
 * around the call and restored (r4/r5 are callee-saved).
 */
	.data
	.align 8
spawn_save:
	.skip 16
	.text
	.global spawn
	.proc spawn
spawn:
	addl r14 = @gprel(spawn_save), r1
	;;
	st8 [r14] = r4, 8
	;;
	st8 [r14] = r5
	mov r4 = r35			/* fn (function descriptor) */
	mov r5 = r36			/* arg */
	mov r35 = r0			/* parent_tidptr */
	mov r36 = r0			/* child_tidptr */
	mov r37 = r0			/* tls */
	mov r15 = 1024 + 189		/* clone2 */
	;;
	break 0x100000
	;;
	cmp.eq p6, p7 = -1, r10
	;;
(p6)	sub r8 = r0, r8			/* failed: -errno, parent path */
(p7)	cmp.eq.unc p8, p0 = 0, r8	/* succeeded and r8 = 0: the child */
	;;
(p8)	br.cond.spnt.few 1f
	addl r14 = @gprel(spawn_save), r1
	;;
	ld8 r4 = [r14], 8
	;;
	ld8 r5 = [r14]
	br.ret.sptk.many b0
1:	/* child: fresh frame on the new register stack */
	alloc r2 = ar.pfs, 0, 0, 1, 0
	ld8 r3 = [r4], 8
	;;
	ld8 r1 = [r4]
	mov b6 = r3
	mov out0 = r5
	br.call.sptk.many b0 = b6
	;;
	alloc r2 = ar.pfs, 0, 0, 1, 0
	mov out0 = r0
	mov r15 = 1024 + 1		/* exit: this task only */
	;;
	break 0x100000
	;;
	break 0
	.endp spawn
