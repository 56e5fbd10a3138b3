/* SPDX-License-Identifier: MIT */
/*
 * Basic definitions every hypervisor core file uses: page geometry, the
 * Xen error numbers returned by hypercalls, domain ids, and a small
 * spinlock built on atomics (the core cannot use pthreads: it must also
 * run on bare IA-64).
 */
#ifndef HV_HV_H
#define HV_HV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch.h"

/* The hypervisor's page size (doc 17.1: 16 KB; 4 KB did not work). */
#define HV_PAGE_SHIFT	14
#define HV_PAGE_SIZE	(1ULL << HV_PAGE_SHIFT)
#define HV_PAGE_MASK	(~(HV_PAGE_SIZE - 1))

/* Xen error numbers (public ABI, Linux values). */
#define HV_EPERM	1
#define HV_ENOENT	2
#define HV_ESRCH	3
#define HV_ENOMEM	12
#define HV_EFAULT	14
#define HV_EBUSY	16
#define HV_EEXIST	17
#define HV_EINVAL	22
#define HV_ENOSPC	28
#define HV_EAGAIN	11
#define HV_ENOSYS	38

typedef uint16_t domid_t;
#define DOMID_FIRST_RESERVED	0x7FF0U
#define DOMID_SELF		0x7FF0U

#define HV_MAX_DOMAINS	16
#define HV_MAX_VCPUS	16

#define HV_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Test-and-set lock.  Only short, non-sleeping critical sections. */
typedef struct { unsigned char locked; } hv_spinlock_t;

static inline void hv_spin_lock(hv_spinlock_t *l)
{
	while (__atomic_test_and_set(&l->locked, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			arch_cpu_relax();
}

static inline void hv_spin_unlock(hv_spinlock_t *l)
{
	__atomic_clear(&l->locked, __ATOMIC_RELEASE);
}

static inline unsigned hv_popcount64(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}

#endif
