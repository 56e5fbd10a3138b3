/* SPDX-License-Identifier: MIT */
/*
 * long __rt_syscall(long a0, ..., long a5, long nr): the Linux/ia64
 * system-call convention (number in r15, arguments in the first stacked
 * registers, break 0x100000; result r8, r10 = -1 on error with r8 = errno).
 * Returns the result, or -errno.
 */
	.text
	.global __rt_syscall
	.proc __rt_syscall
__rt_syscall:
	mov r15 = r38
	;;
	break 0x100000
	;;
	cmp.eq p6, p0 = -1, r10
	;;
(p6)	sub r8 = r0, r8
	br.ret.sptk.many b0
	.endp __rt_syscall
