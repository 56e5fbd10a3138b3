// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ia64_paravirt: the paravirtualization layer on the machine
 * the kernel booted on.
 *
 * The hook tables must be filled in, the call sites of pv_cpu_ops must
 * all have been replaced by their native instructions (or, with
 * noreplace-paravirt, all still hold their stub), and the intrinsics must
 * give what the instructions themselves give.  Only operations without a
 * lasting effect are exercised: registers are read, or written back with
 * the value they hold.
 */

#include <kunit/test.h>
#include <linux/irqflags.h>
#include <linux/string.h>

#include <asm/intrinsics.h>
#include <asm/paravirt.h>
#include <asm/paravirt_patch.h>

#define SITE_SIZE	(PARAVIRT_SITE_BUNDLES * 16)

static void pv_hooks_filled(struct kunit *test)
{
	void * const cpu_ops[] = {
		pv_cpu_ops.fc, pv_cpu_ops.thash, pv_cpu_ops.get_cpuid,
		pv_cpu_ops.get_pmd, pv_cpu_ops.getreg, pv_cpu_ops.setreg,
		pv_cpu_ops.ptcga, pv_cpu_ops.get_rr, pv_cpu_ops.set_rr,
		pv_cpu_ops.set_rr0_to_rr4, pv_cpu_ops.ssm_i, pv_cpu_ops.rsm_i,
		pv_cpu_ops.get_psr_i, pv_cpu_ops.intrin_local_irq_restore,
	};
	void * const irq_ops[] = {
		pv_irq_ops.register_ipi, pv_irq_ops.assign_irq_vector,
		pv_irq_ops.free_irq_vector, pv_irq_ops.resend_irq,
		pv_iosapic_ops.pcat_compat_init, pv_iosapic_ops.get_irq_chip,
		pv_iosapic_ops.__read, pv_iosapic_ops.__write,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cpu_ops); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, cpu_ops[i], "pv_cpu_ops #%u", i);
	for (i = 0; i < ARRAY_SIZE(irq_ops); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, irq_ops[i],
					  "pv_irq_ops/pv_iosapic_ops #%u", i);
	KUNIT_EXPECT_NOT_NULL(test, pv_info.name);
	if (!paravirt_enabled()) {
		/* Bare hardware: the native tables, nothing to set up. */
		KUNIT_EXPECT_EQ(test, pv_info.kernel_rpl, 0U);
		KUNIT_EXPECT_PTR_EQ(test, (void *)pv_cpu_ops.getreg,
				    (void *)paravirt_native_getreg);
		KUNIT_EXPECT_NULL(test, pv_init_ops.patch_bundle);
		KUNIT_EXPECT_NULL(test, pv_init_ops.arch_setup_early);
	}
}

/* Every site type the intrinsics emit has a native replacement. */
static void pv_templates(struct kunit *test)
{
	static const unsigned long types[] = {
		PARAVIRT_PATCH_TYPE_FC, PARAVIRT_PATCH_TYPE_THASH,
		PARAVIRT_PATCH_TYPE_GET_CPUID, PARAVIRT_PATCH_TYPE_GET_PMD,
		PARAVIRT_PATCH_TYPE_PTCGA, PARAVIRT_PATCH_TYPE_GET_RR,
		PARAVIRT_PATCH_TYPE_SET_RR, PARAVIRT_PATCH_TYPE_SET_RR0_TO_RR4,
		PARAVIRT_PATCH_TYPE_SSM_I, PARAVIRT_PATCH_TYPE_RSM_I,
		PARAVIRT_PATCH_TYPE_GET_PSR_I,
		PARAVIRT_PATCH_TYPE_INTRIN_LOCAL_IRQ_RESTORE,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_PSR,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_AR_ITC,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_IVR,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_LRR1,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_ITC,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_KR7,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_EOI,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_TPR,
	};
	const struct paravirt_patch_template *t;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		t = paravirt_patch_find_native(types[i]);
		KUNIT_ASSERT_NOT_NULL_MSG(test, t, "type %#lx", types[i]);
		KUNIT_EXPECT_GT(test, t->end - t->start, 0L);
		KUNIT_EXPECT_LE(test, t->end - t->start, (long)SITE_SIZE);
		KUNIT_EXPECT_EQ(test, (t->end - t->start) % 16, 0L);
	}
	KUNIT_EXPECT_NULL(test, paravirt_patch_find_native(0));
	KUNIT_EXPECT_NULL(test, paravirt_patch_find_native(PARAVIRT_PATCH_TYPE_SETREG +
							   _IA64_REG_CR_IVR));
}

