/* SPDX-License-Identifier: MIT */
/*
 * Processor Status Register fields (SDM Vol. 2, 3.3.2) and the user mask.
 */
#ifndef IA64_PSR_H
#define IA64_PSR_H

#include "bits.h"

#define PSR_BE		IA64_BIT(1)
#define PSR_UP		IA64_BIT(2)
#define PSR_AC		IA64_BIT(3)
#define PSR_MFL		IA64_BIT(4)
#define PSR_MFH		IA64_BIT(5)
#define PSR_IC		IA64_BIT(13)
#define PSR_I		IA64_BIT(14)
#define PSR_PK		IA64_BIT(15)
#define PSR_DT		IA64_BIT(17)
#define PSR_DFL		IA64_BIT(18)
#define PSR_DFH		IA64_BIT(19)
#define PSR_SP		IA64_BIT(20)
#define PSR_PP		IA64_BIT(21)
#define PSR_DI		IA64_BIT(22)
#define PSR_SI		IA64_BIT(23)
#define PSR_DB		IA64_BIT(24)
#define PSR_LP		IA64_BIT(25)
#define PSR_TB		IA64_BIT(26)
#define PSR_RT		IA64_BIT(27)
#define PSR_CPL_SHIFT	32
#define PSR_CPL		IA64_MASK(32, 2)
#define PSR_IS		IA64_BIT(34)
#define PSR_MC		IA64_BIT(35)
#define PSR_IT		IA64_BIT(36)
#define PSR_ID		IA64_BIT(37)
#define PSR_DA		IA64_BIT(38)
#define PSR_DD		IA64_BIT(39)
#define PSR_SS		IA64_BIT(40)
#define PSR_RI_SHIFT	41
#define PSR_RI		IA64_MASK(41, 2)
#define PSR_ED		IA64_BIT(43)
#define PSR_BN		IA64_BIT(44)
#define PSR_IA		IA64_BIT(45)
#define PSR_VM		IA64_BIT(46)

/* The user mask (psr.um) is PSR{5:0}, accessible with sum/rum/mov psr.um. */
#define PSR_UM_MASK	IA64_MASK(0, 6)

/* Bits `rsm`/`ssm`/`mov psr.l` may change (PSR{31:0} less reserved). */
#define PSR_L_MASK	(PSR_BE | PSR_UP | PSR_AC | PSR_MFL | PSR_MFH | PSR_IC | \
			 PSR_I | PSR_PK | PSR_DT | PSR_DFL | PSR_DFH | PSR_SP | \
			 PSR_PP | PSR_DI | PSR_SI | PSR_DB | PSR_LP | PSR_TB | PSR_RT)

static inline unsigned psr_cpl(uint64_t psr)
{
	return (unsigned)ia64_field(psr, PSR_CPL_SHIFT, 2);
}

static inline unsigned psr_ri(uint64_t psr)
{
	return (unsigned)ia64_field(psr, PSR_RI_SHIFT, 2);
}

#endif
