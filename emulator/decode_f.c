/* SPDX-License-Identifier: MIT */
/*
 * F-unit decoder (SDM Vol. 3 4.6 formats F1-F16) with objdump-exact
 * disassembly, pseudo-ops included: fma with f4=f1 is fadd, with f2=f0
 * fmpy, with both fnorm; fms with f4=f1 is fsub; fnma/fpma/fpnma/xma with
 * f2=f0 are fnmpy/fpmpy/fpnmpy/xmpy; fmerge.s with f2=f3 is mov, with
 * f2=f0 fabs; fmerge.ns gives fneg/fnegabs, fpmerge fpabs/fpneg/fpnegabs.
 * objdump prints the status field explicitly (".s0").
 *
 * Field use in struct insn: see fpu.c.  Mnemonics carrying a status field
 * are generated once into sf_ops[base][sf].
 */
#include <stdio.h>
#include <string.h>

#include "ia64/bits.h"
#include "disasm.h"
#include "fp_internal.h"
#include "insn.h"

/* --- operand printers ---------------------------------------------------- */

static void d_f1_f3_f4_f2(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u=f%u,f%u,f%u", in->r1, in->r3, in->r4, in->r2);
}

static void d_f1_f3_f2(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u=f%u,f%u", in->r1, in->r3, in->r2);
}

static void d_f1_f3_f4(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u=f%u,f%u", in->r1, in->r3, in->r4);
}

static void d_f1_f3(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u=f%u", in->r1, in->r3);
}

static void d_f1_f2_f3(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u=f%u,f%u", in->r1, in->r2, in->r3);
}

static void d_f1_f2(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u=f%u", in->r1, in->r2);
}

static void d_cmp(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "p%u,p%u=f%u,f%u", in->p1, in->p2, in->r2, in->r3);
}

static void d_class(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "p%u,p%u=f%u,0x%llx", in->p1, in->p2, in->r2,
		 (unsigned long long)in->imm2);
}

static void d_rcpa(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u,p%u=f%u,f%u", in->r1, in->p2, in->r2, in->r3);
}

static void d_rsqrta(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "f%u,p%u=f%u", in->r1, in->p2, in->r3);
}

static void d_setc(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	snprintf(b, n, "0x%llx,0x%llx", (unsigned long long)(in->imm2 & 0x7f),
		 (unsigned long long)(in->imm2 >> 8 & 0x7f));
}

static void d_target(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	b[0] = 0;
	dis_target(b, n, ip, in->imm);
}

static void d_imm(const struct insn *in, uint64_t ip, char *b, size_t n)
{
	(void)ip;
	b[0] = 0;
	dis_imm_hex(b, n, in->imm2);
}

/* --- mnemonics with a status-field completer ---------------------------- */

enum sf_base {
	B_FMA, B_FMA_S, B_FMA_D, B_FADD, B_FADD_S, B_FADD_D,
	B_FMPY, B_FMPY_S, B_FMPY_D, B_FNORM, B_FNORM_S, B_FNORM_D,
	B_FMS, B_FMS_S, B_FMS_D, B_FSUB, B_FSUB_S, B_FSUB_D,
	B_FNMA, B_FNMA_S, B_FNMA_D, B_FNMPY, B_FNMPY_S, B_FNMPY_D,
	B_FPMA, B_FPMPY, B_FPMS, B_FPNMA, B_FPNMPY,
	B_FCMP,					/* + rel * 2 + unc: 8 entries */
	B_FRCPA = B_FCMP + 8, B_FRSQRTA, B_FPRCPA, B_FPRSQRTA,
	B_FMIN, B_FMAX, B_FAMIN, B_FAMAX,
	B_FPMIN, B_FPMAX, B_FPAMIN, B_FPAMAX,
	B_FPCMP,				/* + 0..7 */
	B_FCVT = B_FPCMP + 8,			/* + unsigned + 2 * trunc */
	B_FPCVT = B_FCVT + 4,
	B_FSETC = B_FPCVT + 4, B_FCLRF, B_FCHKF,
	N_SF_BASE
};

struct sf_def {
	const char *name;
	dis_fn dis;
};

