/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Native pv_cpu_ops for the call-site convention of asm/paravirt_privop.h,
 * and the bundles the patcher writes and recognises.
 *
 * The entry points are reached from a call-site stub: arguments in r8,
 * r9, r10, r11, r14, result in r8, return address in b6.  They may only
 * touch r2, r3, r8-r11, r14, r15, r17, b7, p6 and p7, and never the
 * register stack (no alloc, no br.call), so that the stub can sit in any
 * function, a leaf without a frame included.  The stub itself keeps the
 * caller's gp in r16.
 *
 * getreg and setreg get the register number at run time and dispatch
 * through tables of one bundle per register.  That is only the path of
 * a site patched to call through pv_cpu_ops: as compiled, a site holds
 * the instruction itself.
 */

#include <asm/asmmacro.h>
#include <asm/ia64regs.h>
#include <asm/kregs.h>
#include <asm/paravirt_patch.h>

/* Control registers cr0..cr81 that exist, for reading and for writing. */
#define CR_READABLE(n)	((n) <= 2 || (n) == 8 ||			\
			 ((n) >= 16 && (n) <= 25 && (n) != 18) ||	\
			 ((n) >= 64 && (n) <= 74) || (n) >= 80)
#define CR_WRITABLE(n)	(CR_READABLE(n) && (n) != 65 &&		\
			 ((n) < 68 || (n) > 71))
#define CR_NUMBERS	0, 1, 2, 3, 4, 5, 6, 7, 8, 9,			\
			10, 11, 12, 13, 14, 15, 16, 17, 18, 19,		\
			20, 21, 22, 23, 24, 25, 26, 27, 28, 29,		\
			30, 31, 32, 33, 34, 35, 36, 37, 38, 39,		\
			40, 41, 42, 43, 44, 45, 46, 47, 48, 49,		\
			50, 51, 52, 53, 54, 55, 56, 57, 58, 59,		\
			60, 61, 62, 63, 64, 65, 66, 67, 68, 69,		\
			70, 71, 72, 73, 74, 75, 76, 77, 78, 79,		\
			80, 81
#define CR_LAST		81
/* ar.k0-ar.k7 and ar.itc (ar44) are the application registers routed. */
#define AR_NUMBERS	0, 1, 2, 3, 4, 5, 6, 7, 8, 9,			\
			10, 11, 12, 13, 14, 15, 16, 17, 18, 19,		\
			20, 21, 22, 23, 24, 25, 26, 27, 28, 29,		\
			30, 31, 32, 33, 34, 35, 36, 37, 38, 39,		\
			40, 41, 42, 43, 44
#define AR_LAST		44
#define AR_WRITABLE(n)	((n) <= 7 || (n) == 44)

	.text

GLOBAL_ENTRY(paravirt_native_fc)
	fc r8
	br.cond.sptk.many b6
	;;
END(paravirt_native_fc)

GLOBAL_ENTRY(paravirt_native_thash)
	thash r8 = r8
	br.cond.sptk.many b6
	;;
END(paravirt_native_thash)

GLOBAL_ENTRY(paravirt_native_get_cpuid)
	mov r8 = cpuid[r8]
	br.cond.sptk.many b6
	;;
END(paravirt_native_get_cpuid)

GLOBAL_ENTRY(paravirt_native_get_pmd)
	mov r8 = pmd[r8]
	br.cond.sptk.many b6
	;;
END(paravirt_native_get_pmd)

GLOBAL_ENTRY(paravirt_native_ptcga)
	ptc.ga r8, r9
	;;
	br.cond.sptk.many b6
	;;
END(paravirt_native_ptcga)

GLOBAL_ENTRY(paravirt_native_get_rr)
	mov r8 = rr[r8]
	br.cond.sptk.many b6
	;;
END(paravirt_native_get_rr)

GLOBAL_ENTRY(paravirt_native_set_rr)
	mov rr[r8] = r9
	br.cond.sptk.many b6
	;;
END(paravirt_native_set_rr)

GLOBAL_ENTRY(paravirt_native_set_rr0_to_rr4)
	mov rr[r0] = r8
	dep.z r2 = 1, 61, 3
	dep.z r3 = 2, 61, 3
	;;
	mov rr[r2] = r9
	dep.z r15 = 3, 61, 3
	dep.z r17 = 4, 61, 3
	;;
	mov rr[r3] = r10
	;;
	mov rr[r15] = r11
	;;
	mov rr[r17] = r14
	br.cond.sptk.many b6
	;;
END(paravirt_native_set_rr0_to_rr4)

GLOBAL_ENTRY(paravirt_native_ssm_i)
	ssm psr.i
	br.cond.sptk.many b6
	;;
END(paravirt_native_ssm_i)

