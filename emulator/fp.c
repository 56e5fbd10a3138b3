/* SPDX-License-Identifier: MIT */
/*
 * The 82-bit soft-float core of the FP unit (SDM Vol. 1 ch. 5): status-field
 * decoding, classification, a single-rounding fused multiply-add, rounding
 * to any precision/exponent range with IEEE flags, float->integer
 * conversion and comparisons.
 *
 * fma computes a*b exactly (64x64 -> 128 bits) and adds c in a 192-bit
 * window before rounding once.  Both operands are placed with their top bit
 * at bit 189; the smaller is shifted right with its lost bits folded into a
 * sticky bit 0.  Bits are only lost when the exponents differ by more than
 * 62, in which case the result keeps its top bit at >= 188, far above the
 * rounding position, so the sticky bit can never change the rounding.
 */
#include "fp_fast.h"
#include "fp_internal.h"

#include "ia64/regs.h"

/* Exponent used for arithmetic on register exponent 0 (double-extended
 * denormals and pseudo-denormals). */
#define EXP0_EFFECTIVE	0xc001
#define EXT_EMIN	(EXP0_EFFECTIVE - FP82_EXP_BIAS)	/* 15-bit range */

/* Precision and exponent range per precision selector (fp_env_init in
 * fp_internal.h), indexed by the status field's pc bits / wre bit; pc 01
 * is reserved and reads as 64. */
const uint8_t fp_pc_prec[5][4] = {
	[FP_PC_SF] = { 24, 64, 53, 64 },
	[FP_PC_S] = { 24, 24, 24, 24 },
	[FP_PC_D] = { 53, 53, 53, 53 },
	[FP_PC_PAR] = { 24, 24, 24, 24 },
	[FP_PC_EXT17] = { 64, 64, 64, 64 },
};
const uint8_t fp_pc_range[5][2] = {	/* [sel][wre] */
	[FP_PC_SF] = { 15, 17 },
	[FP_PC_S] = { 8, 17 },
	[FP_PC_D] = { 11, 17 },
	[FP_PC_PAR] = { 8, 8 },		/* parallel FP ignores wre */
	[FP_PC_EXT17] = { 17, 17 },
};

struct fp_fastenv fp_fast_tab[5][128];

/* fp_fast_tab from fp_env_init itself; built before main(), so CPU
 * threads only ever read it. */
__attribute__((constructor)) static void build_fast_tab(void)
{
	unsigned pc, ctl;

	for (pc = 0; pc < 5; pc++) {
		for (ctl = 0; ctl < 128; ctl++) {
			struct fp_env e;

			fp_env_init(&e, (uint64_t)ctl << FPSR_SF_SHIFT(0), 0,
				    (enum fp_pcsel)pc);
			fp_fast_tab[pc][ctl].prec = (uint8_t)e.prec;
			fp_fast_tab[pc][ctl].rc = (uint8_t)e.rc;
			fp_fast_tab[pc][ctl].emax = e.emax;
		}
	}
}

enum fp_class fp_classify(struct fp82 f)
{
	if (f.exp == FP82_EXP_MAX) {
		if (!(f.sig >> 63))
			return FPC_UNSUP;	/* pseudo-NaN / pseudo-infinity */
		if (!(f.sig << 1))
			return FPC_INF;
		return (f.sig >> 62) & 1 ? FPC_QNAN : FPC_SNAN;
	}
	if (f.sig == 0)
		return FPC_ZERO;		/* includes pseudo-zeros */
	if (!(f.sig >> 63) || f.exp == 0)
		return FPC_UNORM;
	return FPC_NORM;
}

struct fp_unp fp_unpack(struct fp82 f)
{
	struct fp_unp u = { f.sig, 0, f.sign };
	int n;

	if (!f.sig)
		return u;
	u.exp = (int)(f.exp ? f.exp : EXP0_EFFECTIVE) - FP82_EXP_BIAS;
	n = __builtin_clzll(f.sig);
	u.sig <<= n;
	u.exp -= n;
	return u;
}

struct fp82 fp_normalize(struct fp82 f)
{
	struct fp_unp u;
	struct fp82 r = f;

	if (f.exp == FP82_EXP_MAX || f.sig == 0)
		return f;
	u = fp_unpack(f);
	r.sig = u.sig;
	r.exp = (uint32_t)(u.exp + FP82_EXP_BIAS);
	return r;
}

/*
 * Keep the top n bits of the 128-bit value sig:below (n may be <= 0 when a
 * denormal result has no bits left), rounding per rc; returns the kept
 * integer, which may have carried to 2^n.
 */
