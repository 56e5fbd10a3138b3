/* SPDX-License-Identifier: MIT */
/*
 * FP-register memory and transfer instructions of the M unit (SDM Vol. 3
 * ldf, ldfp, stf, setf, getf, lfetch; encodings M6-M15, M18, M19).  The
 * bit conversions are the FP unit's (fp.h); this file handles addressing,
 * speculation (NaTVal), the Disabled FP-Register checks (psr.dfl for
 * f2-f31, psr.dfh for f32-f127) and the NaT rules.
 *
 * Zero-entry ALAT: ldf.a = ldf, ldf.sa = ldf.s, ldf.c always reloads.
 * lfetch is a cache hint: without .fault nothing is accessed at all; with
 * .fault the address is translated as a non-access reference so that the
 * architected faults happen.
 */
#include <stdio.h>

#include "fp.h"
#include "munit.h"

enum fmt { FMT_E, FMT_8, FMT_S, FMT_D, FMT_FILL };
enum fkind { FK_LD, FK_LD_S, FK_LD_C, FK_ST, FK_LFETCH, FK_RSVD };
enum addr_form { F_NONE, F_REG, F_IMM };

static const uint8_t fmt_size[] = {
	[FMT_E] = 10, [FMT_8] = 8, [FMT_S] = 4, [FMT_D] = 8, [FMT_FILL] = 16,
};

static uint64_t le_get(const uint8_t *b, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | b[n];
	return v;
}

static void le_put(uint8_t *b, unsigned n, uint64_t v)
{
	unsigned i;

	for (i = 0; i < n; i++, v >>= 8)
		b[i] = (uint8_t)v;
}

/* Memory image -> register format. */
static struct fp82 fp_load_conv(unsigned fmt, const uint8_t *b)
{
	switch (fmt) {
	case FMT_E:
		return fp_from_ext(b);
	case FMT_8:
		return fp_from_sig(le_get(b, 8));
	case FMT_S:
		return fp_from_single((uint32_t)le_get(b, 4));
	case FMT_D:
		return fp_from_double(le_get(b, 8));
	default:
		return fp_from_spill(b);
	}
}

/* Register format -> memory image. */
static void fp_store_conv(unsigned fmt, struct fp82 f, uint8_t *b)
{
	switch (fmt) {
	case FMT_E:
		fp_to_ext(f, b);
		break;
	case FMT_8:
		le_put(b, 8, fp_to_sig(f));
		break;
	case FMT_S:
		le_put(b, 4, fp_to_single(f));
		break;
	case FMT_D:
		le_put(b, 8, fp_to_double(f));
		break;
	default:
		fp_to_spill(f, b);
		break;
	}
}

/* --- ldf / ldfp ------------------------------------------------------------- */

/*
 * Shared by ldf (pair = false) and ldfp (pair = true: r2 is the second
 * target, each register gets half of 2 * element size bytes).
 */
static inline int do_ldf(struct cpu *c, const struct insn *in, enum fkind kind,
			 enum addr_form form, bool pair)
{
	uint64_t addr = gr_get(c, in->r3), inc = 0;
	bool anat = gr_nat(c, in->r3), inc_nat = false, defer = false;
	unsigned fmt = in->a, esz = fmt_size[fmt], total = pair ? 2 * esz : esz;
	uint8_t buf[16];
	int r;

	if (form != F_NONE && m_gr_out_of_frame(c, in->r3))
		return cpu_illegal_op(c);
	/* ldfp targets must be one odd and one even physical register. */
	if (pair && ((c->fmap[in->r1] ^ c->fmap[in->r2]) & 1) == 0)
		return cpu_illegal_op(c);
	if (m_fr_disabled(c, in->r1))
		return cpu_disabled_fp(c, in->r1);
	if (pair && m_fr_disabled(c, in->r2))
		return cpu_disabled_fp(c, in->r2);
	if (form == F_REG) {
		inc = gr_get(c, in->r2);
		inc_nat = gr_nat(c, in->r2);
	} else if (form == F_IMM) {
		inc = (uint64_t)in->imm;
	}

