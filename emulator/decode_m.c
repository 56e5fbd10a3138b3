/* SPDX-License-Identifier: MIT */
/*
 * M-unit decoder entry point (SDM Vol. 3, 4.4): dispatch on the major
 * opcode to the class decoders of memory.c (integer load/store), sema.c
 * (semaphores), mfp.c (FP load/store, getf/setf, lfetch), alat.c (chk.a)
 * and msys.c (system/memory-management).  Also the operand printers and
 * fault helpers several classes share.
 */
#include <stdio.h>

#include "disasm.h"
#include "munit.h"

/* Major opcodes 2 and 3 are reserved in M slots; 8-15 are the A unit. */
void decode_m(uint64_t raw, struct insn *in)
{
	switch (slot_major(raw)) {
	case 0:
		msys_decode0(raw, in);
		break;
	case 1:
		msys_decode1(raw, in);
		break;
	case 4:
		if (m_xbit(raw) && !m_mbit(raw)) {
			unsigned x6 = m_x6(raw);

			if (x6 >= 0x1c && x6 <= 0x1f)
				mfp_decode_getf(raw, in);
			else
				sema_decode(raw, in);
		} else if (m_xbit(raw)) {
			decode_illegal(raw, in);	/* op 4 m=1 x=1: reserved */
		} else {
			mem_decode_int(raw, in);
		}
		break;
	case 5:
		mem_decode_int(raw, in);
		break;
	case 6:
	case 7:
		mfp_decode(raw, in);
		break;
	default:
		if (slot_major(raw) >= 8)
			decode_a(raw, in);
		else
			decode_illegal(raw, in);
		break;
	}
}

int m_exec_illegal(struct cpu *c, const struct insn *in)
{
	(void)in;
	return cpu_illegal_op(c);
}

int m_unaligned(struct cpu *c, uint64_t va, uint64_t isr_rw)
{
	struct fault f = {
		.vector = IVT_UNALIGNED,
		.flags = FF_IFA,
		.isr = isr_rw,
		.ifa = va,
	};

	return cpu_fault(c, &f);
}

void m_dis_ld(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=[r%u]", in->r1, in->r3);
}

void m_dis_ld_reg(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=[r%u],r%u", in->r1, in->r3, in->r2);
}

void m_dis_ld_imm(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	snprintf(buf, n, "r%u=[r%u],%lld", in->r1, in->r3, (long long)in->imm);
}
