/* SPDX-License-Identifier: MIT */
/*
 * gdb remote serial protocol stub for the emulated machine (gdbstub.c).
 * Listens on 127.0.0.1 only; one debugger connection; threads are CPUs.
 * Breakpoints live in the stub (guest memory is never patched): the
 * machine loop runs CPUs through gdbstub_run_cpu() while a stub exists.
 */
#ifndef EMU_GDBSTUB_H
#define EMU_GDBSTUB_H

#include <stdbool.h>
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

/* --- the register and memory views (gdbstub_regs.c) ---------------------- */

#define GDB_NREGS	462	/* gdb's raw ia64 registers */
#define GDB_G_BYTES	4720	/* bytes of a 'g' packet */

/* ar.bsp as gdb sees it: as if after `cover` (the frame counted dirty). */
uint64_t gdbstub_covered_bsp(const struct cpu *c);

/* The 8-byte backing-store word at 8-aligned address a when the register
 * file still holds it ([bspstore, covered bsp), NaT collections built
 * from ar.rnat and the registers' NaT bits); false when memory holds it. */
bool gdbstub_bs_read(const struct cpu *c, uint64_t a, uint64_t *v);

/* gdb register n of CPU c in target byte order into b; its size in bytes
 * (16 for f0-f127 in spill format, else 8; 0 past the last register). */
unsigned gdbstub_reg_get(struct cpu *c, unsigned n, uint8_t b[16]);

/* Byte offset of gdb register n in the 'g' packet. */
unsigned gdbstub_reg_offset(unsigned n);

/* Write gdb register n from b; false for registers that cannot change
 * without breaking the machine's invariants (frame, RSE, r0, f0/f1). */
bool gdbstub_reg_set(struct cpu *c, unsigned n, const uint8_t b[16]);

/* Read or write one byte at virtual address va as CPU c sees it (TLB
 * lookups that never fault; RAM only, never device registers). */
bool gdbstub_mem_byte(struct cpu *c, uint64_t va, uint8_t *b, bool write);

#endif
