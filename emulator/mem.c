/* SPDX-License-Identifier: MIT */
/*
 * Memory accesses on behalf of a CPU (mem.h) and the address spaces behind
 * them (memspace.h).  A flat space (user-mode runner) uses addresses as
 * they are; otherwise every access goes through mmu_translate() and then
 * to physical RAM or an MMIO region.
 *
 * RAM is sparse: 16 KiB pages allocated on first touch inside a mapped
 * region, found through an open-addressing hash table and a small
 * direct-mapped soft TLB (separate for reads and writes).  Pages holding
 * decoded code never enter the write TLB, so every store to them takes
 * the slow path, which invalidates the decoded-bundle cache.
 */
#include <stdlib.h>
#include <string.h>

#include "cpu.h"
#include "dcache.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"
#include "memspace.h"
#include "mmu.h"

#define MAX_REGIONS	64
#define STLB_SIZE	256

struct region {
	uint64_t base, end;		/* [base, end) */
	unsigned prot;
	const struct mmio_ops *ops;	/* NULL for RAM */
	void *ctx;
};

struct page {
	uint64_t key;			/* page number + 1; 0 = empty */
	uint8_t *data;
	bool code;
};

struct stlb {
	uint64_t pn;
	uint8_t *data;			/* NULL = invalid */
};

struct memspace {
	bool flat;
	unsigned nreg;
	struct region reg[MAX_REGIONS];
	struct page *tab;
	size_t cap, used;
	struct stlb rt[STLB_SIZE], wt[STLB_SIZE];
	struct dcache *dc;
};

struct memspace *memspace_new(bool flat)
{
	struct memspace *ms = calloc(1, sizeof(*ms));

	if (!ms)
		return NULL;
	ms->flat = flat;
	ms->cap = 1024;
	ms->tab = calloc(ms->cap, sizeof(*ms->tab));
	ms->dc = dcache_new();
	if (!ms->tab || !ms->dc) {
		memspace_free(ms);
		return NULL;
	}
	return ms;
}

void memspace_free(struct memspace *ms)
{
	size_t i;

	if (!ms)
		return;
	for (i = 0; ms->tab && i < ms->cap; i++)
		if (ms->tab[i].key)	/* vacated slots keep a stale pointer */
			free(ms->tab[i].data);
	free(ms->tab);
	dcache_free(ms->dc);
	free(ms);
}

bool memspace_flat(const struct memspace *ms)
{
	return ms->flat;
}

void cpu_attach_mem(struct cpu *c, struct memspace *ms)
{
	c->mem = ms;
	c->dc = ms->dc;
}

static const struct region *find_region(const struct memspace *ms, uint64_t a)
{
	unsigned i;

	for (i = 0; i < ms->nreg; i++)
		if (a >= ms->reg[i].base && a < ms->reg[i].end)
			return &ms->reg[i];
	return NULL;
}

static void stlb_flush(struct memspace *ms)
{
	memset(ms->rt, 0, sizeof(ms->rt));
	memset(ms->wt, 0, sizeof(ms->wt));
}

static int add_region(struct memspace *ms, uint64_t base, uint64_t end, unsigned prot,
		      const struct mmio_ops *ops, void *ctx)
{
	unsigned i;

	if (end <= base || ms->nreg == MAX_REGIONS)
		return -1;
	for (i = 0; i < ms->nreg; i++)
		if (base < ms->reg[i].end && end > ms->reg[i].base)
			return -1;
	ms->reg[ms->nreg++] = (struct region){ base, end, prot, ops, ctx };
	stlb_flush(ms);
	return 0;
}

int memspace_map(struct memspace *ms, uint64_t addr, uint64_t len, unsigned prot)
{
	uint64_t base = addr & ~(MS_PAGE_SIZE - 1);
	uint64_t end = (addr + len + MS_PAGE_SIZE - 1) & ~(MS_PAGE_SIZE - 1);

	return add_region(ms, base, end, prot, NULL, NULL);
}

