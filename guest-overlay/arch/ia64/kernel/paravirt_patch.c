// SPDX-License-Identifier: GPL-2.0
/*
 * Binary patching of the pv_cpu_ops call sites (asm/paravirt_patch.h).
 *
 * Each site recorded in .paravirt_bundles starts with the native
 * instructions, which branch over the stub that ends the site.  On bare
 * hardware nothing is patched: the native kernel pays for a site only
 * the bundle it sits in.  Under a hypervisor, once at boot, early in
 * setup_arch(), and for a module before its code runs, every site is
 * overwritten with the hypervisor's instructions when
 * pv_init_ops.patch_bundle supplies them, or else made to fall into its
 * stub, which calls the hypervisor's pv_cpu_ops entry.  The boot option
 * noreplace-paravirt makes every site call through pv_cpu_ops, natively
 * too, which is how the stubs are exercised on bare hardware.
 */

#include <linux/bug.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include <asm/intrinsics.h>
#include <asm/paravirt.h>
#include <asm/paravirt_patch.h>
#include <asm/patch.h>

#define BUNDLE_SIZE	16
#define STUB_SIZE	(PARAVIRT_STUB_BUNDLES * BUNDLE_SIZE)

/* Bundle templates (bit 0, the final stop, masked off). */
#define TEMPLATE_MASK	0x1e
#define TEMPLATE_MLX	0x04
#define TEMPLATE_MIB	0x10

/* Instruction slots: 41 bits each, after the 5-bit template. */
#define SLOT_BITS	41
#define SLOT_MASK	((1UL << SLOT_BITS) - 1)

/* br.cond (B1) in slot 2: imm20b at bits 13-32 of the slot, sign at 36. */
#define BR_IMM20B_SHIFT	13
#define BR_IMM20B_MASK	(0xfffffUL << BR_IMM20B_SHIFT)
#define BR_SIGN_SHIFT	36

/*
 * Stub bundles that hold the moves between gcc's registers and the
 * stub's (asm/paravirt_privop.h), and the slots they are in.
 */
#define STUB_MOVIN0	0
#define STUB_MOVIN1	2
#define STUB_MOVOUT	5

bool paravirt_patch_disabled;

/* Sites of vmlinux: how many, and how many were changed. */
unsigned long paravirt_patch_nr_sites;
unsigned long paravirt_patch_nr_patched;

static int __init noreplace_paravirt_setup(char *s)
{
	paravirt_patch_disabled = true;
	return 0;
}
early_param("noreplace-paravirt", noreplace_paravirt_setup);

static u64 slot_get(const u64 *b, unsigned int n)
{
	switch (n) {
	case 0:
		return (b[0] >> 5) & SLOT_MASK;
	case 1:
		return (b[0] >> 46) | ((b[1] & ((1UL << 23) - 1)) << 18);
	default:
		return b[1] >> 23;
	}
}

/* A slot of a bundle copy: the kernel's own slot patcher (asm/patch.h). */
static void slot_set(u64 *b, unsigned int n, u64 insn)
{
	ia64_patch((u64)b + n, SLOT_MASK, insn);
}

static unsigned int template_of(const u64 *b)
{
	return b[0] & TEMPLATE_MASK;
}

/* Target of the ip-relative br.cond in slot 2 of the bundle at @b. */
static const void *branch_target(const u64 *b)
{
	u64 insn = slot_get(b, 2);
	long disp = (insn & BR_IMM20B_MASK) >> BR_IMM20B_SHIFT;

	if (insn & (1UL << BR_SIGN_SHIFT))
		disp -= 1L << 20;
	return (const void *)b + disp * BUNDLE_SIZE;
}

/* @b is a copy being built: @at is where the bundle will be. */
static void set_branch(u64 *b, const void *at, const void *target)
{
	long disp = (target - at) / BUNDLE_SIZE;

	ia64_patch((u64)b + 2, BR_IMM20B_MASK | (1UL << BR_SIGN_SHIFT),
		   (disp & 0xfffff) << BR_IMM20B_SHIFT |
		   (u64)(disp < 0) << BR_SIGN_SHIFT);
}

/* Sites are bundle-aligned: bundles are stored as two 64-bit words. */
static void put_bundle(void *to, const u64 *b)
{
	u64 *d = to;

	d[0] = b[0];
	d[1] = b[1];
}

