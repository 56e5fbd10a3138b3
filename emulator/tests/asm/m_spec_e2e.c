/* SPDX-License-Identifier: MIT */
/*
 * End-to-end M-unit check (run by m_spec_e2e.sh): the same C program is built
 * for the host and, with gcc's control and data speculation enabled, for
 * ia64; both outputs must be identical.  Exercises every load/store size
 * with sign/zero extension and every alignment, post-increment loops,
 * the __sync builtins (cmpxchg/xchg/fetchadd of 1-8 bytes), float/double
 * memory traffic (ldfs/ldfd/ldfp/stf), integer multiply through
 * setf/getf, and speculatively hoisted loads (ld.s/chk.s, ld.a/chk.a).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 257

static uint8_t buf[2 * N + 64];
static uint8_t dst[2 * N + 64];

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h;
}

/* Byte copies at every source/destination misalignment. */
static __attribute__((noinline)) void copy_bytes(uint8_t *d, const uint8_t *s, int n)
{
	while (n--)
		*d++ = *s++;
}

static void test_alignment(void)
{
	uint64_t h = 0;
	int so, doff, i;

	for (i = 0; i < (int)sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 37 + 11);
	for (so = 0; so < 8; so++)
		for (doff = 0; doff < 8; doff++) {
			memset(dst, 0, sizeof(dst));
			copy_bytes(dst + doff, buf + so, N);
			memmove(dst + doff + 1, dst + doff, N - 1);
			for (i = 0; i < N + 16; i++)
				h = mix(h, dst[i]);
		}
	printf("alignment %016llx\n", (unsigned long long)h);
}

/* Every integer width through memory, signed and unsigned. */
static volatile int8_t s8[N];
static volatile uint8_t u8[N];
static volatile int16_t s16[N];
static volatile uint16_t u16[N];
static volatile int32_t s32[N];
static volatile uint32_t u32[N];
static volatile int64_t s64[N];

static void test_widths(void)
{
	int64_t acc = 0;
	uint64_t h = 0;
	int i;

	for (i = 0; i < N; i++) {
		s8[i] = (int8_t)(i * 97 - 1000);
		u8[i] = (uint8_t)(i * 97 - 1000);
		s16[i] = (int16_t)(i * 7919 - 300000);
		u16[i] = (uint16_t)(i * 7919 - 300000);
		s32[i] = (int32_t)((uint32_t)i * 2654435761u);
		u32[i] = (uint32_t)i * 2654435761u;
		s64[i] = (int64_t)((uint64_t)i * 0x9e3779b97f4a7c15ULL);
	}
	for (i = 0; i < N; i++) {
		acc += s8[i] + u8[i] + s16[i] + u16[i];
		acc += (int64_t)s32[i] - (int64_t)u32[i];
		h = mix(h, (uint64_t)s64[N - 1 - i] ^ (uint64_t)acc);
	}
	printf("widths %lld %016llx\n", (long long)acc, (unsigned long long)h);
}

/* Semaphores through the __sync builtins, all sizes. */
static volatile uint8_t a8;
static volatile uint16_t a16;
static volatile uint32_t a32;
static volatile uint64_t a64;

static void test_sync(void)
{
	uint64_t h = 0;
	int i;

	a8 = 250; a16 = 65530; a32 = 0xfffffff0u; a64 = 0xfffffffffffffff0ULL;
	for (i = 0; i < 40; i++) {
		h = mix(h, __sync_fetch_and_add(&a32, 1));
		h = mix(h, __sync_fetch_and_add(&a64, 8));
		h = mix(h, __sync_fetch_and_sub(&a32, 4));
		h = mix(h, __sync_fetch_and_add(&a64, -16));
		h = mix(h, __sync_fetch_and_add(&a8, 3));
		h = mix(h, __sync_fetch_and_add(&a16, 1000));
		h = mix(h, __sync_fetch_and_or(&a64, (uint64_t)1 << (i & 63)));
		h = mix(h, __sync_fetch_and_xor(&a32, 0x5a5a5a5au));
		h = mix(h, __sync_val_compare_and_swap(&a32, a32, (uint32_t)i));
		h = mix(h, __sync_val_compare_and_swap(&a32, 12345u, 7u));	/* fails */
		h = mix(h, __sync_bool_compare_and_swap(&a16, a16, (uint16_t)(i * 3)));
		h = mix(h, __sync_val_compare_and_swap(&a8, (uint8_t)(a8 + 1), 0));	/* fails */
		h = mix(h, __sync_lock_test_and_set(&a64, (uint64_t)i * 0x0101010101010101ULL));
		h = mix(h, __sync_lock_test_and_set(&a8, (uint8_t)i));
	}
	__sync_lock_release(&a32);
	printf("sync %016llx %u %u %u %llu\n", (unsigned long long)h, a8, a16, a32,
	       (unsigned long long)a64);
}

/* FP memory traffic: single/double arrays, pairs, and integer multiply. */
static float fa[N];
static double da[N], db[N];

static void test_fp(void)
{
	uint64_t h = 0, bits;
	double sum = 0;
	float fs = 0;
	int i;

	for (i = 0; i < N; i++) {
		fa[i] = (float)i / 7.0f;
		da[i] = (double)i * 1.25 - 33.0;
	}
	for (i = 0; i + 1 < N; i += 2) {
		db[i] = da[i] * da[i + 1];
		db[i + 1] = da[i] - da[i + 1];
	}
	for (i = 0; i < N; i++) {
		sum += db[i];
		fs += fa[i];
		h = mix(h, (uint64_t)((int64_t)i * (int64_t)(i + 77) * 1000003));
	}
	memcpy(&bits, &sum, 8);
	h = mix(h, bits);
	memcpy(&bits, &da[N / 2], 8);
	h = mix(h, bits);
	{
		uint32_t fb;

		memcpy(&fb, &fs, 4);
		h = mix(h, fb);
	}
	printf("fp %016llx\n", (unsigned long long)h);
}

/* Loads the scheduler may hoist speculatively: above a null check
 * (control speculation) and above possibly aliasing stores (data). */
struct node { struct node *next; long val; long pad[3]; };

static struct node nodes[64];

static __attribute__((noinline)) long walk(const struct node *p, long *out, const long *in)
{
	long s = 0;

	while (p) {
		*out += p->val;		/* may alias *in: data speculation */
		s += *in + (p->next ? p->next->val : 0);	/* control speculation */
		p = p->next;
	}
	return s;
}

static __attribute__((noinline)) long aliasing(long *a, long *b, int n)
{
	long s = 0;
	int i;

	for (i = 0; i < n; i++) {
		a[i] = i * 3;
		s += b[i] * 2;		/* b may be a: ld.a / chk.a */
	}
	return s;
}

static void test_spec(void)
{
	long out = 0, in = 5, arr[40], r1, r2, r3, r4;
	int i;

	for (i = 0; i < 64; i++) {
		nodes[i].val = i * 11 - 100;
		nodes[i].next = (i + 1 < 64 && i % 13 != 12) ? &nodes[i + 1] : NULL;
	}
	for (i = 0; i < 40; i++)
		arr[i] = i;
	r1 = walk(&nodes[0], &out, &in);
	r2 = walk(&nodes[13], &in, &in);
	r3 = aliasing(arr, arr, 40);
	r4 = aliasing(arr, arr + 1, 39);
	printf("spec %ld %ld %ld %ld %ld %ld\n", r1, out, r2, in, r3, r4);
}

int main(void)
{
	test_alignment();
	test_widths();
	test_sync();
	test_fp();
	test_spec();
	return 0;
}
