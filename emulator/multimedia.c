/* SPDX-License-Identifier: MIT */
/*
 * Parallel (multimedia) integer instructions on 1/2/4-byte elements of a
 * GR: the A-unit forms A9/A10 (padd, psub, pavg, pavgsub, pcmp, pshladd2,
 * pshradd2) and the I-unit forms I1-I9 of major 7 (pmpyshr2, pmpy2, pshl,
 * pshr, variable shl/shr, mix, pack, unpack, pmin, pmax, psad1, mux,
 * popcnt), with their decoders.
 *
 * Element helpers are inline with constant sizes, so each executor
 * compiles to a fixed, branch-light loop.  The result NaT is the OR of
 * the source NaTs.
 */
#include <stdio.h>

#include "alu.h"
#include "cpu.h"
#include "ia64/bits.h"
#include "insn.h"

/* Unsigned / signed element i of size sz bytes. */
static inline uint64_t uel(uint64_t v, unsigned i, unsigned sz)
{
	return sz == 8 ? v : (v >> (i * sz * 8)) & ((1ULL << (sz * 8)) - 1);
}

static inline int64_t sel(uint64_t v, unsigned i, unsigned sz)
{
	return ia64_sext(uel(v, i, sz), sz * 8);
}

static inline uint64_t put(uint64_t r, int64_t v, unsigned i, unsigned sz)
{
	return r | ((uint64_t)v & ((1ULL << (sz * 8)) - 1)) << (i * sz * 8);
}

static inline int64_t clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

enum sat { SAT_MOD, SAT_SSS, SAT_UUU, SAT_UUS };

/* padd/psub with the four saturation forms (SDM padd/psub). */
static inline uint64_t p_addsub(uint64_t a, uint64_t b, unsigned sz, enum sat s, bool sub)
{
	int64_t smax = (1LL << (sz * 8 - 1)) - 1, smin = -smax - 1;
	int64_t umax = (1LL << (sz * 8)) - 1;
	uint64_t r = 0;
	unsigned i;

	for (i = 0; i < 8 / sz; i++) {
		int64_t x = s == SAT_SSS ? sel(a, i, sz) : (int64_t)uel(a, i, sz);
		int64_t y = (s == SAT_SSS || s == SAT_UUS) ? sel(b, i, sz)
							  : (int64_t)uel(b, i, sz);
		int64_t t = sub ? x - y : x + y;

		if (s == SAT_SSS)
			t = clamp(t, smin, smax);
		else if (s != SAT_MOD)
			t = clamp(t, 0, umax);
		r = put(r, t, i, sz);
	}
	return r;
}

/* pavg: unsigned sum >> 1; normal form ORs the shifted-out bit into the
 * result's low bit, .raz adds 1 before shifting.  pavgsub: difference
 * >> 1 (arithmetic, borrow as sign) with the same low-bit rule. */
static inline uint64_t p_avg(uint64_t a, uint64_t b, unsigned sz, int mode)
{
	uint64_t r = 0;
	unsigned i;

	for (i = 0; i < 8 / sz; i++) {
		int64_t x = (int64_t)uel(a, i, sz), y = (int64_t)uel(b, i, sz), t;

		if (mode == 2) {		/* pavgsub */
			t = x - y;
			t = (t >> 1) | (t & 1);
		} else if (mode == 1) {		/* .raz */
			t = (x + y + 1) >> 1;
		} else {
			t = x + y;
			t = (t >> 1) | (t & 1);
		}
		r = put(r, t, i, sz);
	}
	return r;
}

static inline uint64_t p_cmp(uint64_t a, uint64_t b, unsigned sz, bool gt)
{
	uint64_t r = 0;
	unsigned i;

	for (i = 0; i < 8 / sz; i++) {
		bool t = gt ? sel(a, i, sz) > sel(b, i, sz) : uel(a, i, sz) == uel(b, i, sz);

		r = put(r, t ? -1 : 0, i, sz);
	}
	return r;
}