	if (kind == FK_LD_S) {
		defer = anat || (c->psr & PSR_ED);
		if (!defer) {
			r = mem_read(c, addr, total, ACC_R | ACC_SPEC, buf);
			if (r < 0)
				defer = true;
			else if (r)
				return r;
		}
	} else {
		if (anat)
			return cpu_nat_consumption(c, ISR_R);
		if (fmt == FMT_FILL && (addr & 15))
			return m_unaligned(c, addr, ISR_R);
		r = mem_read(c, addr, total, ACC_R, buf);
		if (r)
			return r;
		if (kind == FK_LD_C)
			c->counters[CNT_ALAT_MISS]++;	/* zero-entry ALAT: always reload */
	}
	if (defer) {
		fr_set(c, in->r1, FP82_NATVAL);
		if (pair)
			fr_set(c, in->r2, FP82_NATVAL);
	} else {
		fr_set(c, in->r1, fp_load_conv(fmt, buf));
		if (pair)
			fr_set(c, in->r2, fp_load_conv(fmt, buf + esz));
	}
	if (form != F_NONE)
		m_base_update(c, in->r3, addr, anat, inc, inc_nat);
	return X_NEXT;
}

#define LDF_EXEC(fn, kind, form, pair) \
	static int fn(struct cpu *c, const struct insn *in) { return do_ldf(c, in, kind, form, pair); }

LDF_EXEC(x_ldf, FK_LD, F_NONE, false)
LDF_EXEC(x_ldf_r, FK_LD, F_REG, false)
LDF_EXEC(x_ldf_i, FK_LD, F_IMM, false)
LDF_EXEC(x_ldfs, FK_LD_S, F_NONE, false)
LDF_EXEC(x_ldfs_r, FK_LD_S, F_REG, false)
LDF_EXEC(x_ldfs_i, FK_LD_S, F_IMM, false)
LDF_EXEC(x_ldfc, FK_LD_C, F_NONE, false)
LDF_EXEC(x_ldfc_r, FK_LD_C, F_REG, false)
LDF_EXEC(x_ldfc_i, FK_LD_C, F_IMM, false)
LDF_EXEC(x_ldfp, FK_LD, F_NONE, true)
LDF_EXEC(x_ldfp_i, FK_LD, F_IMM, true)
LDF_EXEC(x_ldfps, FK_LD_S, F_NONE, true)
LDF_EXEC(x_ldfps_i, FK_LD_S, F_IMM, true)
LDF_EXEC(x_ldfpc, FK_LD_C, F_NONE, true)
LDF_EXEC(x_ldfpc_i, FK_LD_C, F_IMM, true)

/* [kind][form]; ldfp's post-increment is an implied immediate (F_IMM). */
static const exec_fn ldf_exec[][3] = {
	[FK_LD] = { x_ldf, x_ldf_r, x_ldf_i },
	[FK_LD_S] = { x_ldfs, x_ldfs_r, x_ldfs_i },
	[FK_LD_C] = { x_ldfc, x_ldfc_r, x_ldfc_i },
};
static const exec_fn ldfp_exec[][3] = {
	[FK_LD] = { x_ldfp, NULL, x_ldfp_i },
	[FK_LD_S] = { x_ldfps, NULL, x_ldfps_i },
	[FK_LD_C] = { x_ldfpc, NULL, x_ldfpc_i },
};

/* --- stf -------------------------------------------------------------------- */

static inline int do_stf(struct cpu *c, const struct insn *in, enum addr_form form)
{
	uint64_t addr = gr_get(c, in->r3);
	bool anat = gr_nat(c, in->r3);
	unsigned fmt = in->a;
	struct fp82 f;
	uint8_t buf[16];
	int r;

	if (form != F_NONE && m_gr_out_of_frame(c, in->r3))
		return cpu_illegal_op(c);
	if (m_fr_disabled(c, in->r2))
		return cpu_disabled_fp(c, in->r2);
	f = fr_get(c, in->r2);
	/* Only stf.spill may store a NaTVal. */
	if (anat || (fmt != FMT_FILL && fp82_is_natval(f)))
		return cpu_nat_consumption(c, ISR_W);
	if (fmt == FMT_FILL && (addr & 15))
		return m_unaligned(c, addr, ISR_W);
	fp_store_conv(fmt, f, buf);
	r = mem_write(c, addr, fmt_size[fmt], ACC_W, buf);
	if (r)
		return r;
	if (form == F_IMM)
		m_base_update(c, in->r3, addr, anat, (uint64_t)in->imm, false);
	return X_NEXT;
}

