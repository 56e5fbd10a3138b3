/* SPDX-License-Identifier: MIT */
/*
 * copy_from_guest / copy_to_guest over pseudo-physical guest addresses
 * (see guest_access.h).  The page reference taken for each piece keeps
 * the frame from being freed and reused while we copy, even if the guest
 * zaps the p2m entry concurrently.
 */
#include <string.h>

#include "domain.h"
#include "guest_access.h"
#include "page_alloc.h"

static int copy_guest(struct vcpu *v, uint64_t gaddr, void *buf, size_t len,
		      bool to_guest)
{
	uint8_t *b = buf;

	if (!v || gaddr + len < gaddr)
		return -HV_EFAULT;
	while (len) {
		size_t off = gaddr & (HV_PAGE_SIZE - 1);
		size_t n = HV_PAGE_SIZE - off < len ? HV_PAGE_SIZE - off : len;
		struct p2m_entry e;
		struct page_info *pg;
		uint8_t *p;

		if (p2m_lookup(v->domain, gaddr, &e) || (e.val & P2M_IO))
			return -HV_EFAULT;
		if (to_guest && p2m_pte_readonly(e.val))
			return -HV_EFAULT;
		pg = mfn_to_page(p2m_pte_mfn(e.val));
		if (!pg || !hv_get_page(pg, hv_page_owner(pg)))
			return -HV_EFAULT;
		/* The frame may have been freed and reused between lookup and
		 * reference: only a still-unchanged entry proves it is ours. */
		if (p2m_entry_changed(&e)) {
			hv_put_page(pg);
			continue;
		}
		p = (uint8_t *)arch_mfn_to_virt(p2m_pte_mfn(e.val)) + off;
		if (to_guest)
			memcpy(p, b, n);
		else
			memcpy(b, p, n);
		hv_put_page(pg);
		b += n;
		gaddr += n;
		len -= n;
	}
	return 0;
}

int copy_from_guest(struct vcpu *v, void *dst, uint64_t gaddr, size_t len)
{
	return copy_guest(v, gaddr, dst, len, false);
}

int copy_to_guest(struct vcpu *v, uint64_t gaddr, const void *src, size_t len)
{
	return copy_guest(v, gaddr, (void *)src, len, true);
}
