/* SPDX-License-Identifier: MIT */
/*
 * I/O SAPIC tests (docs/ia64-platform.md §8.6): version register, RTE
 * programming through index/window, masking at reset, edge delivery on
 * the rising edge only, level delivery gated by remote IRR until EOI,
 * routing by destination id/eid, and the UART's interrupt output wired
 * to a pin (IIR source + OUT2, input pulled by uart_poll).
 */
#include <unistd.h>

#include "test/harness.h"
#include "test_mmu_util.h"
#include "lsapic.h"
#include "memspace.h"
#include "platform.h"

#define IO	PLAT_IOSAPIC_BASE

static struct memspace *ms;

static void w32(uint64_t off, uint32_t v)
{
	CHECK_EQ(phys_write(ms, IO + off, 4, &v), 0);
}

static uint32_t r32(uint64_t off)
{
	uint32_t v = 0xdeadbeef;

	CHECK_EQ(phys_read(ms, IO + off, 4, &v), 0);
	return v;
}

static uint32_t reg(unsigned r)
{
	w32(0x00, r);
	return r32(0x10);
}

static void set_reg(unsigned r, uint32_t v)
{
	w32(0x00, r);
	w32(0x10, v);
}

/* Program pin's RTE: destination first, then the low word, like Linux. */
static void rte(unsigned pin, uint32_t lo, unsigned id, unsigned eid)
{
	set_reg(0x11 + 2 * pin, id << 24 | eid << 16);
	set_reg(0x10 + 2 * pin, lo);
}

static uint64_t irr(struct cpu *c, unsigned v)
{
	return lsapic_read(c, CR_IRR0 + v / 64) >> (v & 63) & 1;
}

static void clear_irr(struct cpu *c)
{
	while (lsapic_read(c, CR_IVR) != 15)
		lsapic_write(c, CR_EOI, 0);
}

static void uart_line(void *ctx, bool asserted)
{
	iosapic_set_line(ctx, PLAT_UART_GSI, asserted);
}

int main(void)
{
	struct cpu *cpus[2];
	struct iosapic *io;
	int in[2];
	struct uart *u;
	uint8_t b;

	lsapic_install();
	ms = memspace_new(false);
	for (int i = 0; i < 2; i++) {
		cpus[i] = t_cpu();
		lsapic_attach(cpus[i], (unsigned)i, 0);
	}
	io = iosapic_new(ms, IO, cpus, 2, PLAT_IOSAPIC_PINS);

	TEST_BEGIN("version register: max redirection entry 23, RTEs masked at reset");
	CHECK(io != NULL);
	CHECK_EQ(reg(1), 23u << 16 | 0x21);
	CHECK_EQ(reg(0x10 + 2 * 5) >> 16 & 1, 1);
	TEST_END();

	TEST_BEGIN("RTE read back (writable bits only)");
	rte(5, 0x3a | 1u << 13, 1, 0);
	CHECK_EQ(reg(0x10 + 2 * 5), 0x3a | 1u << 13);
	CHECK_EQ(reg(0x11 + 2 * 5), 1u << 24);
	set_reg(0x11 + 2 * 5, 0x0100ffff);	/* reserved low bits of the high word */
	CHECK_EQ(reg(0x11 + 2 * 5), 0x01000000);
	TEST_END();

	TEST_BEGIN("masked pins deliver nothing");
	rte(3, 0x40 | 1u << 16, 0, 0);
	iosapic_set_line(io, 3, true);
	CHECK_EQ(irr(cpus[0], 0x40), 0);
	iosapic_set_line(io, 3, false);
	TEST_END();

	TEST_BEGIN("edge: one interrupt per rising edge, to the addressed CPU");
	iosapic_set_line(io, 5, true);
	CHECK_EQ(irr(cpus[1], 0x3a), 1);
	CHECK_EQ(irr(cpus[0], 0x3a), 0);
	clear_irr(cpus[1]);
	iosapic_set_line(io, 5, true);		/* still high: no edge */
	CHECK_EQ(irr(cpus[1], 0x3a), 0);
	iosapic_set_line(io, 5, false);
	iosapic_set_line(io, 5, true);
	CHECK_EQ(irr(cpus[1], 0x3a), 1);
	clear_irr(cpus[1]);
	TEST_END();

	TEST_BEGIN("level: remote IRR holds further delivery until EOI");
	rte(7, 0x50 | 1u << 15, 0, 0);
	iosapic_set_line(io, 7, true);
	CHECK_EQ(irr(cpus[0], 0x50), 1);
	CHECK_EQ(reg(0x10 + 2 * 7) >> 14 & 1, 1);	/* remote IRR */
	clear_irr(cpus[0]);
	iosapic_set_line(io, 7, true);
	CHECK_EQ(irr(cpus[0], 0x50), 0);
	w32(0x40, 0x50);			/* EOI, line still asserted: again */
	CHECK_EQ(irr(cpus[0], 0x50), 1);
	clear_irr(cpus[0]);
	iosapic_set_line(io, 7, false);
	w32(0x40, 0x50);
	CHECK_EQ(irr(cpus[0], 0x50), 0);
	CHECK_EQ(reg(0x10 + 2 * 7) >> 14 & 1, 0);
	TEST_END();

	TEST_BEGIN("unmasking an asserted level line delivers it");
	rte(8, 0x60 | 1u << 15 | 1u << 16, 0, 0);
	iosapic_set_line(io, 8, true);
	CHECK_EQ(irr(cpus[0], 0x60), 0);
	rte(8, 0x60 | 1u << 15, 0, 0);
	CHECK_EQ(irr(cpus[0], 0x60), 1);
	clear_irr(cpus[0]);
	TEST_END();

	TEST_BEGIN("uart interrupt output through the I/O SAPIC");
	if (pipe(in))
		return 1;
	u = uart_new(ms, PLAT_UART_BASE, in[0], -1);
	uart_connect_irq(u, uart_line, io);
	rte(PLAT_UART_GSI, 0x31, 0, 0);
	b = 0x01;				/* IER: received data */
	CHECK_EQ(phys_write(ms, PLAT_UART_BASE + 1, 1, &b), 0);
	CHECK_EQ(write(in[1], "k", 1), 1);
	uart_poll(u);
	CHECK_EQ(irr(cpus[0], 0x31), 0);	/* OUT2 clear: request gated */
	b = 0x08;				/* MCR.OUT2 */
	CHECK_EQ(phys_write(ms, PLAT_UART_BASE + 4, 1, &b), 0);
	CHECK_EQ(irr(cpus[0], 0x31), 1);
	clear_irr(cpus[0]);
	CHECK_EQ(phys_read(ms, PLAT_UART_BASE + 0, 1, &b), 0);
	CHECK_EQ(b, 'k');
	CHECK_EQ(write(in[1], "l", 1), 1);	/* line fell with the read: new edge */
	uart_poll(u);
	CHECK_EQ(irr(cpus[0], 0x31), 1);
	TEST_END();

	memspace_free(ms);
	uart_free(u);
	iosapic_free(io);
	for (int i = 0; i < 2; i++) {
		lsapic_detach(cpus[i]);
		t_free(cpus[i]);
	}
	return test_report();
}
