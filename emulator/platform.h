/* SPDX-License-Identifier: MIT */
/*
 * The device side of the emulated machine: the interface the machine code
 * (loader, firmware, run loop) uses to create and drive the devices of
 * docs/ia64-platform.md: the 16550A console (§7.4), the per-CPU local
 * SAPIC and interval timer (§8.1-8.2), the processor interrupt block that
 * carries IPIs and wakes parked APs (§8.3, §8.5) and the ACPI
 * hardware-reduced sleep registers used for power-off (§6.4).
 *
 * Threading: all of this assumes the machine runs its CPUs from one host
 * thread (round-robin run_cpu turns); nothing here takes locks.
 */
#ifndef EMU_PLATFORM_H
#define EMU_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

struct cpu;
struct memspace;

/* --- clocks ---------------------------------------------------------------
 * The ITC advances by one per retired instruction slot (cpu_itc_read), so
 * the reported frequencies must make "one slot = one ITC tick" true:
 * SAL_FREQ_BASE(platform) = PLAT_BASE_HZ and PAL_FREQ_RATIOS reports the
 * ITC ratio PLAT_ITC_RATIO_NUM/DEN, giving PLAT_ITC_HZ; Linux then arms the
 * tick every PLAT_ITC_HZ / HZ(250) = 400000 slots.
 */
#define PLAT_BASE_HZ		100000000ULL	/* SAL_FREQ_BASE_PLATFORM */
#define PLAT_ITC_RATIO_NUM	1		/* PAL_FREQ_RATIOS: itc ratio */
#define PLAT_ITC_RATIO_DEN	1
#define PLAT_PROC_RATIO_NUM	1		/* PAL_FREQ_RATIOS: processor */
#define PLAT_PROC_RATIO_DEN	1
#define PLAT_BUS_RATIO_NUM	1		/* PAL_FREQ_RATIOS: bus */
#define PLAT_BUS_RATIO_DEN	1
#define PLAT_ITC_HZ	(PLAT_BASE_HZ * PLAT_ITC_RATIO_NUM / PLAT_ITC_RATIO_DEN)

/* --- default addresses (the firmware tables must describe the same) ----- */
#define PLAT_UART_BASE		0xFF5E0000ULL	/* HP/ski convention, §7 */
#define PLAT_UART_SIZE		0x1000ULL	/* 8 byte registers, page-mapped */
#define PLAT_PIB_BASE		0xFEE00000ULL	/* MADT local_apic_address, §8.3 */
#define PLAT_PIB_SIZE		0x200000ULL
#define PLAT_POWER_BASE		0xFF5F0000ULL	/* FADT sleep registers, §6.4 */
#define PLAT_POWER_SIZE		0x1000ULL
#define PLAT_SLEEP_CONTROL_OFF	0		/* FADT SLEEP_CONTROL_REG: byte */
#define PLAT_SLEEP_STATUS_OFF	1		/* FADT SLEEP_STATUS_REG: byte */
#define PLAT_S5_SLP_TYP		5		/* must equal the DSDT's \_S5 value */
#define PLAT_IOSAPIC_BASE	0xFEC00000ULL	/* MADT I/O SAPIC address (optional) */
#define PLAT_IOSAPIC_SIZE	0x1000ULL
#define PLAT_IOSAPIC_MAX_PINS	64
#define PLAT_IOSAPIC_PINS	24		/* version register: max_redir 23 */
#define PLAT_UART_GSI		4		/* _CRS Interrupt () of the PNP0501, if wired */

/* Interrupt vectors with a fixed meaning (§8.1). */
#define PLAT_SPURIOUS_VECTOR	15

/* --- 16550A console (uart.c) ---------------------------------------------
 * Maps 8 byte-wide registers (shift 0) at base.  Output goes to out_fd as
 * it is written; input is read from in_fd without blocking when the guest
 * looks at LSR/RBR (in_fd < 0: no input).  NULL on allocation/map error.
 */
struct uart;
struct uart *uart_new(struct memspace *ms, uint64_t base, int in_fd, int out_fd);
void uart_free(struct uart *u);

/* Optional interrupt output (§7.5): set_line(ctx, asserted) is called when
 * the UART's interrupt request changes (an IIR source enabled in IER and
 * MCR.OUT2 set, as on PC serial ports).  Host input only arrives when the
 * guest reads the UART or when the machine calls uart_poll(), which it
 * should do every round once an interrupt line is connected. */
void uart_connect_irq(struct uart *u, void (*set_line)(void *ctx, bool asserted), void *ctx);
void uart_poll(struct uart *u);

