/* SPDX-License-Identifier: MIT */
/*
 * bench emu-mixed: a mix of what compiled C does — recursive calls (RSE
 * traffic), loads/stores over an array, integer multiply/divide (libgcc
 * on ia64), and double-precision FP arithmetic.
 */
#include <stdio.h>

static long data[4096];

static long __attribute__((noinline)) tree(int depth, long seed)
{
	long a, b;

	if (depth == 0)
		return seed * 2654435761L;
	a = tree(depth - 1, seed + 1);
	b = tree(depth - 1, seed ^ a);
	return a + (b >> 3);
}

static long __attribute__((noinline)) memory_pass(long k)
{
	long s = 0;
	int i;

	for (i = 0; i < 4096; i++) {
		data[i] = data[(i * 17 + k) & 4095] + i * k;
		s += data[i] / (i + 3);
	}
	return s;
}

static double __attribute__((noinline)) fp_pass(int n)
{
	double x = 1.0, y = 0.5, acc = 0;
	int i;

	for (i = 1; i <= n; i++) {
		x = x * 1.0000001 + y / i;
		acc += x * y - acc / (i + 1.0);
	}
	return acc;
}

int main(int argc, char **argv)
{
	long r = 0;
	double f = 0;
	int round, rounds = 10 / argc;

	(void)argv;
	for (round = 0; round < rounds; round++) {
		r += tree(14, round);
		r ^= memory_pass(round);
		f += fp_pass(20000);
	}
	printf("mixed: %lx %ld\n", r, (long)f);
	return 0;
}
