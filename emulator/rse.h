/* SPDX-License-Identifier: MIT */
/*
 * Register stack engine (rse.c): the stacked-register frame, the backing
 * store and the RSE application registers.  Other units call these; only
 * rse.c touches bof/ndirty/nclean.
 */
#ifndef EMU_RSE_H
#define EMU_RSE_H

#include <stdint.h>

struct cpu;
struct insn;

/* Executors for the M-unit RSE instructions (decoded in decode_m.c). */
int exec_alloc(struct cpu *c, const struct insn *in);	/* r1, a=sof b=sol imm=sor */
int exec_flushrs(struct cpu *c, const struct insn *in);
int exec_loadrs(struct cpu *c, const struct insn *in);

/* Frame changes used by branches, cover, rfi and interruptions. */
int rse_call(struct cpu *c);			/* br.call: save CFM in PFS, new frame of sol..sof outputs */
int rse_return(struct cpu *c, uint64_t pfs);	/* br.ret: restore frame from PFS.pfm (may fill) */
int rse_cover(struct cpu *c);			/* cover: frame becomes dirty, CFM.sof = 0 */
int rse_restore_frame(struct cpu *c, uint64_t ifm);	/* rfi with IFS.v */

/* ar.rsc, ar.bsp, ar.bspstore, ar.rnat: reads and writes with side effects. */
uint64_t rse_read_ar(struct cpu *c, unsigned ar);
int rse_write_ar(struct cpu *c, unsigned ar, uint64_t v);

/* Reset: empty stack, bspstore = bsp = `bsp`. */
void rse_reset(struct cpu *c, uint64_t bsp);

#endif
