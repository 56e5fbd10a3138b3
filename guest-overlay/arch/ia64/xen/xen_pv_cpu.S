/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Xen/ia64 pv_cpu_ops, and the sequences that Xen's patch_bundle
 * writes over the call sites.
 *
 * Above privilege level 0 the privileged instructions trap and are
 * emulated, and a few sensitive ones (fc, thash, reads of cpuid and pmd)
 * quietly misbehave instead.  The entries here use what Xen offers
 * instead: hyperprivops ("break" with an immediate in 0x01..0x1a,
 * argument and result in r8, second argument in r9) and plain loads and
 * stores to the mapped registers at XSI_BASE (asm/xen/privop.h).  The
 * virtual psr.i is the inverted upcall mask byte that XSI_PSR_I_ADDR
 * points at; unmasking looks at the pending byte just before it and, if
 * an event is waiting, asks Xen to deliver it with SSM_I.
 *
 * The convention is that of the call-site stubs (asm/paravirt_privop.h):
 * arguments in r8, r9, r10, r11, r14, the result in r8, entered by
 * br.cond with the return address in b6; only r2, r3, r8-r11, r14, r15,
 * r17, b7, p6 and p7 may change (r16 holds the caller's gp), and nothing
 * touches the register stack.
 *
 * Every operation that can be written in a few bundles is a template:
 * whole bundles ending in a stop, with no branch, using only the
 * registers above, so that xen_pv_patch_bundle() can copy it over a call
 * site where it simply falls through to what follows.  The entry point
 * of the operation is the same template followed by a bundle that
 * returns through b6, so an unpatched site runs exactly the instructions
 * a patched one holds.  asm/xen/inst.S is not used: its macros are meant
 * for the entry code, keep r8/r9 alive around each hyperprivop and put
 * stops around everything, where the sites have r8 free and a few
 * bundles of room.
 *
 * What has no cheaper form is left to trap and be emulated: getreg and
 * setreg hand every register they do not know to the native entries,
 * whose privileged instruction Xen emulates.
 */

#include <asm/asmmacro.h>
#include <asm/ia64regs.h>
#include <asm/kregs.h>
#include <asm/paravirt_patch.h>
#include <asm/xen/privop.h>

/* A control register's number in the CR space (cr.dcr is 0). */
#define CR(reg)		(_IA64_REG_CR_##reg - _IA64_REG_CR_DCR)

/*
 * Interruption registers that Xen keeps in mapped_regs, by CR number:
 * Xen writes them when it reflects an interruption and reads the ones
 * the guest may set when it returns (HYPERPRIVOP_RFI) or inserts a
 * translation (ifa, itir).  Reads of cr.iipa and cr.ifs, and writes of
 * cr.isr, cr.iipa and cr.iim, trap instead: Xen only guarantees the
 * mapped copies listed here.
 */
#define XSI_READ_CRS	((1 << CR(IPSR)) | (1 << CR(ISR)) | (1 << CR(IIP)) | \
			 (1 << CR(IFA)) | (1 << CR(ITIR)) | (1 << CR(IIM)) | \
			 (1 << CR(IHA)))
#define XSI_WRITE_CRS	((1 << CR(IPSR)) | (1 << CR(IIP)) | (1 << CR(IFA)) | \
			 (1 << CR(ITIR)) | (1 << CR(IFS)) | (1 << CR(IHA)))

	.text

/*
 * Start a template of the given type and number of bundles: a table
 * entry {type, start, end} in .rodata.xen_patch_templates and the label
 * of its first bundle.  The templates are emitted in ascending type
 * order, which xen_pv_patch_bundle()'s binary search relies on.  The
 * bundles that follow are not one instruction stream with what precedes
 * them, hence the .serialize directives for the assembler's dependency
 * check.
 */
	.macro	xen_template type, nbundles, name
	.section .rodata.xen_patch_templates, "a"
	data8	\type, 1f, 1f + 16 * \nbundles
	.previous
	.align	16
	.serialize.data
	.serialize.instruction
	.ifnb	\name
\name:
	.endif
1:
	.endm

/* Back to the call site: ends every template used as an entry point. */
	.macro	xen_return
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.endm

/* The one-bundle hyperprivop: the arguments are in place already. */
	.macro	xen_hpo type, hpo, name
	xen_template \type, 1, \name
	{ .mii
	break.m \hpo
	nop.i 0
	nop.i 0
	;;
	}
	xen_return
	.endm