/* pshladd2/pshradd2: shift each signed halfword of a (left: saturating),
 * add the halfword of b with signed saturation. */
static inline uint64_t p_shadd(uint64_t a, uint64_t b, unsigned count, bool left)
{
	uint64_t r = 0;
	unsigned i;

	for (i = 0; i < 4; i++) {
		int64_t t = sel(a, i, 2);

		t = left ? clamp(t * (1LL << count), -32768, 32767) : t >> count;
		r = put(r, clamp(t + sel(b, i, 2), -32768, 32767), i, 2);
	}
	return r;
}

/* Parallel shifts by a count (immediate or register, any size). */
static inline uint64_t p_shl(uint64_t a, uint64_t n, unsigned sz)
{
	uint64_t r = 0;
	unsigned i;

	if (n >= sz * 8u)
		return 0;
	for (i = 0; i < 8 / sz; i++)
		r = put(r, (int64_t)(uel(a, i, sz) << n), i, sz);
	return r;
}

static inline uint64_t p_shr(uint64_t a, uint64_t n, unsigned sz, bool sign)
{
	uint64_t r = 0;
	unsigned i;

	if (n >= sz * 8u) {
		if (!sign)
			return 0;
		n = sz * 8u - 1;
	}
	for (i = 0; i < 8 / sz; i++)
		r = put(r, sign ? sel(a, i, sz) >> n : (int64_t)(uel(a, i, sz) >> n), i, sz);
	return r;
}

/* mix.l/.r and unpack.h/.l: interleave elements of r2 (odd result
 * positions) and r3 (even positions). */
static inline uint64_t p_mix(uint64_t a, uint64_t b, unsigned sz, bool left)
{
	uint64_t r = 0;
	unsigned i, o = left ? 1 : 0;

	for (i = 0; i < 8 / sz; i += 2) {
		r = put(r, (int64_t)uel(b, i + o, sz), i, sz);
		r = put(r, (int64_t)uel(a, i + o, sz), i + 1, sz);
	}
	return r;
}

static inline uint64_t p_unpack(uint64_t a, uint64_t b, unsigned sz, bool high)
{
	uint64_t r = 0;
	unsigned i, n = 8 / sz, base = high ? n / 2 : 0;

	for (i = 0; i < n / 2; i++) {
		r = put(r, (int64_t)uel(b, base + i, sz), 2 * i, sz);
		r = put(r, (int64_t)uel(a, base + i, sz), 2 * i + 1, sz);
	}
	return r;
}

/* pack: signed source elements of r2 (low half) then r3 (high half),
 * saturated to half width. */
static inline uint64_t p_pack(uint64_t a, uint64_t b, unsigned sz, bool usat)
{
	unsigned n = 8 / sz, i, dsz = sz / 2;
	int64_t hi = usat ? (1LL << (dsz * 8)) - 1 : (1LL << (dsz * 8 - 1)) - 1;
	int64_t lo = usat ? 0 : -hi - 1;
	uint64_t r = 0;

	for (i = 0; i < n; i++) {
		r = put(r, clamp(sel(a, i, sz), lo, hi), i, dsz);
		r = put(r, clamp(sel(b, i, sz), lo, hi), i + n, dsz);
	}
	return r;
}

static inline uint64_t p_minmax(uint64_t a, uint64_t b, unsigned sz, bool max)
{
	uint64_t r = 0;
	unsigned i;

	for (i = 0; i < 8 / sz; i++) {
		/* bytes are unsigned (pmin1.u), halfwords signed (pmin2) */
		int64_t x = sz == 1 ? (int64_t)uel(a, i, 1) : sel(a, i, sz);
		int64_t y = sz == 1 ? (int64_t)uel(b, i, 1) : sel(b, i, sz);

		r = put(r, (max ? x > y : x < y) ? x : y, i, sz);
	}
	return r;
}

