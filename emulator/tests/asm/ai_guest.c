/* SPDX-License-Identifier: MIT */
/*
 * Guest-side cross-check of the A/I executors (run by ai_guest.sh on the
 * user-mode runner): gcc implements C vector operations, shuffles,
 * saturating/min/max loops (auto-vectorized at -O3), bswap, popcount,
 * clz/ctz and rotates with padd/psub/pcmp/pshl/pshr/pmpyshr2/pmin/pmax/
 * mux1/mux2/mix/unpack/popcnt/shrp...; every result is compared with a
 * scalar computation of the same thing (vectorization disabled), so both
 * gcc's idea of each instruction and the emulator's must agree.
 */
#include <stdio.h>

typedef unsigned char u8;
typedef signed char s8;
typedef short s16;
typedef unsigned short u16;
typedef unsigned long u64;
typedef u8 v8u __attribute__((vector_size(8)));
typedef s8 v8s __attribute__((vector_size(8)));
typedef s16 v4s __attribute__((vector_size(8)));
typedef u16 v4u __attribute__((vector_size(8)));
typedef int v2s __attribute__((vector_size(8)));
typedef unsigned v2u __attribute__((vector_size(8)));

#define V __attribute__((noinline))
#define NV __attribute__((noinline, optimize("no-tree-vectorize")))

static int fails;
#define CK(c) do { if (!(c)) { fails++; printf("FAIL %s (line %d)\n", #c, __LINE__); } } while (0)

static u64 seed = 0x9e3779b97f4a7c15UL;
static u64 rnd(void) { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; }
V v8u a1(v8u a, v8u b) { return a + b; }
V v8u s1(v8u a, v8u b) { return a - b; }
V v4s a2(v4s a, v4s b) { return a + b; }
V v2s s4(v2s a, v2s b) { return a - b; }
V v4s m2(v4s a, v4s b) { return a * b; }
V v4s sh2(v4s a, int n) { return a << n; }
V v4s sr2(v4s a, int n) { return a >> n; }
V v4u sru(v4u a) { return a >> 3; }
V v2s sl4(v2s a) { return a << 5; }
V v8s eq1(v8s a, v8s b) { return a == b; }
V v8s gt1(v8s a, v8s b) { return a > b; }
V v4s gt2(v4s a, v4s b) { return a > b; }
V v8u rev(v8u a) { return __builtin_shuffle(a, (v8u){7,6,5,4,3,2,1,0}); }
V v8u bc(v8u a) { return __builtin_shuffle(a, (v8u){0,0,0,0,0,0,0,0}); }
V v4s sh4(v4s a) { return __builtin_shuffle(a, (v4s){3,1,2,0}); }
V v8u mixx(v8u a, v8u b) { return __builtin_shuffle(a, b, (v8u){0,8,2,10,4,12,6,14}); }
V int pc(u64 x) { return __builtin_popcountl(x); }
V u64 bs(u64 x) { return __builtin_bswap64(x); }
V int cz(u64 x) { return __builtin_ctzl(x); }
V int cl(u64 x) { return __builtin_clzl(x); }
V u64 rot(u64 x, int n) { return (x >> n) | (x << (64 - n)); }
#define SHUF(name, ...) V v8u name(v8u a) { return __builtin_shuffle(a, (v8u){ __VA_ARGS__ }); }
SHUF(p_shuf, 0, 4, 1, 5, 2, 6, 3, 7)
SHUF(p_alt, 0, 2, 4, 6, 1, 3, 5, 7)
SHUF(p_mix, 0, 4, 2, 6, 1, 5, 3, 7)
V v8u i_l(v8u a, v8u b) { return __builtin_shuffle(a, b, (v8u){ 0, 8, 1, 9, 2, 10, 3, 11 }); }
V v8u i_h(v8u a, v8u b) { return __builtin_shuffle(a, b, (v8u){ 4, 12, 5, 13, 6, 14, 7, 15 }); }
V v8u m_l(v8u a, v8u b) { return __builtin_shuffle(a, b, (v8u){ 1, 9, 3, 11, 5, 13, 7, 15 }); }
V v4u h_l(v4u a, v4u b) { return __builtin_shuffle(a, b, (v4u){ 0, 4, 1, 5 }); }
V v4u h_m(v4u a, v4u b) { return __builtin_shuffle(a, b, (v4u){ 1, 5, 3, 7 }); }
V v2u w_l(v2u a, v2u b) { return __builtin_shuffle(a, b, (v2u){ 0, 2 }); }
V v2u w_h(v2u a, v2u b) { return __builtin_shuffle(a, b, (v2u){ 1, 3 }); }

