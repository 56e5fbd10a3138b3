/* SPDX-License-Identifier: MIT */
/*
 * Semaphore instructions (SDM Vol. 3 cmpxchg, xchg, fetchadd; encodings
 * M16/M17) and the 16-byte forms sharing their opcode space.
 *
 * CPUs are run round robin on one host thread, so a read followed by a
 * write is atomic with respect to other emulated CPUs.  The read is made
 * with ACC_R|ACC_W so that write-permission and dirty-bit faults are raised
 * before anything is read, and memory is never left half-updated.
 *
 * ld16, st16 and cmp8xchg16 are optional (cpuid[4].ao); this CPU model
 * does not implement them and raises Illegal Operation.
 */
#include <stdio.h>

#include "munit.h"

enum sema_kind { S_CMPXCHG, S_XCHG, S_FETCHADD };

static inline int do_sema(struct cpu *c, const struct insn *in, enum sema_kind kind)
{
	uint64_t addr = gr_get(c, in->r3), val = gr_get(c, in->r2), old, nv;
	unsigned sz = in->a, acc = ACC_SEMA | (unsigned)in->imm2;
	uint64_t mask = sz == 8 ? ~0ULL : (1ULL << (8 * sz)) - 1;
	int r;

	if (m_gr_out_of_frame(c, in->r1))
		return cpu_illegal_op(c);
	if (gr_nat(c, in->r3) || (kind != S_FETCHADD && gr_nat(c, in->r2)))
		return cpu_nat_consumption(c, ISR_R | ISR_W);
	if (addr & (sz - 1))
		return m_unaligned(c, addr, ISR_R | ISR_W);
	r = mem_read_u(c, addr, sz, ACC_R | ACC_W | acc, &old);
	if (r)
		return r;
	switch (kind) {
	case S_CMPXCHG:
		/* The zero-extended memory value is compared with all of ar.ccv. */
		if (old != c->ar[AR_CCV])
			goto done;
		nv = val;
		break;
	case S_XCHG:
		nv = val;
		break;
	default:
		nv = old + (uint64_t)in->imm;
		break;
	}
	r = mem_write_u(c, addr, sz, ACC_W | acc, nv & mask);
	if (r)
		return r;
done:
	gr_set(c, in->r1, old, false);
	return X_NEXT;
}

static int x_cmpxchg(struct cpu *c, const struct insn *in) { return do_sema(c, in, S_CMPXCHG); }
static int x_xchg(struct cpu *c, const struct insn *in) { return do_sema(c, in, S_XCHG); }
static int x_fetchadd(struct cpu *c, const struct insn *in) { return do_sema(c, in, S_FETCHADD); }

/* --- disassembly ---------------------------------------------------------- */

static void dis_cmpxchg(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=[r%u],r%u,ar.ccv", in->r1, in->r3, in->r2);
}

static void dis_cmp8xchg16(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=[r%u],r%u,ar.csd,ar.ccv", in->r1, in->r3, in->r2);
}

static void dis_xchg(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=[r%u],r%u", in->r1, in->r3, in->r2);
}

static void dis_ld16(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u,ar.csd=[r%u]", in->r1, in->r3);
}

static void dis_st16(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "[r%u]=r%u,ar.csd", in->r3, in->r2);
}

#define LDH(s, d) { { s, d }, { s ".nt1", d }, { s ".d2", d }, { s ".nta", d } }
#define STH(s, d) { { s, d }, { s ".d1", d }, { s ".d2", d }, { s ".nta", d } }

struct sema_form {
	struct opdesc ops[4];	/* by hint */
	exec_fn exec;
	uint8_t size;
	uint16_t acc;
	bool store;		/* st16: r2 is a source, no r1 */
};

