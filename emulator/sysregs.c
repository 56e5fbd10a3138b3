/* SPDX-License-Identifier: MIT */
/*
 * System registers behind the privileged M- and B-unit instructions:
 * control registers (with the interrupt-controller ones routed to the
 * platform's LSAPIC model), region registers, the PSR (mov psr.l, mov =psr,
 * rsm/ssm, sum/rum, psr.um), the indirect register files (cpuid, dbr, ibr,
 * pkr, pmc, pmd), rfi, bsw, epc and fc.  Every check the SDM makes here
 * (privilege, reserved registers and fields) raises its architected fault.
 */
#include <stdio.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "lsapic.h"
#include "mem.h"
#include "memspace.h"
#include "mmu.h"
#include "rse.h"
#include "sysarch.h"
#include "tlb.h"
#include "ia64/mmu.h"

static inline bool privileged(const struct cpu *c)
{
	return psr_cpl(c->psr) == 0;
}

/* --- interrupt controller default ---------------------------------------- */

/* Register-only default: values live in cpu->cr[], nothing is ever
 * pending (ivr reads the spurious vector 15, irr reads 0). */
static uint64_t default_lsapic_read(struct cpu *c, unsigned cr)
{
	if (cr == CR_IVR)
		return 15;
	if (cr == CR_EOI)
		return 0;
	return c->cr[cr];
}

static void default_lsapic_write(struct cpu *c, unsigned cr, uint64_t v)
{
	if (cr != CR_EOI)
		c->cr[cr] = v;
}

static const struct lsapic_ops default_lsapic = {
	.read = default_lsapic_read, .write = default_lsapic_write,
};
static const struct lsapic_ops *lsapic = &default_lsapic;

void lsapic_set_ops(const struct lsapic_ops *ops)
{
	lsapic = ops ? ops : &default_lsapic;
}

uint64_t lsapic_read(struct cpu *c, unsigned cr)
{
	return lsapic->read(c, cr);
}

void lsapic_write(struct cpu *c, unsigned cr, uint64_t v)
{
	lsapic->write(c, cr, v);
}

/* --- control registers -------------------------------------------------- */

/* What a write may contain; 0 = read-only.  Registers absent from the
 * table are reserved (Illegal Operation). */
enum cr_kind { CRK_NONE, CRK_PLAIN, CRK_INTR, CRK_LSAPIC, CRK_RO };

struct cr_desc {
	uint8_t kind;
	uint64_t rsvd;		/* reserved bits: writing 1s is a Reserved Field fault */
	uint64_t ignored;	/* bits dropped on write */
};

#define DCR_DEFINED	(DCR_PP | DCR_BE | DCR_LC | IA64_MASK(8, 7))
#define PTA_RSVD	(IA64_BIT(1) | IA64_MASK(9, 6))
#define LSAPIC_RW(r)	{ .kind = CRK_LSAPIC, .rsvd = (r) }

static const struct cr_desc cr_table[128] = {
	[CR_DCR] = { .kind = CRK_PLAIN, .rsvd = ~DCR_DEFINED },
	[CR_ITM] = { .kind = CRK_LSAPIC },
	[CR_IVA] = { .kind = CRK_PLAIN, .ignored = IA64_MASK(0, 15) },
	[CR_PTA] = { .kind = CRK_PLAIN, .rsvd = PTA_RSVD },
	[CR_IPSR] = { .kind = CRK_INTR }, [CR_ISR] = { .kind = CRK_INTR },
	[CR_IIP] = { .kind = CRK_INTR }, [CR_IFA] = { .kind = CRK_INTR },
	[CR_ITIR] = { .kind = CRK_INTR, .rsvd = IA64_MASK(0, 2) | IA64_MASK(32, 32) },
	[CR_IIPA] = { .kind = CRK_INTR },
	[CR_IFS] = { .kind = CRK_INTR }, [CR_IIM] = { .kind = CRK_INTR },
	[CR_IHA] = { .kind = CRK_INTR },
	[CR_LID] = { .kind = CRK_LSAPIC, .ignored = ~IA64_MASK(16, 16) },
	[CR_IVR] = { .kind = CRK_RO },
	/* TPR: only mic{7:4} and mmi{16} are defined; the other bits are
	 * ignored fields (Linux writes the whole vector, e.g. 0xef). */
	[CR_TPR] = { .kind = CRK_LSAPIC, .ignored = ~(IA64_MASK(4, 4) | IA64_BIT(16)) },
	[CR_EOI] = { .kind = CRK_LSAPIC },
	[CR_IRR0] = { .kind = CRK_RO }, [CR_IRR1] = { .kind = CRK_RO },
	[CR_IRR2] = { .kind = CRK_RO }, [CR_IRR3] = { .kind = CRK_RO },
	[CR_ITV] = LSAPIC_RW(~(IA64_MASK(0, 8) | IA64_BIT(16))),
	[CR_PMV] = LSAPIC_RW(~(IA64_MASK(0, 8) | IA64_BIT(16))),
	[CR_CMCV] = LSAPIC_RW(~(IA64_MASK(0, 8) | IA64_BIT(16))),
	[CR_LRR0] = LSAPIC_RW(~(IA64_MASK(0, 11) | IA64_MASK(13, 4))),
	[CR_LRR1] = LSAPIC_RW(~(IA64_MASK(0, 11) | IA64_MASK(13, 4))),
};

