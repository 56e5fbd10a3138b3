/* SPDX-License-Identifier: MIT */
/*
 * Bit-field and shift instructions: deposit (dep, dep.z), extract (extr,
 * extr.u), shrp, variable shl/shr/shr.u, popcnt, mux1/mux2, and the I29
 * group (zxt, sxt, czx).  Decoding of the field forms (majors 4 and 5)
 * lives here too, with objdump's pseudo-op spellings (shl/shr/shr.u for
 * deposits and extracts that reach bit 63).
 *
 * Field positions, lengths and masks are clamped and pre-computed at
 * decode; executors are a couple of shifts and masks.
 */
#include <stdio.h>
#include <string.h>

#include "alu.h"
#include "cpu.h"
#include "ia64/bits.h"
#include "insn.h"

static inline uint64_t low_mask(unsigned len)
{
	return len >= 64 ? ~0ULL : (1ULL << len) - 1;
}

/* ---------------------------------------------------------------- */
/* Executors                                                         */
/* ---------------------------------------------------------------- */

/* extr/extr.u: a = 64 - pos - len, b = 64 - len (len clamped to 64 - pos) */
static int x_extr(struct cpu *c, const struct insn *in)
{
	int64_t v = (int64_t)(gr_get(c, in->r3) << in->a);

	gr_set(c, in->r1, (uint64_t)(v >> in->b), gr_nat(c, in->r3));
	return X_NEXT;
}

static int x_extru(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, (gr_get(c, in->r3) << in->a) >> in->b, gr_nat(c, in->r3));
	return X_NEXT;
}

/* dep.z r1=r2,pos,len: a = pos, imm2 = field mask in place */
static int x_depz(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, (gr_get(c, in->r2) << in->a) & in->imm2, gr_nat(c, in->r2));
	return X_NEXT;
}

/* dep.z r1=imm8,pos,len: the whole result is a constant (in imm2) */
static int x_depz_imm(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, in->imm2, false);
	return X_NEXT;
}

/* dep r1=imm1,r3,pos,len: set or clear the field */
static int x_dep_ones(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, gr_get(c, in->r3) | in->imm2, gr_nat(c, in->r3));
	return X_NEXT;
}

static int x_dep_zeros(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, gr_get(c, in->r3) & ~in->imm2, gr_nat(c, in->r3));
	return X_NEXT;
}

/* dep r1=r2,r3,pos,len */
static int x_dep(struct cpu *c, const struct insn *in)
{
	uint64_t v = (gr_get(c, in->r3) & ~in->imm2) |
		     ((gr_get(c, in->r2) << in->a) & in->imm2);

	gr_set(c, in->r1, v, gr_nat(c, in->r2) | gr_nat(c, in->r3));
	return X_NEXT;
}

/* shrp r1=r2,r3,count: low 64 bits of (GR[r2]:GR[r3]) >> count.  The
 * double shift of r2 keeps count = 0 defined (contributes nothing). */
static int x_shrp(struct cpu *c, const struct insn *in)
{
	uint64_t v = (gr_get(c, in->r3) >> in->a) |
		     ((gr_get(c, in->r2) << 1) << (63 - in->a));

	gr_set(c, in->r1, v, gr_nat(c, in->r2) | gr_nat(c, in->r3));
	return X_NEXT;
}

/* shl r1=r2,r3 (I7): counts above 63 give 0. */
int x_shl_var(struct cpu *c, const struct insn *in)
{
	uint64_t n = gr_get(c, in->r3);

	gr_set(c, in->r1, n > 63 ? 0 : gr_get(c, in->r2) << n,
	       gr_nat(c, in->r2) | gr_nat(c, in->r3));
	return X_NEXT;
}

/* shr r1=r3,r2 (I5): counts above 63 fill with the sign. */
int x_shr_var(struct cpu *c, const struct insn *in)
{
	uint64_t n = gr_get(c, in->r2);

	gr_set(c, in->r1, (uint64_t)((int64_t)gr_get(c, in->r3) >> (n > 63 ? 63 : n)),
	       gr_nat(c, in->r2) | gr_nat(c, in->r3));
	return X_NEXT;
}

int x_shru_var(struct cpu *c, const struct insn *in)
{
	uint64_t n = gr_get(c, in->r2);

	gr_set(c, in->r1, n > 63 ? 0 : gr_get(c, in->r3) >> n,
	       gr_nat(c, in->r2) | gr_nat(c, in->r3));
	return X_NEXT;
}

int x_popcnt(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, (uint64_t)__builtin_popcountll(gr_get(c, in->r3)),
	       gr_nat(c, in->r3));
	return X_NEXT;
}

/* mux1/mux2 as a byte permutation: result byte i = source byte
 * (imm2 >> 4i) & 7, the permutation built at decode. */
