/* SPDX-License-Identifier: MIT */
/*
 * The slot loop (run.c) and CPU life cycle (cpu.c).
 */
#ifndef EMU_RUN_H
#define EMU_RUN_H

#include <stdint.h>

struct cpu;
struct memspace;

/* Architectural reset state (SDM Vol. 2, 11.3): PSR = 0 (physical mode,
 * CPL 0, interrupts off), empty register stack at `bsp`, f0/f1/p0 set.
 * Keeps id, machine, memory, hook and priv. */
void cpu_reset(struct cpu *c, uint64_t bsp);

/* Allocate a zeroed CPU attached to address space ms, already reset. */
struct cpu *cpu_new(struct memspace *ms, int id);
void cpu_free(struct cpu *c);

/*
 * Execute from c->ip / c->slot until `budget` more slots have retired or
 * an executor returns X_HALT.  Returns X_HALT, X_NEXT when the budget ran
 * out (the platform then checks interrupts/timers and calls again), or
 * X_YIELD, earlier, when a serializing instruction (ssm, mov psr.l, rfi,
 * srlz, ...) left an interrupt deliverable with psr.i set: the platform
 * delivers it then, as hardware would, rather than at the end of the turn.
 */
int run_cpu(struct cpu *c, uint64_t budget);

/*
 * Execute exactly one instruction slot at c->ip / c->slot (a false
 * predicate still retires it).  X_NEXT, X_FAULT when an interruption
 * redirected ip, X_HALT, or X_YIELD (as for run_cpu(); the slot is done).
 */
int run_slot(struct cpu *c);

#endif
