/* SPDX-License-Identifier: MIT */
/*
 * The machine's life cycle and run loop.
 *
 * Scheduling is deterministic round-robin on one host thread: each
 * runnable CPU gets `turn` slots, then the machine advances its timer and
 * delivers a pending interrupt (lsapic_check).  A CPU idling in
 * PAL_HALT_LIGHT does not run, but its ITC keeps pace with the others
 * (`turn` ticks per round) so its timer still fires; when every CPU idles
 * or is parked, time jumps straight to the earliest timer event.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "cpu.h"
#include "firmware.h"
#include "gdbstub.h"
#include "insn.h"
#include "interrupt.h"
#include "itrace.h"
#include "machine.h"
#include "memspace.h"
#include "platform.h"
#include "profile.h"
#include "run.h"
#include "symtab.h"
#include "tlb.h"

void machine_stop(struct machine *m, enum mach_stop why, int status, const char *fmt, ...)
{
	va_list ap;

	if (m->stop != MSTOP_NONE)
		return;			/* the first reason wins */
	m->stop = why;
	m->exit_status = status;
	va_start(ap, fmt);
	vsnprintf(m->stop_why, sizeof(m->stop_why), fmt, ap);
	va_end(ap);
}

void machine_set_state(struct machine *m, struct cpu *c, enum mcpu_state s)
{
	static const char *const names[] = {
		[MCPU_RUNNING] = "running", [MCPU_PARKED] = "parked",
		[MCPU_HALT_LIGHT] = "halt-light",
	};

	if (m->trace && s != MCPU_HALT_LIGHT && m->state[c->id] != s)
		fprintf(m->trace, "cpu%d: %s\n", c->id, names[s]);
	m->state[c->id] = s;
}

enum mcpu_state machine_state(const struct machine *m, const struct cpu *c)
{
	return m->state[c->id];
}

int machine_add_hook(struct machine *m, machine_hook_fn fn, void *ctx)
{
	if (m->nhooks == MACH_MAX_HOOKS)
		return -1;
	m->hook[m->nhooks].fn = fn;
	m->hook[m->nhooks].ctx = ctx;
	m->nhooks++;
	return 0;
}

uint64_t machine_slots(const struct machine *m)
{
	uint64_t n = 0;

	for (unsigned i = 0; i < m->ncpus; i++)
		n += m->cpu[i]->retired;
	return n;
}

/* Interruptions worth a trace line: not the TLB-miss and A/D-bit traffic
 * that a running kernel takes constantly, unless an instruction trace is
 * on, which should show every change of flow. */
static bool trace_vector(const struct machine *m, unsigned v)
{
	if (m->itrace && !itrace_done(m->itrace))
		return true;
	return !(v >= IVT_ITLB && v <= IVT_DATA_NESTED_TLB) &&
	       !(v >= IVT_DIRTY_BIT && v <= IVT_DACCESS_BIT);
}

static void trace_fault(const struct cpu *c, const struct fault *f)
{
	uint64_t off;
	const char *sym = symtab_at(c->m->syms, c->ip, &off);

	fprintf(c->m->trace, "cpu%d: vector 0x%04x at ip 0x%llx slot %u", c->id, f->vector,
		(unsigned long long)c->ip, c->slot);
	if (sym)
		fprintf(c->m->trace, " <%s+0x%llx>", sym, (unsigned long long)off);
	fprintf(c->m->trace, " isr 0x%llx ifa 0x%llx iim 0x%llx @%llu\n",
		(unsigned long long)f->isr, (unsigned long long)f->ifa,
		(unsigned long long)f->iim, (unsigned long long)c->retired);
}

/* Firmware calls first; everything else is the architected delivery.  The
 * hook is removed for the nested cpu_fault() so it does not recurse. */
static int machine_fault_hook(struct cpu *c, const struct fault *f)
{
	int r;

	/* cpu_fault counted it; only delivered interruptions should count,
	 * and deliver() counts those itself. */
	c->counters[CNT_FAULT]--;
	if (f->vector == IVT_BREAK && (r = firmware_break(c, f->iim)) >= 0)
		return r;
	if (c->m->trace && trace_vector(c->m, f->vector))
		trace_fault(c, f);
	c->fault_hook = NULL;
	r = cpu_fault(c, f);
	c->fault_hook = machine_fault_hook;
	return r;
}

