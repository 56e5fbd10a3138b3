/* SPDX-License-Identifier: MIT */
/* guest-rt: setjmp/longjmp (see setjmp.S for the buffer layout). */
#ifndef GUEST_RT_SETJMP_H
#define GUEST_RT_SETJMP_H
typedef long jmp_buf[20 + 2 * 20] __attribute__((aligned(16)));
int setjmp(jmp_buf) __attribute__((returns_twice));
void longjmp(jmp_buf, int) __attribute__((noreturn));
#endif
