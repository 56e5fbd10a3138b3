/* SPDX-License-Identifier: MIT */
/*
 * Weak stand-ins, for the A/I unit tests only, of library functions other
 * owners have not landed yet (memory, ITC, F-unit decode).  The A/I code
 * never calls them; they only satisfy the linker for objects pulled in
 * from libemu.a.  A real definition, once it exists, wins over these.
 */
#ifndef TEST_ALU_FAKES_H
#define TEST_ALU_FAKES_H

#include <stdint.h>
#include <stdlib.h>

#include "insn.h"

struct cpu;

#define ALU_FAKE __attribute__((weak))

ALU_FAKE int mem_read(struct cpu *c, uint64_t va, unsigned size, unsigned acc, void *out)
{ (void)c; (void)va; (void)size; (void)acc; (void)out; abort(); }
ALU_FAKE int mem_write(struct cpu *c, uint64_t va, unsigned size, unsigned acc, const void *in)
{ (void)c; (void)va; (void)size; (void)acc; (void)in; abort(); }
ALU_FAKE int mem_read_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t *v)
{ (void)c; (void)va; (void)size; (void)acc; (void)v; abort(); }
ALU_FAKE int mem_write_u(struct cpu *c, uint64_t va, unsigned size, unsigned acc, uint64_t v)
{ (void)c; (void)va; (void)size; (void)acc; (void)v; abort(); }
ALU_FAKE void code_invalidate(struct cpu *c, uint64_t va, uint64_t len)
{ (void)c; (void)va; (void)len; }
ALU_FAKE uint64_t cpu_itc_read(struct cpu *c) { (void)c; return 0; }
ALU_FAKE void cpu_itc_write(struct cpu *c, uint64_t v) { (void)c; (void)v; }
ALU_FAKE void decode_f(uint64_t raw, struct insn *in) { decode_illegal(raw, in); }

#endif
