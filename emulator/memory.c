/* SPDX-License-Identifier: MIT */
/*
 * Integer loads and stores of the M unit (SDM Vol. 3 ld, st, ld8.fill,
 * st8.spill; encodings M1-M5): decode with objdump's spelling and the
 * executors.
 *
 * The ALAT has zero entries (legal, SDM Vol. 1 4.4.5.3): ld.a is a plain
 * load, ld.sa behaves as ld.s, and every ld.c reloads (counted as an ALAT
 * miss).  Control-speculative loads defer to NaT when the base is NaT,
 * when psr.ed is set, or when the memory interface asks for deferral
 * (mem_read returns -1 for an ACC_SPEC access).
 */
#include <stdio.h>

#include "munit.h"

enum ld_kind { K_LD, K_LD_S, K_LD_C, K_LD_FILL, K_ST, K_ST_SPILL, K_RSVD };
enum addr_form { F_NONE, F_REG, F_IMM };

/* --- execution ------------------------------------------------------------ */

static inline int do_load(struct cpu *c, const struct insn *in,
			  enum ld_kind kind, enum addr_form form)
{
	uint64_t addr = gr_get(c, in->r3), v = 0, inc = 0;
	bool anat = gr_nat(c, in->r3), nat = false, inc_nat = false;
	int r;

	if (m_gr_out_of_frame(c, in->r1) ||
	    (form != F_NONE && m_gr_out_of_frame(c, in->r3)))
		return cpu_illegal_op(c);
	if (form == F_REG) {
		inc = gr_get(c, in->r2);
		inc_nat = gr_nat(c, in->r2);
	} else if (form == F_IMM) {
		inc = (uint64_t)in->imm;
	}

	if (kind == K_LD_S) {
		/* Deferral: NaT base or psr.ed, else ask memory (SDM Vol. 2 5.5.5). */
		if (anat || (c->psr & PSR_ED)) {
			nat = true;
		} else {
			r = mem_read_u(c, addr, in->a, ACC_R | ACC_SPEC | (unsigned)in->imm2, &v);
			if (r < 0) {
				v = 0;
				nat = true;
			} else if (r) {
				return r;
			}
		}
	} else {
		if (anat)
			return cpu_nat_consumption(c, ISR_R);
		if (kind == K_LD_FILL && (addr & 7))
			return m_unaligned(c, addr, ISR_R);
		r = mem_read_u(c, addr, in->a, ACC_R | (unsigned)in->imm2, &v);
		if (r)
			return r;
		if (kind == K_LD_FILL)
			nat = (c->ar[AR_UNAT] >> ((addr >> 3) & 63)) & 1;
		else if (kind == K_LD_C)
			c->counters[CNT_ALAT_MISS]++;	/* zero-entry ALAT: always reload */
	}
	gr_set(c, in->r1, v, nat);
	if (form != F_NONE)
		m_base_update(c, in->r3, addr, anat, inc, inc_nat);
	return X_NEXT;
}

static inline int do_store(struct cpu *c, const struct insn *in,
			   enum ld_kind kind, enum addr_form form)
{
	uint64_t addr = gr_get(c, in->r3), v = gr_get(c, in->r2);
	bool anat = gr_nat(c, in->r3), vnat = gr_nat(c, in->r2);
	int r;

	if (form != F_NONE && m_gr_out_of_frame(c, in->r3))
		return cpu_illegal_op(c);
	/* Only st8.spill may store a NaT value; its NaT goes to ar.unat. */
	if (anat || (kind != K_ST_SPILL && vnat))
		return cpu_nat_consumption(c, ISR_W);
	if (kind == K_ST_SPILL && (addr & 7))
		return m_unaligned(c, addr, ISR_W);
	r = mem_write_u(c, addr, in->a, ACC_W | (unsigned)in->imm2, v);
	if (r)
		return r;
	if (kind == K_ST_SPILL) {
		uint64_t bit = 1ULL << ((addr >> 3) & 63);

		c->ar[AR_UNAT] = vnat ? (c->ar[AR_UNAT] | bit) : (c->ar[AR_UNAT] & ~bit);
	}
	if (form == F_IMM)
		m_base_update(c, in->r3, addr, anat, (uint64_t)in->imm, false);
	return X_NEXT;
}

#define LD_EXEC(fn, kind, form) \
	static int fn(struct cpu *c, const struct insn *in) { return do_load(c, in, kind, form); }
#define ST_EXEC(fn, kind, form) \
	static int fn(struct cpu *c, const struct insn *in) { return do_store(c, in, kind, form); }

LD_EXEC(x_ld, K_LD, F_NONE)
LD_EXEC(x_ld_r, K_LD, F_REG)
LD_EXEC(x_ld_i, K_LD, F_IMM)
LD_EXEC(x_lds, K_LD_S, F_NONE)
LD_EXEC(x_lds_r, K_LD_S, F_REG)
LD_EXEC(x_lds_i, K_LD_S, F_IMM)
LD_EXEC(x_ldc, K_LD_C, F_NONE)
LD_EXEC(x_ldc_r, K_LD_C, F_REG)
LD_EXEC(x_ldc_i, K_LD_C, F_IMM)
LD_EXEC(x_fill, K_LD_FILL, F_NONE)
LD_EXEC(x_fill_r, K_LD_FILL, F_REG)
LD_EXEC(x_fill_i, K_LD_FILL, F_IMM)
ST_EXEC(x_st, K_ST, F_NONE)
ST_EXEC(x_st_i, K_ST, F_IMM)
ST_EXEC(x_spill, K_ST_SPILL, F_NONE)
ST_EXEC(x_spill_i, K_ST_SPILL, F_IMM)