GLOBAL_ENTRY(paravirt_native_rsm_i)
	rsm psr.i
	br.cond.sptk.many b6
	;;
END(paravirt_native_rsm_i)

GLOBAL_ENTRY(paravirt_native_get_psr_i)
	mov r8 = psr
	dep.z r2 = 1, IA64_PSR_I_BIT, 1
	;;
	and r8 = r8, r2
	br.cond.sptk.many b6
	;;
END(paravirt_native_get_psr_i)

GLOBAL_ENTRY(paravirt_native_intrin_local_irq_restore)
	cmp.ne p6, p7 = r8, r0
	;;
(p6)	ssm psr.i
(p7)	rsm psr.i
	;;
(p6)	srlz.d
	br.cond.sptk.many b6
	;;
END(paravirt_native_intrin_local_irq_restore)

/*
 * r8 = _IA64_REG_*: psr, ar.itc or a control register (the ones that
 * paravirt_getreg_is_routed() lets through).
 */
GLOBAL_ENTRY(paravirt_native_getreg)
	adds r2 = -_IA64_REG_CR_DCR, r8
	adds r3 = -_IA64_REG_AR_ITC, r8
	movl r17 = paravirt_native_getreg_cr
	;;
	cmp.ltu p6, p0 = CR_LAST, r2		// not a control register
	cmp.eq p7, p0 = r0, r3			// ar.itc
	shladd r17 = r2, 4, r17
	;;
	mov b7 = r17
(p7)	mov r8 = ar.itc
(p7)	br.cond.sptk.many b6
	;;
(p6)	mov r8 = psr
(p6)	br.cond.sptk.many b6
	br.cond.sptk.many b7
	;;
END(paravirt_native_getreg)

/* r8 = _IA64_REG_*: ar.itc, ar.k0-ar.k7 or a control register; r9 = value */
GLOBAL_ENTRY(paravirt_native_setreg)
	adds r2 = -_IA64_REG_CR_DCR, r8
	adds r3 = -_IA64_REG_AR_KR0, r8
	movl r17 = paravirt_native_setreg_cr
	;;
	cmp.ltu p6, p0 = CR_LAST, r2		// not a control register
	shladd r17 = r2, 4, r17
	movl r15 = paravirt_native_setreg_ar
	;;
(p6)	cmp.ltu.unc p7, p0 = AR_LAST, r3	// nor an ar.kN/ar.itc
(p6)	shladd r17 = r3, 4, r15
	;;
	mov b7 = r17
(p7)	br.cond.spnt.many b6
	;;
	br.cond.sptk.many b7
	;;
END(paravirt_native_setreg)

/*
 * One bundle per register number; the others return 0 or do nothing.
 * The entries and the bundles below are not one instruction stream:
 * .serialize.* keep the assembler's dependency check from pairing the
 * side effects of one entry (a read of cr.ivr) with the next.
 */
	.macro	getcr n
	.serialize.data
	.serialize.instruction
	.if	CR_READABLE(\n)
	{ .mib
	mov r8 = cr\n
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.else
	{ .mib
	mov r8 = r0
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.endif
	.endm

	.macro	setcr n
	.serialize.data
	.serialize.instruction
	.if	CR_WRITABLE(\n)
	{ .mib
	mov cr\n = r9
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.else
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.endif
	.endm

	.macro	setar n
	.if	AR_WRITABLE(\n)
	{ .mib
	mov ar\n = r9
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.else
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.many b6
	;;
	}
	.endif
	.endm

	.align 16
paravirt_native_getreg_cr:
	.irp	n, CR_NUMBERS
	getcr	\n
	.endr

paravirt_native_setreg_cr:
	.irp	n, CR_NUMBERS
	setcr	\n
	.endr

paravirt_native_setreg_ar:
	.irp	n, AR_NUMBERS
	setar	\n
	.endr

/* Padding of a patched site: a nop bundle, or a jump to the site's end. */
	.align 16
	.global paravirt_native_nop_bundle
paravirt_native_nop_bundle:
	{ .mii
	nop.m 0
	nop.i 0
	nop.i 0
	;;
	}
	.global paravirt_native_skip_bundle
paravirt_native_skip_bundle:
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.few paravirt_native_site_end	// set per site
	;;
	}
paravirt_native_site_end:

/*
 * The bundles of the call stub that are the same at every site (the
 * second, fourth and fifth of PARAVIRT_STUB in asm/paravirt_privop.h):
 * how the patcher recognises a site whose stub is intact.
 */
	.align 16
	.global paravirt_native_stub
paravirt_native_stub:
	{ .mii
	ld8 r2 = [r2]
	mov r3 = ip
	mov r16 = gp
	;;
	}
	{ .mii
	ld8 gp = [r2]
	mov b7 = r17
	mov b6 = r3
	;;
	}
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.many b7
	;;
	}