static bool bundle_equal(const void *at, const u64 *b)
{
	const u64 *s = at;

	return s[0] == b[0] && s[1] == b[1];
}

/*
 * Fill [from, to) so that execution gets from @from to @to: a nop bundle
 * when that is all the room, else a bundle that jumps to @to, then nop
 * bundles that are never reached.
 */
void paravirt_patch_pad(void *from, void *to)
{
	u64 b[2] __aligned(16);

	if (to - from > BUNDLE_SIZE) {
		memcpy(b, paravirt_native_skip_bundle, sizeof(b));
		set_branch(b, from, to);
		put_bundle(from, b);
		from += BUNDLE_SIZE;
	}
	for (; from < to; from += BUNDLE_SIZE)
		put_bundle(from, paravirt_native_nop_bundle);
}

static void *site_stub(const struct paravirt_patch_site_bundle *p)
{
	return p->ebundle - STUB_SIZE;
}

static bool stub_intact(const u64 *stub)
{
	return template_of(stub) == TEMPLATE_MLX &&
	       bundle_equal(stub + 2, paravirt_native_stub[0]) &&
	       bundle_equal(stub + 6, paravirt_native_stub[1]) &&
	       bundle_equal(stub + 8, paravirt_native_stub[2]);
}

/*
 * Native: the stub is intact and the last native bundle still branches
 * to the end of the site.  Call form: the first bundle is the padding
 * paravirt_patch_pad() writes.  A replacement overwrites the stub.
 */
enum paravirt_site_form paravirt_patch_site_form(const struct paravirt_patch_site_bundle *p)
{
	void *stub = site_stub(p);
	const u64 *last = stub - BUNDLE_SIZE;

	if ((unsigned long)p->sbundle % BUNDLE_SIZE ||
	    (unsigned long)p->ebundle % BUNDLE_SIZE || stub <= p->sbundle)
		return PARAVIRT_SITE_BAD;
	if (!stub_intact(stub))
		return PARAVIRT_SITE_REPLACED;
	if (stub - p->sbundle == BUNDLE_SIZE ?
	    bundle_equal(p->sbundle, paravirt_native_nop_bundle) :
	    template_of(p->sbundle) == TEMPLATE_MIB &&
	    branch_target(p->sbundle) == stub)
		return PARAVIRT_SITE_CALL;
	if (template_of(last) == TEMPLATE_MIB && branch_target(last) == p->ebundle)
		return PARAVIRT_SITE_NATIVE;
	return PARAVIRT_SITE_REPLACED;
}

/* Let the site fall into its stub.  The caller flushes. */
void paravirt_patch_site_call(const struct paravirt_patch_site_bundle *p)
{
	paravirt_patch_pad(p->sbundle, site_stub(p));
}

/*
 * Overwrite the site with the hypervisor's instructions, which take
 * their arguments in r8/r9 and leave the result in r8 like a pv_cpu_ops
 * entry.  They are framed by the site's own moves, taken from the stub:
 * a bundle with the argument moves (when there are arguments), the
 * hypervisor's bundles, and a bundle with the result move that jumps to
 * the end of the site.  The moves are A-unit instructions, which encode
 * alike in M and I slots.  Returns the size of the hypervisor's part, 0
 * when it has none for this site (then nothing was written).  The caller
 * flushes.
 */
unsigned long paravirt_patch_site_replace(const struct paravirt_patch_site_bundle *p)
{
	const u64 *stub = site_stub(p);
	u64 nop = slot_get(paravirt_native_nop_bundle, 0);
	u64 in0, in1, out, b[2] __aligned(16);
	void *seq = p->sbundle, *tail;
	unsigned long used;

	if (!pv_init_ops.patch_bundle)
		return 0;
	/* Read the moves first: the replacement overwrites the stub. */
	in0 = slot_get(stub + 2 * STUB_MOVIN0, 0);
	in1 = slot_get(stub + 2 * STUB_MOVIN1, 1);
	out = slot_get(stub + 2 * STUB_MOVOUT, 1);
	if (in0 != nop || in1 != nop)
		seq += BUNDLE_SIZE;
	used = pv_init_ops.patch_bundle(seq, p->ebundle - BUNDLE_SIZE, p->type);
	if (!used)
		return 0;
	if (WARN_ONCE(used % BUNDLE_SIZE || used > p->ebundle - BUNDLE_SIZE - seq,
		      "paravirt: patch_bundle wrote %lu bytes at %pS\n",
		      used, p->sbundle))
		return used;
	if (seq != p->sbundle) {
		memcpy(b, paravirt_native_nop_bundle, sizeof(b));
		slot_set(b, 0, in0);
		slot_set(b, 1, in1);
		put_bundle(p->sbundle, b);
	}
	tail = seq + used;
	memcpy(b, paravirt_native_skip_bundle, sizeof(b));
	slot_set(b, 0, out);
	set_branch(b, tail, p->ebundle);
	put_bundle(tail, b);
	for (tail += BUNDLE_SIZE; tail < p->ebundle; tail += BUNDLE_SIZE)
		put_bundle(tail, paravirt_native_nop_bundle);
	return used;
}