/* Mnemonic (without ".sN") and operand printer of each base. */
static const struct sf_def sf_defs[N_SF_BASE] = {
	[B_FMA] = { "fma", d_f1_f3_f4_f2 }, [B_FMA_S] = { "fma.s", d_f1_f3_f4_f2 },
	[B_FMA_D] = { "fma.d", d_f1_f3_f4_f2 },
	[B_FADD] = { "fadd", d_f1_f3_f2 }, [B_FADD_S] = { "fadd.s", d_f1_f3_f2 },
	[B_FADD_D] = { "fadd.d", d_f1_f3_f2 },
	[B_FMPY] = { "fmpy", d_f1_f3_f4 }, [B_FMPY_S] = { "fmpy.s", d_f1_f3_f4 },
	[B_FMPY_D] = { "fmpy.d", d_f1_f3_f4 },
	[B_FNORM] = { "fnorm", d_f1_f3 }, [B_FNORM_S] = { "fnorm.s", d_f1_f3 },
	[B_FNORM_D] = { "fnorm.d", d_f1_f3 },
	[B_FMS] = { "fms", d_f1_f3_f4_f2 }, [B_FMS_S] = { "fms.s", d_f1_f3_f4_f2 },
	[B_FMS_D] = { "fms.d", d_f1_f3_f4_f2 },
	[B_FSUB] = { "fsub", d_f1_f3_f2 }, [B_FSUB_S] = { "fsub.s", d_f1_f3_f2 },
	[B_FSUB_D] = { "fsub.d", d_f1_f3_f2 },
	[B_FNMA] = { "fnma", d_f1_f3_f4_f2 }, [B_FNMA_S] = { "fnma.s", d_f1_f3_f4_f2 },
	[B_FNMA_D] = { "fnma.d", d_f1_f3_f4_f2 },
	[B_FNMPY] = { "fnmpy", d_f1_f3_f4 }, [B_FNMPY_S] = { "fnmpy.s", d_f1_f3_f4 },
	[B_FNMPY_D] = { "fnmpy.d", d_f1_f3_f4 },
	[B_FPMA] = { "fpma", d_f1_f3_f4_f2 }, [B_FPMPY] = { "fpmpy", d_f1_f3_f4 },
	[B_FPMS] = { "fpms", d_f1_f3_f4_f2 }, [B_FPNMA] = { "fpnma", d_f1_f3_f4_f2 },
	[B_FPNMPY] = { "fpnmpy", d_f1_f3_f4 },
	[B_FCMP + 0] = { "fcmp.eq", d_cmp }, [B_FCMP + 1] = { "fcmp.eq.unc", d_cmp },
	[B_FCMP + 2] = { "fcmp.lt", d_cmp }, [B_FCMP + 3] = { "fcmp.lt.unc", d_cmp },
	[B_FCMP + 4] = { "fcmp.le", d_cmp }, [B_FCMP + 5] = { "fcmp.le.unc", d_cmp },
	[B_FCMP + 6] = { "fcmp.unord", d_cmp },
	[B_FCMP + 7] = { "fcmp.unord.unc", d_cmp },
	[B_FRCPA] = { "frcpa", d_rcpa }, [B_FRSQRTA] = { "frsqrta", d_rsqrta },
	[B_FPRCPA] = { "fprcpa", d_rcpa }, [B_FPRSQRTA] = { "fprsqrta", d_rsqrta },
	[B_FMIN] = { "fmin", d_f1_f2_f3 }, [B_FMAX] = { "fmax", d_f1_f2_f3 },
	[B_FAMIN] = { "famin", d_f1_f2_f3 }, [B_FAMAX] = { "famax", d_f1_f2_f3 },
	[B_FPMIN] = { "fpmin", d_f1_f2_f3 }, [B_FPMAX] = { "fpmax", d_f1_f2_f3 },
	[B_FPAMIN] = { "fpamin", d_f1_f2_f3 }, [B_FPAMAX] = { "fpamax", d_f1_f2_f3 },
	[B_FPCMP + 0] = { "fpcmp.eq", d_f1_f2_f3 }, [B_FPCMP + 1] = { "fpcmp.lt", d_f1_f2_f3 },
	[B_FPCMP + 2] = { "fpcmp.le", d_f1_f2_f3 }, [B_FPCMP + 3] = { "fpcmp.unord", d_f1_f2_f3 },
	[B_FPCMP + 4] = { "fpcmp.neq", d_f1_f2_f3 }, [B_FPCMP + 5] = { "fpcmp.nlt", d_f1_f2_f3 },
	[B_FPCMP + 6] = { "fpcmp.nle", d_f1_f2_f3 }, [B_FPCMP + 7] = { "fpcmp.ord", d_f1_f2_f3 },
	[B_FCVT + 0] = { "fcvt.fx", d_f1_f2 }, [B_FCVT + 1] = { "fcvt.fxu", d_f1_f2 },
	[B_FCVT + 2] = { "fcvt.fx.trunc", d_f1_f2 },
	[B_FCVT + 3] = { "fcvt.fxu.trunc", d_f1_f2 },
	[B_FPCVT + 0] = { "fpcvt.fx", d_f1_f2 }, [B_FPCVT + 1] = { "fpcvt.fxu", d_f1_f2 },
	[B_FPCVT + 2] = { "fpcvt.fx.trunc", d_f1_f2 },
	[B_FPCVT + 3] = { "fpcvt.fxu.trunc", d_f1_f2 },
	[B_FSETC] = { "fsetc", d_setc }, [B_FCLRF] = { "fclrf", NULL },
	[B_FCHKF] = { "fchkf", d_target },
};