static const exec_fn exec_tab[][3] = {
	[K_LD] = { x_ld, x_ld_r, x_ld_i },
	[K_LD_S] = { x_lds, x_lds_r, x_lds_i },
	[K_LD_C] = { x_ldc, x_ldc_r, x_ldc_i },
	[K_LD_FILL] = { x_fill, x_fill_r, x_fill_i },
	[K_ST] = { x_st, NULL, x_st_i },
	[K_ST_SPILL] = { x_spill, NULL, x_spill_i },
};

/* --- disassembly ---------------------------------------------------------- */

static void dis_st(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u]=r%u", in->r3, in->r2);
}

static void dis_st_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u]=r%u,%lld", in->r3, in->r2, (long long)in->imm);
}

/* Hint completers as objdump prints them; reserved values show as .dN. */
#define LDH(s, d) { { s, d }, { s ".nt1", d }, { s ".d2", d }, { s ".nta", d } }
#define STH(s, d) { { s, d }, { s ".d1", d }, { s ".d2", d }, { s ".nta", d } }
#define LD4(x6, cmp, d) \
	[(x6) + 0] = LDH("ld1" cmp, d), [(x6) + 1] = LDH("ld2" cmp, d), \
	[(x6) + 2] = LDH("ld4" cmp, d), [(x6) + 3] = LDH("ld8" cmp, d)
#define ST4(x6, cmp, d) \
	[(x6) + 0] = STH("st1" cmp, d), [(x6) + 1] = STH("st2" cmp, d), \
	[(x6) + 2] = STH("st4" cmp, d), [(x6) + 3] = STH("st8" cmp, d)
#define LDTAB(d) { \
	LD4(0x00, "", d), LD4(0x04, ".s", d), LD4(0x08, ".a", d), \
	LD4(0x0c, ".sa", d), LD4(0x10, ".bias", d), LD4(0x14, ".acq", d), \
	[0x1b] = LDH("ld8.fill", d), LD4(0x20, ".c.clr", d), \
	LD4(0x24, ".c.nc", d), LD4(0x28, ".c.clr.acq", d) }
#define STTAB(d) { ST4(0x30, "", d), ST4(0x34, ".rel", d), [0x3b] = STH("st8.spill", d) }

/* [form][x6][hint] */
static const struct opdesc ld_ops[3][64][4] = {
	[F_NONE] = LDTAB(m_dis_ld), [F_REG] = LDTAB(m_dis_ld_reg), [F_IMM] = LDTAB(m_dis_ld_imm),
};
static const struct opdesc st_ops[2][64][4] = { STTAB(dis_st), STTAB(dis_st_imm) };

/* --- decode --------------------------------------------------------------- */

static enum ld_kind x6_kind(unsigned x6)
{
	if (x6 == 0x1b)
		return K_LD_FILL;
	if (x6 == 0x3b)
		return K_ST_SPILL;
	if (x6 >= 0x30 && x6 <= 0x37)
		return K_ST;
	if (x6 >= 0x20 && x6 <= 0x2b)
		return K_LD_C;
	if (x6 < 0x18)
		return (x6 >= 0x04 && x6 <= 0x07) || (x6 >= 0x0c && x6 <= 0x0f) ? K_LD_S : K_LD;
	return K_RSVD;
}

/* Major opcode 4 with x=0 (m selects the register post-increment form)
 * and major opcode 5 (immediate post-increment). */
void mem_decode_int(uint64_t raw, struct insn *in)
{
	unsigned x6 = m_x6(raw), hint = m_hint(raw);
	enum ld_kind kind = x6_kind(x6);
	enum addr_form form = slot_major(raw) == 5 ? F_IMM : m_mbit(raw) ? F_REG : F_NONE;
	bool store = kind == K_ST || kind == K_ST_SPILL;
	const struct opdesc *op;
	exec_fn fn;

	if (kind == K_RSVD || (store && form == F_REG)) {
		decode_illegal(raw, in);
		return;
	}
	op = store ? &st_ops[form == F_IMM][x6][hint] : &ld_ops[form][x6][hint];
	fn = exec_tab[kind][form];
	m_init(in, raw, fn, op);
	in->r3 = (uint8_t)m_r3(raw);
	in->a = (uint8_t)(1u << (x6 & 3));
	in->b = (uint8_t)hint;
	if ((x6 >= 0x14 && x6 <= 0x17) || (x6 >= 0x28 && x6 <= 0x2b))
		in->imm2 = ACC_ACQ;
	else if (x6 >= 0x34 && x6 <= 0x37)
		in->imm2 = ACC_REL;
	if (store) {
		in->r2 = (uint8_t)m_r2(raw);
		in->flags |= IF_STORE;
		if (form == F_IMM)
			in->imm = m_imm9_st(raw);
		if (form != F_NONE && in->r3 == 0)
			in->exec = m_exec_illegal;	/* base update of r0 */
		return;
	}
	in->r1 = (uint8_t)m_r1(raw);
	if (form == F_REG)
		in->r2 = (uint8_t)m_r2(raw);
	else if (form == F_IMM)
		in->imm = m_imm9_ld(raw);
	/* check_target_register(r1) and r1 == r3 with base update are
	 * Illegal Operation whatever the state: decide once here. */
	if (in->r1 == 0 || (form != F_NONE && (in->r1 == in->r3 || in->r3 == 0)))
		in->exec = m_exec_illegal;
}