static unsigned __int128 round_bits(uint64_t sig, uint64_t below, int n,
				    unsigned sign, unsigned rc, unsigned *inexact,
				    unsigned *incremented)
{
	unsigned __int128 kept;
	unsigned rbit, sticky, up;

	if (n >= 64) {
		kept = sig;
		rbit = (unsigned)(below >> 63);
		sticky = (below << 1) != 0;
	} else if (n >= 1) {
		unsigned drop = 64 - (unsigned)n;

		kept = sig >> drop;
		rbit = (unsigned)(sig >> (drop - 1)) & 1;
		sticky = (sig & ((1ULL << (drop - 1)) - 1)) != 0 || below;
	} else if (n == 0) {
		kept = 0;
		rbit = (unsigned)(sig >> 63);
		sticky = (sig << 1) != 0 || below;
	} else {
		kept = 0;
		rbit = 0;
		sticky = sig || below;
	}
	*inexact = rbit | sticky;
	switch (rc) {
	case RC_NEAREST:
		up = rbit && (sticky || (unsigned)(kept & 1));
		break;
	case RC_DOWN:
		up = (rbit | sticky) && sign;
		break;
	case RC_UP:
		up = (rbit | sticky) && !sign;
		break;
	default:
		up = 0;
		break;
	}
	*incremented = up;
	return kept + up;
}

static struct fp82 mk(unsigned sign, uint32_t exp, uint64_t sig)
{
	struct fp82 r = { sig, exp, sign };

	return r;
}

static struct fp82 overflow_result(struct fp_env *e, unsigned sign)
{
	int to_inf;

	switch (e->rc) {
	case RC_NEAREST:
		to_inf = 1;
		break;
	case RC_DOWN:
		to_inf = sign;
		break;
	case RC_UP:
		to_inf = !sign;
		break;
	default:
		to_inf = 0;
		break;
	}
	if (to_inf)
		return mk(sign, FP82_EXP_MAX, 1ULL << 63);
	/* largest finite value of the precision and range */
	return mk(sign, (uint32_t)(e->emax + FP82_EXP_BIAS),
		  ~0ULL << (64 - e->prec));
}

struct fp82 fp_round(struct fp_env *e, unsigned sign, uint64_t sig,
		     uint64_t below, int exp)
{
	unsigned inexact, up, p = e->prec;
	unsigned __int128 k;
	int er = exp;

	if (!sig)
		return mk(sign, 0, 0);
	k = round_bits(sig, below, (int)p, sign, e->rc, &inexact, &up);
	if (k >> p) {			/* carried into a new leading bit */
		k >>= 1;
		er++;
	}
	if (er > e->emax) {
		e->flags |= FPE_O;
		if (e->enabled & FPE_O) {
			/* trap enabled: the unbounded result, exponent kept mod 2^17 */
			if (inexact)
				e->flags |= FPE_I;
			e->fpa = up;
			return mk(sign, (uint32_t)(er + FP82_EXP_BIAS) & FP82_EXP_MAX,
				  (uint64_t)k << (64 - p));
		}
		struct fp82 r = overflow_result(e, sign);

		e->flags |= FPE_I;
		e->fpa = r.exp == FP82_EXP_MAX;	/* rounded up to infinity */
		return r;
	}
	if (er < e->emin) {		/* tiny after rounding (SDM 5.4.3) */
		uint64_t dsig;

		if (e->enabled & FPE_U) {
			/* trap enabled: unbounded result, exponent mod 2^17 */
			e->flags |= FPE_U | (inexact ? FPE_I : 0);
			e->fpa = up;
			return mk(sign, (uint32_t)(er + FP82_EXP_BIAS) & FP82_EXP_MAX,
				  (uint64_t)k << (64 - p));
		}
		if (e->ftz) {
			e->flags |= FPE_U | FPE_I;
			e->fpa = 0;
			return mk(sign, 0, 0);
		}
		k = round_bits(sig, below, (int)p - (e->emin - exp), sign,
			       e->rc, &inexact, &up);
		if (inexact)
			e->flags |= FPE_U | FPE_I;
		e->fpa = up;
		if (!k)
			return mk(sign, 0, 0);
		dsig = (uint64_t)(k << (64 - p));
		/* a double-extended-range denormal takes the canonical
		 * register exponent 0 (as ldfe would load it) */
		if (e->emin == EXT_EMIN && !(dsig >> 63))
			return mk(sign, 0, dsig);
		return mk(sign, (uint32_t)(e->emin + FP82_EXP_BIAS), dsig);
	}
	if (inexact)
		e->flags |= FPE_I;
	e->fpa = up;
	return mk(sign, (uint32_t)(er + FP82_EXP_BIAS), (uint64_t)k << (64 - p));
}

