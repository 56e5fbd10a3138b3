/* SPDX-License-Identifier: MIT */
/*
 * The 16550A console (docs/ia64-platform.md §7.4).  Linux's 8250 driver
 * binds it without an interrupt line and polls it, so what matters is that
 * the registers read exactly like a 16550A: LSR = THRE|TEMT when idle (DR
 * with input), IIR with the FIFO bits and a THRI identification whenever
 * IER.THRI is set and the transmitter is empty (the polled transmit path
 * acts on that), IER keeping bits 3:0 only (the driver's probe checks).
 * Transmission is instantaneous: every THR byte is written to the host fd,
 * except in loopback mode (MCR.LOOP), where it enters the receive FIFO:
 * the driver's probe sends 256 bytes that way to measure the FIFO depth,
 * and they must neither reach the terminal nor exceed 16.  Input is
 * pulled from the host fd without blocking when the guest looks.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "memspace.h"
#include "platform.h"
#include "uart.h"

struct uart {
	int in_fd, out_fd;
	uint8_t ier, lcr, mcr, scr, dll, dlm, fcr;
	uint8_t lsr_err;		/* OE, cleared by reading LSR */
	bool thri_pending;		/* THRE interrupt not yet acknowledged */
	uint8_t rx[UART_RX_FIFO];
	unsigned rx_head, rx_count;
	void (*set_line)(void *ctx, bool asserted);	/* optional interrupt output */
	void *line_ctx;
	bool line;
};

/* --- host side ------------------------------------------------------------ */

static void put_host(struct uart *u, uint8_t ch)
{
	if (u->out_fd < 0)
		return;
	for (;;) {
		ssize_t n = write(u->out_fd, &ch, 1);

		if (n == 1)
			return;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			/* A non-blocking reader side is full: wait, don't spin. */
			struct pollfd p = { .fd = u->out_fd, .events = POLLOUT };

			poll(&p, 1, -1);
			continue;
		}
		/* The terminal went away: drop output rather than stall. */
		u->out_fd = -1;
		return;
	}
}

/* Refill the receive FIFO from the host if it is empty and input waits. */
static void pull_input(struct uart *u)
{
	struct pollfd p;
	uint8_t buf[UART_RX_FIFO];
	ssize_t n;

	if (u->in_fd < 0 || u->rx_count || (u->mcr & MCR_LOOP))
		return;
	p.fd = u->in_fd;
	p.events = POLLIN;
	p.revents = 0;
	if (poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP)))
		return;
	n = read(u->in_fd, buf, sizeof(buf));
	if (n <= 0) {
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			u->in_fd = -1;	/* EOF: the guest sees no more input */
		return;
	}
	for (ssize_t i = 0; i < n; i++)
		u->rx[(u->rx_head + u->rx_count++) % UART_RX_FIFO] = buf[i];
}

/* --- interrupt identification ---------------------------------------------- */

/* The highest-priority source, 16550A order: line status, received data,
 * THR empty, modem status. */
static uint8_t iir_value(const struct uart *u)
{
	uint8_t fifo = (u->fcr & FCR_ENABLE) ? IIR_FIFO : 0;

	if ((u->ier & IER_RLSI) && u->lsr_err)
		return fifo | IIR_RLSI;
	if ((u->ier & IER_RDI) && u->rx_count)
		return fifo | IIR_RDI;
	if ((u->ier & IER_THRI) && u->thri_pending)
		return fifo | IIR_THRI;
	return fifo | IIR_NO_INT;
}

/* --- registers --------------------------------------------------------------- */

static uint8_t rd_rbr(struct uart *u)
{
	uint8_t ch;

	if (u->lcr & LCR_DLAB)
		return u->dll;
	pull_input(u);
	if (!u->rx_count)
		return 0;
	ch = u->rx[u->rx_head];
	u->rx_head = (u->rx_head + 1) % UART_RX_FIFO;
	u->rx_count--;
	return ch;
}

static uint8_t rd_ier(struct uart *u)
{
	return (u->lcr & LCR_DLAB) ? u->dlm : u->ier;
}

static uint8_t rd_iir(struct uart *u)
{
	uint8_t v;

	pull_input(u);
	v = iir_value(u);
	/* Reading IIR acknowledges a THRE interrupt it reports. */
	if ((v & 0x0f) == IIR_THRI)
		u->thri_pending = false;
	return v;
}

static uint8_t rd_lcr(struct uart *u) { return u->lcr; }
static uint8_t rd_mcr(struct uart *u) { return u->mcr; }
/* In loopback the modem inputs follow the modem control outputs. */
static uint8_t rd_msr(struct uart *u)
{
	uint8_t m = u->mcr, v = 0;

	if (!(m & MCR_LOOP))
		return MSR_CONNECTED;
	v |= (m & MCR_RTS) ? MSR_CTS : 0;
	v |= (m & MCR_DTR) ? MSR_DSR : 0;
	v |= (m & MCR_OUT1) ? MSR_RI : 0;
	v |= (m & MCR_OUT2) ? MSR_DCD : 0;
	return v;
}
static uint8_t rd_scr(struct uart *u) { return u->scr; }