/* Major opcode 4, m=0, x=1, indexed by x6 (getf is decoded by mfp.c). */
static const struct sema_form sema_forms[64] = {
	[0x00] = { LDH("cmpxchg1.acq", dis_cmpxchg), x_cmpxchg, 1, ACC_ACQ, false },
	[0x01] = { LDH("cmpxchg2.acq", dis_cmpxchg), x_cmpxchg, 2, ACC_ACQ, false },
	[0x02] = { LDH("cmpxchg4.acq", dis_cmpxchg), x_cmpxchg, 4, ACC_ACQ, false },
	[0x03] = { LDH("cmpxchg8.acq", dis_cmpxchg), x_cmpxchg, 8, ACC_ACQ, false },
	[0x04] = { LDH("cmpxchg1.rel", dis_cmpxchg), x_cmpxchg, 1, ACC_REL, false },
	[0x05] = { LDH("cmpxchg2.rel", dis_cmpxchg), x_cmpxchg, 2, ACC_REL, false },
	[0x06] = { LDH("cmpxchg4.rel", dis_cmpxchg), x_cmpxchg, 4, ACC_REL, false },
	[0x07] = { LDH("cmpxchg8.rel", dis_cmpxchg), x_cmpxchg, 8, ACC_REL, false },
	[0x08] = { LDH("xchg1", dis_xchg), x_xchg, 1, ACC_ACQ, false },
	[0x09] = { LDH("xchg2", dis_xchg), x_xchg, 2, ACC_ACQ, false },
	[0x0a] = { LDH("xchg4", dis_xchg), x_xchg, 4, ACC_ACQ, false },
	[0x0b] = { LDH("xchg8", dis_xchg), x_xchg, 8, ACC_ACQ, false },
	[0x12] = { LDH("fetchadd4.acq", m_dis_ld_imm), x_fetchadd, 4, ACC_ACQ, false },
	[0x13] = { LDH("fetchadd8.acq", m_dis_ld_imm), x_fetchadd, 8, ACC_ACQ, false },
	[0x16] = { LDH("fetchadd4.rel", m_dis_ld_imm), x_fetchadd, 4, ACC_REL, false },
	[0x17] = { LDH("fetchadd8.rel", m_dis_ld_imm), x_fetchadd, 8, ACC_REL, false },
	[0x20] = { LDH("cmp8xchg16.acq", dis_cmp8xchg16), m_exec_illegal, 16, ACC_ACQ, false },
	[0x24] = { LDH("cmp8xchg16.rel", dis_cmp8xchg16), m_exec_illegal, 16, ACC_REL, false },
	[0x28] = { LDH("ld16", dis_ld16), m_exec_illegal, 16, 0, false },
	[0x2c] = { LDH("ld16.acq", dis_ld16), m_exec_illegal, 16, ACC_ACQ, false },
	[0x30] = { STH("st16", dis_st16), m_exec_illegal, 16, 0, true },
	[0x34] = { STH("st16.rel", dis_st16), m_exec_illegal, 16, ACC_REL, true },
};

/* fetchadd's inc3: s selects the sign, i2b the magnitude 16, 8, 4, 1. */
static int64_t fetchadd_inc(uint64_t raw)
{
	static const int8_t mag[4] = { 16, 8, 4, 1 };
	int64_t v = mag[slot_bits(raw, 13, 2)];

	return slot_bits(raw, 15, 1) ? -v : v;
}

void sema_decode(uint64_t raw, struct insn *in)
{
	const struct sema_form *f = &sema_forms[m_x6(raw)];

	/* The semaphores' hint table has no .d2 (objdump: data8); ld16/st16
	 * take the ordinary load/store hints. */
	if (!f->exec || (m_hint(raw) == 2 && f->size != 16) ||
	    (m_hint(raw) == 2 && (m_x6(raw) == 0x20 || m_x6(raw) == 0x24))) {
		decode_illegal(raw, in);
		return;
	}
	m_init(in, raw, f->exec, &f->ops[m_hint(raw)]);
	in->r3 = (uint8_t)m_r3(raw);
	in->r2 = (uint8_t)m_r2(raw);
	in->a = f->size;
	in->b = (uint8_t)m_hint(raw);
	in->imm2 = f->acc;
	if (f->exec == x_fetchadd) {
		in->r2 = 0;
		in->imm = fetchadd_inc(raw);
	}
	if (f->store) {
		in->flags |= IF_STORE;
		return;
	}
	in->r1 = (uint8_t)m_r1(raw);
	if (f->exec != m_exec_illegal)
		in->flags |= IF_STORE;
	if (in->r1 == 0)
		in->exec = m_exec_illegal;	/* check_target_register(r1) */
}
