/* SPDX-License-Identifier: MIT */
/*
 * Shared disassembly helpers (disasm.c).  Every unit decoder's operand
 * printer (opdesc.dis) uses these so that the whole emulator spells
 * registers, immediates and branch targets the way
 * `ia64-linux-gnu-objdump -d` does; the decode oracle compares the two
 * slot by slot.
 *
 * Contract for an opdesc.dis function: it writes the operand text only
 * (e.g. "r1=r2,r3"), starting at buf[0], always NUL-terminated, never
 * more than n bytes; "" when the instruction has no operands.  dis_insn()
 * adds the mnemonic (opdesc.name) and dis_bundle() the "(pNN)" qualifying
 * predicate, template and stop marks.
 */
#ifndef EMU_DISASM_H
#define EMU_DISASM_H

#include <stddef.h>
#include <stdint.h>

#include "insn.h"

/* Append printf-style text to the NUL-terminated string in buf (size n);
 * silently truncates. */
void dis_cat(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Register-name spellings used by objdump.  The returned pointer is either
 * a static name ("ar.lc", "cr.iva") or `tmp` filled with the generic form
 * ("ar47", "cr3"); tmp must hold DIS_NAME_MAX bytes. */
#define DIS_NAME_MAX 16
const char *dis_ar_name(unsigned ar, char tmp[DIS_NAME_MAX]);
const char *dis_cr_name(unsigned cr, char tmp[DIS_NAME_MAX]);

/* Indirect register file names as objdump prints them in
 * `mov r1=pkr[r3]`: cpuid, dbr, ibr, pkr, pmc, pmd (index = enum sys_ireg). */
const char *dis_ireg_name(unsigned f);

/*
 * IP-relative branch target: appends the absolute address ip + disp as
 * "0x40", objdump's form when no symbol is known (with symbols it prints
 * "40 <sym+0x10>"; the decode oracle normalizes that annotation).
 */
void dis_target(char *buf, size_t n, uint64_t ip, int64_t disp);

/* Immediates: objdump prints most signed immediates in decimal
 * ("adds r1=-1,r2") and nop/break/hint/movl values as 0x-prefixed hex. */
void dis_imm_dec(char *buf, size_t n, int64_t v);
void dis_imm_hex(char *buf, size_t n, uint64_t v);

/* Operand printer for an undecodable slot: objdump shows the raw 41 bits
 * as "data8 0x1ffffffffff" (decode_illegal keeps the raw bits in imm2). */
void dis_raw_slot(const struct insn *in, uint64_t ip, char *buf, size_t n);
/* Operand printer for formats whose only operand is an immediate kept in
 * insn.imm2 (break/nop/hint in the B and X units), in objdump's hex. */
void dis_only_imm2(const struct insn *in, uint64_t ip, char *buf, size_t n);

/* Operand printers of the IP-relative branches (B and X units): the
 * target alone ("br.cond 0x40") or a call's "b0=0x40". */
void dis_only_target(const struct insn *in, uint64_t ip, char *buf, size_t n);
void dis_call_target(const struct insn *in, uint64_t ip, char *buf, size_t n);

/* The 16 opdescs of a branch mnemonic pfx, one per completer set, indexed
 * by the whether-hint, prefetch and deallocation hints: wh * 4 + p * 2 + d. */
#define DIS_HINT16(pfx, dis) {						\
	{ pfx ".sptk.few", dis }, { pfx ".sptk.few.clr", dis },		\
	{ pfx ".sptk.many", dis }, { pfx ".sptk.many.clr", dis },	\
	{ pfx ".spnt.few", dis }, { pfx ".spnt.few.clr", dis },		\
	{ pfx ".spnt.many", dis }, { pfx ".spnt.many.clr", dis },	\
	{ pfx ".dptk.few", dis }, { pfx ".dptk.few.clr", dis },		\
	{ pfx ".dptk.many", dis }, { pfx ".dptk.many.clr", dis },	\
	{ pfx ".dpnt.few", dis }, { pfx ".dpnt.few.clr", dis },		\
	{ pfx ".dpnt.many", dis }, { pfx ".dpnt.many.clr", dis } }

/* Template names in objdump's spelling ("MII", "MLX"...); reserved
 * templates give objdump's "-3-" style placeholder. */
const char *dis_template_name(unsigned tmpl, char tmp[DIS_NAME_MAX]);

#endif