/* ptc.g/ptc.ga: purge every other CPU's TC (§8.4). */
static struct machine *purge_machine;
static void global_purge(struct cpu *issuer, uint32_t rid, uint64_t va, unsigned ps)
{
	struct machine *m = purge_machine;

	for (unsigned i = 0; m && i < m->ncpus; i++)
		if (m->cpu[i] != issuer)
			mmu_purge_remote(m->cpu[i], rid, va, ps);
}

static bool pib_parked(void *ctx, struct cpu *c)
{
	return machine_state(ctx, c) == MCPU_PARKED;
}

static void pib_start(void *ctx, struct cpu *c)
{
	firmware_start_ap(ctx, c);
}

static const struct pib_hooks machine_pib_hooks = {
	.ap_parked = pib_parked,
	.ap_start = pib_start,
};

static void power_off(void *ctx)
{
	machine_stop(ctx, MSTOP_POWER_OFF, 0, "ACPI S5 power-off");
}

/* Legacy I/O ports: nothing answers, as on a bus without ISA devices. */
static int open_bus_read(void *ctx, uint64_t off, unsigned size, uint64_t *v)
{
	(void)ctx;
	(void)off;
	*v = size >= 8 ? ~0ULL : (1ULL << (8 * size)) - 1;
	return 0;
}

static int open_bus_write(void *ctx, uint64_t off, unsigned size, uint64_t v)
{
	(void)ctx;
	(void)off;
	(void)size;
	(void)v;
	return 0;
}

static const struct mmio_ops open_bus_ops = { open_bus_read, open_bus_write };

static int check_opts(const struct machine_opts *o, char *err, size_t n)
{
	if (o->ncpus < 1 || o->ncpus > MACH_MAX_CPUS) {
		snprintf(err, n, "--cpus must be 1..%d", MACH_MAX_CPUS);
		return -1;
	}
	if (o->mem_mb < MACH_MIN_MEM_MB || o->mem_mb > MACH_MAX_MEM_MB || o->mem_mb % 16) {
		snprintf(err, n, "--mem must be a multiple of 16 between %d and %d (MB)",
			 MACH_MIN_MEM_MB, MACH_MAX_MEM_MB);
		return -1;
	}
	return 0;
}

struct machine *machine_new(const struct machine_opts *o, char *err, size_t errlen)
{
	struct machine *m;

	if (check_opts(o, err, errlen))
		return NULL;
	m = calloc(1, sizeof(*m));
	if (!m || !(m->fw = calloc(1, sizeof(*m->fw))) || !(m->ms = memspace_new(false)))
		goto nomem;
	m->ram_size = o->mem_mb << 20;
	m->ncpus = o->ncpus;
	m->turn = o->turn ? o->turn : MACH_DEFAULT_TURN;
	m->max_slots = o->max_slots;
	m->trace = o->trace;
	m->rtc_fixed = o->rtc_fixed;
	m->rtc_epoch = o->rtc_epoch;
	if (memspace_map(m->ms, 0, m->ram_size, MS_R | MS_W | MS_X)) {
		snprintf(err, errlen, "cannot map %llu MB of RAM", (unsigned long long)o->mem_mb);
		goto fail;
	}
	lsapic_install();
	for (unsigned i = 0; i < m->ncpus; i++) {
		struct cpu *c = cpu_new(m->ms, (int)i);

		if (!c)
			goto nomem;
		m->cpu[i] = c;
		c->m = m;
		c->fault_hook = machine_fault_hook;
		if (!lsapic_attach(c, i, 0))
			goto nomem;
		m->state[i] = i ? MCPU_PARKED : MCPU_RUNNING;
	}
	purge_machine = m;
	mmu_set_global_purge_hook(global_purge);
	m->uart = uart_new(m->ms, PLAT_UART_BASE, o->console_in, o->console_out);
	m->pib = pib_new(m->ms, PLAT_PIB_BASE, m->cpu, (int)m->ncpus, SAL_AP_WAKEUP_VECTOR,
			 &machine_pib_hooks, m);
	m->power = power_new(m->ms, PLAT_POWER_BASE, power_off, m);
	if (!m->uart || !m->pib || !m->power ||
	    memspace_add_mmio(m->ms, FW_IOPORT_PA, FW_IOPORT_SIZE, &open_bus_ops, NULL)) {
		snprintf(err, errlen, "cannot create the platform devices");
		goto fail;
	}
	if (firmware_install(m, err, errlen))
		goto fail;
	return m;
nomem:
	snprintf(err, errlen, "out of memory");
fail:
	machine_free(m);
	return NULL;
}

