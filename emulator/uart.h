/* SPDX-License-Identifier: MIT */
/*
 * Register map of the 16550A console model (uart.c): offsets from the
 * base (register shift 0, byte wide) and the bits the model implements.
 * Values are those of the National/TI PC16550D data sheet.
 */
#ifndef EMU_UART_H
#define EMU_UART_H

/* Offsets (DLAB = LCR bit 7 switches 0/1 to the divisor latch). */
#define UART_RBR	0	/* read: receive buffer */
#define UART_THR	0	/* write: transmit holding */
#define UART_DLL	0	/* DLAB: divisor latch low */
#define UART_IER	1
#define UART_DLM	1	/* DLAB: divisor latch high */
#define UART_IIR	2	/* read */
#define UART_FCR	2	/* write */
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_MSR	6
#define UART_SCR	7
#define UART_NREGS	8

#define IER_RDI		0x01	/* received data available */
#define IER_THRI	0x02	/* transmitter holding register empty */
#define IER_RLSI	0x04	/* receiver line status */
#define IER_MSI		0x08	/* modem status */
#define IER_MASK	0x0f	/* the 16550A implements bits 3:0 only */

#define IIR_NO_INT	0x01
#define IIR_MSI		0x00
#define IIR_THRI	0x02
#define IIR_RDI		0x04
#define IIR_RLSI	0x06
#define IIR_FIFO	0xc0	/* FIFOs enabled (both bits on a 16550A) */

#define FCR_ENABLE	0x01
#define FCR_CLEAR_RX	0x02
#define FCR_CLEAR_TX	0x04

#define LCR_DLAB	0x80

#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define MCR_OUT1	0x04
#define MCR_OUT2	0x08
#define MCR_LOOP	0x10	/* internal loopback (the 8250 probe sizes the FIFO with it) */
#define MCR_MASK	0x1f

#define LSR_DR		0x01	/* data ready */
#define LSR_OE		0x02	/* overrun */
#define LSR_THRE	0x20
#define LSR_TEMT	0x40

/* Modem lines of a connected terminal: DCD, DSR, CTS. */
#define MSR_CONNECTED	0xb0
#define MSR_CTS		0x10
#define MSR_DSR		0x20
#define MSR_RI		0x40
#define MSR_DCD		0x80

#define UART_RX_FIFO	16

#endif
