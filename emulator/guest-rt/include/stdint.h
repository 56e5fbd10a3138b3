/* SPDX-License-Identifier: MIT */
/* guest-rt: fixed-width integer types come from the compiler. */
#ifndef GUEST_RT_STDINT_H
#define GUEST_RT_STDINT_H
#include <stdint-gcc.h>
#endif