static struct opdesc sf_ops[N_SF_BASE][4];
static char sf_names[N_SF_BASE][4][24];

/* Built before main() (and so before any CPU thread can decode). */
__attribute__((constructor)) static void sf_ops_init(void)
{
	unsigned i, s;

	for (i = 0; i < N_SF_BASE; i++)
		for (s = 0; s < 4; s++) {
			snprintf(sf_names[i][s], sizeof(sf_names[i][s]), "%s.s%u",
				 sf_defs[i].name, s);
			sf_ops[i][s].name = sf_names[i][s];
			sf_ops[i][s].dis = sf_defs[i].dis;
		}
}

static const struct opdesc *sf_op(enum sf_base b, unsigned sf)
{
	return &sf_ops[b][sf & 3];
}

/* --- mnemonics without a status field -------------------------------------- */

#define OP(id, nm, d) static const struct opdesc id = { nm, d }
OP(op_xma_l, "xma.l", d_f1_f3_f4_f2);
OP(op_xma_h, "xma.h", d_f1_f3_f4_f2);
OP(op_xma_hu, "xma.hu", d_f1_f3_f4_f2);
OP(op_xmpy_l, "xmpy.l", d_f1_f3_f4);
OP(op_xmpy_h, "xmpy.h", d_f1_f3_f4);
OP(op_xmpy_hu, "xmpy.hu", d_f1_f3_f4);
OP(op_fselect, "fselect", d_f1_f3_f4_f2);
OP(op_fclass, "fclass.m", d_class);
OP(op_fclass_unc, "fclass.m.unc", d_class);
OP(op_fcvt_xf, "fcvt.xf", d_f1_f2);
OP(op_break, "break.f", d_imm);
OP(op_nop, "nop.f", d_imm);
OP(op_hint, "hint.f", d_imm);
OP(op_mov, "mov", d_f1_f3);
OP(op_fabs, "fabs", d_f1_f3);
OP(op_fneg, "fneg", d_f1_f3);
OP(op_fnegabs, "fnegabs", d_f1_f3);
OP(op_fpabs, "fpabs", d_f1_f3);
OP(op_fpneg, "fpneg", d_f1_f3);
OP(op_fpnegabs, "fpnegabs", d_f1_f3);

/* Bitwise/merge ops of the misc space, indexed by x6 (enum fbit_op in b). */
struct bit_def {
	struct opdesc op;
	uint8_t kind;
	uint8_t valid;
};

static const struct bit_def bit_ops[64] = {
	[0x10] = { { "fmerge.s", d_f1_f2_f3 }, 0, 1 },
	[0x11] = { { "fmerge.ns", d_f1_f2_f3 }, 1, 1 },
	[0x12] = { { "fmerge.se", d_f1_f2_f3 }, 2, 1 },
	[0x3b] = { { "fmix.l", d_f1_f2_f3 }, 3, 1 },
	[0x3a] = { { "fmix.r", d_f1_f2_f3 }, 4, 1 },
	[0x39] = { { "fmix.lr", d_f1_f2_f3 }, 5, 1 },
	[0x3d] = { { "fsxt.l", d_f1_f2_f3 }, 6, 1 },
	[0x3c] = { { "fsxt.r", d_f1_f2_f3 }, 7, 1 },
	[0x28] = { { "fpack", d_f1_f2_f3 }, 8, 1 },
	[0x34] = { { "fswap", d_f1_f2_f3 }, 9, 1 },
	[0x35] = { { "fswap.nl", d_f1_f2_f3 }, 10, 1 },
	[0x36] = { { "fswap.nr", d_f1_f2_f3 }, 11, 1 },
	[0x2c] = { { "fand", d_f1_f2_f3 }, 12, 1 },
	[0x2d] = { { "fandcm", d_f1_f2_f3 }, 13, 1 },
	[0x2e] = { { "for", d_f1_f2_f3 }, 14, 1 },
	[0x2f] = { { "fxor", d_f1_f2_f3 }, 15, 1 },
};

