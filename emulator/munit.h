/* SPDX-License-Identifier: MIT */
/*
 * Internal contract of the M-unit files (decode_m.c, memory.c, sema.c,
 * alat.c, mfp.c, msys.c): the per-class sub-decoders decode_m() dispatches
 * to, and the small helpers every M-unit executor shares (target-register
 * and frame checks, base-register update, the common faults).
 *
 * Operand conventions used by all M-unit decoders (struct insn):
 *   r1   target GR/FR (loads, getf, mov r=..., alloc)
 *   r2   source GR/FR (stores, setf, mov ...=r), increment register of the
 *        register post-increment forms, second target FR of ldfp
 *   r3   base address register / register index / AR or CR number
 *   imm  post-increment immediate (imm9 forms), fetchadd increment,
 *        IP-relative displacement of chk, immediate of break/nop/hint/
 *        rsm/ssm/sum/rum/mov ar=imm8/probe
 *   a    access size in bytes (integer ops) or format code (FP ops);
 *        msys.c: the per-form argument (ireg file, I/D side, probe access,
 *        purge kind), alloc's sof
 *   b    hint completer (0 none, 1 .nt1, 2 .nt2/.d2, 3 .nta); alloc's sol
 *   imm2 extra ACC_* bits for mem_read/mem_write (.acq/.rel); for lfetch
 *        1 = .fault
 */
#ifndef EMU_MUNIT_H
#define EMU_MUNIT_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "mem.h"

/* --- sub-decoders (decode_m.c dispatches on the major opcode) --------- */
void mem_decode_int(uint64_t raw, struct insn *in);	/* op 4 x=0, op 5 (memory.c) */
void sema_decode(uint64_t raw, struct insn *in);	/* op 4 m=0 x=1 (sema.c) */
void mfp_decode(uint64_t raw, struct insn *in);		/* op 6, op 7 (mfp.c) */
void mfp_decode_getf(uint64_t raw, struct insn *in);	/* op 4 x=1 x6=1c..1f */
void msys_decode0(uint64_t raw, struct insn *in);	/* op 0 (msys.c) */
void msys_decode1(uint64_t raw, struct insn *in);	/* op 1 (msys.c) */
void alat_decode_chk_a(uint64_t raw, struct insn *in);	/* op 0 x3=4..7 (alat.c) */

/* Executor shared by decoders for encodings whose operands make them
 * illegal whatever the register state (e.g. a load to r0, r1 == r3 with
 * base update): the disassembly stays objdump's, execution faults. */
int m_exec_illegal(struct cpu *c, const struct insn *in);

/* invala / invala.e: nothing to invalidate in a zero-entry ALAT (alat.c). */
int alat_exec_invala(struct cpu *c, const struct insn *in);

/* Operand printers shared by several M-unit classes. */
void m_dis_ld(const struct insn *in, uint64_t ip, char *buf, size_t n);	/* r1=[r3] */
void m_dis_ld_reg(const struct insn *in, uint64_t ip, char *buf, size_t n);	/* r1=[r3],r2 */
void m_dis_ld_imm(const struct insn *in, uint64_t ip, char *buf, size_t n);	/* r1=[r3],imm */

/* Raw-field extraction used by the M-unit decoders. */
static inline unsigned m_r1(uint64_t raw) { return (unsigned)slot_bits(raw, 6, 7); }
static inline unsigned m_r2(uint64_t raw) { return (unsigned)slot_bits(raw, 13, 7); }
static inline unsigned m_r3(uint64_t raw) { return (unsigned)slot_bits(raw, 20, 7); }
static inline unsigned m_x6(uint64_t raw) { return (unsigned)slot_bits(raw, 30, 6); }
static inline unsigned m_hint(uint64_t raw) { return (unsigned)slot_bits(raw, 28, 2); }
static inline unsigned m_mbit(uint64_t raw) { return (unsigned)slot_bits(raw, 36, 1); }
static inline unsigned m_xbit(uint64_t raw) { return (unsigned)slot_bits(raw, 27, 1); }

/* imm9 of the load/lfetch immediate post-increment forms (M3, M8, M15). */
static inline int64_t m_imm9_ld(uint64_t raw)
{
	return ia64_sext((slot_bits(raw, 36, 1) << 8) | (slot_bits(raw, 27, 1) << 7) |
			 slot_bits(raw, 13, 7), 9);
}

/* imm9 of the store immediate post-increment forms (M5, M10). */
static inline int64_t m_imm9_st(uint64_t raw)
{
	return ia64_sext((slot_bits(raw, 36, 1) << 8) | (slot_bits(raw, 27, 1) << 7) |
			 slot_bits(raw, 6, 7), 9);
}

/* Fill in the fields every M-unit decoder sets the same way. */
static inline void m_init(struct insn *in, uint64_t raw, exec_fn fn,
			  const struct opdesc *op)
{
	in->exec = fn;
	in->op = op;
	in->qp = (uint8_t)slot_bits(raw, 0, 6);
	in->r1 = in->r2 = in->r3 = in->r4 = 0;
	in->p1 = in->p2 = 0;
	in->a = in->b = 0;
	in->flags = (uint16_t)(UNIT_M << IF_UNIT_SHIFT);
	in->imm = 0;
	in->imm2 = 0;
}

/*
 * A GR written by an instruction must be inside the current frame
 * (check_target_register, SDM Vol. 3 3.4): a stacked register past
 * CFM.sof maps to the sink.  r0 is rejected at decode time.
 */
static inline bool m_gr_out_of_frame(const struct cpu *c, unsigned r)
{
	return c->gmap[r] == GR_SINK;
}

/* Post-increment of the base register: NaT of the increment propagates. */
static inline void m_base_update(struct cpu *c, unsigned r3, uint64_t base,
				 bool base_nat, uint64_t inc, bool inc_nat)
{
	gr_set(c, r3, base + inc, base_nat || inc_nat);
}

/* Disabled FP-Register fault check for a read or write of f. */
static inline bool m_fr_disabled(const struct cpu *c, unsigned f)
{
	if (f < 2)
		return false;
	return (c->psr & (f < 32 ? PSR_DFL : PSR_DFH)) != 0;
}

/* Unaligned Data Reference fault (vector 0x5a00) for `va`. */
int m_unaligned(struct cpu *c, uint64_t va, uint64_t isr_rw);

#endif