int memspace_add_mmio(struct memspace *ms, uint64_t base, uint64_t len,
		      const struct mmio_ops *ops, void *ctx)
{
	return add_region(ms, base, base + len, MS_R | MS_W, ops, ctx);
}

static struct page *page_find(const struct memspace *ms, uint64_t pn)
{
	size_t i = (size_t)(pn * 0x9e3779b97f4a7c15ULL >> 20) & (ms->cap - 1);

	for (;; i = (i + 1) & (ms->cap - 1)) {
		if (ms->tab[i].key == pn + 1)
			return &ms->tab[i];
		if (!ms->tab[i].key)
			return NULL;
	}
}

static int page_insert(struct memspace *ms, uint64_t pn, uint8_t *data)
{
	size_t i;

	if ((ms->used + 1) * 2 > ms->cap) {
		struct page *old = ms->tab;
		size_t oc = ms->cap, j;

		ms->tab = calloc(oc * 2, sizeof(*ms->tab));
		if (!ms->tab) {
			ms->tab = old;
			return -1;
		}
		ms->cap = oc * 2;
		ms->used = 0;
		for (j = 0; j < oc; j++)
			if (old[j].key) {
				page_insert(ms, old[j].key - 1, old[j].data);
				page_find(ms, old[j].key - 1)->code = old[j].code;
			}
		free(old);
		stlb_flush(ms);
	}
	i = (size_t)(pn * 0x9e3779b97f4a7c15ULL >> 20) & (ms->cap - 1);
	while (ms->tab[i].key)
		i = (i + 1) & (ms->cap - 1);
	ms->tab[i] = (struct page){ pn + 1, data, false };
	ms->used++;
	return 0;
}

/* Backward-shift deletion keeps linear-probe chains intact. */
static void page_remove(struct memspace *ms, uint64_t pn)
{
	size_t i, j, k;
	struct page *p = page_find(ms, pn);

	if (!p)
		return;
	free(p->data);
	i = (size_t)(p - ms->tab);
	ms->tab[i].key = 0;
	ms->used--;
	for (j = (i + 1) & (ms->cap - 1); ms->tab[j].key; j = (j + 1) & (ms->cap - 1)) {
		k = (size_t)((ms->tab[j].key - 1) * 0x9e3779b97f4a7c15ULL >> 20) & (ms->cap - 1);
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			ms->tab[i] = ms->tab[j];
			ms->tab[j].key = 0;
			i = j;
		}
	}
}

int memspace_unmap(struct memspace *ms, uint64_t addr, uint64_t len)
{
	uint64_t base = addr & ~(MS_PAGE_SIZE - 1);
	uint64_t end = (addr + len + MS_PAGE_SIZE - 1) & ~(MS_PAGE_SIZE - 1), a;
	unsigned i;

	for (i = 0; i < ms->nreg; i++) {
		struct region *r = &ms->reg[i];

		if (r->ops || base >= r->end || end <= r->base)
			continue;
		if (base <= r->base && end >= r->end) {
			*r = ms->reg[--ms->nreg];
			i--;
		} else if (base <= r->base) {
			r->base = end;
		} else if (end >= r->end) {
			r->end = base;
		} else if (ms->nreg < MAX_REGIONS) {
			ms->reg[ms->nreg++] = (struct region){ end, r->end, r->prot, NULL, NULL };
			r->end = base;
		} else {
			return -1;
		}
	}
	for (a = base; a < end; a += MS_PAGE_SIZE)
		page_remove(ms, a >> MS_PAGE_SHIFT);
	dcache_invalidate(ms->dc, base, end - base);
	stlb_flush(ms);
	return 0;
}

/* Page data for RAM address a inside a region, allocating on first touch. */
static struct page *ram_page(struct memspace *ms, uint64_t a)
{
	uint64_t pn = a >> MS_PAGE_SHIFT;
	struct page *p = page_find(ms, pn);
	uint8_t *d;

	if (p)
		return p;
	d = calloc(1, MS_PAGE_SIZE);
	if (!d || page_insert(ms, pn, d)) {
		free(d);
		return NULL;
	}
	return page_find(ms, pn);
}