/* An enabled VHPT must be 32 KB .. 2^61 bytes (PTA.size 15..61); the size
 * of a disabled one is not checked, so software may clear PTA freely. */
static bool pta_ok(uint64_t v)
{
	unsigned size = PTA_SIZE(v);

	return !(v & PTA_VE) || (size >= 15 && size <= 61);
}

int sys_mov_to_cr(struct cpu *c, unsigned cr, uint64_t v)
{
	const struct cr_desc *d = cr < 128 ? &cr_table[cr] : NULL;

	/* Reserved, read-only, and interruption registers at PSR.ic = 1 are
	 * Illegal Operation before the privilege check (SDM mov cr). */
	if (!d || d->kind == CRK_NONE || d->kind == CRK_RO ||
	    (d->kind == CRK_INTR && (c->psr & PSR_IC)))
		return cpu_illegal_op(c);
	if (!privileged(c))
		return cpu_priv_op(c);
	if ((v & d->rsvd) || (cr == CR_PTA && !pta_ok(v)))
		return cpu_reserved_reg(c);
	v &= ~d->ignored;
	if (d->kind == CRK_LSAPIC)
		lsapic_write(c, cr, v);
	else
		c->cr[cr] = v;
	return X_NEXT;
}

int sys_mov_from_cr(struct cpu *c, unsigned cr, uint64_t *v)
{
	const struct cr_desc *d = cr < 128 ? &cr_table[cr] : NULL;

	if (!d || d->kind == CRK_NONE || (d->kind == CRK_INTR && (c->psr & PSR_IC)))
		return cpu_illegal_op(c);
	if (!privileged(c))
		return cpu_priv_op(c);
	*v = (d->kind == CRK_LSAPIC || d->kind == CRK_RO) ? lsapic_read(c, cr)
							  : c->cr[cr];
	return X_NEXT;
}

/* --- region registers ----------------------------------------------------- */

#define RR_RSVD	(IA64_BIT(1) | IA64_MASK(32, 32))

int sys_mov_to_rr(struct cpu *c, uint64_t va, uint64_t v)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	if ((v & RR_RSVD) || !ia64_page_size_ok(RR_PS(v)))
		return cpu_reserved_reg(c);
	c->rr[VA_REGION(va)] = v;
	mmu_flush_fast(c);
	return X_NEXT;
}

int sys_mov_from_rr(struct cpu *c, uint64_t va, uint64_t *v)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	*v = c->rr[VA_REGION(va)];
	return X_NEXT;
}

/* --- PSR ------------------------------------------------------------------ */

/* The bits rsm/ssm may name (imm24 covers PSR{23:0}). */
#define PSR_SM_MASK	(PSR_L_MASK & IA64_MASK(0, 24))
#define PSR_UM_DEFINED	(PSR_UM_MASK & ~IA64_BIT(0))