void machine_free(struct machine *m)
{
	if (!m)
		return;
	if (purge_machine == m) {
		mmu_set_global_purge_hook(NULL);
		purge_machine = NULL;
	}
	if (m->power)
		power_free(m->power);
	if (m->pib)
		pib_free(m->pib);
	if (m->uart)
		uart_free(m->uart);
	for (unsigned i = 0; i < m->ncpus; i++) {
		if (!m->cpu[i])
			continue;
		lsapic_detach(m->cpu[i]);
		cpu_free(m->cpu[i]);
	}
	if (m->ms)
		memspace_free(m->ms);
	free(m->fw);
	free(m);
}

/*
 * Every CPU idles or is parked: jump the idle CPUs' clocks to the
 * earliest timer event.  No event at all means nothing can ever wake
 * the machine again.
 */
static void fast_forward(struct machine *m)
{
	uint64_t step = UINT64_MAX;

	for (unsigned i = 0; i < m->ncpus; i++) {
		struct cpu *c = m->cpu[i];
		uint64_t next, now;

		if (m->state[i] != MCPU_HALT_LIGHT)
			continue;
		next = lsapic_next_event(c);
		now = cpu_itc_read(c);
		if (next != UINT64_MAX && next - now < step)
			step = next > now ? next - now : 0;
	}
	if (step == UINT64_MAX) {
		machine_stop(m, MSTOP_FATAL, 3, "all CPUs idle or parked with no timer armed");
		return;
	}
	m->idle_skips++;
	m->idle_ticks += step;
	for (unsigned i = 0; i < m->ncpus; i++)
		if (m->state[i] == MCPU_HALT_LIGHT)
			cpu_itc_write(m->cpu[i], cpu_itc_read(m->cpu[i]) + step);
}

/* One turn of CPU i; false when no CPU work was done. */
static bool turn(struct machine *m, unsigned i)
{
	struct cpu *c = m->cpu[i];
	int r;

	switch (m->state[i]) {
	case MCPU_PARKED:
		return false;
	case MCPU_HALT_LIGHT:
		lsapic_tick(c);
		if (!lsapic_pending(c))
			return false;
		m->state[i] = MCPU_RUNNING;
		break;
	case MCPU_RUNNING:
		break;
	}
	/* with --gdb the stub runs the CPU: breakpoints, steps, stops */
	if (m->gdb)
		r = gdbstub_run_cpu(m->gdb, c, m->turn);
	else if (m->itrace && !itrace_done(m->itrace))
		r = itrace_run_cpu(m->itrace, m, c, m->turn);
	else if (m->profile)
		r = profile_run_cpu(m->profile, c, m->turn);
	else
		r = run_cpu(c, m->turn);
	if (r == X_HALT && m->stop == MSTOP_NONE && m->state[i] == MCPU_RUNNING)
		machine_stop(m, MSTOP_FATAL, 3, "cpu%u halted at ip 0x%llx slot %u", i,
			     (unsigned long long)c->ip, c->slot);
	if (m->state[i] == MCPU_RUNNING)
		lsapic_check(c);
	return true;
}

int machine_run(struct machine *m)
{
	while (m->stop == MSTOP_NONE) {
		bool ran = false;

		for (unsigned i = 0; i < m->ncpus && m->stop == MSTOP_NONE; i++)
			ran |= turn(m, i);
		m->rounds++;
		for (unsigned i = 0; i < m->nhooks; i++)
			m->hook[i].fn(m, m->hook[i].ctx);
		if (!ran) {
			fast_forward(m);
			continue;
		}
		/* Idle CPUs' clocks keep pace with the running ones. */
		for (unsigned i = 0; i < m->ncpus; i++)
			if (m->state[i] == MCPU_HALT_LIGHT)
				cpu_itc_write(m->cpu[i], cpu_itc_read(m->cpu[i]) + m->turn);
		if (m->max_slots && machine_slots(m) >= m->max_slots)
			machine_stop(m, MSTOP_LIMIT, 4, "--max-slots %llu reached",
				     (unsigned long long)m->max_slots);
	}
	return m->exit_status;
}
