/* SPDX-License-Identifier: MIT */
/*
 * Test scaffolding shared by the M-unit unit tests: a CPU in a known
 * state, a small flat memory behind weak stand-ins for mem.h (so the tests
 * do not depend on the platform's memory setup), a fault hook recording
 * the last interruption, and helpers to decode and execute one slot.
 *
 * The stand-ins are weak: a real definition that the link pulls in for
 * another reason takes precedence without a clash.
 */
#ifndef TEST_MEM_OPS_FAKE_H
#define TEST_MEM_OPS_FAKE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "test/harness.h"

#define FAKE_BASE	0x100000ULL
#define FAKE_SIZE	0x10000ULL

static uint8_t fake_mem[FAKE_SIZE];
static struct fault last_fault;
static int nfaults;
static unsigned last_acc;	/* ACC_* bits of the last memory access */
static uint64_t fake_itc;

#define WEAK __attribute__((weak))

static bool fake_in(uint64_t va, unsigned size)
{
	return va >= FAKE_BASE && va + size <= FAKE_BASE + FAKE_SIZE;
}

/* Outside the window: defer speculative accesses, else a Data TLB fault. */
static int fake_miss(struct cpu *c, uint64_t va, unsigned acc)
{
	struct fault f = { .vector = IVT_DTLB, .flags = FF_IFA, .ifa = va };

	if (acc & ACC_SPEC)
		return -1;
	f.isr = ((acc & ACC_R) ? ISR_R : 0) | ((acc & ACC_W) ? ISR_W : 0) |
		((acc & ACC_NONACCESS) ? ISR_NA : 0);
	return cpu_fault(c, &f);
}

WEAK int mem_read(struct cpu *c, uint64_t va, unsigned size, unsigned acc, void *out)
{
	last_acc = acc;
	if (!fake_in(va, size))
		return fake_miss(c, va, acc);
	memcpy(out, &fake_mem[va - FAKE_BASE], size);
	return X_NEXT;
}

WEAK int mem_write(struct cpu *c, uint64_t va, unsigned size, unsigned acc, const void *in)
{
	last_acc = acc;
	if (!fake_in(va, size))
		return fake_miss(c, va, acc);
	memcpy(&fake_mem[va - FAKE_BASE], in, size);
	return X_NEXT;
}

WEAK int mem_read_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t *v)
{
	uint8_t b[8] = { 0 };
	int r = mem_read(c, va, size, acc, b);
	unsigned i;

	if (r)
		return r;
	*v = 0;
	for (i = 0; i < size; i++)
		*v |= (uint64_t)b[i] << (8 * i);
	return X_NEXT;
}

WEAK int mem_write_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t v)
{
	uint8_t b[8];
	unsigned i;

	for (i = 0; i < size; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	return mem_write(c, va, size, acc, b);
}

WEAK void code_invalidate(struct cpu *c, uint64_t va, uint64_t len)
{
	(void)c;
	(void)va;
	(void)len;
}

WEAK uint64_t cpu_itc_read(struct cpu *c)
{
	(void)c;
	return fake_itc;
}

WEAK void cpu_itc_write(struct cpu *c, uint64_t v)
{
	(void)c;
	fake_itc = v;
}

WEAK void decode_f(uint64_t raw, struct insn *in)
{
	decode_illegal(raw, in);
}

static int record_fault(struct cpu *c, const struct fault *f)
{
	(void)c;
	last_fault = *f;
	nfaults++;
	return X_FAULT;
}

/* A user-mode CPU (CPL 3) with a 16-register frame and empty memory. */
static void fake_reset(struct cpu *c)
{
	memset(c, 0, sizeof(*c));
	cpu_init_maps(c);
	c->cfm = 16;			/* sof = 16: r32-r47 */
	cpu_remap(c);
	c->psr = 3ULL << PSR_CPL_SHIFT;
	c->ip = 0x4000;
	c->fault_hook = record_fault;
	memset(fake_mem, 0, sizeof(fake_mem));
	memset(&last_fault, 0, sizeof(last_fault));
	nfaults = 0;
}

/* Decode one M slot and execute it (qp assumed true). */
static int run_m(struct cpu *c, uint64_t raw)
{
	struct insn in;

	memset(&in, 0, sizeof(in));
	decode_m(raw, &in);
	return in.exec(c, &in);
}

static uint64_t peek(uint64_t va, unsigned size)
{
	uint64_t v = 0;
	unsigned i;

	for (i = 0; i < size; i++)
		v |= (uint64_t)fake_mem[va - FAKE_BASE + i] << (8 * i);
	return v;
}

static void poke(uint64_t va, unsigned size, uint64_t v)
{
	unsigned i;

	for (i = 0; i < size; i++)
		fake_mem[va - FAKE_BASE + i] = (uint8_t)(v >> (8 * i));
}

/* Encoders for the M-unit formats (SDM Vol. 3 4.4), used to build slots
 * without an assembler: op, x6/hint/m/x and register fields. */
static uint64_t enc_m(unsigned op, unsigned m, unsigned x6, unsigned hint, unsigned x,
		      unsigned r3, unsigned r2, unsigned r1)
{
	return ((uint64_t)op << 37) | ((uint64_t)m << 36) | ((uint64_t)x6 << 30) |
	       ((uint64_t)hint << 28) | ((uint64_t)x << 27) | ((uint64_t)r3 << 20) |
	       ((uint64_t)r2 << 13) | ((uint64_t)r1 << 6);
}

/* Immediate post-increment: loads put imm7b in 19:13, stores in 12:6. */
static uint64_t enc_ld_imm(unsigned x6, unsigned r1, unsigned r3, int imm9, bool fp)
{
	uint64_t u = (uint64_t)imm9 & 0x1ff;

	return enc_m(fp ? 7 : 5, (unsigned)(u >> 8) & 1, x6, 0, (unsigned)(u >> 7) & 1,
		     r3, (unsigned)u & 0x7f, r1);
}

static uint64_t enc_st_imm(unsigned x6, unsigned r3, unsigned r2, int imm9, bool fp)
{
	uint64_t u = (uint64_t)imm9 & 0x1ff;

	return enc_m(fp ? 7 : 5, (unsigned)(u >> 8) & 1, x6, 0, (unsigned)(u >> 7) & 1,
		     r3, r2, (unsigned)u & 0x7f);
}

#endif
