/* SPDX-License-Identifier: MIT */
/*
 * Process entry for freestanding test programs run by `ia64emu run`:
 * the runner leaves argc at sp+16 (above the 16-byte scratch area),
 * followed by argv[] and a NULL-terminated envp[].  Sets gp and the
 * default ar.fpsr, then calls __rt_start(argc, argv), which never returns.
 */
	.text
	.global _start
	.proc _start
_start:
	alloc r2 = ar.pfs, 0, 0, 2, 0
	movl r1 = __gp
	;;
	movl r3 = 0x0009804c0270033f	/* FPSR_DEFAULT: traps off, sf0 RN, 64-bit */
	adds r14 = 16, r12
	;;
	mov ar.fpsr = r3
	ld8 out0 = [r14], 8
	;;
	mov out1 = r14
	br.call.sptk.many b0 = __rt_start
	;;
	break 0
	.endp _start
