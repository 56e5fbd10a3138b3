/* SPDX-License-Identifier: MIT */
/*
 * Translation formats: PTE, ITIR, region registers, PTA, and the short- and
 * long-format VHPT hash functions (SDM Vol. 2, 4.1).  Used by the emulator's
 * TLB and the hypervisor's vTLB/VHPT/p2m alike.
 */
#ifndef IA64_MMU_H
#define IA64_MMU_H

#include "bits.h"

/* Implemented widths of this machine class (reported through PAL). */
#define IA64_IMPL_VA_MSB	60
#define IA64_IMPL_PA_BITS	50
#define IA64_RID_BITS		24

/* Page table entry (insert format). */
#define PTE_P		IA64_BIT(0)
#define PTE_MA_SHIFT	2
#define PTE_MA_MASK	IA64_MASK(2, 3)
#define PTE_A		IA64_BIT(5)
#define PTE_D		IA64_BIT(6)
#define PTE_PL_SHIFT	7
#define PTE_PL_MASK	IA64_MASK(7, 2)
#define PTE_AR_SHIFT	9
#define PTE_AR_MASK	IA64_MASK(9, 3)
#define PTE_PPN_MASK	IA64_MASK(12, 38)	/* physical address bits 49:12 */
#define PTE_ED		IA64_BIT(52)
#define PTE_IG_MASK	IA64_MASK(53, 11)	/* ignored by hardware */
/* Fields the hardware checks as reserved when P=1. */
#define PTE_RSVD_MASK	(IA64_BIT(1) | IA64_MASK(50, 2))

enum ia64_ma {
	MA_WB = 0, MA_UC = 4, MA_UCE = 5, MA_WC = 6, MA_NATPAGE = 7,
};

/* Access rights (PTE.ar). */
enum ia64_ar_rights {
	AR_R = 0, AR_RX = 1, AR_RW = 2, AR_RWX = 3,
	AR_R_RW = 4, AR_RX_RWX = 5, AR_RWX_RW = 6, AR_X_PROMOTE = 7,
};

static inline unsigned pte_ma(uint64_t pte) { return (unsigned)ia64_field(pte, 2, 3); }
static inline unsigned pte_pl(uint64_t pte) { return (unsigned)ia64_field(pte, 7, 2); }
static inline unsigned pte_ar(uint64_t pte) { return (unsigned)ia64_field(pte, 9, 3); }

/* ITIR: page size and protection key. */
#define ITIR_PS(i)	((unsigned)ia64_field(i, 2, 6))
#define ITIR_KEY(i)	((uint32_t)ia64_field(i, 8, 24))
static inline uint64_t itir_make(unsigned ps, uint32_t key)
{
	return ((uint64_t)ps << 2) | ((uint64_t)(key & 0xffffff) << 8);
}

/* Region register. */
#define RR_VE		IA64_BIT(0)
#define RR_PS(r)	((unsigned)ia64_field(r, 2, 6))
#define RR_RID(r)	((uint32_t)ia64_field(r, 8, 24))
static inline uint64_t rr_make(uint32_t rid, unsigned ps, int ve)
{
	return ((uint64_t)rid << 8) | ((uint64_t)ps << 2) | (ve ? 1 : 0);
}

/* Page table address register. */
#define PTA_VE		IA64_BIT(0)
#define PTA_SIZE(p)	((unsigned)ia64_field(p, 2, 6))
#define PTA_VF		IA64_BIT(8)
#define PTA_BASE_MASK	IA64_MASK(15, 49)

/* Virtual addresses: region number is VA{63:61}. */
#define VA_REGION(va)	((unsigned)((va) >> 61))
#define VA_IMPL_MASK	IA64_MASK(0, IA64_IMPL_VA_MSB + 1)

/* Page sizes the implementation supports for insert and purge:
 * 4K 8K 16K 64K 256K 1M 4M 16M 64M 256M 1G 4G. */
#define IA64_PAGE_SIZES	0x155557000ULL

static inline int ia64_page_size_ok(unsigned ps)
{
	return ps < 64 && ((IA64_PAGE_SIZES >> ps) & 1);
}

/*
 * Short-format VHPT hash (thash with PTA.vf = 0): the region bits of va,
 * the PTA base with the table-size bits cleared, and the page-table index
 * scaled to 8-byte entries.
 */
static inline uint64_t ia64_thash_short(uint64_t va, uint64_t rr, uint64_t pta)
{
	unsigned size = PTA_SIZE(pta);
	uint64_t mask = (size >= 64) ? ~0ULL : ((1ULL << size) - 1);
	uint64_t idx = ((va & VA_IMPL_MASK) >> RR_PS(rr)) << 3;

	return (va & IA64_MASK(61, 3)) | ((pta & PTA_BASE_MASK) & ~mask) |
	       (idx & mask);
}

/*
 * Long-format VHPT: 32-byte entries {pte, itir, tag, chain}.  The hash and
 * tag are implementation specific; this implementation uses the VPN xor
 * the RID for the index and VPN | RID << 39 (tag bit 63 = ti, clear when
 * valid) for the tag.
 */
static inline uint64_t ia64_vhpt_long_tag(uint64_t va, uint64_t rr)
{
	uint64_t vpn = (va & VA_IMPL_MASK) >> RR_PS(rr);

	return (vpn ^ ((uint64_t)RR_RID(rr) << 39)) & ~IA64_BIT(63);
}

static inline uint64_t ia64_vhpt_long_hash(uint64_t va, uint64_t rr, uint64_t pta)
{
	unsigned size = PTA_SIZE(pta);
	uint64_t mask = (size >= 64) ? ~0ULL : ((1ULL << size) - 1);
	uint64_t vpn = (va & VA_IMPL_MASK) >> RR_PS(rr);
	uint64_t idx = ((vpn ^ RR_RID(rr)) << 5) & mask;

	return ((pta & PTA_BASE_MASK) & ~mask) | idx;
}

#define VHPT_TAG_INVALID	IA64_BIT(63)

#endif