static inline uint64_t p_sad(uint64_t a, uint64_t b)
{
	uint64_t s = 0;
	unsigned i;

	for (i = 0; i < 8; i++) {
		int64_t d = (int64_t)uel(a, i, 1) - (int64_t)uel(b, i, 1);

		s += (uint64_t)(d < 0 ? -d : d);
	}
	return s;
}

/* pmpy2.r multiplies halfwords 0 and 2, .l halfwords 1 and 3, into two
 * 32-bit signed products. */
static inline uint64_t p_mpy(uint64_t a, uint64_t b, bool left)
{
	unsigned o = left ? 1 : 0;

	return put(put(0, sel(a, o, 2) * sel(b, o, 2), 0, 4),
		   sel(a, 2 + o, 2) * sel(b, 2 + o, 2), 1, 4);
}

static inline uint64_t p_mpyshr(uint64_t a, uint64_t b, unsigned count, bool u)
{
	uint64_t r = 0;
	unsigned i;

	for (i = 0; i < 4; i++) {
		int64_t p = u ? (int64_t)(uel(a, i, 2) * uel(b, i, 2))
			      : sel(a, i, 2) * sel(b, i, 2);

		r = put(r, p >> count, i, 2);
	}
	return r;
}

/* ---------------------------------------------------------------- */
/* Executors                                                         */
/* ---------------------------------------------------------------- */

#define MM_RR(name, expr)						\
static int name(struct cpu *c, const struct insn *in)			\
{									\
	uint64_t a = gr_get(c, in->r2), b = gr_get(c, in->r3);		\
	gr_set(c, in->r1, (expr), gr_nat(c, in->r2) | gr_nat(c, in->r3)); \
	return X_NEXT;							\
}

