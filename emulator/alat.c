/* SPDX-License-Identifier: MIT */
/*
 * The Advanced Load Address Table, implemented with zero entries.
 *
 * SDM Vol. 1 4.4.5.3 leaves the ALAT's size and replacement policy to the
 * implementation, and no program may rely on an advanced load staying in
 * it, so an ALAT that never holds an entry is architecturally legal:
 *   - ld.a / ld.sa allocate nothing (memory.c, mfp.c load as ld / ld.s);
 *   - ld.c / ldf.c always reload (memory.c, mfp.c count CNT_ALAT_MISS);
 *   - chk.a always branches to its recovery code (here, counted too);
 *   - invala / invala.e have nothing to invalidate (here).
 * Nothing snoops stores, so RSE, semaphore and ptc.ga interactions vanish.
 */
#include <stdio.h>

#include "munit.h"

/* chk.a.nc / chk.a.clr: the "entry" is never found, recover. */
static int x_chk_a(struct cpu *c, const struct insn *in)
{
	c->counters[CNT_ALAT_MISS]++;
	c->ip += (uint64_t)in->imm;
	c->slot = 0;
	return X_JUMP;
}

int alat_exec_invala(struct cpu *c, const struct insn *in)
{
	(void)c;
	(void)in;
	return X_NEXT;
}

static void dis_chk_gr(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	/* objdump prints chk targets as a plain 0x address */
	snprintf(buf, n, "r%u,0x%llx", in->r1, (unsigned long long)(ip + (uint64_t)in->imm));
}

static void dis_chk_fr(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	/* objdump prints chk targets as a plain 0x address */
	snprintf(buf, n, "f%u,0x%llx", in->r1, (unsigned long long)(ip + (uint64_t)in->imm));
}

static const struct opdesc chk_a_ops[4] = {
	{ "chk.a.nc", dis_chk_gr }, { "chk.a.clr", dis_chk_gr },
	{ "chk.a.nc", dis_chk_fr }, { "chk.a.clr", dis_chk_fr },
};

/* Major opcode 0, x3 = 4..7 (M22 integer, M23 FP): r1 and imm20b{32:13}. */
void alat_decode_chk_a(uint64_t raw, struct insn *in)
{
	unsigned x3 = (unsigned)slot_bits(raw, 33, 3);

	m_init(in, raw, x_chk_a, &chk_a_ops[x3 - 4]);
	in->r1 = (uint8_t)m_r1(raw);
	in->imm = ia64_sext((slot_bits(raw, 36, 1) << 20) | slot_bits(raw, 13, 20), 21) * 16;
	in->flags |= IF_BRANCH;
}
