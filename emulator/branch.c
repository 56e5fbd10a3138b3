/* SPDX-License-Identifier: MIT */
/*
 * B-unit executors (SDM Vol. 3, "br", "brl", "cover", "clrrrb", ...):
 * conditional, indirect, call and return branches, the counted and
 * modulo-scheduled loop branches with register rotation, and the
 * miscellaneous B-unit operations.  IP-relative displacements are
 * relative to the bundle address (c->ip while the slot executes).
 */
#include "branch.h"
#include "cpu.h"
#include "interrupt.h"
#include "rse.h"
#include "sysarch.h"

static inline int take(struct cpu *c, uint64_t target)
{
	c->ip = target & ~0xfULL;
	c->slot = 0;
	return X_JUMP;
}

int exec_br_cond(struct cpu *c, const struct insn *in)
{
	return take(c, c->ip + (uint64_t)in->imm);
}

int exec_br_cond_ind(struct cpu *c, const struct insn *in)
{
	return take(c, c->br[in->r2]);
}

/* br.ia switches to the IA-32 instruction set, which this CPU lacks:
 * Disabled Instruction Set Transition fault. */
int exec_br_ia(struct cpu *c, const struct insn *in)
{
	struct fault f = { .vector = IVT_GENERAL_EXCEPTION, .isr = GEX_DISABLED_ISA };

	(void)in;
	return cpu_fault(c, &f);
}

static int call(struct cpu *c, unsigned b1, uint64_t target)
{
	uint64_t ret = c->ip + 16;
	int r = rse_call(c);

	if (r)
		return r;
	c->br[b1] = ret;
	return take(c, target);
}

int exec_br_call(struct cpu *c, const struct insn *in)
{
	return call(c, in->r1, c->ip + (uint64_t)in->imm);
}

int exec_br_call_ind(struct cpu *c, const struct insn *in)
{
	return call(c, in->r1, c->br[in->r2]);
}

/* br.ret: frame from PFS.pfm, EC from PFS.pec, and the privilege level
 * may only become less privileged (numerically larger). */
int exec_br_ret(struct cpu *c, const struct insn *in)
{
	uint64_t target = c->br[in->r2], pfs = c->ar[AR_PFS];
	unsigned ppl = (unsigned)(pfs >> PFS_PPL_SHIFT) & 3;
	unsigned cpl = (unsigned)((c->psr & PSR_CPL) >> PSR_CPL_SHIFT);
	int r = rse_return(c, pfs);

	if (r)
		return r;
	c->ar[AR_EC] = (pfs >> PFS_PEC_SHIFT) & 0x3f;
	if (ppl > cpl)
		c->psr = (c->psr & ~PSR_CPL) | ((uint64_t)ppl << PSR_CPL_SHIFT);
	return take(c, target);
}

/* Loop branches must be the last slot of their bundle. */
static inline int loop_slot_ok(const struct cpu *c)
{
	return c->slot == 2;
}

int exec_br_cloop(struct cpu *c, const struct insn *in)
{
	if (!loop_slot_ok(c))
		return cpu_illegal_op(c);
	if (c->ar[AR_LC]) {
		c->ar[AR_LC]--;
		return take(c, c->ip + (uint64_t)in->imm);
	}
	return X_NEXT;
}

/* Rotate all three register files by one (rrb decrement, modulo size). */
static void rotate(struct cpu *c)
{
	uint64_t cfm = c->cfm;
	unsigned sor = CFM_SOR(cfm) * 8;
	unsigned gr = CFM_RRB_GR(cfm), fr = CFM_RRB_FR(cfm), pr = CFM_RRB_PR(cfm);

	gr = sor ? (gr ? gr - 1 : sor - 1) : 0;
	fr = fr ? fr - 1 : 95;
	pr = pr ? pr - 1 : 47;
	cfm = ia64_set_field(cfm, 18, 7, gr);
	cfm = ia64_set_field(cfm, 25, 7, fr);
	cfm = ia64_set_field(cfm, 32, 6, pr);
	c->cfm = cfm;
	cpu_remap(c);
}

/*
 * ctop/cexit: with LC != 0 count LC down, feed p63 = 1 and rotate (ctop
 * taken); with LC == 0 the epilog counts EC down with p63 = 0 and rotates;
 * the branch stays taken while EC > 1 before the decrement; with LC and
 * EC both zero rotation stops.
 */
/*
 * The epilogue half shared by the counted (ctop/cexit) and while
 * (wtop/wexit) loop branches: p63 = 0, and ar.ec drains one stage per
 * iteration, rotating while it lasts.  Returns whether the loop goes on.
 */
static bool loop_epilogue(struct cpu *c)
{
	pr_set(c, 63, 0);
	if (c->ar[AR_EC] > 1) {
		c->ar[AR_EC]--;
		rotate(c);
		return true;
	}
	if (c->ar[AR_EC]) {
		c->ar[AR_EC]--;
		rotate(c);
	}
	return false;
}

int exec_br_ctop(struct cpu *c, const struct insn *in)
{
	bool cont;

	if (!loop_slot_ok(c))
		return cpu_illegal_op(c);
	if (c->ar[AR_LC]) {
		c->ar[AR_LC]--;
		pr_set(c, 63, 1);
		rotate(c);
		cont = true;
	} else {
		cont = loop_epilogue(c);
	}
	if (cont == (in->a == BT_CTOP))
		return take(c, c->ip + (uint64_t)in->imm);
	return X_NEXT;
}

/* wtop/wexit: like ctop/cexit with the qualifying predicate in place of
 * LC != 0 (and EC unchanged while it is true). */
int exec_br_wtop(struct cpu *c, const struct insn *in)
{
	bool cont;

	if (!loop_slot_ok(c))
		return cpu_illegal_op(c);
	if (pr_get(c, in->qp)) {
		pr_set(c, 63, 0);
		rotate(c);
		cont = true;
	} else {
		cont = loop_epilogue(c);
	}
	if (cont == (in->a == BT_WTOP))
		return take(c, c->ip + (uint64_t)in->imm);
	return X_NEXT;
}

int exec_cover(struct cpu *c, const struct insn *in)
{
	(void)in;
	return rse_cover(c);
}

/* clrrrb: all rotating bases to 0; clrrrb.pr: only rrb.pr. */
int exec_clrrrb(struct cpu *c, const struct insn *in)
{
	if (in->a)
		c->cfm = ia64_set_field(c->cfm, 32, 6, 0);
	else
		c->cfm &= ~(IA64_MASK(18, 7) | IA64_MASK(25, 7) | IA64_MASK(32, 6));
	cpu_remap(c);
	return X_NEXT;
}

int exec_rfi(struct cpu *c, const struct insn *in)
{
	(void)in;
	return sys_rfi(c);
}

int exec_bsw(struct cpu *c, const struct insn *in)
{
	return sys_bsw(c, in->a);
}

int exec_epc(struct cpu *c, const struct insn *in)
{
	(void)in;
	return sys_epc(c);
}

int exec_break_b(struct cpu *c, const struct insn *in)
{
	return cpu_break(c, in->imm2);
}

int exec_nop_b(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
	return X_NEXT;
}
