/* SPDX-License-Identifier: MIT */
/* guest-rt: raw system calls. */
#ifndef GUEST_RT_UNISTD_H
#define GUEST_RT_UNISTD_H
#include <stddef.h>
typedef long ssize_t;
ssize_t write(int, const void *, size_t);
void _exit(int) __attribute__((noreturn));
#endif
