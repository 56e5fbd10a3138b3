/* SPDX-License-Identifier: MIT */
/*
 * User-mode runner (user.c): loads a static freestanding IA-64 ELF
 * program into flat memory, sets up the stack, register backing store,
 * gp, ar.fpsr and psr, runs it, and emulates the few Linux system calls
 * the guest runtime uses (break 0x100000, number in r15, arguments in
 * out0..out5 of the current frame).
 */
#ifndef EMU_USER_H
#define EMU_USER_H

#include <stdint.h>

struct user_stats {
	uint64_t slots;		/* retired instruction slots */
	double seconds;		/* CPU time of the run loop (stable on a shared host) */
};

/* `ia64emu run prog [args]`: returns the program's exit status, or 127
 * with a message on stderr if it could not be loaded or crashed. */
int user_main(int argc, char **argv);

/* Run with explicit stats output (benchmarks); same return convention. */
int user_run(int argc, char **argv, struct user_stats *st);

#endif