#define LEN 64
#define LOOP(name, T, expr)						\
V void name(T *restrict r, const T *restrict a, const T *restrict b)	\
{ for (int i = 0; i < LEN; i++) { int x = a[i], y = b[i]; r[i] = (expr); } } \
NV void name##_ref(T *restrict r, const T *restrict a, const T *restrict b) \
{ for (int i = 0; i < LEN; i++) { int x = a[i], y = b[i]; r[i] = (expr); } }
LOOP(uadd, u8, x + y > 255 ? 255 : x + y)
LOOP(usub, u8, x - y < 0 ? 0 : x - y)
LOOP(sadd, s8, x + y > 127 ? 127 : x + y < -128 ? -128 : x + y)
LOOP(ssub16, s16, x - y > 32767 ? 32767 : x - y < -32768 ? -32768 : x - y)
LOOP(uadd16, u16, x + y > 65535 ? 65535 : x + y)
LOOP(umax, u8, x > y ? x : y)
LOOP(umin, u8, x < y ? x : y)
LOOP(smax16, s16, x > y ? x : y)
LOOP(smin16, s16, x < y ? x : y)
LOOP(avg, u8, (x + y + 1) >> 1)
LOOP(avg16, u16, (x + y + 1) >> 1)
V int sad(const u8 *a, const u8 *b) { int s = 0; for (int i = 0; i < LEN; i++) s += __builtin_abs(a[i] - b[i]); return s; }
NV int sad_ref(const u8 *a, const u8 *b) { int s = 0; for (int i = 0; i < LEN; i++) s += __builtin_abs(a[i] - b[i]); return s; }
V int dot(const s16 *a, const s16 *b) { int s = 0; for (int i = 0; i < LEN; i++) s += a[i] * b[i]; return s; }
NV int dot_ref(const s16 *a, const s16 *b) { int s = 0; for (int i = 0; i < LEN; i++) s += a[i] * b[i]; return s; }
V void pk(s8 *restrict r, const s16 *restrict a) { for (int i = 0; i < LEN; i++) r[i] = a[i] > 127 ? 127 : a[i] < -128 ? -128 : a[i]; }
NV void pk_ref(s8 *restrict r, const s16 *restrict a) { for (int i = 0; i < LEN; i++) r[i] = a[i] > 127 ? 127 : a[i] < -128 ? -128 : a[i]; }

static void vectors(void)
{
	for (int it = 0; it < 2000; it++) {
		union { u64 u; v8u b; v8s sb; v4s h; v4u uh; v2s w; } x, y, r;
		x.u = rnd(); y.u = rnd();
		if (it & 1) y.u &= 0x00ff00ff00ff00ffUL;
		r.b = a1(x.b, y.b); for (int i = 0; i < 8; i++) CK(r.b[i] == (unsigned char)(x.b[i] + y.b[i]));
		r.b = s1(x.b, y.b); for (int i = 0; i < 8; i++) CK(r.b[i] == (unsigned char)(x.b[i] - y.b[i]));
		r.h = a2(x.h, y.h); for (int i = 0; i < 4; i++) CK(r.h[i] == (short)(x.h[i] + y.h[i]));
		r.w = s4(x.w, y.w); for (int i = 0; i < 2; i++) CK(r.w[i] == (int)((unsigned)x.w[i] - (unsigned)y.w[i]));
		r.h = m2(x.h, y.h); for (int i = 0; i < 4; i++) CK(r.h[i] == (short)(x.h[i] * y.h[i]));
		int n = it % 16;
		r.h = sh2(x.h, n); for (int i = 0; i < 4; i++) CK(r.h[i] == (short)(x.h[i] << n));
		r.h = sr2(x.h, n); for (int i = 0; i < 4; i++) CK(r.h[i] == (short)(x.h[i] >> n));
		r.uh = sru(x.uh); for (int i = 0; i < 4; i++) CK(r.uh[i] == (unsigned short)(x.uh[i] >> 3));
		r.w = sl4(x.w); for (int i = 0; i < 2; i++) CK(r.w[i] == (int)((unsigned)x.w[i] << 5));
		r.sb = eq1(x.sb, (it & 2) ? x.sb : y.sb); for (int i = 0; i < 8; i++) CK(r.sb[i] == ((x.sb[i] == ((it & 2) ? x.sb[i] : y.sb[i])) ? -1 : 0));
		r.sb = gt1(x.sb, y.sb); for (int i = 0; i < 8; i++) CK(r.sb[i] == (x.sb[i] > y.sb[i] ? -1 : 0));
		r.h = gt2(x.h, y.h); for (int i = 0; i < 4; i++) CK(r.h[i] == (x.h[i] > y.h[i] ? -1 : 0));
		r.b = rev(x.b); for (int i = 0; i < 8; i++) CK(r.b[i] == x.b[7 - i]);
		r.b = bc(x.b); for (int i = 0; i < 8; i++) CK(r.b[i] == x.b[0]);
		r.h = sh4(x.h); CK(r.h[0] == x.h[3] && r.h[1] == x.h[1] && r.h[2] == x.h[2] && r.h[3] == x.h[0]);
		r.b = mixx(x.b, y.b); for (int i = 0; i < 8; i += 2) CK(r.b[i] == x.b[i] && r.b[i + 1] == y.b[i]);
		int c = 0; for (int i = 0; i < 64; i++) c += (x.u >> i) & 1;
		CK(pc(x.u) == c);
		u64 s = 0; for (int i = 0; i < 8; i++) s |= ((x.u >> (8 * i)) & 0xff) << (56 - 8 * i);
		CK(bs(x.u) == s);
		if (x.u) { int t = 0; while (!((x.u >> t) & 1)) t++; CK(cz(x.u) == t);
			   t = 0; while (!((x.u << t) >> 63)) t++; CK(cl(x.u) == t); }
		int k = 1 + it % 63;
		u64 rr = 0; for (int i = 0; i < 64; i++) rr |= ((x.u >> ((i + k) % 64)) & 1) << i;
		CK(rot(x.u, k) == rr);
	}
}