/* --- 192-bit helpers for the fma addition ------------------------------- */

struct u192 {
	uint64_t w[3];		/* w[0] least significant */
};

static inline int u192_msb(const struct u192 *x)
{
	if (x->w[2])
		return 191 - __builtin_clzll(x->w[2]);
	if (x->w[1])
		return 127 - __builtin_clzll(x->w[1]);
	if (x->w[0])
		return 63 - __builtin_clzll(x->w[0]);
	return -1;
}

/* Limb moves by whole words, then a bit shift; s < 192. */
static inline __attribute__((always_inline)) void u192_shl(struct u192 *x, unsigned s)
{
	unsigned q = s >> 6, r = s & 63;
	uint64_t w0 = x->w[0], w1 = x->w[1], w2 = x->w[2];

	if (q == 1) {
		w2 = w1;
		w1 = w0;
		w0 = 0;
	} else if (q >= 2) {
		w2 = w0;
		w1 = w0 = 0;
	}
	if (r) {
		w2 = w2 << r | w1 >> (64 - r);
		w1 = w1 << r | w0 >> (64 - r);
		w0 <<= r;
	}
	x->w[0] = w0;
	x->w[1] = w1;
	x->w[2] = w2;
}

/* Shift right; bit 0 of the result becomes a pure sticky bit (it absorbs
 * its own old value and everything shifted out). */
static inline __attribute__((always_inline)) void u192_shr_sticky(struct u192 *x, unsigned s)
{
	uint64_t w0 = x->w[0], w1 = x->w[1], w2 = x->w[2], lost;
	unsigned r = s & 63;

	if (s >= 192) {
		lost = w0 | w1 | w2;
		w0 = w1 = w2 = 0;
	} else if (s >= 128) {
		lost = w0 | w1 | (r ? w2 << (64 - r) : 0);
		w0 = w2 >> r;
		w1 = w2 = 0;
	} else if (s >= 64) {
		lost = w0 | (r ? w1 << (64 - r) : 0);
		w0 = r ? w1 >> r | w2 << (64 - r) : w1;
		w1 = w2 >> r;
		w2 = 0;
	} else if (r) {
		lost = w0 << (64 - r);
		w0 = w0 >> r | w1 << (64 - r);
		w1 = w1 >> r | w2 << (64 - r);
		w2 >>= r;
	} else {
		lost = 0;
	}
	if (lost)
		w0 |= 1;
	x->w[0] = w0;
	x->w[1] = w1;
	x->w[2] = w2;
}

