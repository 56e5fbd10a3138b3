/* SPDX-License-Identifier: MIT */
/* guest-rt: the few exact libm functions the runtime provides. */
#ifndef GUEST_RT_MATH_H
#define GUEST_RT_MATH_H
double floor(double);
float floorf(float);
double ceil(double);
float ceilf(float);
double trunc(double);
float truncf(float);
double fabs(double);
float fabsf(float);
#define HUGE_VAL (__builtin_huge_val())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf_sign(x)
#define signbit(x) __builtin_signbit(x)
#endif