static const struct opdesc op_fpmerge[3] = {
	{ "fpmerge.s", d_f1_f2_f3 }, { "fpmerge.ns", d_f1_f2_f3 },
	{ "fpmerge.se", d_f1_f2_f3 },
};

/* --- decoding ------------------------------------------------------------- */

static void set(struct insn *in, exec_fn fn, const struct opdesc *op, unsigned b)
{
	in->exec = fn;
	in->op = op;
	in->b = (uint8_t)b;
}

/* Major opcodes 8-13: fma/fms/fnma (.s/.d) and fpma/fpms/fpnma. */
static void decode_fma(uint64_t raw, struct insn *in, unsigned op, unsigned x)
{
	static const exec_fn fns[3] = { fx_fma, fx_fms, fx_fnma };
	unsigned kind = (op - 8) / 2, sf = in->a;
	int f4one = in->r4 == 1, f2zero = in->r2 == 0;
	enum sf_base b;

	(void)raw;
	if ((op & 1) && x) {			/* parallel */
		static const enum sf_base pb[3][2] = {
			{ B_FPMA, B_FPMPY }, { B_FPMS, B_FPMS }, { B_FPNMA, B_FPNMPY },
		};
		set(in, fx_fpma, sf_op(pb[kind][f2zero], sf), kind);
		return;
	}
	in->b = (op & 1) ? FP_PC_D : x ? FP_PC_S : FP_PC_SF;
	switch (kind) {
	case 0:
		b = f4one && f2zero ? B_FNORM : f4one ? B_FADD : f2zero ? B_FMPY : B_FMA;
		break;
	case 1:
		b = f4one ? B_FSUB : B_FMS;
		break;
	default:
		b = f2zero ? B_FNMPY : B_FNMA;
		break;
	}
	/* the _S/_D variants follow each base in enum order */
	b = (enum sf_base)(b + (in->b == FP_PC_S ? 1 : in->b == FP_PC_D ? 2 : 0));
	in->exec = fns[kind];
	in->op = sf_op(b, sf);
}

static void decode_misc(uint64_t raw, struct insn *in)
{
	unsigned x6 = (unsigned)slot_bits(raw, 27, 6), sf = in->a;
	uint64_t imm21 = slot_bits(raw, 6, 20) | slot_bits(raw, 36, 1) << 20;
	const struct bit_def *bd = &bit_ops[x6];

	if (bd->valid) {
		const struct opdesc *op = &bd->op;

		if (x6 == 0x10 && in->r2 == in->r3)
			op = &op_mov;
		else if (x6 == 0x10 && in->r2 == 0)
			op = &op_fabs;
		else if (x6 == 0x11 && in->r2 == in->r3)
			op = &op_fneg;
		else if (x6 == 0x11 && in->r2 == 0)
			op = &op_fnegabs;
		set(in, fx_fbit, op, bd->kind);
		return;
	}
	switch (x6) {
	case 0x00:
		in->imm2 = imm21;
		set(in, fx_break, &op_break, 0);
		return;
	case 0x01:
		in->imm2 = imm21;
		set(in, fx_nop, slot_bits(raw, 26, 1) ? &op_hint : &op_nop, 0);
		return;
	case 0x04:
		in->imm2 = slot_bits(raw, 13, 7) | slot_bits(raw, 20, 7) << 8;
		set(in, fx_fsetc, sf_op(B_FSETC, sf), 0);
		return;
	case 0x05:
		set(in, fx_fclrf, sf_op(B_FCLRF, sf), 0);
		return;
	case 0x08:
		in->imm = ia64_sext(imm21, 21) * 16;
		in->flags |= IF_BRANCH;
		set(in, fx_fchkf, sf_op(B_FCHKF, sf), 0);
		return;
	case 0x14: case 0x15: case 0x16: case 0x17:
		set(in, fx_fminmax, sf_op((enum sf_base)(B_FMIN + (x6 - 0x14)), sf), x6 - 0x14);
		return;
	case 0x18: case 0x19: case 0x1a: case 0x1b:
		set(in, fx_fcvt_fx, sf_op((enum sf_base)(B_FCVT + (x6 - 0x18)), sf), x6 - 0x18);
		return;
	case 0x1c:
		set(in, fx_fcvt_xf, &op_fcvt_xf, 0);
		return;
	default:
		decode_illegal(raw, in);
		return;
	}
}