static int x_stf(struct cpu *c, const struct insn *in) { return do_stf(c, in, F_NONE); }
static int x_stf_i(struct cpu *c, const struct insn *in) { return do_stf(c, in, F_IMM); }

/* --- lfetch ----------------------------------------------------------------- */

static inline int do_lfetch(struct cpu *c, const struct insn *in, enum addr_form form)
{
	uint64_t addr = gr_get(c, in->r3), inc = 0;
	bool anat = gr_nat(c, in->r3), inc_nat = false;
	uint8_t tmp;
	int r;

	if (form != F_NONE && m_gr_out_of_frame(c, in->r3))
		return cpu_illegal_op(c);
	if (form == F_REG) {
		inc = gr_get(c, in->r2);
		inc_nat = gr_nat(c, in->r2);
	} else if (form == F_IMM) {
		inc = (uint64_t)in->imm;
	}
	/* .fault: the architected faults, no data -- unless psr.ed, which the
	 * OS sets to skip a prefetch it could not resolve (SDM lfetch). */
	if (in->imm2 && !(c->psr & PSR_ED)) {
		if (anat)
			return cpu_nat_consumption(c, ISR_R | ISR_NA | ISR_NA_LFETCH);
		r = mem_read(c, addr, 1, ACC_R | ACC_NONACCESS | ACC_NA_CODE(ISR_NA_LFETCH), &tmp);
		if (r > 0)
			return r;
	}
	if (form != F_NONE)
		m_base_update(c, in->r3, addr, anat, inc, inc_nat);
	return X_NEXT;
}

static int x_lfetch(struct cpu *c, const struct insn *in) { return do_lfetch(c, in, F_NONE); }
static int x_lfetch_r(struct cpu *c, const struct insn *in) { return do_lfetch(c, in, F_REG); }
static int x_lfetch_i(struct cpu *c, const struct insn *in) { return do_lfetch(c, in, F_IMM); }
static const exec_fn lfetch_exec[3] = { x_lfetch, x_lfetch_r, x_lfetch_i };

/* --- setf / getf ------------------------------------------------------------ */

static int x_setf(struct cpu *c, const struct insn *in)
{
	uint64_t v = gr_get(c, in->r2);
	struct fp82 f;

	if (m_fr_disabled(c, in->r1))
		return cpu_disabled_fp(c, in->r1);
	if (gr_nat(c, in->r2)) {
		fr_set(c, in->r1, FP82_NATVAL);
		return X_NEXT;
	}
	switch (in->a) {
	case FMT_8:
		f = fp_from_sig(v);
		break;
	case FMT_E:
		f = fp_from_exp_gr(v);
		break;
	case FMT_S:
		f = fp_from_single((uint32_t)v);
		break;
	default:
		f = fp_from_double(v);
		break;
	}
	fr_set(c, in->r1, f);
	return X_NEXT;
}

static int x_getf(struct cpu *c, const struct insn *in)
{
	struct fp82 f;
	uint64_t v;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	if (m_fr_disabled(c, in->r2))
		return cpu_disabled_fp(c, in->r2);
	f = fr_get(c, in->r2);
	switch (in->a) {
	case FMT_8:
		v = fp_to_sig(f);
		break;
	case FMT_E:
		v = fp_to_exp_gr(f);
		break;
	case FMT_S:
		v = fp_to_single(f);
		break;
	default:
		v = fp_to_double(f);
		break;
	}
	/* A NaTVal source still converts (its bit image), and marks r1 NaT. */
	gr_set(c, in->r1, v, fp82_is_natval(f));
	return X_NEXT;
}

/* --- disassembly ------------------------------------------------------------ */

static void dis_ldf(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "f%u=[r%u]", in->r1, in->r3);
}

static void dis_ldf_reg(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "f%u=[r%u],r%u", in->r1, in->r3, in->r2);
}

static void dis_ldf_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "f%u=[r%u],%lld", in->r1, in->r3, (long long)in->imm);
}

static void dis_ldfp(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "f%u,f%u=[r%u]", in->r1, in->r2, in->r3);
}

static void dis_ldfp_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "f%u,f%u=[r%u],%lld", in->r1, in->r2, in->r3, (long long)in->imm);
}

static void dis_stf(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u]=f%u", in->r3, in->r2);
}

static void dis_stf_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u]=f%u,%lld", in->r3, in->r2, (long long)in->imm);
}

static void dis_lfetch(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u]", in->r3);
}