static void paravirt_patch_fc(void *start, void *end)
{
	for (; start < end; start += BUNDLE_SIZE)
		asm volatile ("fc.i %0" :: "r" (start) : "memory");
}

/*
 * flush_icache_range() is not usable this early: fc.i on the bundles
 * written, then sync.i and srlz.i make them visible to instruction fetch.
 */
void paravirt_patch_flush(void *start, void *end)
{
	paravirt_patch_fc(start, end);
	ia64_sync_i();
	ia64_srlz_i();
}

/* Returns the number of sites changed. */
static unsigned long paravirt_patch_sites(struct paravirt_patch_site_bundle *start,
					  struct paravirt_patch_site_bundle *end)
{
	struct paravirt_patch_site_bundle *p;
	unsigned long done = 0;

	for (p = start; p < end; p++) {
		if (paravirt_patch_site_form(p) != PARAVIRT_SITE_NATIVE) {
			pr_warn_once("paravirt: site %pS type %#lx is not native\n",
				     p->sbundle, p->type);
			continue;
		}
		if (paravirt_patch_disabled || !paravirt_patch_site_replace(p))
			paravirt_patch_site_call(p);
		paravirt_patch_fc(p->sbundle, p->ebundle);
		done++;
	}
	/* Nothing runs the patched code in between: one sync for all. */
	if (done) {
		ia64_sync_i();
		ia64_srlz_i();
	}
	return done;
}

/* Bare hardware runs the sites as compiled, unless told to call. */
static bool paravirt_patch_needed(void)
{
	return paravirt_enabled() || paravirt_patch_disabled;
}

void paravirt_patch_apply_bundles(struct paravirt_patch_site_bundle *start,
				  struct paravirt_patch_site_bundle *end)
{
	if (paravirt_patch_needed())
		paravirt_patch_sites(start, end);
}

void __init paravirt_patch_apply(void)
{
	unsigned long t0 = ia64_native_getreg(_IA64_REG_AR_ITC);

	paravirt_patch_nr_sites = __stop_paravirt_bundles -
				  __start_paravirt_bundles;
	if (!paravirt_patch_needed()) {
		pr_info("paravirt: %lu call sites run their native code\n",
			paravirt_patch_nr_sites);
		return;
	}
	paravirt_patch_nr_patched = paravirt_patch_sites(__start_paravirt_bundles,
							 __stop_paravirt_bundles);
	pr_info("paravirt: patched %lu of %lu call sites%s in %lu cycles\n",
		paravirt_patch_nr_patched, paravirt_patch_nr_sites,
		paravirt_patch_disabled ? " to call pv_cpu_ops" : "",
		(unsigned long)ia64_native_getreg(_IA64_REG_AR_ITC) - t0);
}

/* From module_finalize(): the module's sites, before its code runs. */
void paravirt_patch_module(const struct elf64_hdr *hdr,
			   const struct elf64_shdr *sechdrs)
{
	const char *secstrings;
	unsigned int i;

	secstrings = (void *)hdr + sechdrs[hdr->e_shstrndx].sh_offset;
	for (i = 1; i < hdr->e_shnum; i++) {
		void *start = (void *)sechdrs[i].sh_addr;

		if (strcmp(secstrings + sechdrs[i].sh_name, ".paravirt_bundles"))
			continue;
		paravirt_patch_apply_bundles(start, start + sechdrs[i].sh_size);
	}
}
