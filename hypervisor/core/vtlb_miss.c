/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's TLB-miss path for PV guests (doc 17.6, steps 1-5):
 * physical-mode identity translation, the guest's TRs and swTC, and the
 * software walk of the guest's short-format VHPT.  The hardware walker
 * only ever walks the hypervisor's own long-format VHPT, so the guest's
 * table is read here, through the guest's own translation of it.
 */
#include "domain.h"
#include "guest_access.h"
#include "vtlb.h"

/* PTA reserved fields: bit 1 and bits 14:9 (SDM Vol. 2, 3.3.4.3). */
#define PTA_RSVD_MASK	(IA64_BIT(1) | IA64_MASK(9, 6))

int vcpu_set_pta(struct vcpu *v, uint64_t pta)
{
	if ((pta & PTA_RSVD_MASK) || PTA_SIZE(pta) < 15 || PTA_SIZE(pta) > 61)
		return -HV_EINVAL;
	v->pta = pta;
	return 0;
}

void vcpu_set_metaphysical(struct vcpu *v, bool on)
{
	/* Translations of the old mode use the other RID: they cannot be
	 * hit any more, so no purge is needed on the switch. */
	v->metaphysical = on;
}

/* Physical mode: guest-physical = va{49:0}; region 4 (va{63} set) is the
 * uncacheable alias, region 0 the cacheable one. */
static int miss_metaphysical(struct vcpu *v, bool is_i, uint64_t va)
{
	unsigned r = VA_REGION(va);
	uint64_t gpte;

	if (r != 0 && r != 4)
		return -HV_ENOENT;
	gpte = PTE_P | PTE_A | PTE_D | ((uint64_t)AR_RWX << PTE_AR_SHIFT) |
	       ((uint64_t)(r == 4 ? MA_UC : MA_WB) << PTE_MA_SHIFT) |
	       (va & PTE_PPN_MASK & HV_PAGE_MASK);
	return vtlb_insert_guest(v, is_i, va, gpte, itir_make(HV_PAGE_SHIFT, 0));
}

static int miss_guest_vhpt(struct vcpu *v, bool is_i, uint64_t va)
{
	uint64_t rr = v->rr[VA_REGION(va)], pta = v->pta, size, hva, gpte, gitir;
	uint64_t ps, gpaddr, entry;

	if (!(rr & RR_VE) || !(pta & PTA_VE))
		return -HV_ENOENT;
	if (pta & PTA_VF)	/* long-format guest VHPT: not supported */
		return -HV_ENOENT;
	hva = ia64_thash_short(va, rr, pta);
	size = 1ULL << PTA_SIZE(pta);
	/* A miss on the guest's VHPT itself must not walk the VHPT again. */
	if (VA_REGION(va) == VA_REGION(hva) &&
	    ((va ^ hva) & VA_IMPL_MASK & ~(size - 1)) == 0)
		return -HV_ENOENT;
	/* The entry is reached through the guest's own data translation. */
	if (!vtlb_lookup_guest(v, false, hva, &gpte, &gitir) || !(gpte & PTE_P))
		return -HV_EFAULT;
	ps = 1ULL << ITIR_PS(gitir);
	gpaddr = (gpte & PTE_PPN_MASK & ~(ps - 1)) | (hva & (ps - 1));
	if (copy_from_guest(v, &entry, gpaddr, sizeof(entry)))
		return -HV_EFAULT;
	if (!(entry & PTE_P))
		return -HV_ENOENT;
	/* Short format: page size and key come from the region register. */
	return vtlb_insert_guest(v, is_i, va, entry, itir_make(RR_PS(rr), RR_RID(rr)));
}

int vtlb_miss(struct vcpu *v, bool is_i, uint64_t va)
{
	uint64_t gpte, gitir;

	if (v->metaphysical)
		return miss_metaphysical(v, is_i, va);
	if (vtlb_lookup_guest(v, is_i, va, &gpte, &gitir))
		return (gpte & PTE_P) ? vtlb_insert_guest(v, is_i, va, gpte, gitir)
				      : -HV_ENOENT;
	return miss_guest_vhpt(v, is_i, va);
}
