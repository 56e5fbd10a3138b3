/* SPDX-License-Identifier: MIT */
/*
 * Register numbers and register-format fields: application registers,
 * control registers, CFM/PFS/IFS, RSC, FPSR and ISR (SDM Vol. 1 3.1,
 * Vol. 2 3.3).
 */
#ifndef IA64_REGS_H
#define IA64_REGS_H

#include "bits.h"

/* Application register numbers. */
enum ia64_ar {
	AR_K0 = 0, AR_K1, AR_K2, AR_K3, AR_K4, AR_K5, AR_K6, AR_K7,
	AR_RSC = 16, AR_BSP = 17, AR_BSPSTORE = 18, AR_RNAT = 19,
	AR_FCR = 21, AR_EFLAG = 24, AR_CSD = 25, AR_SSD = 26, AR_CFLG = 27,
	AR_FSR = 28, AR_FIR = 29, AR_FDR = 30, AR_CCV = 32, AR_UNAT = 36,
	AR_FPSR = 40, AR_ITC = 44, AR_RUC = 45,
	AR_PFS = 64, AR_LC = 65, AR_EC = 66,
};

/* Control register numbers. */
enum ia64_cr {
	CR_DCR = 0, CR_ITM = 1, CR_IVA = 2, CR_PTA = 8,
	CR_IPSR = 16, CR_ISR = 17, CR_IIP = 19, CR_IFA = 20, CR_ITIR = 21,
	CR_IIPA = 22, CR_IFS = 23, CR_IIM = 24, CR_IHA = 25,
	CR_LID = 64, CR_IVR = 65, CR_TPR = 66, CR_EOI = 67,
	CR_IRR0 = 68, CR_IRR1 = 69, CR_IRR2 = 70, CR_IRR3 = 71,
	CR_ITV = 72, CR_PMV = 73, CR_CMCV = 74, CR_LRR0 = 80, CR_LRR1 = 81,
};

/* Current frame marker (also the low 38 bits of PFS.pfm and IFS.ifm). */
#define CFM_SOF(c)	((unsigned)ia64_field(c, 0, 7))
#define CFM_SOL(c)	((unsigned)ia64_field(c, 7, 7))
#define CFM_SOR(c)	((unsigned)ia64_field(c, 14, 4))	/* in units of 8 */
#define CFM_RRB_GR(c)	((unsigned)ia64_field(c, 18, 7))
#define CFM_RRB_FR(c)	((unsigned)ia64_field(c, 25, 7))
#define CFM_RRB_PR(c)	((unsigned)ia64_field(c, 32, 6))
#define CFM_MASK	IA64_MASK(0, 38)

#define PFS_PEC_SHIFT	52	/* previous epilogue count, 6 bits */
#define PFS_PPL_SHIFT	62	/* previous privilege level, 2 bits */
#define IFS_V		IA64_BIT(63)

/* ar.rsc */
#define RSC_MODE(r)	((unsigned)ia64_field(r, 0, 2))
#define RSC_PL(r)	((unsigned)ia64_field(r, 2, 2))
#define RSC_BE		IA64_BIT(4)
#define RSC_LOADRS(r)	((unsigned)ia64_field(r, 16, 14))
#define RSC_WRITABLE	(IA64_MASK(0, 5) | IA64_MASK(16, 14))

/* ar.fpsr: trap-disable bits then four 13-bit status fields. */
#define FPSR_TRAP_MASK	IA64_MASK(0, 6)
#define FPSR_SF_SHIFT(n)	(6 + 13 * (n))
#define SF_FTZ		IA64_BIT(0)
#define SF_WRE		IA64_BIT(1)
#define SF_PC_SHIFT	2	/* 0 single, 1 reserved, 2 double, 3 extended */
#define SF_RC_SHIFT	4	/* 0 nearest, 1 -inf, 2 +inf, 3 zero */
#define SF_TD		IA64_BIT(6)
#define SF_FLAG_V	IA64_BIT(7)
#define SF_FLAG_D	IA64_BIT(8)
#define SF_FLAG_Z	IA64_BIT(9)
#define SF_FLAG_O	IA64_BIT(10)
#define SF_FLAG_U	IA64_BIT(11)
#define SF_FLAG_I	IA64_BIT(12)
/* The value Linux (and the runtime) loads: all traps disabled, sf0 RN/ext. */
#define FPSR_DEFAULT	0x0009804c0270033fULL

