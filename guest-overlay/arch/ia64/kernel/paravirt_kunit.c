// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ia64_paravirt: the paravirtualization layer on the machine
 * the kernel booted on.
 *
 * The hook tables must be filled in, the call sites of pv_cpu_ops must
 * all hold their native instructions on bare hardware (or all call
 * pv_cpu_ops with noreplace-paravirt, or be patched under a hypervisor),
 * a function's sites must give the same results natively, patched to
 * call pv_cpu_ops, and patched with a replacement, and the intrinsics
 * must give what the instructions themselves give.  Only operations
 * without a lasting effect are exercised: registers are read, or written
 * back with the value they hold.
 */

#include <kunit/test.h>
#include <linux/irqflags.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

#include <asm/intrinsics.h>
#include <asm/paravirt.h>
#include <asm/paravirt_patch.h>
#include <asm/sections.h>

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

/*
 * Thousands of sites: they are counted by form, and only a site in the
 * wrong form is reported on its own, so that the suite stays cheap at
 * every boot.
 */
static void pv_sites_patched(struct kunit *test)
{
	struct paravirt_patch_site_bundle *p, *start, *end;
	unsigned long n[PARAVIRT_SITE_BAD + 1] = { 0 };
	enum paravirt_site_form form;
	bool native = !paravirt_enabled() && !paravirt_patch_disabled;

	start = __start_paravirt_bundles;
	end = __stop_paravirt_bundles;
	KUNIT_EXPECT_GT(test, paravirt_patch_nr_sites, 0UL);
	KUNIT_EXPECT_EQ(test, paravirt_patch_nr_sites,
			(unsigned long)(end - start));
	for (p = start; p < end; p++) {
		form = paravirt_patch_site_form(p);
		n[form]++;
		if (native ? form != PARAVIRT_SITE_NATIVE :
		    paravirt_patch_disabled ? form != PARAVIRT_SITE_CALL :
		    form != PARAVIRT_SITE_CALL && form != PARAVIRT_SITE_REPLACED)
			KUNIT_FAIL(test, "site %pS type %#lx: form %d",
				   p->sbundle, p->type, form);
	}
	KUNIT_EXPECT_EQ(test, n[PARAVIRT_SITE_BAD], 0UL);
	KUNIT_EXPECT_EQ(test, paravirt_patch_nr_patched,
			native ? 0UL : (unsigned long)(end - start));
	kunit_info(test, "%lu sites: %lu native, %lu calling pv_cpu_ops, %lu replaced\n",
		   (unsigned long)(end - start), n[PARAVIRT_SITE_NATIVE],
		   n[PARAVIRT_SITE_CALL], n[PARAVIRT_SITE_REPLACED]);
}

/*
 * A function whose sites the next cases patch back and forth: what it
 * returns must not depend on the form its sites are in.
 */
struct pv_probe {
	unsigned long psr_i, rr7, iva, thash, cpuid3, tpr;
};

static noinline void pv_probe_run(struct pv_probe *r)
{
	unsigned long flags;

	local_irq_save(flags);
	r->psr_i = ia64_getreg(_IA64_REG_PSR) & IA64_PSR_I;
	r->tpr = ia64_getreg(_IA64_REG_CR_TPR);
	ia64_setreg(_IA64_REG_CR_TPR, r->tpr);
	ia64_srlz_d();
	local_irq_restore(flags);
	r->rr7 = ia64_get_rr(7UL << 61);
	r->iva = ia64_getreg(_IA64_REG_CR_IVA);
	r->thash = ia64_thash(0xa000000100000000UL);
	r->cpuid3 = ia64_get_cpuid(3);
}

#define PROBE_MAX_SITES	16
#define PROBE_SITE_MAX	(16 * 16)

struct pv_probe_sites {
	struct paravirt_patch_site_bundle *site[PROBE_MAX_SITES];
	u8 save[PROBE_MAX_SITES][PROBE_SITE_MAX];
	unsigned int n;
};

/*
 * The sites inside pv_probe_run(), found through kallsyms and saved, and
 * what pv_probe_run() gives with its sites as compiled.
 */
static struct pv_probe_sites *pv_probe_prepare(struct kunit *test,
					       struct pv_probe *native)
{
	unsigned long ip = (unsigned long)dereference_function_descriptor(pv_probe_run);
	unsigned long size, offset;
	struct paravirt_patch_site_bundle *p;
	struct pv_probe_sites *s;

