/* SPDX-License-Identifier: MIT */
/*
 * The per-vCPU virtual TLB of a PV domain (doc 17.6): 12 instruction and
 * 12 data translation registers with per-region lookup bitmaps, the
 * one-entry software TC for each side (the guest's last itc), and the
 * machinery that turns a guest PTE into a machine insert through the p2m.
 */
#ifndef HV_VTLB_H
#define HV_VTLB_H

#include "hv.h"
#include "p2m.h"

struct vcpu;
struct domain;

#define VTLB_NR_TR	12
#define CPL0_EMUL	1	/* guest kernel privilege level (doc 17.1) */

/* A guest translation register: guest PTE (pseudo-physical frame). */
struct vtr {
	uint64_t pte;
	uint64_t itir;
	uint64_t va;		/* base, aligned to the TR's page size */
	uint32_t rid;		/* guest RID of the region at insert time */
	bool valid;
};

/* The one-entry software TC: the guest's last itc, kept in guest form so
 * a later miss can re-derive the machine insert. */
struct swtc {
	uint64_t pte;
	uint64_t itir;
	uint64_t va;
	uint32_t rid;
	bool valid;
};

struct vtlb {
	struct vtr itr[VTLB_NR_TR], dtr[VTLB_NR_TR];
	uint16_t itr_rmap[8], dtr_rmap[8];	/* region -> TR slots in use */
	struct swtc itc, dtc;
	hv_spinlock_t lock;	/* swTC and TRs: remote purges race */
};

/* Result of translating a guest PTE. */
struct vtlb_xlate {
	uint64_t va;		/* 16 KB page actually inserted */
	uint64_t pte;		/* machine PTE, hardware-clean */
	uint64_t itir;
	uint32_t rid;		/* machine RID */
	struct p2m_entry p2m;	/* recorded for the re-check */
};

void vtlb_init(struct vtlb *t);

/* Guest region registers: rid must fit the domain's RID bits. */
int vcpu_set_rr(struct vcpu *v, unsigned reg, uint64_t val);
uint32_t vcpu_machine_rid(struct vcpu *v, uint64_t va);
uint64_t vcpu_machine_rr(struct vcpu *v, uint64_t va);

/* translate_domain_pte: guest PTE/ITIR for va -> machine insert. */
int vtlb_translate(struct vcpu *v, uint64_t va, uint64_t gpte, uint64_t gitir,
		   struct vtlb_xlate *x);

/* Guest itc.i / itc.d: translate, insert (machine TLB + VHPT + swTC),
 * notify tlb_track, re-check the p2m.  -ENOENT when the guest-physical
 * page is not present (the caller reflects a fault). */
int vtlb_itc(struct vcpu *v, bool is_i, uint64_t va, uint64_t gpte, uint64_t gitir);
/* Guest itr.i / itr.d. */
int vtlb_itr(struct vcpu *v, bool is_i, unsigned slot, uint64_t va,
	     uint64_t gpte, uint64_t gitir);
/* Hypervisor TLB miss on va (doc 17.6): metaphysical identity, TRs, the
 * swTC, then a software walk of the guest's short-format VHPT.
 * 0 = inserted; -ENOENT = reflect a TLB miss / page-not-present;
 * -EFAULT = reflect a VHPT translation fault (the guest VHPT entry itself
 * is not reachable); -EINVAL = bad guest PTE (reserved fields). */
int vtlb_miss(struct vcpu *v, bool is_i, uint64_t va);
/* Guest translation for va from the TRs or the swTC, without inserting. */
bool vtlb_lookup_guest(struct vcpu *v, bool is_i, uint64_t va, uint64_t *gpte,
		       uint64_t *gitir);
/* Translate and insert a guest PTE (machine TLB + VHPT + tlb_track). */
int vtlb_insert_guest(struct vcpu *v, bool is_i, uint64_t va, uint64_t gpte,
		      uint64_t gitir);
/* Guest cr.pta (validated) and physical-mode switch. */
int vcpu_set_pta(struct vcpu *v, uint64_t pta);
void vcpu_set_metaphysical(struct vcpu *v, bool on);

/* Guest purges. */
void vtlb_ptc_l(struct vcpu *v, uint64_t va, unsigned ps);
void vtlb_ptc_e(struct vcpu *v);
int vtlb_ptc_ga(struct vcpu *v, uint64_t va, unsigned ps);
int vtlb_ptr(struct vcpu *v, bool is_i, uint64_t va, unsigned ps);

/* Hypervisor-side purges of one vCPU's software state (swTC + VHPT). */
void vtlb_purge_vcpu_range(struct vcpu *v, uint64_t va, unsigned ps, uint32_t mrid);
void vtlb_flush_vcpu(struct vcpu *v);

/* Lookup helpers for tests. */
const struct vtr *vtlb_find_tr(struct vcpu *v, bool is_i, uint64_t va);

#endif