static void shuffles(void)
{
	static const u8 sh[8] = { 0, 4, 1, 5, 2, 6, 3, 7 }, al[8] = { 0, 2, 4, 6, 1, 3, 5, 7 },
			mi[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };
	v8u a = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
	v8u b = { 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00 };
	v4u ha = { 1, 2, 3, 4 }, hb = { 5, 6, 7, 8 }, h;
	v2u wa = { 1, 2 }, wb = { 3, 4 }, w;
	v8u r;
	int i;

	r = p_shuf(a); for (i = 0; i < 8; i++) CK(r[i] == a[sh[i]]);
	r = p_alt(a); for (i = 0; i < 8; i++) CK(r[i] == a[al[i]]);
	r = p_mix(a); for (i = 0; i < 8; i++) CK(r[i] == a[mi[i]]);
	r = i_l(a, b); for (i = 0; i < 8; i++) CK(r[i] == ((i & 1) ? b[i / 2] : a[i / 2]));
	r = i_h(a, b); for (i = 0; i < 8; i++) CK(r[i] == ((i & 1) ? b[4 + i / 2] : a[4 + i / 2]));
	r = m_l(a, b); for (i = 0; i < 8; i++) CK(r[i] == ((i & 1) ? b[i | 1] : a[i | 1]));
	h = h_l(ha, hb); CK(h[0] == 1 && h[1] == 5 && h[2] == 2 && h[3] == 6);
	h = h_m(ha, hb); CK(h[0] == 2 && h[1] == 6 && h[2] == 4 && h[3] == 8);
	w = w_l(wa, wb); CK(w[0] == 1 && w[1] == 3);
	w = w_h(wa, wb); CK(w[0] == 2 && w[1] == 4);
}

static void loops(void)
{
	static union { u8 b[LEN * 2]; s16 h[LEN]; } A, B, R1, R2;

	for (int it = 0; it < 200; it++) {
		for (int i = 0; i < LEN * 2; i++) {
			A.b[i] = (u8)rnd();
			B.b[i] = (u8)rnd();
			if (it & 1)
				B.b[i] &= 0x81;
		}
#define RUN(fn, T) do {							\
	fn((T *)R1.b, (T *)A.b, (T *)B.b);				\
	fn##_ref((T *)R2.b, (T *)A.b, (T *)B.b);			\
	for (int i = 0; i < LEN; i++)					\
		CK(((T *)R1.b)[i] == ((T *)R2.b)[i]);			\
} while (0)
		RUN(uadd, u8); RUN(usub, u8); RUN(sadd, s8); RUN(ssub16, s16);
		RUN(uadd16, u16); RUN(umax, u8); RUN(umin, u8); RUN(smax16, s16);
		RUN(smin16, s16); RUN(avg, u8); RUN(avg16, u16);
		CK(sad(A.b, B.b) == sad_ref(A.b, B.b));
		CK(dot(A.h, B.h) == dot_ref(A.h, B.h));
		pk((s8 *)R1.b, A.h);
		pk_ref((s8 *)R2.b, A.h);
		for (int i = 0; i < LEN; i++)
			CK(R1.b[i] == R2.b[i]);
	}
}

int main(void)
{
	vectors();
	shuffles();
	loops();
	printf("ai-guest: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
	return fails != 0;
}
