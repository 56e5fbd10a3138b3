/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Xen/ia64 hyperprivops and the mapped-register (XSI) area.
 *
 * A Xen/ia64 guest kernel does not run at privilege level 0, so its
 * privileged instructions trap and are emulated by the hypervisor.  The
 * frequent ones have cheaper replacements:
 *
 *  - hyperprivops: "break imm" with imm in 0x01..0x1a, issued at the
 *    guest kernel's privilege level.  r8 carries the first argument and
 *    the result, r9 the second (SET_RR0_TO_RR4 also uses r10, r11, r14).
 *    ITC_D, ITC_I and ITR_D take ifa and itir from XSI_IFA/XSI_ITIR.
 *
 *  - plain loads and stores to the per-vCPU mapped registers (struct
 *    mapped_regs, the low 4 KB of a VT-i virtual processor descriptor),
 *    which the hypervisor pins at a fixed region-7 address after the
 *    guest has chosen it with FW_HYPERCALL_SET_SHARED_INFO_VA.  XSI_BASE
 *    is 1 MB below the top of the address space so that every XSI_*
 *    address fits the signed 22-bit immediate of addl, and assembly can
 *    form it with "addl rN = XSI_xxx, r0".
 *
 * The virtual psr.i is not in mapped_regs: it is the inverted, one-byte
 * evtchn_upcall_mask of the vCPU's vcpu_info in shared_info, whose
 * address is stored at XSI_PSR_I_ADDR.  The byte just before it is
 * evtchn_upcall_pending.
 *
 * Usable from C and from assembly.
 */
#ifndef _ASM_IA64_XEN_PRIVOP_H
#define _ASM_IA64_XEN_PRIVOP_H

#include <linux/const.h>

/* Hyperprivop numbers: the immediate of the break instruction. */
#define HYPERPRIVOP_START		0x1
#define HYPERPRIVOP_RFI			(HYPERPRIVOP_START + 0x0)
#define HYPERPRIVOP_RSM_DT		(HYPERPRIVOP_START + 0x1)
#define HYPERPRIVOP_SSM_DT		(HYPERPRIVOP_START + 0x2)
#define HYPERPRIVOP_COVER		(HYPERPRIVOP_START + 0x3)
#define HYPERPRIVOP_ITC_D		(HYPERPRIVOP_START + 0x4)
#define HYPERPRIVOP_ITC_I		(HYPERPRIVOP_START + 0x5)
#define HYPERPRIVOP_SSM_I		(HYPERPRIVOP_START + 0x6)
#define HYPERPRIVOP_GET_IVR		(HYPERPRIVOP_START + 0x7)
#define HYPERPRIVOP_GET_TPR		(HYPERPRIVOP_START + 0x8)
#define HYPERPRIVOP_SET_TPR		(HYPERPRIVOP_START + 0x9)
#define HYPERPRIVOP_EOI			(HYPERPRIVOP_START + 0xa)
#define HYPERPRIVOP_SET_ITM		(HYPERPRIVOP_START + 0xb)
#define HYPERPRIVOP_THASH		(HYPERPRIVOP_START + 0xc)
#define HYPERPRIVOP_PTC_GA		(HYPERPRIVOP_START + 0xd)
#define HYPERPRIVOP_ITR_D		(HYPERPRIVOP_START + 0xe)
#define HYPERPRIVOP_GET_RR		(HYPERPRIVOP_START + 0xf)
#define HYPERPRIVOP_SET_RR		(HYPERPRIVOP_START + 0x10)
#define HYPERPRIVOP_SET_KR		(HYPERPRIVOP_START + 0x11)
#define HYPERPRIVOP_FC			(HYPERPRIVOP_START + 0x12)
#define HYPERPRIVOP_GET_CPUID		(HYPERPRIVOP_START + 0x13)
#define HYPERPRIVOP_GET_PMD		(HYPERPRIVOP_START + 0x14)
#define HYPERPRIVOP_GET_EFLAG		(HYPERPRIVOP_START + 0x15)
#define HYPERPRIVOP_SET_EFLAG		(HYPERPRIVOP_START + 0x16)
#define HYPERPRIVOP_RSM_BE		(HYPERPRIVOP_START + 0x17)
#define HYPERPRIVOP_GET_PSR		(HYPERPRIVOP_START + 0x18)
#define HYPERPRIVOP_SET_RR0_TO_RR4	(HYPERPRIVOP_START + 0x19)
/* The last valid number (the range is 1..HYPERPRIVOP_MAX). */
#define HYPERPRIVOP_MAX			0x1a

