/* SPDX-License-Identifier: MIT */
/*
 * 16550A console tests (docs/ia64-platform.md §7.4; PC16550D data sheet):
 * idle LSR = THRE|TEMT, THR output reaching the host fd, input through
 * RBR with LSR.DR, IIR identification (FIFO bits, THRI acknowledge by IIR
 * read, RDA priority over THRI, no-interrupt), IER keeping bits 3:0, the
 * DLAB divisor latch, scratch register, and rejection of wide accesses.
 * Accesses go through phys_read/phys_write like the CPU's.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "test/harness.h"
#include "memspace.h"
#include "platform.h"
#include "uart.h"

#define BASE	PLAT_UART_BASE

static struct memspace *ms;

static uint8_t rd(unsigned reg)
{
	uint8_t v = 0x5a;

	CHECK_EQ(phys_read(ms, BASE + reg, 1, &v), 0);
	return v;
}

static void wr(unsigned reg, uint8_t v)
{
	CHECK_EQ(phys_write(ms, BASE + reg, 1, &v), 0);
}

int main(void)
{
	int in[2], out[2];
	char buf[16];
	struct uart *u;
	uint32_t wide = 0;

	if (pipe(in) || pipe(out))
		return 1;
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	ms = memspace_new(false);
	u = uart_new(ms, BASE, in[0], out[1]);

	TEST_BEGIN("uart maps; idle LSR = THRE | TEMT, no interrupt");
	CHECK(u != NULL);
	CHECK_EQ(rd(UART_LSR), 0x60);
	CHECK_EQ(rd(UART_IIR), 0x01);		/* FIFOs off, no interrupt */
	CHECK_EQ(rd(UART_MSR) & 0x10, 0x10);	/* CTS: a terminal is there */
	TEST_END();

	TEST_BEGIN("THR bytes reach the host in order");
	wr(UART_THR, 'h');
	wr(UART_THR, 'i');
	CHECK_EQ(read(out[0], buf, sizeof(buf)), 2);
	CHECK(memcmp(buf, "hi", 2) == 0);
	CHECK_EQ(rd(UART_LSR), 0x60);
	TEST_END();

	TEST_BEGIN("IER stores bits 3:0 only (8250 probe)");
	wr(UART_IER, 0xff);
	CHECK_EQ(rd(UART_IER), 0x0f);
	wr(UART_IER, 0);
	CHECK_EQ(rd(UART_IER), 0);
	TEST_END();

	TEST_BEGIN("FIFO enable shows 0xC0 in IIR");
	wr(UART_FCR, 0x07);
	CHECK_EQ(rd(UART_IIR), 0xc1);
	TEST_END();

	TEST_BEGIN("IIR reports THRI when enabled; the IIR read acknowledges it");
	wr(UART_IER, 0x02);
	CHECK_EQ(rd(UART_IIR), 0xc2);
	CHECK_EQ(rd(UART_IIR), 0xc1);
	/* re-enabling THRI with the transmitter empty re-asserts it */
	wr(UART_IER, 0);
	wr(UART_IER, 0x02);
	CHECK_EQ(rd(UART_IIR), 0xc2);
	/* a byte sent empties THR again: THRI again */
	wr(UART_THR, 'x');
	CHECK_EQ(rd(UART_IIR), 0xc2);
	CHECK_EQ(read(out[0], buf, sizeof(buf)), 1);
	TEST_END();

	TEST_BEGIN("input: DR, RBR in order, RDA identification above THRI");
	CHECK_EQ(write(in[1], "ab", 2), 2);
	CHECK_EQ(rd(UART_LSR), 0x61);
	wr(UART_IER, 0x03);
	wr(UART_THR, 'y');			/* THRI pending too */
	CHECK_EQ(rd(UART_IIR), 0xc4);		/* RDA wins */
	CHECK_EQ(rd(UART_RBR), 'a');
	CHECK_EQ(rd(UART_RBR), 'b');
	CHECK_EQ(rd(UART_LSR), 0x60);
	CHECK_EQ(rd(UART_IIR), 0xc2);		/* now THRI */
	CHECK_EQ(rd(UART_RBR), 0);		/* empty FIFO */
	CHECK_EQ(read(out[0], buf, sizeof(buf)), 1);
	TEST_END();

	TEST_BEGIN("FCR clears the receive FIFO");
	CHECK_EQ(write(in[1], "z", 1), 1);
	CHECK_EQ(rd(UART_LSR) & 1, 1);
	wr(UART_FCR, 0x03);
	CHECK_EQ(rd(UART_LSR) & 1, 0);
	TEST_END();

	TEST_BEGIN("DLAB selects the divisor latch; LCR/MCR/SCR read back");
	wr(UART_LCR, 0x83);
	wr(UART_DLL, 0x01);
	wr(UART_DLM, 0x02);
	CHECK_EQ(rd(UART_DLL), 0x01);
	CHECK_EQ(rd(UART_DLM), 0x02);
	wr(UART_LCR, 0x03);
	CHECK_EQ(rd(UART_LCR), 0x03);
	CHECK_EQ(rd(UART_IER), 0x03);		/* IER untouched by the DLM write */
	CHECK_EQ(read(out[0], buf, sizeof(buf)), -1);	/* no output from DLL writes */
	wr(UART_MCR, 0x0b);
	CHECK_EQ(rd(UART_MCR), 0x0b);
	wr(UART_SCR, 0xa5);
	CHECK_EQ(rd(UART_SCR), 0xa5);
	TEST_END();

	TEST_BEGIN("loopback: bytes fill the 16-byte FIFO, not the terminal; overrun after");
	wr(UART_FCR, 0x07);
	wr(UART_MCR, 0x10 | 0x02 | 0x01);	/* LOOP, RTS, DTR */
	CHECK_EQ(rd(UART_MSR), 0x30);		/* CTS <- RTS, DSR <- DTR */
	for (int i = 0; i < 256; i++)
		wr(UART_THR, (uint8_t)i);
	CHECK_EQ(read(out[0], buf, sizeof(buf)), -1);
	CHECK_EQ(rd(UART_LSR), 0x60 | 0x02 | 0x01);	/* THRE TEMT OE DR */
	for (int i = 0; i < 16; i++) {
		CHECK_EQ(rd(UART_LSR) & 1, 1);
		CHECK_EQ(rd(UART_RBR), i);
	}
	CHECK_EQ(rd(UART_LSR), 0x60);		/* 16 bytes, OE cleared by the read */
	wr(UART_MCR, 0x0b);
	TEST_END();

	TEST_BEGIN("EOF on the input: no data, no crash");
	close(in[1]);
	CHECK_EQ(rd(UART_LSR) & 1, 0);
	CHECK_EQ(rd(UART_RBR), 0);
	TEST_END();

	TEST_BEGIN("wide accesses are rejected as all-ones, not executed");
	CHECK_EQ(phys_read(ms, BASE + UART_LSR, 4, &wide), 0);
	CHECK_EQ(wide, 0xffffffff);
	TEST_END();

	memspace_free(ms);
	uart_free(u);
	return test_report();
}
