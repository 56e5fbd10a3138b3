/* SPDX-License-Identifier: MIT */
/*
 * Access to guest memory from hypercall handlers.  Guest addresses are
 * pseudo-physical (xencomm style, doc 10) and are translated through the
 * vCPU's p2m page by page, holding a page reference during the copy.
 * Every access can fail: -EFAULT for holes, I/O pages and (for writes)
 * read-only entries.
 */
#ifndef HV_GUEST_ACCESS_H
#define HV_GUEST_ACCESS_H

#include "hv.h"

struct vcpu;

int copy_from_guest(struct vcpu *v, void *dst, uint64_t gaddr, size_t len);
int copy_to_guest(struct vcpu *v, uint64_t gaddr, const void *src, size_t len);

#endif
