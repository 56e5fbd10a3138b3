// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the xencomm address translation and the hypercall
 * wrappers' argument checks.
 *
 * Translation needs no hypervisor, so these run on bare metal too: each
 * kind of kernel address must come out as the guest-physical address the
 * processor itself would use (tpa, the page tables), inline when the
 * buffer is physically contiguous and as a descriptor otherwise.
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <asm/xen/hypercall.h>
#include <asm/xen/xencomm.h>
#include <xen/page.h>

static unsigned long image_word;

static unsigned long h2pa(struct xencomm_handle *h)
{
	return (unsigned long)h & ~XENCOMM_INLINE_FLAG;
}

static bool is_inline(struct xencomm_handle *h)
{
	return !IS_ERR_OR_NULL(h) &&
		((unsigned long)h & XENCOMM_INLINE_FLAG);
}

static void xencomm_test_null(struct kunit *test)
{
	struct xencomm_mini mini;
	unsigned long x;

	KUNIT_EXPECT_NULL(test, xencomm_map(NULL, 8, &mini));
	KUNIT_EXPECT_NULL(test, xencomm_map(&x, 0, &mini));
}

static void xencomm_test_linear(struct kunit *test)
{
	struct xencomm_mini mini;
	struct xencomm_handle *h;
	unsigned long on_stack;
	void *buf;

	h = xencomm_map(&on_stack, sizeof(on_stack), &mini);
	KUNIT_EXPECT_TRUE(test, is_inline(h));
	KUNIT_EXPECT_EQ(test, h2pa(h), __pa(&on_stack));

	/* Several pages of the linear mapping are still one piece. */
	buf = kunit_kmalloc(test, 3 * PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	h = xencomm_map(buf + 5, 3 * PAGE_SIZE - 5, &mini);
	KUNIT_EXPECT_TRUE(test, is_inline(h));
	KUNIT_EXPECT_EQ(test, h2pa(h), __pa(buf + 5));
	xencomm_unmap(h, &mini);
}

static void xencomm_test_image(struct kunit *test)
{
	struct xencomm_mini mini;
	struct xencomm_handle *h;

	h = xencomm_map(&image_word, sizeof(image_word), &mini);
	KUNIT_EXPECT_TRUE(test, is_inline(h));
	KUNIT_EXPECT_EQ(test, h2pa(h), ia64_tpa(&image_word));
}

static void xencomm_test_percpu(struct kunit *test)
{
	/* The address at PERCPU_ADDR, pinned by a translation register. */
	unsigned long local = (unsigned long)local_cpu_data;
	unsigned long pa;

	preempt_disable();
	pa = xencomm_vtop(local);
	KUNIT_EXPECT_EQ(test, pa, __pa(this_cpu_ptr(&ia64_cpu_info)));
	KUNIT_EXPECT_EQ(test, pa, ia64_tpa(local));
	preempt_enable();
}

static unsigned long vmalloc_pa(const void *p)
{
	return page_to_phys(vmalloc_to_page(p)) + offset_in_page(p);
}

static void xencomm_test_vmalloc(struct kunit *test)
{
	unsigned long bytes = 2 * PAGE_SIZE, nr, i;
	struct xencomm_mini mini;
	struct xencomm_handle *h;
	struct xencomm_desc *desc;
	char *buf;

	buf = vmalloc(bytes);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	/* Within one hypervisor page: still inline. */
	h = xencomm_map(buf + 8, 16, &mini);
	KUNIT_EXPECT_TRUE(test, is_inline(h));
	KUNIT_EXPECT_EQ(test, h2pa(h), vmalloc_pa(buf + 8));

	/* Across one hypervisor page boundary: the descriptor on the stack. */
	h = xencomm_map(buf + XEN_PAGE_SIZE - 8, 16, &mini);
	KUNIT_EXPECT_EQ(test, (unsigned long)h, __pa(&mini.desc));
	KUNIT_EXPECT_EQ(test, mini.desc.magic, XENCOMM_MAGIC);
	KUNIT_EXPECT_EQ(test, mini.desc.nr_addrs, 2U);
	KUNIT_EXPECT_EQ(test, mini.desc.address[0],
			vmalloc_pa(buf + XEN_PAGE_SIZE - 8));
	KUNIT_EXPECT_EQ(test, mini.desc.address[1],
			vmalloc_pa(buf + XEN_PAGE_SIZE));
	xencomm_unmap(h, &mini);

	/* The whole buffer: one address per hypervisor page, allocated. */
	h = xencomm_map(buf, bytes, &mini);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(h));
	KUNIT_EXPECT_FALSE(test, is_inline(h));
	desc = __va((unsigned long)h);
	nr = bytes / XEN_PAGE_SIZE;
	KUNIT_EXPECT_EQ(test, desc->magic, XENCOMM_MAGIC);
	KUNIT_EXPECT_EQ(test, (unsigned long)desc->nr_addrs, nr);
	for (i = 0; i < nr && i < desc->nr_addrs; i++)
		KUNIT_EXPECT_EQ(test, desc->address[i],
				vmalloc_pa(buf + i * XEN_PAGE_SIZE));
	xencomm_unmap(h, &mini);

	vfree(buf);
}

static void xencomm_test_invalid(struct kunit *test)
{
	struct xencomm_mini mini;
	struct xencomm_handle *h;

	/* A user address is never translated. */
	h = xencomm_map((void *)0x4000UL, 8, &mini);
	KUNIT_EXPECT_TRUE(test, IS_ERR(h));
	KUNIT_EXPECT_EQ(test, xencomm_vtop(0x4000UL), XENCOMM_INVALID);
}

/*
 * Sub-operations the wrappers do not know fail before any hypercall is
 * made (so this runs on bare metal, where "break 0x1000" would trap).
 */
static void xencomm_test_unknown_ops(struct kunit *test)
{
	char buf[64] = { 0 };

	KUNIT_EXPECT_EQ(test, HYPERVISOR_event_channel_op(-1, buf), -ENOSYS);
	KUNIT_EXPECT_EQ(test, HYPERVISOR_event_channel_op(1000, buf), -ENOSYS);
	KUNIT_EXPECT_EQ(test, HYPERVISOR_physdev_op(-1, buf), -ENOSYS);
	KUNIT_EXPECT_EQ(test, HYPERVISOR_physdev_op(1000, buf), -ENOSYS);
	KUNIT_EXPECT_EQ(test, HYPERVISOR_xen_version(-1, buf), -ENOSYS);
	KUNIT_EXPECT_EQ(test, HYPERVISOR_xen_version(1000, buf), -ENOSYS);
}

static struct kunit_case xencomm_test_cases[] = {
	KUNIT_CASE(xencomm_test_null),
	KUNIT_CASE(xencomm_test_linear),
	KUNIT_CASE(xencomm_test_image),
	KUNIT_CASE(xencomm_test_percpu),
	KUNIT_CASE(xencomm_test_vmalloc),
	KUNIT_CASE(xencomm_test_invalid),
	KUNIT_CASE(xencomm_test_unknown_ops),
	{}
};

static struct kunit_suite xencomm_test_suite = {
	.name = "ia64-xencomm",
	.test_cases = xencomm_test_cases,
};

kunit_test_suite(xencomm_test_suite);

MODULE_LICENSE("GPL");
