/* SPDX-License-Identifier: MIT */
/*
 * Exact per-function profile (`ia64emu boot --profile FILE`): every
 * retired slot is charged to the symbol of its bundle, and at the end the
 * functions are written out by descending count:
 *
 *   slots  percent  symbol
 *
 * Two runs (say a native and a paravirtualized kernel) can then be
 * compared function by function to see where extra slots go.  The CPUs
 * run one bundle at a time, several times slower than normal.
 */
#ifndef EMU_PROFILE_H
#define EMU_PROFILE_H

#include <stdint.h>
#include <stdio.h>

struct cpu;
struct symtab;
struct profile;

struct profile *profile_new(const struct symtab *syms);
void profile_free(struct profile *p);

/* run_cpu() with accounting: the same contract (budget, X_HALT/X_NEXT/X_YIELD). */
int profile_run_cpu(struct profile *p, struct cpu *c, uint64_t budget);

/* The table, most expensive first; 0 or -1 on a write error. */
int profile_write(const struct profile *p, FILE *out);

#endif
