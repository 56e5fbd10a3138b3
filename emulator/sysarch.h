/* SPDX-License-Identifier: MIT */
/*
 * System-architecture operations behind privileged instructions: control
 * and region registers, PSR, translation insert/purge/lookup, rfi, bsw,
 * epc.  Decoders call these after decoding; privilege checks are made
 * here, so a user-mode program gets the architected Privileged Operation
 * or Privileged Register fault.  Implemented by the MMU and interruption
 * code (mmu.c, interruption.c, sysregs.c).
 */
#ifndef EMU_SYSARCH_H
#define EMU_SYSARCH_H

#include <stdbool.h>
#include <stdint.h>

struct cpu;

int sys_mov_to_cr(struct cpu *c, unsigned cr, uint64_t v);
int sys_mov_from_cr(struct cpu *c, unsigned cr, uint64_t *v);
int sys_mov_to_rr(struct cpu *c, uint64_t va, uint64_t v);
int sys_mov_from_rr(struct cpu *c, uint64_t va, uint64_t *v);
int sys_mov_to_psr_l(struct cpu *c, uint64_t v);
int sys_mov_from_psr(struct cpu *c, uint64_t *v);
int sys_rsm(struct cpu *c, uint64_t mask);
int sys_ssm(struct cpu *c, uint64_t mask);
/* User mask (not privileged): sum/rum imm24, mov psr.um = r / mov r = psr.um. */
int sys_sum(struct cpu *c, uint64_t mask);
int sys_rum(struct cpu *c, uint64_t mask);
int sys_mov_to_psr_um(struct cpu *c, uint64_t v);
int sys_mov_from_psr_um(struct cpu *c, uint64_t *v);
/* Indirect register files: cpuid, dbr, ibr, pkr, pmc, pmd. */
enum sys_ireg { IREG_CPUID, IREG_DBR, IREG_IBR, IREG_PKR, IREG_PMC, IREG_PMD };
int sys_mov_to_ireg(struct cpu *c, enum sys_ireg f, uint64_t idx, uint64_t v);
int sys_mov_from_ireg(struct cpu *c, enum sys_ireg f, uint64_t idx, uint64_t *v);

/* Translation caches and registers. */
int sys_itc(struct cpu *c, bool instr, uint64_t pte);	/* uses cr.ifa/cr.itir */
int sys_itr(struct cpu *c, bool instr, uint64_t slot, uint64_t pte);
int sys_ptc_l(struct cpu *c, uint64_t va, uint64_t ps_reg);
int sys_ptc_e(struct cpu *c, uint64_t va);
int sys_ptc_g(struct cpu *c, uint64_t va, uint64_t ps_reg, bool ga);
int sys_ptr(struct cpu *c, bool instr, uint64_t va, uint64_t ps_reg);
int sys_thash(struct cpu *c, uint64_t va, uint64_t *out, bool *nat);
int sys_ttag(struct cpu *c, uint64_t va, uint64_t *out, bool *nat);
int sys_tpa(struct cpu *c, uint64_t va, uint64_t *out);
int sys_tak(struct cpu *c, uint64_t va, uint64_t *out);
/* probe.r/.w/.rw (fault = probe.*.fault; pl from a GR or an immediate). */
int sys_probe(struct cpu *c, uint64_t va, unsigned pl, unsigned acc, bool fault,
	      uint64_t *out);

/* Branch-unit system operations. */
int sys_rfi(struct cpu *c);
int sys_bsw(struct cpu *c, int bank);
int sys_epc(struct cpu *c);

/* Cache and serialization (fc/fc.i invalidate decoded code). */
int sys_fc(struct cpu *c, uint64_t va, bool icache);

#endif
