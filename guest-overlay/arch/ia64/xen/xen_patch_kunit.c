// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ia64-xen-patch: the sequences Xen's patch_bundle hook
 * writes over the pv_cpu_ops call sites, checked without a hypervisor.
 *
 * Nothing here executes a Xen sequence (a hyperprivop on bare hardware
 * is an ordinary break fault); the templates are decoded instead.  Each
 * must fit the room of a site, be whole bundles of the few kinds used
 * (MII, MMI, with or without the mid-bundle stop) ending in a stop,
 * issue only hyperprivops, and write no register outside the call-site
 * convention: r2, r3, r8-r11, r14, r15, r17, p6 and p7.  Every
 * instruction form the templates use is decoded; anything else fails,
 * so a new form has to be taught to the decoder first.
 */

#include <kunit/test.h>
#include <linux/string.h>

#include <asm/ia64regs.h>
#include <asm/paravirt.h>
#include <asm/paravirt_entry.h>
#include <asm/paravirt_patch.h>
#include <asm/xen/privop.h>
#include <asm/xen/pv_ops.h>

#define BUNDLE		16
#define SLOT_BITS	41
#define SLOT_MASK	((1UL << SLOT_BITS) - 1)
#define FIELD(insn, pos, len)	(((insn) >> (pos)) & ((1UL << (len)) - 1))

/* Registers a site's callee may write (asm/paravirt_privop.h). */
static bool gr_allowed(unsigned int r)
{
	return r == 2 || r == 3 || (r >= 8 && r <= 11) || r == 14 ||
	       r == 15 || r == 17;
}

static bool pr_allowed(unsigned int p)
{
	return p == 0 || p == 6 || p == 7;
}

static u64 bundle_slot(const u64 *b, unsigned int i)
{
	switch (i) {
	case 0:
		return (b[0] >> 5) & SLOT_MASK;
	case 1:
		return ((b[0] >> 46) | (b[1] << 18)) & SLOT_MASK;
	default:
		return b[1] >> 23;
	}
}

/* Units of the bundle templates the Xen sequences may use, or NULL. */
static const char *bundle_units(unsigned int tmpl)
{
	switch (tmpl >> 1) {
	case 0x00 >> 1:
	case 0x02 >> 1:
		return "MII";
	case 0x08 >> 1:
	case 0x0a >> 1:
		return "MMI";
	default:
		return NULL;
	}
}

struct decoded {
	int gr[2];		/* general registers written, -1 for none */
	int pr[2];		/* predicates written, -1 for none */
	long brk;		/* break immediate, -1 if not a break */
	bool known;
};

/* The A-unit forms, allowed in M and I slots. */
static void decode_alu(u64 insn, struct decoded *d)
{
	unsigned int op = FIELD(insn, 37, 4);

	switch (op) {
	case 0x8:		/* add, sub, shladd, ... (x2a 0), adds (x2a 2) */
		if (FIELD(insn, 33, 1) ||
		    (FIELD(insn, 34, 2) != 0 && FIELD(insn, 34, 2) != 2))
			return;
		d->gr[0] = FIELD(insn, 6, 7);
		d->known = true;
		return;
	case 0x9:		/* addl */
		d->gr[0] = FIELD(insn, 6, 7);
		d->known = true;
		return;
	case 0xc:
	case 0xd:
	case 0xe:		/* compares: p1, p2 */
		d->pr[0] = FIELD(insn, 6, 6);
		d->pr[1] = FIELD(insn, 27, 6);
		d->known = true;
		return;
	}
}

