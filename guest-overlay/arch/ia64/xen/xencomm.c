// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-physical addresses for hypercall arguments (see asm/xen/xencomm.h).
 *
 * The kernel reaches memory through four kinds of addresses, and each has
 * its own way back to a guest-physical address:
 *  - region 7 is the identity mapping of all memory: __pa();
 *  - the top of region 7 (PERCPU_ADDR) is this CPU's per-CPU page, pinned
 *    by a translation register: add the CPU's per-CPU offset to get its
 *    region-7 alias;
 *  - the kernel image in region 5 is pinned by one translation register,
 *    so it is physically contiguous at a fixed offset;
 *  - vmalloc and module space in region 5 are mapped page by page.
 * User addresses are never passed: the drivers that would pass them
 * (privcmd) are not supported.
 */

#include <linux/err.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <asm/page.h>
#include <asm/sections.h>
#include <asm/xen/xencomm.h>

#include <xen/page.h>

/* Physical minus virtual address of the kernel image; 0 until known. */
static unsigned long image_offset;

static unsigned long image_pa(unsigned long vaddr)
{
	unsigned long off = READ_ONCE(image_offset);

	/*
	 * tpa is privileged (Xen emulates it), so ask only once: the image
	 * never moves after boot.
	 */
	if (unlikely(!off)) {
		off = ia64_tpa(KERNEL_START) - KERNEL_START;
		WRITE_ONCE(image_offset, off);
	}
	return vaddr + off;
}

static bool in_image(unsigned long vaddr)
{
	return vaddr >= KERNEL_START && vaddr < (unsigned long)_end;
}

/*
 * The region-7 alias of a local per-CPU address; others unchanged.  (A
 * kernel without SMP has no per-CPU offsets: such addresses then fail the
 * validity check.)
 */
static unsigned long percpu_alias(unsigned long vaddr)
{
#ifdef CONFIG_SMP
	if (vaddr >= PERCPU_ADDR)
		return vaddr + __my_cpu_offset;
#endif
	return vaddr;
}

unsigned long xencomm_vtop(unsigned long vaddr)
{
	struct page *page;

	switch (REGION_NUMBER(vaddr)) {
	case RGN_KERNEL:
		vaddr = percpu_alias(vaddr);
		if (!virt_addr_valid(vaddr))
			return XENCOMM_INVALID;
		return __pa(vaddr);
	case RGN_GATE:
		if (in_image(vaddr))
			return image_pa(vaddr);
		if (!is_vmalloc_or_module_addr((void *)vaddr))
			return XENCOMM_INVALID;
		page = vmalloc_to_page((void *)vaddr);
		if (!page)
			return XENCOMM_INVALID;
		return page_to_phys(page) + offset_in_page(vaddr);
	default:
		return XENCOMM_INVALID;
	}
}
EXPORT_SYMBOL_GPL(xencomm_vtop);

/*
 * Whether [vaddr, vaddr + bytes) is one physically contiguous piece, which
 * the linear mapping and the image always are.
 */
static bool contiguous(unsigned long vaddr, unsigned long bytes)
{
	unsigned long last = vaddr + bytes - 1;

	if (last < vaddr)
		return false;
	if (REGION_NUMBER(vaddr) == RGN_KERNEL) {
		vaddr = percpu_alias(vaddr);
		last = percpu_alias(last);
		return REGION_NUMBER(last) == RGN_KERNEL &&
			virt_addr_valid(last) &&
			last - vaddr == bytes - 1;
	}
	if (in_image(vaddr))
		return in_image(last);
	return (vaddr & XEN_PAGE_MASK) == (last & XEN_PAGE_MASK);
}

struct xencomm_handle *xencomm_inline(const void *ptr)
{
	unsigned long pa = xencomm_vtop((unsigned long)ptr);

	if (pa == XENCOMM_INVALID)
		return ERR_PTR(-EFAULT);
	return (struct xencomm_handle *)(pa | XENCOMM_INLINE_FLAG);
}
EXPORT_SYMBOL_GPL(xencomm_inline);

/*
 * A descriptor lists one address per hypervisor page (XEN_PAGE_SIZE) the
 * buffer touches: Xen reads each piece up to the end of its page.
 */
struct xencomm_handle *xencomm_map(const void *ptr, unsigned long bytes,
				   struct xencomm_mini *mini)
{
	unsigned long vaddr = (unsigned long)ptr;
	unsigned long first = vaddr & XEN_PAGE_MASK;
	unsigned long nr, i, pa;
	struct xencomm_desc *desc;

	if (!ptr || !bytes)
		return NULL;
	if (contiguous(vaddr, bytes))
		return xencomm_inline(ptr);

	nr = (((vaddr + bytes - 1) & XEN_PAGE_MASK) - first) / XEN_PAGE_SIZE + 1;
	if (nr <= XENCOMM_MINI_ADDRS) {
		desc = &mini->desc;
	} else {
		desc = kmalloc(struct_size(desc, address, nr), GFP_ATOMIC);
		if (!desc)
			return ERR_PTR(-ENOMEM);
	}

	for (i = 0; i < nr; i++) {
		unsigned long piece = i ? first + i * XEN_PAGE_SIZE : vaddr;

		pa = xencomm_vtop(piece);
		if (pa == XENCOMM_INVALID) {
			if (desc != &mini->desc)
				kfree(desc);
			return ERR_PTR(-EFAULT);
		}
		desc->address[i] = pa;
	}
	desc->magic = XENCOMM_MAGIC;
	desc->nr_addrs = nr;

	/* The descriptor is in region 7 (stack or slab): never inline. */
	return (struct xencomm_handle *)__pa(desc);
}
EXPORT_SYMBOL_GPL(xencomm_map);

void xencomm_unmap(struct xencomm_handle *handle, struct xencomm_mini *mini)
{
	unsigned long h = (unsigned long)handle;

	if (IS_ERR_OR_NULL(handle) || (h & XENCOMM_INLINE_FLAG))
		return;
	if (h != __pa(&mini->desc))
		kfree(__va(h));
}
EXPORT_SYMBOL_GPL(xencomm_unmap);