static void dis_lfetch_reg(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u],r%u", in->r3, in->r2);
}

static void dis_lfetch_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u],%lld", in->r3, (long long)in->imm);
}

static void dis_getf(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=f%u", in->r1, in->r2);
}

static void dis_setf(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "f%u=r%u", in->r1, in->r2);
}

#define LDH(s, d) { { s, d }, { s ".nt1", d }, { s ".d2", d }, { s ".nta", d } }
#define STH(s, d) { { s, d }, { s ".d1", d }, { s ".d2", d }, { s ".nta", d } }
#define LFH(s, d) { { s, d }, { s ".nt1", d }, { s ".nt2", d }, { s ".nta", d } }
#define F4(x6, cmp, d) \
	[(x6) + 0] = LDH("ldfe" cmp, d), [(x6) + 1] = LDH("ldf8" cmp, d), \
	[(x6) + 2] = LDH("ldfs" cmp, d), [(x6) + 3] = LDH("ldfd" cmp, d)
#define FP3(x6, cmp, d) \
	[(x6) + 1] = LDH("ldfp8" cmp, d), [(x6) + 2] = LDH("ldfps" cmp, d), \
	[(x6) + 3] = LDH("ldfpd" cmp, d)
#define LDFTAB(d, dl) { \
	F4(0x00, "", d), F4(0x04, ".s", d), F4(0x08, ".a", d), F4(0x0c, ".sa", d), \
	[0x1b] = LDH("ldf.fill", d), F4(0x20, ".c.clr", d), F4(0x24, ".c.nc", d), \
	[0x2c] = LFH("lfetch", dl), [0x2d] = LFH("lfetch.excl", dl), \
	[0x2e] = LFH("lfetch.fault", dl), [0x2f] = LFH("lfetch.fault.excl", dl) }
#define LDFPTAB(d) { \
	FP3(0x00, "", d), FP3(0x04, ".s", d), FP3(0x08, ".a", d), FP3(0x0c, ".sa", d), \
	FP3(0x20, ".c.clr", d), FP3(0x24, ".c.nc", d) }
#define STFTAB(d) { \
	[0x30] = STH("stfe", d), [0x31] = STH("stf8", d), [0x32] = STH("stfs", d), \
	[0x33] = STH("stfd", d), [0x3b] = STH("stf.spill", d) }

/* [form][x6][hint] */
static const struct opdesc ldf_ops[3][64][4] = {
	LDFTAB(dis_ldf, dis_lfetch), LDFTAB(dis_ldf_reg, dis_lfetch_reg),
	LDFTAB(dis_ldf_imm, dis_lfetch_imm),
};
static const struct opdesc ldfp_ops[2][64][4] = { LDFPTAB(dis_ldfp), LDFPTAB(dis_ldfp_imm) };
static const struct opdesc stf_ops[2][64][4] = { STFTAB(dis_stf), STFTAB(dis_stf_imm) };
static const struct opdesc setf_ops[4] = {
	{ "setf.sig", dis_setf }, { "setf.exp", dis_setf },
	{ "setf.s", dis_setf }, { "setf.d", dis_setf },
};
static const struct opdesc getf_ops[4] = {
	{ "getf.sig", dis_getf }, { "getf.exp", dis_getf },
	{ "getf.s", dis_getf }, { "getf.d", dis_getf },
};

/* --- decode ----------------------------------------------------------------- */

/* setf/getf x6 1c..1f: sig, exp, s, d; as format codes (sig = FMT_8,
 * exp reuses FMT_E's slot, s, d). */
static const uint8_t xfer_fmt[4] = { FMT_8, FMT_E, FMT_S, FMT_D };

static enum fkind ldf_kind(unsigned x6)
{
	if (x6 < 0x10)
		return (x6 & 4) ? FK_LD_S : FK_LD;	/* .s/.sa defer; .a = plain */
	if (x6 == 0x1b)
		return FK_LD;
	if (x6 >= 0x20 && x6 <= 0x27)
		return FK_LD_C;
	if (x6 >= 0x2c && x6 <= 0x2f)
		return FK_LFETCH;
	if ((x6 >= 0x30 && x6 <= 0x33) || x6 == 0x3b)
		return FK_ST;
	return FK_RSVD;
}