static inline int u192_cmp(const struct u192 *a, const struct u192 *b)
{
	int i;

	for (i = 2; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

static inline void u192_add(struct u192 *a, const struct u192 *b)
{
	unsigned __int128 t = 0;
	int i;

	for (i = 0; i < 3; i++) {
		t += (unsigned __int128)a->w[i] + b->w[i];
		a->w[i] = (uint64_t)t;
		t >>= 64;
	}
}

static inline void u192_sub(struct u192 *a, const struct u192 *b)	/* a >= b */
{
	uint64_t borrow = 0;
	int i;

	for (i = 0; i < 3; i++) {
		uint64_t x = a->w[i], y = b->w[i];
		uint64_t d = x - y - borrow;

		borrow = (x < y) || (x - y < borrow);
		a->w[i] = d;
	}
}

static int fma_add128(struct fp_env *e, unsigned __int128 prod, int pexp,
		      unsigned sp, struct fp_unp u, unsigned sc, struct fp82 *out)
{
	unsigned __int128 sum;
	unsigned sign;
	int ex;

	switch (fma_sum128(prod, pexp, sp, u.sig, u.exp, sc, &sum, &sign, &ex)) {
	case FMA_SUM:
		*out = fp_round(e, sign, (uint64_t)(sum >> 64), (uint64_t)sum, ex);
		return 1;
	case FMA_EXACT_ZERO:
		*out = mk(e->rc == RC_DOWN, 0, 0);
		return 1;
	default:
		return 0;
	}
}

static struct fp82 indefinite(struct fp_env *e)
{
	e->flags |= FPE_V;
	return FP82_QNAN_INDEF;
}

struct fp82 fp_fma(struct fp_env *e, struct fp82 a, struct fp82 b,
		   struct fp82 c, unsigned neg_p, unsigned neg_c)
{
	enum fp_class ca = fp_classify(a), cb = fp_classify(b), cc = fp_classify(c);
	unsigned sp = a.sign ^ b.sign ^ neg_p, sc = (c.sign ^ neg_c) & 1, sign;
	int pinf = ca == FPC_INF || cb == FPC_INF;
	int pzero = ca == FPC_ZERO || cb == FPC_ZERO;
	struct fp_unp ua, ub, uc;
	struct u192 x = { { 0 } }, y = { { 0 } };
	unsigned __int128 prod;
	int ex, ey, d, m;
	struct fp82 r;

	struct fp_fastenv fe = { (uint8_t)e->prec, (uint8_t)e->rc, e->emax };
	unsigned st;

	if (fp_fma_fast(fe, a, b, c, neg_p, neg_c, &r, &st)) {
		if (st & FP_ST_INEXACT)
			e->flags |= FPE_I;
		e->fpa = !!(st & FP_ST_FPA);
		return r;
	}
	if (ca == FPC_UNSUP || cb == FPC_UNSUP || cc == FPC_UNSUP)
		return indefinite(e);
	if (ca >= FPC_QNAN || cb >= FPC_QNAN || cc >= FPC_QNAN) {
		if (ca == FPC_SNAN || cb == FPC_SNAN || cc == FPC_SNAN)
			e->flags |= FPE_V;
		/* propagation order of the SDM: f4 (b), f2 (c), then f3 (a) */
		if (cb >= FPC_QNAN)
			return fp_quiet(b);
		if (cc >= FPC_QNAN)
			return fp_quiet(c);
		return fp_quiet(a);
	}
	if (pinf && pzero)
		return indefinite(e);
	if (pinf && cc == FPC_INF && sp != sc)
		return indefinite(e);
	if (fp_unorm_operand(a) || fp_unorm_operand(b) || fp_unorm_operand(c))
		e->flags |= FPE_D;
	if (pinf)
		return mk(sp, FP82_EXP_MAX, 1ULL << 63);
	if (cc == FPC_INF)
		return mk(sc, FP82_EXP_MAX, 1ULL << 63);

	if (pzero) {
		if (cc == FPC_ZERO && (neg_c & FP_NO_ADDEND))
			return mk(sp, 0, 0);	/* f2 = f0: nothing is added */
		if (cc == FPC_ZERO)
			return mk(sp == sc ? sp : e->rc == RC_DOWN, 0, 0);
		uc = fp_unpack(c);
		return fp_round(e, sc, uc.sig, 0, uc.exp);
	}
	ua = fp_unpack(a);
	ub = fp_unpack(b);
	prod = (unsigned __int128)ua.sig * ub.sig;
	/* value = prod * 2^(ua.exp + ub.exp - 126) */
	if (cc == FPC_ZERO) {
		int top = ua.exp + ub.exp + 1;

		if (!(prod >> 127)) {
			prod <<= 1;
			top--;
		}
		return fp_round(e, sp, (uint64_t)(prod >> 64), (uint64_t)prod, top);
	}
	uc = fp_unpack(c);
	if (fma_add128(e, prod, ua.exp + ub.exp, sp, uc, sc, &r))
		return r;

	x.w[0] = (uint64_t)prod;
	x.w[1] = (uint64_t)(prod >> 64);
	ex = ua.exp + ub.exp - 126;
	m = u192_msb(&x);
	u192_shl(&x, (unsigned)(189 - m));
	ex -= 189 - m;
	y.w[0] = uc.sig;
	u192_shl(&y, 126);
	ey = uc.exp - 63 - 126;

	d = ex - ey;
	if (d >= 0) {
		u192_shr_sticky(&y, (unsigned)(d > 200 ? 200 : d));
	} else {
		u192_shr_sticky(&x, (unsigned)(-d > 200 ? 200 : -d));
		ex = ey;
	}
	if (sp == sc) {
		u192_add(&x, &y);
		sign = sp;
	} else {
		int cmp = u192_cmp(&x, &y);

		if (cmp == 0)		/* exact cancellation */
			return mk(e->rc == RC_DOWN, 0, 0);
		if (cmp > 0) {
			u192_sub(&x, &y);
			sign = sp;
		} else {
			u192_sub(&y, &x);
			x = y;
			sign = sc;
		}
	}
	m = u192_msb(&x);
	u192_shl(&x, (unsigned)(191 - m));
	ex -= 191 - m;
	return fp_round(e, sign, x.w[2], x.w[1] | (x.w[0] != 0), ex + 191);
}

/* --- float -> integer ------------------------------------------------------ */

uint64_t fp_to_int(struct fp_env *e, struct fp82 f, int is_signed, int trunc,
		   unsigned bits)
{
	uint64_t indef = 1ULL << (bits - 1), mask = bits == 64 ? ~0ULL : (1ULL << bits) - 1;
	enum fp_class cl = fp_classify(f);
	struct fp_unp u;
	unsigned inexact, up, rc = trunc ? RC_ZERO : e->rc;
	unsigned __int128 k;
	uint64_t mag;

	if (cl == FPC_UNSUP || cl == FPC_INF || cl == FPC_QNAN || cl == FPC_SNAN) {
		e->flags |= FPE_V;
		return indef;
	}
	if (cl == FPC_ZERO) {
		if (fp_unorm_operand(f))
			e->flags |= FPE_D;
		return 0;
	}
	u = fp_unpack(f);
	if (u.exp >= (int)bits) {
		e->flags |= FPE_V;
		return indef;
	}
	/* keep u.exp + 1 integer bits of the significand */
	k = round_bits(u.sig, 0, u.exp + 1, u.sign, rc, &inexact, &up);
	if (k >> bits) {
		e->flags |= FPE_V;
		return indef;
	}
	mag = (uint64_t)k;
	if (is_signed) {
		if (u.sign ? mag > indef : mag >= indef) {
			e->flags |= FPE_V;
			return indef;
		}
	} else if (u.sign && mag) {
		e->flags |= FPE_V;
		return indef;
	}
	if (cl == FPC_UNORM)		/* only when no invalid was raised */
		e->flags |= FPE_D;
	if (inexact)
		e->flags |= FPE_I;
	e->fpa = up;
	return (u.sign ? -mag : mag) & mask;
}

/* --- comparisons and classes ------------------------------------------------ */

/* Compare two ordered values: -1, 0, 1 (zeros of either sign are equal). */
static int cmp_ordered(struct fp82 a, struct fp82 b)
{
	enum fp_class ca = fp_classify(a), cb = fp_classify(b);
	struct fp_unp ua, ub;
	int mag;

	if (ca == FPC_ZERO && cb == FPC_ZERO)
		return 0;
	if (ca == FPC_ZERO)
		return b.sign ? 1 : -1;
	if (cb == FPC_ZERO)
		return a.sign ? -1 : 1;
	if (a.sign != b.sign)
		return a.sign ? -1 : 1;
	if (ca == FPC_INF || cb == FPC_INF) {
		mag = (ca == FPC_INF) - (cb == FPC_INF);
	} else {
		ua = fp_unpack(a);
		ub = fp_unpack(b);
		if (ua.exp != ub.exp)
			mag = ua.exp < ub.exp ? -1 : 1;
		else
			mag = ua.sig == ub.sig ? 0 : ua.sig < ub.sig ? -1 : 1;
	}
	return a.sign ? -mag : mag;
}

int fp_compare(struct fp_env *e, struct fp82 a, struct fp82 b, enum fp_rel rel)
{
	enum fp_class ca = fp_classify(a), cb = fp_classify(b);
	int unord = ca >= FPC_QNAN || cb >= FPC_QNAN, r;

	if (unord) {
		/* eq/unord signal only on SNaN; lt/le on any NaN */
		if (ca == FPC_SNAN || cb == FPC_SNAN || ca == FPC_UNSUP ||
		    cb == FPC_UNSUP || rel == FREL_LT || rel == FREL_LE)
			e->flags |= FPE_V;
		return rel == FREL_UNORD;
	}
	if (fp_unorm_operand(a) || fp_unorm_operand(b))
		e->flags |= FPE_D;
	r = cmp_ordered(a, b);
	switch (rel) {
	case FREL_EQ:
		return r == 0;
	case FREL_LT:
		return r < 0;
	case FREL_LE:
		return r <= 0;
	default:
		return 0;
	}
}

int fp_class_match(struct fp82 f, unsigned fclass9)
{
	static const unsigned class_bit[] = {
		[FPC_ZERO] = 0x004, [FPC_UNORM] = 0x008, [FPC_NORM] = 0x010,
		[FPC_INF] = 0x020, [FPC_SNAN] = 0x040, [FPC_QNAN] = 0x080,
		[FPC_UNSUP] = 0,
	};
	enum fp_class cl;
	unsigned sign_ok;

	if (fp82_is_natval(f))
		return !!(fclass9 & 0x100);
	cl = fp_classify(f);
	/* the NaN classes do not look at the sign (gas's @snan is 0x40) */
	if (cl == FPC_SNAN || cl == FPC_QNAN)
		return !!(fclass9 & class_bit[cl]);
	if (cl == FPC_ZERO && f.exp != 0)
		cl = FPC_UNORM;		/* pseudo-zero */
	sign_ok = f.sign ? fclass9 & 0x002 : fclass9 & 0x001;
	return sign_ok && (fclass9 & class_bit[cl]);
}