/* A template that is also a pv_cpu_ops entry point. */
	.macro	xen_entry_hpo name, type, hpo
	.global	\name
	.proc	\name
	xen_hpo	\type, \hpo, \name
	.endp	\name
	.endm

/* The section's table starts here; a zero entry ends it. */
	.section .rodata.xen_patch_templates, "a"
	.align	8
	.global	xen_patch_templates
xen_patch_templates:
	.previous

	xen_entry_hpo xen_pv_fc, PARAVIRT_PATCH_TYPE_FC, HYPERPRIVOP_FC
	xen_entry_hpo xen_pv_thash, PARAVIRT_PATCH_TYPE_THASH, HYPERPRIVOP_THASH
	xen_entry_hpo xen_pv_get_cpuid, PARAVIRT_PATCH_TYPE_GET_CPUID, \
		HYPERPRIVOP_GET_CPUID
	xen_entry_hpo xen_pv_get_pmd, PARAVIRT_PATCH_TYPE_GET_PMD, \
		HYPERPRIVOP_GET_PMD
	/* r9 is (log2 size) << 2 already: tlb.c passes the ptc.ga operand. */
	xen_entry_hpo xen_pv_ptcga, PARAVIRT_PATCH_TYPE_PTCGA, HYPERPRIVOP_PTC_GA
	/* r8 is an address in the region, as for mov rr[]. */
	xen_entry_hpo xen_pv_get_rr, PARAVIRT_PATCH_TYPE_GET_RR, HYPERPRIVOP_GET_RR
	xen_entry_hpo xen_pv_set_rr, PARAVIRT_PATCH_TYPE_SET_RR, HYPERPRIVOP_SET_RR
	/* rr0..rr4 in r8, r9, r10, r11, r14: the stub's argument registers. */
	xen_entry_hpo xen_pv_set_rr0_to_rr4, PARAVIRT_PATCH_TYPE_SET_RR0_TO_RR4, \
		HYPERPRIVOP_SET_RR0_TO_RR4

/*
 * psr.i on: clear the mask byte, then check the pending byte before it.
 * Events for this vCPU are raised by the CPU it runs on, so the store
 * and the load need no fence between them.
 */
GLOBAL_ENTRY(xen_pv_ssm_i)
	xen_template PARAVIRT_PATCH_TYPE_SSM_I, 3
	{ .mmi
	addl r2 = XSI_PSR_I_ADDR, r0
	;;
	ld8 r2 = [r2]
	nop.i 0
	;;
	}
	{ .mmi
	st1 [r2] = r0, -1
	;;
	ld1 r3 = [r2]
	nop.i 0
	;;
	}
	{ .mmi
	cmp.ne p6, p0 = r3, r0
	;;
(p6)	break.m HYPERPRIVOP_SSM_I
	nop.i 0
	;;
	}
	xen_return
END(xen_pv_ssm_i)

/* psr.i off: set the mask byte. */
GLOBAL_ENTRY(xen_pv_rsm_i)
	xen_template PARAVIRT_PATCH_TYPE_RSM_I, 2
	{ .mmi
	addl r2 = XSI_PSR_I_ADDR, r0
	;;
	ld8 r2 = [r2]
	mov r3 = 1
	;;
	}
	{ .mii
	st1 [r2] = r3
	nop.i 0
	nop.i 0
	;;
	}
	xen_return
END(xen_pv_rsm_i)

/* psr & IA64_PSR_I, as the native entry returns it. */
GLOBAL_ENTRY(xen_pv_get_psr_i)
	xen_template PARAVIRT_PATCH_TYPE_GET_PSR_I, 3
	{ .mmi
	addl r2 = XSI_PSR_I_ADDR, r0
	;;
	ld8 r2 = [r2]
	mov r8 = r0
	;;
	}
	{ .mmi
	ld1 r3 = [r2]
	;;
	cmp.eq p6, p0 = r3, r0
	nop.i 0
	;;
	}
	{ .mii
(p6)	addl r8 = 1 << IA64_PSR_I_BIT, r0
	nop.i 0
	nop.i 0
	;;
	}
	xen_return
END(xen_pv_get_psr_i)