int x_mux(struct cpu *c, const struct insn *in)
{
	uint64_t s = gr_get(c, in->r2), r = 0, p = in->imm2;
	unsigned i;

	for (i = 0; i < 64; i += 8, p >>= 4)
		r |= ((s >> ((p & 7) * 8)) & 0xff) << i;
	gr_set(c, in->r1, r, gr_nat(c, in->r2));
	return X_NEXT;
}

int x_mux1_brcst(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, (gr_get(c, in->r2) & 0xff) * 0x0101010101010101ULL,
	       gr_nat(c, in->r2));
	return X_NEXT;
}

/* zxt/sxt: a = source width in bits */
static int x_zxt(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, gr_get(c, in->r3) & in->imm2, gr_nat(c, in->r3));
	return X_NEXT;
}

static int x_sxt(struct cpu *c, const struct insn *in)
{
	gr_set(c, in->r1, (uint64_t)ia64_sext(gr_get(c, in->r3), in->a),
	       gr_nat(c, in->r3));
	return X_NEXT;
}

/*
 * czx: index of the first zero element.  .l counts from the most
 * significant end, .r from the least; no zero element gives the element
 * count.  a = element size in bytes.
 */
static int x_czx_l(struct cpu *c, const struct insn *in)
{
	uint64_t v = gr_get(c, in->r3), m = in->a == 1 ? 0xff : 0xffff;
	unsigned n = 8 / in->a, i;

	for (i = 0; i < n; i++)
		if (!((v >> (64 - (i + 1) * 8 * in->a)) & m))
			break;
	gr_set(c, in->r1, i, gr_nat(c, in->r3));
	return X_NEXT;
}

static int x_czx_r(struct cpu *c, const struct insn *in)
{
	uint64_t v = gr_get(c, in->r3), m = in->a == 1 ? 0xff : 0xffff;
	unsigned n = 8 / in->a, i;

	for (i = 0; i < n; i++)
		if (!((v >> (i * 8 * in->a)) & m))
			break;
	gr_set(c, in->r1, i, gr_nat(c, in->r3));
	return X_NEXT;
}

/* ---------------------------------------------------------------- */
/* Operand printers                                                  */
/* ---------------------------------------------------------------- */

/* extr r1=r3,pos,len (imm = pos, imm2 = encoded len) */
static void dis_extr(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%lld,%llu", in->r1, in->r3, (long long)in->imm,
		 (unsigned long long)in->imm2);
}

/* shr/shr.u r1=r3,count (extr whose field ends at bit 63; imm = pos) */
static void dis_shr_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%lld", in->r1, in->r3, (long long)in->imm);
}

/* dep.z r1=r2,pos,len (a = pos, b = len) */
static void dis_depz(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%u,%u", in->r1, in->r2, in->a, in->b);
}

static void dis_depz_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=%lld,%u,%u", in->r1, (long long)in->imm, in->a, in->b);
}

static void dis_dep_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=%lld,r%u,%u,%u", in->r1, (long long)in->imm, in->r3,
		 in->a, in->b);
}

static void dis_dep(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,r%u,%u,%u", in->r1, in->r2, in->r3, in->a, in->b);
}

/* shrp r1=r2,r3,count */
static const struct opdesc op_shrp = { "shrp", dis_r1_r2_r3_a };
static const struct opdesc op_extr = { "extr", dis_extr };
static const struct opdesc op_extru = { "extr.u", dis_extr };
static const struct opdesc op_shr = { "shr", dis_shr_imm };
static const struct opdesc op_shru = { "shr.u", dis_shr_imm };
static const struct opdesc op_depz = { "dep.z", dis_depz };
static const struct opdesc op_shl = { "shl", dis_r1_r2_a };
static const struct opdesc op_depz_imm = { "dep.z", dis_depz_imm };
static const struct opdesc op_dep_imm = { "dep", dis_dep_imm };
static const struct opdesc op_dep = { "dep", dis_dep };

/* ---------------------------------------------------------------- */
/* Decoding: majors 4 (I15) and 5 (I10-I14; x2 = 0 is tbit/tnat)     */
/* ---------------------------------------------------------------- */

/* Field mask for a deposit at pos of len bits, clipped at bit 63. */
static uint64_t field_mask(unsigned pos, unsigned len)
{
	unsigned l = pos + len > 64 ? 64 - pos : len;

	return low_mask(l) << pos;
}

static void decode_extr(uint64_t raw, struct insn *in)
{
	unsigned pos = (unsigned)slot_bits(raw, 14, 6);
	unsigned len = (unsigned)slot_bits(raw, 27, 6) + 1;
	unsigned l = pos + len > 64 ? 64 - pos : len;
	bool sign = slot_bits(raw, 13, 1);

	in->imm = pos;
	in->imm2 = len;
	in->a = (uint8_t)(64 - pos - l);
	in->b = (uint8_t)(64 - l);
	in->exec = sign ? x_extr : x_extru;
	if (pos + len == 64)
		in->op = sign ? &op_shr : &op_shru;
	else
		in->op = sign ? &op_extr : &op_extru;
}

