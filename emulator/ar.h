/* SPDX-License-Identifier: MIT */
/*
 * Application-register reads and writes with their architected side
 * effects and checks (reserved/read-only registers, ignored fields, RSE
 * and ITC registers, privilege of ar.k0-k7 writes).  Implemented in ar.c;
 * used by the M-unit and I-unit `mov ar` forms and by the runner.
 */
#ifndef EMU_AR_H
#define EMU_AR_H

#include <stdbool.h>
#include <stdint.h>

struct cpu;

/* `iunit` selects the I-unit encoding's rules (only pfs/lc/ec and the
 * ignored ranges are legal there).  Return an exec_result. */
int ar_read(struct cpu *c, unsigned ar, bool iunit, uint64_t *v);
int ar_write(struct cpu *c, unsigned ar, bool iunit, uint64_t v);
/* `mov ar = r2` with the source's NaT bit: the NaT Consumption fault comes
 * after the reserved/read-only checks and before the field and privilege
 * checks (SDM order), so the move instructions use this form. */
int ar_write_nat(struct cpu *c, unsigned ar, bool iunit, uint64_t v, bool nat);

/* The interval time counter as the CPU sees it (platform or runner). */
uint64_t cpu_itc_read(struct cpu *c);
void cpu_itc_write(struct cpu *c, uint64_t v);

#endif