/* r8 = the psr.i bit to restore: mask, or unmask as xen_pv_ssm_i does. */
GLOBAL_ENTRY(xen_pv_intrin_local_irq_restore)
	xen_template PARAVIRT_PATCH_TYPE_INTRIN_LOCAL_IRQ_RESTORE, 4
	{ .mii
	addl r2 = XSI_PSR_I_ADDR, r0
	cmp.ne p6, p7 = r8, r0
	mov r3 = 1
	;;
	}
	{ .mmi
	ld8 r2 = [r2]
	;;
(p7)	st1 [r2] = r3
	nop.i 0
	;;
	}
	{ .mmi
(p6)	st1 [r2] = r0, -1
	;;
(p6)	ld1 r3 = [r2]
	nop.i 0
	;;
	}
	{ .mmi
(p6)	cmp.ne.unc p7, p0 = r3, r0
	;;
(p7)	break.m HYPERPRIVOP_SSM_I
	nop.i 0
	;;
	}
	xen_return
END(xen_pv_intrin_local_irq_restore)

/*
 * getreg.  psr, cr.ivr and cr.tpr have hyperprivops.  The guest's ITC is
 * the machine's plus XSI_ITC_OFFSET (which Xen changes when the domain
 * is restored or migrated); Xen also keeps the last value handed out in
 * XSI_ITC_LAST for a cmpxchg loop that would make it monotonic across
 * vCPUs, but that needs ar.ccv, which the sites may not clobber.  cr.itm
 * is read by trapping (Xen has no hyperprivop for it) and holds a
 * machine time, see setreg below.  The other control registers (dcr,
 * iva, pta, lid, irr, itv, pmv, cmcv, lrr) trap as well: Xen has no
 * hyperprivop for them and does not promise that a mapped copy is
 * current, and none of them is read on a hot path.
 */
	xen_hpo	PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_PSR, HYPERPRIVOP_GET_PSR, \
		.Lgetreg_psr

/* The guest's view of a time register: the machine's plus itc_offset. */
	.macro	xen_getreg_time type, label, reg:vararg
	xen_template \type, 2, \label
	{ .mmi
	addl r2 = XSI_ITC_OFFSET, r0
	mov r8 = \reg
	nop.i 0
	;;
	}
	{ .mmi
	ld8 r2 = [r2]
	;;
	add r8 = r8, r2
	nop.i 0
	;;
	}
	xen_return
	.endm

	xen_getreg_time PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_AR_ITC, .Lgetreg_itc, ar.itc
	/* mov r8 = cr.itm traps: emulated by Xen */
	xen_getreg_time PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_ITM, .Lgetreg_itm, cr.itm

/* The register numbers and addresses come from cpp: no .irp here. */
	.macro	xen_getreg_xsi type, addr
	xen_template \type, 1
	{ .mmi
	addl r8 = \addr, r0
	;;
	ld8 r8 = [r8]
	nop.i 0
	;;
	}
	.endm

#define XEN_GETREG_XSI(reg)						\
	xen_getreg_xsi PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_##reg, XSI_##reg

	XEN_GETREG_XSI(IPSR)
	XEN_GETREG_XSI(ISR)
	XEN_GETREG_XSI(IIP)
	XEN_GETREG_XSI(IFA)
	XEN_GETREG_XSI(ITIR)
	XEN_GETREG_XSI(IIM)
	XEN_GETREG_XSI(IHA)

	xen_hpo	PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_IVR, HYPERPRIVOP_GET_IVR, \
		.Lgetreg_ivr
	xen_hpo	PARAVIRT_PATCH_TYPE_GETREG + _IA64_REG_CR_TPR, HYPERPRIVOP_GET_TPR, \
		.Lgetreg_tpr

/*
 * setreg: r8 = the register, r9 = the value.  The kernel registers, the
 * tpr, the eoi and the itm have hyperprivops; SET_ITM takes a machine
 * time, so the guest's ITC offset comes off first.  The interruption
 * registers Xen reads back are stores to XSI.  ar.itc and the remaining
 * control registers trap and are emulated (a write to ar.itc makes Xen
 * recompute XSI_ITC_OFFSET).
 */
	.macro	xen_setreg_kr n
	xen_template PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_AR_KR0 + \n, 1
	{ .mmi
	mov r8 = \n
	;;
	break.m HYPERPRIVOP_SET_KR
	nop.i 0
	;;
	}
	.endm

	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7
	xen_setreg_kr \n
	.endr

	xen_template PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_ITM, 2, .Lsetreg_itm
	{ .mmi
	addl r2 = XSI_ITC_OFFSET, r0
	;;
	ld8 r2 = [r2]
	nop.i 0
	;;
	}
	{ .mmi
	sub r8 = r9, r2
	;;
	break.m HYPERPRIVOP_SET_ITM
	nop.i 0
	;;
	}
	xen_return

	.macro	xen_setreg_xsi type, addr
	xen_template \type, 1
	{ .mmi
	addl r2 = \addr, r0
	;;
	st8 [r2] = r9
	nop.i 0
	;;
	}
	.endm