int sys_mov_to_psr_l(struct cpu *c, uint64_t v)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	if ((v & IA64_MASK(0, 32)) & ~PSR_L_MASK)
		return cpu_reserved_reg(c);
	c->psr = (c->psr & ~IA64_MASK(0, 32)) | (v & PSR_L_MASK);
	return X_NEXT;
}

/* mov r = psr returns PSR{36:35} and PSR{31:0}; the rest reads 0. */
int sys_mov_from_psr(struct cpu *c, uint64_t *v)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	*v = c->psr & (IA64_MASK(0, 32) | IA64_MASK(35, 2));
	return X_NEXT;
}

int sys_rsm(struct cpu *c, uint64_t mask)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	if (mask & ~PSR_SM_MASK)
		return cpu_reserved_reg(c);
	c->psr &= ~mask;
	return X_NEXT;
}

int sys_ssm(struct cpu *c, uint64_t mask)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	if (mask & ~PSR_SM_MASK)
		return cpu_reserved_reg(c);
	c->psr |= mask;
	return X_NEXT;
}

int sys_sum(struct cpu *c, uint64_t mask)
{
	if (mask & ~PSR_UM_DEFINED)
		return cpu_reserved_reg(c);
	c->psr |= mask;
	return X_NEXT;
}

int sys_rum(struct cpu *c, uint64_t mask)
{
	if (mask & ~PSR_UM_DEFINED)
		return cpu_reserved_reg(c);
	c->psr &= ~mask;
	return X_NEXT;
}

int sys_mov_to_psr_um(struct cpu *c, uint64_t v)
{
	if (v & IA64_MASK(0, 6) & ~PSR_UM_DEFINED)
		return cpu_reserved_reg(c);
	c->psr = (c->psr & ~PSR_UM_MASK) | (v & PSR_UM_DEFINED);
	return X_NEXT;
}

int sys_mov_from_psr_um(struct cpu *c, uint64_t *v)
{
	*v = c->psr & PSR_UM_MASK;
	return X_NEXT;
}

/* --- indirect registers --------------------------------------------------- */

/* cpuid[0..1] vendor "GenuineIntel"; [3]: number = 4 (last index),
 * family 0x1f (Itanium 2), model/revision/archrev 0; [4]: lb (brl) and
 * sd (spontaneous deferral: faulting ld.s may always defer). */
static const uint64_t cpuid_regs[5] = {
	0x49656e69756e6547ULL, 0x000000006c65746eULL, 0,
	(0x1fULL << 24) | 4, 0x3,
};

static uint64_t *ireg_slot(struct cpu *c, enum sys_ireg f, uint64_t idx,
			   bool *unimpl)
{
	struct tlb *t = mmu_state(c);
	static const uint8_t count[] = {
		[IREG_DBR] = N_DBR, [IREG_IBR] = N_IBR, [IREG_PKR] = N_PKR,
		[IREG_PMC] = N_PMC, [IREG_PMD] = N_PMD,
	};
	uint64_t *base[] = {
		[IREG_DBR] = t->dbr, [IREG_IBR] = t->ibr, [IREG_PKR] = t->pkr,
		[IREG_PMC] = t->pmc, [IREG_PMD] = t->pmd,
	};

	idx &= 0xff;			/* the index is r3{7:0} */
	*unimpl = idx >= count[f];
	return *unimpl ? NULL : &base[f][idx];
}

int sys_mov_to_ireg(struct cpu *c, enum sys_ireg f, uint64_t idx, uint64_t v)
{
	bool unimpl;
	uint64_t *slot;

	if (f == IREG_CPUID || f > IREG_PMD)
		return cpu_illegal_op(c);
	if (!privileged(c))
		return cpu_priv_op(c);
	slot = ireg_slot(c, f, idx, &unimpl);
	if (unimpl) {
		/* Unimplemented PMC/PMD: writes ignored; others reserved. */
		return (f == IREG_PMC || f == IREG_PMD) ? X_NEXT : cpu_reserved_reg(c);
	}
	*slot = v;
	return X_NEXT;
}

