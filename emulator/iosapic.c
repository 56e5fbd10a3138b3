/* SPDX-License-Identifier: MIT */
/*
 * I/O SAPIC (docs/ia64-platform.md §8.6): routes device interrupt lines
 * (GSIs) to a CPU's local SAPIC through redirection table entries (RTEs).
 * MMIO: +0x00 index register, +0x10 data window (both 32-bit), +0x40 EOI
 * (32-bit write of a vector).  Register 1 is the version register
 * (max_redir << 16 | version); RTE i is 0x10 + 2i (low: vector 7:0,
 * delivery mode 10:8, delivery status 12, polarity 13, remote IRR 14,
 * trigger 15 (1 = level), mask 16) and 0x11 + 2i (high: destination id
 * 31:24, eid 23:16).
 *
 * Devices drive a pin with iosapic_set_line(asserted); polarity only
 * describes the electrical level, so the model works with assertion.
 * Edge-triggered pins deliver on the rising edge of the assertion;
 * level-triggered ones deliver while asserted, once per EOI (remote IRR).
 * Fixed and lowest-priority delivery both go to the addressed CPU, a
 * legal choice for lowest priority.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cpu.h"
#include "memspace.h"
#include "platform.h"

#define IOSAPIC_INDEX	0x00
#define IOSAPIC_WINDOW	0x10
#define IOSAPIC_EOI	0x40
#define IOSAPIC_ID_REG	0x00
#define IOSAPIC_VERSION_REG 0x01
#define IOSAPIC_VERSION	0x21		/* the value in the doc's example */
#define RTE_BASE	0x10

#define RTE_VECTOR(lo)	((unsigned)(lo) & 0xff)
#define RTE_DMODE(lo)	(((unsigned)(lo) >> 8) & 7)
#define RTE_REMOTE_IRR	(1u << 14)
#define RTE_LEVEL	(1u << 15)
#define RTE_MASK	(1u << 16)
#define RTE_LO_WRITABLE	(0xffu | 7u << 8 | 1u << 11 | 1u << 13 | RTE_LEVEL | RTE_MASK)
#define RTE_HI_WRITABLE	0xffff0000u

enum { DM_FIXED = 0, DM_LOWEST = 1 };

struct iosapic {
	struct cpu **cpus;
	int ncpus;
	unsigned npins;
	uint32_t index;
	uint32_t id;
	uint32_t lo[PLAT_IOSAPIC_MAX_PINS], hi[PLAT_IOSAPIC_MAX_PINS];
	bool asserted[PLAT_IOSAPIC_MAX_PINS];
};

static struct cpu *target(struct iosapic *io, unsigned pin)
{
	unsigned id = io->hi[pin] >> 24 & 0xff, eid = io->hi[pin] >> 16 & 0xff;

	for (int i = 0; i < io->ncpus; i++)
		if (io->cpus[i] && lsapic_id(io->cpus[i]) == id && lsapic_eid(io->cpus[i]) == eid)
			return io->cpus[i];
	return NULL;
}

/* Send pin's interrupt if its RTE allows it now. */
static void deliver(struct iosapic *io, unsigned pin)
{
	uint32_t lo = io->lo[pin];
	struct cpu *t;

	if (lo & RTE_MASK || (lo & RTE_LEVEL && lo & RTE_REMOTE_IRR))
		return;
	if (RTE_DMODE(lo) != DM_FIXED && RTE_DMODE(lo) != DM_LOWEST) {
		fprintf(stderr, "iosapic: pin %u: delivery mode %u not supported\n",
			pin, RTE_DMODE(lo));
		return;
	}
	t = target(io, pin);
	if (!t) {
		fprintf(stderr, "iosapic: pin %u: no CPU with id/eid %#x\n", pin, io->hi[pin] >> 16);
		return;
	}
	if (lo & RTE_LEVEL)
		io->lo[pin] |= RTE_REMOTE_IRR;
	lsapic_raise(t, RTE_VECTOR(lo));
}

void iosapic_set_line(struct iosapic *io, unsigned pin, bool asserted)
{
	bool was;

	if (!io || pin >= io->npins)
		return;
	was = io->asserted[pin];
	io->asserted[pin] = asserted;
	if (asserted && (!was || io->lo[pin] & RTE_LEVEL))
		deliver(io, pin);
}

