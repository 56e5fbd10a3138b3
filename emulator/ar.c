/* SPDX-License-Identifier: MIT */
/*
 * Application-register moves (SDM Vol. 3 "mov ar", Vol. 1 3.1.8): which
 * unit may name which register, read-only and reserved registers, ignored
 * registers and fields, reserved-field checks, privilege of ar.k0-k7 and
 * ar.itc writes, and the RSE and ITC registers whose values live elsewhere
 * (rse.c, cpu_itc_read/write).  The fault order follows the SDM's
 * pseudocode: reserved register, read-only / RSE mode, NaT source,
 * reserved field, privilege.
 */
#include "ar.h"
#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "rse.h"

enum ar_class {
	AC_RESERVED = 0,	/* Illegal Operation */
	AC_PLAIN,		/* storage in c->ar[] */
	AC_KERNEL,		/* ar.k0-k7: writes need CPL 0 */
	AC_RSE,			/* rsc, bspstore, rnat: rse.c */
	AC_BSP,			/* read-only, rse.c */
	AC_ITC,			/* cpu_itc_read/write, privileged writes */
	AC_RUC,			/* stored; privileged writes */
	AC_FPSR,		/* bits 63:58 reserved */
	AC_PFS,			/* fields 51:38 and 61:58 ignored */
	AC_EC,			/* 6 bits, the rest ignored */
	AC_IGNORED,		/* reads 0, writes dropped */
};

/* M-unit view: ARs 0-63; 64-127 belong to the I unit. */
static const uint8_t m_class[128] = {
	[AR_K0 ... AR_K7] = AC_KERNEL,
	[AR_RSC] = AC_RSE, [AR_BSP] = AC_BSP, [AR_BSPSTORE] = AC_RSE, [AR_RNAT] = AC_RSE,
	[AR_FCR] = AC_PLAIN, [AR_EFLAG] = AC_PLAIN, [AR_CSD] = AC_PLAIN,
	[AR_SSD] = AC_PLAIN, [AR_CFLG] = AC_PLAIN, [AR_FSR] = AC_PLAIN,
	[AR_FIR] = AC_PLAIN, [AR_FDR] = AC_PLAIN, [AR_CCV] = AC_PLAIN,
	[AR_UNAT] = AC_PLAIN, [AR_FPSR] = AC_FPSR, [AR_ITC] = AC_ITC, [AR_RUC] = AC_RUC,
	[48 ... 63] = AC_IGNORED,
};

/* I-unit view: ARs 64-127. */
static const uint8_t i_class[128] = {
	[AR_PFS] = AC_PFS, [AR_LC] = AC_PLAIN, [AR_EC] = AC_EC,
	[112 ... 127] = AC_IGNORED,
};

#define PFS_DEFINED	(CFM_MASK | IA64_MASK(PFS_PEC_SHIFT, 6) | IA64_MASK(PFS_PPL_SHIFT, 2))
#define FPSR_RESERVED	IA64_MASK(58, 6)

static unsigned ar_class(unsigned ar, bool iunit)
{
	if (ar >= 128)
		return AC_RESERVED;
	return iunit ? i_class[ar] : m_class[ar];
}

static bool rse_lazy(struct cpu *c)
{
	return RSC_MODE(rse_read_ar(c, AR_RSC)) == 0;
}

int ar_read(struct cpu *c, unsigned ar, bool iunit, uint64_t *v)
{
	unsigned cls = ar_class(ar, iunit);

	switch (cls) {
	case AC_RESERVED:
		return cpu_illegal_op(c);
	case AC_IGNORED:
		*v = 0;
		return X_NEXT;
	case AC_RSE:
	case AC_BSP:
		if ((ar == AR_BSPSTORE || ar == AR_RNAT) && !rse_lazy(c))
			return cpu_illegal_op(c);
		*v = rse_read_ar(c, ar);
		return X_NEXT;
	case AC_ITC:
		if ((c->psr & PSR_SI) && psr_cpl(c->psr) != 0)
			return cpu_priv_reg(c);
		*v = cpu_itc_read(c);
		return X_NEXT;
	default:
		*v = c->ar[ar];
		return X_NEXT;
	}
}

int ar_write_nat(struct cpu *c, unsigned ar, bool iunit, uint64_t v, bool nat)
{
	unsigned cls = ar_class(ar, iunit);

	if (cls == AC_RESERVED || cls == AC_BSP)
		return cpu_illegal_op(c);
	if ((ar == AR_BSPSTORE || ar == AR_RNAT) && cls == AC_RSE && !rse_lazy(c))
		return cpu_illegal_op(c);
	if (nat)
		return cpu_nat_consumption(c, 0);
	if ((ar == AR_RSC && cls == AC_RSE && (v & ~RSC_WRITABLE)) ||
	    (cls == AC_FPSR && (v & FPSR_RESERVED)))
		return cpu_reserved_reg(c);
	if ((cls == AC_KERNEL || cls == AC_ITC || cls == AC_RUC) && psr_cpl(c->psr) != 0)
		return cpu_priv_reg(c);

	switch (cls) {
	case AC_IGNORED:
		return X_NEXT;
	case AC_RSE:
		if (ar == AR_RSC && RSC_PL(v) < psr_cpl(c->psr))
			/* No promotion: rsc.pl cannot be more privileged than CPL. */
			v = ia64_set_field(v, 2, 2, psr_cpl(c->psr));
		return rse_write_ar(c, ar, v);
	case AC_ITC:
		cpu_itc_write(c, v);
		return X_NEXT;
	case AC_PFS:
		c->ar[ar] = v & PFS_DEFINED;
		return X_NEXT;
	case AC_EC:
		c->ar[ar] = v & 0x3f;
		return X_NEXT;
	default:
		c->ar[ar] = v;
		return X_NEXT;
	}
}

int ar_write(struct cpu *c, unsigned ar, bool iunit, uint64_t v)
{
	return ar_write_nat(c, ar, iunit, v, false);
}
