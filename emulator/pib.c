/* SPDX-License-Identifier: MIT */
/*
 * The Processor Interrupt Block (docs/ia64-platform.md §8.3; SDM Vol. 2,
 * "Processor Interrupt Block"): a 2 MB MMIO window through which a CPU
 * sends inter-processor interrupts.  The lower half holds one 16-byte
 * slot per destination: an 8-byte store at id << 12 | eid << 4 (bit 3 =
 * redirection hint, ignored: delivery always goes to the addressed CPU)
 * carries the vector in bits 7:0 and the delivery mode in bits 10:8.  The
 * upper half has INTA (read) and XTP (byte write), which Linux does not
 * need with this platform's tables; they read as 0 / are ignored.
 *
 * AP start (§8.5): APs sit parked in firmware; an INT carrying the SAL
 * wake-up vector to a parked AP is handed to the machine, which starts it
 * at the registered rendezvous entry.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cpu.h"
#include "memspace.h"
#include "platform.h"

#define PIB_HALF	0x100000ULL		/* end of the delivery slots */
#define PIB_INTA	0x1E0000ULL
#define PIB_XTP		0x1E0008ULL
#define PIB_ID(off)	((unsigned)((off) >> 12) & 0xff)
#define PIB_EID(off)	((unsigned)((off) >> 4) & 0xff)
#define PIB_VECTOR(d)	((unsigned)(d) & 0xff)
#define PIB_MODE(d)	((unsigned)((d) >> 8) & 7)

enum { DM_INT = 0, DM_PMI = 2, DM_NMI = 4, DM_INIT = 5, DM_EXTINT = 7, DM_NR = 8 };

struct pib {
	struct cpu **cpus;
	int n;
	unsigned wakeup_vector;
	struct pib_hooks hooks;
	void *ctx;
	unsigned reported;		/* delivery modes already reported as unsupported */
};

static struct cpu *find_target(struct pib *p, unsigned id, unsigned eid)
{
	for (int i = 0; i < p->n; i++)
		if (p->cpus[i] && lsapic_id(p->cpus[i]) == id && lsapic_eid(p->cpus[i]) == eid)
			return p->cpus[i];
	return NULL;
}

static void deliver_int(struct pib *p, struct cpu *t, unsigned vector)
{
	if (p->hooks.ap_parked && p->hooks.ap_parked(p->ctx, t)) {
		/* A parked AP only listens for its wake-up call. */
		if (vector == p->wakeup_vector && p->hooks.ap_start)
			p->hooks.ap_start(p->ctx, t);
		return;
	}
	lsapic_raise(t, vector);
}

/* PMI, NMI, INIT and ExtINT have no use on this platform (Linux sends
 * them only for MCA/kdump paths): say so once per mode and drop them. */
static void deliver_unsupported(struct pib *p, unsigned mode, struct cpu *t, unsigned vector)
{
	if (p->reported & (1u << mode))
		return;
	p->reported |= 1u << mode;
	fprintf(stderr, "pib: delivery mode %u (vector %#x to cpu %d) not supported, dropped\n",
		mode, vector, t->id);
}

static int pib_read(void *ctx, uint64_t off, unsigned size, uint64_t *v)
{
	(void)ctx;
	(void)off;
	(void)size;
	*v = 0;				/* INTA without an 8259: no vector */
	return 0;
}

static int pib_write(void *ctx, uint64_t off, unsigned size, uint64_t v)
{
	struct pib *p = ctx;
	struct cpu *t;
	unsigned mode = PIB_MODE(v);

	if (off >= PIB_HALF)
		return 0;		/* XTP and the rest of the upper half */
	if (size != 8 || (off & 7)) {
		fprintf(stderr, "pib: %u-byte store at +%#llx ignored (IPIs are 8-byte stores)\n",
			size, (unsigned long long)off);
		return 0;
	}
	t = find_target(p, PIB_ID(off), PIB_EID(off));
	if (!t) {
		fprintf(stderr, "pib: IPI to absent cpu id %u eid %u dropped\n",
			PIB_ID(off), PIB_EID(off));
		return 0;
	}
	if (mode == DM_INT)
		deliver_int(p, t, PIB_VECTOR(v));
	else
		deliver_unsupported(p, mode, t, PIB_VECTOR(v));
	return 0;
}

static const struct mmio_ops pib_ops = {
	.read = pib_read, .write = pib_write,
};

struct pib *pib_new(struct memspace *ms, uint64_t base, struct cpu **cpus, int n,
		    unsigned wakeup_vector, const struct pib_hooks *hooks, void *ctx)
{
	struct pib *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->cpus = cpus;
	p->n = n;
	p->wakeup_vector = wakeup_vector;
	if (hooks)
		p->hooks = *hooks;
	p->ctx = ctx;
	if (memspace_add_mmio(ms, base, PLAT_PIB_SIZE, &pib_ops, p) < 0) {
		fprintf(stderr, "pib: cannot map at %#llx\n", (unsigned long long)base);
		free(p);
		return NULL;
	}
	return p;
}

void pib_free(struct pib *p)
{
	free(p);
}