static uint8_t rd_lsr(struct uart *u)
{
	uint8_t v;

	pull_input(u);
	v = LSR_THRE | LSR_TEMT | u->lsr_err | (u->rx_count ? LSR_DR : 0);
	u->lsr_err = 0;
	return v;
}

static void wr_thr(struct uart *u, uint8_t v)
{
	if (u->lcr & LCR_DLAB) {
		u->dll = v;
		return;
	}
	if (u->mcr & MCR_LOOP) {
		if (u->rx_count == UART_RX_FIFO)
			u->lsr_err |= LSR_OE;	/* FIFO full: the byte is lost */
		else
			u->rx[(u->rx_head + u->rx_count++) % UART_RX_FIFO] = v;
	} else {
		put_host(u, v);
	}
	/* Sent at once: the holding register is empty again. */
	u->thri_pending = true;
}

static void wr_ier(struct uart *u, uint8_t v)
{
	if (u->lcr & LCR_DLAB) {
		u->dlm = v;
		return;
	}
	/* Enabling THRI while the transmitter is empty raises it (the 8250
	 * driver's THRE re-assertion test relies on this). */
	if ((v & IER_THRI) && !(u->ier & IER_THRI))
		u->thri_pending = true;
	u->ier = v & IER_MASK;
}

static void wr_fcr(struct uart *u, uint8_t v)
{
	if (v & FCR_CLEAR_RX)
		u->rx_head = u->rx_count = 0;
	u->fcr = v & FCR_ENABLE;	/* trigger level / DMA mode: no effect */
}

static void wr_lcr(struct uart *u, uint8_t v) { u->lcr = v; }
static void wr_mcr(struct uart *u, uint8_t v) { u->mcr = v & MCR_MASK; }
static void wr_scr(struct uart *u, uint8_t v) { u->scr = v; }
static void wr_ignore(struct uart *u, uint8_t v) { (void)u; (void)v; }

static uint8_t (*const reg_read[UART_NREGS])(struct uart *) = {
	[UART_RBR] = rd_rbr, [UART_IER] = rd_ier, [UART_IIR] = rd_iir,
	[UART_LCR] = rd_lcr, [UART_MCR] = rd_mcr, [UART_LSR] = rd_lsr,
	[UART_MSR] = rd_msr, [UART_SCR] = rd_scr,
};

/* LSR and MSR are read-only: writes are ignored, as on the chip. */
static void (*const reg_write[UART_NREGS])(struct uart *, uint8_t) = {
	[UART_THR] = wr_thr, [UART_IER] = wr_ier, [UART_FCR] = wr_fcr,
	[UART_LCR] = wr_lcr, [UART_MCR] = wr_mcr, [UART_LSR] = wr_ignore,
	[UART_MSR] = wr_ignore, [UART_SCR] = wr_scr,
};

/* The interrupt request follows IIR; PC wiring gates it with OUT2. */
static void update_line(struct uart *u)
{
	bool level;

	if (!u->set_line)
		return;
	level = !(iir_value(u) & IIR_NO_INT) && (u->mcr & MCR_OUT2);
	if (level != u->line) {
		u->line = level;
		u->set_line(u->line_ctx, level);
	}
}

void uart_connect_irq(struct uart *u, void (*set_line)(void *ctx, bool asserted), void *ctx)
{
	u->set_line = set_line;
	u->line_ctx = ctx;
	u->line = false;
	update_line(u);
}

void uart_poll(struct uart *u)
{
	pull_input(u);
	update_line(u);
}

/* --- MMIO glue ------------------------------------------------------------------ */

/* Byte registers only; wider or out-of-range accesses read as ones and
 * are reported, so a wrong driver configuration is visible. */
static int uart_mmio_read(void *ctx, uint64_t off, unsigned size, uint64_t *v)
{
	if (size != 1 || off >= UART_NREGS) {
		fprintf(stderr, "uart: unsupported %u-byte read at +%#llx\n",
			size, (unsigned long long)off);
		*v = ~0ULL >> (64 - 8 * (size > 8 ? 8 : size));
		return 0;
	}
	*v = reg_read[off](ctx);
	update_line(ctx);
	return 0;
}

static int uart_mmio_write(void *ctx, uint64_t off, unsigned size, uint64_t v)
{
	if (size != 1 || off >= UART_NREGS) {
		fprintf(stderr, "uart: unsupported %u-byte write at +%#llx\n",
			size, (unsigned long long)off);
		return 0;
	}
	reg_write[off](ctx, (uint8_t)v);
	update_line(ctx);
	return 0;
}

static const struct mmio_ops uart_ops = {
	.read = uart_mmio_read, .write = uart_mmio_write,
};

struct uart *uart_new(struct memspace *ms, uint64_t base, int in_fd, int out_fd)
{
	struct uart *u = calloc(1, sizeof(*u));

	if (!u)
		return NULL;
	u->in_fd = in_fd;
	u->out_fd = out_fd;
	u->thri_pending = true;		/* reset: transmitter empty */
	if (memspace_add_mmio(ms, base, PLAT_UART_SIZE, &uart_ops, u) < 0) {
		fprintf(stderr, "uart: cannot map at %#llx\n", (unsigned long long)base);
		free(u);
		return NULL;
	}
	return u;
}

void uart_free(struct uart *u)
{
	free(u);
}
