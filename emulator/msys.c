/* SPDX-License-Identifier: MIT */
/*
 * M-unit system and memory-management instructions (major opcodes 0 and
 * 1; SDM Vol. 3 encodings M20-M48): decode, objdump-exact operands, and
 * thin executors that read the operands, apply the NaT rules and call the
 * system-architecture operations of sysarch.h, the AR moves of ar.h and
 * the RSE executors of rse.h.  Privilege and reserved-field checks live in
 * those callees; where the SDM puts the privilege check before the NaT
 * check, a NaT source in user mode is handed to the callee so that it
 * raises Privileged Operation itself.
 */
#include <stdio.h>

#include "ar.h"
#include "disasm.h"
#include "munit.h"
#include "rse.h"
#include "sysarch.h"

/* Operand fields a table entry wants extracted (in->r1/r2/r3/imm). */
#define D_R1	0x01
#define D_R2	0x02
#define D_R3	0x04
#define D_IMM21	0x08	/* break/nop/hint: i{36} imm20a{25:6} */
#define D_IMM24	0x10	/* rsm/ssm/sum/rum: i{36} i2d{32:31} imm21a{26:6} */
#define D_IMM8	0x20	/* mov ar = imm8: s{36} imm7b{19:13} */
#define D_IMM2	0x40	/* probe imm2{14:13} */
#define D_CHKS	0x80	/* chk.s: s{36} imm13c{32:20} imm7a{12:6}, r2 */
#define D_ALLOC	0x100	/* alloc: sof{19:13} sol{26:20} sor{30:27} */

struct msys_form {
	struct opdesc op;
	exec_fn exec;
	uint16_t fields;
	uint8_t arg;		/* -> in->a: ireg file, I/D side, probe access... */
	uint16_t flags;		/* extra IF_* */
};

static bool priv_mode(const struct cpu *c)
{
	return psr_cpl(c->psr) == 0;
}

/* --- executors ---------------------------------------------------------- */

static int x_nop(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
	return X_NEXT;
}

static int x_break(struct cpu *c, const struct insn *in)
{
	return cpu_break(c, (uint64_t)in->imm);
}

static int x_sum(struct cpu *c, const struct insn *in) { return sys_sum(c, (uint64_t)in->imm); }
static int x_rum(struct cpu *c, const struct insn *in) { return sys_rum(c, (uint64_t)in->imm); }
static int x_ssm(struct cpu *c, const struct insn *in) { return sys_ssm(c, (uint64_t)in->imm); }
static int x_rsm(struct cpu *c, const struct insn *in) { return sys_rsm(c, (uint64_t)in->imm); }

static int x_mov_ar_imm(struct cpu *c, const struct insn *in)
{
	return ar_write(c, in->r3, false, (uint64_t)in->imm);
}

static int x_mov_to_ar(struct cpu *c, const struct insn *in)
{
	return ar_write_nat(c, in->r3, false, gr_get(c, in->r2), gr_nat(c, in->r2));
}

static int x_mov_from_ar(struct cpu *c, const struct insn *in)
{
	uint64_t v;
	int r = ar_read(c, in->r3, false, &v);

	if (r)
		return r;
	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	gr_set(c, in->r1, v, false);
	return X_NEXT;
}

/* Write a "mov r1 = ..." result after the callee succeeded (call the
 * callee first: argument evaluation order is unspecified). */
static int put_r1(struct cpu *c, const struct insn *in, int r, uint64_t v, bool nat)
{
	if (r)
		return r;
	gr_set(c, in->r1, v, nat);
	return X_NEXT;
}

/*
 * Privileged moves to system state: Illegal Operation (frame), then
 * Privileged Operation (callee, reached with the NaT value in user mode),
 * then NaT Consumption.
 */
static bool priv_nat(const struct cpu *c, bool nat)
{
	return nat && priv_mode(c);
}