static void decode_par_misc(uint64_t raw, struct insn *in)
{
	unsigned x6 = (unsigned)slot_bits(raw, 27, 6), sf = in->a;
	const struct opdesc *op;

	switch (x6) {
	case 0x10: case 0x11: case 0x12:
		op = &op_fpmerge[x6 - 0x10];
		if (x6 == 0x10 && in->r2 == 0)
			op = &op_fpabs;
		else if (x6 == 0x11 && in->r2 == in->r3)
			op = &op_fpneg;
		else if (x6 == 0x11 && in->r2 == 0)
			op = &op_fpnegabs;
		set(in, fx_fpmerge, op, x6 - 0x10);
		return;
	case 0x14: case 0x15: case 0x16: case 0x17:
		set(in, fx_fpminmax, sf_op((enum sf_base)(B_FPMIN + (x6 - 0x14)), sf), x6 - 0x14);
		return;
	case 0x18: case 0x19: case 0x1a: case 0x1b:
		set(in, fx_fpcvt, sf_op((enum sf_base)(B_FPCVT + (x6 - 0x18)), sf), x6 - 0x18);
		return;
	case 0x30: case 0x31: case 0x32: case 0x33:
	case 0x34: case 0x35: case 0x36: case 0x37:
		set(in, fx_fpcmp, sf_op((enum sf_base)(B_FPCMP + (x6 - 0x30)), sf), x6 - 0x30);
		return;
	default:
		decode_illegal(raw, in);
		return;
	}
}

void decode_f(uint64_t raw, struct insn *in)
{
	unsigned op = slot_major(raw), x = (unsigned)slot_bits(raw, 36, 1);

	decode_common_fields(raw, in);
	in->r4 = (uint8_t)slot_bits(raw, 27, 7);
	in->a = (uint8_t)slot_bits(raw, 34, 2);

	switch (op) {
	case 0x0:
	case 0x1:
		if (slot_bits(raw, 33, 1)) {	/* frcpa / frsqrta (F6/F7) */
			enum sf_base b = op ? (x ? B_FPRSQRTA : B_FPRCPA)
					    : (x ? B_FRSQRTA : B_FRCPA);
			exec_fn fn = op ? (x ? fx_fprsqrta : fx_fprcpa)
					: (x ? fx_frsqrta : fx_frcpa);

			in->p2 = (uint8_t)slot_bits(raw, 27, 6);
			in->flags |= IF_ALWAYS;
			set(in, fn, sf_op(b, in->a), 0);
			return;
		}
		if (op)
			decode_par_misc(raw, in);
		else
			decode_misc(raw, in);
		return;
	case 0x4: {				/* fcmp (F4) */
		unsigned rel = (unsigned)slot_bits(raw, 33, 1) << 1 | x;
		unsigned unc = (unsigned)slot_bits(raw, 12, 1);

		in->p1 = (uint8_t)slot_bits(raw, 6, 6);
		in->p2 = (uint8_t)slot_bits(raw, 27, 6);
		if (unc)
			in->flags |= IF_ALWAYS;
		/* rel: 0 eq, 1 lt, 2 le, 3 unord = enum fp_rel */
		set(in, fx_fcmp, sf_op((enum sf_base)(B_FCMP + rel * 2 + unc), in->a), rel);
		return;
	}
	case 0x5: {				/* fclass (F5) */
		unsigned unc = (unsigned)slot_bits(raw, 12, 1);

		in->p1 = (uint8_t)slot_bits(raw, 6, 6);
		in->p2 = (uint8_t)slot_bits(raw, 27, 6);
		in->imm2 = slot_bits(raw, 20, 7) << 2 | slot_bits(raw, 33, 2);
		if (unc)
			in->flags |= IF_ALWAYS;
		set(in, fx_fclass, unc ? &op_fclass_unc : &op_fclass, 0);
		return;
	}
	case 0x8: case 0x9: case 0xa: case 0xb: case 0xc: case 0xd:
		decode_fma(raw, in, op, x);
		return;
	case 0xe:
		if (!x) {
			set(in, fx_fselect, &op_fselect, 0);
			return;
		}
		switch (in->a) {		/* x2 */
		case 0:
			set(in, fx_xma, in->r2 ? &op_xma_l : &op_xmpy_l, 0);
			return;
		case 2:
			set(in, fx_xma, in->r2 ? &op_xma_hu : &op_xmpy_hu, 2);
			return;
		case 3:
			set(in, fx_xma, in->r2 ? &op_xma_h : &op_xmpy_h, 3);
			return;
		default:
			break;
		}
		break;
	default:
		break;
	}
	decode_illegal(raw, in);
}
