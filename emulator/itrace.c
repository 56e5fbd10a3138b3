// SPDX-License-Identifier: MIT
/*
 * Instruction trace to a file, with symbol names (itrace.h).
 *
 * Before the trigger the CPUs run through run_cpu(): in budgets that end
 * on the trigger's slot count, or one bundle at a time while waiting for
 * an address, so that the first traced slot is exact.  After it, each
 * slot is disassembled from the decoded-bundle cache and executed with
 * run_slot(), which keeps every rule of the normal loop.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cpu.h"
#include "dcache.h"
#include "disasm.h"
#include "insn.h"
#include "itrace.h"
#include "machine.h"
#include "memspace.h"
#include "run.h"
#include "symtab.h"

struct itrace {
	FILE *out;
	const struct symtab *syms;
	bool at_address;	/* trigger: ip reaches addr, else slot count */
	uint64_t when;
	uint64_t left;		/* slots still to trace */
	bool on;
};

static int parse_u64(const char *s, int base, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, base);
	return errno || end == s || *end || s[0] == '-' ? -1 : 0;
}

struct itrace *itrace_new(FILE *out, const struct symtab *syms, const char *spec, char *err,
			  size_t n)
{
	struct itrace *t = calloc(1, sizeof(*t));
	char when[256];
	const char *comma = strchr(spec, ',');
	size_t len = comma ? (size_t)(comma - spec) : strlen(spec);

	if (!t) {
		snprintf(err, n, "out of memory");
		return NULL;
	}
	t->out = out;
	t->syms = syms;
	t->left = ITRACE_DEFAULT_COUNT;
	if (!len || len >= sizeof(when))
		goto bad;
	memcpy(when, spec, len);
	when[len] = 0;
	if (comma && (parse_u64(comma + 1, 10, &t->left) || !t->left))
		goto bad;
	if (!strncmp(when, "0x", 2)) {
		t->at_address = true;
		if (parse_u64(when + 2, 16, &t->when))
			goto bad;
	} else if (when[0] >= '0' && when[0] <= '9') {
		if (parse_u64(when, 10, &t->when))
			goto bad;
	} else {
		t->at_address = true;
		if (!syms || symtab_find(syms, when, &t->when)) {
			snprintf(err, n, "--itrace: no symbol '%s'", when);
			free(t);
			return NULL;
		}
	}
	t->when &= t->at_address ? ~15ULL : ~0ULL;	/* triggers on the bundle */
	return t;
bad:
	snprintf(err, n, "--itrace: bad spec '%s' (WHEN[,COUNT]: WHEN = slot number, 0x address "
		 "or symbol; COUNT > 0)", spec);
	free(t);
	return NULL;
}

void itrace_free(struct itrace *t)
{
	free(t);
}

bool itrace_done(const struct itrace *t)
{
	return !t->left;
}

static void start(struct itrace *t, struct machine *m, struct cpu *c)
{
	t->on = true;
	fprintf(t->out, "itrace: on at cpu%d ip 0x%" PRIx64 " slot %u, machine slot %" PRIu64
		", %" PRIu64 " slots to trace\n", c->id, c->ip, c->slot, machine_slots(m), t->left);
}

/* Print and execute one slot. */
static int trace_slot(struct itrace *t, struct cpu *c)
{
	const struct decoded_bundle *b;
	const struct insn *in;
	const char *sym;
	char text[256], qp[8] = "";
	uint64_t pa, off = 0;
	bool taken;
	int r = mem_fetch_bundle(c, c->ip, &pa, &b);

	if (r)
		return r;	/* instruction-fetch fault: ip is at the handler */
	in = &b->slot[c->slot];
	taken = (in->flags & IF_ALWAYS) || pr_get(c, in->qp);
	if (in->qp)
		snprintf(qp, sizeof(qp), "(p%u) ", in->qp);
	dis_insn(in, c->ip, text, sizeof(text));
	sym = symtab_at(t->syms, c->ip, &off);
	fprintf(t->out, "cpu%d #%" PRIu64 " %016" PRIx64 ".%u", c->id, c->retired, c->ip, c->slot);
	if (sym)
		fprintf(t->out, " <%s+0x%" PRIx64 ">", sym, off);
	fprintf(t->out, " %c %s%s\n", taken ? ' ' : '-', qp, text);
	r = run_slot(c);
	if (!--t->left)
		fprintf(t->out, "itrace: done\n");
	return r;
}

int itrace_run_cpu(struct itrace *t, struct machine *m, struct cpu *c, uint64_t budget)
{
	uint64_t end = c->retired + budget;
	int r = X_NEXT;

	while (c->retired < end && t->left && m->stop == MSTOP_NONE &&
	       r != X_HALT && r != X_YIELD) {
		if (t->on) {
			r = trace_slot(t, c);
		} else if (t->at_address) {
			if (c->ip == t->when)
				start(t, m, c);
			else
				r = run_cpu(c, 1);	/* one bundle */
		} else {
			uint64_t now = machine_slots(m);

			if (now >= t->when)
				start(t, m, c);
			else
				r = run_cpu(c, t->when - now < end - c->retired ?
					    t->when - now : end - c->retired);
		}
	}
	if (r != X_HALT && r != X_YIELD && c->retired < end && m->stop == MSTOP_NONE)
		r = run_cpu(c, end - c->retired);
	return r == X_HALT || r == X_YIELD ? r : X_NEXT;
}