static void decode_pair(uint64_t raw, struct insn *in)
{
	unsigned x6 = m_x6(raw), hint = m_hint(raw);
	enum addr_form form = m_mbit(raw) ? F_IMM : F_NONE;
	enum fkind kind;

	if (x6 >= 0x1c && x6 <= 0x1f && form == F_NONE) {	/* setf */
		m_init(in, raw, x_setf, &setf_ops[x6 - 0x1c]);
		in->r1 = (uint8_t)m_r1(raw);
		in->r2 = (uint8_t)m_r2(raw);
		in->a = xfer_fmt[x6 - 0x1c];
		if (in->r1 < 2)
			in->exec = m_exec_illegal;	/* f0/f1 are read-only */
		return;
	}
	kind = ldf_kind(x6);
	if ((x6 & 3) == 0 || x6 >= 0x28 || x6 == 0x1b || (kind != FK_LD && kind != FK_LD_S && kind != FK_LD_C)) {
		decode_illegal(raw, in);
		return;
	}
	m_init(in, raw, ldfp_exec[kind][form], &ldfp_ops[form == F_IMM][x6][hint]);
	in->r1 = (uint8_t)m_r1(raw);
	in->r2 = (uint8_t)m_r2(raw);
	in->r3 = (uint8_t)m_r3(raw);
	in->a = (uint8_t)(x6 & 3);
	in->b = (uint8_t)hint;
	if (form == F_IMM)
		in->imm = in->a == FMT_S ? 8 : 16;
	if (in->r1 < 2 || in->r2 < 2 || in->r1 == in->r2 || (form == F_IMM && in->r3 == 0))
		in->exec = m_exec_illegal;
}

/* Major opcodes 6 (x=0 single, x=1 pair/setf; m = register post-inc) and
 * 7 (immediate post-increment). */
void mfp_decode(uint64_t raw, struct insn *in)
{
	unsigned x6 = m_x6(raw), hint = m_hint(raw);
	enum addr_form form;
	enum fkind kind;

	if (slot_major(raw) == 6 && m_xbit(raw)) {
		decode_pair(raw, in);
		return;
	}
	form = slot_major(raw) == 7 ? F_IMM : m_mbit(raw) ? F_REG : F_NONE;
	kind = ldf_kind(x6);
	if (kind == FK_RSVD || (kind == FK_ST && form == F_REG)) {
		decode_illegal(raw, in);
		return;
	}
	if (kind == FK_ST) {
		m_init(in, raw, form == F_IMM ? x_stf_i : x_stf, &stf_ops[form == F_IMM][x6][hint]);
		in->r2 = (uint8_t)m_r2(raw);
		in->r3 = (uint8_t)m_r3(raw);
		in->a = (uint8_t)(x6 == 0x3b ? FMT_FILL : (x6 & 3));
		in->b = (uint8_t)hint;
		in->flags |= IF_STORE;
		if (form == F_IMM)
			in->imm = m_imm9_st(raw);
		if (form == F_IMM && in->r3 == 0)
			in->exec = m_exec_illegal;
		return;
	}
	if (kind == FK_LFETCH) {
		m_init(in, raw, lfetch_exec[form], &ldf_ops[form][x6][hint]);
		in->imm2 = (x6 & 2) != 0;	/* .fault */
	} else {
		m_init(in, raw, ldf_exec[kind][form], &ldf_ops[form][x6][hint]);
		in->r1 = (uint8_t)m_r1(raw);
		in->a = (uint8_t)(x6 == 0x1b ? FMT_FILL : (x6 & 3));
	}
	in->r3 = (uint8_t)m_r3(raw);
	in->b = (uint8_t)hint;
	if (form == F_REG)
		in->r2 = (uint8_t)m_r2(raw);
	else if (form == F_IMM)
		in->imm = m_imm9_ld(raw);
	if ((kind != FK_LFETCH && in->r1 < 2) || (form != F_NONE && in->r3 == 0))
		in->exec = m_exec_illegal;
}

/* getf: major opcode 4, m=0, x=1, x6 1c..1f. */
void mfp_decode_getf(uint64_t raw, struct insn *in)
{
	unsigned x6 = m_x6(raw);

	m_init(in, raw, x_getf, &getf_ops[x6 - 0x1c]);
	in->r1 = (uint8_t)m_r1(raw);
	in->r2 = (uint8_t)m_r2(raw);
	in->a = xfer_fmt[x6 - 0x1c];
	if (in->r1 == 0)
		in->exec = m_exec_illegal;
}