/* Where shared_info and this vCPU's mapped_regs appear. */
#define XSI_SHIFT			14
#define XSI_SIZE			(_AC(1, UL) << XSI_SHIFT)
#define XSI_BASE			_AC(0xfffffffffff00000, UL)
#define XMAPPEDREGS_SHIFT		12
#define XMAPPEDREGS_OFS			XSI_SIZE

/* Offsets of the struct mapped_regs fields. */
#define XSI_VAC_OFS			0x000
#define XSI_VDC_OFS			0x008
#define XSI_VIRT_ENV_VADDR_OFS		0x010
#define XSI_VHPI_OFS			0x100
#define XSI_BANK1_R16_OFS		0x400	/* r16-r31 of bank 1 */
#define XSI_BANK0_R16_OFS		0x480	/* r16-r31 of bank 0 */
#define XSI_B1NATS_OFS			0x500	/* their NaT bits */
#define XSI_B0NATS_OFS			0x508
#define XSI_VCPUID_OFS			0x510
#define XSI_VPSR_OFS			0x590
#define XSI_VPR_OFS			0x598
/* Control registers: 0x800 + 8 * the register's number. */
#define XSI_CR_OFS(cr)			(0x800 + 8 * (cr))
#define XSI_DCR_OFS			XSI_CR_OFS(0)
#define XSI_ITM_OFS			XSI_CR_OFS(1)
#define XSI_IVA_OFS			XSI_CR_OFS(2)
#define XSI_PTA_OFS			XSI_CR_OFS(8)
#define XSI_IPSR_OFS			XSI_CR_OFS(16)
#define XSI_ISR_OFS			XSI_CR_OFS(17)
#define XSI_IIP_OFS			XSI_CR_OFS(19)
#define XSI_IFA_OFS			XSI_CR_OFS(20)
#define XSI_ITIR_OFS			XSI_CR_OFS(21)
#define XSI_IIPA_OFS			XSI_CR_OFS(22)
#define XSI_IFS_OFS			XSI_CR_OFS(23)
#define XSI_IIM_OFS			XSI_CR_OFS(24)
#define XSI_IHA_OFS			XSI_CR_OFS(25)
#define XSI_LID_OFS			XSI_CR_OFS(64)
#define XSI_IVR_OFS			XSI_CR_OFS(65)
#define XSI_TPR_OFS			XSI_CR_OFS(66)
#define XSI_EOI_OFS			XSI_CR_OFS(67)
#define XSI_IRR0_OFS			XSI_CR_OFS(68)
#define XSI_ITV_OFS			XSI_CR_OFS(72)
#define XSI_PMV_OFS			XSI_CR_OFS(73)
#define XSI_CMCV_OFS			XSI_CR_OFS(74)
#define XSI_LRR0_OFS			XSI_CR_OFS(80)
#define XSI_LRR1_OFS			XSI_CR_OFS(81)
/* The hypervisor-private part, from 0xc00. */
#define XSI_PRECOVER_IFS_OFS		0xc00
#define XSI_UNAT_OFS			0xc08
#define XSI_PSR_IC_OFS			0xc10	/* int: the virtual psr.ic */
#define XSI_PSR_I_ADDR_OFS		0xc18	/* u8 *: the upcall mask */
#define XSI_PEND_OFS			0xc20	/* int, legacy */
#define XSI_VPSR_PP_OFS			0xc24	/* u8 */
#define XSI_VPSR_DFH_OFS		0xc25	/* u8 */
#define XSI_HPSR_DFH_OFS		0xc26	/* u8 */
#define XSI_HPSR_MFH_OFS		0xc27	/* u8 */
#define XSI_METAPHYS_OFS		0xc48	/* int */
#define XSI_BANKNUM_OFS			0xc4c	/* int: 0 or 1 */
#define XSI_RR0_OFS			0xc50	/* rrs[8] */
#define XSI_KR0_OFS			0xc90	/* krs[8] */
#define XSI_TMP0_OFS			0xcd0	/* tmp[16] */
#define XSI_ITC_OFFSET_OFS		0xd50
#define XSI_ITC_LAST_OFS		0xd58

