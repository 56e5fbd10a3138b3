/* SPDX-License-Identifier: MIT */
/* bench emu-loop: a tight integer loop (adds, shifts, xors, compare, branch). */
#include <stdio.h>

int main(int argc, char **argv)
{
	unsigned long n = 50000000UL / (unsigned long)argc, i, h = 0x12345;

	(void)argv;
	for (i = 0; i < n; i++)
		h = (h ^ (h << 7) ^ (h >> 3)) + i;
	printf("loop: %lx\n", h);
	return 0;
}
