/* SPDX-License-Identifier: MIT */
/*
 * Test scaffolding shared by the M-unit unit tests: a user-mode CPU in a
 * known state attached to a flat address space with one RW window
 * (FAKE_BASE..+FAKE_SIZE, everything else unmapped), a fault hook
 * recording the last interruption, and helpers to build, decode and
 * execute one M slot.
 */
#ifndef TEST_MEM_OPS_UTIL_H
#define TEST_MEM_OPS_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "memspace.h"
#include "test/harness.h"

#define FAKE_BASE	0x100000ULL
#define FAKE_SIZE	0x10000ULL	/* mapped RW; everything else is unmapped */

static struct memspace *fake_ms;
static struct fault last_fault;
static int nfaults;

static int record_fault(struct cpu *c, const struct fault *f)
{
	(void)c;
	last_fault = *f;
	nfaults++;
	return X_FAULT;
}

/* A user-mode CPU (CPL 3) with a 16-register frame and empty memory. */
static inline void fake_reset(struct cpu *c)
{
	memset(c, 0, sizeof(*c));
	cpu_init_maps(c);
	c->cfm = 16;			/* sof = 16: r32-r47 */
	cpu_remap(c);
	c->psr = 3ULL << PSR_CPL_SHIFT;
	c->ip = 0x4000;
	c->fault_hook = record_fault;
	if (fake_ms)
		memspace_free(fake_ms);
	fake_ms = memspace_new(true);
	if (!fake_ms || memspace_map(fake_ms, FAKE_BASE, FAKE_SIZE, MS_R | MS_W)) {
		printf("cannot set up the test address space\n");
		exit(2);
	}
	cpu_attach_mem(c, fake_ms);
	memset(&last_fault, 0, sizeof(last_fault));
	nfaults = 0;
}

/* Decode one M slot and execute it (qp assumed true). */
static inline int run_m(struct cpu *c, uint64_t raw)
{
	struct insn in;

	memset(&in, 0, sizeof(in));
	decode_m(raw, &in);
	return in.exec(c, &in);
}

static inline uint64_t peek(uint64_t va, unsigned size)
{
	uint8_t b[8] = { 0 };
	uint64_t v = 0;
	unsigned i;

	memspace_copy_out(fake_ms, va, b, size);
	for (i = 0; i < size; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static inline void poke(uint64_t va, unsigned size, uint64_t v)
{
	uint8_t b[8];
	unsigned i;

	for (i = 0; i < size; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	memspace_copy_in(fake_ms, va, b, size);
}

/* Encoders for the M-unit formats (SDM Vol. 3 4.4), used to build slots
 * without an assembler: op, x6/hint/m/x and register fields. */
static inline uint64_t enc_m(unsigned op, unsigned m, unsigned x6, unsigned hint, unsigned x,
		      unsigned r3, unsigned r2, unsigned r1)
{
	return ((uint64_t)op << 37) | ((uint64_t)m << 36) | ((uint64_t)x6 << 30) |
	       ((uint64_t)hint << 28) | ((uint64_t)x << 27) | ((uint64_t)r3 << 20) |
	       ((uint64_t)r2 << 13) | ((uint64_t)r1 << 6);
}

/* Immediate post-increment: loads put imm7b in 19:13, stores in 12:6. */
static inline uint64_t enc_ld_imm(unsigned x6, unsigned r1, unsigned r3, int imm9, bool fp)
{
	uint64_t u = (uint64_t)imm9 & 0x1ff;

	return enc_m(fp ? 7 : 5, (unsigned)(u >> 8) & 1, x6, 0, (unsigned)(u >> 7) & 1,
		     r3, (unsigned)u & 0x7f, r1);
}

static inline uint64_t enc_st_imm(unsigned x6, unsigned r3, unsigned r2, int imm9, bool fp)
{
	uint64_t u = (uint64_t)imm9 & 0x1ff;

	return enc_m(fp ? 7 : 5, (unsigned)(u >> 8) & 1, x6, 0, (unsigned)(u >> 7) & 1,
		     r3, r2, (unsigned)u & 0x7f);
}

#endif