#define MM_ADDSUB(sz)							\
MM_RR(x_padd##sz, p_addsub(a, b, sz, SAT_MOD, false))			\
MM_RR(x_padd##sz##_sss, p_addsub(a, b, sz, SAT_SSS, false))		\
MM_RR(x_padd##sz##_uuu, p_addsub(a, b, sz, SAT_UUU, false))		\
MM_RR(x_padd##sz##_uus, p_addsub(a, b, sz, SAT_UUS, false))		\
MM_RR(x_psub##sz, p_addsub(a, b, sz, SAT_MOD, true))			\
MM_RR(x_psub##sz##_sss, p_addsub(a, b, sz, SAT_SSS, true))		\
MM_RR(x_psub##sz##_uuu, p_addsub(a, b, sz, SAT_UUU, true))		\
MM_RR(x_psub##sz##_uus, p_addsub(a, b, sz, SAT_UUS, true))

MM_ADDSUB(1)
MM_ADDSUB(2)
MM_RR(x_padd4, p_addsub(a, b, 4, SAT_MOD, false))
MM_RR(x_psub4, p_addsub(a, b, 4, SAT_MOD, true))
MM_RR(x_pavg1, p_avg(a, b, 1, 0))
MM_RR(x_pavg1_raz, p_avg(a, b, 1, 1))
MM_RR(x_pavgsub1, p_avg(a, b, 1, 2))
MM_RR(x_pavg2, p_avg(a, b, 2, 0))
MM_RR(x_pavg2_raz, p_avg(a, b, 2, 1))
MM_RR(x_pavgsub2, p_avg(a, b, 2, 2))
MM_RR(x_pcmp1_eq, p_cmp(a, b, 1, false))
MM_RR(x_pcmp1_gt, p_cmp(a, b, 1, true))
MM_RR(x_pcmp2_eq, p_cmp(a, b, 2, false))
MM_RR(x_pcmp2_gt, p_cmp(a, b, 2, true))
MM_RR(x_pcmp4_eq, p_cmp(a, b, 4, false))
MM_RR(x_pcmp4_gt, p_cmp(a, b, 4, true))
MM_RR(x_pshladd2, p_shadd(a, b, in->a, true))
MM_RR(x_pshradd2, p_shadd(a, b, in->a, false))

/* I-unit: pshl r1=r2,r3 (count in r3); pshr r1=r3,r2 (count in r2). */
MM_RR(x_pshl2, p_shl(a, b, 2))
MM_RR(x_pshl4, p_shl(a, b, 4))
MM_RR(x_pshr2, p_shr(b, a, 2, true))
MM_RR(x_pshr4, p_shr(b, a, 4, true))
MM_RR(x_pshr2_u, p_shr(b, a, 2, false))
MM_RR(x_pshr4_u, p_shr(b, a, 4, false))
MM_RR(x_mix1_l, p_mix(a, b, 1, true))
MM_RR(x_mix1_r, p_mix(a, b, 1, false))
MM_RR(x_mix2_l, p_mix(a, b, 2, true))
MM_RR(x_mix2_r, p_mix(a, b, 2, false))
MM_RR(x_mix4_l, p_mix(a, b, 4, true))
MM_RR(x_mix4_r, p_mix(a, b, 4, false))
MM_RR(x_unpack1_h, p_unpack(a, b, 1, true))
MM_RR(x_unpack1_l, p_unpack(a, b, 1, false))
MM_RR(x_unpack2_h, p_unpack(a, b, 2, true))
MM_RR(x_unpack2_l, p_unpack(a, b, 2, false))
MM_RR(x_unpack4_h, p_unpack(a, b, 4, true))
MM_RR(x_unpack4_l, p_unpack(a, b, 4, false))
MM_RR(x_pack2_sss, p_pack(a, b, 2, false))
MM_RR(x_pack2_uss, p_pack(a, b, 2, true))
MM_RR(x_pack4_sss, p_pack(a, b, 4, false))
MM_RR(x_pmin1_u, p_minmax(a, b, 1, false))
MM_RR(x_pmax1_u, p_minmax(a, b, 1, true))
MM_RR(x_pmin2, p_minmax(a, b, 2, false))
MM_RR(x_pmax2, p_minmax(a, b, 2, true))
MM_RR(x_psad1, p_sad(a, b))
MM_RR(x_pmpy2_l, p_mpy(a, b, true))
MM_RR(x_pmpy2_r, p_mpy(a, b, false))
MM_RR(x_pmpyshr2, p_mpyshr(a, b, in->a, false))
MM_RR(x_pmpyshr2_u, p_mpyshr(a, b, in->a, true))

/* Immediate-count parallel shifts: a = count. */
#define MM_IMM(name, src, expr)						\
static int name(struct cpu *c, const struct insn *in)			\
{									\
	uint64_t a = gr_get(c, in->src);				\
	gr_set(c, in->r1, (expr), gr_nat(c, in->src));			\
	return X_NEXT;							\
}

MM_IMM(x_pshl2_i, r2, p_shl(a, in->a, 2))
MM_IMM(x_pshl4_i, r2, p_shl(a, in->a, 4))
MM_IMM(x_pshr2_i, r3, p_shr(a, in->a, 2, true))
MM_IMM(x_pshr4_i, r3, p_shr(a, in->a, 4, true))
MM_IMM(x_pshr2_ui, r3, p_shr(a, in->a, 2, false))
MM_IMM(x_pshr4_ui, r3, p_shr(a, in->a, 4, false))

/* ---------------------------------------------------------------- */
/* Decoding                                                          */
/* ---------------------------------------------------------------- */

enum mm_kind {
	MK_NONE, MK_RR, MK_R3R2, MK_CNT2,	/* A10 / I1 count field */
	MK_SHL_IMM, MK_SHR_IMM, MK_POPCNT, MK_MUX1, MK_MUX2,
};

struct mm_ent {
	exec_fn exec;
	struct opdesc op;
	enum mm_kind kind;
};

static void dis_r1_r2_a_r3(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,%u,r%u", in->r1, in->r2, in->a, in->r3);
}

/* A9/A10, major 8 x2a = 1: index za:zb:x4:x2b */
#define MA(za, zb, x4, x2b) (((za) << 7) | ((zb) << 6) | ((x4) << 2) | (x2b))
#define RR(fn, nm) { fn, { nm, dis_r1_r2_r3 }, MK_RR }

static const struct mm_ent mm_a_tab[256] = {
	[MA(0, 0, 0, 0)] = RR(x_padd1, "padd1"),
	[MA(0, 0, 0, 1)] = RR(x_padd1_sss, "padd1.sss"),
	[MA(0, 0, 0, 2)] = RR(x_padd1_uuu, "padd1.uuu"),
	[MA(0, 0, 0, 3)] = RR(x_padd1_uus, "padd1.uus"),
	[MA(0, 1, 0, 0)] = RR(x_padd2, "padd2"),
	[MA(0, 1, 0, 1)] = RR(x_padd2_sss, "padd2.sss"),
	[MA(0, 1, 0, 2)] = RR(x_padd2_uuu, "padd2.uuu"),
	[MA(0, 1, 0, 3)] = RR(x_padd2_uus, "padd2.uus"),
	[MA(1, 0, 0, 0)] = RR(x_padd4, "padd4"),
	[MA(0, 0, 1, 0)] = RR(x_psub1, "psub1"),
	[MA(0, 0, 1, 1)] = RR(x_psub1_sss, "psub1.sss"),
	[MA(0, 0, 1, 2)] = RR(x_psub1_uuu, "psub1.uuu"),
	[MA(0, 0, 1, 3)] = RR(x_psub1_uus, "psub1.uus"),
	[MA(0, 1, 1, 0)] = RR(x_psub2, "psub2"),
	[MA(0, 1, 1, 1)] = RR(x_psub2_sss, "psub2.sss"),
	[MA(0, 1, 1, 2)] = RR(x_psub2_uuu, "psub2.uuu"),
	[MA(0, 1, 1, 3)] = RR(x_psub2_uus, "psub2.uus"),
	[MA(1, 0, 1, 0)] = RR(x_psub4, "psub4"),
	[MA(0, 0, 2, 2)] = RR(x_pavg1, "pavg1"),
	[MA(0, 0, 2, 3)] = RR(x_pavg1_raz, "pavg1.raz"),
	[MA(0, 1, 2, 2)] = RR(x_pavg2, "pavg2"),
	[MA(0, 1, 2, 3)] = RR(x_pavg2_raz, "pavg2.raz"),
	[MA(0, 0, 3, 2)] = RR(x_pavgsub1, "pavgsub1"),
	[MA(0, 1, 3, 2)] = RR(x_pavgsub2, "pavgsub2"),
	[MA(0, 0, 9, 0)] = RR(x_pcmp1_eq, "pcmp1.eq"),
	[MA(0, 0, 9, 1)] = RR(x_pcmp1_gt, "pcmp1.gt"),
	[MA(0, 1, 9, 0)] = RR(x_pcmp2_eq, "pcmp2.eq"),
	[MA(0, 1, 9, 1)] = RR(x_pcmp2_gt, "pcmp2.gt"),
	[MA(1, 0, 9, 0)] = RR(x_pcmp4_eq, "pcmp4.eq"),
	[MA(1, 0, 9, 1)] = RR(x_pcmp4_gt, "pcmp4.gt"),
#define SHADD(x4, fn, nm)						\
	[MA(0, 1, x4, 0)] = { fn, { nm, dis_r1_r2_a_r3 }, MK_CNT2 },	\
	[MA(0, 1, x4, 1)] = { fn, { nm, dis_r1_r2_a_r3 }, MK_CNT2 },	\
	[MA(0, 1, x4, 2)] = { fn, { nm, dis_r1_r2_a_r3 }, MK_CNT2 },	\
	[MA(0, 1, x4, 3)] = { fn, { nm, dis_r1_r2_a_r3 }, MK_CNT2 }
	SHADD(4, x_pshladd2, "pshladd2"),
	SHADD(6, x_pshradd2, "pshradd2"),
#undef SHADD
};

/* r1..r3 and qp were filled by decode_a. */
void decode_mm_a(uint64_t raw, struct insn *in)
{
	unsigned idx = (unsigned)((slot_bits(raw, 36, 1) << 7) | (slot_bits(raw, 33, 1) << 6) |
				  slot_bits(raw, 27, 6));
	const struct mm_ent *e = &mm_a_tab[idx];

	if (e->kind == MK_NONE) {
		decode_illegal(raw, in);
		return;
	}
	in->exec = e->exec;
	in->op = &e->op;
	if (e->kind == MK_CNT2)
		in->a = (uint8_t)(slot_bits(raw, 27, 2) + 1);
}

/* I1-I9, major 7: index za:zb:x2a:x2b:x2c */
#define MI(za, zb, x2a, x2b, x2c)					\
	(((za) << 7) | ((zb) << 6) | ((x2a) << 4) | ((x2b) << 2) | (x2c))

static void dis_mux1(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	static const char *const names[16] = {
		[0x0] = "@brcst", [0x8] = "@mix", [0x9] = "@shuf",
		[0xa] = "@alt", [0xb] = "@rev",
	};

	(void)ip;
	if (names[in->a & 0xf])
		snprintf(buf, n, "r%u=r%u,%s", in->r1, in->r2, names[in->a & 0xf]);
	else	/* reserved mbtype: objdump shows the number */
		snprintf(buf, n, "r%u=r%u,0x%x", in->r1, in->r2, in->a);
}

static void dis_mux2(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=r%u,0x%x", in->r1, in->r2, in->a);
}

static const struct mm_ent mm_i_tab[256] = {
	[MI(0, 1, 0, 3, 0)] = { x_pmpyshr2, { "pmpyshr2", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 3, 1)] = { x_pmpyshr2, { "pmpyshr2", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 3, 2)] = { x_pmpyshr2, { "pmpyshr2", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 3, 3)] = { x_pmpyshr2, { "pmpyshr2", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 1, 0)] = { x_pmpyshr2_u, { "pmpyshr2.u", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 1, 1)] = { x_pmpyshr2_u, { "pmpyshr2.u", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 1, 2)] = { x_pmpyshr2_u, { "pmpyshr2.u", dis_r1_r2_r3_a }, MK_CNT2 },
	[MI(0, 1, 0, 1, 3)] = { x_pmpyshr2_u, { "pmpyshr2.u", dis_r1_r2_r3_a }, MK_CNT2 },
	/* I5: pshr/shr r1=r3,r2 */
	[MI(0, 1, 0, 2, 0)] = { x_pshr2, { "pshr2", dis_r1_r3_r2 }, MK_R3R2 },
	[MI(1, 0, 0, 2, 0)] = { x_pshr4, { "pshr4", dis_r1_r3_r2 }, MK_R3R2 },
	[MI(1, 1, 0, 2, 0)] = { x_shr_var, { "shr", dis_r1_r3_r2 }, MK_R3R2 },
	[MI(0, 1, 0, 0, 0)] = { x_pshr2_u, { "pshr2.u", dis_r1_r3_r2 }, MK_R3R2 },
	[MI(1, 0, 0, 0, 0)] = { x_pshr4_u, { "pshr4.u", dis_r1_r3_r2 }, MK_R3R2 },
	[MI(1, 1, 0, 0, 0)] = { x_shru_var, { "shr.u", dis_r1_r3_r2 }, MK_R3R2 },
	/* I7: pshl/shl r1=r2,r3 */
	[MI(0, 1, 0, 0, 1)] = RR(x_pshl2, "pshl2"),
	[MI(1, 0, 0, 0, 1)] = RR(x_pshl4, "pshl4"),
	[MI(1, 1, 0, 0, 1)] = RR(x_shl_var, "shl"),
	/* I6: pshr r1=r3,count5 */
	[MI(0, 1, 1, 3, 0)] = { x_pshr2_i, { "pshr2", dis_r1_r3_a }, MK_SHR_IMM },
	[MI(1, 0, 1, 3, 0)] = { x_pshr4_i, { "pshr4", dis_r1_r3_a }, MK_SHR_IMM },
	[MI(0, 1, 1, 1, 0)] = { x_pshr2_ui, { "pshr2.u", dis_r1_r3_a }, MK_SHR_IMM },
	[MI(1, 0, 1, 1, 0)] = { x_pshr4_ui, { "pshr4.u", dis_r1_r3_a }, MK_SHR_IMM },
	/* I9 */
	[MI(0, 1, 1, 1, 2)] = { x_popcnt, { "popcnt", dis_r1_r3 }, MK_POPCNT },
	/* I2 */
	[MI(0, 0, 2, 2, 2)] = RR(x_mix1_l, "mix1.l"),
	[MI(0, 0, 2, 0, 2)] = RR(x_mix1_r, "mix1.r"),
	[MI(0, 1, 2, 2, 2)] = RR(x_mix2_l, "mix2.l"),
	[MI(0, 1, 2, 0, 2)] = RR(x_mix2_r, "mix2.r"),
	[MI(1, 0, 2, 2, 2)] = RR(x_mix4_l, "mix4.l"),
	[MI(1, 0, 2, 0, 2)] = RR(x_mix4_r, "mix4.r"),
	[MI(0, 1, 2, 2, 0)] = RR(x_pack2_sss, "pack2.sss"),
	[MI(0, 1, 2, 0, 0)] = RR(x_pack2_uss, "pack2.uss"),
	[MI(1, 0, 2, 2, 0)] = RR(x_pack4_sss, "pack4.sss"),
	[MI(0, 0, 2, 0, 1)] = RR(x_unpack1_h, "unpack1.h"),
	[MI(0, 0, 2, 2, 1)] = RR(x_unpack1_l, "unpack1.l"),
	[MI(0, 1, 2, 0, 1)] = RR(x_unpack2_h, "unpack2.h"),
	[MI(0, 1, 2, 2, 1)] = RR(x_unpack2_l, "unpack2.l"),
	[MI(1, 0, 2, 0, 1)] = RR(x_unpack4_h, "unpack4.h"),
	[MI(1, 0, 2, 2, 1)] = RR(x_unpack4_l, "unpack4.l"),
	[MI(0, 0, 2, 1, 0)] = RR(x_pmin1_u, "pmin1.u"),
	[MI(0, 0, 2, 1, 1)] = RR(x_pmax1_u, "pmax1.u"),
	[MI(0, 1, 2, 3, 0)] = RR(x_pmin2, "pmin2"),
	[MI(0, 1, 2, 3, 1)] = RR(x_pmax2, "pmax2"),
	[MI(0, 0, 2, 3, 2)] = RR(x_psad1, "psad1"),
	[MI(0, 1, 2, 3, 3)] = RR(x_pmpy2_l, "pmpy2.l"),
	[MI(0, 1, 2, 1, 3)] = RR(x_pmpy2_r, "pmpy2.r"),
	/* I3/I4 */
	[MI(0, 0, 3, 2, 2)] = { x_mux, { "mux1", dis_mux1 }, MK_MUX1 },
	[MI(0, 1, 3, 2, 2)] = { x_mux, { "mux2", dis_mux2 }, MK_MUX2 },
	/*
	 * clz, mpy4, mpyshl4 (Itanium 9500 additions, SDM 2.3): the modelled
	 * processor (family 0x1f) lacks them, so they decode for disassembly
	 * and raise Illegal Operation.
	 */
	[MI(0, 1, 1, 1, 3)] = { exec_ai_illegal, { "clz", dis_r1_r3 }, MK_RR },
	[MI(1, 0, 0, 1, 3)] = { exec_ai_illegal, { "mpy4", dis_r1_r2_r3 }, MK_RR },
	[MI(1, 0, 0, 3, 3)] = { exec_ai_illegal, { "mpyshl4", dis_r1_r2_r3 }, MK_RR },
	/* I8: pshl r1=r2,count5 */
	[MI(0, 1, 3, 1, 1)] = { x_pshl2_i, { "pshl2", dis_r1_r2_a }, MK_SHL_IMM },
	[MI(1, 0, 3, 1, 1)] = { x_pshl4_i, { "pshl4", dis_r1_r2_a }, MK_SHL_IMM },
};

/* mux1 permutations: result byte i = source byte perm[i] (SDM mux). */
static const uint8_t mux1_perm[16][8] = {
	[0x8] = { 0, 4, 2, 6, 1, 5, 3, 7 },	/* @mix */
	[0x9] = { 0, 4, 1, 5, 2, 6, 3, 7 },	/* @shuf */
	[0xa] = { 0, 2, 4, 6, 1, 3, 5, 7 },	/* @alt */
	[0xb] = { 7, 6, 5, 4, 3, 2, 1, 0 },	/* @rev */
};

static uint64_t pack_perm(const uint8_t p[8])
{
	uint64_t v = 0;
	unsigned i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (4 * i);
	return v;
}

static void decode_mux(uint64_t raw, struct insn *in, bool two)
{
	uint8_t p[8];
	unsigned i;

	if (!two) {
		unsigned t = (unsigned)slot_bits(raw, 20, 4);

		in->a = (uint8_t)t;
		if (t == 0) {
			in->exec = x_mux1_brcst;
			return;
		}
		if (t < 8 || t > 0xb) {
			in->exec = exec_ai_illegal;	/* reserved mbtype */
			return;
		}
		in->imm2 = pack_perm(mux1_perm[t]);
		return;
	}
	/* mux2: halfword i = source halfword (mhtype8 >> 2i) & 3 */
	in->a = (uint8_t)slot_bits(raw, 20, 8);
	for (i = 0; i < 4; i++) {
		unsigned h = (in->a >> (2 * i)) & 3;

		p[2 * i] = (uint8_t)(2 * h);
		p[2 * i + 1] = (uint8_t)(2 * h + 1);
	}
	in->imm2 = pack_perm(p);
}

void decode_mm_i(uint64_t raw, struct insn *in)
{
	unsigned idx = (unsigned)((slot_bits(raw, 36, 1) << 7) | (slot_bits(raw, 33, 1) << 6) |
				  (slot_bits(raw, 34, 2) << 4) | (slot_bits(raw, 28, 2) << 2) |
				  slot_bits(raw, 30, 2));
	const struct mm_ent *e = &mm_i_tab[idx];
	static const uint8_t mpyshr_count[4] = { 0, 7, 15, 16 };

	if (e->kind == MK_NONE || slot_bits(raw, 32, 1)) {	/* ve must be 0 */
		decode_illegal(raw, in);
		return;
	}
	in->exec = e->exec;
	in->op = &e->op;
	switch (e->kind) {
	case MK_CNT2:
		in->a = mpyshr_count[slot_bits(raw, 30, 2)];
		break;
	case MK_SHR_IMM:
		in->a = (uint8_t)slot_bits(raw, 14, 5);
		break;
	case MK_SHL_IMM:
		in->a = (uint8_t)(31 - slot_bits(raw, 20, 5));
		break;
	case MK_MUX1:
	case MK_MUX2:
		decode_mux(raw, in, e->kind == MK_MUX2);
		break;
	default:
		break;
	}
}