/* cr.isr */
#define ISR_CODE(i)	((unsigned)ia64_field(i, 0, 16))
#define ISR_VECTOR_SHIFT 16
#define ISR_X		IA64_BIT(32)
#define ISR_W		IA64_BIT(33)
#define ISR_R		IA64_BIT(34)
#define ISR_NA		IA64_BIT(35)
#define ISR_SP		IA64_BIT(36)
#define ISR_RS		IA64_BIT(37)
#define ISR_IR		IA64_BIT(38)
#define ISR_NI		IA64_BIT(39)
#define ISR_SO		IA64_BIT(40)
#define ISR_EI_SHIFT	41
#define ISR_ED		IA64_BIT(43)

/* ISR.code for non-access instructions (ISR.na = 1). */
enum ia64_isr_na_code {
	ISR_NA_TPA = 0, ISR_NA_FC = 1, ISR_NA_PROBE = 2, ISR_NA_TAK = 3,
	ISR_NA_LFETCH = 4, ISR_NA_PROBE_FAULT = 5,
};

/* cr.dcr */
#define DCR_PP		IA64_BIT(0)
#define DCR_BE		IA64_BIT(1)
#define DCR_LC		IA64_BIT(2)
#define DCR_DM		IA64_BIT(8)
#define DCR_DP		IA64_BIT(9)
#define DCR_DK		IA64_BIT(10)
#define DCR_DX		IA64_BIT(11)
#define DCR_DR		IA64_BIT(12)
#define DCR_DA		IA64_BIT(13)
#define DCR_DD		IA64_BIT(14)

/* Interruption vector offsets from cr.iva (SDM Vol. 2, 5.7). */
enum ia64_ivt_offset {
	IVT_VHPT_TRANS = 0x0000, IVT_ITLB = 0x0400, IVT_DTLB = 0x0800,
	IVT_ALT_ITLB = 0x0c00, IVT_ALT_DTLB = 0x1000, IVT_DATA_NESTED_TLB = 0x1400,
	IVT_IKEY_MISS = 0x1800, IVT_DKEY_MISS = 0x1c00, IVT_DIRTY_BIT = 0x2000,
	IVT_IACCESS_BIT = 0x2400, IVT_DACCESS_BIT = 0x2800, IVT_BREAK = 0x2c00,
	IVT_EXTINT = 0x3000, IVT_PAGE_NOT_PRESENT = 0x5000, IVT_KEY_PERM = 0x5100,
	IVT_IACCESS_RIGHTS = 0x5200, IVT_DACCESS_RIGHTS = 0x5300,
	IVT_GENERAL_EXCEPTION = 0x5400, IVT_DISABLED_FP = 0x5500,
	IVT_NAT_CONSUMPTION = 0x5600, IVT_SPECULATION = 0x5700, IVT_DEBUG = 0x5900,
	IVT_UNALIGNED = 0x5a00, IVT_UNSUPPORTED_DATA_REF = 0x5b00,
	IVT_FP_FAULT = 0x5c00, IVT_FP_TRAP = 0x5d00, IVT_LOWER_PRIV_TRANSFER = 0x5e00,
	IVT_TAKEN_BRANCH = 0x5f00, IVT_SINGLE_STEP = 0x6000,
};

/* General Exception ISR.code{7:4} values. */
enum ia64_gex_code {
	GEX_ILLEGAL_OP = 0x00, GEX_PRIV_OP = 0x10, GEX_PRIV_REG = 0x20,
	GEX_RSVD_REG_FIELD = 0x30, GEX_DISABLED_ISA = 0x40, GEX_ILLEGAL_DEP = 0x80,
};

#endif