/* --- local SAPIC + interval timer (lsapic.c, timer.c) --------------------
 * lsapic_attach() allocates the per-CPU controller state, hangs it on
 * c->lsapic and sets cr.lid = id << 24 | eid << 16.  lsapic_install()
 * routes the CPU's interrupt control registers (lsapic.h) to this model;
 * call it once per process before running platform CPUs.
 */
struct lsapic;
struct lsapic *lsapic_attach(struct cpu *c, unsigned id, unsigned eid);
void lsapic_detach(struct cpu *c);
void lsapic_install(void);

/* Make `vector` (16..255) pending in IRR (IPIs, devices).  Vectors < 16
 * are ignored: they are reserved (§8.1) and cannot be raised. */
void lsapic_raise(struct cpu *c, unsigned vector);

/* Advance time: compare the ITC now against ITM over the whole interval
 * since the last call (ITC may jump); a crossing sets ITV's vector pending
 * unless ITV.m.  The machine calls it between run_cpu turns. */
void lsapic_tick(struct cpu *c);

/* A vector is deliverable: pending, above the in-service vector and not
 * masked by TPR.  Ignores PSR.i (PAL_HALT_LIGHT wakes on it anyway). */
bool lsapic_pending(struct cpu *c);

/* The run-loop check between turns: lsapic_tick(), then if PSR.i = 1 and
 * lsapic_pending(), take the External Interrupt.  Returns true when an
 * interruption was delivered (c->ip now points into the IVT). */
bool lsapic_check(struct cpu *c);

/* For idle fast-forward: the ITC value at which the timer will next make
 * a vector pending, or UINT64_MAX if ITV is masked.  A machine whose CPUs
 * all idle sets each ITC forward (cpu_itc_write) to the earliest of these. */
uint64_t lsapic_next_event(struct cpu *c);

/* cr.lid fields of the CPU (for PIB routing and the MADT). */
unsigned lsapic_id(struct cpu *c);
unsigned lsapic_eid(struct cpu *c);

/* Per-CPU controller state; its fields are private to lsapic.c/timer.c. */
struct lsapic {
	uint64_t irr[4];	/* pending vectors (cr.irr0-3) */
	uint64_t isr[4];	/* in-service vectors (acknowledged, no EOI yet) */
	uint64_t last_itc;	/* ITC up to which the ITM match was checked */
};

/* timer.c: re-base the ITM comparison at the current ITC (after an ITM
 * write the new value is compared against future ITC values only). */
void timer_rebase(struct cpu *c);

/* --- processor interrupt block (pib.c) ------------------------------------
 * Maps the 2 MB PIB at base.  An 8-byte store at id << 12 | eid << 4 sends
 * data{7:0} as an interrupt with delivery mode data{10:8} to the CPU whose
 * cr.lid matches.  INT (mode 0) to a running CPU sets IRR; to a CPU the
 * machine reports as parked, the wake-up vector starts it through
 * hooks->ap_start (the IRR bit is not set: the AP begins in firmware's
 * rendezvous path) and other vectors are dropped.
 */
struct pib_hooks {
	bool (*ap_parked)(void *ctx, struct cpu *c);
	void (*ap_start)(void *ctx, struct cpu *c);
};
struct pib;
struct pib *pib_new(struct memspace *ms, uint64_t base, struct cpu **cpus, int n,
		    unsigned wakeup_vector, const struct pib_hooks *hooks, void *ctx);
void pib_free(struct pib *p);

/* --- I/O SAPIC (iosapic.c, optional: §8.6-8.7) ----------------------------
 * Maps the register window at base with npins redirection entries (all
 * masked at reset).  Devices call iosapic_set_line(pin = GSI - GSI base);
 * delivery sets the vector in the IRR of the CPU named by the RTE.
 */
struct iosapic;
struct iosapic *iosapic_new(struct memspace *ms, uint64_t base, struct cpu **cpus, int n,
			    unsigned npins);
void iosapic_set_line(struct iosapic *io, unsigned pin, bool asserted);
void iosapic_free(struct iosapic *io);

/* --- ACPI hardware-reduced sleep registers (power.c) ----------------------
 * Two byte registers at base (PLAT_SLEEP_*_OFF).  Writing SLEEP_CONTROL
 * with SLP_EN and SLP_TYP = PLAT_S5_SLP_TYP calls off(ctx); the machine
 * then stops and exits 0.  Other sleep types are reported and ignored.
 */
struct power;
struct power *power_new(struct memspace *ms, uint64_t base,
			void (*off)(void *ctx), void *ctx);
void power_free(struct power *p);

#endif
