/* SPDX-License-Identifier: MIT */
/*
 * Shared scaffolding for the A/I unit behaviour tests: one CPU with a
 * 96-register frame, a fault hook that records the vector, slot encoders
 * built from the SDM field layouts, and run_slot() which decodes a raw
 * slot with decode_a/decode_i and executes it the way the run loop does
 * (skipping a false qp unless IF_ALWAYS).
 */
#ifndef TEST_ALU_UTIL_H
#define TEST_ALU_UTIL_H

#include <string.h>

#include "alu.h"
#include "cpu.h"
#include "insn.h"
#include "interrupt.h"

static struct cpu tc;
static unsigned t_vector;	/* vector of the last fault, ~0 if none */
static uint64_t t_isr, t_iim;

static int t_hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	t_vector = f->vector;
	t_isr = f->isr;
	t_iim = f->iim;
	return X_FAULT;
}

static inline void t_reset(void)
{
	memset(&tc, 0, sizeof(tc));
	cpu_init_maps(&tc);
	tc.cfm = 96;			/* sof = 96: r32-r127 usable */
	cpu_remap(&tc);
	tc.fault_hook = t_hook;
	t_vector = ~0u;
}

#define F(v, pos) ((uint64_t)(v) << (pos))

static inline void setr(unsigned r, uint64_t v, bool nat) { gr_set(&tc, r, v, nat); }
static inline uint64_t getr(unsigned r) { return gr_get(&tc, r); }
static inline bool natr(unsigned r) { return gr_nat(&tc, r); }

static inline int run_slot(char unit, uint64_t raw)
{
	struct insn in;

	t_vector = ~0u;
	if (unit == 'A')
		decode_a(raw, &in);
	else
		decode_i(raw, &in);
	if (!(in.flags & IF_ALWAYS) && !pr_get(&tc, in.qp))
		return X_NEXT;
	return in.exec(&tc, &in);
}

/* Run and return GR[r1] (the common "r1 = f(r2, r3)" check). */
static inline uint64_t run_r1(char unit, uint64_t raw, unsigned r1)
{
	run_slot(unit, raw);
	return getr(r1);
}

#endif