static int x_mov_to_cr(struct cpu *c, const struct insn *in)
{
	if (priv_nat(c, gr_nat(c, in->r2)))
		return cpu_nat_consumption(c, 0);
	return sys_mov_to_cr(c, in->r3, gr_get(c, in->r2));
}

static int x_mov_from_cr(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	r = sys_mov_from_cr(c, in->r3, &v);
	return put_r1(c, in, r, v, false);
}

static int x_mov_to_rr(struct cpu *c, const struct insn *in)
{
	if (priv_nat(c, gr_nat(c, in->r2) || gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, 0);
	return sys_mov_to_rr(c, gr_get(c, in->r3), gr_get(c, in->r2));
}

static int x_mov_from_rr(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	if (priv_nat(c, gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, 0);
	r = sys_mov_from_rr(c, gr_get(c, in->r3), &v);
	return put_r1(c, in, r, v, false);
}

static int x_mov_to_ireg(struct cpu *c, const struct insn *in)
{
	/* dbr/ibr/pkr/pmc/pmd writes are all privileged. */
	if (priv_nat(c, gr_nat(c, in->r2) || gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, 0);
	return sys_mov_to_ireg(c, (enum sys_ireg)in->a, gr_get(c, in->r3), gr_get(c, in->r2));
}

static int x_mov_from_ireg(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	int r;
	bool nat = gr_nat(c, in->r3);

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	/* cpuid and (with psr.sp clear) pmd are readable at any level: a
	 * NaT index faults there; the callee decides the others' privilege. */
	if (nat && (priv_mode(c) || in->a == IREG_CPUID || in->a == IREG_PMD))
		return cpu_nat_consumption(c, 0);
	r = sys_mov_from_ireg(c, (enum sys_ireg)in->a, gr_get(c, in->r3), &v);
	return put_r1(c, in, r, v, false);
}

static int x_mov_to_psr_l(struct cpu *c, const struct insn *in)
{
	if (priv_nat(c, gr_nat(c, in->r2)))
		return cpu_nat_consumption(c, 0);
	return sys_mov_to_psr_l(c, gr_get(c, in->r2));
}

static int x_mov_to_psr_um(struct cpu *c, const struct insn *in)
{
	if (gr_nat(c, in->r2))
		return cpu_nat_consumption(c, 0);
	return sys_mov_to_psr_um(c, gr_get(c, in->r2));
}

static int x_mov_from_psr(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	r = sys_mov_from_psr(c, &v);
	return put_r1(c, in, r, v, false);
}

static int x_mov_from_psr_um(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	r = sys_mov_from_psr_um(c, &v);
	return put_r1(c, in, r, v, false);
}

static int x_itc(struct cpu *c, const struct insn *in)
{
	if (priv_nat(c, gr_nat(c, in->r2)))
		return cpu_nat_consumption(c, 0);
	return sys_itc(c, in->a, gr_get(c, in->r2));
}

static int x_itr(struct cpu *c, const struct insn *in)
{
	if (priv_nat(c, gr_nat(c, in->r2) || gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, 0);
	return sys_itr(c, in->a, gr_get(c, in->r3), gr_get(c, in->r2));
}

/* in->a: 0 ptc.l, 1 ptc.g, 2 ptc.ga, 3 ptr.d, 4 ptr.i */
static int x_purge(struct cpu *c, const struct insn *in)
{
	uint64_t va = gr_get(c, in->r3), ps = gr_get(c, in->r2);

	if (priv_nat(c, gr_nat(c, in->r2) || gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, 0);
	switch (in->a) {
	case 0:
		return sys_ptc_l(c, va, ps);
	case 1:
	case 2:
		return sys_ptc_g(c, va, ps, in->a == 2);
	default:
		return sys_ptr(c, in->a == 4, va, ps);
	}
}

static int x_ptc_e(struct cpu *c, const struct insn *in)
{
	if (priv_nat(c, gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, 0);
	return sys_ptc_e(c, gr_get(c, in->r3));
}

/* thash / ttag (in->a = 1): a NaT address gives a NaT result, no fault. */
static int x_thash(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	bool nat = false;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	if (gr_nat(c, in->r3)) {
		gr_set(c, in->r1, 0, true);
		return X_NEXT;
	}
	if (in->a)
		r = sys_ttag(c, gr_get(c, in->r3), &v, &nat);
	else
		r = sys_thash(c, gr_get(c, in->r3), &v, &nat);
	return put_r1(c, in, r, v, nat);
}

/* tpa / tak (in->a = 1): privileged non-access translations. */
static int x_tpa(struct cpu *c, const struct insn *in)
{
	uint64_t v = 0;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	if (priv_nat(c, gr_nat(c, in->r3)))
		return cpu_nat_consumption(c, ISR_NA | (in->a ? ISR_NA_TAK : ISR_NA_TPA));
	if (in->a)
		r = sys_tak(c, gr_get(c, in->r3), &v);
	else
		r = sys_tpa(c, gr_get(c, in->r3), &v);
	return put_r1(c, in, r, v, false);
}

/* probe: in->a = ACC_R/ACC_W bits; pl from GR[r2]{1:0} (register form)
 * or the imm2 in in->imm; the .fault forms write no register. */
static inline int do_probe(struct cpu *c, const struct insn *in, bool regform, bool fault)
{
	uint64_t v = 0;
	unsigned pl;
	int r;

	if (!fault && m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	if (gr_nat(c, in->r3) || (regform && gr_nat(c, in->r2)))
		return cpu_nat_consumption(c, ISR_NA | (fault ? ISR_NA_PROBE_FAULT : ISR_NA_PROBE));
	pl = regform ? (unsigned)(gr_get(c, in->r2) & 3) : (unsigned)in->imm;
	r = sys_probe(c, gr_get(c, in->r3), pl, in->a, fault, &v);
	if (fault)
		return r;
	return put_r1(c, in, r, v, false);
}

static int x_probe_reg(struct cpu *c, const struct insn *in) { return do_probe(c, in, true, false); }
static int x_probe_imm(struct cpu *c, const struct insn *in) { return do_probe(c, in, false, false); }
static int x_probe_fault(struct cpu *c, const struct insn *in) { return do_probe(c, in, false, true); }

static int x_fc(struct cpu *c, const struct insn *in)
{
	if (gr_nat(c, in->r3))
		return cpu_nat_consumption(c, ISR_NA | ISR_R | ISR_NA_FC);
	return sys_fc(c, gr_get(c, in->r3), in->a);
}

/* chk.s.m (in->a = 0) / chk.s with an FR (in->a = 1): branch on NaT. */
static int x_chk_s(struct cpu *c, const struct insn *in)
{
	bool deferred;

	if (in->a) {
		if (m_fr_disabled(c, in->r2))
			return cpu_disabled_fp(c, in->r2);
		deferred = fp82_is_natval(fr_get(c, in->r2));
	} else {
		deferred = gr_nat(c, in->r2);
	}
	if (!deferred)
		return X_NEXT;
	c->ip += (uint64_t)in->imm;
	c->slot = 0;
	return X_JUMP;
}

/* --- operand printers ------------------------------------------------------ */

#define DIS(name) static void name(const struct insn *in, uint64_t ip, char *buf, size_t n)

DIS(d_imm_hex) { (void)ip; buf[0] = 0; dis_imm_hex(buf, n, (uint64_t)in->imm); }
/*
 * hint.m: binutils (gas and objdump alike) lays the immediate out as
 * imm{3:0} in bits 9:6, imm{17:4} in bits 25:12 and imm{18} in bit 36,
 * skipping bits 11:10 -- print the value the way objdump reads it.
 */
DIS(d_hint)
{
	uint64_t v = (uint64_t)in->imm;

	(void)ip;
	buf[0] = 0;
	dis_imm_dec(buf, n, (int64_t)((v & 0xf) | (((v >> 6) & 0x3fff) << 4) | (((v >> 20) & 1) << 18)));
}

DIS(d_none) { (void)ip; (void)in; if (n) buf[0] = 0; }
DIS(d_r1) { (void)ip; snprintf(buf, n, "r%u", in->r1); }
DIS(d_f1) { (void)ip; snprintf(buf, n, "f%u", in->r1); }
DIS(d_r2) { (void)ip; snprintf(buf, n, "r%u", in->r2); }
DIS(d_r3) { (void)ip; snprintf(buf, n, "r%u", in->r3); }
DIS(d_r3_r2) { (void)ip; snprintf(buf, n, "r%u,r%u", in->r3, in->r2); }
DIS(d_r1_r3) { (void)ip; snprintf(buf, n, "r%u=r%u", in->r1, in->r3); }

DIS(d_to_ar)
{
	char t[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "%s=r%u", dis_ar_name(in->r3, t), in->r2);
}

DIS(d_to_ar_imm)
{
	char t[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "%s=%lld", dis_ar_name(in->r3, t), (long long)in->imm);
}

DIS(d_from_ar)
{
	char t[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "r%u=%s", in->r1, dis_ar_name(in->r3, t));
}

DIS(d_to_cr)
{
	char t[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "%s=r%u", dis_cr_name(in->r3, t), in->r2);
}

DIS(d_from_cr)
{
	char t[DIS_NAME_MAX];

	(void)ip;
	snprintf(buf, n, "r%u=%s", in->r1, dis_cr_name(in->r3, t));
}

static const char *const ind_names[] = {
	[IREG_CPUID] = "cpuid", [IREG_DBR] = "dbr", [IREG_IBR] = "ibr",
	[IREG_PKR] = "pkr", [IREG_PMC] = "pmc", [IREG_PMD] = "pmd",
	[6] = "msr", [7] = "rr",
};

DIS(d_to_ind) { (void)ip; snprintf(buf, n, "%s[r%u]=r%u", ind_names[in->a], in->r3, in->r2); }
DIS(d_from_ind) { (void)ip; snprintf(buf, n, "r%u=%s[r%u]", in->r1, ind_names[in->a], in->r3); }
DIS(d_to_psr_l) { (void)ip; snprintf(buf, n, "psr.l=r%u", in->r2); }
DIS(d_to_psr_um) { (void)ip; snprintf(buf, n, "psr.um=r%u", in->r2); }
DIS(d_from_psr) { (void)ip; snprintf(buf, n, "r%u=psr", in->r1); }
DIS(d_from_psr_um) { (void)ip; snprintf(buf, n, "r%u=psr.um", in->r1); }
DIS(d_itr) { (void)ip; snprintf(buf, n, "%s[r%u]=r%u", in->a ? "itr" : "dtr", in->r3, in->r2); }
DIS(d_probe_reg) { (void)ip; snprintf(buf, n, "r%u=r%u,r%u", in->r1, in->r3, in->r2); }
DIS(d_probe_imm) { (void)ip; snprintf(buf, n, "r%u=r%u,%lld", in->r1, in->r3, (long long)in->imm); }
DIS(d_probe_fault) { (void)ip; snprintf(buf, n, "r%u,%lld", in->r3, (long long)in->imm); }
DIS(d_chk_r) { snprintf(buf, n, "r%u,0x%llx", in->r2, (unsigned long long)(ip + (uint64_t)in->imm)); }
DIS(d_chk_f) { snprintf(buf, n, "f%u,0x%llx", in->r2, (unsigned long long)(ip + (uint64_t)in->imm)); }

DIS(d_alloc)
{
	(void)ip;
	snprintf(buf, n, "r%u=ar.pfs,%u,%u,%lld", in->r1, in->a, in->b, (long long)in->imm * 8);
}

/* --- decode tables ----------------------------------------------------------- */

#define M(nm, d, fn, f, ...) { { nm, d }, fn, f, __VA_ARGS__ }

/* Major opcode 0, x3 = 0: index x4 = bits 30:27 for the rows whose x2
 * bits are immediate (sum/rum/ssm/rsm), otherwise x2:x4 = bits 32:27. */
static const struct msys_form op0_forms[64] = {
	[0x00] = M("break.m", d_imm_hex, x_break, D_IMM21, 0, 0),
	[0x0a] = M("loadrs", d_none, exec_loadrs, 0, 0, 0),
	[0x0c] = M("flushrs", d_none, exec_flushrs, 0, 0, 0),
	[0x10] = M("invala", d_none, alat_exec_invala, 0, 0, 0),
	[0x12] = M("invala.e", d_r1, alat_exec_invala, D_R1, 0, 0),
	[0x13] = M("invala.e", d_f1, alat_exec_invala, D_R1, 0, 0),
	[0x20] = M("fwb", d_none, x_nop, 0, 0, 0),
	[0x22] = M("mf", d_none, x_nop, 0, 0, 0),
	[0x23] = M("mf.a", d_none, x_nop, 0, 0, 0),
	[0x28] = M("mov.m", d_to_ar_imm, x_mov_ar_imm, D_R3 | D_IMM8, 0, 0),
	[0x30] = M("srlz.d", d_none, x_nop, 0, 0, IF_SERIALIZE),
	[0x31] = M("srlz.i", d_none, x_nop, 0, 0, IF_SERIALIZE),
	[0x33] = M("sync.i", d_none, x_nop, 0, 0, IF_SERIALIZE),
};
static const struct msys_form op0_um_forms[4] = {
	M("sum", d_imm_hex, x_sum, D_IMM24, 0, 0),
	M("rum", d_imm_hex, x_rum, D_IMM24, 0, 0),
	M("ssm", d_imm_hex, x_ssm, D_IMM24, 0, IF_SERIALIZE),
	M("rsm", d_imm_hex, x_rsm, D_IMM24, 0, IF_SERIALIZE),
};
static const struct msys_form nop_m = M("nop.m", d_imm_hex, x_nop, D_IMM21, 0, 0);
static const struct msys_form hint_m = M("hint.m", d_hint, x_nop, D_IMM21, 0, 0);

/* Major opcode 1, x3 = 0: x6 = bits 32:27. */
static const struct msys_form op1_forms[64] = {
	[0x00] = M("mov", d_to_ind, x_mov_to_rr, D_R2 | D_R3, 7, 0),
	[0x01] = M("mov", d_to_ind, x_mov_to_ireg, D_R2 | D_R3, IREG_DBR, 0),
	[0x02] = M("mov", d_to_ind, x_mov_to_ireg, D_R2 | D_R3, IREG_IBR, 0),
	[0x03] = M("mov", d_to_ind, x_mov_to_ireg, D_R2 | D_R3, IREG_PKR, 0),
	[0x04] = M("mov", d_to_ind, x_mov_to_ireg, D_R2 | D_R3, IREG_PMC, 0),
	[0x05] = M("mov", d_to_ind, x_mov_to_ireg, D_R2 | D_R3, IREG_PMD, 0),
	[0x06] = M("mov", d_to_ind, m_exec_illegal, D_R2 | D_R3, 6, 0),
	[0x09] = M("ptc.l", d_r3_r2, x_purge, D_R2 | D_R3, 0, 0),
	[0x0a] = M("ptc.g", d_r3_r2, x_purge, D_R2 | D_R3, 1, 0),
	[0x0b] = M("ptc.ga", d_r3_r2, x_purge, D_R2 | D_R3, 2, 0),
	[0x0c] = M("ptr.d", d_r3_r2, x_purge, D_R2 | D_R3, 3, 0),
	[0x0d] = M("ptr.i", d_r3_r2, x_purge, D_R2 | D_R3, 4, 0),
	[0x0e] = M("itr.d", d_itr, x_itr, D_R2 | D_R3, 0, 0),
	[0x0f] = M("itr.i", d_itr, x_itr, D_R2 | D_R3, 1, 0),
	[0x10] = M("mov", d_from_ind, x_mov_from_rr, D_R1 | D_R3, 7, 0),
	[0x11] = M("mov", d_from_ind, x_mov_from_ireg, D_R1 | D_R3, IREG_DBR, 0),
	[0x12] = M("mov", d_from_ind, x_mov_from_ireg, D_R1 | D_R3, IREG_IBR, 0),
	[0x13] = M("mov", d_from_ind, x_mov_from_ireg, D_R1 | D_R3, IREG_PKR, 0),
	[0x14] = M("mov", d_from_ind, x_mov_from_ireg, D_R1 | D_R3, IREG_PMC, 0),
	[0x15] = M("mov", d_from_ind, x_mov_from_ireg, D_R1 | D_R3, IREG_PMD, 0),
	[0x16] = M("mov", d_from_ind, m_exec_illegal, D_R1 | D_R3, 6, 0),
	[0x17] = M("mov", d_from_ind, x_mov_from_ireg, D_R1 | D_R3, IREG_CPUID, 0),
	[0x18] = M("probe.r", d_probe_imm, x_probe_imm, D_R1 | D_R3 | D_IMM2, ACC_R, 0),
	[0x19] = M("probe.w", d_probe_imm, x_probe_imm, D_R1 | D_R3 | D_IMM2, ACC_W, 0),
	[0x1a] = M("thash", d_r1_r3, x_thash, D_R1 | D_R3, 0, 0),
	[0x1b] = M("ttag", d_r1_r3, x_thash, D_R1 | D_R3, 1, 0),
	[0x1e] = M("tpa", d_r1_r3, x_tpa, D_R1 | D_R3, 0, 0),
	[0x1f] = M("tak", d_r1_r3, x_tpa, D_R1 | D_R3, 1, 0),
	[0x21] = M("mov", d_from_psr_um, x_mov_from_psr_um, D_R1, 0, 0),
	[0x22] = M("mov.m", d_from_ar, x_mov_from_ar, D_R1 | D_R3, 0, 0),
	[0x24] = M("mov", d_from_cr, x_mov_from_cr, D_R1 | D_R3, 0, 0),
	[0x25] = M("mov", d_from_psr, x_mov_from_psr, D_R1, 0, 0),
	[0x29] = M("mov", d_to_psr_um, x_mov_to_psr_um, D_R2, 0, 0),
	[0x2a] = M("mov.m", d_to_ar, x_mov_to_ar, D_R2 | D_R3, 0, 0),
	[0x2c] = M("mov", d_to_cr, x_mov_to_cr, D_R2 | D_R3, 0, IF_SERIALIZE),
	[0x2d] = M("mov", d_to_psr_l, x_mov_to_psr_l, D_R2, 0, IF_SERIALIZE),
	[0x2e] = M("itc.d", d_r2, x_itc, D_R2, 0, 0),
	[0x2f] = M("itc.i", d_r2, x_itc, D_R2, 1, 0),
	[0x30] = M("fc", d_r3, x_fc, D_R3, 0, 0),
	[0x31] = M("probe.rw.fault", d_probe_fault, x_probe_fault, D_R3 | D_IMM2, ACC_R | ACC_W, 0),
	[0x32] = M("probe.r.fault", d_probe_fault, x_probe_fault, D_R3 | D_IMM2, ACC_R, 0),
	[0x33] = M("probe.w.fault", d_probe_fault, x_probe_fault, D_R3 | D_IMM2, ACC_W, 0),
	[0x34] = M("ptc.e", d_r3, x_ptc_e, D_R3, 0, 0),
	[0x38] = M("probe.r", d_probe_reg, x_probe_reg, D_R1 | D_R2 | D_R3, ACC_R, 0),
	[0x39] = M("probe.w", d_probe_reg, x_probe_reg, D_R1 | D_R2 | D_R3, ACC_W, 0),
};
static const struct msys_form fc_i = M("fc.i", d_r3, x_fc, D_R3, 1, 0);
static const struct msys_form chk_s_m = M("chk.s.m", d_chk_r, x_chk_s, D_R2 | D_CHKS, 0, IF_BRANCH);
static const struct msys_form chk_s_f = M("chk.s", d_chk_f, x_chk_s, D_R2 | D_CHKS, 1, IF_BRANCH);
static const struct msys_form alloc_f = M("alloc", d_alloc, exec_alloc, D_R1 | D_ALLOC, 0, 0);

static void apply(const struct msys_form *f, uint64_t raw, struct insn *in)
{
	unsigned d = f->fields;

	if (!f->exec) {
		decode_illegal(raw, in);
		return;
	}
	m_init(in, raw, f->exec, &f->op);
	in->a = f->arg;
	in->flags |= f->flags;
	if (d & D_R1)
		in->r1 = (uint8_t)m_r1(raw);
	if (d & D_R2)
		in->r2 = (uint8_t)m_r2(raw);
	if (d & D_R3)
		in->r3 = (uint8_t)m_r3(raw);
	if (d & D_IMM21)
		in->imm = (int64_t)((slot_bits(raw, 36, 1) << 20) | slot_bits(raw, 6, 20));
	if (d & D_IMM24)
		in->imm = (int64_t)((slot_bits(raw, 36, 1) << 23) | (slot_bits(raw, 31, 2) << 21) |
				    slot_bits(raw, 6, 21));
	if (d & D_IMM8)
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 7) | slot_bits(raw, 13, 7), 8);
	if (d & D_IMM2)
		in->imm = (int64_t)slot_bits(raw, 13, 2);
	if (d & D_CHKS)
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 20) | (slot_bits(raw, 20, 13) << 7) |
				    slot_bits(raw, 6, 7), 21) * 16;
	if (d & D_ALLOC) {
		/* rse.h: a = sof, b = sol, imm = sor (the CFM field, units of 8). */
		in->a = (uint8_t)slot_bits(raw, 13, 7);
		in->b = (uint8_t)slot_bits(raw, 20, 7);
		in->imm = (int64_t)slot_bits(raw, 27, 4);
	}
}

void msys_decode0(uint64_t raw, struct insn *in)
{
	unsigned x3 = (unsigned)slot_bits(raw, 33, 3);
	unsigned x4 = (unsigned)slot_bits(raw, 27, 4), x2 = (unsigned)slot_bits(raw, 31, 2);

	if (x3 >= 4) {
		alat_decode_chk_a(raw, in);
		return;
	}
	if (x3 != 0) {
		decode_illegal(raw, in);
		return;
	}
	if (x4 >= 4 && x4 <= 7)
		apply(&op0_um_forms[x4 - 4], raw, in);
	else if (x4 == 1 && x2 == 0)
		apply(slot_bits(raw, 26, 1) ? &hint_m : &nop_m, raw, in);
	else
		apply(&op0_forms[(x2 << 4) | x4], raw, in);
}

void msys_decode1(uint64_t raw, struct insn *in)
{
	unsigned x3 = (unsigned)slot_bits(raw, 33, 3);
	unsigned x6 = (unsigned)slot_bits(raw, 27, 6);

	switch (x3) {
	case 0:
		if (x6 == 0x30 && m_mbit(raw))
			apply(&fc_i, raw, in);
		else
			apply(&op1_forms[x6], raw, in);
		/* A GR target of r0 is an Illegal Operation (check_target_register). */
		if ((op1_forms[x6].fields & D_R1) && in->r1 == 0)
			in->exec = m_exec_illegal;
		break;
	case 1:
		apply(&chk_s_m, raw, in);
		break;
	case 3:
		apply(&chk_s_f, raw, in);
		break;
	case 6:
		apply(&alloc_f, raw, in);
		break;
	default:
		decode_illegal(raw, in);
		return;
	}
}