uint8_t *memspace_ptr(struct memspace *ms, uint64_t pa, size_t len)
{
	const struct region *r = find_region(ms, pa);
	struct page *p;

	if (!r || r->ops || ((pa & (MS_PAGE_SIZE - 1)) + len) > MS_PAGE_SIZE)
		return NULL;
	p = ram_page(ms, pa);
	return p ? p->data + (pa & (MS_PAGE_SIZE - 1)) : NULL;
}

void memspace_mark_code(struct memspace *ms, uint64_t pa)
{
	uint64_t pn = pa >> MS_PAGE_SHIFT;
	struct page *p = page_find(ms, pn);

	if (p && !p->code) {
		p->code = true;
		if (ms->wt[pn & (STLB_SIZE - 1)].pn == pn)
			ms->wt[pn & (STLB_SIZE - 1)].data = NULL;
	}
}

static int copy(struct memspace *ms, uint64_t addr, void *buf, size_t len, bool in)
{
	while (len) {
		size_t chunk = MS_PAGE_SIZE - (addr & (MS_PAGE_SIZE - 1));
		uint8_t *h;

		if (chunk > len)
			chunk = len;
		h = memspace_ptr(ms, addr, chunk);
		if (!h)
			return -1;
		if (in) {
			memcpy(h, buf, chunk);
			dcache_invalidate(ms->dc, addr, chunk);
		} else {
			memcpy(buf, h, chunk);
		}
		addr += chunk;
		buf = (uint8_t *)buf + chunk;
		len -= chunk;
	}
	return 0;
}

int memspace_copy_in(struct memspace *ms, uint64_t addr, const void *src, size_t len)
{
	return copy(ms, addr, (void *)src, len, true);
}

int memspace_copy_out(struct memspace *ms, uint64_t addr, void *dst, size_t len)
{
	return copy(ms, addr, dst, len, false);
}