/* EOI: every level-triggered RTE with this vector may fire again. */
static void eoi(struct iosapic *io, unsigned vector)
{
	for (unsigned pin = 0; pin < io->npins; pin++) {
		if (!(io->lo[pin] & RTE_LEVEL) || RTE_VECTOR(io->lo[pin]) != vector)
			continue;
		io->lo[pin] &= ~RTE_REMOTE_IRR;
		if (io->asserted[pin])
			deliver(io, pin);
	}
}

static uint32_t reg_read(struct iosapic *io)
{
	unsigned r = io->index;

	if (r == IOSAPIC_ID_REG)
		return io->id;
	if (r == IOSAPIC_VERSION_REG)
		return (io->npins - 1) << 16 | IOSAPIC_VERSION;
	if (r >= RTE_BASE && r < RTE_BASE + 2 * io->npins)
		return (r & 1) ? io->hi[(r - RTE_BASE) / 2] : io->lo[(r - RTE_BASE) / 2];
	return 0;
}

static void reg_write(struct iosapic *io, uint32_t v)
{
	unsigned r = io->index, pin;

	if (r == IOSAPIC_ID_REG) {
		io->id = v & 0x0f000000u;
		return;
	}
	if (r < RTE_BASE || r >= RTE_BASE + 2 * io->npins)
		return;			/* version and unimplemented registers */
	pin = (r - RTE_BASE) / 2;
	if (r & 1) {
		io->hi[pin] = v & RTE_HI_WRITABLE;
		return;
	}
	io->lo[pin] = (io->lo[pin] & RTE_REMOTE_IRR) | (v & RTE_LO_WRITABLE);
	if (!(io->lo[pin] & RTE_LEVEL))
		io->lo[pin] &= ~RTE_REMOTE_IRR;
	/* Unmasking a level line that is still asserted delivers it. */
	if (io->asserted[pin] && io->lo[pin] & RTE_LEVEL)
		deliver(io, pin);
}

static int iosapic_read(void *ctx, uint64_t off, unsigned size, uint64_t *v)
{
	struct iosapic *io = ctx;

	*v = 0;
	if (size != 4) {
		fprintf(stderr, "iosapic: %u-byte read at +%#llx (registers are 32-bit)\n",
			size, (unsigned long long)off);
		return 0;
	}
	if (off == IOSAPIC_INDEX)
		*v = io->index;
	else if (off == IOSAPIC_WINDOW)
		*v = reg_read(io);
	return 0;
}

static int iosapic_write(void *ctx, uint64_t off, unsigned size, uint64_t v)
{
	struct iosapic *io = ctx;

	if (size != 4) {
		fprintf(stderr, "iosapic: %u-byte write at +%#llx (registers are 32-bit)\n",
			size, (unsigned long long)off);
		return 0;
	}
	if (off == IOSAPIC_INDEX)
		io->index = (uint32_t)v & 0xff;
	else if (off == IOSAPIC_WINDOW)
		reg_write(io, (uint32_t)v);
	else if (off == IOSAPIC_EOI)
		eoi(io, (unsigned)v & 0xff);
	return 0;
}

static const struct mmio_ops iosapic_ops = {
	.read = iosapic_read, .write = iosapic_write,
};

struct iosapic *iosapic_new(struct memspace *ms, uint64_t base, struct cpu **cpus, int n,
			    unsigned npins)
{
	struct iosapic *io;

	if (npins == 0 || npins > PLAT_IOSAPIC_MAX_PINS) {
		fprintf(stderr, "iosapic: %u pins requested, 1..%u supported\n",
			npins, PLAT_IOSAPIC_MAX_PINS);
		return NULL;
	}
	io = calloc(1, sizeof(*io));
	if (!io)
		return NULL;
	io->cpus = cpus;
	io->ncpus = n;
	io->npins = npins;
	for (unsigned i = 0; i < npins; i++)
		io->lo[i] = RTE_MASK;		/* reset: every pin masked */
	if (memspace_add_mmio(ms, base, PLAT_IOSAPIC_SIZE, &iosapic_ops, io) < 0) {
		fprintf(stderr, "iosapic: cannot map at %#llx\n", (unsigned long long)base);
		free(io);
		return NULL;
	}
	return io;
}

void iosapic_free(struct iosapic *io)
{
	free(io);
}
