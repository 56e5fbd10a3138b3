/* SPDX-License-Identifier: MIT */
/*
 * Host back end, memory and CPUs (see host.h).  The page pool is guarded
 * by a mutex: it is test scaffolding, not a hot path worth a lock-free
 * allocator.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv.h"
#include "host.h"

static uint8_t *pool;
static uint64_t pool_pages;
static uint64_t *free_stack;
static uint64_t free_top;
static uint64_t fail_after = ~0ULL;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned nr_cpus = 1;
static _Thread_local unsigned this_cpu;
static _Thread_local struct vcpu *this_vcpu;

int host_init(uint64_t nr_pages, unsigned cpus)
{
	if (!nr_pages || !cpus || cpus > HV_MAX_PCPUS)
		return -1;
	pool = aligned_alloc(HV_PAGE_SIZE, nr_pages * HV_PAGE_SIZE);
	free_stack = malloc(nr_pages * sizeof(*free_stack));
	if (!pool || !free_stack) {
		free(pool);
		free(free_stack);
		return -1;
	}
	pool_pages = nr_pages;
	/* Hand out low frames first (frame 0 included: a valid page). */
	for (uint64_t i = 0; i < nr_pages; i++)
		free_stack[i] = nr_pages - 1 - i;
	free_top = nr_pages;
	fail_after = ~0ULL;
	nr_cpus = cpus;
	return 0;
}

void host_fini(void)
{
	free(pool);
	free(free_stack);
	pool = NULL;
	free_stack = NULL;
	pool_pages = free_top = 0;
}

void host_set_cpu(unsigned cpu)
{
	if (cpu >= nr_cpus)
		arch_panic("host_set_cpu: no such pCPU");
	this_cpu = cpu;
}

uint64_t host_free_pages(void)
{
	uint64_t n;

	pthread_mutex_lock(&pool_lock);
	n = free_top;
	pthread_mutex_unlock(&pool_lock);
	return n;
}

void host_fail_alloc_after(uint64_t n)
{
	pthread_mutex_lock(&pool_lock);
	fail_after = n;
	pthread_mutex_unlock(&pool_lock);
}

uint64_t arch_max_mfn(void)
{
	return pool_pages;
}

uint64_t arch_page_alloc(void)
{
	uint64_t mfn = ARCH_INVALID_MFN;

	pthread_mutex_lock(&pool_lock);
	if (free_top && fail_after) {
		mfn = free_stack[--free_top];
		if (fail_after != ~0ULL)
			fail_after--;
	}
	pthread_mutex_unlock(&pool_lock);
	if (mfn != ARCH_INVALID_MFN)
		memset(pool + mfn * HV_PAGE_SIZE, 0, HV_PAGE_SIZE);
	return mfn;
}

void arch_page_free(uint64_t mfn)
{
	if (mfn >= pool_pages)
		arch_panic("arch_page_free: bad frame");
	/* Poison so a use after free shows up as garbage, not old data. */
	memset(pool + mfn * HV_PAGE_SIZE, 0xa5, HV_PAGE_SIZE);
	pthread_mutex_lock(&pool_lock);
	if (free_top >= pool_pages)
		arch_panic("arch_page_free: double free");
	free_stack[free_top++] = mfn;
	pthread_mutex_unlock(&pool_lock);
}

void *arch_mfn_to_virt(uint64_t mfn)
{
	if (mfn >= pool_pages)
		arch_panic("arch_mfn_to_virt: bad frame");
	return pool + mfn * HV_PAGE_SIZE;
}

uint64_t arch_virt_to_mfn(const void *va)
{
	const uint8_t *p = va;

	if (p < pool || p >= pool + pool_pages * HV_PAGE_SIZE)
		arch_panic("arch_virt_to_mfn: not a pool address");
	return (uint64_t)(p - pool) / HV_PAGE_SIZE;
}

void *arch_heap_alloc(size_t size, size_t align)
{
	size_t n = (size + align - 1) & ~(align - 1);

	return aligned_alloc(align, n ? n : align);
}

void arch_heap_free(void *p)
{
	free(p);
}

unsigned arch_cpu_id(void)
{
	return this_cpu;
}

unsigned arch_nr_cpus(void)
{
	return nr_cpus;
}

void arch_cpu_relax(void)
{
	sched_yield();
}

struct vcpu *arch_current(void)
{
	return this_vcpu;
}

void arch_set_current(struct vcpu *v)
{
	this_vcpu = v;
}

_Noreturn void arch_panic(const char *msg)
{
	fprintf(stderr, "hypervisor panic: %s\n", msg);
	abort();
}