static void decode(u64 insn, char unit, struct decoded *d)
{
	unsigned int op = FIELD(insn, 37, 4);
	unsigned int x6 = FIELD(insn, 30, 6);

	d->gr[0] = -1;
	d->gr[1] = -1;
	d->pr[0] = -1;
	d->pr[1] = -1;
	d->brk = -1;
	d->known = false;

	/* break and nop: bits 27-35 are 0 (break) or 1 (nop) in M and I. */
	if (op == 0) {
		if (FIELD(insn, 27, 9) == 0)
			d->brk = FIELD(insn, 6, 20) | (FIELD(insn, 36, 1) << 20);
		d->known = FIELD(insn, 27, 9) <= 1;
		return;
	}
	if (op >= 0x8) {
		decode_alu(insn, d);
		return;
	}
	if (unit != 'M')
		return;
	switch (op) {
	case 0x1:		/* mov from ar (x6 0x22) or cr (x6 0x24) */
		if (FIELD(insn, 33, 3) == 0 &&
		    (FIELD(insn, 27, 6) == 0x22 || FIELD(insn, 27, 6) == 0x24)) {
			d->gr[0] = FIELD(insn, 6, 7);
			d->known = true;
		}
		return;
	case 0x4:		/* ld/st [r3], no update (m = x = 0) */
		if (FIELD(insn, 36, 1) || FIELD(insn, 27, 1))
			return;
		if (x6 < 0x30)
			d->gr[0] = FIELD(insn, 6, 7);
		d->known = x6 < 0x3c;
		return;
	case 0x5:		/* ld/st [r3], imm: r3 is updated too */
		if (x6 < 0x30)
			d->gr[0] = FIELD(insn, 6, 7);
		d->gr[1] = FIELD(insn, 20, 7);
		d->known = x6 < 0x3c;
		return;
	}
}

static void check_template(struct kunit *test, const struct xen_patch_template *t)
{
	const u64 *b;
	unsigned int n = 0, s, i;
	struct decoded d;
	const char *units;

	for (b = t->start; (const void *)b < t->end; b += 2, n++) {
		units = bundle_units(b[0] & 0x1f);
		KUNIT_EXPECT_NOT_NULL_MSG(test, units,
					  "type %#lx bundle %u: template %#llx",
					  t->type, n, b[0] & 0x1f);
		if (!units)
			continue;
		for (s = 0; s < 3; s++) {
			u64 insn = bundle_slot(b, s);

			decode(insn, units[s], &d);
			KUNIT_EXPECT_TRUE_MSG(test, d.known,
					      "type %#lx bundle %u slot %u: %#llx",
					      t->type, n, s, insn);
			KUNIT_EXPECT_TRUE_MSG(test, pr_allowed(FIELD(insn, 0, 6)),
					      "type %#lx bundle %u slot %u: qp",
					      t->type, n, s);
			for (i = 0; i < 2; i++) {
				KUNIT_EXPECT_TRUE_MSG(test, d.gr[i] < 0 ||
						      gr_allowed(d.gr[i]),
						      "type %#lx bundle %u slot %u writes r%d",
						      t->type, n, s, d.gr[i]);
				KUNIT_EXPECT_TRUE_MSG(test, d.pr[i] < 0 ||
						      pr_allowed(d.pr[i]),
						      "type %#lx bundle %u slot %u writes p%d",
						      t->type, n, s, d.pr[i]);
			}
			if (d.brk >= 0)
				KUNIT_EXPECT_TRUE_MSG(test, d.brk >= HYPERPRIVOP_START &&
						      d.brk <= HYPERPRIVOP_MAX,
						      "type %#lx: break %#lx",
						      t->type, d.brk);
		}
	}
	/* Odd templates end in a stop. */
	KUNIT_EXPECT_TRUE_MSG(test, n && (b[-2] & 1),
			      "type %#lx: no stop at the end", t->type);
}

/* The decoder itself flags what it must: a bad register, break or form. */
static void xen_patch_decoder(struct kunit *test)
{
	/* adds r16 = 0, r9: writes the stub's saved gp */
	const u64 adds_r16 = (0x8UL << 37) | (2UL << 34) | (9UL << 20) | (16UL << 6);
	/* adds r8 = 0, r9: allowed */
	const u64 adds_r8 = (0x8UL << 37) | (2UL << 34) | (9UL << 20) | (8UL << 6);
	/* break.m 0x1000: a hypercall, not a hyperprivop */
	const u64 brk = 0x1000UL << 6;
	/* cmp.eq p8, p0 = r3, r0: a predicate outside p6/p7 */
	const u64 cmp_p8 = (0xcUL << 37) | (3UL << 13) | (8UL << 6);
	/* major opcode 7 of the M unit (fetchadd and others): not decoded */
	const u64 other = 0x7UL << 37;
	struct decoded d;

	decode(adds_r16, 'M', &d);
	KUNIT_EXPECT_TRUE(test, d.known);
	KUNIT_EXPECT_FALSE(test, gr_allowed(d.gr[0]));
	decode(adds_r8, 'I', &d);
	KUNIT_EXPECT_TRUE(test, d.known && gr_allowed(d.gr[0]));
	decode(brk, 'M', &d);
	KUNIT_EXPECT_EQ(test, d.brk, 0x1000L);
	decode(cmp_p8, 'I', &d);
	KUNIT_EXPECT_TRUE(test, d.known);
	KUNIT_EXPECT_FALSE(test, pr_allowed(d.pr[0]));
	decode(other, 'M', &d);
	KUNIT_EXPECT_FALSE(test, d.known);
}