/*
 * The stub's bundles after the first (which loads the address of the
 * pv_cpu_ops member) hold no relocation: identical at every site.
 */
static bool site_is_stub(const u64 *site, const u64 *ref)
{
	unsigned int i;

	if ((site[0] & 0x1e) != 0x04)	/* MLX template */
		return false;
	for (i = 2; i < SITE_SIZE / 8; i++)
		if (site[i] != ref[i])
			return false;
	return true;
}

static bool site_equal(const u64 *site, const u64 *expect)
{
	unsigned int i;

	for (i = 0; i < SITE_SIZE / 8; i++)
		if (site[i] != expect[i])
			return false;
	return true;
}

/*
 * Thousands of sites: expectations are counted, and only a mismatch is
 * reported on its own, so that the suite stays cheap at every boot.
 */
static void pv_sites_patched(struct kunit *test)
{
	struct paravirt_patch_site_bundle *p, *start, *end;
	unsigned long n = 0, stubs = 0, native = 0, hv = 0, bad = 0;
	u64 expect[SITE_SIZE / 8];

	start = __start_paravirt_bundles;
	end = __stop_paravirt_bundles;
	KUNIT_EXPECT_GT(test, paravirt_patch_nr_sites, 0UL);
	KUNIT_EXPECT_EQ(test, paravirt_patch_nr_sites,
			(unsigned long)(end - start));
	for (p = start; p < end; p++) {
		n++;
		if (p->ebundle - p->sbundle != SITE_SIZE ||
		    (unsigned long)p->sbundle % 16) {
			KUNIT_FAIL(test, "site %pS type %#lx: bad extent",
				   p->sbundle, p->type);
			bad++;
			continue;
		}
		if (paravirt_patch_disabled) {
			if (site_is_stub(p->sbundle, start->sbundle)) {
				stubs++;
			} else {
				KUNIT_FAIL(test, "site %pS type %#lx: not a stub",
					   p->sbundle, p->type);
				bad++;
			}
			continue;
		}
		if (!paravirt_patch_bundle_native(expect, expect + SITE_SIZE / 8,
						  p->type)) {
			KUNIT_FAIL(test, "site %pS type %#lx: no template",
				   p->sbundle, p->type);
			bad++;
		} else if (site_equal(p->sbundle, expect)) {
			native++;
		} else if (pv_init_ops.patch_bundle) {
			hv++;	/* the hypervisor's own replacement */
		} else {
			KUNIT_FAIL(test, "site %pS type %#lx differs from its template",
				   p->sbundle, p->type);
			bad++;
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0UL);
	if (paravirt_patch_disabled)
		KUNIT_EXPECT_EQ(test, paravirt_patch_nr_patched, 0UL);
	else
		KUNIT_EXPECT_EQ(test, paravirt_patch_nr_patched, n);
	kunit_info(test, "%lu sites: %lu native, %lu hypervisor, %lu stubs\n",
		   n, native, hv, stubs);
}

static void pv_psr_i(struct kunit *test)
{
	unsigned long flags, inside, psr_inside, native_inside;
	unsigned long before = ia64_get_psr_i();

	KUNIT_EXPECT_EQ(test, before,
			ia64_native_getreg(_IA64_REG_PSR) & IA64_PSR_I);
	local_irq_save(flags);
	inside = ia64_get_psr_i();
	psr_inside = ia64_getreg(_IA64_REG_PSR);
	native_inside = ia64_native_getreg(_IA64_REG_PSR);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, inside, 0UL);
	KUNIT_EXPECT_EQ(test, psr_inside & IA64_PSR_I, 0UL);
	KUNIT_EXPECT_EQ(test, native_inside & IA64_PSR_I, 0UL);
	KUNIT_EXPECT_EQ(test, ia64_get_psr_i(), before);

	/* The other direction, starting with interrupts off. */
	local_irq_save(flags);
	ia64_ssm(IA64_PSR_I);
	ia64_srlz_d();
	inside = ia64_native_getreg(_IA64_REG_PSR) & IA64_PSR_I;
	ia64_rsm(IA64_PSR_I);
	KUNIT_EXPECT_EQ(test, inside, IA64_PSR_I);
	KUNIT_EXPECT_EQ(test, ia64_get_psr_i(), 0UL);
	ia64_intrin_local_irq_restore(IA64_PSR_I);
	KUNIT_EXPECT_EQ(test, ia64_native_getreg(_IA64_REG_PSR) & IA64_PSR_I,
			IA64_PSR_I);
	ia64_intrin_local_irq_restore(0);
	KUNIT_EXPECT_EQ(test, ia64_native_getreg(_IA64_REG_PSR) & IA64_PSR_I,
			0UL);
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, ia64_get_psr_i(), before);
}

