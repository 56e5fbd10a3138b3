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
