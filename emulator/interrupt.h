/* SPDX-License-Identifier: MIT */
/*
 * Raising interruptions.  Executors describe a fault or trap with a
 * struct fault and call cpu_fault(); the owner of the CPU (the user-mode
 * runner, or the platform's interruption delivery in interruption.c)
 * decides what happens.  The return value is what the executor returns.
 */
#ifndef EMU_INTERRUPT_H
#define EMU_INTERRUPT_H

#include <stdint.h>

#include "ia64/regs.h"

struct cpu;

#define FF_IFA	0x01	/* ifa is valid (set cr.ifa) */
#define FF_ITIR	0x02	/* itir is valid; otherwise the default {ps,key} of rr[ifa] */
#define FF_IHA	0x04	/* iha is valid */
#define FF_IIM	0x08	/* iim is valid (break, speculation) */
#define FF_TRAP	0x10	/* a trap: the instruction completed, IIP is the next one */
#define FF_NESTED_OK 0x20 /* data TLB miss that becomes Data Nested TLB at ic=0 */

struct fault {
	unsigned vector;	/* enum ia64_ivt_offset */
	unsigned flags;		/* FF_* */
	uint64_t isr;		/* ISR bits except ei/ni (filled by delivery) */
	uint64_t ifa, itir, iha, iim;
};

int cpu_fault(struct cpu *c, const struct fault *f);

/* Shorthands for the common cases. */
int cpu_illegal_op(struct cpu *c);
int cpu_priv_op(struct cpu *c);
int cpu_priv_reg(struct cpu *c);
int cpu_reserved_reg(struct cpu *c);
int cpu_nat_consumption(struct cpu *c, uint64_t isr_bits);
int cpu_break(struct cpu *c, uint64_t imm);
int cpu_disabled_fp(struct cpu *c, unsigned reg);

/* Deliver an External Interrupt (IVT 0x3000) now: IIP/ri = the next
 * instruction to execute (c->ip/c->slot).  The platform's LSAPIC calls it
 * when PSR.i = 1 and a vector is deliverable. */
int cpu_take_external_interrupt(struct cpu *c);

#endif