/* Every template: sorted, whole bundles, fits a site, decodes cleanly. */
static void xen_patch_templates_valid(struct kunit *test)
{
	const struct xen_patch_template *t;
	unsigned long len, prev = 0, nr = 0;

	for (t = xen_patch_templates; t->start; t++, nr++) {
		len = t->end - t->start;
		KUNIT_EXPECT_GT_MSG(test, t->type, prev, "table not sorted");
		prev = t->type;
		KUNIT_EXPECT_EQ(test, (unsigned long)t->start % BUNDLE, 0UL);
		KUNIT_EXPECT_EQ(test, len % BUNDLE, 0UL);
		KUNIT_EXPECT_GT(test, len, 0UL);
		KUNIT_EXPECT_LE_MSG(test, len, XEN_PATCH_ROOM_BUNDLES * BUNDLE,
				    "type %#lx", t->type);
		KUNIT_EXPECT_PTR_EQ(test, xen_patch_find(t->type), t);
		check_template(test, t);
	}
	KUNIT_EXPECT_GT(test, nr, 0UL);
}

/* The hot operations have a sequence; the ones left to trap have none. */
static void xen_patch_types(struct kunit *test)
{
	static const unsigned long present[] = {
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
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_TPR,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_ITM,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_IFA,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_KR0,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_KR7,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_ITM,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_TPR,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_EOI,
	};
	static const unsigned long absent[] = {
		0, PARAVIRT_PATCH_TYPE_INTRIN_LOCAL_IRQ_RESTORE + 1,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_DCR,
		PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_IFS,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_ITC,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_IVA,
		0x30000000, ~0UL,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(present); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, xen_patch_find(present[i]),
					  "type %#lx", present[i]);
	for (i = 0; i < ARRAY_SIZE(absent); i++)
		KUNIT_EXPECT_NULL_MSG(test, xen_patch_find(absent[i]),
				      "type %#lx", absent[i]);
}

/*
 * The generic patcher offers a replacement 5 to 7 bundles, depending on
 * the site (asm/paravirt_privop.h): try every room up to one more.
 */
#define ROOM_BUNDLES	8
#define SCRATCH_BUNDLES	(ROOM_BUNDLES + 2)
#define POISON		0xa5

/*
 * Patch a scratch buffer with every room from nothing to a whole site:
 * the template is copied when it fits and nothing is written past the
 * room; it is refused (0, nothing written) when it does not.
 */
