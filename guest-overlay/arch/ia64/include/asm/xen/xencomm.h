/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xencomm: how hypercall arguments reach Xen/ia64.
 *
 * The hypervisor cannot safely follow guest virtual addresses (they depend
 * on the guest's TLB and VHPT state), so every pointer handed to it is a
 * guest-physical "xencomm address" instead:
 *
 *  - an inline address: the buffer is physically contiguous, and the
 *    address is its guest-physical start with XENCOMM_INLINE_FLAG set;
 *  - otherwise the guest-physical address of a descriptor (flag clear)
 *    that lists the guest-physical address of each piece of the buffer,
 *    one per page, in order.
 *
 * Descriptors live in physically contiguous memory: a small one on the
 * caller's stack (struct xencomm_mini) or, for big scattered buffers, one
 * allocated with kmalloc().
 */
#ifndef _ASM_IA64_XEN_XENCOMM_H
#define _ASM_IA64_XEN_XENCOMM_H

#define XENCOMM_INLINE_FLAG	0x8000000000000000UL
#define XENCOMM_INLINE_MASK	0xf800000000000000UL

/* "XCOM": the first word of every descriptor. */
#define XENCOMM_MAGIC		0x58434f4d
/* An address slot the hypervisor must skip. */
#define XENCOMM_INVALID		(~0UL)

#ifndef __ASSEMBLY__

#include <linux/types.h>

struct xencomm_desc {
	u32 magic;
	u32 nr_addrs;
	u64 address[];
};

/* Enough for a buffer of up to two pages that is not contiguous. */
#define XENCOMM_MINI_ADDRS	3

struct xencomm_mini {
	struct xencomm_desc desc;
	u64 address[XENCOMM_MINI_ADDRS];
};

/* A xencomm address as passed to the hypervisor (never dereferenced). */
struct xencomm_handle;

/* Guest-physical address of a kernel virtual address, or ~0UL. */
unsigned long xencomm_vtop(unsigned long vaddr);

/*
 * The xencomm address of @bytes at @ptr; NULL stays NULL (and so does a
 * zero-length buffer).  Returns ERR_PTR() when the buffer cannot be
 * described.  Release with xencomm_unmap(), whatever the result.
 */
struct xencomm_handle *xencomm_map(const void *ptr, unsigned long bytes,
				   struct xencomm_mini *mini);
void xencomm_unmap(struct xencomm_handle *handle, struct xencomm_mini *mini);

/* Inline address of a physically contiguous buffer (region 7 or image). */
struct xencomm_handle *xencomm_inline(const void *ptr);

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_IA64_XEN_XENCOMM_H */
