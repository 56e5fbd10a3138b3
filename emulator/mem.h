/* SPDX-License-Identifier: MIT */
/*
 * Data and instruction memory access on behalf of a CPU: translation,
 * protection and the resulting faults are handled behind these calls
 * (flat memory in the user-mode runner, the MMU in full-system mode).
 * All values are little endian (psr.be = 0 only).
 */
#ifndef EMU_MEM_H
#define EMU_MEM_H

#include <stdint.h>

struct cpu;

/* Access kind (combinable). */
#define ACC_R		0x01
#define ACC_W		0x02
#define ACC_X		0x04
#define ACC_SPEC	0x08	/* control-speculative (ld.s): faults defer to NaT */
#define ACC_NONACCESS	0x10	/* fc, lfetch, probe, tpa: ISR.na */
#define ACC_RSE		0x20	/* mandatory RSE spill/fill: ISR.rs / ISR.ir */
#define ACC_SEMA	0x40	/* semaphore: atomic, must be aligned */
#define ACC_ACQ		0x80
#define ACC_REL		0x100
#define ACC_NOFAULT	0x200	/* lfetch without .fault: silently give up */
#define ACC_RSE_IR	0x400	/* with ACC_RSE: fill of the incomplete current frame (ISR.ir) */
/* With ACC_NONACCESS: the ISR.code of the non-access instruction
 * (enum ia64_isr_na_code: tpa 0, fc 1, probe 2, tak 3, lfetch 4, probe.fault 5). */
#define ACC_NA_CODE_SHIFT 12
#define ACC_NA_CODE(code) ((unsigned)(code) << ACC_NA_CODE_SHIFT)

/*
 * Load/store `size` bytes (1, 2, 4, 8, 10 or 16).  Return X_NEXT (0) on
 * success, otherwise the exec_result of the fault raised (X_FAULT/X_HALT),
 * or, for ACC_SPEC accesses that must defer, -1 with nothing raised (the
 * caller writes NaT/NaTVal).
 */
int mem_read(struct cpu *c, uint64_t va, unsigned size, unsigned acc, void *out);
int mem_write(struct cpu *c, uint64_t va, unsigned size, unsigned acc, const void *in);

/* Convenience wrappers for integer sizes 1/2/4/8 (zero-extended). */
int mem_read_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t *v);
int mem_write_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t v);

/* Invalidate any decoded code covering [pa, pa+len) (fc, fc.i, stores). */
void code_invalidate(struct cpu *c, uint64_t va, uint64_t len);

#endif