#define XEN_SETREG_XSI(reg)						\
	xen_setreg_xsi PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_##reg, XSI_##reg

	XEN_SETREG_XSI(IPSR)
	XEN_SETREG_XSI(IIP)
	XEN_SETREG_XSI(IFA)
	XEN_SETREG_XSI(ITIR)
	XEN_SETREG_XSI(IFS)
	XEN_SETREG_XSI(IHA)

	xen_template PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_TPR, 1, .Lsetreg_tpr
	{ .mmi
	mov r8 = r9
	;;
	break.m HYPERPRIVOP_SET_TPR
	nop.i 0
	;;
	}
	xen_return

	/* The value written to cr.eoi does not matter. */
	xen_hpo	PARAVIRT_PATCH_TYPE_SETREG + _IA64_REG_CR_EOI, HYPERPRIVOP_EOI, \
		.Lsetreg_eoi

	.section .rodata.xen_patch_templates, "a"
	data8	0, 0, 0
	.previous

/*
 * The getreg and setreg entries get the register number at run time
 * (an unpatched site): pick the template above, read or write XSI for
 * the interruption registers, and hand the rest to the native entry,
 * whose instruction traps.
 */
GLOBAL_ENTRY(xen_pv_getreg)
	adds r2 = -_IA64_REG_CR_DCR, r8
	adds r3 = -_IA64_REG_PSR, r8
	adds r17 = -_IA64_REG_AR_ITC, r8
	;;
	cmp.eq p6, p0 = r3, r0
	cmp.eq p7, p0 = r17, r0
	;;
(p6)	br.cond.sptk.few .Lgetreg_psr
(p7)	br.cond.sptk.few .Lgetreg_itc
	;;
	cmp.eq p6, p0 = CR(IVR), r2
	cmp.eq p7, p0 = CR(TPR), r2
	;;
(p6)	br.cond.sptk.few .Lgetreg_ivr
(p7)	br.cond.sptk.few .Lgetreg_tpr
	;;
	cmp.eq p6, p0 = CR(ITM), r2
	movl r3 = XSI_READ_CRS
	;;
(p6)	br.cond.sptk.few .Lgetreg_itm
	shr.u r3 = r3, r2		// 0 unless r2 is 0..63 and listed
	;;
	tbit.nz p6, p0 = r3, 0
	addl r3 = XSI_DCR, r0
	;;
(p6)	shladd r3 = r2, 3, r3
	;;
(p6)	ld8 r8 = [r3]
(p6)	br.cond.sptk.many b6
	;;
	movl r17 = paravirt_native_getreg
	;;
	mov b7 = r17
	;;
	br.cond.sptk.many b7
	;;
END(xen_pv_getreg)

GLOBAL_ENTRY(xen_pv_setreg)
	adds r2 = -_IA64_REG_CR_DCR, r8
	adds r3 = -_IA64_REG_AR_KR0, r8
	;;
	cmp.ltu p0, p7 = 7, r3		// p7: ar.k0-ar.k7
	cmp.eq p6, p0 = CR(TPR), r2
	;;
(p7)	mov r8 = r3
(p6)	br.cond.sptk.few .Lsetreg_tpr
	;;
(p7)	break.m HYPERPRIVOP_SET_KR
	;;
(p7)	br.cond.sptk.many b6
	;;
	cmp.eq p6, p0 = CR(EOI), r2
	cmp.eq p7, p0 = CR(ITM), r2
	;;
(p6)	br.cond.sptk.few .Lsetreg_eoi
(p7)	br.cond.sptk.few .Lsetreg_itm
	movl r3 = XSI_WRITE_CRS
	;;
	shr.u r3 = r3, r2		// 0 unless r2 is 0..63 and listed
	;;
	tbit.nz p6, p0 = r3, 0
	addl r3 = XSI_DCR, r0
	;;
(p6)	shladd r3 = r2, 3, r3
	;;
(p6)	st8 [r3] = r9
(p6)	br.cond.sptk.many b6
	;;
	movl r17 = paravirt_native_setreg
	;;
	mov b7 = r17
	;;
	br.cond.sptk.many b7
	;;
END(xen_pv_setreg)