/* Little-endian integer <-> bytes for MMIO callbacks. */
static uint64_t le_get(const uint8_t *b, unsigned size)
{
	uint64_t v = 0;
	unsigned i;

	for (i = 0; i < size && i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static void le_put(uint8_t *b, unsigned size, uint64_t v)
{
	unsigned i;

	for (i = 0; i < size && i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

int phys_read(struct memspace *ms, uint64_t pa, unsigned size, void *out)
{
	const struct region *r = find_region(ms, pa);

	if (r && r->ops) {
		uint64_t v = 0;

		if (size > 8 || r->ops->read(r->ctx, pa - r->base, size, &v))
			return -1;
		le_put(out, size, v);
		return 0;
	}
	return copy(ms, pa, out, size, false);
}

int phys_write(struct memspace *ms, uint64_t pa, unsigned size, const void *in)
{
	const struct region *r = find_region(ms, pa);

	if (r && r->ops) {
		if (size > 8)
			return -1;
		return r->ops->write(r->ctx, pa - r->base, size, le_get(in, size)) ? -1 : 0;
	}
	return copy(ms, pa, (void *)in, size, true);
}

/* ---- CPU accesses ------------------------------------------------------ */

static uint64_t isr_for(unsigned acc)
{
	uint64_t isr = 0;

	if (acc & ACC_X)
		isr |= ISR_X;
	if (acc & ACC_W)
		isr |= ISR_W;
	if (acc & ACC_R)
		isr |= ISR_R;
	if (acc & ACC_SPEC)
		isr |= ISR_SP;
	if (acc & ACC_RSE)
		isr |= ISR_RS;
	if (acc & ACC_RSE_IR)
		isr |= ISR_IR;
	if (acc & ACC_NONACCESS)
		isr |= ISR_NA | ((acc >> ACC_NA_CODE_SHIFT) & 0xf);
	return isr;
}

/* A flat space has no TLB: an unmapped or protected address gives the
 * architected fault a missing/forbidding translation would. */
static int flat_fault(struct cpu *c, uint64_t va, unsigned acc, unsigned vector)
{
	struct fault f = { .vector = vector, .flags = FF_IFA, .isr = isr_for(acc), .ifa = va };

	if (acc & ACC_SPEC)
		return -1;
	if (acc & ACC_NOFAULT)
		return X_NEXT;
	return cpu_fault(c, &f);
}

/* Translate; on success *pa is set and 0 returned, else the fault result
 * (or X_NEXT with *skip for ignored non-faulting accesses). */
static int xlate(struct cpu *c, uint64_t va, unsigned size, unsigned acc,
		 uint64_t *pa, bool *skip)
{
	*skip = false;
	if (c->mem->flat) {
		const struct region *r = find_region(c->mem, va);
		unsigned need = (acc & ACC_X) ? MS_X : (acc & ACC_W) ? MS_W : MS_R;
		int res;

		if (!r || va + size - 1 >= r->end || va + size - 1 < va) {
			res = flat_fault(c, va, acc, IVT_PAGE_NOT_PRESENT);
		} else if (!(r->prot & need)) {
			res = flat_fault(c, va, acc, (acc & ACC_X) ? IVT_IACCESS_RIGHTS :
						     IVT_DACCESS_RIGHTS);
		} else {
			*pa = va;
			return 0;
		}
		if (res == X_NEXT)
			*skip = true;
		return res;
	} else {
		unsigned ma;
		int r = mmu_translate(c, va, size, acc, pa, &ma);

		if (r == X_NEXT && (acc & ACC_NOFAULT) && *pa == ~0ULL)
			*skip = true;
		return r;
	}
}

static int unaligned(struct cpu *c, uint64_t va, unsigned size, unsigned acc)
{
	unsigned al = size == 10 ? 16 : size;

	if (!(va & (al - 1)))
		return 0;
	/* Allowed by the implementation only when psr.ac = 0, inside one page
	 * and not a semaphore; otherwise Unaligned Data Reference. */
	if ((c->psr & PSR_AC) || (acc & (ACC_SEMA | ACC_RSE)) ||
	    ((va & (MS_PAGE_SIZE - 1)) + size) > MS_PAGE_SIZE) {
		struct fault f = { .vector = IVT_UNALIGNED, .flags = FF_IFA,
				   .isr = isr_for(acc), .ifa = va };

		if (acc & ACC_SPEC)
			return -1;
		return cpu_fault(c, &f);
	}
	return 0;
}

static int bus_fault(struct cpu *c, uint64_t va, unsigned acc)
{
	/* Translation succeeded but nothing answers at the physical address:
	 * reported as a data access-rights style fault on the address. */
	return flat_fault(c, va, acc, IVT_PAGE_NOT_PRESENT);
}

int mem_read(struct cpu *c, uint64_t va, unsigned size, unsigned acc, void *out)
{
	struct memspace *ms = c->mem;
	uint64_t pa, pn;
	struct stlb *t;
	bool skip;
	int r;

	if (ms->flat && !(va & (size - 1))) {
		pn = va >> MS_PAGE_SHIFT;
		t = &ms->rt[pn & (STLB_SIZE - 1)];
		if (t->pn == pn && t->data) {
			memcpy(out, t->data + (va & (MS_PAGE_SIZE - 1)), size);
			return X_NEXT;
		}
	}
	r = unaligned(c, va, size, acc);
	if (r)
		return r;
	r = xlate(c, va, size, acc, &pa, &skip);
	if (r || skip)
		return r;
	/* The soft TLBs are keyed by physical page (= va when flat). */
	pn = pa >> MS_PAGE_SHIFT;
	t = &ms->rt[pn & (STLB_SIZE - 1)];
	if (t->pn == pn && t->data && ((pa & (MS_PAGE_SIZE - 1)) + size) <= MS_PAGE_SIZE) {
		memcpy(out, t->data + (pa & (MS_PAGE_SIZE - 1)), size);
		return X_NEXT;
	}
	{
		const struct region *rg = find_region(ms, pa);
		struct page *p;

		if (!rg)
			return bus_fault(c, va, acc);
		if (rg->ops)
			return phys_read(ms, pa, size, out) ? bus_fault(c, va, acc) : X_NEXT;
		p = ram_page(ms, pa);
		if (!p)
			return bus_fault(c, va, acc);
		memcpy(out, p->data + (pa & (MS_PAGE_SIZE - 1)), size);
		if (rg->prot & MS_R)
			*t = (struct stlb){ pn, p->data };
	}
	return X_NEXT;
}

int mem_write(struct cpu *c, uint64_t va, unsigned size, unsigned acc, const void *in)
{
	struct memspace *ms = c->mem;
	uint64_t pa, pn;
	struct stlb *t;
	bool skip;
	int r;

	if (ms->flat && !(va & (size - 1))) {
		pn = va >> MS_PAGE_SHIFT;
		t = &ms->wt[pn & (STLB_SIZE - 1)];
		if (t->pn == pn && t->data) {
			memcpy(t->data + (va & (MS_PAGE_SIZE - 1)), in, size);
			return X_NEXT;
		}
	}
	r = unaligned(c, va, size, acc);
	if (r)
		return r;
	r = xlate(c, va, size, acc, &pa, &skip);
	if (r || skip)
		return r;
	pn = pa >> MS_PAGE_SHIFT;
	t = &ms->wt[pn & (STLB_SIZE - 1)];
	if (t->pn == pn && t->data && ((pa & (MS_PAGE_SIZE - 1)) + size) <= MS_PAGE_SIZE) {
		memcpy(t->data + (pa & (MS_PAGE_SIZE - 1)), in, size);
		return X_NEXT;
	}
	{
		const struct region *rg = find_region(ms, pa);
		struct page *p;

		if (!rg)
			return bus_fault(c, va, acc);
		if (rg->ops)
			return phys_write(ms, pa, size, in) ? bus_fault(c, va, acc) : X_NEXT;
		p = ram_page(ms, pa);
		if (!p)
			return bus_fault(c, va, acc);
		if (p->code)
			c->counters[CNT_DCACHE_INVAL] += dcache_invalidate(ms->dc, pa, size);
		memcpy(p->data + (pa & (MS_PAGE_SIZE - 1)), in, size);
		if (!p->code && (rg->prot & MS_W))
			*t = (struct stlb){ pn, p->data };
	}
	return X_NEXT;
}

int mem_read_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t *v)
{
	uint8_t b[8];
	int r = mem_read(c, va, size, acc, b);

	if (r == X_NEXT)
		*v = le_get(b, size);
	return r;
}

int mem_write_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t v)
{
	uint8_t b[8];

	le_put(b, size, v);
	return mem_write(c, va, size, acc, b);
}

void code_invalidate(struct cpu *c, uint64_t pa, uint64_t len)
{
	if (c->dc)
		c->counters[CNT_DCACHE_INVAL] += dcache_invalidate(c->dc, pa, len);
}

/*
 * Instruction fetch for the slot loop: translate ip (execute access),
 * find or decode the bundle, remember that its page holds code.
 */
int mem_fetch_bundle(struct cpu *c, uint64_t ip, uint64_t *pa_out,
		     const struct decoded_bundle **out)
{
	struct memspace *ms = c->mem;
	uint64_t pa;
	struct dc_entry *e;
	bool skip;
	uint8_t *h;
	int r;

	r = xlate(c, ip, 16, ACC_X, &pa, &skip);
	if (r)
		return r;
	if (skip)
		return bus_fault(c, ip, ACC_X);
	*pa_out = pa;
	e = dcache_slot(ms->dc, pa);
	if (e->tag == pa) {
		*out = &e->b;
		return X_NEXT;
	}
	h = memspace_ptr(ms, pa, 16);
	if (!h)
		return bus_fault(c, ip, ACC_X);
	memspace_mark_code(ms, pa);
	c->counters[CNT_DCACHE_MISS]++;
	*out = dcache_fill(ms->dc, pa, h);
	return X_NEXT;
}
