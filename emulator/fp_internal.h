/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the FP unit: the soft-float core (fp.c) as used by
 * the F-unit executors (fpu.c) and the reciprocal approximations (frcpa.c).
 *
 * A computation runs in a struct fp_env decoded once from ar.fpsr's status
 * field and the instruction's precision completer; the core accumulates
 * IEEE flags in env->flags (FPE_* bits, same order as the status field's
 * flag bits and the fpsr trap-disable bits) and sets env->fpa when the
 * rounded significand was incremented (ISR.fpa for traps).
 */
#ifndef EMU_FP_INTERNAL_H
#define EMU_FP_INTERNAL_H

#include <stdint.h>

#include "fpreg.h"
#include "ia64/psr.h"
#include "ia64/regs.h"

/* Flag/exception bits: v d z o u i (SDM Vol. 1 5.2.2). */
#define FPE_V	0x01
#define FPE_D	0x02
#define FPE_Z	0x04
#define FPE_O	0x08
#define FPE_U	0x10
#define FPE_I	0x20
#define FPE_FAULTS	(FPE_V | FPE_D | FPE_Z)
#define FPE_TRAPS	(FPE_O | FPE_U | FPE_I)

/* Which precision/range an instruction uses (SDM Vol. 1 Table 5-6). */
enum fp_pcsel {
	FP_PC_SF,	/* no completer: sf.pc, 15-bit range (17 with wre) */
	FP_PC_S,	/* .s: 24 bits, 8-bit range (17 with wre) */
	FP_PC_D,	/* .d: 53 bits, 11-bit range (17 with wre) */
	FP_PC_PAR,	/* parallel FP: 24 bits, 8-bit range */
	FP_PC_EXT17,	/* 64 bits, 17-bit range (frcpa slow-path quotients) */
};

enum fp_rc { RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3 };

struct fp_env {
	unsigned prec;		/* significand bits: 24, 53 or 64 */
	int emin, emax;		/* unbiased exponent range */
	unsigned rc;		/* enum fp_rc */
	unsigned ftz;		/* flush tiny results to zero */
	unsigned enabled;	/* FPE_* exceptions whose trap/fault is enabled */
	unsigned flags;		/* FPE_* raised so far */
	unsigned fpa;		/* last rounding incremented the significand */
};

/* Decode status field sf of fpsr for precision selector pc (tables in
 * fp.c).  Inline: every FP arithmetic instruction runs it. */
extern const uint8_t fp_pc_prec[5][4], fp_pc_range[5][2];

static inline void fp_env_init(struct fp_env *e, uint64_t fpsr, unsigned sf,
			       enum fp_pcsel pc)
{
	unsigned field = (unsigned)(fpsr >> FPSR_SF_SHIFT(sf)) & 0x1fff;
	unsigned range = fp_pc_range[pc][(field & SF_WRE) != 0];

	e->rc = (field >> SF_RC_SHIFT) & 3;
	e->enabled = (field & SF_TD) ? 0 : (unsigned)(~fpsr & FPSR_TRAP_MASK);
	/* flush-to-zero only acts while the underflow trap is disabled */
	e->ftz = (field & SF_FTZ) && !(e->enabled & FPE_U);
	e->flags = 0;
	e->fpa = 0;
	e->prec = fp_pc_prec[pc][(field >> SF_PC_SHIFT) & 3];
	e->emax = (1 << (range - 1)) - 1;
	e->emin = 1 - e->emax;
}

/* Register-format classes (after NaTVal has been handled by the caller). */
enum fp_class {
	FPC_ZERO, FPC_NORM, FPC_UNORM, FPC_INF, FPC_QNAN, FPC_SNAN, FPC_UNSUP,
};
enum fp_class fp_classify(struct fp82 f);

/* The SDM's "unorm" operand test behind the d flag: denormals, unnormals
 * and pseudo-zeros (a zero significand with a nonzero exponent, e.g. the
 * setf.sig image of 0), which otherwise compute as zeros. */
static inline int fp_unorm_operand(struct fp82 f)
{
	if (f.exp == FP82_EXP_MAX)
		return 0;
	return f.sig ? !(f.sig >> 63) || f.exp == 0 : f.exp != 0;
}

static inline int fp_is_nan(struct fp82 f)
{
	return f.exp == FP82_EXP_MAX && (f.sig >> 63) && (f.sig << 1);
}

/* The default QNaN ("real indefinite") and integer indefinite. */
static const struct fp82 FP82_QNAN_INDEF = { 0xc000000000000000ULL, FP82_EXP_MAX, 1 };
#define FP_INT_INDEF	0x8000000000000000ULL

/* An unpacked finite value: sig normalized (bit 63 set) unless zero,
 * value = (-1)^sign * sig * 2^(exp - 63). */
struct fp_unp {
	uint64_t sig;
	int exp;
	unsigned sign;
};
struct fp_unp fp_unpack(struct fp82 f);

/*
 * r = (-1)^neg_p * a*b + (-1)^neg_c * c with one rounding: fma/fms/fnma
 * and their pseudo-ops (fadd, fmpy, fnorm...).  Handles every class and
 * raises flags in e.  neg_c | FP_NO_ADDEND: f2 was f0, which the SDM does
 * not add at all (so fmpy of -1 * 0 is -0, not +0 - 0 = +0).
 */
#define FP_NO_ADDEND	2u
struct fp82 fp_fma(struct fp_env *e, struct fp82 a, struct fp82 b,
		   struct fp82 c, unsigned neg_p, unsigned neg_c);

/* Round sign * sig * 2^(exp-63) (+ sticky below) to e's precision/range. */
struct fp82 fp_round(struct fp_env *e, unsigned sign, uint64_t sig,
		     uint64_t below, int exp);

