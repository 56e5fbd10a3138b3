// SPDX-License-Identifier: GPL-2.0
/*
 * Binary patching of the pv_cpu_ops call sites (asm/paravirt_patch.h).
 *
 * Each site recorded in .paravirt_bundles is a stub that calls through
 * pv_cpu_ops.  Once at boot, early in setup_arch(), and for a module
 * before its code runs, every site is overwritten with the instructions
 * themselves: the hypervisor's sequence if pv_init_ops.patch_bundle
 * supplies one, the native template of paravirt_native.S otherwise.  The
 * rest of the site is skipped by a branch, which retires fewer slots than
 * running through nop bundles.  With noreplace-paravirt the stubs stay in
 * place and keep calling through the table.
 */

#include <linux/elf.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include <asm/intrinsics.h>
#include <asm/paravirt.h>
#include <asm/paravirt_patch.h>

#define BUNDLE_SIZE	16
/* br.cond in slot 2: imm20b is bits 36-55 of the bundle's upper word. */
#define BR_IMM20B_SHIFT	36
#define BR_IMM20B_MASK	(0xfffffUL << BR_IMM20B_SHIFT)
#define TEMPLATE_MIB	0x10

bool paravirt_patch_disabled;

/* Sites of vmlinux: how many, and how many got replaced. */
unsigned long paravirt_patch_nr_sites;
unsigned long paravirt_patch_nr_patched;

static int __init noreplace_paravirt_setup(char *s)
{
	paravirt_patch_disabled = true;
	return 0;
}
early_param("noreplace-paravirt", noreplace_paravirt_setup);

/*
 * Thousands of sites, about a hundred templates: look them up through a
 * small open-addressing hash, filled on first use (at boot, one CPU).
 */
#define TEMPLATE_HASH_SIZE	256
static const struct paravirt_patch_template *template_hash[TEMPLATE_HASH_SIZE];
static bool template_hash_ready;

static unsigned int template_slot(unsigned long type)
{
	return (type + (type >> 28) * 97) % TEMPLATE_HASH_SIZE;
}

static void template_hash_fill(void)
{
	const struct paravirt_patch_template *t;
	unsigned int i;

	for (t = paravirt_native_templates; t->start; t++) {
		for (i = template_slot(t->type); template_hash[i];
		     i = (i + 1) % TEMPLATE_HASH_SIZE)
			;
		template_hash[i] = t;
	}
	template_hash_ready = true;
}

const struct paravirt_patch_template *paravirt_patch_find_native(unsigned long type)
{
	unsigned int i;

	if (!template_hash_ready)
		template_hash_fill();
	for (i = template_slot(type); template_hash[i];
	     i = (i + 1) % TEMPLATE_HASH_SIZE)
		if (template_hash[i]->type == type)
			return template_hash[i];
	return NULL;
}

/* Sites and templates are bundle-aligned: copy them as 64-bit words. */
static void copy_bundles(void *to, const void *from, unsigned long len)
{
	u64 *d = to;
	const u64 *s = from;

	for (; len; len -= 8)
		*d++ = *s++;
}

static void set_branch(void *bundle, void *target)
{
	u64 *b = bundle;
	unsigned long n = (target - bundle) / BUNDLE_SIZE;

	b[1] = (b[1] & ~BR_IMM20B_MASK) | (n << BR_IMM20B_SHIFT);
}

/*
 * Fill [from, to) after a replacement that does not end in a branch:
 * one bundle that jumps to @to, then nop bundles that are never reached
 * (a single bundle of room just gets a nop bundle).
 */
void paravirt_patch_pad(void *from, void *to)
{
	if (to - from > BUNDLE_SIZE) {
		copy_bundles(from, paravirt_native_skip_bundle, BUNDLE_SIZE);
		set_branch(from, to);
		from += BUNDLE_SIZE;
	}
	for (; from < to; from += BUNDLE_SIZE)
		copy_bundles(from, paravirt_native_nop_bundle, BUNDLE_SIZE);
}

/*
 * Write the native replacement of a site of the given type over
 * [sbundle, ebundle): the template, its final branch (if it has one,
 * an .mib bundle) pointed at the end of the site, nop bundles for the
 * rest.  Returns the template's size, 0 if there is none that fits.
 */
unsigned long paravirt_patch_bundle_native(void *sbundle, void *ebundle,
					   unsigned long type)
{
	const struct paravirt_patch_template *t;
	unsigned long len;
	u8 *last;

	t = paravirt_patch_find_native(type);
	if (!t)
		return 0;
	len = t->end - t->start;
	if (!len || len > ebundle - sbundle)
		return 0;
	copy_bundles(sbundle, t->start, len);
	last = sbundle + len - BUNDLE_SIZE;
	if ((*last & 0x1e) == TEMPLATE_MIB) {
		set_branch(last, ebundle);
		for (last += BUNDLE_SIZE; (void *)last < ebundle; last += BUNDLE_SIZE)
			copy_bundles(last, paravirt_native_nop_bundle, BUNDLE_SIZE);
	} else {
		paravirt_patch_pad(sbundle + len, ebundle);
	}
	return len;
}

/*
 * flush_icache_range() is not usable this early: fc.i on every bundle
 * written, then (once for all the sites, in paravirt_patch_sites()) one
 * sync.i and srlz.i make the new instructions visible to instruction
 * fetch.  Nothing runs the patched code in between.
 */
static void paravirt_patch_fc(void *start, void *end)
{
	for (; start < end; start += BUNDLE_SIZE)
		asm volatile ("fc.i %0" :: "r" (start) : "memory");
}

/* Returns the number of sites replaced. */
static unsigned long paravirt_patch_sites(struct paravirt_patch_site_bundle *start,
					  struct paravirt_patch_site_bundle *end)
{
	struct paravirt_patch_site_bundle *p;
	unsigned long used, done = 0;

	for (p = start; p < end; p++) {
		used = 0;
		if (pv_init_ops.patch_bundle)
			used = pv_init_ops.patch_bundle(p->sbundle, p->ebundle,
							p->type);
		if (used)
			paravirt_patch_pad(p->sbundle + used, p->ebundle);
		else
			used = paravirt_patch_bundle_native(p->sbundle,
							    p->ebundle, p->type);
		if (!used)
			continue;
		paravirt_patch_fc(p->sbundle, p->ebundle);
		done++;
	}
	if (done) {
		ia64_sync_i();
		ia64_srlz_i();
	}
	return done;
}

void paravirt_patch_apply_bundles(struct paravirt_patch_site_bundle *start,
				  struct paravirt_patch_site_bundle *end)
{
	if (!paravirt_patch_disabled)
		paravirt_patch_sites(start, end);
}

void __init paravirt_patch_apply(void)
{
	unsigned long t0 = ia64_native_getreg(_IA64_REG_AR_ITC);

	paravirt_patch_nr_sites = __stop_paravirt_bundles -
				  __start_paravirt_bundles;
	if (paravirt_patch_disabled) {
		pr_info("paravirt: %lu call sites left unpatched (noreplace-paravirt)\n",
			paravirt_patch_nr_sites);
		return;
	}
	paravirt_patch_nr_patched = paravirt_patch_sites(__start_paravirt_bundles,
							 __stop_paravirt_bundles);
	pr_info("paravirt: patched %lu of %lu call sites in %lu cycles\n",
		paravirt_patch_nr_patched, paravirt_patch_nr_sites,
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
