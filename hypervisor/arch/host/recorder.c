/* SPDX-License-Identifier: MIT */
/*
 * The host back end's hardware model (see host.h): every TLB operation
 * is counted and logged, and applied to a small simulated TLB per pCPU
 * with the purge semantics of the SDM (ptc.l: this CPU, entries whose RID
 * matches and whose page overlaps the range; ptc.ga: the same on every
 * CPU; ptc.e: everything on this CPU).
 */
#include <pthread.h>
#include <sched.h>
#include <string.h>

#include <ia64/mmu.h>

#include "hv.h"
#include "host.h"

#define SIM_TLB_ENTRIES	128

struct sim_tlb_entry {
	bool valid;
	uint64_t va;
	unsigned ps;
	uint32_t rid;
	uint64_t pte;
};

struct sim_tlb {
	struct sim_tlb_entry e[SIM_TLB_ENTRIES];
	unsigned next;
};

static pthread_mutex_t rec_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t rec_counts[REC_NR];
static struct rec_entry rec_log[REC_LOG_MAX];
static unsigned rec_n;
static struct sim_tlb tlbs[HV_MAX_PCPUS];
static int yield_after_insert;

static void (*insert_hook)(void *);
static void *insert_hook_arg;

void rec_set_insert_yield(bool on)
{
	__atomic_store_n(&yield_after_insert, on, __ATOMIC_RELAXED);
}

void rec_set_insert_hook(void (*fn)(void *), void *arg)
{
	insert_hook_arg = arg;
	insert_hook = fn;
}

static void log_op(const struct rec_entry *r)
{
	rec_counts[r->op]++;
	if (rec_n < REC_LOG_MAX)
		rec_log[rec_n] = *r;
	rec_n++;
}

void rec_reset(void)
{
	pthread_mutex_lock(&rec_lock);
	memset(rec_counts, 0, sizeof(rec_counts));
	rec_n = 0;
	memset(tlbs, 0, sizeof(tlbs));
	pthread_mutex_unlock(&rec_lock);
}

uint64_t rec_count(enum rec_op op)
{
	uint64_t n;

	pthread_mutex_lock(&rec_lock);
	n = op < REC_NR ? rec_counts[op] : 0;
	pthread_mutex_unlock(&rec_lock);
	return n;
}

bool rec_get(unsigned i, struct rec_entry *out)
{
	bool ok;

	pthread_mutex_lock(&rec_lock);
	ok = i < rec_n && i < REC_LOG_MAX;
	if (ok)
		*out = rec_log[i];
	pthread_mutex_unlock(&rec_lock);
	return ok;
}

static bool overlaps(const struct sim_tlb_entry *e, uint64_t va, unsigned ps)
{
	uint64_t es = (1ULL << e->ps) - 1, rs = ps >= 64 ? ~0ULL : (1ULL << ps) - 1;
	uint64_t a = e->va & ~es, b = va & ~rs;

	return a <= b + rs && b <= a + es;
}

static void purge_cpu(unsigned cpu, uint64_t va, unsigned ps, uint32_t rid)
{
	for (unsigned i = 0; i < SIM_TLB_ENTRIES; i++) {
		struct sim_tlb_entry *e = &tlbs[cpu].e[i];

		if (e->valid && e->rid == rid && overlaps(e, va, ps))
			e->valid = false;
	}
}

void arch_tlb_insert(bool itlb, uint64_t va, uint64_t pte, uint64_t itir,
		     uint32_t rid)
{
	unsigned cpu = arch_cpu_id(), ps = ITIR_PS(itir);
	struct sim_tlb *t = &tlbs[cpu];
	struct sim_tlb_entry *slot = NULL;

	(void)itlb;
	if (pte & (PTE_RSVD_MASK | PTE_IG_MASK))
		arch_panic("TLB insert with reserved or software PTE bits set");
	pthread_mutex_lock(&rec_lock);
	log_op(&(struct rec_entry){ .op = REC_TLB_INSERT, .cpu = cpu, .va = va,
				    .ps = ps, .rid = rid, .pte = pte });
	/* Hardware purges overlapping entries on insert; so do we. */
	purge_cpu(cpu, va, ps, rid);
	for (unsigned i = 0; i < SIM_TLB_ENTRIES && !slot; i++)
		if (!t->e[i].valid)
			slot = &t->e[i];
	if (!slot) {
		slot = &t->e[t->next];
		t->next = (t->next + 1) % SIM_TLB_ENTRIES;
	}
	*slot = (struct sim_tlb_entry){ true, va & ~((1ULL << ps) - 1), ps, rid, pte };
	pthread_mutex_unlock(&rec_lock);
	/* Stress tests widen the insert/re-check window on purpose. */
	if (__atomic_load_n(&yield_after_insert, __ATOMIC_RELAXED))
		sched_yield();
	if (insert_hook)
		insert_hook(insert_hook_arg);
}

