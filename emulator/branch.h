/* SPDX-License-Identifier: MIT */
/*
 * Executors of the B unit and of the X-unit branches (branch.c), shared by
 * the decoders decode_b.c and decode_x.c.
 *
 * Operand fields (struct insn): imm = IP-relative displacement in bytes;
 * r1 = b1 (call link register), r2 = b2 (indirect source); a = branch
 * type (enum br_type); imm2 = break/nop immediate.
 */
#ifndef EMU_BRANCH_H
#define EMU_BRANCH_H

#include "insn.h"

enum br_type { BT_COND, BT_IA, BT_RET, BT_CALL, BT_CLOOP, BT_CEXIT, BT_CTOP,
	       BT_WEXIT, BT_WTOP };

int exec_br_cond(struct cpu *c, const struct insn *in);		/* ip-relative */
int exec_br_cond_ind(struct cpu *c, const struct insn *in);
int exec_br_ia(struct cpu *c, const struct insn *in);
int exec_br_ret(struct cpu *c, const struct insn *in);
int exec_br_call(struct cpu *c, const struct insn *in);
int exec_br_call_ind(struct cpu *c, const struct insn *in);
int exec_br_cloop(struct cpu *c, const struct insn *in);
int exec_br_ctop(struct cpu *c, const struct insn *in);		/* a: BT_CTOP/CEXIT */
int exec_br_wtop(struct cpu *c, const struct insn *in);		/* a: BT_WTOP/WEXIT */
int exec_cover(struct cpu *c, const struct insn *in);
int exec_clrrrb(struct cpu *c, const struct insn *in);		/* a = 1: .pr only */
int exec_rfi(struct cpu *c, const struct insn *in);
int exec_bsw(struct cpu *c, const struct insn *in);		/* a = bank */
int exec_epc(struct cpu *c, const struct insn *in);
int exec_break_b(struct cpu *c, const struct insn *in);		/* imm2 = immediate */
int exec_nop_b(struct cpu *c, const struct insn *in);

#endif
