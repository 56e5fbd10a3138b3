/* SPDX-License-Identifier: MIT */
/*
 * gdb remote serial protocol stub for the emulated machine (gdbstub.c).
 * Listens on 127.0.0.1 only; one debugger connection; threads are CPUs.
 * Breakpoints live in the stub (guest memory is never patched): the
 * machine loop runs CPUs through gdbstub_run_cpu() while a stub exists.
 */
#ifndef EMU_GDBSTUB_H
#define EMU_GDBSTUB_H

#include <stddef.h>
#include <stdint.h>

struct machine;
struct cpu;
struct gdbstub;

/* Listen on 127.0.0.1:port (0 = any free port, printed on stderr), wait
 * for gdb to connect and register the ctrl-C poll hook.  The machine
 * starts stopped (gdb's first '?' sees CPU 0 before its first slot).
 * NULL with a message in err on failure. */
struct gdbstub *gdbstub_new(struct machine *m, unsigned port, char *err, size_t errlen);
void gdbstub_free(struct gdbstub *g);

/* Run CPU c for up to `budget` slots, stopping at stub breakpoints and
 * serving the debugger whenever the machine is stopped.  Returns what
 * run_cpu() returns. */
int gdbstub_run_cpu(struct gdbstub *g, struct cpu *c, uint64_t budget);

#endif