static void xen_patch_scratch(struct kunit *test)
{
	static const unsigned long unknown[] = {
		0, 13, PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_LID,
		PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_ITC,
	};
	const struct xen_patch_template *t;
	unsigned long len, room, ret, i;
	u8 *buf;

	buf = kunit_kzalloc(test, SCRATCH_BUNDLES * BUNDLE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (t = xen_patch_templates; t->start; t++) {
		len = t->end - t->start;
		for (room = 0; room <= ROOM_BUNDLES * BUNDLE; room += BUNDLE) {
			memset(buf, POISON, SCRATCH_BUNDLES * BUNDLE);
			ret = xen_pv_patch_bundle(buf, buf + room, t->type);
			KUNIT_EXPECT_EQ_MSG(test, ret, len <= room ? len : 0,
					    "type %#lx room %lu", t->type, room);
			if (ret)
				KUNIT_EXPECT_EQ(test, memcmp(buf, t->start, len), 0);
			for (i = ret; i < SCRATCH_BUNDLES * BUNDLE; i++)
				if (buf[i] != POISON)
					break;
			KUNIT_EXPECT_EQ_MSG(test, i, SCRATCH_BUNDLES * BUNDLE,
					    "type %#lx room %lu: byte %lu written",
					    t->type, room, i);
		}
	}
	for (i = 0; i < ARRAY_SIZE(unknown); i++) {
		memset(buf, POISON, SCRATCH_BUNDLES * BUNDLE);
		KUNIT_EXPECT_EQ(test, xen_pv_patch_bundle(buf, buf + 5 * BUNDLE,
							  unknown[i]), 0UL);
		KUNIT_EXPECT_NULL(test, memchr_inv(buf, POISON,
						   SCRATCH_BUNDLES * BUNDLE));
	}
}

/* The first word of an ia64 function descriptor is the entry point. */
static const void *entry_of(const void *fdesc)
{
	return (const void *)*(const unsigned long *)fdesc;
}

/*
 * The Xen tables name the Xen code, and an operation with a template
 * runs that very template when its site is not patched.
 */
static void xen_patch_tables(struct kunit *test)
{
	static const struct {
		unsigned long type;
		size_t offset;
	} ops[] = {
		{ PARAVIRT_PATCH_TYPE_FC, offsetof(struct pv_cpu_ops, fc) },
		{ PARAVIRT_PATCH_TYPE_THASH, offsetof(struct pv_cpu_ops, thash) },
		{ PARAVIRT_PATCH_TYPE_PTCGA, offsetof(struct pv_cpu_ops, ptcga) },
		{ PARAVIRT_PATCH_TYPE_SET_RR0_TO_RR4,
		  offsetof(struct pv_cpu_ops, set_rr0_to_rr4) },
		{ PARAVIRT_PATCH_TYPE_SSM_I, offsetof(struct pv_cpu_ops, ssm_i) },
		{ PARAVIRT_PATCH_TYPE_RSM_I, offsetof(struct pv_cpu_ops, rsm_i) },
		{ PARAVIRT_PATCH_TYPE_GET_PSR_I,
		  offsetof(struct pv_cpu_ops, get_psr_i) },
		{ PARAVIRT_PATCH_TYPE_INTRIN_LOCAL_IRQ_RESTORE,
		  offsetof(struct pv_cpu_ops, intrin_local_irq_restore) },
	};
	void * const *slot = (void * const *)&xen_cpu_ops;
	unsigned int i;

	for (i = 0; i < sizeof(xen_cpu_ops) / sizeof(void *); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, slot[i], "xen_cpu_ops #%u", i);
	KUNIT_EXPECT_PTR_NE(test, (void *)xen_cpu_ops.getreg,
			    (void *)paravirt_native_getreg);
	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		const void *fn = *(void * const *)((const char *)&xen_cpu_ops +
						   ops[i].offset);
		const struct xen_patch_template *t = xen_patch_find(ops[i].type);

		KUNIT_ASSERT_NOT_NULL(test, t);
		KUNIT_EXPECT_PTR_EQ_MSG(test, entry_of(fn), t->start,
					"type %#lx", ops[i].type);
	}

	KUNIT_EXPECT_PTR_EQ(test, (void *)xen_cpu_asm_switch.switch_to,
			    (void *)xen_switch_to);
	KUNIT_EXPECT_EQ(test, xen_cpu_asm_switch.ret_from_clone,
			(unsigned long)xen_ret_from_clone);
	KUNIT_EXPECT_EQ(test, xen_cpu_asm_switch.leave_kernel,
			(unsigned long)xen_leave_kernel);
	KUNIT_EXPECT_EQ(test, xen_cpu_asm_switch.strace_leave_kernel,
			(unsigned long)xen_strace_leave_kernel);
	KUNIT_EXPECT_NE(test, xen_cpu_asm_switch.leave_kernel,
			(unsigned long)ia64_leave_kernel);
	KUNIT_EXPECT_PTR_NE(test, (void *)xen_cpu_asm_switch.switch_to,
			    (void *)ia64_switch_to);
}

static struct kunit_case xen_patch_test_cases[] = {
	KUNIT_CASE(xen_patch_decoder),
	KUNIT_CASE(xen_patch_templates_valid),
	KUNIT_CASE(xen_patch_types),
	KUNIT_CASE(xen_patch_scratch),
	KUNIT_CASE(xen_patch_tables),
	{}
};

static struct kunit_suite xen_patch_test_suite = {
	.name = "ia64-xen-patch",
	.test_cases = xen_patch_test_cases,
};

kunit_test_suite(xen_patch_test_suite);