static void decode_depz(uint64_t raw, struct insn *in)
{
	unsigned pos = 63 - (unsigned)slot_bits(raw, 20, 6);
	unsigned len = (unsigned)slot_bits(raw, 27, 6) + 1;

	in->a = (uint8_t)pos;
	in->b = (uint8_t)len;
	if (slot_bits(raw, 26, 1)) {
		/* I13: imm8 = s:imm7b */
		in->imm = ia64_sext((slot_bits(raw, 36, 1) << 7) |
				    slot_bits(raw, 13, 7), 8);
		in->imm2 = ((uint64_t)in->imm << pos) & field_mask(pos, len);
		in->exec = x_depz_imm;
		in->op = &op_depz_imm;
		return;
	}
	in->imm2 = field_mask(pos, len);
	in->exec = x_depz;
	in->op = pos + len == 64 ? &op_shl : &op_depz;
}

/* I14: dep r1=imm1,r3,pos,len */
static void decode_dep_imm(uint64_t raw, struct insn *in)
{
	unsigned pos = 63 - (unsigned)slot_bits(raw, 14, 6);
	unsigned len = (unsigned)slot_bits(raw, 27, 6) + 1;

	in->a = (uint8_t)pos;
	in->b = (uint8_t)len;
	in->imm = slot_bits(raw, 36, 1) ? -1 : 0;
	in->imm2 = field_mask(pos, len);
	in->exec = in->imm ? x_dep_ones : x_dep_zeros;
	in->op = &op_dep_imm;
}

/* I15 (major 4): dep r1=r2,r3,pos,len with a 4-bit length */
static void decode_dep(uint64_t raw, struct insn *in)
{
	unsigned pos = 63 - (unsigned)slot_bits(raw, 31, 6);
	unsigned len = (unsigned)slot_bits(raw, 27, 4) + 1;

	in->a = (uint8_t)pos;
	in->b = (uint8_t)len;
	in->imm2 = field_mask(pos, len);
	in->exec = x_dep;
	in->op = &op_dep;
}

void decode_shift(uint64_t raw, struct insn *in)
{
	unsigned x2 = (unsigned)slot_bits(raw, 34, 2);
	unsigned x = (unsigned)slot_bits(raw, 33, 1);

	if (slot_major(raw) == 4) {
		decode_dep(raw, in);
		return;
	}
	switch ((x2 << 1) | x) {
	case 0: case 1:
		decode_tbit(raw, in);
		break;
	case 2:
		decode_extr(raw, in);
		break;
	case 3:
		decode_depz(raw, in);
		break;
	case 6:
		in->a = (uint8_t)slot_bits(raw, 27, 6);
		in->exec = x_shrp;
		in->op = &op_shrp;
		break;
	case 7:
		decode_dep_imm(raw, in);
		break;
	default:
		decode_illegal(raw, in);
		break;
	}
}

/* ---------------------------------------------------------------- */
/* I29: zxt, sxt, czx (major 0, x3 = 0, x6 = 0x10-0x1f)              */
/* ---------------------------------------------------------------- */

struct ext_ent {
	exec_fn exec;
	struct opdesc op;
	uint8_t size;		/* bytes */
};

static const struct ext_ent ext_tab[16] = {
	[0x0] = { x_zxt, { "zxt1", dis_r1_r3 }, 1 },
	[0x1] = { x_zxt, { "zxt2", dis_r1_r3 }, 2 },
	[0x2] = { x_zxt, { "zxt4", dis_r1_r3 }, 4 },
	[0x4] = { x_sxt, { "sxt1", dis_r1_r3 }, 1 },
	[0x5] = { x_sxt, { "sxt2", dis_r1_r3 }, 2 },
	[0x6] = { x_sxt, { "sxt4", dis_r1_r3 }, 4 },
	[0x8] = { x_czx_l, { "czx1.l", dis_r1_r3 }, 1 },
	[0x9] = { x_czx_l, { "czx2.l", dis_r1_r3 }, 2 },
	[0xc] = { x_czx_r, { "czx1.r", dis_r1_r3 }, 1 },
	[0xd] = { x_czx_r, { "czx2.r", dis_r1_r3 }, 2 },
};

void decode_ext_i29(uint64_t raw, unsigned x6, struct insn *in)
{
	const struct ext_ent *e = &ext_tab[x6 & 0xf];

	if (!e->exec) {
		decode_illegal(raw, in);
		return;
	}
	in->exec = e->exec;
	in->op = &e->op;
	if (e->exec == x_czx_l || e->exec == x_czx_r) {
		in->a = e->size;
	} else {
		in->a = (uint8_t)(e->size * 8);
		in->imm2 = low_mask(e->size * 8u);
	}
}