	if (paravirt_enabled() || paravirt_patch_disabled)
		kunit_skip(test, "the sites were patched at boot");
	if (!kallsyms_lookup_size_offset(ip, &size, &offset))
		kunit_skip(test, "no kallsyms: cannot find pv_probe_run's sites");
	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	for (p = __start_paravirt_bundles; p < __stop_paravirt_bundles; p++) {
		if ((unsigned long)p->sbundle < ip ||
		    (unsigned long)p->sbundle >= ip + size)
			continue;
		KUNIT_ASSERT_LT(test, s->n, PROBE_MAX_SITES);
		KUNIT_ASSERT_LE(test, p->ebundle - p->sbundle, (long)PROBE_SITE_MAX);
		KUNIT_ASSERT_EQ(test, paravirt_patch_site_form(p), PARAVIRT_SITE_NATIVE);
		memcpy(s->save[s->n], p->sbundle, p->ebundle - p->sbundle);
		s->site[s->n++] = p;
	}
	/* irq save (2), psr, tpr (2), irq restore, rr, iva, thash, cpuid */
	KUNIT_ASSERT_GE(test, s->n, 10U);
	pv_probe_run(native);
	return s;
}

static void pv_probe_restore(struct pv_probe_sites *s)
{
	struct paravirt_patch_site_bundle *p;
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		p = s->site[i];
		memcpy(p->sbundle, s->save[i], p->ebundle - p->sbundle);
		paravirt_patch_flush(p->sbundle, p->ebundle);
	}
}

static void pv_probe_expect(struct kunit *test, const struct pv_probe *a,
			    const struct pv_probe *b)
{
	KUNIT_EXPECT_EQ(test, a->psr_i, 0UL);
	KUNIT_EXPECT_EQ(test, b->psr_i, 0UL);
	KUNIT_EXPECT_EQ(test, a->rr7, b->rr7);
	KUNIT_EXPECT_EQ(test, a->iva, b->iva);
	KUNIT_EXPECT_EQ(test, a->thash, b->thash);
	KUNIT_EXPECT_EQ(test, a->cpuid3, b->cpuid3);
	KUNIT_EXPECT_EQ(test, a->tpr, b->tpr);
}

/* The stubs, natively: patch pv_probe_run() to call pv_cpu_ops. */
static void pv_call_form(struct kunit *test)
{
	struct pv_probe_sites *s;
	struct pv_probe native, call;
	unsigned int i;

	s = pv_probe_prepare(test, &native);
	for (i = 0; i < s->n; i++) {
		paravirt_patch_site_call(s->site[i]);
		paravirt_patch_flush(s->site[i]->sbundle, s->site[i]->ebundle);
		KUNIT_EXPECT_EQ(test, paravirt_patch_site_form(s->site[i]),
				PARAVIRT_SITE_CALL);
	}
	pv_probe_run(&call);
	pv_probe_restore(s);
	pv_probe_expect(test, &native, &call);
	for (i = 0; i < s->n; i++)
		KUNIT_EXPECT_EQ(test, paravirt_patch_site_form(s->site[i]),
				PARAVIRT_SITE_NATIVE);
}

/*
 * A replacement for thash sites only, one bundle: r8 = r8 + 1.  It shows
 * that the patcher hands the argument over in r8 and takes the result
 * back from r8, whatever registers gcc chose at the site.
 */
static const u64 pv_kunit_inc_r8[2] = {
	/* { .mii; adds r8 = 1, r8; nop.i 0; nop.i 0;; } */
	0x0000210010044001UL, 0x0004000000000200UL,
};

static unsigned long pv_fake_patch_bundle(void *sbundle, void *ebundle,
					  unsigned long type)
{
	if (type != PARAVIRT_PATCH_TYPE_THASH || ebundle - sbundle < 16)
		return 0;
	memcpy(sbundle, pv_kunit_inc_r8, 16);
	return 16;
}

static void pv_replace(struct kunit *test)
{
	unsigned long (*saved)(void *sbundle, void *ebundle, unsigned long type);
	struct pv_probe_sites *s;
	struct pv_probe native, replaced;
	unsigned int i, n = 0;

	s = pv_probe_prepare(test, &native);
	saved = pv_init_ops.patch_bundle;
	pv_init_ops.patch_bundle = pv_fake_patch_bundle;
	for (i = 0; i < s->n; i++) {
		if (!paravirt_patch_site_replace(s->site[i]))
			continue;
		paravirt_patch_flush(s->site[i]->sbundle, s->site[i]->ebundle);
		KUNIT_EXPECT_EQ(test, paravirt_patch_site_form(s->site[i]),
				PARAVIRT_SITE_REPLACED);
		n++;
	}
	pv_init_ops.patch_bundle = saved;
	pv_probe_run(&replaced);
	pv_probe_restore(s);
	KUNIT_EXPECT_EQ(test, n, 1U);
	KUNIT_EXPECT_EQ(test, replaced.thash, 0xa000000100000001UL);
	replaced.thash = native.thash;
	pv_probe_expect(test, &native, &replaced);
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
	KUNIT_CASE(pv_sites_patched),
	KUNIT_CASE(pv_call_form),
	KUNIT_CASE(pv_replace),
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