/* fcvt.fx/fxu(.trunc) into a `bits`-wide integer (64, or 32 for fpcvt):
 * two's complement for signed; the integer indefinite on invalid. */
uint64_t fp_to_int(struct fp_env *e, struct fp82 f, int is_signed, int trunc,
		   unsigned bits);

/* Comparisons per SDM fcmp: returns 1 if the relation holds. */
enum fp_rel { FREL_EQ, FREL_LT, FREL_LE, FREL_UNORD };
int fp_compare(struct fp_env *e, struct fp82 a, struct fp82 b, enum fp_rel rel);

/* fclass: does f match the 9-bit class mask? */
int fp_class_match(struct fp82 f, unsigned fclass9);

/* Quiet a NaN (set bit 62). */
static inline struct fp82 fp_quiet(struct fp82 f)
{
	f.sig |= 1ULL << 62;
	return f;
}

/* frcpa.c: architected approximations and their slow-path divisions. */
unsigned fp_recip_table(unsigned index);	/* 10-bit entries */
unsigned fp_rsqrt_table(unsigned index);
struct fp82 fp_recip_approx(struct fp82 den_normalized);
struct fp82 fp_rsqrt_approx(struct fp82 root_normalized);
struct fp82 fp_divide(struct fp_env *e, struct fp82 num, struct fp82 den);

/* Register value as a normalized fp82 (exp 0 read as 0xc001). */
struct fp82 fp_normalize(struct fp82 f);

/* --- executor glue shared by fpu.c, fpu_par.c and frcpa.c ------------- */

struct cpu;
struct insn;

#define FNOREG	0xff	/* "no register" for fpu_enter's operand list */

/*
 * Common prologue: Illegal Operation for a write to f0/f1 (target `f1`),
 * Disabled FP-Register fault for any operand in a disabled partition.
 * Returns nonzero when a fault was raised (its result in *rv).
 */
int fpu_enter(struct cpu *c, unsigned f1, unsigned a, unsigned b, unsigned d,
	      int *rv);
/* fpu_enter's common case, for the executors' fast paths: target f1
 * writable (FNOREG counts as writable) and neither FP partition
 * disabled, so no fault is possible. */
static inline int fpu_quick_ok(uint64_t psr, unsigned f1)
{
	return f1 >= 2 && !(psr & (PSR_DFL | PSR_DFH));
}
/* fpu_enter behind its inline common-case test (for files with cpu.h). */
#define FPU_ENTER(c, f1, a, b, d, rv) \
	(!fpu_quick_ok((c)->psr, (f1)) && fpu_enter((c), (f1), (a), (b), (d), (rv)))
/* Raise an FP Fault if an enabled v/d/z occurred (nothing is written);
 * `hi` is the high half of a parallel operation or NULL. */
int fpu_faults(struct cpu *c, const struct fp_env *lo, const struct fp_env *hi,
	       int *rv);
/* Record flags in status field `sf` and raise an FP Trap for enabled
 * o/u/i; returns what the executor returns. */
int fpu_done(struct cpu *c, unsigned sf, const struct fp_env *lo,
	     const struct fp_env *hi);
void fpu_env(struct cpu *c, struct fp_env *e, unsigned sf, enum fp_pcsel pc);

/* An integer-format result (exp 0x1003e, positive). */
static inline struct fp82 fp_intval(uint64_t sig)
{
	struct fp82 r = { sig, FP82_EXP_INT, 0 };

	return r;
}

/* Executors (decode_f.c builds the insn fields they read). */
int fx_fma(struct cpu *c, const struct insn *in);
int fx_fms(struct cpu *c, const struct insn *in);
int fx_fnma(struct cpu *c, const struct insn *in);
int fx_xma(struct cpu *c, const struct insn *in);
int fx_fselect(struct cpu *c, const struct insn *in);
int fx_fcmp(struct cpu *c, const struct insn *in);
int fx_fclass(struct cpu *c, const struct insn *in);
int fx_fminmax(struct cpu *c, const struct insn *in);
int fx_fbit(struct cpu *c, const struct insn *in);
int fx_fcvt_fx(struct cpu *c, const struct insn *in);
int fx_fcvt_xf(struct cpu *c, const struct insn *in);
int fx_fsetc(struct cpu *c, const struct insn *in);
int fx_fclrf(struct cpu *c, const struct insn *in);
int fx_fchkf(struct cpu *c, const struct insn *in);
int fx_nop(struct cpu *c, const struct insn *in);
int fx_break(struct cpu *c, const struct insn *in);
int fx_frcpa(struct cpu *c, const struct insn *in);
int fx_frsqrta(struct cpu *c, const struct insn *in);
int fx_fprcpa(struct cpu *c, const struct insn *in);
int fx_fprsqrta(struct cpu *c, const struct insn *in);
/* fpu_par.c: parallel single-precision forms */
int fx_fpma(struct cpu *c, const struct insn *in);	/* b: 0 fpma 1 fpms 2 fpnma */
int fx_fpminmax(struct cpu *c, const struct insn *in);	/* b as fx_fminmax */
int fx_fpcmp(struct cpu *c, const struct insn *in);	/* b: 0-7 eq..ord */
int fx_fpmerge(struct cpu *c, const struct insn *in);	/* b: 0 s 1 ns 2 se */
int fx_fpcvt(struct cpu *c, const struct insn *in);	/* b as fx_fcvt_fx */

/* Parallel FP halves: f0 reads as +0.0 and f1 as 1.0 in both halves. */
struct fp82 fpu_read_half(struct cpu *c, unsigned f, int hi);

#endif