void arch_ptc_l(uint64_t va, unsigned ps, uint32_t rid)
{
	unsigned cpu = arch_cpu_id();

	pthread_mutex_lock(&rec_lock);
	log_op(&(struct rec_entry){ .op = REC_PTC_L, .cpu = cpu, .va = va,
				    .ps = ps, .rid = rid });
	purge_cpu(cpu, va, ps, rid);
	pthread_mutex_unlock(&rec_lock);
}

void arch_ptc_ga(uint64_t va, unsigned ps, uint32_t rid)
{
	pthread_mutex_lock(&rec_lock);
	log_op(&(struct rec_entry){ .op = REC_PTC_GA, .cpu = arch_cpu_id(),
				    .va = va, .ps = ps, .rid = rid });
	for (unsigned c = 0; c < arch_nr_cpus(); c++)
		purge_cpu(c, va, ps, rid);
	pthread_mutex_unlock(&rec_lock);
}

void arch_ptc_e(void)
{
	unsigned cpu = arch_cpu_id();

	pthread_mutex_lock(&rec_lock);
	log_op(&(struct rec_entry){ .op = REC_PTC_E, .cpu = cpu });
	memset(&tlbs[cpu], 0, sizeof(tlbs[cpu]));
	pthread_mutex_unlock(&rec_lock);
}

void arch_flush_tlb_mask(hv_cpumask_t mask)
{
	pthread_mutex_lock(&rec_lock);
	log_op(&(struct rec_entry){ .op = REC_FLUSH_MASK, .cpu = arch_cpu_id(),
				    .mask = mask });
	for (unsigned c = 0; c < arch_nr_cpus(); c++)
		if (mask & (1ULL << c))
			memset(&tlbs[c], 0, sizeof(tlbs[c]));
	pthread_mutex_unlock(&rec_lock);
}

void arch_kick_cpu(unsigned cpu)
{
	pthread_mutex_lock(&rec_lock);
	log_op(&(struct rec_entry){ .op = REC_IPI, .cpu = arch_cpu_id(),
				    .mask = 1ULL << cpu });
	pthread_mutex_unlock(&rec_lock);
}

bool rec_tlb_maps_mfn(uint64_t mfn)
{
	bool hit = false;

	pthread_mutex_lock(&rec_lock);
	for (unsigned c = 0; c < HV_MAX_PCPUS && !hit; c++)
		for (unsigned i = 0; i < SIM_TLB_ENTRIES && !hit; i++)
			hit = tlbs[c].e[i].valid &&
			      ((tlbs[c].e[i].pte & PTE_PPN_MASK) >> HV_PAGE_SHIFT) == mfn;
	pthread_mutex_unlock(&rec_lock);
	return hit;
}

bool rec_tlb_lookup(unsigned cpu, uint64_t va, uint32_t rid, uint64_t *pte)
{
	bool hit = false;

	if (cpu >= HV_MAX_PCPUS)
		return false;
	pthread_mutex_lock(&rec_lock);
	for (unsigned i = 0; i < SIM_TLB_ENTRIES && !hit; i++) {
		const struct sim_tlb_entry *e = &tlbs[cpu].e[i];

		if (e->valid && e->rid == rid && overlaps(e, va, 0)) {
			*pte = e->pte;
			hit = true;
		}
	}
	pthread_mutex_unlock(&rec_lock);
	return hit;
}

unsigned rec_tlb_entries(unsigned cpu)
{
	unsigned n = 0;

	if (cpu >= HV_MAX_PCPUS)
		return 0;
	pthread_mutex_lock(&rec_lock);
	for (unsigned i = 0; i < SIM_TLB_ENTRIES; i++)
		n += tlbs[cpu].e[i].valid;
	pthread_mutex_unlock(&rec_lock);
	return n;
}