int sys_mov_from_ireg(struct cpu *c, enum sys_ireg f, uint64_t idx, uint64_t *v)
{
	bool unimpl;
	uint64_t *slot;

	if (f == IREG_CPUID) {
		idx &= 0xff;
		if (idx >= 5)
			return cpu_reserved_reg(c);
		*v = cpuid_regs[idx];
		return X_NEXT;
	}
	if (f > IREG_PMD)
		return cpu_illegal_op(c);
	/* pmd is readable at any level; with PSR.sp = 1 a non-zero CPL
	 * reads 0 (secure performance monitors). */
	if (f == IREG_PMD && !privileged(c)) {
		if (c->psr & PSR_SP) {
			*v = 0;
			return X_NEXT;
		}
	} else if (!privileged(c)) {
		return cpu_priv_op(c);
	}
	slot = ireg_slot(c, f, idx, &unimpl);
	if (unimpl) {
		if (f != IREG_PMC && f != IREG_PMD)
			return cpu_reserved_reg(c);
		*v = 0;
		return X_NEXT;
	}
	*v = *slot;
	return X_NEXT;
}

/* --- rfi, bsw, epc, fc ---------------------------------------------------- */

int sys_rfi(struct cpu *c)
{
	uint64_t ipsr = c->cr[CR_IPSR], ifs = c->cr[CR_IFS];
	int r;

	if (!privileged(c))
		return cpu_priv_op(c);
	cpu_bank_switch(c, (ipsr & PSR_BN) ? 1 : 0);
	c->psr = ipsr & ~PSR_RI;
	c->slot = psr_ri(ipsr);
	if (c->slot > 2)		/* ri = 3 is reserved: treat as slot 2 */
		c->slot = 2;
	c->ip = c->cr[CR_IIP] & ~0xfULL;
	if (ifs & IFS_V) {
		r = rse_restore_frame(c, ifs & CFM_MASK);
		if (r != X_NEXT && r != X_JUMP)
			return r;
	}
	return X_JUMP;
}

int sys_bsw(struct cpu *c, int bank)
{
	if (!privileged(c))
		return cpu_priv_op(c);
	cpu_bank_switch(c, bank ? 1 : 0);
	return X_NEXT;
}

/*
 * epc: Illegal Operation if PFS.ppl < CPL; otherwise, when the bundle
 * lies on an execute-only (ar = 7) page whose pl is more privileged than
 * CPL, CPL becomes that pl; with PSR.it = 0 CPL becomes 0.
 */
int sys_epc(struct cpu *c)
{
	unsigned cpl = psr_cpl(c->psr);
	unsigned ppl = (unsigned)ia64_field(c->ar[AR_PFS], PFS_PPL_SHIFT, 2);
	const struct tlb_entry *e;

	if (ppl < cpl)
		return cpu_illegal_op(c);
	if (!(c->psr & PSR_IT)) {		/* physical: promote to PL 0 */
		c->psr &= ~PSR_CPL;
		return X_NEXT;
	}
	e = mmu_lookup(c, true, c->ip);
	if (e && (e->pte & PTE_P) && pte_ar(e->pte) == AR_X_PROMOTE &&
	    pte_pl(e->pte) < cpl)
		c->psr = (c->psr & ~PSR_CPL) |
			 ((uint64_t)pte_pl(e->pte) << PSR_CPL_SHIFT);
	return X_NEXT;
}

/*
 * fc/fc.i: a non-access reference to the line (it may fault with ISR.na,
 * code fc), then drop decoded code of the 128-byte line (PAL cache line
 * size) so self-modified code is decoded afresh.
 */
#define FC_LINE	128

int sys_fc(struct cpu *c, uint64_t va, bool icache)
{
	uint64_t pa;
	unsigned ma;
	int r;

	(void)icache;
	if (c->mem && memspace_flat(c->mem)) {
		/* user-mode runner: no translation, VA = address in the flat space */
		pa = va;
	} else {
		/* fc reports as a read (ISR.r) of a non-access kind */
		r = mmu_translate(c, va, 1,
				  ACC_R | ACC_NONACCESS | ACC_NA_CODE(ISR_NA_FC),
				  &pa, &ma);
		if (r)
			return r;
	}
	code_invalidate(c, pa & ~(uint64_t)(FC_LINE - 1), FC_LINE);
	return X_NEXT;
}
