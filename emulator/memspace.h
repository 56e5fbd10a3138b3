/* SPDX-License-Identifier: MIT */
/*
 * Address spaces behind mem.h (mem.c): a flat user-mode space (virtual =
 * "physical", no translation) or the physical address space of a machine
 * (RAM + MMIO), reached through mmu_translate().  RAM is sparse: pages are
 * allocated zero-filled on first touch inside mapped regions.  Pages that
 * hold decoded code are tracked so stores into them invalidate the
 * decoded-bundle cache.
 */
#ifndef EMU_MEMSPACE_H
#define EMU_MEMSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cpu;

#define MS_PAGE_SHIFT	14		/* 16 KiB, the Linux/ia64 default */
#define MS_PAGE_SIZE	(1ULL << MS_PAGE_SHIFT)

/* Region protections (flat spaces check them; physical RAM is RWX). */
#define MS_R	1
#define MS_W	2
#define MS_X	4

/* Device callbacks for an MMIO region: offset from the region base. */
struct mmio_ops {
	int (*read)(void *ctx, uint64_t off, unsigned size, uint64_t *v);
	int (*write)(void *ctx, uint64_t off, unsigned size, uint64_t v);
};

struct memspace;

struct memspace *memspace_new(bool flat);
void memspace_free(struct memspace *ms);
bool memspace_flat(const struct memspace *ms);

/* Make [addr, addr+len) accessible (page-granular); 0 or -1 (overlap /
 * too many regions). */
int memspace_map(struct memspace *ms, uint64_t addr, uint64_t len, unsigned prot);
/* Remove (part of) a mapping; its pages are freed. */
int memspace_unmap(struct memspace *ms, uint64_t addr, uint64_t len);
int memspace_add_mmio(struct memspace *ms, uint64_t base, uint64_t len,
		      const struct mmio_ops *ops, void *ctx);

/* Loader/host access that bypasses protections; -1 if unmapped. */
int memspace_copy_in(struct memspace *ms, uint64_t addr, const void *src, size_t len);
int memspace_copy_out(struct memspace *ms, uint64_t addr, void *dst, size_t len);

/* Host pointer for [pa, pa+len) inside one page of RAM, or NULL. */
uint8_t *memspace_ptr(struct memspace *ms, uint64_t pa, size_t len);

/* Physical accesses (platform devices, VHPT walks): 0 or -1 if nothing
 * is mapped there. */
int phys_read(struct memspace *ms, uint64_t pa, unsigned size, void *out);
int phys_write(struct memspace *ms, uint64_t pa, unsigned size, const void *in);

/* Attach a CPU to its address space (sets c->mem). */
void cpu_attach_mem(struct cpu *c, struct memspace *ms);

/* The decoded-bundle cache tells mem.c which pages hold decoded code. */
void memspace_mark_code(struct memspace *ms, uint64_t pa);

/*
 * Instruction fetch for the slot loop: translate ip for execution and
 * return the decoded bundle (from the cache, or decoded now) in *out and
 * its physical address in *pa.  Returns X_NEXT, or the exec_result of the
 * fault raised (then c->ip/slot point at the handler or the runner's hook
 * decided).
 */
struct decoded_bundle;
int mem_fetch_bundle(struct cpu *c, uint64_t ip, uint64_t *pa,
		     const struct decoded_bundle **out);

#endif
