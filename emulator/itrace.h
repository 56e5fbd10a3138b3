/* SPDX-License-Identifier: MIT */
/*
 * Instruction trace (`ia64emu boot --itrace WHEN[,COUNT]`): from a trigger
 * on, every instruction slot the CPUs execute is written to the trace
 * file, one line each, with the symbol it belongs to:
 *
 *   cpu0 #4311735 a00000010062fe40.2 <start_kernel+0x40>   (p6) mov r8=r0
 *   cpu0 #4311736 a00000010062fe50.0 <start_kernel+0x50> - (p7) br.cond.sptk 0x...
 *
 * "#" is the CPU's retired-slot count before the slot, "-" marks a slot
 * whose qualifying predicate was false.  Interruptions appear in the same
 * file as the machine's vector lines.  WHEN is a number of slots retired
 * by the whole machine (decimal), a kernel address (0x...) or a symbol
 * name; COUNT (default 100000) bounds the trace, after which the CPUs run
 * at full speed again.
 */
#ifndef EMU_ITRACE_H
#define EMU_ITRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct cpu;
struct machine;
struct symtab;

#define ITRACE_DEFAULT_COUNT	100000

struct itrace;

/* Parse spec against the symbols; NULL with a message in err. */
struct itrace *itrace_new(FILE *out, const struct symtab *syms, const char *spec, char *err,
			  size_t n);
void itrace_free(struct itrace *t);

/* True once COUNT slots were traced: the machine goes back to run_cpu(). */
bool itrace_done(const struct itrace *t);

/* run_cpu() with the trace: the same contract (budget, X_HALT/X_NEXT/X_YIELD). */
int itrace_run_cpu(struct itrace *t, struct machine *m, struct cpu *c, uint64_t budget);

#endif