static void pv_region_registers(struct kunit *test)
{
	unsigned long flags, region, rr;

	for (region = 0; region < 8; region++) {
		unsigned long va = region << 61;

		KUNIT_EXPECT_EQ(test, ia64_get_rr(va), ia64_native_get_rr(va));
	}
	/* Region 7 maps the kernel: writing its own value back is a no-op. */
	local_irq_save(flags);
	rr = ia64_get_rr(7UL << 61);
	ia64_set_rr(7UL << 61, rr);
	ia64_srlz_d();
	KUNIT_EXPECT_EQ(test, ia64_native_get_rr(7UL << 61), rr);
	local_irq_restore(flags);
}

static void pv_registers(struct kunit *test)
{
	unsigned long a, b, c, flags, v;

	a = ia64_getreg(_IA64_REG_AR_ITC);
	b = ia64_native_getreg(_IA64_REG_AR_ITC);
	c = ia64_getreg(_IA64_REG_AR_ITC);
	KUNIT_EXPECT_LE(test, a, b);
	KUNIT_EXPECT_LE(test, b, c);
	KUNIT_EXPECT_LT(test, a, c);

	KUNIT_EXPECT_EQ(test, ia64_getreg(_IA64_REG_CR_DCR),
			ia64_native_getreg(_IA64_REG_CR_DCR));
	KUNIT_EXPECT_EQ(test, ia64_getreg(_IA64_REG_CR_IVA),
			ia64_native_getreg(_IA64_REG_CR_IVA));
	KUNIT_EXPECT_EQ(test, ia64_getreg(_IA64_REG_CR_PTA),
			ia64_native_getreg(_IA64_REG_CR_PTA));
	KUNIT_EXPECT_EQ(test, ia64_getreg(_IA64_REG_CR_LID),
			ia64_native_getreg(_IA64_REG_CR_LID));
	KUNIT_EXPECT_EQ(test, ia64_getreg(_IA64_REG_CR_ITV),
			ia64_native_getreg(_IA64_REG_CR_ITV));

	local_irq_save(flags);
	v = ia64_getreg(_IA64_REG_CR_TPR);
	ia64_setreg(_IA64_REG_CR_TPR, v);
	ia64_srlz_d();
	KUNIT_EXPECT_EQ(test, ia64_native_getreg(_IA64_REG_CR_TPR), v);
	v = ia64_native_getreg(_IA64_REG_AR_KR0);
	ia64_setreg(_IA64_REG_AR_KR0, v);
	KUNIT_EXPECT_EQ(test, ia64_native_getreg(_IA64_REG_AR_KR0), v);
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, ia64_get_cpuid(3), ia64_native_get_cpuid(3));
}

static void pv_thash(struct kunit *test)
{
	static const unsigned long va[] = {
		0x2000000000000000UL, 0x4000000000123000UL,
		0xa000000100000000UL, 0xe000000004000000UL,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(va); i++)
		KUNIT_EXPECT_EQ(test, ia64_thash(va[i]), ia64_native_thash(va[i]));
}

static struct kunit_case ia64_paravirt_cases[] = {
	KUNIT_CASE(pv_hooks_filled),
	KUNIT_CASE(pv_templates),
	KUNIT_CASE(pv_sites_patched),
	KUNIT_CASE(pv_psr_i),
	KUNIT_CASE(pv_region_registers),
	KUNIT_CASE(pv_registers),
	KUNIT_CASE(pv_thash),
	{}
};

static struct kunit_suite ia64_paravirt_suite = {
	.name = "ia64_paravirt",
	.test_cases = ia64_paravirt_cases,
};

kunit_test_suite(ia64_paravirt_suite);
