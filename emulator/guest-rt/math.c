/* SPDX-License-Identifier: MIT */
/*
 * guest-rt: exact rounding-to-integer functions.  Values of magnitude
 * >= 2^52 (2^23 for float) are already integers; NaN and zero pass
 * through unchanged (keeping the sign of zero).
 */
#include <math.h>

double trunc(double x)
{
	if (!(x == x) || x == 0 || fabs(x) >= 4503599627370496.0)
		return x;
	return x < 0 ? -(double)(long long)-x : (double)(long long)x;
}

double floor(double x)
{
	double t = trunc(x);

	if (t == x)
		return x;
	return x < 0 ? t - 1 : (t == 0 ? 0.0 : t);
}

double ceil(double x)
{
	double t = trunc(x);

	if (t == x)
		return x;
	/* ceil(-0.5) is -0.0 */
	return x > 0 ? t + 1 : (t == 0 ? -0.0 : t);
}

double fabs(double x)
{
	return __builtin_signbit(x) ? -x : x;
}

float truncf(float x) { return (float)trunc(x); }
float floorf(float x) { return (float)floor(x); }
float ceilf(float x) { return (float)ceil(x); }
float fabsf(float x) { return __builtin_signbit(x) ? -x : x; }
