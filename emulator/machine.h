/* SPDX-License-Identifier: MIT */
/*
 * The emulated machine (docs/ia64-platform.md §12): physical memory, N
 * CPUs scheduled round-robin with a fixed slot budget per turn, the
 * platform devices of platform.h, the firmware, and the stop/exit logic.
 * Everything runs on one host thread, so runs are deterministic.
 */
#ifndef EMU_MACHINE_H
#define EMU_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct cpu;
struct memspace;
struct firmware;
struct uart;
struct pib;
struct power;
struct gdbstub;
struct itrace;
struct profile;
struct symtab;

#define MACH_MAX_CPUS		64
#define MACH_DEFAULT_MEM_MB	512
#define MACH_MIN_MEM_MB		128	/* kernel at 64 MB + room for the rest */
#define MACH_MAX_MEM_MB		(16 * 1024)	/* below the I/O port window */
#define MACH_DEFAULT_TURN	10000	/* slots per CPU per round-robin turn */
#define MACH_MAX_HOOKS		8

/* A device that needs time: called once per round-robin round, after
 * every CPU had its turn (the local SAPIC timers are ticked per CPU). */
typedef void (*machine_hook_fn)(struct machine *m, void *ctx);

/* What a CPU is doing between turns. */
enum mcpu_state {
	MCPU_RUNNING,
	MCPU_PARKED,		/* AP waiting in firmware for its wake-up IPI */
	MCPU_HALT_LIGHT,	/* in PAL_HALT_LIGHT until an interrupt is pending */
};

struct machine_opts {
	unsigned ncpus;		/* 1..MACH_MAX_CPUS */
	uint64_t mem_mb;	/* multiple of 16, MACH_MIN..MAX_MEM_MB */
	uint64_t turn;		/* slots per turn (0 = MACH_DEFAULT_TURN) */
	uint64_t max_slots;	/* stop after this many slots in all (0 = no limit) */
	FILE *trace;		/* firmware calls, interruptions, state changes */
	int console_in, console_out;	/* UART host descriptors (-1 = none) */
	bool rtc_fixed;		/* EFI GetTime = rtc_epoch + machine time, */
	int64_t rtc_epoch;	/* not the host clock: reproducible runs */
};

/* Why machine_run() returned. */
enum mach_stop {
	MSTOP_NONE,
	MSTOP_POWER_OFF,	/* ACPI S5 or EFI ResetSystem(shutdown): status 0 */
	MSTOP_RESET,		/* EFI ResetSystem(cold/warm): its status */
	MSTOP_FATAL,		/* emulator-level failure (CPU halted, deadlock, ...) */
	MSTOP_LIMIT,		/* --max-slots reached */
};

struct machine {
	struct memspace *ms;
	uint64_t ram_size;
	unsigned ncpus;
	struct cpu *cpu[MACH_MAX_CPUS];
	enum mcpu_state state[MACH_MAX_CPUS];
	uint64_t turn, max_slots;
	FILE *trace;
	bool rtc_fixed;
	int64_t rtc_epoch;

	struct firmware *fw;
	struct uart *uart;
	struct pib *pib;
	struct power *power;

	struct { machine_hook_fn fn; void *ctx; } hook[MACH_MAX_HOOKS];
	unsigned nhooks;
	struct gdbstub *gdb;	/* debugger stub (gdbstub.h) or NULL; runs the CPUs */
	struct itrace *itrace;	/* instruction trace (itrace.h) or NULL */
	struct profile *profile;	/* per-function slot counts (profile.h) or NULL */
	const struct symtab *syms;	/* names for the trace lines, or NULL */

	enum mach_stop stop;
	int exit_status;
	char stop_why[160];

	/* statistics */
	uint64_t rounds, idle_skips, idle_ticks;
};

/* Build memory, CPUs (cr.lid = n << 24), devices and firmware tables.
 * NULL with a message in err on bad options or allocation failure. */
struct machine *machine_new(const struct machine_opts *o, char *err, size_t errlen);
void machine_free(struct machine *m);

/* Run until something stops the machine; returns the exit status
 * (0 power-off, ResetSystem status, non-zero on fatal stops/limits). */
int machine_run(struct machine *m);

/* Stop the machine after the current turn. */
void machine_stop(struct machine *m, enum mach_stop why, int status, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Register a per-round device hook; -1 when the table is full. */
int machine_add_hook(struct machine *m, machine_hook_fn fn, void *ctx);

/* Scheduling state changes made by the firmware and the PIB. */
void machine_set_state(struct machine *m, struct cpu *c, enum mcpu_state s);
enum mcpu_state machine_state(const struct machine *m, const struct cpu *c);

/* Total slots retired by all CPUs. */
uint64_t machine_slots(const struct machine *m);

#endif
