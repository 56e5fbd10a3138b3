/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Binary patching of the pv_cpu_ops call sites.
 *
 * Every privileged intrinsic of C code is compiled as a site (see
 * PARAVIRT_SITE in asm/paravirt_privop.h): the native instructions,
 * which branch over a stub of PARAVIRT_STUB_BUNDLES bundles that calls
 * its pv_cpu_ops entry.  The sites are recorded in .paravirt_bundles.
 * Bare hardware runs them as they are.  Under a hypervisor,
 * paravirt_patch_apply() overwrites each site at boot (and at module
 * load) with the hypervisor's own instructions, from
 * pv_init_ops.patch_bundle, or else lets it fall into the stub.
 */
#ifndef _ASM_IA64_PARAVIRT_PATCH_H
#define _ASM_IA64_PARAVIRT_PATCH_H

/* Size of the call stub that ends every site. */
#define PARAVIRT_STUB_BUNDLES		6

/* Site types (the .paravirt_bundles "type" word). */
#define PARAVIRT_PATCH_TYPE_FC				1
#define PARAVIRT_PATCH_TYPE_THASH			2
#define PARAVIRT_PATCH_TYPE_GET_CPUID			3
#define PARAVIRT_PATCH_TYPE_GET_PMD			4
#define PARAVIRT_PATCH_TYPE_PTCGA			5
#define PARAVIRT_PATCH_TYPE_GET_RR			6
#define PARAVIRT_PATCH_TYPE_SET_RR			7
#define PARAVIRT_PATCH_TYPE_SET_RR0_TO_RR4		8
#define PARAVIRT_PATCH_TYPE_SSM_I			9
#define PARAVIRT_PATCH_TYPE_RSM_I			10
#define PARAVIRT_PATCH_TYPE_GET_PSR_I			11
#define PARAVIRT_PATCH_TYPE_INTRIN_LOCAL_IRQ_RESTORE	12
/* getreg/setreg: plus the _IA64_REG_* number of the register. */
#define PARAVIRT_PATCH_TYPE_GETREG			0x10000000
#define PARAVIRT_PATCH_TYPE_SETREG			0x20000000

#ifndef __ASSEMBLY__

#include <linux/types.h>

struct elf64_hdr;
struct elf64_shdr;

/* One entry of .paravirt_bundles: the site is [sbundle, ebundle). */
struct paravirt_patch_site_bundle {
	void *sbundle;
	void *ebundle;
	unsigned long type;
};

/* Bundles of padding (u64 words: copied with aligned 8-byte accesses). */
extern const u64 paravirt_native_nop_bundle[2];
extern const u64 paravirt_native_skip_bundle[2];
/* The stub bundles that do not depend on the site: 2nd, 4th and 5th. */
extern const u64 paravirt_native_stub[3][2];

extern struct paravirt_patch_site_bundle __start_paravirt_bundles[];
extern struct paravirt_patch_site_bundle __stop_paravirt_bundles[];

/*
 * Entry points of the native pv_cpu_ops, with the stub's convention
 * (not callable from C).  Prototypes as the table's members.
 */
void paravirt_native_fc(unsigned long addr);
unsigned long paravirt_native_thash(unsigned long addr);
unsigned long paravirt_native_get_cpuid(int index);
unsigned long paravirt_native_get_pmd(int index);
unsigned long paravirt_native_getreg(int reg);
void paravirt_native_setreg(int reg, unsigned long val);
void paravirt_native_ptcga(unsigned long addr, unsigned long size);
unsigned long paravirt_native_get_rr(unsigned long index);
void paravirt_native_set_rr(unsigned long index, unsigned long val);
void paravirt_native_set_rr0_to_rr4(unsigned long val0, unsigned long val1,
				    unsigned long val2, unsigned long val3,
				    unsigned long val4);
void paravirt_native_ssm_i(void);
void paravirt_native_rsm_i(void);
unsigned long paravirt_native_get_psr_i(void);
void paravirt_native_intrin_local_irq_restore(unsigned long flags);

/* What a site holds: see paravirt_patch_site_form(). */
enum paravirt_site_form {
	PARAVIRT_SITE_NATIVE,		/* as compiled */
	PARAVIRT_SITE_CALL,		/* falls into its stub */
	PARAVIRT_SITE_REPLACED,		/* something else: a hypervisor's */
	PARAVIRT_SITE_BAD,		/* not a site at all */
};

enum paravirt_site_form paravirt_patch_site_form(const struct paravirt_patch_site_bundle *p);
void paravirt_patch_site_call(const struct paravirt_patch_site_bundle *p);
unsigned long paravirt_patch_site_replace(const struct paravirt_patch_site_bundle *p);
void paravirt_patch_pad(void *from, void *to);
void paravirt_patch_flush(void *start, void *end);
void paravirt_patch_apply_bundles(struct paravirt_patch_site_bundle *start,
				  struct paravirt_patch_site_bundle *end);
void paravirt_patch_apply(void);
void paravirt_patch_module(const struct elf64_hdr *hdr,
			   const struct elf64_shdr *sechdrs);

/* Set by the boot option noreplace-paravirt. */
extern bool paravirt_patch_disabled;
/* Sites of vmlinux, and how many paravirt_patch_apply() changed. */
extern unsigned long paravirt_patch_nr_sites;
extern unsigned long paravirt_patch_nr_patched;

#endif /* !__ASSEMBLY__ */
#endif /* _ASM_IA64_PARAVIRT_PATCH_H */
