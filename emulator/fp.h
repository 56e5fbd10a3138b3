/* SPDX-License-Identifier: MIT */
/*
 * The floating-point unit's interface to the rest of the emulator:
 * conversions between the register format and the memory/integer formats
 * (used by ldf/stf/getf/setf in the M unit), and the status-field access
 * other units need.  The arithmetic itself lives in fp.c / fpu.c.
 */
#ifndef EMU_FP_H
#define EMU_FP_H

#include <stdint.h>

#include "fpreg.h"

struct cpu;

/* Memory formats -> register format (ldfs, ldfd, ldfe, ldf8, ldf.fill). */
struct fp82 fp_from_single(uint32_t v);
struct fp82 fp_from_double(uint64_t v);
struct fp82 fp_from_ext(const uint8_t mem[10]);
struct fp82 fp_from_sig(uint64_t v);		/* ldf8, setf.sig: integer in significand */
struct fp82 fp_from_spill(const uint8_t mem[16]);
/* setf.exp / setf.s / setf.d take a general register value. */
struct fp82 fp_from_exp_gr(uint64_t v);

/* Register format -> memory formats (stfs, stfd, stfe, stf8, stf.spill). */
uint32_t fp_to_single(struct fp82 f);
uint64_t fp_to_double(struct fp82 f);
void fp_to_ext(struct fp82 f, uint8_t mem[10]);
uint64_t fp_to_sig(struct fp82 f);
void fp_to_spill(struct fp82 f, uint8_t mem[16]);
uint64_t fp_to_exp_gr(struct fp82 f);		/* getf.exp */

#endif
