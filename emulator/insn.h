/* SPDX-License-Identifier: MIT */
/*
 * The decoded-instruction contract between the bundle decoder, the unit
 * decoders (decode_a.c, decode_i.c, decode_m.c, decode_f.c, decode_b.c,
 * decode_x.c) and the execution units.
 *
 * A 41-bit slot is decoded once into a struct insn: the executor to call,
 * a descriptor for disassembly, and pre-extracted operand fields.  The
 * meaning of r1..r4/p1/p2/imm/imm2/a/b/flags is per format and documented
 * next to each decoder; executors never look at raw encoding bits.
 */
#ifndef EMU_INSN_H
#define EMU_INSN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct cpu;
struct insn;

/* What an executor tells the slot loop. */
enum exec_result {
	X_NEXT = 0,	/* fall through to the next slot */
	X_JUMP,		/* c->ip and c->slot were set (taken branch, rfi, ...) */
	X_FAULT,	/* an interruption was raised; c->ip/slot point at the handler */
	X_HALT,		/* stop this CPU's run loop (exit, fatal error, power-off) */
	X_YIELD,	/* (run loops only) an interrupt became deliverable: end the turn */
};

typedef int (*exec_fn)(struct cpu *c, const struct insn *in);
typedef void (*dis_fn)(const struct insn *in, uint64_t ip, char *buf, size_t n);

struct opdesc {
	const char *name;	/* full mnemonic with completers, as objdump prints it */
	dis_fn dis;		/* operand printer for this format */
};

/* insn.flags */
#define IF_ALWAYS	0x0001	/* call exec even when qp is false (.unc compares) */
#define IF_BRANCH	0x0002	/* may change ip (ends the decoded bundle run) */
#define IF_LONG		0x0004	/* occupies slots 1+2 (MLX) */
#define IF_SERIALIZE	0x0008	/* srlz/sync/rfi/...: the run loop re-checks interrupts */
#define IF_STORE	0x0010	/* writes memory (for code-cache invalidation) */
#define IF_PRIV		0x0020	/* privileged (the executor checks CPL itself) */
#define IF_UNIT_SHIFT	12	/* bits 12-15: unit (enum unit) */

struct insn {
	exec_fn exec;
	const struct opdesc *op;
	uint8_t qp;
	uint8_t r1, r2, r3, r4;	/* register operands (GR/FR/BR/AR/CR numbers) */
	uint8_t p1, p2;		/* predicate targets */
	uint8_t a, b;		/* small per-format fields: pos/len/count/size/hint */
	uint16_t flags;
	int64_t imm;		/* sign-extended immediate / IP-relative displacement */
	uint64_t imm2;		/* second immediate (e.g. mask, movl value) */
};

enum unit { UNIT_A, UNIT_I, UNIT_M, UNIT_F, UNIT_B, UNIT_L, UNIT_X };

/* Unit decoders: fill *in from a 41-bit slot. Unknown encodings produce the
 * "illegal" instruction, which raises an Illegal Operation fault. */
void decode_a(uint64_t raw, struct insn *in);
void decode_i(uint64_t raw, struct insn *in);
void decode_m(uint64_t raw, struct insn *in);
void decode_f(uint64_t raw, struct insn *in);
void decode_b(uint64_t raw, struct insn *in);
/* MLX: `lraw` is slot 1 (L), `xraw` is slot 2 (X). */
void decode_x(uint64_t lraw, uint64_t xraw, struct insn *in);

/* Shared by all decoders for reserved/unimplemented encodings. */
void decode_illegal(uint64_t raw, struct insn *in);
int exec_illegal(struct cpu *c, const struct insn *in);

/* Raw-field helpers for the decoders. */
static inline unsigned slot_major(uint64_t raw) { return (unsigned)(raw >> 37) & 0xf; }
static inline uint64_t slot_bits(uint64_t raw, unsigned pos, unsigned len)
{
	return (raw >> pos) & ((1ULL << len) - 1);
}

/* Start an A-, I- or F-unit slot: clear *in and take the fields these
 * formats keep in fixed places (qp 5:0, r1 12:6, r2 19:13, r3 26:20). */
static inline void decode_common_fields(uint64_t raw, struct insn *in)
{
	memset(in, 0, sizeof(*in));
	in->qp = (uint8_t)slot_bits(raw, 0, 6);
	in->r1 = (uint8_t)slot_bits(raw, 6, 7);
	in->r2 = (uint8_t)slot_bits(raw, 13, 7);
	in->r3 = (uint8_t)slot_bits(raw, 20, 7);
}

/* Disassembly helpers (disasm.c). */
void dis_insn(const struct insn *in, uint64_t ip, char *buf, size_t n);
/* Bundle disassembly in objdump's layout, one line per slot. */
void dis_bundle(uint64_t ip, const uint8_t bytes[16], char *buf, size_t n);

#endif