/* The same fields as addresses. */
#define XSI_MR(ofs)			(XSI_BASE + XMAPPEDREGS_OFS + (ofs))
#define XSI_VAC				XSI_MR(XSI_VAC_OFS)
#define XSI_VDC				XSI_MR(XSI_VDC_OFS)
#define XSI_VIRT_ENV_VADDR		XSI_MR(XSI_VIRT_ENV_VADDR_OFS)
#define XSI_VHPI			XSI_MR(XSI_VHPI_OFS)
#define XSI_BANK1_R16			XSI_MR(XSI_BANK1_R16_OFS)
#define XSI_BANK0_R16			XSI_MR(XSI_BANK0_R16_OFS)
#define XSI_B1NAT			XSI_MR(XSI_B1NATS_OFS)
#define XSI_B0NAT			XSI_MR(XSI_B0NATS_OFS)
#define XSI_VCPUID			XSI_MR(XSI_VCPUID_OFS)
#define XSI_VPSR			XSI_MR(XSI_VPSR_OFS)
#define XSI_VPR				XSI_MR(XSI_VPR_OFS)
#define XSI_DCR				XSI_MR(XSI_DCR_OFS)
#define XSI_ITM				XSI_MR(XSI_ITM_OFS)
#define XSI_IVA				XSI_MR(XSI_IVA_OFS)
#define XSI_PTA				XSI_MR(XSI_PTA_OFS)
#define XSI_IPSR			XSI_MR(XSI_IPSR_OFS)
#define XSI_ISR				XSI_MR(XSI_ISR_OFS)
#define XSI_IIP				XSI_MR(XSI_IIP_OFS)
#define XSI_IFA				XSI_MR(XSI_IFA_OFS)
#define XSI_ITIR			XSI_MR(XSI_ITIR_OFS)
#define XSI_IIPA			XSI_MR(XSI_IIPA_OFS)
#define XSI_IFS				XSI_MR(XSI_IFS_OFS)
#define XSI_IIM				XSI_MR(XSI_IIM_OFS)
#define XSI_IHA				XSI_MR(XSI_IHA_OFS)
#define XSI_LID				XSI_MR(XSI_LID_OFS)
#define XSI_IVR				XSI_MR(XSI_IVR_OFS)
#define XSI_TPR				XSI_MR(XSI_TPR_OFS)
#define XSI_EOI				XSI_MR(XSI_EOI_OFS)
#define XSI_IRR0			XSI_MR(XSI_IRR0_OFS)
#define XSI_ITV				XSI_MR(XSI_ITV_OFS)
#define XSI_PMV				XSI_MR(XSI_PMV_OFS)
#define XSI_CMCV			XSI_MR(XSI_CMCV_OFS)
#define XSI_LRR0			XSI_MR(XSI_LRR0_OFS)
#define XSI_LRR1			XSI_MR(XSI_LRR1_OFS)
#define XSI_PRECOVER_IFS		XSI_MR(XSI_PRECOVER_IFS_OFS)
#define XSI_UNAT			XSI_MR(XSI_UNAT_OFS)
#define XSI_PSR_IC			XSI_MR(XSI_PSR_IC_OFS)
#define XSI_PSR_I_ADDR			XSI_MR(XSI_PSR_I_ADDR_OFS)
#define XSI_PEND			XSI_MR(XSI_PEND_OFS)
#define XSI_VPSR_PP			XSI_MR(XSI_VPSR_PP_OFS)
#define XSI_VPSR_DFH			XSI_MR(XSI_VPSR_DFH_OFS)
#define XSI_HPSR_DFH			XSI_MR(XSI_HPSR_DFH_OFS)
#define XSI_HPSR_MFH			XSI_MR(XSI_HPSR_MFH_OFS)
#define XSI_METAPHYS			XSI_MR(XSI_METAPHYS_OFS)
#define XSI_BANKNUM			XSI_MR(XSI_BANKNUM_OFS)
#define XSI_RR0				XSI_MR(XSI_RR0_OFS)
#define XSI_KR0				XSI_MR(XSI_KR0_OFS)
#define XSI_TMP0			XSI_MR(XSI_TMP0_OFS)
#define XSI_ITC_OFFSET			XSI_MR(XSI_ITC_OFFSET_OFS)
#define XSI_ITC_LAST			XSI_MR(XSI_ITC_LAST_OFS)

#endif /* _ASM_IA64_XEN_PRIVOP_H */
